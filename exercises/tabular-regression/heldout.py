"""Grader only: the diabetes rows the starter never sees, raw features and raw targets."""

import drill_heldout


def heldout(model):
    return drill_heldout.diabetes()
