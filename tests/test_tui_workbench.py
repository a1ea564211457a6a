"""Pilot tests of the workbench editor: indentation, selection indent/dedent, copy, find,
Ctrl+C with unsaved code, and the file on disk as the truth."""

import pytest

from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.attempt import AttemptScreen
from drill.tui.screens.disk_conflict import DiskConflictScreen
from drill.tui.widgets import code_editor
from helpers import Clock, make_decks
from test_tui_drills import open_drill


@pytest.fixture(autouse=True)
def no_desktop_clipboard(monkeypatch):
    monkeypatch.setattr(code_editor, "USE_SYSTEM_CLIPBOARD", False)


@pytest.fixture
def app(store, tmp_path, now):
    return DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="drills")


async def open_code(pilot, app) -> AttemptScreen:
    screen = await open_drill(pilot, app, "linear-dense")
    screen.query_one("TabbedContent").active = "tab-code"
    await pilot.pause()
    screen.editor.text = ""
    screen.editor.focus()
    await pilot.pause()
    return screen


async def type_text(pilot, text: str) -> None:
    keys = {"\n": "enter", " ": "space", "(": "left_parenthesis", ")": "right_parenthesis", ":": "colon",
            ",": "comma", "=": "equals_sign", ".": "full_stop"}
    await pilot.press(*[keys.get(ch, ch) for ch in text])


async def test_enter_keeps_the_indent_and_opens_a_block_after_a_colon(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        await type_text(pilot, "def f(x):\nx = 1\nif x.y:\ny = 2\n")
        assert screen.editor.text == "def f(x):\n    x = 1\n    if x.y:\n        y = 2\n        "
        assert screen.editor.dirty


async def test_tab_and_shift_tab_indent_and_dedent_the_selected_lines(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        screen.editor.text = "a = 1\nb = 2\nc = 3\n"
        area = screen.editor.text_input
        area.selection = area.selection.__class__((0, 0), (1, 5))
        await pilot.press("tab")
        assert screen.editor.text == "    a = 1\n    b = 2\nc = 3\n"  # lines kept, not replaced
        await pilot.press("shift+tab")
        assert screen.editor.text == "a = 1\nb = 2\nc = 3\n"
        assert app.focused is area  # shift+tab dedents, it does not leave the editor


async def test_select_all_copy_and_paste_use_the_in_app_clipboard(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        screen.editor.text = "model = build()\n"
        await pilot.press("ctrl+a", "ctrl+c")
        assert app.clipboard == "model = build()\n"  # Textual's clipboard (also sent as OSC 52)
        assert isinstance(app.screen, AttemptScreen)  # ctrl+c copied; the app did not quit
        await pilot.press("ctrl+end", "ctrl+v")
        assert screen.editor.text == "model = build()\nmodel = build()\n"


async def test_find_moves_to_the_match_and_go_to_line_jumps(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        screen.editor.text = "import keras\n\ndef solution_model():\n    return keras.Sequential()\n"
        await pilot.press("ctrl+f")
        await type_text(pilot, "Sequential")
        await pilot.pause()
        assert screen.editor.selected_text == "Sequential"
        assert screen.editor.selection.start == (3, 17)
        await pilot.press("escape")
        await pilot.press("ctrl+g")
        await pilot.press("ctrl+a", "3", "enter")
        await pilot.pause()
        assert screen.editor.selection.end[0] == 2


async def test_ctrl_c_and_quit_with_unsaved_code_save_it_first(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        await type_text(pilot, "x = 42")
        path = screen.solution_path()
        assert path.read_text() != "x = 42"
        screen.query_one("ContentTabs").focus()  # outside the editor, ctrl+c quits
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert path.read_text() == "x = 42"


async def test_ctrl_s_saves_and_says_so(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        await type_text(pilot, "y = 1")
        assert str(screen.query_one("TabbedContent").get_tab("tab-code").label) == "Code ●"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.solution_path().read_text() == "y = 1"
        assert not screen.editor.dirty
        assert str(screen.query_one("TabbedContent").get_tab("tab-code").label) == "Code"
        assert any("Saved solution.py" in str(n.message) for n in app._notifications)


async def test_an_outside_edit_reloads_a_clean_buffer(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        await pilot.press("ctrl+s")
        screen.solution_path().write_text("edited = 'outside'\n")
        for _ in range(40):  # the watcher's event arrives within a few hundred ms
            await pilot.pause(0.1)
            if screen.editor.text == "edited = 'outside'\n":
                break
        assert screen.editor.text == "edited = 'outside'\n" and not screen.editor.dirty


async def test_ctrl_r_never_writes_over_an_outside_edit_silently(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        screen.stop_watching.set()  # as on a file system that sends no events
        await type_text(pilot, "mine = 1")
        screen.solution_path().write_text("theirs = 2\n")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, DiskConflictScreen)
        assert screen.solution_path().read_text() == "theirs = 2\n" and not screen.checking
        await pilot.press("escape")  # decide later: nothing written, no check
        await pilot.pause()
        assert screen.solution_path().read_text() == "theirs = 2\n" and not screen.checking
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiskConflictScreen)
        await pilot.press("d")  # load the disk version
        await pilot.pause()
        assert screen.editor.text == "theirs = 2\n" and not screen.editor.dirty


async def test_watch_mode_runs_the_fast_lane_on_save_and_shows_what_it_found(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_code(pilot, app)
        reference = screen.spec.solution.read_text()
        screen.editor.text = reference.replace("shape=(1,)", "shape=(3,)")
        await pilot.press("f6")  # watch on: saves and checks at once
        for _ in range(40):
            await pilot.pause(0.1)
            if not screen.checking:
                break
        panel = screen.query_one("#score")
        text = str(panel.render())
        assert "The fast lane found, before any training" in text and "input shape is (3,)" in text
        assert "no training started" in str(screen.query_one("#tp-status").render())
        assert screen.watching and screen.solution_path().read_text() == screen.editor.text
        screen.editor.text = reference.replace("def solution_model():", "def solution_model(:")
        await pilot.press("ctrl+s")  # a save in watch mode re-checks
        for _ in range(40):
            await pilot.pause(0.1)
            if "syntax error" in str(panel.render()):
                break
        line = reference.splitlines().index("def solution_model():") + 1
        assert f"syntax error at line {line}" in str(panel.render())
        assert not (screen.solution_path().parent / "mymodel.h5").exists()
