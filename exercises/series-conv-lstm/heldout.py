"""Grader only: 30-step windows whose next value lies after the instance's training part.

x: (n, 30), y: (n,), both min-max scaled with the training values' minimum and maximum,
exactly as the task tells the learner to scale the training series.
"""

import drill_heldout


def heldout(model, instance):
    return drill_heldout.univariate(instance)
