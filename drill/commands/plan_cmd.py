"""``drill plan [--json]``: the day-by-day plan to the exam date; ``--open`` opens the Plan screen."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--open", action="store_true", help="open the app on the Plan screen instead")


def render(plan, agenda) -> str:
    from drill.hours import format_minutes
    from drill.progress.agenda import groups_text, names_text, plan_summary

    lines = plan_summary(plan, agenda, app=False)
    lines.append("")
    lines.append(f"  {'day':<10}  {'new':>4}  {'by topic/resource':<28}  {'drills':<18}  {'reviews':>7}  {'hours':>6}")
    for d in plan.days:
        mark = "▶" if d.day == plan.today else " "
        groups = groups_text(d.groups.items(), width=28) or ("review only" if d.review_day else "-")
        drills = names_text(d.drills, 18) or "-"
        lines.append(f"{mark} {d.day:%a %d %b}  {len(d.cards):>4}  {groups:<28}  {drills:<18}  "
                     f"{d.reviews:>7.0f}  {format_minutes(d.minutes):>6}")
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
        if args.json:
            print(json.dumps({**plan.as_json(), "pace": agenda.pace, "limit_warning": agenda.limit_warning,
                              "today_agenda": agenda.as_json()}, indent=2))
        else:
            print(render(plan, agenda))
        return 0
    finally:
        store.close()
