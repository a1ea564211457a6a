"""Grader only: 30-step windows whose next value lies after the training part, min-max
scaled with the training values' minimum and maximum, as the task tells the learner."""

import drill_heldout


def heldout(model, instance):
    return drill_heldout.univariate(instance)
