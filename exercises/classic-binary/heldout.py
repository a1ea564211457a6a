"""Grader only: the instance's held-out rows, raw values and targets."""

import drill_heldout


def heldout(model, instance):
    return drill_heldout.table(instance)
