"""The Python editor of the workbench: textual-textarea's TextEditor, tuned for drill.

textual-textarea (the editor of harlequin, MIT) gives VS Code-like editing on top of Textual's
TextArea: keep the indent on Enter, Tab/Shift+Tab indent and dedent a selection, Ctrl+A, cut,
copy and paste (Textual's clipboard, which also sends OSC 52 to the terminal, plus the system
clipboard through pyperclip where one exists), undo/redo, Ctrl+/ comments, find (Ctrl+F, F3)
and go-to-line (Ctrl+G). This module adds what a Python editor needs on top:

- one more indent level after a line ending with a colon;
- no file open/save prompts (the workbench owns the file: Ctrl+S writes solution.py);
- no path completion on "/" (a division in Python is not a path), no blinking cursor
  (an idle app redraws nothing);
- ``saved_text`` and ``dirty``: what is on disk as far as the editor knows.
"""

from __future__ import annotations

import re

from textual import events
from textual.binding import Binding
from textual.widgets.text_area import Selection
from textual_textarea import TextEditor
from textual.widgets import Label
from textual_textarea.autocomplete import CompletionList
from textual_textarea.containers import FooterContainer, TextContainer
from textual_textarea.text_editor import TextAreaPlus

# Tests turn this off so a test run never writes the desktop's clipboard; OSC 52 and the
# in-app clipboard still work.
USE_SYSTEM_CLIPBOARD = True

_OPENS_BLOCK = re.compile(r":\s*(#.*)?$")

# Every editing key, for the help screen and the README (keys of textual-textarea, as bound).
EDITOR_KEYS: list[tuple[str, str]] = [
    ("ctrl+s", "save solution.py"),
    ("ctrl+c / ctrl+x / ctrl+v", "copy / cut / paste (the line when nothing is selected)"),
    ("ctrl+a", "select all"),
    ("ctrl+z / ctrl+y", "undo / redo"),
    ("tab / shift+tab", "indent / dedent the line or selection"),
    ("ctrl+/", "comment / uncomment the line or selection"),
    ("ctrl+f, f3", "find, find next (Esc closes)"),
    ("ctrl+g", "go to line"),
    ("shift+arrows, ctrl+arrows", "select, move by word"),
    ("shift+delete", "delete the line"),
]


class PythonTextArea(TextAreaPlus):
    """TextAreaPlus that opens a block after a colon, without completion pop-ups.

    The completers (words, members after "." or ":", paths after "/") are harlequin's SQL
    helpers; with none configured they would still swallow the Enter that follows a ":".
    """

    def _handle_printable_character(self, event: events.Key) -> None:
        self.completer_active = None

    def _handle_separator(self, event: events.Key) -> None:
        self.completer_active = None

    def _handle_slash(self, event: events.Key) -> None:
        self.completer_active = None

    def _handle_backspace(self, event: events.Key) -> None:
        self.completer_active = None

    def _handle_enter(self, event: events.Key) -> None:
        row, column = self.cursor_location
        before = self.document.get_line(row)[:column]
        if (
            self.completer_active is None
            and not self.read_only
            and self.selection.start == self.selection.end
            and _OPENS_BLOCK.search(before)
        ):
            event.stop()
            event.prevent_default()
            indent = len(before) - len(before.lstrip(" "))
            step = self.indent_width - indent % self.indent_width
            self.insert(f"{self.document.newline}{' ' * (indent + step)}", location=self.cursor_location)
            return
        super()._handle_enter(event)


class CodeEditor(TextEditor, inherit_bindings=False):
    """A Python editor over one file's text; the screen saves and loads it."""

    BINDINGS = [
        Binding("ctrl+f", "find", "Find"),
        Binding("f3", "find(True)", "Find next", show=False),
        Binding("ctrl+g", "goto_line", "Go to line", show=False),  # in the help (f1); the footer keeps Back at 80
    ]

    DEFAULT_CSS = """
    CodeEditor { height: 1fr; }
    """

    def __init__(self, text: str = "", *, read_only: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(language="python", theme="css", text=text, read_only=read_only, id=id,
                         use_system_clipboard=USE_SYSTEM_CLIPBOARD, path_completer=None)
        self.saved_text = text

    def compose(self):
        # TextEditor.compose, with PythonTextArea in place of TextAreaPlus.
        self.text_container = TextContainer()
        self.text_input = PythonTextArea(language=self._language, text=self._initial_text, read_only=self.read_only,
                                         show_cursor=self._show_cursor, use_system_clipboard=self.use_system_clipboard)
        self.text_input.cursor_blink = False
        self.completion_list = CompletionList()
        self.footer = FooterContainer(classes="hide")
        self.footer_label = Label("", id="textarea__save_open_input_label")
        with self.text_container:
            yield self.text_input
            yield self.completion_list
        with self.footer:
            yield self.footer_label

    @property
    def dirty(self) -> bool:
        """True when the buffer differs from what was last loaded or saved."""
        return self.text != self.saved_text

    def load(self, text: str) -> None:
        """Replace the buffer with the file's text (undo still reaches the old buffer)."""
        if text != self.text:
            cursor = self.selection.end
            self.text = text
            row = min(cursor[0], max(self.text_input.document.line_count - 1, 0)) if self.text_input else 0
            self.selection = Selection((row, 0), (row, 0))
        self.saved_text = text

    def mark_saved(self, text: str) -> None:
        self.saved_text = text
