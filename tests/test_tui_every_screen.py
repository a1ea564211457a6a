"""Every screen at 80×24 and at 120×40: a snapshot each, and no screen cuts its footer's exit key.

Fixed clock, a small fixed deck, a fresh data folder. After an intended change to a screen, update
with ``python -m pytest tests/test_tui_every_screen.py --snapshot-update`` and look at the new
pictures (snapshot_report.html) before committing them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from drill.session import StudySession
from drill.tui.app import DrillApp
from helpers import Clock, make_decks

SIZES = [(80, 24), (120, 40)]

# name → keys pressed from Today. Each ends on the screen the name says.
SCREENS: dict[str, list[str]] = {
    "today": [],
    "review-front": ["r"],
    "review-back": ["r", "space"],
    "drills": ["d"],
    "attempt-task": ["d", "enter"],
    "attempt-hint": ["d", "enter", "ctrl+t"],
    "attempt-code": ["d", "enter", "click:#--content-tab-tab-code"],
    "attempt-check": ["d", "enter", "click:#--content-tab-tab-check"],
    "notes": ["n"],
    "stats-hours": ["s", "1"],
    "stats-topics": ["s", "2"],
    "stats-forecast": ["s", "3"],
    "stats-memory": ["s", "4"],
    "stats-drills": ["s", "5"],
    "stats-readiness": ["s", "6"],
    "suspended": ["r", "s", "q", "s", "u", "toasts:clear"],  # one card suspended in Review first
    "plan": ["p"],
    "exam-lobby": ["x"],
    "exam-confirm": ["x", "m"],
    "exam-running": ["x", "m", "y"],
    "log": ["l"],
    "settings": ["S"],
    "help": ["question_mark"],
}


@pytest.fixture
def app(store, tmp_path, now, monkeypatch):
    # The exam draws its tasks at random (variety for the learner); a fixed draw for the picture.
    import random
    from types import SimpleNamespace

    import drill.tui.screens.exam as exam_screen

    monkeypatch.setattr(exam_screen, "random", SimpleNamespace(Random=lambda *args: random.Random(7)))
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False, timezone="UTC", exam_date=(now + timedelta(days=7)).date())
    return DrillApp(session)


async def _settle(pilot, first: bool = False) -> None:
    from textual.widgets import Input, TextArea

    if first:  # Today fills in from a thread worker after the first frame (later screens keep
        await pilot.app.workers.wait_for_complete()  # long-lived workers, e.g. the file watcher)
    for _ in range(3):
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    # A blinking cursor would make the picture depend on the moment it is taken.
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False
    await pilot.pause()


async def _press(pilot, key: str) -> None:
    """A key, or ``click:SELECTOR`` for what has no key of its own (a tab's label), or
    ``toasts:clear`` (a toast that may or may not have timed out makes the picture flaky)."""
    if key == "toasts:clear":
        pilot.app.clear_notifications()
    elif key.startswith("click:"):
        await pilot.click(key.removeprefix("click:"))
    else:
        await pilot.press(key)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_snapshot(snap_compare, app, name, size):
    async def go(pilot):
        await _settle(pilot, first=True)
        for key in SCREENS[name]:
            await _press(pilot, key)
            await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=go)


EXIT_LABELS = ("Quit", "Back", "Close", "Cancel", "No")
# The main actions that must stay in view too, where a screen has them.
MAIN_LABELS = {"attempt-task": ("Check", "Close", "Hint"), "attempt-code": ("Check", "Save", "Hint"),  # in the editor ctrl+x cuts: Close is on Task/Check
               "attempt-hint": ("Check", "Close", "Hint"),
               "drills": ("Fresh attempt",), "exam-lobby": ("Start 1 h mini exam",)}


@pytest.mark.parametrize("name", [n for n in SCREENS if n not in ("exam-confirm",)])
async def test_footer_keeps_the_exit_key_at_80x24(app, name):
    """Whatever else the footer drops at 80 columns, the way out stays in view."""
    from textual.widgets import Footer

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot, first=True)
        for key in SCREENS[name]:
            await _press(pilot, key)
            await _settle(pilot)
        footers = list(app.screen.query(Footer))
        if not footers:  # a modal without a footer names its keys in its own text
            return
        visible, cut = [], []
        for key in footers[0].query("FooterKey"):
            if key.display and key.region.width:
                (visible if key.region.right <= 80 else cut).append(key.description)
        assert any(label in EXIT_LABELS for label in visible), (name, visible)
        assert set(MAIN_LABELS.get(name, ())) <= set(visible), (name, visible)
        assert not cut, f"{name}: the footer cuts {cut} at 80 columns"
