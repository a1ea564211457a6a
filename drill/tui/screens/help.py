"""The key help for the screen underneath, as a modal."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def keys_table(keys: list[tuple[str, str]]) -> Table:
    """Keys and what they do; a long description wraps in its cell instead of being cut."""
    table = Table(box=None, expand=True, padding=(0, 1))
    table.add_column("key", style="bold", ratio=2)
    table.add_column("action", ratio=5)
    for key, description in keys:
        table.add_row(key, description)
    return table


class HelpScreen(ModalScreen[None]):
    """Lists ``keys`` (key, what it does); any of Esc, q, ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 72; max-width: 100%; max-height: 95%; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    HelpScreen #help-keys { height: auto; max-height: 50vh; }  /* leaves the sentence below on screen */
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
            with VerticalScroll(id="help-keys"):  # scrolls (arrows, wheel) when the keys outgrow a small terminal
                yield Static(keys_table(self.keys))
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
