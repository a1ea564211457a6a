"""Grader only: windows whose next value lies after the training part of the instance's series:
x (361, 20) raw values (the first windows reach back into the training part: that is the past a
forecaster sees), y (361,) the value after each window."""

import drill_heldout


def heldout(model, instance):
    return drill_heldout.synthetic_series(instance)
