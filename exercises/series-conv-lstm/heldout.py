"""Grader only: 30-month windows whose next month lies after the training months.

x: (677, 30), y: (677,), both min-max scaled with the training months' minimum and maximum,
exactly as the task tells the learner to scale the training series.
"""

from drill.data import series


def heldout(model):
    return series._heldout_sunspots()
