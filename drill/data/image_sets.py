"""The image data sets of the vision drills, one per drill instance, each with its held-out part.

An ``ImageSet`` knows its classes, the shape and value range of one image and how to make its
``train`` and ``validation`` parts (what the starter's data functions return). The held-out
part is built only by the grader (``exercises/_grader/drill_heldout.grader.py``): for real data
(scikit-learn's digits) the complement of a fixed, stratified split; for generated data
(``drill.data.shapes``, ``drill.data.glyphs``) ``draw(seed, per_class)`` in the held-out pose
from seeds that only the grader file holds, so no held-out image is among the training images.

Registries, keyed by instance id, one per drill: ``GREY_SETS`` (digits-conv), ``CSV_SETS``
(pixels-from-csv), ``FOLDER_SETS`` (shapes-from-dirs), ``FEW_SETS`` (small-data-augment),
``TRANSFER_SETS`` (transfer-frozen-base). Nothing here imports TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from drill.data import glyphs, shapes
from drill.data._split import split

Part = str  # "train" | "validation"
_DIGITS_SPLIT = {"seed": 1797, "heldout_frac": 0.2}


@dataclass(frozen=True)
class ImageSet:
    """One instance's images: what the task says about them and how to make each part."""

    id: str
    description: str
    classes: tuple[str, ...]
    shape: tuple[int, ...]  # one image, as the data function returns it: (h, w) or (h, w, 3)
    max_value: int  # pixel values run 0..max_value (uint8)
    seed: int | None  # the training seed of a generated set; None for real data
    counts: dict[str, int]  # images per class: "train", "validation" and (drawn by the grader) "heldout"
    # (seed, images per class, pose) -> (x, y); pose "train" or "heldout" (sets whose training
    # images all come in one pose draw the grader's in every pose)
    _draw: Callable[[int, int, str], tuple[np.ndarray, np.ndarray]] | None
    _real: Callable[[], tuple[np.ndarray, np.ndarray]] | None = None  # real data: the training rows

    def part(self, part: Part) -> tuple[np.ndarray, np.ndarray]:
        """``(x, y)`` of one part: uint8 images of ``shape``, int labels indexing ``classes``."""
        if part not in ("train", "validation"):
            raise ValueError(f"unknown part {part!r} (the held-out part is the grader's)")
        if self._real is not None:
            if part == "validation":
                raise ValueError(f"{self.id} has no validation part")
            return _cached(self._real, ("real", self.id, part))
        seed = self.seed if part == "train" else self.seed + 1
        return _cached(lambda _: self._draw(seed, self.counts[part], "train"), (self.id, self.seed, part))

    def draw(self, seed: int, per_class: int) -> tuple[np.ndarray, np.ndarray]:
        """``per_class`` new images of each class from ``seed``, in the pose the grader's come in."""
        if self._draw is None:
            raise ValueError(f"{self.id} is real data: it draws no new images")
        return self._draw(seed, per_class, "heldout")

    def facts(self) -> dict[str, object]:
        """What a task text states about this set (the instance's ``facts``)."""
        x, _ = self.part("train")
        return {"classes": list(self.classes), "n_classes": len(self.classes), "image_shape": list(self.shape),
                "max_value": self.max_value, "train_rows": len(x)}


_CACHE: dict[tuple[object, str], tuple[np.ndarray, np.ndarray]] = {}


def _cached(make, key):
    """One process makes each part once (keyed by what identifies it)."""
    if key not in _CACHE:
        x, y = make(key)
        x.setflags(write=False)
        y.setflags(write=False)
        _CACHE[key] = (x, y)
    x, y = _CACHE[key]
    return x.copy(), y.copy()


# ------------------------------------------------------------------ real: scikit-learn's digits
@lru_cache(maxsize=1)
def _digits_all() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    bunch = load_digits()
    return bunch.images.astype(np.uint8), bunch.target.astype(np.int64)


def _uci_digits_train(_key=None):
    x, y = _digits_all()
    train, _ = split(y, **_DIGITS_SPLIT)
    return x[train], y[train]


def _digits_set(set_id: str) -> ImageSet:
    return ImageSet(set_id, "handwritten digits, 8 × 8 pixels (UCI optical digits, scikit-learn's copy)",
                    tuple("0123456789"), (8, 8), 16, None, {"heldout": 0}, None, _uci_digits_train)


# ------------------------------------------------------------------ generated
def _grey_glyphs(chars: str, size: int):
    return lambda seed, n, pose: glyphs.make_grey(chars, n, seed, size)


def _colour_glyphs(chars: str, train_style: dict, heldout_style: dict):
    return lambda seed, n, pose: glyphs.make_colour(chars, n, seed, 32, **(train_style if pose == "train" else heldout_style))


def _shapes(kinds: tuple[str, ...], train_pose: str = "any"):
    return lambda seed, n, pose: shapes.make(kinds, n, seed, pose=train_pose if pose == "train" else "any")


