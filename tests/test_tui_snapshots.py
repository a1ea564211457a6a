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


@pytest.fixture
def drills_app(store, tmp_path, now, monkeypatch):
    from drill.tui.widgets import code_editor

    monkeypatch.setattr(code_editor, "USE_SYSTEM_CLIPBOARD", False)
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False, timezone="UTC")
    return DrillApp(session, start="drills")


async def _open_first_drill(pilot):
    table = pilot.app.screen.query_one("DataTable")
    table.move_cursor(row=table.get_row_index("linear-dense"))
    await pilot.press("enter")
    await pilot.pause()


def test_workbench_with_a_hint_at_80x24(snap_compare, drills_app):
    async def hint(pilot):
        await _open_first_drill(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()

    assert snap_compare(drills_app, terminal_size=(80, 24), run_before=hint)


def test_workbench_reference_diff_at_80x24(snap_compare, drills_app):
    async def close_and_diff(pilot):
        await _open_first_drill(pilot)
        await pilot.press("ctrl+x")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(drills_app, terminal_size=(80, 24), run_before=close_and_diff)
