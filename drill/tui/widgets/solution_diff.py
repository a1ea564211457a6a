"""Your code against the reference: side by side when the terminal is wide, stacked when not."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Static

from drill.solution_diff import SIDE_BY_SIDE_MIN_WIDTH, diff_stats, side_by_side_rows, unified_lines

STYLES = {"mine": "red", "ref": "green", "hunk": "bold cyan", "same": "", "change": "yellow", "gap": "dim"}


def unified_text(mine: str, reference: str) -> Text:
    """The stacked diff as rich Text (shared by the app and ``drill solution``)."""
    text = Text()
    lines = unified_lines(mine, reference)
    if not lines:
        return Text("Your code and the reference are the same.", style="green")
    for line in lines:
        text.append(line.text + "\n", style=STYLES[line.kind])
    return text


def side_by_side_table(mine: str, reference: str) -> Table:
    table = Table(box=None, expand=True, padding=(0, 1), show_header=True, header_style="bold")
    table.add_column("", justify="right", style="dim", width=4)
    table.add_column("yours", ratio=1, overflow="fold")
    table.add_column("", justify="right", style="dim", width=4)
    table.add_column("reference", ratio=1, overflow="fold")
    for row in side_by_side_rows(mine, reference):
        left_style = {"change": "red", "mine": "red"}.get(row.kind, STYLES[row.kind])
        right_style = {"change": "green", "ref": "green"}.get(row.kind, STYLES[row.kind])
        table.add_row(str(row.left_no or ""), Text(row.left, style=left_style),
                      str(row.right_no or ""), Text(row.right, style=right_style))
    return table


class SolutionDiff(VerticalScroll):
    """Scrollable diff of ``mine`` against ``reference``; the layout follows the width."""

    DEFAULT_CSS = """
    SolutionDiff { height: 1fr; padding: 0 1; }
    SolutionDiff > #diff-head { color: $text-muted; height: auto; }
    SolutionDiff > #diff-body { width: 1fr; height: auto; }
    """

    def __init__(self, mine: str = "", reference: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.mine, self.reference = mine, reference
        self.wide: bool | None = None

    def compose(self):
        yield Static("", id="diff-head")
        yield Static("", id="diff-body")

    def show(self, mine: str, reference: str) -> None:
        self.mine, self.reference = mine, reference
        self.wide = None
        self._render_diff()

    def on_resize(self, _event: events.Resize) -> None:
        self._render_diff()

    def _render_diff(self) -> None:
        if not self.is_mounted:
            return
        wide = self.size.width >= SIDE_BY_SIDE_MIN_WIDTH
        if wide == self.wide:
            return
        self.wide = wide
        only_mine, only_ref = diff_stats(self.mine, self.reference)
        from drill.wording import count

        self.query_one("#diff-head", Static).update(
            f"- {count(only_mine, 'line')} only in yours (red) · + {only_ref} only in the reference (green)"
            + ("" if wide else " · wider than 120 columns shows them side by side")
        )
        if wide and (only_mine or only_ref):
            body = side_by_side_table(self.mine, self.reference)
        else:
            body = unified_text(self.mine, self.reference)
        self.query_one("#diff-body", Static).update(body)
