"""A concept card: its question, and after the reveal its answer, as highlighted Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label, Markdown, Rule

from drill.content.cards import Card


class CardView(VerticalScroll):
    """Shows one card; ``revealed`` toggles the answer."""

    DEFAULT_CSS = """
    CardView { height: 1fr; padding: 0 2; border: round $primary; }
    CardView .card-meta { color: $text-muted; }
    CardView #answer-rule, CardView #answer { display: none; }
    CardView.-revealed #answer-rule, CardView.-revealed #answer { display: block; }
    """

    revealed: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Label("", id="meta", classes="card-meta")
        yield Markdown(id="question")
        yield Rule(id="answer-rule")
        yield Markdown(id="answer")

    def show(self, card: Card, position: str = "") -> None:
        """Display ``card``'s question, answer hidden."""
        self.revealed = False
        self.border_title = position
        self.query_one("#meta", Label).update(
            f"{card.resource} · {', '.join(card.skills)} · {card.deck}"
        )
        self.query_one("#question", Markdown).update(card.question())
        self.query_one("#answer", Markdown).update(card.answer())
        self.scroll_home(animate=False)

    def watch_revealed(self, revealed: bool) -> None:
        self.set_class(revealed, "-revealed")
