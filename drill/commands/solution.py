"""``drill solution DRILL``: your last closed attempt against the reference, as a diff.

Only after an attempt is closed (the reference is the reward, not a shortcut).
"""

from __future__ import annotations

import argparse

from drill.errors import UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id (or a variant's id)")
    parser.add_argument("--reference", action="store_true", help="print the whole reference file instead of the diff")


def closed_attempt(attempts, drill_id: str):
    """The latest closed attempt at a drill, or a UsageError saying how to get one."""
    tried = attempts.all(drill_id)
    closed = [a for a in tried if not a.is_open]
    if not closed:
        hint = f"close it first: `drill close {drill_id}`" if tried else f"start one with `drill new {drill_id}`"
        raise UsageError(f"the reference of {drill_id!r} opens once an attempt at it is closed", hint=hint)
    return closed[-1]


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from drill.attempts import Attempts
    from drill.content.exercises import find_spec
    from drill.store import Store
    from drill.tui.widgets.solution_diff import unified_text

    spec = find_spec(args.drill)
    from drill.commands.hint import attempt_spec

    with Store.open(args.home) as store:
        attempts = Attempts(store, args.home)
        attempt = closed_attempt(attempts, spec.id)
        spec = attempt_spec(attempts, attempt, spec)
    reference = spec.solution.read_text(encoding="utf-8")
    console = Console(soft_wrap=True, highlight=False)  # a pipe gets whole lines, never folded
    if args.reference:
        console.print(reference, markup=False, end="")
        return 0
    mine = attempt.solution.read_text(encoding="utf-8") if attempt.solution.is_file() else ""
    console.print(f"--- yours      {attempt.solution}", markup=False)
    console.print(f"+++ reference  {spec.id}", markup=False)
    console.print(unified_text(mine, reference), end="")
    return 0
