"""Pilot tests: suspend then undo in Review, the Suspended list (S in Review, u in Stats), review ahead (c)."""

from datetime import date

import pytest

from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.review import CramScreen, ReviewScreen
from drill.tui.screens.suspended import SuspendedScreen
from helpers import Clock, make_decks


@pytest.fixture
def app(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False, timezone="UTC")
    return DrillApp(session)


async def test_undo_in_review_takes_back_the_suspend(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "s")
        assert app.session.state("t-fit").suspended and app.screen.card_id == "t-conv"
        await pilot.press("u")
        assert app.session.state("t-fit") is None
        assert app.screen.card_id == "t-fit"  # the card is back on screen


async def test_suspended_list_unsuspends_and_undoes(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "s", "S")
        assert isinstance(app.screen, SuspendedScreen)
        table = app.screen.query_one("#suspended")
        assert table.row_count == 1
        await pilot.press("u")
        assert table.row_count == 0 and not app.session.state("t-fit").suspended
        await pilot.press("z")
        assert table.row_count == 1 and app.session.state("t-fit").suspended
        await pilot.press("enter")  # Enter on a row unsuspends too
        assert table.row_count == 0
        await pilot.press("q")
        assert isinstance(app.screen, ReviewScreen)


async def test_stats_u_opens_the_suspended_list(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("u")
        assert isinstance(app.screen, SuspendedScreen)


async def test_c_when_done_opens_review_ahead_with_an_exam_date(app):
    app.session.save_settings(exam_date=date(2026, 12, 10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        for _ in range(3):
            await pilot.press("space", "4")  # Easy: all three graduate
        assert app.screen.card_id is None
        app.session.clock.advance(days=1)
        await pilot.press("c")
        assert isinstance(app.screen, CramScreen) and app.screen.title == "Review ahead (cram)"
        assert "for the exam on Thu 10 Dec · 3 cards left" in str(app.screen.query_one("#progress").render())
        assert app.screen.card_id == "t-conv"  # equal recall on exam day: id order
        await pilot.press("space", "3")
        reviews = sorted(app.session.store.records("reviews"), key=lambda r: r["at"])
        assert reviews[-1]["item_id"] == "t-conv" and reviews[-1]["cram"] is True
        assert app.screen.card_id == "t-fit"
