"""Grader only: shape images from seeds the starter never uses, (32, 32, 3) float32 pixels 0-255,
labels in the alphabetical order of the class folders (circle, square, star, triangle)."""

import drill_heldout


def heldout(model):
    x, y = drill_heldout.shape_images("dirs")
    return x.astype("float32"), y
