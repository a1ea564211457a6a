"""Pilot tests of the Drills list and an attempt: edit, check for real, score, hint, close, compare."""

import io

import pytest
from rich.console import Console

from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.attempt import AttemptScreen
from drill.tui.screens.drills import DrillsScreen
from drill.check.console import result_group
from helpers import Clock, make_decks


@pytest.fixture
def app(store, tmp_path, now):
    return DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="drills")


async def open_drill(pilot, app, drill_id: str) -> AttemptScreen:
    screen = app.screen
    assert isinstance(screen, DrillsScreen)
    table = screen.query_one("DataTable")
    row = table.get_row_index(drill_id)
    table.move_cursor(row=row)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, AttemptScreen)
    return app.screen


async def wait_for_check(pilot, screen, timeout=240):
    for _ in range(int(timeout / 0.5)):
        await pilot.pause(0.5)
        if not screen.checking:
            return
    raise AssertionError("check did not finish")


async def test_list_shows_every_drill_and_opens_an_attempt(app, store):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        ids = [str(k.value) for k in screen.query_one("DataTable").rows]
        assert "linear-dense" in ids and "linear-dense-fahrenheit" not in ids  # one row per drill, not per instance
        assert len(ids) == len(set(ids))
        attempt_screen = await open_drill(pilot, app, "linear-dense")
        code = attempt_screen.query_one("#code").text
        assert "def solution_model" in code and "TODO" in code
        assert len(store.all("attempts")) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DrillsScreen)
        assert "in progress" in str(app.screen.query_one("DataTable").get_row("linear-dense"))
        await open_drill(pilot, app, "linear-dense")  # resumes, no second attempt
        assert len(store.all("attempts")) == 1


async def test_narrow_list_cuts_titles_but_the_detail_line_shows_the_whole_one(app):
    """At 80 columns the category column gives way and the highlighted drill's title is shown whole."""
    from drill.content.exercises import exercises_root, load_exercises

    titles = {ex.id: ex.title for ex in load_exercises(exercises_root()).exercises.values()}
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("DataTable")
        assert [c.label.plain for c in table.columns.values()] == ["drill", "status", "best", "title"]
        for drill_id in ("regression-early-stop", "tabular-regression"):  # two titles that begin alike
            table.move_cursor(row=table.get_row_index(drill_id))
            await pilot.pause()
            detail = str(app.screen.query_one("#drill-detail").render())
            assert titles[drill_id] in detail and "regression ·" in detail
        assert table.cursor_row == table.get_row_index("tabular-regression")
        await app.screen.run_action("new_attempt")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        assert table.cursor_row == 0 == table.get_row_index("tabular-regression")  # in progress: first, still highlighted


async def test_wide_list_has_a_category_column(app):
    async with app.run_test(size=(120, 40)):
        table = app.screen.query_one("DataTable")
        assert [c.label.plain for c in table.columns.values()] == ["drill", "category", "status", "best", "title"]


async def test_hints_are_revealed_one_at_a_time(app, store):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(pilot, app, "linear-dense")
        await pilot.press("ctrl+t")
        text = str(screen.query_one("#hint-text").content)
        assert text.startswith("1. ") and "\n2. " not in text
        n = len(screen.spec.hints)
        assert screen.query_one("#hints").border_title == f"Hint 1 of {n} · {n - 1} left"
        attempt = next(iter(store.all("attempts").values()))
        assert attempt["hints_used"] == 1


@pytest.mark.slow
async def test_check_the_reference_end_to_end_then_close_and_compare(app, store):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(pilot, app, "linear-dense")
        screen.query_one("#code").text = screen.spec.solution_text()
        await pilot.press("ctrl+r")
        assert screen.checking
        await wait_for_check(pilot, screen)
        subs = list(store.records("submissions"))
        assert len(subs) == 1 and subs[0]["score"] == 5
        result = screen.query_one("#score").result
        assert result.score == 5
        console = Console(width=90, record=True, file=io.StringIO())
        console.print(result_group(result, screen.spec))
        text = console.export_text()
        assert text.startswith("5/5  linear-dense") and "✓  ← you" in text
        await pilot.press("ctrl+x")
        await pilot.pause()
        attempt = next(iter(store.all("attempts").values()))
        assert attempt["closed_at"] is not None and attempt["rating"] in (3, 4)
        assert store.get("items", "linear-dense")["kind"] == "drill"
        assert not screen.query_one("#tab-reference").disabled
        assert screen.query_one("#diff").reference == screen.spec.solution_text()


@pytest.mark.slow
async def test_broken_code_scores_zero_and_the_app_keeps_working(app, store):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(pilot, app, "linear-dense")
        screen.query_one("#code").text = "def solution_model(:\n    pass\n"
        await pilot.press("ctrl+r")
        await wait_for_check(pilot, screen)
        subs = list(store.records("submissions"))
        assert subs[0]["score"] == 0 and subs[0]["error_kind"] == "syntax"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DrillsScreen)
