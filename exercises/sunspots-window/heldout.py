"""Grader only: 30-month windows whose next month lies after the training months.

x: (677, 30), y: (677,), both min-max scaled with the training months' minimum and maximum,
exactly as the task tells the learner to scale the training series.
"""

import drill_heldout


def heldout(model):
    return drill_heldout.sunspots()
