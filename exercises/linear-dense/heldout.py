"""Grader only: points of the instance's line the starter never shows, inside and outside its range."""

from drill.data import _heldout


def heldout(model, instance):
    return _heldout.line(instance)
