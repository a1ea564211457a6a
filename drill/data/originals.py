"""Loaders for the original course and exam data sets, in the formats they are published in.

Nothing here downloads: these read files the learner already has (from the course, a
previous download, a USB stick), wherever they are.

- Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, MIT licence): the four IDX files
  ``train-images-idx3-ubyte.gz``, ``train-labels-idx1-ubyte.gz``, ``t10k-images-idx3-ubyte.gz``,
  ``t10k-labels-idx1-ubyte.gz`` (gzipped or not); MNIST uses the same format and names.
- Image folders, one subfolder a class: horses-or-humans, rock-paper-scissors, cats-and-dogs
  …, as a folder or as the ``.zip`` they are distributed in (extracted once, beside it).
"""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import numpy as np

from drill.errors import DrillError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif")
_IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")


class DataFileError(DrillError):
    """A data file is missing or not in the format expected."""

    exit_code = 2


def read_idx(path: str | Path) -> np.ndarray:
    """Read one IDX file (gzipped when its name ends in ``.gz``) into an array of its shape."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as file:
            data = file.read()
    except (OSError, EOFError) as error:
        raise DataFileError(f"cannot read {path}: {error}") from error
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in _IDX_TYPES:
        raise DataFileError(f"{path} is not an IDX file (bad magic number)")
    dtype, ndim = np.dtype(_IDX_TYPES[data[2]]), data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    start = 4 + 4 * ndim
    expected = int(np.prod(shape)) * dtype.itemsize
    if len(data) - start != expected:
        raise DataFileError(f"{path}: header says {shape} ({expected} bytes), the file holds {len(data) - start}")
    return np.frombuffer(data, dtype=dtype, offset=start).reshape(shape).astype(dtype.newbyteorder("="))


def _find(folder: Path, stem: str) -> Path:
    for name in (f"{stem}.gz", stem, stem.replace("-idx", ".idx")):
        if (folder / name).is_file():
            return folder / name
    raise DataFileError(f"{folder} has no {stem}.gz (or {stem})")


def fashion_mnist(folder: str | Path) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """``((x_train, y_train), (x_test, y_test))`` from the four IDX files in ``folder``.

    The same arrays as ``keras.datasets.fashion_mnist.load_data()``: images ``(n, 28, 28)``
    uint8 0–255, labels ``(n,)`` uint8 0–9 (names in ``FASHION_CLASSES``). Works for MNIST too.
    """
    folder = Path(folder)
    parts = []
    for prefix in ("train", "t10k"):
        x = read_idx(_find(folder, f"{prefix}-images-idx3-ubyte"))
        y = read_idx(_find(folder, f"{prefix}-labels-idx1-ubyte"))
        if x.ndim != 3 or y.ndim != 1 or len(x) != len(y):
            raise DataFileError(f"{folder}: {prefix} images {x.shape} and labels {y.shape} do not match")
        parts.append((x, y))
    return parts[0], parts[1]


def _has_images(folder: Path) -> bool:
    return any(p.suffix.lower() in IMAGE_SUFFIXES for p in folder.iterdir() if p.is_file())


def class_folder_root(path: str | Path) -> Path:
    """The folder whose subfolders are the classes, from a folder or a ``.zip``.

    A zip is extracted once into a folder of the same name beside it. Single wrapping folders
    (``rps/rock/...``) are stepped into; hidden folders (``__MACOSX``) are ignored.
    """
    path = Path(path)
    if path.suffix.lower() == ".zip":
        target = path.with_suffix("")
        if not target.is_dir():
            try:
                with zipfile.ZipFile(path) as archive:
                    archive.extractall(target)
            except (OSError, zipfile.BadZipFile) as error:
                raise DataFileError(f"cannot extract {path}: {error}") from error
        path = target
    if not path.is_dir():
        raise DataFileError(f"{path} is not a folder (or a .zip of one)")
    while True:
        subfolders = [p for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))]
        if len(subfolders) == 1 and not _has_images(path) and not _has_images(subfolders[0]):
            path = subfolders[0]
            continue
        break
    classes = [p for p in subfolders if _has_images(p)]
    if not classes:
        raise DataFileError(f"{path} has no class subfolders with images in them")
    return path


def image_folder(path: str | Path, image_size: tuple[int, int] = (150, 150)) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Every image under a class-folder tree (or its ``.zip``) as arrays.

    Returns ``x`` float32 ``(n, height, width, 3)`` with pixel values 0–255 (resized to
    ``image_size``), ``y`` int ``(n,)`` and the class names in label order — alphabetical, the
    order ``keras.utils.image_dataset_from_directory`` gives them. For big sets, pass
    ``class_folder_root(path)`` to ``image_dataset_from_directory`` instead: it streams batches.
    """
    import tensorflow as tf

    root = class_folder_root(path)
    class_names = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "__")) and _has_images(p))
    xs, ys = [], []
    for label, name in enumerate(class_names):
        for file in sorted((root / name).iterdir()):
            if file.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            try:
                image = tf.io.decode_image(tf.io.read_file(str(file)), channels=3, expand_animations=False)
            except (tf.errors.InvalidArgumentError, tf.errors.NotFoundError) as error:
                raise DataFileError(f"cannot decode {file}: {error.message}") from error
            xs.append(tf.image.resize(image, image_size).numpy())
            ys.append(label)
    return np.stack(xs).astype(np.float32), np.asarray(ys, dtype=np.int64), class_names
