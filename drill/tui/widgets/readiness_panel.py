"""Today's readiness panel: expected score, pass chance and the weakest category in a bordered block."""

from __future__ import annotations

from textual.widgets import Static


class ReadinessPanel(Static):
    """A bordered block of text; the Today screen fills it after the first frame."""

    DEFAULT_CSS = """
    ReadinessPanel { border: round $primary-muted; padding: 0 1; height: auto; }
    """
