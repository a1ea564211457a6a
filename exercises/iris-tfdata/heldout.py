"""Grader only: the held-out flowers, four raw measurements in cm; labels 0-2 (argmax is compared)."""

from drill.data import _heldout


def heldout(model):
    return _heldout.iris()
