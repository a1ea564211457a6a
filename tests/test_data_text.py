"""drill.data.text: training splits only, deterministic, offline; held-out for the grader in
either form the model takes; the course's sarcasm.json.

Fixture ``tests/fixtures/originals/sarcasm.json``: five made-up headlines (example.com links)
in the course file's format, a JSON list of {article_link, headline, is_sarcastic}.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest

from drill.data import text, text_sets
from helpers import heldout_data

_heldout = heldout_data()

FIXTURES = Path(__file__).parent / "fixtures" / "originals"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a data function tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _fresh():
    text_sets._tweet_frame.cache_clear()
    text_sets._reviews.cache_clear()
    text_sets._reference_paragraphs.cache_clear()


# ---------------------------------------------------------------- training splits
def test_tweets_by_device_shapes_and_labels(no_network):
    _fresh()
    texts, labels = text.tweets_by_device()
    assert 6000 < len(texts) < 8000
    assert labels.shape == (len(texts),) and labels.dtype == np.int64
    assert set(np.unique(labels)) == {0, 1}
    assert 0.35 < labels.mean() < 0.6  # both phones well represented
    assert all(isinstance(t, str) and t for t in texts)


def test_tweets_by_source_has_three_even_classes(no_network):
    _fresh()
    texts, labels = text.tweets_by_source()
    assert 9000 < len(texts) < 12000
    counts = np.bincount(labels, minlength=3)
    assert len(counts) == len(text.SOURCE_CLASSES) == 3
    assert counts.min() / counts.sum() > 0.25


def test_python_docs_paragraphs_are_prose(no_network):
    _fresh()
    paragraphs = text.python_docs_paragraphs()
    assert len(paragraphs) > 300
    assert all(len(p.split()) > text.GEN_CONTEXT for p in paragraphs)
    assert not any(p.startswith(" ") for p in paragraphs)


@pytest.mark.parametrize("fn", [text.tweets_by_device, text.tweets_by_source, text.python_docs_paragraphs])
def test_training_splits_are_deterministic(fn):
    _fresh()
    first = fn()
    _fresh()
    second = fn()
    if isinstance(first, tuple):
        assert first[0] == second[0]
        np.testing.assert_array_equal(first[1], second[1])
    else:
        assert first == second


@pytest.mark.parametrize("train_fn, held_fn", [
    (text.tweets_by_device, _heldout.tweets_by_device),
    (text.tweets_by_source, _heldout.tweets_by_source),
])
def test_tweet_train_never_overlaps_heldout(train_fn, held_fn):
    train, _ = train_fn()
    held, held_labels = held_fn()
    assert len(held) > 0.15 * (len(train) + len(held))
    assert len(held_labels) == len(held)
    assert not set(train) & set(held)


def test_one_split_for_all_tweet_drills():
    """A text held out in one drill is never a training text of another."""
    device_train, _ = text.tweets_by_device()
    source_train, _ = text.tweets_by_source()
    device_held, _ = _heldout.tweets_by_device()
    source_held, _ = _heldout.tweets_by_source()
    assert not set(device_train) & set(source_held)
    assert not set(source_train) & set(device_held)


def test_paragraphs_train_never_overlaps_heldout():
    train = text.python_docs_paragraphs()
    held = _heldout.python_docs_paragraphs()
    assert len(held) > 50
    assert not set(train) & set(held)


# ---------------------------------------------------------------- the tasks' fixed tokenising
def test_task_vocabulary_does_not_depend_on_text_order():
    texts, _ = text.tweets_by_device()
    shuffled = list(np.random.default_rng(3).permutation(np.array(texts, dtype=object)))
    a = text._task_vectorizer(texts).get_vocabulary()
    b = text._task_vectorizer(shuffled).get_vocabulary()
    assert a == b
    assert len(a) == text.VOCAB_SIZE
    assert a[:2] == ["", text.OOV_TOKEN]


def _classifier(vocab_size: int, length: int):
    import keras

    keras.utils.set_random_seed(0)
    return keras.Sequential([
        keras.Input(shape=(length,)),
        keras.layers.Embedding(vocab_size, 8),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


def _string_model(vectorizer, inner, rank: int, tmp_path: Path):
    """The int model behind the task's vectorizer, saved as .keras and loaded fresh."""
    import keras

    shape = (1,) if rank else ()
    model = keras.Sequential([keras.Input(shape=shape, dtype="string"), vectorizer, inner])
    path = tmp_path / f"strings{rank}.keras"
    model.save(path)
    return keras.models.load_model(path, compile=False)


def _int_model(inner, tmp_path: Path):
    import keras

    path = tmp_path / "ints.h5"
    inner.save(path)
    return keras.models.load_model(path, compile=False)


