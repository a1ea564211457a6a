"""Grader only: windows whose next value lies after the training part of the series.

x: (361, 20) raw values (the first windows reach back into the training part: that is the
past a forecaster sees), y: (361,) the value after each window.
"""

from drill.data import series


def heldout(model):
    return series._heldout_synthetic()
