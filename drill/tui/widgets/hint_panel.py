"""The hints an attempt has revealed, in a panel that stays in view under every tab."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


def hint_heading(used: int, total: int) -> str:
    """"Hint 2 of 3 · 1 left" (one wording for the panel and ``drill hint``)."""
    left = total - used
    return f"Hint {used} of {total} · " + (f"{left} left" if left else "no more hints")


class HintPanel(VerticalScroll):
    """Revealed hints, wrapped to the width, newest last and scrolled into view.

    At 80×24 it takes at most 7 rows (5 of text) and scrolls when the hints need more, so the
    code above it keeps most of the screen.
    """

    DEFAULT_CSS = """
    HintPanel { height: auto; max-height: 7; border: round $warning; padding: 0 1; margin: 0 1; display: none; }
    HintPanel.-shown { display: block; }
    HintPanel > Static { width: 1fr; height: auto; }
    """

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static("", id="hint-text", markup=False)

    def show_hints(self, hints: list[str] | tuple[str, ...], used: int) -> None:
        """Show the first ``used`` hints (nothing, hidden, when none is revealed)."""
        shown = list(hints[:used])
        self.set_class(bool(shown), "-shown")
        if not shown:
            return
        self.border_title = hint_heading(used, len(hints))
        self.border_subtitle = "ctrl+t next · f2 hides"
        self.query_one("#hint-text", Static).update("\n".join(f"{i}. {text}" for i, text in enumerate(shown, 1)))
        self.call_after_refresh(self.scroll_end, animate=False)

    def toggle(self) -> bool:
        """Hide or show again; returns True when now shown."""
        self.toggle_class("-shown")
        return self.has_class("-shown")
