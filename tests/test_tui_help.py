"""Help screens: the explanatory sentence wraps inside the box at every width, never cut."""

import pytest
from textual.geometry import Region

from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.help import HelpScreen
from helpers import Clock, make_decks


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 40)])
async def test_help_sentence_wraps_inside_the_box(store, tmp_path, now, size):
    app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)))
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one(".help-footer")
        text = str(box.render())
        # Every word of the sentence is on screen: the widget is as tall as its wrapped text and
        # lies wholly inside the screen.
        assert box.region.right <= size[0] and box.region.bottom <= size[1]
        lines = box.render_lines(box.region.reset_offset)
        shown = " ".join("".join(seg.text for seg in line).strip() for line in lines)
        for word in text.split():
            assert word in shown, (word, shown)


async def test_long_key_lists_wrap_and_scroll_inside_the_box(store, tmp_path, now):
    """The workbench's keys at 80x24: a long action wraps in its cell (every word kept), the list
    scrolls, and the sentence under it stays on screen."""
    from drill.tui.widgets.code_editor import EDITOR_KEYS

    keys = [(f"f{i}", f"action number {i}") for i in range(1, 13)] + EDITOR_KEYS
    app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(HelpScreen("many keys", keys))
        await pilot.pause()
        box = app.screen.query_one(".help-footer")
        assert box.region.bottom <= 24
        listing = app.screen.query_one("#help-keys")
        assert listing.max_scroll_y > 0  # more keys than rows: it scrolls rather than pushing the sentence out
        static = listing.query_one("Static")
        lines = static.render_lines(Region(0, 0, static.size.width, static.virtual_size.height))
        shown = " ".join("".join(seg.text for seg in line) for line in lines).split()
        for _key, description in keys:
            for word in description.split():
                assert word in shown, (word, description)
