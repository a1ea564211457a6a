"""Grader-only data: the held-out part of every drill data set (module name ``drill_heldout``).

No import statement can reach this file: it is not in ``drill.data``, and the dot in its name
(``drill_heldout.grader.py``) means no module name maps to it, even where the content is
installed inside the package (the wheel's ``drill/_content``). The grading process
(``drill.check.grading``) loads it by its path and registers it as ``drill_heldout`` before it
loads a drill's ``heldout.py``; the learner's process never has that name, so ``import
drill_heldout`` fails there. The seeds of the generated held-out images live only here.

A drill's ``heldout.py`` uses it like this::

    import drill_heldout

    def heldout(model):
        x, y = drill_heldout.digits()
        return x.astype("float32") / 16.0, y

Public data (``drill.data.*``) returns only the training rows; the functions here build the
rest from the same sources (the split rules are deterministic), or draw new images from seeds
no public function uses.
"""

from __future__ import annotations

import numpy as np

from drill.data import image_sets, images, series, shapes, small_images, tables, tabular, text, text_sets
from drill.data._split import split

# seeds for held-out shape images: no public function draws from these
HELDOUT_SEEDS = {"dirs": 9101, "few": 9201, "transfer": 9401}
HELDOUT_PER_KIND = 100
SMALL_SET_HELDOUT_SEEDS = {"shapes-12": 9121, "shapes-16": 9161}  # classic grey shape sets


