"""Tabular drill data: shapes, determinism, and the training split never touching the held-out rows."""

from __future__ import annotations

import numpy as np
import pytest

from drill.data import tabular
from drill.data._split import split
from helpers import heldout_data

_heldout = heldout_data()


def _rows(x: np.ndarray) -> set[bytes]:
    return {row.tobytes() for row in np.ascontiguousarray(x)}


def test_diabetes_training_split_shapes_and_units():
    x, y = tabular.diabetes()
    assert x.shape == (332, 10) and y.shape == (332,)
    assert x.dtype == np.float32 and y.dtype == np.float32
    assert len(tabular.DIABETES_FEATURES) == 10
    assert set(np.unique(x[:, 1])) == {1.0, 2.0}  # raw units: sex coded 1/2, not standardised
    assert 20 <= y.min() and y.max() <= 350


def test_iris_training_split_is_stratified():
    x, y = tabular.iris()
    assert x.shape == (105, 4) and y.shape == (105,)
    assert np.bincount(y).tolist() == [35, 35, 35]
    assert len(tabular.IRIS_CLASSES) == 3


@pytest.mark.parametrize("name", ["diabetes", "iris"])
def test_same_rows_on_every_call(name):
    x1, y1 = getattr(tabular, name)()
    x2, y2 = getattr(tabular, name)()
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)


@pytest.mark.parametrize("name, total", [("diabetes", 442), ("iris", 150)])
def test_train_and_heldout_partition_the_data_set(name, total):
    x_train, y_train = getattr(tabular, name)()
    x_held, y_held = getattr(_heldout, name)()
    assert len(x_train) + len(x_held) == total
    all_x, _ = getattr(tabular, f"_{name}_all")()
    # every row once: the union of both parts is the whole set (iris has one duplicated flower)
    assert sorted(_rows(np.concatenate([x_train, x_held]))) == sorted(_rows(all_x))


def test_no_heldout_diabetes_row_is_in_training():
    assert not _rows(tabular.diabetes()[0]) & _rows(_heldout.diabetes()[0])


def test_split_is_disjoint_complete_deterministic_and_stratified():
    labels = np.repeat([0, 1, 2], [50, 30, 20])
    train, held = split(labels, seed=3, heldout_frac=0.2)
    assert not set(train) & set(held)
    assert sorted([*train, *held]) == list(range(100))
    assert np.bincount(labels[held]).tolist() == [10, 6, 4]
    again = split(labels, seed=3, heldout_frac=0.2)
    np.testing.assert_array_equal(held, again[1])
    assert not np.array_equal(held, split(labels, seed=4, heldout_frac=0.2)[1])


def test_split_without_stratify_only_uses_the_length():
    train, held = split(np.zeros(40), seed=1, heldout_frac=0.25, stratify=False)
    assert len(held) == 10 and len(train) == 30
