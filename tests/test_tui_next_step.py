"""The next step in the app names a key that works where it is shown, and leads to the thing it
names; the new-card limit's sentence is on Review's done view too; Settings says when the exam is."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from drill.progress.today import agenda_for
from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.drills import DrillsScreen
from drill.tui.screens.plan import PlanScreen
from drill.tui.screens.settings import SettingsScreen
from helpers import Clock, settle

NOW = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)


@pytest.fixture
def cards_done(store):
    """Exam in 7 days, 10 h a day, the default 20 new cards a day: today's cards all answered."""
    clock = Clock(NOW)
    session = StudySession(store, clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC", exam_date=date(2026, 12, 1), hours_per_day=10)
    while ids := session.queue().ids:
        session.answer(ids[0], 3)
        clock.advance(seconds=20)
    return session


def text(widget) -> str:
    return str(widget.render())


async def test_the_planned_drill_is_one_key_and_enter_away_from_today_plan_and_review(cards_done):
    agenda = agenda_for(cards_done)
    drill = agenda.drills_planned[0]
    assert agenda.next.text == f"start today's planned drill {drill}" and agenda.next.drill == drill
    assert agenda.next.in_app() == f"start today's planned drill {drill} (press d, then Enter)"
    app = DrillApp(cards_done)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text(app.screen.query_one("#next")) == f"Next: {agenda.next.in_app()}"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillsScreen)
        table = app.screen.query_one("DataTable")
        # Before: the cursor sat on the first row (a regression drill), not on the drill Today named.
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == drill
        planned = [str(k.value) for k in table.rows if "planned" in map(str, table.get_row(k))]
        assert set(planned) == set(agenda.drills_planned)  # each of today's drills says so (before: "new")
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        # Before: the Plan screen's "Next:" named no key, and had none of Today's keys.
        assert f"Next: {agenda.next.in_app()}" in text(app.screen.query_one("#summary"))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DrillsScreen)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        done = text(app.screen.query_one("#done-text"))
        # Before: Review's done view showed neither the limit's sentence nor a key for the next step.
        assert " ".join(agenda.limit_warning.split()) in " ".join(done.split())
        assert f"{agenda.next.text} (press q, then d, then Enter)" in " ".join(done.split())
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)  # q, then d works from here as it does from Today


async def test_settings_screen_says_when_the_exam_is_as_it_is_typed(store):
    session = StudySession(store, clock=Clock(NOW))
    session.save_settings(timezone="UTC", exam_date=date(2026, 12, 1))
    app = DrillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert text(app.screen.query_one("#exam-when")) == "Tue 01 Dec 2026 (in 7 days)"
        field = app.screen.query_one("#set-exam_date")
        field.value = "+3d"
        await pilot.pause()
        assert text(app.screen.query_one("#exam-when")) == "Fri 27 Nov 2026 (in 3 days)"
        field.value = "someday"
        await pilot.pause()
        assert text(app.screen.query_one("#exam-when")) == ""


def test_the_plan_line_names_three_drills_and_counts_the_rest(cards_done):
    """Before: every planned drill was named, and six of them wrapped Today's plan line over three lines."""
    from dataclasses import replace

    agenda = replace(agenda_for(cards_done), drills_planned=("a", "b", "c", "d", "e"))
    assert ", drills a, b, c +2 more, ~" in agenda.plan_line()
    assert ", drills a, b, ~" in replace(agenda, drills_planned=("a", "b")).plan_line()
    assert agenda.as_json()["next"]["drill"] == agenda.next.drill
