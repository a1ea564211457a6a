"""The four answer buttons, each showing the interval its rating would give."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

from drill.schedule.memory import RATINGS, format_interval

VARIANTS = {1: "error", 2: "warning", 3: "success", 4: "primary"}


class RatingBar(Horizontal):
    """Again / Hard / Good / Easy; posts ``RatingBar.Rated`` when one is pressed."""

    DEFAULT_CSS = """
    RatingBar { height: 3; align: center middle; }
    RatingBar Button { min-width: 16; margin: 0 1; }
    """

    class Rated(Message):
        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    def compose(self) -> ComposeResult:
        for rating, name in RATINGS.items():
            yield Button(f"{rating} {name}", id=f"rate-{rating}", variant=VARIANTS[rating])  # type: ignore[arg-type]

    def show_intervals(self, intervals: dict[int, timedelta]) -> None:
        for rating, name in RATINGS.items():
            self.query_one(f"#rate-{rating}", Button).label = f"{rating} {name} · {format_interval(intervals[rating])}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("rate-"):
            self.post_message(self.Rated(int(event.button.id.removeprefix("rate-"))))
