"""Pilot tests of Today and Review: what the learner does, and what ends up stored."""

import pytest

from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.review import ReviewScreen
from drill.tui.screens.today import TodayScreen
from helpers import Clock, make_decks, settle


@pytest.fixture
def app(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False)
    return DrillApp(session)


def stored_ratings(store) -> list[tuple[str, int]]:
    # The clock is fixed, so answers share a timestamp: compare them as a sorted list.
    return sorted((r["item_id"], r["rating"]) for r in store.records("reviews"))


async def test_today_shows_counts_and_opens_review(app):
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await settle(pilot)
        assert app.screen.query_one("#tile-new").value == "3"
        await pilot.press("r")
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.card_id == "t-fit"


async def test_reveal_rate_undo_flow_is_stored(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        screen = app.screen
        await pilot.press("3")  # rating before the reveal does nothing
        assert stored_ratings(store) == []
        await pilot.press("space")
        assert screen.revealed
        await pilot.press("3")
        assert stored_ratings(store) == [("t-fit", 3)]
        assert screen.card_id == "t-conv" and not screen.revealed
        await pilot.press("enter", "1")
        assert stored_ratings(store) == [("t-conv", 1), ("t-fit", 3)]
        await pilot.press("u")
        assert stored_ratings(store) == [("t-fit", 3)]
        assert screen.card_id == "t-conv" and store.get("items", "t-conv") is None


async def test_rating_buttons_show_intervals_and_work_by_click(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space")
        assert str(app.screen.query_one("#rate-4").label) == "4 Easy · 8d"
        await pilot.click("#rate-4")
        assert stored_ratings(store) == [("t-fit", 4)]


async def test_suspend_and_bury_take_cards_out(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "s")
        assert store.get("items", "t-fit")["suspended"] is True
        await pilot.press("b")
        assert store.get("items", "t-conv")["buried_until"] is not None
        assert app.screen.card_id == "t-window"
        await pilot.press("space", "4")
        assert app.screen.has_class("-done")
        await pilot.press("q")
        assert isinstance(app.screen, TodayScreen)
        await settle(pilot)
        assert app.screen.query_one("#tile-done").value == "1"


async def test_help_lists_the_keys(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "question_mark")
        from drill.tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        assert ("u", "Undo") in app.screen.keys and ("1", "Again") in app.screen.keys
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_ctrl_c_quits_with_answers_kept(app, store):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "space", "3", "ctrl+c")
    assert stored_ratings(store) == [("t-fit", 3)]
    assert app.return_code in (0, None)


async def test_edit_without_an_editor_is_a_toast_not_a_crash(app, monkeypatch):
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "e")
        assert isinstance(app.screen, ReviewScreen)
        assert any("editor" in str(n.message).lower() for n in app._notifications)


async def test_quitting_before_the_first_frame_settles_is_clean(app):
    """Today fills its progress panel after the first frame; quitting at once must not crash."""

    async def quit_at_once(pilot):
        pilot.app.exit()

    await app.run_async(headless=True, size=(80, 24), auto_pilot=quit_at_once)
    assert app.return_code == 0
