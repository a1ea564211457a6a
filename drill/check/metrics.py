"""Metrics on held-out predictions, and the score they earn against a drill's bars.

Pure functions. ``score`` needs nothing beyond Python; the metric functions import numpy
lazily (the grader runs them inside the check subprocess).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

LOWER_IS_BETTER = {"mse", "mae"}


def meets(value: float, bar: float, lower_is_better: bool) -> bool:
    """Whether ``value`` meets ``bar`` (≤ for error metrics, ≥ for accuracy); NaN meets none."""
    if value is None or math.isnan(value):
        return False
    return value <= bar if lower_is_better else value >= bar


def score(value: float | None, bars: Sequence[float], lower_is_better: bool) -> int:
    """The highest score 1–5 whose bar ``value`` meets; 0 when it meets none."""
    best = 0
    for index, bar in enumerate(bars, start=1):
        if value is not None and meets(value, bar, lower_is_better):
            best = index
    return best


def bar_table(value: float | None, bars: Sequence[float], lower_is_better: bool) -> list[dict[str, Any]]:
    """One row per score: the score, its bar, whether the value meets it."""
    return [
        {"score": i, "bar": bar, "met": value is not None and meets(value, bar, lower_is_better)}
        for i, bar in enumerate(bars, start=1)
    ]


def compute(name: str, predictions: Any, targets: Any) -> float:
    """Compute metric ``name`` ("mse", "mae", "accuracy") of predictions against targets.

    Accuracy takes sigmoid outputs (one unit, threshold 0.5), softmax/logit rows (argmax),
    and labels either sparse (integers) or one-hot.
    """
    import numpy as np

    p = np.asarray(predictions, dtype="float64")
    y = np.asarray(targets)
    if name in ("mse", "mae"):
        y = y.astype("float64")
        if p.size != y.size:
            raise ValueError(f"the model gave {p.size} numbers for {y.size} targets (output shape {p.shape[1:]}, targets {y.shape[1:]})")
        diff = p.reshape(-1) - y.reshape(-1)
        return float(np.mean(diff**2) if name == "mse" else np.mean(np.abs(diff)))
    if name == "accuracy":
        n = len(y)
        if len(p) != n:
            raise ValueError(f"the model gave {len(p)} predictions for {n} examples")
        p2 = p.reshape(n, -1)
        if p2.shape[1] == 1:
            predicted = (p2[:, 0] > 0.5).astype("int64")
        else:
            predicted = np.argmax(p2, axis=1)
        y2 = y.reshape(n, -1)
        if y2.shape[1] > 1:
            labels = np.argmax(y2, axis=1)
        else:
            labels = np.rint(y2[:, 0].astype("float64")).astype("int64")
        if np.isnan(p2).any():
            return float("nan")
        return float(np.mean(predicted == labels))
    raise ValueError(f"unknown metric {name!r}")


SAMPLE_FRACTION = 0.8


def sample_rows(x: Any, y: Any, seed: int, fraction: float = SAMPLE_FRACTION) -> tuple[Any, Any]:
    """The same random ``fraction`` of rows of ``x`` and ``y`` (arrays, lists, or tuples/dicts of them).

    The exam's hidden test data were sampled, so the same model's score wobbled a little
    between submissions; the mock exam draws a fresh sample per submission the same way.
    """
    import numpy as np

    def rows(part: Any) -> int:
        if isinstance(part, dict):
            return rows(next(iter(part.values())))
        if isinstance(part, tuple):
            return rows(part[0])
        return len(part)

    n = rows(y)
    keep = np.sort(np.random.default_rng(seed).choice(n, size=max(1, int(round(n * fraction))), replace=False))

    def take(part: Any) -> Any:
        if isinstance(part, dict):
            return {k: take(v) for k, v in part.items()}
        if isinstance(part, tuple):
            return tuple(take(v) for v in part)
        if isinstance(part, list):
            return [part[i] for i in keep]
        return np.asarray(part)[keep]

    return take(x), take(y)
