"""Image data for the classic and vision drills, training split only.

Every vision drill has several data instances (``drill.data.image_sets`` lists them with their
held-out parts); the functions taking ``instance`` return that instance's training images.

- digits: scikit-learn's bundled copy (BSD-3-Clause) of the UCI "Optical Recognition of
  Handwritten Digits" test set (Alpaydin & Kaynak, 1998): 1,797 images of 8 × 8 pixels, values
  0–16, labels 0–9. A fixed, stratified fifth of it is held out for the grader.
- shapes: images drawn from a seed by ``drill.data.shapes`` (nothing real fits these drills
  offline); the grader's images come from seeds these functions never use.
- the small pre-trained base for the transfer drill, trained on shapes by
  ``drill/data/make_shapes_base.py`` and shipped as ``drill/data/assets/shapes_base.keras``.

Nothing here downloads or imports TensorFlow at import time.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from drill.data import image_sets, shapes
from drill.data._split import split

ASSETS = Path(__file__).resolve().parent / "assets"
SHAPES_BASE = ASSETS / "shapes_base.keras"

_DIGITS = {"seed": 1797, "heldout_frac": 0.2}

# shape drills: the kinds each one uses and the seeds its training images come from
DIR_KINDS = ("circle", "square", "star", "triangle")  # alphabetical, as image_dataset_from_directory orders classes
DIR_SEEDS = {"train": 101, "validation": 102}
DIR_COUNTS = {"train": 150, "validation": 40}
FEW_KINDS = ("circle", "square", "triangle")
FEW_SEED, FEW_PER_KIND = 201, 40
BASE_KINDS = ("circle", "square", "triangle", "ring", "frame")
BASE_SEED, BASE_PER_KIND = 301, 400
TRANSFER_KINDS = ("cross", "hexagon", "star")
TRANSFER_SEED, TRANSFER_PER_KIND = 401, 20


def _digits_all() -> tuple[np.ndarray, np.ndarray]:
    return image_sets._digits_all()


def digits() -> tuple[np.ndarray, np.ndarray]:
    """Training digits: ``x`` (1438, 8, 8) uint8 with values 0–16, ``y`` (1438,) int 0–9."""
    x, y = _digits_all()
    train, _ = split(y, **_DIGITS)
    return x[train], y[train]


def digits_csv(path: str | Path = "digits_train.csv") -> Path:
    """Write the training digits as a CSV and return its path.

    One header row ``label,pixel0,…,pixel63``, then one image a row: the label, then the 64
    pixel values (0–16) row by row, the layout of Kaggle's MNIST-style CSV files.
    """
    x, y = digits()
    path = Path(path)
    header = "label," + ",".join(f"pixel{i}" for i in range(64))
    rows = np.column_stack([y, x.reshape(len(x), -1)])
    np.savetxt(path, rows, fmt="%d", delimiter=",", header=header, comments="")
    return path


def shape_folders(root: str | Path = "shapes") -> tuple[Path, Path]:
    """Write shape images as class folders and return ``(train_dir, validation_dir)``.

    ``root/train/<kind>/*.png`` (150 a kind) and ``root/validation/<kind>/*.png`` (40 a kind),
    kinds ``DIR_KINDS``, 32 × 32 RGB. Written once; calling again reuses the files.
    """
    root = Path(root)
    return tuple(shapes.write_folders(root / part, DIR_KINDS, DIR_COUNTS[part], DIR_SEEDS[part]) for part in ("train", "validation"))


def few_shapes() -> tuple[np.ndarray, np.ndarray]:
    """Forty images of each of ``FEW_KINDS``: ``x`` (120, 32, 32, 3) uint8 0–255, ``y`` (120,) int 0–2."""
    return shapes.make(FEW_KINDS, FEW_PER_KIND, FEW_SEED)


def transfer_shapes() -> tuple[np.ndarray, np.ndarray]:
    """Twenty images of each of ``TRANSFER_KINDS`` (kinds the base never saw).

    ``x`` (60, 32, 32, 3) uint8 0–255, ``y`` (60,) int 0–2.
    """
    return shapes.make(TRANSFER_KINDS, TRANSFER_PER_KIND, TRANSFER_SEED)


def shapes_base():
    """The pre-trained shapes base, a fresh Keras model loaded from ``SHAPES_BASE``.

    Input (32, 32, 3) with pixel values 0–255 (it rescales inside); output a (4, 4, 64)
    feature map: the convolutional part of a network trained on ``BASE_KINDS``, its
    classifier head cut off (like ``include_top=False``).
    """
    import keras

    return keras.models.load_model(SHAPES_BASE)


# ------------------------------------------------------------------ one function per drill, by instance
def grey_images(instance: str = "uci-digits") -> tuple[np.ndarray, np.ndarray]:
    """Training images of a greyscale instance (digits-conv): ``x`` (n, h, w) uint8 with values
    0 to the set's maximum (16 for ``uci-digits``, 255 otherwise), ``y`` (n,) int class index."""
    return image_sets.get("grey", instance).part("train")


def pixels_csv(instance: str = "uci-digits", path: str | Path | None = None) -> Path:
    """Write an instance's training images as a CSV file and return its path.

    Default file name ``<instance>_train.csv``. One header row ``label,pixel0,…`` then one image a
    row: the label (class index), then every pixel value row by row (Kaggle's MNIST-style layout).
    """
    x, y = image_sets.get("csv", instance).part("train")
    path = Path(path or f"{instance}_train.csv")
    header = "label," + ",".join(f"pixel{i}" for i in range(x[0].size))
    np.savetxt(path, np.column_stack([y, x.reshape(len(x), -1)]), fmt="%d", delimiter=",", header=header, comments="")
    return path


def image_folders(instance: str = "shapes", root: str | Path = "images") -> tuple[Path, Path]:
    """Write an instance's images as class folders and return ``(train_dir, validation_dir)``:
    ``root/train/<class>/*.png`` and ``root/validation/<class>/*.png``, 32 × 32 RGB. Written once;
    calling again reuses the files."""
    images = image_sets.get("folders", instance)
    root = Path(root)
    out = []
    for part in ("train", "validation"):
        x, y = images.part(part)
        folder = root / part
        for i, (image, label) in enumerate(zip(x, y)):
            target = folder / images.classes[label] / f"{images.classes[label]}_{i:04d}.png"
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shapes.write_png(target, image)
        out.append(folder)
    return out[0], out[1]


def few_images(instance: str = "shapes") -> tuple[np.ndarray, np.ndarray]:
    """The few training images of a small-data-augment instance: ``x`` (n, 32, 32, 3) uint8
    0–255, all in one pose, ``y`` (n,) int class index."""
    return image_sets.get("few", instance).part("train")


def transfer_images(instance: str = "new-shapes") -> tuple[np.ndarray, np.ndarray]:
    """The training images of a transfer-frozen-base instance (classes the base never saw):
    ``x`` (n, 32, 32, 3) uint8 0–255, ``y`` (n,) int class index."""
    return image_sets.get("transfer", instance).part("train")


def class_names(drill_kind: str, instance: str) -> tuple[str, ...]:
    """The class names of an instance, in label order (``drill_kind``: grey, csv, folders, few, transfer)."""
    return image_sets.get(drill_kind, instance).classes
