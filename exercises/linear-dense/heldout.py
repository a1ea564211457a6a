"""Grader only: points of the same line the starter never shows, inside and outside its range."""

import numpy as np


def heldout(model):
    x = np.array([-4.0, -2.5, 0.5, 1.5, 5.0, 7.5, 10.0], dtype="float32").reshape(-1, 1)
    return x, 2.0 * x - 1.0