@pytest.mark.parametrize("ex_train, ex_held", [
    (text.tweets_by_device, _heldout.tweets_by_device),
])
def test_both_routes_score_the_same(tmp_path, ex_train, ex_held):
    """A .h5 int model and the same model behind TextVectorization in a .keras score alike."""
    from drill.check.metrics import compute

    train, _ = ex_train()
    held, labels = ex_held()
    inner = _classifier(text.VOCAB_SIZE, text.MAX_LENGTH)
    int_model = _int_model(inner, tmp_path)
    x, y = _heldout.texts_for(int_model, train, held, labels)
    assert x.shape == (len(held), text.MAX_LENGTH) and x.dtype == np.int64
    assert x.max() < text.VOCAB_SIZE
    int_score = compute("accuracy", int_model.predict(x, verbose=0), y)
    for rank in (1, 0):
        model = _string_model(text._task_vectorizer(train), inner, rank, tmp_path)
        xs, ys = _heldout.texts_for(model, train, held, labels)
        assert tuple(xs.shape) == ((len(held), 1) if rank else (len(held),))
        assert xs.dtype.name == "string"
        np.testing.assert_array_equal(ys, y)
        assert compute("accuracy", model.predict(xs, verbose=0), ys) == int_score


def test_next_word_routes_match(tmp_path):
    import keras

    from drill.check.metrics import compute

    keras.utils.set_random_seed(0)
    inner = keras.Sequential([
        keras.Input(shape=(text.GEN_CONTEXT,)),
        keras.layers.Embedding(text.GEN_VOCAB_SIZE, 8),
        keras.layers.Flatten(),
        keras.layers.Dense(text.GEN_VOCAB_SIZE, activation="softmax"),
    ])
    int_model = _int_model(inner, tmp_path)
    x, y = _heldout.next_words(int_model)
    assert x.shape == (len(y), text.GEN_CONTEXT) and len(y) > 1000
    assert y.min() > 1 and y.max() < text.GEN_VOCAB_SIZE  # no padding or unknown targets
    vectorizer = text._task_vectorizer(text.python_docs_paragraphs(), text.GEN_VOCAB_SIZE, text.GEN_CONTEXT)
    string_model = _string_model(vectorizer, inner, 1, tmp_path)
    xs, ys = _heldout.next_words(string_model)
    np.testing.assert_array_equal(ys, y)
    np.testing.assert_array_equal(vectorizer(xs[:, 0]).numpy(), x)
    assert compute("accuracy", string_model.predict(xs, verbose=0), ys) == compute(
        "accuracy", int_model.predict(x, verbose=0), y)


# ---------------------------------------------------------------- the course's sarcasm.json
def test_load_sarcasm_json_fixture():
    headlines, labels = text.load_sarcasm_json(FIXTURES / "sarcasm.json")
    assert len(headlines) == 5
    assert headlines[0].startswith("city council approves")
    np.testing.assert_array_equal(labels, [0, 1, 0, 1, 0])


def test_load_sarcasm_json_lines(tmp_path):
    records = json.loads((FIXTURES / "sarcasm.json").read_text(encoding="utf-8"))
    path = tmp_path / "Sarcasm_Headlines_Dataset.json"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    headlines, labels = text.load_sarcasm_json(path)
    assert len(headlines) == 5 and labels.sum() == 2


def test_load_sarcasm_json_names_the_bad_record(tmp_path):
    path = tmp_path / "sarcasm.json"
    path.write_text(json.dumps([{"headline": "fine", "is_sarcastic": 0}, {"headline": "no label"}]), encoding="utf-8")
    with pytest.raises(ValueError, match="record 1"):
        text.load_sarcasm_json(path)


@pytest.mark.slow
@pytest.mark.parametrize("drill, train_fn", [
    ("text-binary", text.tweets_by_device),
    ("text-multiclass", text.tweets_by_source),
])
def test_reference_scores_the_same_by_both_routes(tmp_path, monkeypatch, drill, train_fn):
    """The trained reference as .h5 (int sequences) and wrapped behind the task's
    TextVectorization as .keras (raw strings) gets the same held-out accuracy."""
    import importlib.util

    from drill.check.metrics import compute

    heldout_data()  # registers the grader-only helpers the drill's heldout.py imports
    folder = Path(__file__).resolve().parents[1] / "exercises" / drill
    spec = importlib.util.spec_from_file_location(f"ref_{drill.replace('-', '_')}", folder / "solution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.chdir(tmp_path)
    inner = module.solution_model()
    int_model = _int_model(inner, tmp_path)
    held_spec = importlib.util.spec_from_file_location(f"held_{drill.replace('-', '_')}", folder / "heldout.py")
    held = importlib.util.module_from_spec(held_spec)
    held_spec.loader.exec_module(held)
    x, y = held.heldout(int_model)
    int_score = compute("accuracy", int_model.predict(x, verbose=0), y)
    string_model = _string_model(text._task_vectorizer(train_fn()[0]), inner, 1, tmp_path)
    xs, ys = held.heldout(string_model)
    assert compute("accuracy", string_model.predict(xs, verbose=0), ys) == pytest.approx(int_score)
