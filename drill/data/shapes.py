"""Images of simple shapes, drawn with numpy from a seed: the same seed always gives the same images.

Used where no real image set fits offline (a CNN from a directory, augmentation on a few
images, transfer to a new label set). Every image is RGB ``uint8`` of ``size`` × ``size``:
one filled (or hollow) shape of a random colour, position, size and rotation on a noisy
background of another colour. Nothing here imports TensorFlow; PNG files are written with
zlib alone.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

KINDS = ("circle", "square", "triangle", "cross", "star", "ring", "frame", "hexagon", "arrow")
# arrows drawn pointing one way: the class is the direction, the angle only jitters around it
ARROW_ANGLES = {"right": 0.0, "down": 0.5 * np.pi, "left": np.pi, "up": 1.5 * np.pi}  # image y grows downwards
SUPERSAMPLE = 3  # draw at 3× and average: smooth edges


def _polygon_mask(px: np.ndarray, py: np.ndarray, vx: np.ndarray, vy: np.ndarray) -> np.ndarray:
    """Even-odd rule: True where (px, py) lies inside the polygon with vertices (vx, vy)."""
    inside = np.zeros(px.shape, dtype=bool)
    n = len(vx)
    for i in range(n):
        x1, y1, x2, y2 = vx[i], vy[i], vx[(i + 1) % n], vy[(i + 1) % n]
        crosses = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_at = (x2 - x1) * (py - y1) / (y2 - y1) + x1
        inside ^= crosses & (px < x_at)
    return inside


def _regular(n: int, r: float, angle: float, inner: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of a regular n-gon (or an n-pointed star when ``inner`` is the inner radius)."""
    if inner is None:
        t = angle + 2 * np.pi * np.arange(n) / n
        return r * np.cos(t), r * np.sin(t)
    t = angle + np.pi * np.arange(2 * n) / n
    radii = np.where(np.arange(2 * n) % 2 == 0, r, inner)
    return radii * np.cos(t), radii * np.sin(t)


def _shape_mask(kind: str, x: np.ndarray, y: np.ndarray, r: float, angle: float) -> np.ndarray:
    """Mask of ``kind`` centred on the origin of the (x, y) grid, radius ``r``, rotated by ``angle``."""
    d = np.hypot(x, y)
    c, s = np.cos(angle), np.sin(angle)
    u, v = c * x + s * y, -s * x + c * y  # coordinates in the shape's own frame
    if kind == "circle":
        return d <= r
    if kind == "ring":
        return (d <= r) & (d >= 0.55 * r)
    if kind == "square":
        return np.maximum(abs(u), abs(v)) <= 0.8 * r
    if kind == "frame":
        m = np.maximum(abs(u), abs(v))
        return (m <= 0.8 * r) & (m >= 0.45 * r)
    if kind == "cross":
        return ((abs(u) <= r) & (abs(v) <= 0.3 * r)) | ((abs(v) <= r) & (abs(u) <= 0.3 * r))
    if kind == "triangle":
        return _polygon_mask(x, y, *_regular(3, 1.1 * r, angle))
    if kind == "hexagon":
        return _polygon_mask(x, y, *_regular(6, r, angle))
    if kind == "star":
        return _polygon_mask(x, y, *_regular(5, 1.1 * r, angle, inner=0.45 * r))
    if kind == "arrow":  # points along +u: a shaft and a triangular head
        shaft = (u >= -r) & (u <= 0.15 * r) & (abs(v) <= 0.18 * r)
        head = _polygon_mask(u, v, np.array([r, 0.1 * r, 0.1 * r]), np.array([0.0, 0.6 * r, -0.6 * r]))
        return shaft | head
    raise ValueError(f"unknown shape {kind!r}; known: {', '.join(KINDS)}")


def draw(kind: str, rng: np.random.Generator, size: int = 32, *, pose: str = "any") -> np.ndarray:
    """One image of ``kind``: ``(size, size, 3)`` uint8, everything random drawn from ``rng``.

    ``pose``: "any" (random size, place and rotation), "canonical" (centred, one size, upright:
    the same pose every time, only colours and noise vary), or an arrow direction ("up", "down",
    "left", "right": an arrow pointing that way, its angle jittered by up to 20°).
    """
    n = size * SUPERSAMPLE
    r = rng.uniform(0.25, 0.4) * size
    cx, cy = rng.uniform(r, size - r, 2)
    angle = rng.uniform(0, 2 * np.pi)
    if pose == "canonical":
        r, cx, cy, angle = 0.32 * size, size / 2, size / 2, -0.5 * np.pi  # triangles and stars point up
    elif pose in ARROW_ANGLES:
        angle = ARROW_ANGLES[pose] + (angle / np.pi - 1) * np.radians(20)
    elif pose != "any":
        raise ValueError(f"unknown pose {pose!r}")
    background = rng.uniform(170, 255, 3)
    colour = rng.uniform(0, 150, 3)
    grid = (np.arange(n) + 0.5) / SUPERSAMPLE
    gx, gy = np.meshgrid(grid - cx, grid - cy)
    mask = _shape_mask(kind, gx, gy, r, angle).astype(np.float32)
    mask = mask.reshape(size, SUPERSAMPLE, size, SUPERSAMPLE).mean(axis=(1, 3))[..., None]
    image = mask * colour + (1 - mask) * background + rng.normal(0, 8, (size, size, 3))
    return np.clip(image, 0, 255).round().astype(np.uint8)


def make(kinds: tuple[str, ...] | list[str], per_kind: int, seed: int, size: int = 32, *, pose: str = "any") -> tuple[np.ndarray, np.ndarray]:
    """``per_kind`` images of each kind: ``x`` (N, size, size, 3) uint8, ``y`` (N,) int class index.

    Images come kind by kind in the order of ``kinds``; ``y[i]`` indexes ``kinds``. Each
    (seed, kind) pair has its own random stream, so adding a kind never changes the others.
    A kind named after an arrow direction ("up", "left", ...) draws arrows pointing that way.
    """
    xs, ys = [], []
    for label, kind in enumerate(kinds):
        if kind in ARROW_ANGLES:
            rng = np.random.default_rng([seed, len(KINDS) + list(ARROW_ANGLES).index(kind)])
            xs.extend(draw("arrow", rng, size, pose=kind) for _ in range(per_kind))
        else:
            rng = np.random.default_rng([seed, KINDS.index(kind)])
            xs.extend(draw(kind, rng, size, pose=pose) for _ in range(per_kind))
        ys.extend([label] * per_kind)
    return np.stack(xs), np.asarray(ys, dtype=np.int64)


def write_png(path: Path, image: np.ndarray) -> None:
    """Write an ``(h, w, 3)`` uint8 image as an 8-bit RGB PNG (zlib only, no imaging library)."""
    h, w, _ = image.shape
    raw = b"".join(b"\x00" + image[row].tobytes() for row in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def write_folders(root: Path, kinds: tuple[str, ...] | list[str], per_kind: int, seed: int, size: int = 32) -> Path:
    """Write ``root/<kind>/<kind>_NNN.png`` for every kind and return ``root``.

    An existing, complete folder is left as it is (same seed, same images).
    """
    x, y = make(kinds, per_kind, seed, size)
    for i, (image, label) in enumerate(zip(x, y)):
        folder = root / kinds[label]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{kinds[label]}_{i % per_kind:03d}.png"
        if not path.exists():
            write_png(path, image)
    return root
