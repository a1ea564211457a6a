"""``drill plan [--json]``: the day-by-day plan to the exam date; ``--open`` opens the Plan screen."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--open", action="store_true", help="open the app on the Plan screen instead")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


FIXED = 39  # the day, hours, reviews and new columns with their gaps, and the gap before topics


def render(plan, agenda, width: int = 80, wide: bool = False) -> str:
    """The plan as text. Prose wraps at ``width`` between words; the table leads with what the
    learner acts on (hours, reviews, new cards, drills) and lists drills and topics as far as they
    fit in ``width``, with ``+N`` for the rest (``wide`` prints them all)."""
    from drill.hours import format_minutes
    from drill.progress.agenda import plan_summary
    from drill.textout import wrap
    from drill.wording import fit_names

    lines = []
    for line in plan_summary(plan, agenda, app=False):
        lines += wrap(line, None if wide else min(width, 100))
    lines.append("")
    room = max(width - FIXED, 24)  # drills and topics share what the fixed columns leave
    drills = [(fit_names(list(d.drills), room - room * 9 // 20) if not wide else ", ".join(d.drills)) or "-" for d in plan.days]
    drills_w = max([len("drills"), *map(len, drills)])  # as wide as its widest cell: topics get the rest
    rows = []
    for d, drill_names in zip(plan.days, drills):
        mark = "▶" if d.day == plan.today else " "
        topic_names = [f"{k} {v}" for k, v in d.groups.items()]
        topics = (fit_names(topic_names, room - drills_w) if not wide else ", ".join(topic_names)) or ("review only" if d.review_day else "-")
        rows.append((f"{mark} {d.day:%a %d %b}", format_minutes(d.minutes), f"{d.reviews:.0f}", str(len(d.cards)), drill_names, topics))
    lines.append(f"  {'day':<10}  {'hours':>6}  {'reviews':>7}  {'new':>4}  {'drills':<{drills_w}}  topics")
    for day, hours, reviews, new, drills, topics in rows:
        lines.append(f"{day}  {hours:>6}  {reviews:>7}  {new:>4}  {drills:<{drills_w}}  {topics}".rstrip())
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.open:
        from drill.commands import open_app

        args.command = "plan"
        return open_app.run(args)
    from drill.progress.today import agenda_for, planner_of
    from drill.session import StudySession
    from drill.store import Store

    store = Store.open(args.home)
    try:
        session = StudySession(store)
        now = session.clock()
        plan = planner_of(session).plan(now)
        agenda = agenda_for(session, now)
        from drill.progress.daily import warn_left_out

        data = ({**plan.as_json(), "pace": agenda.pace, "limit_warning": agenda.limit_warning,
                 "today_agenda": agenda.as_json()} if args.json else None)
        # damaged day files: said, never skipped in silence
        code = warn_left_out(store.home, session.settings, data, session.decks)
        if args.json:
            print(json.dumps(data, indent=2))
        else:
            import shutil

            print(render(plan, agenda, width=shutil.get_terminal_size((80, 24)).columns, wide=args.wide))
        return code
    finally:
        store.close()
