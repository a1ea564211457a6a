"""drill.data.series: training parts only, deterministic, offline; held-out windows whose
targets all lie after the split; the course's Sunspots.csv.

Fixture ``tests/fixtures/originals/Sunspots.csv``: the first twelve months (1749) in the
course file's format: header ``,Date,Monthly Mean Total Sunspot Number``, then
``index,date,number`` rows.
"""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from drill.data import series
from helpers import heldout_data

_heldout = heldout_data()

FIXTURES = Path(__file__).parent / "fixtures" / "originals"

CASES = {
    # name: (training function, full-series function, held-out function, split, window, future)
    "synthetic": (series.synthetic_series, series._synthetic_all, _heldout.synthetic_series,
                  series.SYNTH_SPLIT, series.SYNTH_WINDOW, 1),
    "sunspots": (series.sunspots, series._sunspots_all, _heldout.sunspots,
                 series.SUNSPOT_SPLIT, series.SUNSPOT_WINDOW, 1),
    "ridership": (series.chicago_ridership, series._ridership_all, _heldout.ridership,
                  series.RIDERSHIP_SPLIT, series.RIDERSHIP_WINDOW, 1),
    "weather": (series.jfk_weather, series._weather_all, _heldout.weather,
                series.WEATHER_SPLIT, series.WEATHER_PAST, series.WEATHER_FUTURE),
}
SCALED = {"sunspots", "ridership", "weather"}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a data function tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _clear():
    for fn in (series._synthetic_all, series._sunspots_all, series._ridership_all, series._weather_all):
        fn.cache_clear()


def test_training_shapes(no_network):
    _clear()
    time, values = series.synthetic_series()
    assert time.shape == values.shape == (1100,)
    time, values = series.sunspots()
    assert time.shape == values.shape == (2500,)
    assert time[0] == 1749.0 and values.min() >= 0
    days, riders = series.chicago_ridership()
    assert days.shape == riders.shape == (4558,)
    assert str(days[0]) == "2001-01-22" and np.all(np.diff(days).astype(int) == 1)
    hours, values = series.jfk_weather()
    assert hours.shape == (6984,) and values.shape == (6984, len(series.WEATHER_FEATURES))
    assert np.all(np.diff(hours).astype(int) == 1) and not np.isnan(values).any()


def test_sunspots_is_the_full_monthly_series():
    time, values = series._sunspots_all()
    assert len(values) == 3177
    assert np.allclose(np.diff(time), 1 / 12)


@pytest.mark.parametrize("name", CASES)
def test_training_part_is_deterministic(name):
    train_fn = CASES[name][0]
    _clear()
    a = train_fn()
    _clear()
    b = train_fn()
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


@pytest.mark.parametrize("name", CASES)
def test_training_part_is_the_start_of_the_series(name):
    train_fn, full_fn, _, split, _, _ = CASES[name]
    stamps, values = train_fn()
    full_stamps, full_values = full_fn()
    assert len(values) == split < len(full_values)
    np.testing.assert_array_equal(values, full_values[:split])
    np.testing.assert_array_equal(stamps, full_stamps[:split])


@pytest.mark.parametrize("name", CASES)
def test_heldout_targets_never_overlap_training(name):
    """Every held-out target lies after the split, every value after it is a target once,
    and the inputs are the true past of each target."""
    train_fn, full_fn, held_fn, split, window, future = CASES[name]
    _, full = full_fn()
    if name in SCALED:
        lo, hi = series.min_max(train_fn()[1])
        full = series.normalize(full, lo, hi)
    x, y = held_fn()
    n = len(full) - split - future + 1
    assert x.shape == (n, window, *full.shape[1:])
    assert y.shape[0] == n
    y = y.reshape(n, future, *full.shape[1:])
    for i in (0, n // 2, n - 1):
        start = split + i  # index of the first target of window i
        np.testing.assert_allclose(y[i], full[start:start + future], rtol=1e-6)
        np.testing.assert_allclose(x[i], full[start - window:start], rtol=1e-6)
    # the first target is the first value after the training part
    np.testing.assert_allclose(y[0, 0], full[split], rtol=1e-6)


def test_windows_helper_on_a_ramp():
    x, y = _heldout.windows(np.arange(20), split_at=12, past=4, future=3)
    assert x.shape == (6, 4) and y.shape == (6, 3)
    assert x[0].tolist() == [8, 9, 10, 11] and y[0].tolist() == [12, 13, 14]
    assert y[-1].tolist() == [17, 18, 19]
    assert y.min() >= 12


def test_normalize_uses_training_min_and_max():
    _, values = series.jfk_weather()
    lo, hi = series.min_max(values)
    scaled = series.normalize(values, lo, hi)
    assert scaled.dtype == np.float32
    np.testing.assert_allclose(scaled.min(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(scaled.max(axis=0), 1, atol=1e-6)


def test_synthetic_series_is_seeded_not_random():
    _clear()
    first = series._synthetic_all()[1].copy()
    np.random.seed(123)  # global numpy state must not matter
    _clear()
    np.testing.assert_array_equal(series._synthetic_all()[1], first)


# ---------------------------------------------------------------- the course's Sunspots.csv
def test_load_sunspots_csv_fixture():
    steps, values = series.load_sunspots_csv(FIXTURES / "Sunspots.csv")
    assert steps.tolist() == list(range(12))
    assert values.dtype == np.float32 and values.shape == (12,)
    assert values[0] == pytest.approx(96.7) and values[10] == pytest.approx(264.3)


def test_load_sunspots_csv_skips_blank_lines(tmp_path):
    path = tmp_path / "Sunspots.csv"
    path.write_text((FIXTURES / "Sunspots.csv").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert len(series.load_sunspots_csv(path)[1]) == 12


def test_load_sunspots_csv_names_the_bad_line(tmp_path):
    path = tmp_path / "Sunspots.csv"
    path.write_text(",Date,Monthly Mean Total Sunspot Number\n0,1749-01-31,96.7\n1,1749-02-28,lots\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":3:"):
        series.load_sunspots_csv(path)


@pytest.mark.parametrize("name", series.UNIVARIATE_SPLIT)
def test_every_univariate_series_trains_on_its_start_with_no_gaps(name, no_network):
    train, full = series.univariate(name), series._univariate_all(name)
    assert train.dtype == np.float32 and len(train) == series.UNIVARIATE_SPLIT[name] < len(full)
    np.testing.assert_array_equal(train, full[:len(train)])
    assert np.isfinite(full).all() and train.max() > train.min()


def test_england_wales_demand_is_twelve_weeks_of_half_hours():
    full = series._univariate_all("england-wales-demand")
    assert len(full) == 12 * 7 * 48 and series.UNIVARIATE_SPLIT["england-wales-demand"] == 10 * 7 * 48
    assert 15_000 < full.min() < full.max() < 45_000  # megawatts
