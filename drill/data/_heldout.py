"""Grader-only data: the held-out part of every drill data set.

Only the drills' ``heldout.py`` files import this module. The rows and images here are never
returned by the public data functions (``drill.data.tabular``, ``drill.data.images``).
"""

from __future__ import annotations

import numpy as np

from drill.data import images, shapes, tabular
from drill.data._split import split

# seeds for held-out shape images: no public function draws from these
HELDOUT_SEEDS = {"dirs": 9101, "few": 9201, "transfer": 9401}
HELDOUT_PER_KIND = 100


def line(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out points of a line data set: ``x`` (7 or 6, 1), ``y`` the same shape, float32."""
    slope, intercept, _, held = tabular._line(name)
    x = held.reshape(-1, 1)
    return x, (slope * x + intercept).astype(np.float32)


def diabetes() -> tuple[np.ndarray, np.ndarray]:
    x, y = tabular._diabetes_all()
    _, held = split(y, **tabular._DIABETES)
    return x[held], y[held]


def iris() -> tuple[np.ndarray, np.ndarray]:
    x, y = tabular._iris_all()
    _, held = split(y, **tabular._IRIS)
    return x[held], y[held]


def digits() -> tuple[np.ndarray, np.ndarray]:
    """Held-out digits, raw: ``x`` (359, 8, 8) uint8 0–16, ``y`` (359,) int."""
    x, y = images._digits_all()
    _, held = split(y, **images._DIGITS)
    return x[held], y[held]


def shape_images(drill: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out shape images for ``drill`` ("dirs", "few" or "transfer"), uint8 0–255."""
    kinds = {"dirs": images.DIR_KINDS, "few": images.FEW_KINDS, "transfer": images.TRANSFER_KINDS}[drill]
    return shapes.make(kinds, HELDOUT_PER_KIND, HELDOUT_SEEDS[drill])
