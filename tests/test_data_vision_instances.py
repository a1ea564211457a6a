"""drill.data.image_sets / glyphs / shapes: every vision instance's data is offline, made the
same way from its seed every time, shaped as its task says, and its held-out part never
shares an image with its training (or validation) part."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from drill.data import glyphs, image_sets, images, shapes
from helpers import heldout_data

ALL_SETS = [(reg, inst) for reg, sets in image_sets.REGISTRIES.items() for inst in sets]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a data function tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _hashes(x: np.ndarray) -> set[bytes]:
    return {image.tobytes() for image in x}


@pytest.mark.parametrize("registry, instance", ALL_SETS, ids=[f"{r}-{i}" for r, i in ALL_SETS])
def test_instance_parts_are_well_formed_and_disjoint(registry, instance, no_network):
    images_set = image_sets.get(registry, instance)
    x, y = images_set.part("train")
    xh, yh = heldout_data().image_set(registry, instance)  # built only by the grader's helpers
    for xs, ys in ((x, y), (xh, yh)):
        assert xs.dtype == np.uint8 and xs.shape[1:] == images_set.shape
        assert ys.dtype == np.int64 and ys.shape == (len(xs),)
        assert set(np.unique(ys)) == set(range(len(images_set.classes)))  # every class in both parts
        assert 0 < xs.max() <= images_set.max_value
    assert len(xh) >= 100
    assert not _hashes(x) & _hashes(xh)
    if images_set.seed is not None:
        xv, _ = images_set.part("validation")
        assert not _hashes(xv) & _hashes(xh) and not _hashes(xv) & _hashes(x)
    facts = images_set.facts()
    assert facts["n_classes"] == len(images_set.classes) and facts["train_rows"] == len(x)


GENERATED = [s for s in ALL_SETS if image_sets.get(*s).seed is not None]


@pytest.mark.parametrize("registry, instance", GENERATED, ids=[f"{r}-{i}" for r, i in GENERATED])
def test_generated_instances_are_reproducible_from_their_seed(registry, instance):
    """Made twice from scratch (the small validation part: the same code path as the others)."""
    images_set = image_sets.get(registry, instance)
    first, again = images_set.draw(7, 3), images_set.draw(7, 3)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])


def test_the_public_side_has_no_heldout_part():
    with pytest.raises(ValueError, match="grader"):
        image_sets.get("few", "shapes").part("heldout")
    assert not hasattr(image_sets, "HELDOUT_OFFSET")


def test_parts_handed_out_are_copies():
    x, _ = images.few_images("shapes")
    x[:] = 0
    assert images.few_images("shapes")[0].max() > 0


def test_uci_digits_instance_is_the_classic_split():
    x, y = images.grey_images("uci-digits")
    xd, yd = images.digits()
    np.testing.assert_array_equal(x, xd)
    np.testing.assert_array_equal(y, yd)


def test_unknown_instance_names_the_known_ones():
    with pytest.raises(ValueError, match="font-digits"):
        images.grey_images("nope")


def test_glyphs_draw_ink_and_are_seeded():
    x, y = glyphs.make_grey("AB", 3, 5, 16)
    assert x.shape == (6, 16, 16) and y.tolist() == [0, 0, 0, 1, 1, 1]
    assert (x > 128).sum(axis=(1, 2)).min() > 5  # every image has ink
    np.testing.assert_array_equal(x, glyphs.make_grey("AB", 3, 5, 16)[0])
    assert not _hashes(x) & _hashes(glyphs.make_grey("AB", 3, 6, 16)[0])
    c, _ = glyphs.make_colour("E", 2, 1, 32)
    assert c.shape == (2, 32, 32, 3) and c.dtype == np.uint8


def test_arrows_point_where_their_class_says():
    """The dark mass of an arrow's head side lies in its direction from the centre of the shaft."""
    x, y = shapes.make(("down", "left", "right", "up"), 6, seed=3, pose="canonical")
    for image, label in zip(x, y):
        grey = image.astype(float).mean(axis=2)
        ink = grey < (grey.min() + grey.max()) / 2
        rows, cols = np.nonzero(ink)
        # the head is wider than the shaft: the ink's widest part sits toward the tip
        if label in (1, 2):  # left, right: compare columns
            widths = ink.sum(axis=0)
            tip_side = np.argmax(widths) > cols.mean()
            assert tip_side == (label == 2)
        else:
            widths = ink.sum(axis=1)
            tip_side = np.argmax(widths) > rows.mean()
            assert tip_side == (label == 0)


def test_canonical_pose_is_centred_and_upright():
    x, _ = shapes.make(("square",), 4, seed=1, pose="canonical")
    ink = x.astype(float).mean(axis=3) < 120
    for mask in ink:
        rows, cols = np.nonzero(mask)
        assert abs(rows.mean() - 15.5) < 1 and abs(cols.mean() - 15.5) < 1
        assert abs(mask.sum() - ink[0].sum()) < 0.05 * ink[0].sum()  # one size


def test_image_folders_write_classes_in_alphabetical_order(tmp_path):
    train, validation = images.image_folders("arrows", tmp_path / "img")
    assert sorted(p.name for p in train.iterdir()) == list(image_sets.FOLDER_SETS["arrows"].classes)
    assert len(list((validation / "up").glob("*.png"))) == image_sets.FOLDER_SETS["arrows"].counts["validation"]


def test_pixels_csv_round_trips(tmp_path):
    path = images.pixels_csv("grey-shapes", tmp_path / "shapes.csv")
    rows = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)
    x, y = image_sets.get("csv", "grey-shapes").part("train")
    np.testing.assert_array_equal(rows[:, 0], y)
    np.testing.assert_array_equal(rows[:, 1:].reshape(x.shape), x)
    assert path.read_text().splitlines()[0].endswith(f"pixel{x[0].size - 1}")
