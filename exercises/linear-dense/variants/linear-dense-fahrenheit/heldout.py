"""Grader only: temperatures the starter never shows."""

import numpy as np


def heldout(model):
    c = np.array([-25.0, -3.0, 4.5, 12.0, 30.0, 45.0], dtype="float32").reshape(-1, 1)
    return c, c * 1.8 + 32.0
