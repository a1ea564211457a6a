"""Snapshot tests: how Today and Review look at 80×24 (fixed clock, fixed deck, fresh data).

Update after an intended change with: python -m pytest tests/test_tui_snapshots.py --snapshot-update
"""

import pytest

from drill.session import StudySession
from drill.tui.app import DrillApp
from helpers import Clock, make_decks, settle


@pytest.fixture
def app(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False, timezone="UTC")
    return DrillApp(session)


def test_today_at_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_review_revealed_at_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), press=["r", "space"])
