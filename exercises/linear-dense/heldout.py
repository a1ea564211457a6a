"""Grader only: points of the instance's line the starter never shows, inside and outside its range."""

import drill_heldout


def heldout(model, instance):
    return drill_heldout.line(instance)
