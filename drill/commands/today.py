"""``drill today [--json]``: the study day's agenda, the numbers the app's Today screen shows."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def render(agenda, width: int | None = None) -> str:
    """The agenda as lines of at most ``width`` columns, broken between words (None: one line each)."""
    from drill.textout import wrap

    lines = [f"Today {agenda.day:%a %d %b %Y} · {agenda.exam_line()}",
             f"Cards: {agenda.counts_line()} · {agenda.new_waiting} new wait"]
    if agenda.later_today:
        lines.append(f"{agenda.later_today} learning cards come back later today")
    lines.append(agenda.plan_line())
    drills = [f"due {', '.join(agenda.drills_due) or 'none'}"]
    if agenda.drills_in_progress:
        drills.append(f"in progress {', '.join(agenda.drills_in_progress)}")
    lines.append("Drills: " + " · ".join(drills))
    lines.append(agenda.hours_line())
    if agenda.limit_warning:
        lines.append(agenda.limit_warning)
    lines.append(f"Next: {agenda.next.in_cli()}")
    return "\n".join(part for line in lines for part in wrap(line, width))


def run(args: argparse.Namespace) -> int:
    from drill.progress.today import agenda_for
    from drill.session import StudySession
    from drill.store import Store

    store = Store.open(args.home)
    try:
        agenda = agenda_for(StudySession(store))
        from drill.textout import output_width

        print(json.dumps(agenda.as_json(), indent=2) if args.json else render(agenda, output_width(args.wide)))
        return 0
    finally:
        store.close()
