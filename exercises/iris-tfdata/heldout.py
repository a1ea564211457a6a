"""Grader only: the held-out flowers, four raw measurements in cm; labels 0-2 (argmax is compared)."""

import drill_heldout


def heldout(model):
    return drill_heldout.iris()
