"""The image data sets of the vision drills, one per drill instance, each with its held-out part.

An ``ImageSet`` knows its classes, the shape and value range of one image and how to make its
``train`` part (what the starter's data function returns) and its ``heldout`` part (what the
grader scores on). Real data (scikit-learn's digits) are split once by a fixed, stratified
seed; generated data (``drill.data.shapes``, ``drill.data.glyphs``) draw the two parts from
different seeds, so no held-out image is ever among the training images.

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

Part = str  # "train" | "validation" | "heldout"
_DIGITS_SPLIT = {"seed": 1797, "heldout_frac": 0.2}
HELDOUT_OFFSET = 9000  # a generated set's held-out seed: its training seed + this; no public function uses it


@dataclass(frozen=True)
class ImageSet:
    """One instance's images: what the task says about them and how to make each part."""

    id: str
    description: str
    classes: tuple[str, ...]
    shape: tuple[int, ...]  # one image, as the data function returns it: (h, w) or (h, w, 3)
    max_value: int  # pixel values run 0..max_value (uint8)
    seed: int | None  # the training seed of a generated set; None for real data
    counts: dict[Part, int]  # images per class in each part (generated sets)
    _make: Callable[[Part], tuple[np.ndarray, np.ndarray]]

    def part(self, part: Part) -> tuple[np.ndarray, np.ndarray]:
        """``(x, y)`` of one part: uint8 images of ``shape``, int labels indexing ``classes``."""
        if part not in ("train", "validation", "heldout"):
            raise ValueError(f"unknown part {part!r}")
        return _cached(self._make, part)

    def facts(self) -> dict[str, object]:
        """What a task text states about this set (the instance's ``facts``)."""
        x, _ = self.part("train")
        return {"classes": list(self.classes), "n_classes": len(self.classes), "image_shape": list(self.shape),
                "max_value": self.max_value, "train_rows": len(x)}


_CACHE: dict[tuple[object, str], tuple[np.ndarray, np.ndarray]] = {}


def _cached(make, part: Part):
    """One process makes each part once (ids repeat across registries: the maker is the key)."""
    key = (make, part)
    if key not in _CACHE:
        x, y = make(part)
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


def _uci_digits(part: Part):
    x, y = _digits_all()
    train, held = split(y, **_DIGITS_SPLIT)
    if part == "validation":
        raise ValueError("the digits have no validation part")
    idx = train if part == "train" else held
    return x[idx], y[idx]


def _digits_set(set_id: str) -> ImageSet:
    return ImageSet(set_id, "handwritten digits, 8 × 8 pixels (UCI optical digits, scikit-learn's copy)",
                    tuple("0123456789"), (8, 8), 16, None, {}, _uci_digits)


# ------------------------------------------------------------------ generated
def _grey_glyphs(chars: str, size: int, seed: int, counts: dict[Part, int]):
    def make(part: Part):
        s = seed if part == "train" else seed + 1 if part == "validation" else seed + HELDOUT_OFFSET
        return glyphs.make_grey(chars, counts[part], s, size)
    return make


def _colour_glyphs(chars: str, seed: int, counts: dict[Part, int], train_style: dict | None = None,
                   heldout_style: dict | None = None):
    def make(part: Part):
        s = seed if part == "train" else seed + 1 if part == "validation" else seed + HELDOUT_OFFSET
        style = (train_style if part != "heldout" else heldout_style) or {}
        return glyphs.make_colour(chars, counts[part], s, 32, **style)
    return make


def _shapes(kinds: tuple[str, ...], seed: int, counts: dict[Part, int], train_pose: str = "any"):
    def make(part: Part):
        s = seed if part == "train" else seed + 1 if part == "validation" else seed + HELDOUT_OFFSET
        return shapes.make(kinds, counts[part], s, pose=train_pose if part != "heldout" else "any")
    return make


