"""Grader only: the diabetes rows the starter never sees, raw features and raw targets."""

from drill.data import _heldout


def heldout(model):
    return _heldout.diabetes()
