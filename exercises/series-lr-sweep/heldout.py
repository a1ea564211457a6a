"""Grader only: 14-step windows whose next value lies after the instance's training part.

x: (n, 14), y: (n,), min-max scaled with the training values' minimum and maximum,
exactly as the task tells the learner to scale the training series.
"""

import drill_heldout
from drill.data.series import SWEEP_WINDOW


def heldout(model, instance):
    return drill_heldout.univariate(instance, SWEEP_WINDOW)