def _grey_shapes(kinds: tuple[str, ...], size: int, seed: int, counts: dict[Part, int]):
    def make(part: Part):
        x, y = _shapes(kinds, seed, counts)(part)
        # dark shapes on light backgrounds, turned into light ink on a dark ground (as MNIST)
        grey = 255 - x.astype(np.float32).mean(axis=-1)
        grey = grey.reshape(len(x), size, 32 // size, size, 32 // size).mean(axis=(2, 4)) if 32 % size == 0 else _resize(grey, size)
        return np.clip(grey, 0, 255).round().astype(np.uint8), y
    return make


def _resize(images: np.ndarray, size: int) -> np.ndarray:
    from PIL import Image

    return np.stack([np.asarray(Image.fromarray(im.astype(np.float32), mode="F").resize((size, size), Image.BILINEAR)) for im in images])


def _gen(set_id, description, classes, shape, max_value, seed, counts, make) -> ImageSet:
    return ImageSet(set_id, description, tuple(classes), shape, max_value, seed, counts, make)


_GREY = {"train": 120, "validation": 30, "heldout": 50}
GREY_SETS = {s.id: s for s in (
    _digits_set("uci-digits"),
    _gen("font-digits", "digits 0–9 typeset in 19 font faces, 16 × 16 pixels, tilted and shifted a little",
         "0123456789", (16, 16), 255, 501, _GREY, _grey_glyphs("0123456789", 16, 501, _GREY)),
    _gen("font-letters", "capital letters A–H typeset in 19 font faces, 16 × 16 pixels",
         "ABCDEFGH", (16, 16), 255, 511, _GREY, _grey_glyphs("ABCDEFGH", 16, 511, _GREY)),
)}

_CSV = {"train": 150, "validation": 30, "heldout": 60}
CSV_SETS = {s.id: s for s in (
    _digits_set("uci-digits"),
    _gen("font-letters", "capital letters A, H, L, O, T, X typeset in 19 font faces, 12 × 12 pixels",
         "AHLOTX", (12, 12), 255, 521, _CSV, _grey_glyphs("AHLOTX", 12, 521, _CSV)),
    _gen("grey-shapes", "greyscale drawings of five shapes, 16 × 16 pixels",
         ("circle", "square", "triangle", "cross", "ring"), (16, 16), 255, 531, _CSV,
         _grey_shapes(("circle", "square", "triangle", "cross", "ring"), 16, 531, _CSV)),
)}

# class folders are read in alphabetical order by image_dataset_from_directory: keep classes sorted
_DIRS = {"train": 150, "validation": 40, "heldout": 100}
FOLDER_SETS = {s.id: s for s in (
    _gen("shapes", "drawn shapes in random colours, sizes, places and rotations, 32 × 32 RGB",
         ("circle", "square", "star", "triangle"), (32, 32, 3), 255, 101, _DIRS,
         _shapes(("circle", "square", "star", "triangle"), 101, _DIRS)),
    _gen("arrows", "arrows pointing down, left, right or up, 32 × 32 RGB",
         ("down", "left", "right", "up"), (32, 32, 3), 255, 111, _DIRS,
         _shapes(("down", "left", "right", "up"), 111, _DIRS)),
    _gen("letters", "the letters E, K, R and X typeset in 19 faces and random colours, 32 × 32 RGB",
         ("E", "K", "R", "X"), (32, 32, 3), 255, 121, _DIRS,
         _colour_glyphs("EKRX", 121, _DIRS, {"rotate": 15, "shift": 0.15, "scale": (0.55, 0.9)},
                        {"rotate": 15, "shift": 0.15, "scale": (0.55, 0.9)})),
)}

# few images, all in one pose; the held-out images come in every pose: augmentation is what generalises
_FEW = {"train": 40, "validation": 10, "heldout": 100}
_UPRIGHT = {"rotate": 0.0, "shift": 0.0, "scale": (0.75, 0.75)}
_ANY_POSE = {"rotate": 30.0, "shift": 0.18, "scale": (0.5, 0.95)}
FEW_SETS = {s.id: s for s in (
    _gen("shapes", "circles, squares and triangles; training images centred, one size, upright",
         ("circle", "square", "triangle"), (32, 32, 3), 255, 201, _FEW,
         _shapes(("circle", "square", "triangle"), 201, _FEW, train_pose="canonical")),
    _gen("letters", "the letters A, E, K, R and T; training images centred, one size, upright",
         ("A", "E", "K", "R", "T"), (32, 32, 3), 255, 211, _FEW,
         _colour_glyphs("AEKRT", 211, _FEW, _UPRIGHT, _ANY_POSE)),
    _gen("signs", "crosses, hexagons and stars; training images centred, one size, upright",
         ("cross", "hexagon", "star"), (32, 32, 3), 255, 221, _FEW,
         _shapes(("cross", "hexagon", "star"), 221, _FEW, train_pose="canonical")),
)}

_TRANSFER = {"train": 20, "validation": 10, "heldout": 100}
TRANSFER_SETS = {s.id: s for s in (
    _gen("new-shapes", "crosses, hexagons and stars, shapes the base never saw, 32 × 32 RGB",
         ("cross", "hexagon", "star"), (32, 32, 3), 255, 401, _TRANSFER,
         _shapes(("cross", "hexagon", "star"), 401, _TRANSFER)),
    _gen("arrows", "arrows pointing down, left, right or up, 32 × 32 RGB",
         ("down", "left", "right", "up"), (32, 32, 3), 255, 411, _TRANSFER,
         _shapes(("down", "left", "right", "up"), 411, _TRANSFER)),
    _gen("letters", "the letters E, K, R and X in 19 faces and random colours, 32 × 32 RGB",
         ("E", "K", "R", "X"), (32, 32, 3), 255, 421, _TRANSFER,
         _colour_glyphs("EKRX", 421, _TRANSFER, _ANY_POSE, _ANY_POSE)),
)}

REGISTRIES = {"grey": GREY_SETS, "csv": CSV_SETS, "folders": FOLDER_SETS, "few": FEW_SETS, "transfer": TRANSFER_SETS}


def get(registry: str, instance: str) -> ImageSet:
    """The set ``instance`` of a registry, with a clear error naming the known ones."""
    sets = REGISTRIES[registry]
    if instance not in sets:
        raise ValueError(f"no image set {instance!r} here; known: {', '.join(sets)}")
    return sets[instance]