def _grey_shapes(kinds: tuple[str, ...], size: int):
    def make(seed: int, n: int, pose: str):
        x, y = shapes.make(kinds, n, seed)
        # dark shapes on light backgrounds, turned into light ink on a dark ground (as MNIST)
        grey = 255 - x.astype(np.float32).mean(axis=-1)
        grey = grey.reshape(len(x), size, 32 // size, size, 32 // size).mean(axis=(2, 4)) if 32 % size == 0 else _resize(grey, size)
        return np.clip(grey, 0, 255).round().astype(np.uint8), y
    return make


def _resize(images: np.ndarray, size: int) -> np.ndarray:
    from PIL import Image

    return np.stack([np.asarray(Image.fromarray(im.astype(np.float32), mode="F").resize((size, size), Image.BILINEAR)) for im in images])


def _gen(set_id, description, classes, shape, max_value, seed, counts, draw) -> ImageSet:
    return ImageSet(set_id, description, tuple(classes), shape, max_value, seed, counts, draw)


_GREY = {"train": 120, "validation": 30, "heldout": 50}
GREY_SETS = {s.id: s for s in (
    _digits_set("uci-digits"),
    _gen("font-digits", "digits 0–9 typeset in 19 font faces, 16 × 16 pixels, tilted and shifted a little",
         "0123456789", (16, 16), 255, 501, _GREY, _grey_glyphs("0123456789", 16)),
    _gen("font-letters", "capital letters A–H typeset in 19 font faces, 16 × 16 pixels",
         "ABCDEFGH", (16, 16), 255, 511, _GREY, _grey_glyphs("ABCDEFGH", 16)),
)}

_CSV = {"train": 150, "validation": 30, "heldout": 60}
CSV_SETS = {s.id: s for s in (
    _digits_set("uci-digits"),
    _gen("font-letters", "capital letters A, H, L, O, T, X typeset in 19 font faces, 12 × 12 pixels",
         "AHLOTX", (12, 12), 255, 521, _CSV, _grey_glyphs("AHLOTX", 12)),
    _gen("grey-shapes", "greyscale drawings of five shapes, 16 × 16 pixels",
         ("circle", "square", "triangle", "cross", "ring"), (16, 16), 255, 531, _CSV,
         _grey_shapes(("circle", "square", "triangle", "cross", "ring"), 16)),
)}

# class folders are read in alphabetical order by image_dataset_from_directory: keep classes sorted
_DIRS = {"train": 150, "validation": 40, "heldout": 100}
FOLDER_SETS = {s.id: s for s in (
    _gen("shapes", "drawn shapes in random colours, sizes, places and rotations, 32 × 32 RGB",
         ("circle", "square", "star", "triangle"), (32, 32, 3), 255, 101, _DIRS,
         _shapes(("circle", "square", "star", "triangle"))),
    _gen("arrows", "arrows pointing down, left, right or up, 32 × 32 RGB",
         ("down", "left", "right", "up"), (32, 32, 3), 255, 111, _DIRS,
         _shapes(("down", "left", "right", "up"))),
    _gen("letters", "the letters E, K, R and X typeset in 19 faces and random colours, 32 × 32 RGB",
         ("E", "K", "R", "X"), (32, 32, 3), 255, 121, _DIRS,
         _colour_glyphs("EKRX", {"rotate": 15, "shift": 0.15, "scale": (0.55, 0.9)},
                        {"rotate": 15, "shift": 0.15, "scale": (0.55, 0.9)})),
)}

# few images, all in one pose; the held-out images come in every pose: augmentation is what generalises
_FEW = {"train": 40, "validation": 10, "heldout": 100}
_UPRIGHT = {"rotate": 0.0, "shift": 0.0, "scale": (0.75, 0.75)}
_ANY_POSE = {"rotate": 30.0, "shift": 0.18, "scale": (0.5, 0.95)}
FEW_SETS = {s.id: s for s in (
    _gen("shapes", "circles, squares and triangles; training images centred, one size, upright",
         ("circle", "square", "triangle"), (32, 32, 3), 255, 201, _FEW,
         _shapes(("circle", "square", "triangle"), train_pose="canonical")),
    _gen("letters", "the letters A, E, K, R and T; training images centred, one size, upright",
         ("A", "E", "K", "R", "T"), (32, 32, 3), 255, 211, _FEW,
         _colour_glyphs("AEKRT", _UPRIGHT, _ANY_POSE)),
    _gen("signs", "crosses, hexagons and stars; training images centred, one size, upright",
         ("cross", "hexagon", "star"), (32, 32, 3), 255, 221, _FEW,
         _shapes(("cross", "hexagon", "star"), train_pose="canonical")),
)}

_TRANSFER = {"train": 20, "validation": 10, "heldout": 100}
TRANSFER_SETS = {s.id: s for s in (
    _gen("new-shapes", "crosses, hexagons and stars, shapes the base never saw, 32 × 32 RGB",
         ("cross", "hexagon", "star"), (32, 32, 3), 255, 401, _TRANSFER,
         _shapes(("cross", "hexagon", "star"))),
    _gen("arrows", "arrows pointing down, left, right or up, 32 × 32 RGB",
         ("down", "left", "right", "up"), (32, 32, 3), 255, 411, _TRANSFER,
         _shapes(("down", "left", "right", "up"))),
    _gen("letters", "the letters E, K, R and X in 19 faces and random colours, 32 × 32 RGB",
         ("E", "K", "R", "X"), (32, 32, 3), 255, 421, _TRANSFER,
         _colour_glyphs("EKRX", _ANY_POSE, _ANY_POSE)),
)}

REGISTRIES = {"grey": GREY_SETS, "csv": CSV_SETS, "folders": FOLDER_SETS, "few": FEW_SETS, "transfer": TRANSFER_SETS}


def get(registry: str, instance: str) -> ImageSet:
    """The set ``instance`` of a registry, with a clear error naming the known ones."""
    sets = REGISTRIES[registry]
    if instance not in sets:
        raise ValueError(f"no image set {instance!r} here; known: {', '.join(sets)}")
    return sets[instance]
