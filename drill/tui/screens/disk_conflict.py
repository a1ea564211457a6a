"""Ask what to keep when solution.py changed on disk while the editor has unsaved edits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class DiskConflictScreen(ModalScreen[str]):
    """Dismisses with "mine" (write the editor's text), "disk" (load the file) or "later"."""

    DEFAULT_CSS = """
    DiskConflictScreen { align: center middle; }
    DiskConflictScreen > Vertical { width: 70; max-width: 95%; height: auto; border: thick $warning; background: $surface; padding: 1 2; }
    DiskConflictScreen Horizontal { height: auto; margin-top: 1; }
    DiskConflictScreen Button { margin-right: 1; }
    """

    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine"),
        Binding("d", "choose('disk')", "Load disk"),
        Binding("escape", "choose('later')", "Decide later"),
    ]

    def __init__(self, name: str, action: str = "") -> None:
        super().__init__()
        self.file_name = name
        self.action_text = action

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"[b]{self.file_name} changed on disk[/b] while the editor has unsaved edits.")
            yield Label(
                "Keep mine (m) writes the editor's text over the file; Load disk (d) replaces the "
                "editor's text with the file (ctrl+z brings yours back); Esc decides later"
                + (f" and {self.action_text} does not happen." if self.action_text else ".")
            )
            with Horizontal():
                yield Button("Keep mine", id="mine", variant="warning")
                yield Button("Load disk", id="disk", variant="primary")
                yield Button("Later", id="later")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
