"""Image drill data: digits, generated shapes, the shipped transfer base, and the loaders of
the original data sets on tiny fixture files in their published formats."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest

from drill.data import images, originals, shapes
from helpers import heldout_data

_heldout = heldout_data()

FIXTURES = Path(__file__).parent / "fixtures" / "originals"


def _hashes(x: np.ndarray) -> set[bytes]:
    return {image.tobytes() for image in x}


# --- digits -------------------------------------------------------------------------------

def test_digits_training_split():
    x, y = images.digits()
    assert x.shape == (1438, 8, 8) and x.dtype == np.uint8 and x.max() == 16
    assert y.shape == (1438,) and set(y) == set(range(10))
    np.testing.assert_array_equal(x, images.digits()[0])


def test_digits_heldout_is_the_rest_and_never_in_training():
    x_train, _ = images.digits()
    x_held, y_held = _heldout.digits()
    assert len(x_train) + len(x_held) == 1797
    assert np.bincount(y_held).min() >= 35  # stratified: every digit held out
    assert not _hashes(x_train) & _hashes(x_held)


def test_digits_csv_round_trips(tmp_path):
    path = images.digits_csv(tmp_path / "digits.csv")
    lines = path.read_text().splitlines()
    assert lines[0] == "label," + ",".join(f"pixel{i}" for i in range(64))
    rows = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)
    x, y = images.digits()
    np.testing.assert_array_equal(rows[:, 0], y)
    np.testing.assert_array_equal(rows[:, 1:].reshape(-1, 8, 8), x)


def test_digits_csv_defaults_to_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert images.digits_csv().resolve() == tmp_path / "digits_train.csv"


# --- generated shapes ---------------------------------------------------------------------

def test_shapes_are_deterministic_and_well_formed():
    x, y = shapes.make(("circle", "star"), 5, seed=7)
    assert x.shape == (10, 32, 32, 3) and x.dtype == np.uint8
    assert y.tolist() == [0] * 5 + [1] * 5
    np.testing.assert_array_equal(x, shapes.make(("circle", "star"), 5, seed=7)[0])
    assert not _hashes(x) & _hashes(shapes.make(("circle", "star"), 5, seed=8)[0])
    # a kind's images do not depend on which other kinds are drawn with it
    np.testing.assert_array_equal(x[5:], shapes.make(("star",), 5, seed=7)[0])


def test_every_kind_draws_a_dark_shape_on_a_light_background():
    for kind in shapes.KINDS:
        image = shapes.draw(kind, np.random.default_rng(0)).astype(float).mean(axis=2)
        dark = image < 120
        assert 20 < dark.sum() < 32 * 32 * 0.7, kind


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown shape"):
        shapes.draw("blob", np.random.default_rng(0))


def test_png_writer_round_trips(tmp_path):
    tf = pytest.importorskip("tensorflow")
    image = shapes.draw("triangle", np.random.default_rng(1))
    shapes.write_png(tmp_path / "t.png", image)
    decoded = tf.io.decode_png(tf.io.read_file(str(tmp_path / "t.png"))).numpy()
    np.testing.assert_array_equal(decoded, image)


def test_shape_folders_write_class_folders_once(tmp_path):
    train_dir, validation_dir = images.shape_folders(tmp_path / "shapes")
    for folder, count in ((train_dir, 150), (validation_dir, 40)):
        assert sorted(p.name for p in folder.iterdir()) == sorted(images.DIR_KINDS)
        assert all(len(list((folder / kind).glob("*.png"))) == count for kind in images.DIR_KINDS)
    assert list(images.DIR_KINDS) == sorted(images.DIR_KINDS), "labels follow the loader's alphabetical order"
    stamp = (train_dir / "star" / "star_000.png").stat().st_mtime_ns
    images.shape_folders(tmp_path / "shapes")
    assert (train_dir / "star" / "star_000.png").stat().st_mtime_ns == stamp


def test_shape_data_sizes():
    assert images.few_shapes()[0].shape == (120, 32, 32, 3)
    assert images.transfer_shapes()[0].shape == (60, 32, 32, 3)
    assert not set(images.TRANSFER_KINDS) & set(images.BASE_KINDS), "transfer must be to new classes"


def test_heldout_shapes_never_appear_in_any_public_shape_data():
    public = [images.few_shapes()[0], images.transfer_shapes()[0]]
    for part in ("train", "validation"):
        public.append(shapes.make(images.DIR_KINDS, images.DIR_COUNTS[part], images.DIR_SEEDS[part])[0])
    public.append(shapes.make(images.BASE_KINDS, images.BASE_PER_KIND, images.BASE_SEED)[0])
    seen = set().union(*map(_hashes, public))
    public_seeds = {images.FEW_SEED, images.TRANSFER_SEED, images.BASE_SEED, *images.DIR_SEEDS.values()}
    assert not public_seeds & set(_heldout.HELDOUT_SEEDS.values())
    for drill, kinds in (("dirs", images.DIR_KINDS), ("few", images.FEW_KINDS), ("transfer", images.TRANSFER_KINDS)):
        x, y = _heldout.shape_images(drill)
        assert x.shape == (100 * len(kinds), 32, 32, 3) and set(y) == set(range(len(kinds)))
        assert not _hashes(x) & seen, drill


def test_the_shipped_base_loads_offline_and_is_small():
    pytest.importorskip("keras")
    assert images.SHAPES_BASE.stat().st_size < 1_000_000
    base = images.shapes_base()
    assert base.input_shape == (None, 32, 32, 3)
    assert base.output_shape == (None, 4, 4, 64)


# --- original formats ---------------------------------------------------------------------

def test_fashion_mnist_reads_the_idx_gz_files():
    (x_train, y_train), (x_test, y_test) = originals.fashion_mnist(FIXTURES / "fashion-mnist")
    assert x_train.shape == (3, 28, 28) and x_train.dtype == np.uint8
    assert y_train.tolist() == [9, 8, 7] and y_test.tolist() == [8, 7]
    assert x_test.shape == (2, 28, 28)
    assert x_train[2, 8:18, 5:20].min() == 150 and x_train[0, 20:].max() == 0


def test_fashion_mnist_reads_uncompressed_files_too(tmp_path):
    import gzip

    for file in (FIXTURES / "fashion-mnist").glob("*.gz"):
        (tmp_path / file.stem).write_bytes(gzip.decompress(file.read_bytes()))
    (x_train, _), _ = originals.fashion_mnist(tmp_path)
    assert x_train.shape == (3, 28, 28)


def test_fashion_mnist_missing_or_corrupt_files_say_which(tmp_path):
    with pytest.raises(originals.DataFileError, match="train-images-idx3-ubyte"):
        originals.fashion_mnist(tmp_path)
    bad = tmp_path / "bad-idx"
    bad.write_bytes(b"PK\x03\x04 not idx")
    with pytest.raises(originals.DataFileError, match="not an IDX file"):
        originals.read_idx(bad)
    short = tmp_path / "short"
    short.write_bytes(bytes([0, 0, 8, 1, 0, 0, 0, 9, 1, 2]))
    with pytest.raises(originals.DataFileError, match="header says"):
        originals.read_idx(short)


def test_image_folder_reads_class_subfolders():
    pytest.importorskip("tensorflow")
    x, y, names = originals.image_folder(FIXTURES / "rps", image_size=(16, 16))
    assert names == ["paper", "rock", "scissors"]
    assert x.shape == (6, 16, 16, 3) and x.dtype == np.float32
    assert y.tolist() == [0, 0, 1, 1, 2, 2]
    assert abs(x[2, 8, 8, 0] - 128) < 1 and abs(x[4, 8, 8, 1] - 10) < 1


def test_image_folder_reads_the_zip_as_distributed(tmp_path):
    pytest.importorskip("tensorflow")
    archive = tmp_path / "rps.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in (FIXTURES / "rps").rglob("*.png"):
            z.write(file, file.relative_to(FIXTURES / "rps"))
        z.writestr("__MACOSX/rps/._rock01-0.png", b"junk")
    x, y, names = originals.image_folder(archive, image_size=(10, 12))
    assert names == ["paper", "rock", "scissors"] and x.shape == (6, 10, 12, 3)
    assert originals.class_folder_root(archive) == tmp_path / "rps" / "rps"


def test_class_folder_root_refuses_a_folder_without_classes(tmp_path):
    with pytest.raises(originals.DataFileError, match="no class subfolders"):
        originals.class_folder_root(tmp_path)
    with pytest.raises(originals.DataFileError, match="not a folder"):
        originals.class_folder_root(tmp_path / "missing")
    shutil.copytree(FIXTURES / "rps" / "rps", tmp_path / "mine")
    assert originals.class_folder_root(tmp_path / "mine") == tmp_path / "mine"
