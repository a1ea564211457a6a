"""Shared fixtures: every test gets its own data folder and a fixed clock."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge results, not speed: this machine is shared and noisy, so Hypothesis's
# per-example deadline and its "input generation is slow" check would fail tests at random.
settings.register_profile("drill", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("drill")

FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def drill_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp DRILL_HOME for every test: no test ever touches the real data folder."""
    home = tmp_path / "drill-home"
    home.mkdir()
    monkeypatch.setenv("DRILL_HOME", str(home))
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("DRILL_WARM", "0")  # no warm TensorFlow worker per app test; tests/test_check_warm.py turns it on
    return home


@pytest.fixture
def now() -> datetime:
    """The fixed clock value tests pass into pure code."""
    return FIXED_NOW


@pytest.fixture
def store(drill_home: Path):
    """The store in the test's data folder, closed afterwards."""
    from drill.store import Store

    opened = Store.open(drill_home)
    yield opened
    opened.close()
