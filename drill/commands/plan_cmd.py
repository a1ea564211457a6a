"""``drill plan [--json]``: the day-by-day plan to the exam date; ``--open`` opens the Plan screen."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--open", action="store_true", help="open the app on the Plan screen instead")
    parser.add_argument("--wide", action="store_true", help="every drill and topic in full, however wide the lines get")


def render(plan, agenda, width: int = 80, wide: bool = False) -> str:
    """The plan as text. Prose wraps at ``width`` between words; the table leads with what the
    learner acts on (hours, reviews, new cards, drills) and lists drills and topics as far as they
    fit, with ``+N`` for the rest (``wide`` prints them all)."""
    import textwrap

    from drill.hours import format_minutes
    from drill.progress.agenda import plan_summary
    from drill.wording import fit_names

    lines = []
    for line in plan_summary(plan, agenda, app=False):
        lines += textwrap.wrap(line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False) or [""]
    lines.append("")
    drills_w, topics_w = (20, 18) if not wide else (0, 0)
    rows = []
    for d in plan.days:
        mark = "▶" if d.day == plan.today else " "
        topic_names = [f"{k} {v}" for k, v in d.groups.items()]
        topics = (fit_names(topic_names, topics_w) if not wide else ", ".join(topic_names)) or ("review only" if d.review_day else "-")
        drills = (fit_names(list(d.drills), drills_w) if not wide else ", ".join(d.drills)) or "-"
        rows.append((f"{mark} {d.day:%a %d %b}", format_minutes(d.minutes), f"{d.reviews:.0f}", str(len(d.cards)), drills, topics))
    if wide:
        drills_w = max([len("drills"), *(len(r[4]) for r in rows)])
        topics_w = max([len("topics"), *(len(r[5]) for r in rows)])
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

            print(render(plan, agenda, width=min(shutil.get_terminal_size((80, 24)).columns, 100), wide=args.wide))
        return code
    finally:
        store.close()
