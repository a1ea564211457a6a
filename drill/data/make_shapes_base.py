"""Train the small pre-trained base of the transfer drill and save it to ``drill/data/assets``.

    python -m drill.data.make_shapes_base

Five kinds of shapes (``BASE_KINDS``, 400 images each, seed ``BASE_SEED``) and the ten digits
typeset in colour (``drill.data.glyphs``, 150 each) train a small CNN: fifteen classes of
strokes, corners and curves, so its features carry over to other drawn things (the ImageNet of
this drill);
its convolutional part, without the classifier head (like ``include_top=False``), is saved as
``shapes_base.keras`` (input (32, 32, 3) pixels 0–255, output a (4, 4, 64) feature map). The
transfer drill's classes (new shapes, arrows, letters) are not among them. Run once; the file is shipped
in the repository, so drills never train or download it. Takes about a minute on a CPU.
"""

from __future__ import annotations

import keras
import numpy as np

from drill.data import glyphs, shapes
from drill.data.images import BASE_KINDS, BASE_PER_KIND, BASE_SEED, SHAPES_BASE

BASE_DIGITS_PER_CLASS = 150


def build_base() -> keras.Sequential:
    """The convolutional feature extractor: 32 × 32 × 3 pixels 0–255 in, 4 × 4 × 64 features out."""
    return keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        keras.layers.Rescaling(1.0 / 255, name="rescale"),
        keras.layers.Conv2D(32, (3, 3), activation="relu", name="conv1"),
        keras.layers.MaxPooling2D(name="pool1"),
        keras.layers.Conv2D(64, (3, 3), activation="relu", name="conv2"),
        keras.layers.MaxPooling2D(name="pool2"),
        keras.layers.Conv2D(64, (3, 3), activation="relu", name="conv3"),
    ], name="shapes_base")


def main() -> None:
    keras.utils.set_random_seed(BASE_SEED)
    x, y = shapes.make(BASE_KINDS, BASE_PER_KIND, BASE_SEED)
    xd, yd = glyphs.make_colour("0123456789", BASE_DIGITS_PER_CLASS, BASE_SEED, 32, rotate=20, shift=0.15, scale=(0.5, 0.95))
    x, y = np.concatenate([x, xd]), np.concatenate([y, yd + len(BASE_KINDS)])
    order = np.random.default_rng(BASE_SEED).permutation(len(x))  # validation_split takes the tail
    x, y = x[order], y[order]
    base = build_base()
    classifier = keras.Sequential([
        base,
        keras.layers.GlobalMaxPooling2D(),
        keras.layers.Dropout(0.3),  # spread what each class needs over many filters: better features to reuse
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(len(BASE_KINDS) + 10, activation="softmax"),
    ])
    classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    classifier.fit(x.astype(np.float32), y, epochs=15, batch_size=32, validation_split=0.1, verbose=2)
    SHAPES_BASE.parent.mkdir(parents=True, exist_ok=True)
    base.save(SHAPES_BASE)
    print(f"saved {SHAPES_BASE} ({SHAPES_BASE.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()
