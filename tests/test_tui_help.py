"""Help screens: the explanatory sentence wraps inside the box at every width, never cut."""

import pytest

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
