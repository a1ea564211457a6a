"""Small grey images for the classic (dense network) drills, one set per data instance.

- ``digits``: the UCI handwritten digits bundled with scikit-learn (BSD-3-Clause), 1,797
  images of 8 × 8 pixels, values 0 (white) to 16 (black), labels 0–9.
- ``shapes-12`` and ``shapes-16``: grey renderings of ``drill.data.shapes`` drawn from fixed
  seeds (a filled or hollow shape of random size, position and rotation on a noisy background),
  values 0–255; ``SETS`` gives the kinds (the labels, in order), the size and the seeds.

``small_images(name)`` returns the training images and labels; the held-out images come from
their own seed, which only the grader's ``exercises/_grader/drill_heldout.grader.py`` knows (for
the digits: the grader's part of a fixed stratified split). Nothing here imports TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np


@dataclass(frozen=True)
class ShapeSet:
    kinds: tuple[str, ...]
    size: int
    train_seed: int
    train_per_kind: int = 250
    heldout_per_kind: int = 60


SETS: dict[str, ShapeSet] = {
    "shapes-12": ShapeSet(("circle", "square", "triangle", "cross", "star", "ring"), 12, 1201),
    "shapes-16": ShapeSet(("hexagon", "frame", "star", "cross", "triangle"), 16, 1601),
}
PIXEL_MAX = {"digits": 16, "shapes-12": 255, "shapes-16": 255}


def _grey(images: np.ndarray) -> np.ndarray:
    return images.mean(axis=-1).round().astype(np.uint8)


@lru_cache(maxsize=None)
def _shape_images(name: str) -> tuple[np.ndarray, np.ndarray]:
    from drill.data import shapes

    spec = SETS[name]
    x, y = shapes.make(spec.kinds, spec.train_per_kind, spec.train_seed, size=spec.size)
    return _grey(x), y


def classes(name: str) -> tuple[str, ...]:
    """Label names of set ``name``, in label order."""
    return tuple(str(d) for d in range(10)) if name == "digits" else SETS[name].kinds


def small_images(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Training images of set ``name``: ``x`` (n, side, side) uint8 raw (0–``PIXEL_MAX[name]``),
    ``y`` (n,) int64 labels indexing ``classes(name)``."""
    if name == "digits":
        from drill.data import images

        return images.digits()
    if name not in SETS:
        raise ValueError(f"no image set {name!r} (known: digits, {', '.join(SETS)})")
    return _shape_images(name)
