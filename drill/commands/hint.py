"""``drill hint DRILL [N]``: the next hint of your open attempt (counted, as in the app), or hint N."""

from __future__ import annotations

import argparse
from drill.errors import UsageError
from drill.textout import wrap as textout_wrap


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id (or a variant's id)")
    parser.add_argument("n", metavar="N", nargs="?", type=int,
                        help="show hint N (revealing the ones before it, each counted); default: the next one")


def open_attempt(attempts, drill_id: str):
    """The open attempt at a drill (the latest one), or a UsageError that says what to do."""
    attempt = next((a for a in reversed(attempts.all(drill_id)) if a.is_open), None)
    if attempt is None:
        raise UsageError(f"no open attempt at {drill_id!r}", hint=f"start one with `drill new {drill_id}`")
    return attempt


def attempt_spec(attempts, attempt, fallback):
    """The drill on the data instance the attempt was started on (its hints and reference)."""
    from drill.content.exercises import exercises_root, find_exercise, load_exercises

    exercise = find_exercise(load_exercises(exercises_root()), attempt.drill_id)
    return exercise.spec(attempts.instance_of(attempt, exercise)) if exercise is not None else fallback


def wrap(text: str, indent: str = "  ", hanging: str = "     ") -> str:
    """Wrap at the terminal's width (80 in a pipe, at most 100 for reading), never inside a word."""
    from drill.textout import output_width

    return "\n".join(textout_wrap(text, min(output_width() or 100, 100), indent, hanging))


def run(args: argparse.Namespace) -> int:
    from drill.attempts import Attempts
    from drill.content.exercises import find_spec
    from drill.store import Store
    from drill.tui.widgets.hint_panel import hint_heading

    spec = find_spec(args.drill)
    if not spec.hints:
        raise UsageError(f"drill {spec.id!r} has no hints")
    wanted = args.n
    if wanted is not None and not 1 <= wanted <= len(spec.hints):
        raise UsageError(f"drill {spec.id!r} has hints 1 to {len(spec.hints)}", hint=f"`drill hint {spec.id}` shows the next one")
    with Store.open(args.home) as store:
        attempts = Attempts(store, args.home)
        attempt = open_attempt(attempts, spec.id)
        spec = attempt_spec(attempts, attempt, spec)
        target = wanted or min(attempt.hints_used + 1, len(spec.hints))
        while attempt.hints_used < target:
            attempt, _ = attempts.reveal_hint(attempt.id, spec)
    print(hint_heading(attempt.hints_used, len(spec.hints)))
    print(wrap(f"{target}. {spec.hints[target - 1]}"))
    return 0
