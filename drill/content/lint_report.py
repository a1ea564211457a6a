"""What ``drill lint`` reports: one problem at file:line, a runnable unit of code, the whole report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drill.content.cards import Card
from drill.content.notes import CodeBlock, Note


@dataclass(frozen=True)
class LintProblem:
    """One problem: where, what, and a short code to group by (deck, note, skill-cards …)."""

    path: Path
    line: int
    message: str
    code: str

    def __str__(self) -> str:
        return f"{_show(self.path)}:{self.line}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"path": str(self.path), "line": self.line, "message": self.message, "code": self.code}


@dataclass(frozen=True)
class Runnable:
    """Code to run as one unit: a runnable card's or note's python blocks, in file order."""

    label: str
    path: Path
    line: int
    blocks: tuple[CodeBlock, ...]


@dataclass
class LintReport:
    """The outcome of one check."""

    problems: list[LintProblem] = field(default_factory=list)
    cards: dict[str, Card] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    runnables: list[Runnable] = field(default_factory=list)
    ran: int = 0
    exercises_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "problems": [p.to_json() for p in self.problems],
            "cards": len(self.cards),
            "notes": len(self.notes),
            "runnable": len(self.runnables),
            "ran": self.ran,
            "exercises_checked": self.exercises_checked,
        }


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
