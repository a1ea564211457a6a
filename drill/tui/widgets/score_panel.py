"""The result of a check: the score, the metric against every bar, and what to fix."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from drill.check.result import CheckResult


def render_result(result: CheckResult) -> Group:
    """A Rich renderable of ``result`` (also used by ``drill check`` in a plain terminal)."""
    colour = "green" if result.score == 5 else "yellow" if result.score >= 3 else "red"
    head = Text.assemble((f" {result.score}/5 ", f"bold reverse {colour}"), "  ",
                         (f"{result.metric} {result.value:.4g}" if result.value is not None else "no score", "bold"))
    parts: list = [head]
    table = Table(box=None, padding=(0, 1), show_header=True, header_style="dim")
    table.add_column("score")
    table.add_column(f"needs {result.metric} {'≤' if result.lower_is_better else '≥'}")
    table.add_column("")
    for row in result.table:
        table.add_row(str(row.score), f"{row.bar:g}", "✓" if row.met else "")
    if result.table:
        parts.append(table)
    if result.error_kind:
        parts.append(Text(f"✗ {result.error_message}", style="bold red"))
        if result.error_hint:
            parts.append(Text(f"  → {result.error_hint}", style="dim"))
    for problem in result.problems:
        parts.append(Text(f"✗ {problem.message}", style="red"))
        if problem.hint:
            parts.append(Text(f"  → {problem.hint}", style="dim"))
    facts = [f"{result.duration_s:.0f} s", result.device or "", f"TF {result.tf_version}" if result.tf_version else ""]
    if result.epochs_seen:
        facts.append(f"{result.epochs_seen} epochs" + (" (stopped early)" if result.stopped_early else ""))
    parts.append(Text(" · ".join(f for f in facts if f), style="dim"))
    return Group(*parts)


class ScorePanel(Static):
    """Shows one CheckResult; empty until the first check."""

    DEFAULT_CSS = """
    ScorePanel { height: auto; border: round $success; padding: 0 1; }
    ScorePanel.-empty { display: none; }
    ScorePanel.-low { border: round $warning; }
    """

    result: CheckResult | None = None

    def on_mount(self) -> None:
        self.add_class("-empty")

    def show(self, result: CheckResult) -> None:
        self.result = result
        self.remove_class("-empty")
        self.set_class(result.score < 5, "-low")
        self.update(render_result(result))
