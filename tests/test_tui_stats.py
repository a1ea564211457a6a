"""Pilot tests of the stats and plan screens, the Today progress panel and the log-time modal, at 80×24."""

from datetime import timedelta

import pytest
from textual.widgets import TabbedContent

from drill.session import StudySession
from drill.store import Store
from drill.tui.app import DrillApp
from drill.tui.screens.plan import PlanScreen
from drill.tui.screens.stats import StatsScreen
from drill.tui.screens.today import TodayScreen
from helpers import Clock, make_decks, settle


@pytest.fixture
def store(drill_home):
    store = Store.open(drill_home)
    yield store
    store.close()


@pytest.fixture
def session(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False, exam_date=(now + timedelta(days=7)).date(), timezone="UTC")
    session.answer("t-fit", 3)
    session.answer("t-conv", 4)
    return session


async def test_stats_screen_tabs_are_keyboard_navigable_at_80x24(session):
    app = DrillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        tabs = screen.query_one(TabbedContent)
        assert tabs.active == "tab-hours"
        await pilot.press("right")
        assert tabs.active == "tab-topics"
        await pilot.press("3")
        assert tabs.active == "tab-forecast"
        assert "Reviews due a day, next 30 days" in str(screen.query_one("#chart-forecast").render())
        await pilot.press("4")
        memory = str(screen.query_one("#chart-memory").render())
        assert "True retention" in memory and "learning" in memory
        await pilot.press("6")
        assert "weakest" in str(screen.query_one("#chart-readiness").render())
        assert screen.data.counts["new"] == 1 and sum(screen.data.counts.values()) == 3
        await pilot.press("left", "left")
        assert tabs.active == "tab-memory"
        await pilot.press("q")
        assert isinstance(app.screen, TodayScreen)


async def test_plan_screen_highlights_today(session):
    app = DrillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        table = screen.query_one("#days")
        assert table.row_count == 7 and table.cursor_row == 0
        assert str(table.get_row_at(0)[0]).startswith("▶")
        assert "Everything is introduced" in str(screen.query_one("#summary").render())


async def test_today_panel_and_log_time_modal(session, store):
    app = DrillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = str(app.screen.query_one("#status").render())
        assert "Exam" in status and "in 7 days" in status and "Hours today 0m" in status
        assert "Readiness" in str(app.screen.query_one("#readiness-panel").render())
        await pilot.press("l")
        await pilot.press(*"2x")
        await pilot.press("enter")
        assert "cannot read the duration" in str(app.screen.query_one("#error").render())
        assert list(store.records("time")) == []
        app.screen.query_one("#duration").value = "1h30m"
        app.screen.query_one("#topic").value = "nlp"
        app.screen.query_one("#resource").value = "book"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert [(r["minutes"], r["topic"], r["resource"]) for r in store.records("time")] == [(90.0, "nlp", "book")]
        await settle(pilot)
        assert "Hours today 1h30m" in str(app.screen.query_one("#status").render())


async def test_time_in_review_is_tracked_and_written_on_quit(session, store):
    clock = session.clock
    app = DrillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        for _ in range(3):
            clock.advance(minutes=1)
            await pilot.press("space")
        clock.advance(minutes=10)  # away: idle time is not counted
        await pilot.press("q")
    entries = list(store.records("time"))
    assert [(e["minutes"], e["activity"], e["source"]) for e in entries] == [(3.0, "review", "app")]
