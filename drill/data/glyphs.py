"""Characters rendered from fonts in drawn styles: seeded, offline images of digits and letters.

The fonts are the DejaVu, STIX and Computer Modern faces that ship inside matplotlib (free
licences: Bitstream Vera / DejaVu, SIL OFL, and the Knuth licence, files in
``matplotlib/mpl-data/fonts/ttf``), so nothing is downloaded. Every image is one character in a
face, weight, size, slant, position and stroke drawn from a ``numpy`` generator: the same seed
always gives the same images. Held-out images come from seeds the public functions never use.

Nothing here imports TensorFlow; Pillow (a matplotlib dependency) draws the glyphs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

# faces that draw every ASCII digit and capital legibly (symbol-only faces left out)
FONT_FILES = (
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf",
    "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf",
    "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf",
    "STIXGeneral.ttf", "STIXGeneralBol.ttf", "STIXGeneralItalic.ttf", "STIXGeneralBolIta.ttf",
    "cmr10.ttf", "cmss10.ttf", "cmtt10.ttf", "cmb10.ttf",
)
RENDER = 48  # draw large, then shrink: smooth, even strokes at any output size


def font_folder() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@lru_cache(maxsize=64)
def _font(name: str, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_folder() / name), size)


def draw_char(char: str, rng: np.random.Generator, size: int, *, rotate: float = 12.0,
              shift: float = 0.12, scale: tuple[float, float] = (0.65, 0.9)) -> np.ndarray:
    """One ``(size, size)`` float image in 0–1 (1 = ink) of ``char``.

    Face, height (a fraction ``scale`` of the image), rotation (up to ``rotate`` degrees either
    way), offset (up to ``shift`` of the image) and stroke thickening are drawn from ``rng``.
    """
    from PIL import Image, ImageDraw

    face = FONT_FILES[int(rng.integers(len(FONT_FILES)))]
    height = rng.uniform(*scale)
    angle = rng.uniform(-rotate, rotate)
    dx, dy = rng.uniform(-shift, shift, 2) * RENDER
    thicken = int(rng.integers(0, 3))  # 0: as drawn, 1–2: bolder strokes
    canvas = Image.new("L", (2 * RENDER, 2 * RENDER), 0)
    font = _font(face, int(RENDER * height * 1.3))
    pen = ImageDraw.Draw(canvas)
    left, top, right, bottom = pen.textbbox((0, 0), char, font=font)
    x = RENDER - (left + right) / 2 + dx
    y = RENDER - (top + bottom) / 2 + dy
    pen.text((x, y), char, fill=255, font=font, stroke_width=thicken, stroke_fill=255)
    canvas = canvas.rotate(angle, resample=Image.BILINEAR, center=(RENDER, RENDER))
    crop = canvas.crop((RENDER // 2, RENDER // 2, RENDER // 2 + RENDER, RENDER // 2 + RENDER))
    small = crop.resize((size, size), Image.BILINEAR, reducing_gap=2.0)
    return np.clip(np.asarray(small, dtype=np.float32) / 255.0, 0.0, 1.0)


def make_grey(chars: str | tuple[str, ...], per_class: int, seed: int, size: int, *, noise: float = 0.04,
              **style) -> tuple[np.ndarray, np.ndarray]:
    """``per_class`` greyscale images of each character: ``x`` (N, size, size) uint8 0–255
    (255 = ink on a 0 background, as MNIST), ``y`` (N,) int index into ``chars``.

    Each (seed, class) pair has its own random stream: adding a class leaves the others alone.
    """
    xs, ys = [], []
    for label, char in enumerate(chars):
        rng = np.random.default_rng([seed, label, ord(char)])
        for _ in range(per_class):
            ink = draw_char(char, rng, size, **style)
            image = ink * rng.uniform(0.75, 1.0) + rng.normal(0, noise, ink.shape)
            xs.append(np.clip(image * 255, 0, 255).round().astype(np.uint8))
            ys.append(label)
    return np.stack(xs), np.asarray(ys, dtype=np.int64)


def make_colour(chars: str | tuple[str, ...], per_class: int, seed: int, size: int = 32, **style) -> tuple[np.ndarray, np.ndarray]:
    """``per_class`` RGB images of each character: dark ink of a random colour on a light, noisy
    background of another. ``x`` (N, size, size, 3) uint8 0–255, ``y`` (N,) int."""
    xs, ys = [], []
    for label, char in enumerate(chars):
        rng = np.random.default_rng([seed, label, ord(char), 3])
        for _ in range(per_class):
            ink = draw_char(char, rng, size, **style)[..., None]
            background = rng.uniform(170, 255, 3)
            colour = rng.uniform(0, 150, 3)
            image = ink * colour + (1 - ink) * background + rng.normal(0, 8, (size, size, 3))
            xs.append(np.clip(image, 0, 255).round().astype(np.uint8))
            ys.append(label)
    return np.stack(xs), np.asarray(ys, dtype=np.int64)
