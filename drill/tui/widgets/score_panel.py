"""The result of a check: the score, the metric against every bar, and what to fix."""

from __future__ import annotations

from textual.widgets import Static

from drill.check.console import result_group
from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec


class ScorePanel(Static):
    """Shows one CheckResult (the same text ``drill check`` prints); empty until the first check."""

    DEFAULT_CSS = """
    ScorePanel { height: auto; border: round $success; padding: 0 1; }
    ScorePanel.-empty { display: none; }
    ScorePanel.-low { border: round $warning; }
    """

    result: CheckResult | None = None

    def on_mount(self) -> None:
        self.add_class("-empty")

    def clear(self) -> None:
        """A new check started: the previous result goes away."""
        self.result = None
        self.add_class("-empty")
        self.update("")

    def show(self, result: CheckResult, spec: DrillSpec) -> None:
        self.result = result
        self.remove_class("-empty")
        self.set_class(result.score < 5, "-low")
        self.update(result_group(result, spec))
