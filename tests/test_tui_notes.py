"""Pilot tests of the Notes screen: the shelf by topic, search as you type, copy, own notes."""

import pytest

from drill.session import StudySession
from drill.store import Store
from drill.tui.app import DrillApp
from drill.tui.screens.notes import NotesScreen
from helpers import Clock, make_decks


@pytest.fixture
def app(drill_home, tmp_path, now):
    own = drill_home / "notes"
    own.mkdir()
    (own / "my-shapes.md").write_text("# My shape rules\n\nConv2D with valid padding shrinks by kernel-1.\n\n```python\nprint('hi')\n```\n")
    store = Store.open(drill_home)
    yield DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="notes")
    store.close()


async def test_shelf_lists_shipped_and_own_notes(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        ids = [o.id for o in screen.query_one("#list").options if o.id]
        assert "mine/my-shapes" in ids and len(ids) == len(screen.shelf.notes) >= 2
        assert screen.note_id is not None


async def test_search_as_you_type_and_copy(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"shrinks kernel")
        screen = app.screen
        ids = [o.id for o in screen.query_one("#list").options if o.id]
        assert ids == ["mine/my-shapes"]
        await pilot.press("enter")  # back to the list
        screen.note_id = "mine/my-shapes"
        copied = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("c")
        assert copied == ["print('hi')"]


async def test_escape_clears_search_then_leaves(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "x", "y", "z", "z", "y")
        assert app.screen.query_one("#count").content.startswith("0 of")
        await pilot.press("escape")
        assert app.screen.query_one("#search").value == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, NotesScreen)