# ---------------------------------------------------------------- tabular and images
def line(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out points of a line data set: ``x`` (7 or 6, 1), ``y`` the same shape, float32."""
    slope, intercept, _, held = tabular._line(name)
    x = held.reshape(-1, 1)
    return x, (slope * x + intercept).astype(np.float32)


def table(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out rows of table ``name`` (``drill.data.tables``), raw units, as ``tables.table`` gives."""
    x, y = tables._all(name)
    _, held = tables._parts(name)
    return x[held], y[held]


def small_image_set(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out images of a classic image set (``drill.data.small_images``), pixels scaled to
    0–1 (float32), and labels. The shape sets' held-out seeds live only here."""
    if name == "digits":
        x, y = digits()
    else:
        spec = small_images.SETS[name]
        x, y = shapes.make(spec.kinds, spec.heldout_per_kind, SMALL_SET_HELDOUT_SEEDS[name], size=spec.size)
        x = small_images._grey(x)
    return x.astype(np.float32) / small_images.PIXEL_MAX[name], y


def linear_rows(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out rows of a linear rule (``tabular.LINEAR_RULES``): 200 rows from a seed no public
    function uses."""
    return tabular._linear_rows(name, 200, tabular.LINEAR_RULES[name][0] + 9000)


def diabetes() -> tuple[np.ndarray, np.ndarray]:
    x, y = tabular._diabetes_all()
    _, held = split(y, **tabular._DIABETES)
    return x[held], y[held]


def iris() -> tuple[np.ndarray, np.ndarray]:
    x, y = tabular._iris_all()
    _, held = split(y, **tabular._IRIS)
    return x[held], y[held]


def digits() -> tuple[np.ndarray, np.ndarray]:
    """Held-out digits, raw: ``x`` (359, 8, 8) uint8 0–16, ``y`` (359,) int."""
    x, y = images._digits_all()
    _, held = split(y, **images._DIGITS)
    return x[held], y[held]


def shape_images(drill: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out shape images for ``drill`` ("dirs", "few" or "transfer"), uint8 0–255."""
    kinds = {"dirs": images.DIR_KINDS, "few": images.FEW_KINDS, "transfer": images.TRANSFER_KINDS}[drill]
    return shapes.make(kinds, HELDOUT_PER_KIND, HELDOUT_SEEDS[drill])


# held-out seeds of the vision drills' generated instances (training seed + 9000: the seeds of
# today's held-out shapes); no public function draws from them
VISION_HELDOUT_SEED_OFFSET = 9000


def image_set(registry: str, instance: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out images of a vision instance (``registry``: grey, csv, folders, few, transfer):
    uint8 ``x`` of the set's image shape, int ``y``. Real digits: the complement of the public
    split; generated sets: new images in every pose from the instance's held-out seed."""
    images_set = image_sets.get(registry, instance)
    if images_set.seed is None:
        return digits()
    return images_set.draw(images_set.seed + VISION_HELDOUT_SEED_OFFSET, images_set.counts["heldout"])


# ---------------------------------------------------------------- series: the end of each series
def windows(values: np.ndarray, split_at: int, past: int, future: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Every window of ``past`` steps whose ``future`` targets all lie at or after ``split_at``.

    Inputs may reach back before ``split_at`` (that is the past a forecaster sees); targets never
    do. Returns ``x`` (n, past, ...) and ``y`` (n, future, ...) with one window per step.
    """
    values = np.asarray(values, dtype=np.float32)
    starts = np.arange(split_at - past, len(values) - past - future + 1)
    x = np.stack([values[s:s + past] for s in starts])
    y = np.stack([values[s + past:s + past + future] for s in starts])
    return x, y


def synthetic_series(name: str = "trend-and-seasons") -> tuple[np.ndarray, np.ndarray]:
    """(361, 20) raw windows and (361,) next values of generated series ``name``."""
    x, y = windows(series._synthetic_all(name)[1], series.SYNTH_SPLIT, series.SYNTH_WINDOW)
    return x, y[:, 0]


def univariate(name: str, window: int = series.UNIVARIATE_WINDOW) -> tuple[np.ndarray, np.ndarray]:
    """(n, window) windows and (n,) next values of series ``name`` (``series.UNIVARIATE_SPLIT``)
    whose targets lie after the training part, min-max scaled with the training values."""
    lo, hi = series.min_max(series.univariate(name))
    x, y = windows(series.normalize(series._univariate_all(name), lo, hi), series.UNIVARIATE_SPLIT[name], window)
    return x, y[:, 0]


def sunspots() -> tuple[np.ndarray, np.ndarray]:
    """(677, 30) windows and (677,) next values, min-max scaled with the training months."""
    lo, hi = series.min_max(series.sunspots()[1])
    x, y = windows(series.normalize(series._sunspots_all()[1], lo, hi), series.SUNSPOT_SPLIT, series.SUNSPOT_WINDOW)
    return x, y[:, 0]


def ridership() -> tuple[np.ndarray, np.ndarray]:
    """(1140, 14) windows and (1140,) next days, min-max scaled with the training days."""
    lo, hi = series.min_max(series.chicago_ridership()[1])
    x, y = windows(series.normalize(series._ridership_all()[1], lo, hi), series.RIDERSHIP_SPLIT, series.RIDERSHIP_WINDOW)
    return x, y[:, 0]


def weather(airport: str = "jfk") -> tuple[np.ndarray, np.ndarray]:
    """(n, 24, 4) past hours and (n, 24, 4) next hours at one airport (``series.AIRPORTS``),
    min-max scaled per column with its training hours."""
    lo, hi = series.min_max(series.airport_weather(airport)[1])
    return windows(series.normalize(series._weather_all(airport)[1], lo, hi), series.WEATHER_SPLIT,
                   series.WEATHER_PAST, series.WEATHER_FUTURE)


# ---------------------------------------------------------------- text: the held-out fifth
def text_rows(registry: str, instance: str) -> tuple[list[str], np.ndarray]:
    """Held-out texts and labels of a text instance (``registry``: binary, multiclass or prose)."""
    return text_sets.get(registry, instance).rows(heldout=True)


def tweets_by_device() -> tuple[list[str], np.ndarray]:
    return text_rows("binary", "tweets-device")


def tweets_by_source() -> tuple[list[str], np.ndarray]:
    return text_rows("multiclass", "tweets-source")


def python_docs_paragraphs() -> list[str]:
    return text_rows("prose", "python-reference")[0]


def classifier(model, registry: str, instance: str):
    """``(x, y)`` the grader scores a text classifier of one instance on."""
    texts, labels = text_rows(registry, instance)
    train_texts, _ = text_sets.get(registry, instance).rows()
    return texts_for(model, train_texts, texts, labels)


def string_input(model) -> tuple[bool, int]:
    """Whether ``model`` takes raw strings, and the rank of its input (batch left out)."""
    inputs = getattr(model, "inputs", None) or []
    if not inputs:
        return False, 1
    dtype = str(getattr(inputs[0], "dtype", ""))
    return "string" in dtype, len(tuple(inputs[0].shape)) - 1


def string_tensor(texts: list[str], rank: int):
    """Strings as a ``tf.Tensor`` (Keras 3's predict refuses NumPy string arrays), shaped
    (n, 1) for a model built on ``Input(shape=(1,), dtype="string")``, else (n,)."""
    import tensorflow as tf

    x = tf.constant([str(t) for t in texts], dtype=tf.string)
    return tf.reshape(x, (-1, 1)) if rank >= 1 else x


def texts_for(model, train_texts: list[str], held_texts: list[str], labels: np.ndarray):
    """``(x, y)`` for a text classifier: raw strings when the model takes strings, else the
    held-out texts tokenised with the task's settings adapted on exactly ``train_texts``."""
    is_string, rank = string_input(model)
    if is_string:
        return string_tensor(held_texts, rank), labels
    layer = text._task_vectorizer(train_texts)
    return np.asarray(layer(np.asarray(held_texts, dtype=object))).astype(np.int64), labels


def next_word_windows(layer, paragraphs: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Every run of ``GEN_CONTEXT`` word ids inside a paragraph, and the id that follows it."""
    xs, ys = [], []
    for paragraph in paragraphs:
        ids = np.asarray(layer(paragraph)).astype(np.int64)
        for i in range(text.GEN_CONTEXT, len(ids)):
            xs.append(ids[i - text.GEN_CONTEXT:i])
            ys.append(ids[i])
    return np.asarray(xs, dtype=np.int64).reshape(-1, text.GEN_CONTEXT), np.asarray(ys, dtype=np.int64)


def next_words(model, instance: str = "python-reference") -> tuple[np.ndarray, np.ndarray]:
    """Held-out next-word windows of one instance: ids (or the words, for a string model) and
    the target ids. Targets that fall outside the vocabulary (0 or the OOV id 1) are left out.
    """
    layer = text._task_vectorizer(text.prose_paragraphs(instance), max_tokens=text.GEN_VOCAB_SIZE, length=None)
    held = text_rows("prose", instance)[0]
    x, y = next_word_windows(layer, held)
    keep = y > 1
    x, y = x[keep], y[keep]
    is_string, rank = string_input(model)
    if not is_string:
        return x, y
    # the same windows as words: tokenise with a vocabulary holding every held-out word
    words_layer = text._task_vectorizer(held, max_tokens=None, length=None)
    words = np.asarray(words_layer.get_vocabulary(), dtype=object)
    wx, _ = next_word_windows(words_layer, held)
    wx = wx[keep]
    return string_tensor([" ".join(words[row]) for row in wx], rank), y
