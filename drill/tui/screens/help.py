"""The key help for the screen underneath, as a modal."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static


class HelpScreen(ModalScreen[None]):
    """Lists ``keys`` (key, what it does); any of Esc, q, ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 72; max-width: 100%; max-height: 95%; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    HelpScreen DataTable { height: auto; max-height: 20; }
    HelpScreen .help-footer { color: $text-muted; margin-top: 1; width: 100%; height: auto; }
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def __init__(self, title: str, keys: list[tuple[str, str]], note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"[b]{self.title_text}[/b]")
            table: DataTable = DataTable(show_cursor=False, zebra_stripes=True)
            table.add_columns("key", "action")
            for key, description in self.keys:
                table.add_row(key, description)
            yield table
            # A Static, not a Label: the sentence wraps to the box instead of being cut.
            yield Static(
                self.note or "Ctrl+P opens the command palette (any screen or action). Ctrl+C quits; every answer is already saved.",
                classes="help-footer",
            )

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)


def keys_of(screen) -> list[tuple[str, str]]:
    """(key, description) for every binding a screen shows, for its help."""
    rows = []
    for binding in screen.BINDINGS:
        if isinstance(binding, Binding) and binding.description:
            # the tooltip is the long form of a label shortened for the footer ("Back / cancel a running check")
            rows.append((binding.key_display or binding.key.replace("question_mark", "?"), binding.tooltip or binding.description))
    return rows
