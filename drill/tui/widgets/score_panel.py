"""The result of a check: the score, the metric against every bar, and what to fix."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from drill.check.console import result_group
from drill.check.result import CheckResult
from drill.coach import findings_text
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

    def show_problems(self, problems: list) -> None:
        """What the fast lane of watch mode found (no score: nothing was trained)."""
        self.result = None
        self.remove_class("-empty")
        self.add_class("-low")
        text = Text("The fast lane found, before any training:\n", style="bold")
        for problem in problems:
            text.append(f"✗ {problem.message}\n", style="red")
            if problem.hint:
                text.append(f"  fix: {problem.hint}\n")
        text.append("Save again when it is fixed.", style="dim")
        self.update(text)

    def show(self, result: CheckResult, spec: DrillSpec, findings: list | None = None) -> None:
        """The result, then what the training curve shows (``drill.coach``) when there was one."""
        self.result = result
        self.remove_class("-empty")
        self.set_class(result.score < 5, "-low")
        group = result_group(result, spec)
        if findings:
            group = Group(group, Text("\nthe training curve", style="bold"), findings_text(findings))
        self.update(group)
