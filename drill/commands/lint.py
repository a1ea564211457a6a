"""``drill lint``: check decks, notes and exercises; ``--run`` also runs the runnable code.

Exit 0 when clean, 1 when a problem was found. ``--coverage`` adds the table of cards per
skill and resource; ``--json`` prints one JSON object instead of text.
"""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--run", action="store_true", help="also run every runnable card and snippet (slow)")
    parser.add_argument("--coverage", action="store_true", help="print cards per skill and resource")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="S", help="time limit per runnable (default 120 s)")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="runnables to run at once (default 1)")


def run(args: argparse.Namespace) -> int:
    from drill.content.lint import coverage, coverage_totals, format_coverage, lint
    from drill.paths import content_root

    as_json = getattr(args, "json", False)

    def progress(index: int, total: int, item) -> None:
        print(f"  running {index}/{total}: {item.label}", file=sys.stderr, flush=True)

    report = lint(
        content_root(), getattr(args, "home", None), run=getattr(args, "run", False),
        timeout_s=getattr(args, "timeout", 120.0), jobs=getattr(args, "jobs", 1),
        progress=None if as_json else progress,
    )
    if as_json:
        data = report.to_json()
        if getattr(args, "coverage", False):
            data["coverage"] = coverage(report.cards.values())
            data["totals"] = coverage_totals(report.cards.values())
        print(json.dumps(data, indent=1))
        return 0 if report.ok else 1
    if getattr(args, "coverage", False):
        print(format_coverage(report.cards.values()))
        print()
    for problem in report.problems:
        print(problem)
    from drill.wording import count

    ran = (f", ran {count(report.ran, 'runnable')}" if getattr(args, "run", False)
           else f", {len(report.runnables)} runnable (add --run to run them)")
    summary = f"{count(len(report.cards), 'card')}, {count(len(report.notes), 'note')}{ran}"
    if report.ok:
        print(f"ok: {summary}, no problems")
        return 0
    print(f"{count(len(report.problems), 'problem')}: {summary}")
    return 1
