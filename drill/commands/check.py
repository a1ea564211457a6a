"""``drill check DRILL [FILE]``: train and grade a solution in the terminal.

Live progress (phase, device, a bar per epoch, loss, elapsed), then a result panel: the score,
the metric against the bar of every score, and what to fix. ``--json`` prints the record.
Exit 0 for 5/5, 1 below, 2 for a usage or data error. A check of an attempt's workspace file
is recorded as a submission of that attempt.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from drill.errors import UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id")
    parser.add_argument("--instance", metavar="NAME", help="grade on this data instance (default: the attempt's, else the file's INSTANCE line)")
    parser.add_argument("file", metavar="FILE", nargs="?", help="solution file (default: the latest attempt's solution.py)")
    parser.add_argument("--json", action="store_true", help="print the result record as JSON (no live progress)")
    parser.add_argument("--timeout", type=float, metavar="S", help="wall-time limit in seconds (default: the drill's)")
    parser.add_argument("--memory", type=int, metavar="MB", help="memory limit in MB (default: the drill's)")
    parser.add_argument("--stay", action="store_true",
                        help="keep TensorFlow loaded in a warm worker and check again on Enter (q to quit)")


def _latest(home: Path, drill_id: str):
    from drill.attempts import Attempts
    from drill.store import Store

    with Store.open(home) as store:
        return Attempts(store, home).latest(drill_id)


def _attempt_for(home: Path, file: Path, drill_id: str):
    from drill.attempts import Attempts
    from drill.store import Store

    with Store.open(home) as store:
        for attempt in reversed(Attempts(store, home).all(drill_id)):
            if attempt.solution.resolve() == file.resolve():
                return attempt
    return None


def _graded_instance(spec, attempt, file: Path, chosen: str | None):
    """The drill on the instance to grade: ``--instance``, else the attempt's, else the one the
    file's ``INSTANCE = "..."`` line names, else the drill's first."""
    from drill.content.exercises import exercises_root, find_exercise, load_exercises
    from drill.content.instances import instance_in_code

    if chosen is not None:
        return spec
    exercise = find_exercise(load_exercises(exercises_root()), spec.drill_id)
    if attempt is not None:
        return exercise.spec(attempt.instance or attempt.variant) if (attempt.instance or attempt.variant) else spec
    named = instance_in_code(file.read_text(encoding="utf-8", errors="replace"))
    return exercise.spec(named) if named in exercise.instance_ids else spec


def run(args: argparse.Namespace) -> int:
    from drill.check.runner import check_limits, run_check
    from drill.content.exercises import find_spec

    spec = find_spec(args.drill, instance=args.instance)
    if args.file:
        file = Path(args.file).expanduser()
        in_workspaces = file.resolve().is_relative_to((Path(args.home) / "workspaces").resolve())
        attempt = _attempt_for(args.home, file, spec.id) if file.is_file() and in_workspaces else None
    else:
        attempt = _latest(args.home, spec.id)
        if attempt is None:
            raise UsageError(f"no attempt at {spec.id!r} yet", hint=f"run `drill new {spec.id}` first, or give FILE")
        file = attempt.solution
    if not file.is_file():
        raise UsageError(f"no solution file at {file}", hint="give the path of your .py file")
    spec = _graded_instance(spec, attempt, file, args.instance)
    check_limits(args.timeout, args.memory, spec)  # finite and positive, before anything runs
    if not args.stay:
        return _check_once(args, spec, file, attempt)
    from drill.check.warm import WarmPool

    pool = WarmPool.start()  # None where fork is unsafe: every check then starts cold
    while True:
        if pool is not None:  # TensorFlow loads once here instead of in the first check
            while WarmPool.current() is None and not pool.broken:
                time.sleep(0.1)
        code = _check_once(args, spec, file, attempt)
        try:
            again = input("Enter: check again · q then Enter: quit ").strip().lower()
        except EOFError:
            again = "q"
        if again.startswith("q"):
            WarmPool.stop()
            return code


def _check_once(args: argparse.Namespace, spec, file: Path, attempt) -> int:
    from drill.check.runner import run_check

    if attempt is not None:  # a check of an open attempt is one of its submissions
        attempt = _attempt_for(args.home, file, spec.id) or attempt
    from drill.check.events import Epoch

    epochs: list = []  # the training curve, for the coach

    def collect(event) -> None:
        if isinstance(event, Epoch):
            epochs.append(event)

    if args.json:
        result = run_check(spec, file, on_event=collect, timeout_s=args.timeout, memory_mb=args.memory)
    else:
        from drill.check.console import LiveView

        with LiveView(spec, file) as view:
            def both(event) -> None:
                collect(event)
                view.on_event(event)

            result = run_check(spec, file, on_event=both, timeout_s=args.timeout, memory_mb=args.memory)
    boosted: list[str] = []
    if attempt is not None and attempt.is_open:
        boosted = _record(args.home, attempt, result, spec)
    from drill.coach import coach

    findings = coach(epochs, stopped_early=result.stopped_early)
    if args.json:
        record = result.model_dump(mode="json")
        record["coach"] = [{"kind": f.kind, "severity": f.severity, "message": f.message, "links": list(f.links)} for f in findings]
        record["cards_brought_forward"] = boosted
        print(json.dumps(record, indent=2))
    else:
        show_result(result, spec, findings, boosted)
    sys.stdout.flush()
    return 0 if result.passed else 1


def show_result(result, spec, findings: list, boosted: list[str]) -> None:
    """The result panel, what the curve shows and the cards brought forward (also ``drill watch``)."""
    from rich.console import Console

    from drill.check.console import render_result
    from drill.coach import findings_text

    from drill.wording import count

    console = Console(soft_wrap=not sys.stdout.isatty())  # a pipe gets whole lines, never folded mid-word
    render_result(result, spec, console)
    if findings:
        console.print("[bold]the training curve[/]")
        console.print(findings_text(findings))
    if boosted:
        console.print(f"\n{count(len(boosted), 'card')} on what went wrong come first in your next review: {', '.join(boosted)}")


def _record(home: Path, attempt, result, spec) -> list[str]:
    """Store the submission; a failed or low check brings its cards forward (drill.failures)."""
    from drill.attempts import Attempts
    from drill.failures import boost_for, skills_of
    from drill.session import StudySession
    from drill.store import Store

    with Store.open(home) as store:
        Attempts(store, home).record_submission(attempt.id, result)
        if result.passed:
            return []
        session = StudySession(store)
        return boost_for(store, result, skills_of(spec), session.cards, session.states(), session.clock())
