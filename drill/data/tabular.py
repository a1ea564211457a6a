"""Small tables of real numbers: the regression and the classic (Iris) drills.

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
