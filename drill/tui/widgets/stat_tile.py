"""A small labelled number, as on a dashboard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label


class StatTile(Widget):
    """A big value over a caption; ``value`` is reactive."""

    DEFAULT_CSS = """
    StatTile {
        width: 1fr;
        height: 4;
        border: round $primary-muted;
        padding: 0 1;
        content-align: center middle;
    }
    StatTile .stat-value { text-style: bold; color: $text-primary; width: 100%; content-align: center middle; }
    StatTile .stat-caption { color: $text-muted; width: 100%; content-align: center middle; }
    StatTile.-attention { border: round $warning; }
    """

    value: reactive[str] = reactive("–")

    def __init__(self, caption: str, value: str = "–", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.caption = caption
        self.set_reactive(StatTile.value, value)

    def compose(self) -> ComposeResult:
        yield Label(self.value, classes="stat-value")
        yield Label(self.caption, classes="stat-caption")

    def watch_value(self, value: str) -> None:
        if self.is_mounted:
            self.query_one(".stat-value", Label).update(value)
