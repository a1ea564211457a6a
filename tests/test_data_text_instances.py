"""drill.data.text_sets: every text instance reads offline, is the same on every call, has
every class on both sides of the split, and never shares a text between its sides."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from helpers import heldout_data
from drill.data import text, text_sets

ALL_SETS = [(reg, inst) for reg, sets in text_sets.REGISTRIES.items() if reg != "sequence" for inst in sets]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a data function tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("registry, instance", ALL_SETS, ids=[f"{r}-{i}" for r, i in ALL_SETS])
def test_text_instance_split_is_disjoint_and_complete(registry, instance, no_network):
    texts_set = text_sets.get(registry, instance)
    train, labels = texts_set.rows()
    held, held_labels = texts_set.rows(heldout=True)
    assert all(isinstance(t, str) and t.strip() for t in train + held)
    assert labels.dtype == np.int64 and len(labels) == len(train) and len(held_labels) == len(held)
    assert not set(train) & set(held)
    assert 0.12 < len(held) / (len(train) + len(held)) < 0.28
    if texts_set.classes:
        k = len(texts_set.classes)
        assert set(np.unique(labels)) == set(np.unique(held_labels)) == set(range(k))
        counts = np.bincount(labels, minlength=k)
        assert counts.min() / counts.sum() > 0.5 / k  # no class is a rounding error
        assert len(held) >= 100
    else:
        assert sum(len(t.split()) for t in train) > 10_000  # enough prose for a language model
        assert all(len(t.split()) > text.GEN_CONTEXT for t in train)


@pytest.mark.parametrize("registry, instance", ALL_SETS, ids=[f"{r}-{i}" for r, i in ALL_SETS])
def test_text_instance_is_the_same_on_every_call(registry, instance):
    texts_set = text_sets.get(registry, instance)
    first = texts_set.rows()
    text_sets._tweet_frame.cache_clear()
    text_sets._reviews.cache_clear()
    text_sets._reference_paragraphs.cache_clear()
    again = texts_set.rows()
    assert first[0] == again[0]
    np.testing.assert_array_equal(first[1], again[1])


def test_public_functions_hand_out_the_training_side_only():
    texts, _ = text.binary_texts("food-reviews")
    held, _ = heldout_data().text_rows("binary", "food-reviews")
    assert texts == text_sets.BINARY_SETS["food-reviews"].rows()[0]
    assert not set(texts) & set(held)
    assert text.prose_paragraphs("tweets") == text_sets.PROSE_SETS["tweets"].rows()[0]
    assert text.text_classes("multiclass", "course-titles")[2] == "Law"


def test_a_text_held_out_anywhere_is_never_trained_on_elsewhere():
    """One hash split for every instance: tweets shared by several instances stay on one side."""
    held = set()
    train = set()
    for registry, instance in ALL_SETS:
        texts_set = text_sets.get(registry, instance)
        train |= set(texts_set.rows()[0])
        held |= set(texts_set.rows(heldout=True)[0])
    assert not train & held


def test_unknown_instance_names_the_known_ones():
    with pytest.raises(ValueError, match="tweets-era"):
        text.binary_texts("nope")
