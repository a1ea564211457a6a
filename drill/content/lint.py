"""The content check behind ``drill lint``: decks, notes and exercises, each problem at file:line.

What it reports:
- every problem the deck and note loaders find (unknown skills, duplicate ids, bad metadata …);
- a skill with fewer than ``min_cards`` cards, and a section with no card of some resource
  (both placed at their line in ``skills.toml``);
- a ```python block that does not parse (in cards, notes and exercise ``*.py`` files);
- an over-long answer or a leftover ``Front:`` label, and text copied from the exam or the
  course (``drill.content.style``);
- with ``run=True``: a runnable card or note whose python blocks fail when run, in order, in a
  fresh interpreter with a time limit (the slow part).

Everything is pure data in, data out, except the optional run, which uses subprocesses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drill.content.decks import deck_files, load_decks
from drill.content.lint_code import deck_code, exercises_problems, syntax_error, syntax_problems
from drill.content.lint_coverage import MIN_CARDS, coverage, coverage_problems, coverage_totals, format_coverage
from drill.content.lint_report import LintProblem, LintReport, Runnable
from drill.content.lint_run import RESULT_MARK, RUN_TIMEOUT_S, run_all, run_one
from drill.content.notes import load_notes
from drill.content.style import card_form_problems, copied_problems

# The names other modules and tests import from here (``from drill.content.lint import ...``).
__all__ = [
    "MIN_CARDS", "RESULT_MARK", "RUN_TIMEOUT_S", "LintProblem", "LintReport", "Runnable", "coverage",
    "coverage_problems", "coverage_totals", "exercises_problems", "format_coverage", "lint", "run_all",
    "run_one", "syntax_error",
]


def lint(
    content: Path,
    home: Path | None = None,
    *,
    run: bool = False,
    timeout_s: float = RUN_TIMEOUT_S,
    jobs: int = 1,
    min_cards: int = MIN_CARDS,
    coverage_checks: bool = True,
    progress: Callable[[int, int, Runnable], None] | None = None,
) -> LintReport:
    """Check the content under ``content`` (decks/, notes/, exercises/) and the learner's own
    decks and notes under ``home``.

    Args:
        content: The content root (``drill.paths.content_root()``).
        home: The data folder, or None to check shipped content only.
        run: Also run every runnable card and note (slow: a fresh interpreter each).
        timeout_s: Time limit for one runnable.
        jobs: How many runnables run at once.
        min_cards: Fewest cards a skill may have.
        coverage_checks: Check cards per skill and resources per section (off for partial
            content such as a single fixture deck).
        progress: Called before each runnable starts, with (index, total, runnable).
    """
    report = LintReport()
    deck_dirs = [content / "decks"] + ([home / "decks"] if home is not None else [])
    decks = load_decks(*deck_dirs)
    report.cards = decks.cards
    report.problems += [LintProblem(p.path, p.line, p.message, "deck") for p in decks.problems]

    notes = load_notes(content / "notes", home / "notes" if home is not None else None)
    report.notes = notes.notes
    report.problems += [LintProblem(p.path, p.line, p.message, "note") for p in notes.problems]

    if coverage_checks:
        report.problems += coverage_problems(decks.cards.values(), min_cards)

    for path in deck_files(*deck_dirs):
        runnable, problems = deck_code(path, decks.cards)
        report.runnables += runnable
        report.problems += problems
        report.problems += [LintProblem(*found) for found in card_form_problems(path, decks.cards.values())]
    report.problems += [LintProblem(*found) for found in copied_problems(content)]
    for note in notes.notes:
        report.problems += syntax_problems(note.path, note.code_blocks())
        if note.runnable:
            blocks = tuple(b for b in note.code_blocks() if b.is_python)
            if blocks and not any(syntax_error(b.code) for b in blocks):
                report.runnables.append(Runnable(f"note {note.id!r}", note.path, blocks[0].line, blocks))

    exercise_problems, checked = exercises_problems(content / "exercises")
    report.problems += exercise_problems
    report.exercises_checked = checked

    if run:
        report.problems += run_all(report.runnables, timeout_s=timeout_s, jobs=jobs, progress=progress)
        report.ran = len(report.runnables)
    report.problems.sort(key=lambda p: (str(p.path), p.line))
    return report
