"""Small tables of numbers: the regression and the classic (Iris) drills.

Lines (``linear-dense``): points of a straight line, one data instance each; a drawn line's
slope, intercept and points come from its seed.

Sources, all bundled with scikit-learn (BSD-3-Clause), so nothing downloads:
- diabetes: Efron, Hastie, Johnstone, Tibshirani (2004), "Least Angle Regression", 442
  patients, 10 baseline measurements, disease progression one year later.
- iris: Fisher (1936), 150 flowers, 4 measurements in cm, 3 species.

Every function returns the *training* split only, the same rows on every call; the held-out
rows are the grader's.
"""

from __future__ import annotations

import numpy as np

from drill.data._split import split

# ---------------------------------------------------------------- lines (linear-dense)
# instance → (slope, intercept, training x, held-out x); held-out x reach outside the training range
_LINES: dict[str, tuple[float, float, list[float], list[float]]] = {
    "two-x-minus-one": (2.0, -1.0, [-1.0, 0.0, 1.0, 2.0, 3.0, 4.0], [-4.0, -2.5, 0.5, 1.5, 5.0, 7.5, 10.0]),
    "celsius-fahrenheit": (1.8, 32.0, [-40.0, -10.0, 0.0, 8.0, 15.0, 22.0, 38.0], [-25.0, -3.0, 4.5, 12.0, 30.0, 45.0]),
}
LINE_SEEDS = {"drawn-line": 3107}  # generated lines: instance → seed


def _line(name: str) -> tuple[float, float, np.ndarray, np.ndarray]:
    if name in _LINES:
        slope, intercept, train, held = _LINES[name]
        return slope, intercept, np.asarray(train, np.float32), np.asarray(held, np.float32)
    if name not in LINE_SEEDS:
        raise ValueError(f"no line data set {name!r} (known: {', '.join([*_LINES, *LINE_SEEDS])})")
    rng = np.random.default_rng(LINE_SEEDS[name])
    slope = float(rng.choice([-1, 1]) * rng.integers(2, 13) / 4)  # ±0.5 … ±3 in quarters
    intercept = float(rng.integers(-8, 9) / 2)
    xs = np.sort(rng.choice(np.arange(-3, 7), size=7, replace=False)).astype(np.float32)
    held = np.asarray([-6.0, -4.5, -0.5, 2.5, 5.5, 8.0, 9.5], np.float32)
    return slope, intercept, xs, held


# ---------------------------------------------------------------- several features (linear-features)
# instance → (seed of the rule, number of features); the rule's weights and column scales come from the seed
LINEAR_RULES = {"three-columns": (4101, 3), "four-columns": (4102, 4), "five-columns": (4103, 5)}
LINEAR_NOISE = 0.05  # sd of the noise added to every target: no model gets an MSE below about 0.0025


def _linear_rule(name: str) -> tuple[np.ndarray, np.ndarray, float]:
    """(column scales, weights, bias) of rule ``name``: y = Σ w·x/scale + bias + noise."""
    if name not in LINEAR_RULES:
        raise ValueError(f"no rule {name!r} (known: {', '.join(LINEAR_RULES)})")
    seed, k = LINEAR_RULES[name]
    rng = np.random.default_rng(seed)
    scales = rng.permutation(np.asarray([1.0, 1000.0, 10.0, 100.0, 10.0][:k]))  # always several scales
    weights = np.round(rng.uniform(-4, 4, k), 2)
    return scales.astype(np.float32), weights.astype(np.float32), float(np.round(rng.uniform(-5, 5), 2))


def _linear_rows(name: str, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    scales, weights, bias = _linear_rule(name)
    rng = np.random.default_rng(seed)
    x = (rng.uniform(0, 1, (n, len(scales))) * scales).astype(np.float32)
    y = x / scales @ weights + bias + rng.normal(0, LINEAR_NOISE, n)
    return x, y.astype(np.float32)


def linear_rows(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Training rows of rule ``name``: ``x`` (300, k) float32, columns on very different scales
    (0–1, 0–10, 0–100 or 0–1000), ``y`` (300,) float32, a fixed linear rule of the columns plus a
    little noise."""
    return _linear_rows(name, 300, LINEAR_RULES[name][0] + 1)


def line_points(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Training points of line data set ``name``: ``x`` and ``y``, both (n, 1) float32 (n = 6–7)."""
    slope, intercept, xs, _ = _line(name)
    x = xs.reshape(-1, 1)
    return x, (slope * x + intercept).astype(np.float32)

DIABETES_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")
IRIS_FEATURES = ("sepal length", "sepal width", "petal length", "petal width")
IRIS_CLASSES = ("setosa", "versicolor", "virginica")

_DIABETES = {"seed": 442, "heldout_frac": 0.25, "stratify": False}
_IRIS = {"seed": 4, "heldout_frac": 0.3}


def _diabetes_all() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_diabetes

    x, y = load_diabetes(return_X_y=True, scaled=False)
    return x.astype(np.float32), y.astype(np.float32)


def _iris_all() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_iris

    x, y = load_iris(return_X_y=True)
    return x.astype(np.float32), y.astype(np.int64)


def diabetes() -> tuple[np.ndarray, np.ndarray]:
    """Training rows of the diabetes table, raw units.

    ``x``: (332, 10) float32 in the columns of ``DIABETES_FEATURES`` (age in years, sex as 1/2,
    BMI, blood pressure, six blood serum measurements: scales differ by a factor of 100);
    ``y``: (332,) float32, disease progression one year later (about 25–346).
    """
    x, y = _diabetes_all()
    train, _ = split(y, **_DIABETES)
    return x[train], y[train]


def iris() -> tuple[np.ndarray, np.ndarray]:
    """Training rows of Iris: ``x`` (105, 4) float32 in cm, ``y`` (105,) int 0–2 (``IRIS_CLASSES``)."""
    x, y = _iris_all()
    train, _ = split(y, **_IRIS)
    return x[train], y[train]
