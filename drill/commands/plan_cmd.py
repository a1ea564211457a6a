"""``drill plan [--json]``: the day-by-day plan to the exam date; ``--open`` opens the Plan screen."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--open", action="store_true", help="open the app on the Plan screen instead")


def render(plan) -> str:
    from drill.hours import format_minutes

    head = f"Plan to the exam on {plan.exam_date}" if plan.exam_date else "Rolling plan (no exam date set)"
    lines = [f"{head} · {plan.hours_per_day:g} h a day", plan.message]
    if plan.pace:
        lines.append(f"pace: {plan.pace}")
    lines += [f"note: {n}" for n in plan.notes]
    lines.append("")
    lines.append(f"  {'day':<10}  {'new':>4}  {'by topic/resource':<28}  {'drills':<18}  {'reviews':>7}  {'hours':>6}")
    for d in plan.days:
        mark = "▶" if d.day == plan.today else " "
        groups = ", ".join(f"{k} {v}" for k, v in d.groups.items()) or ("review only" if d.review_day else "-")
        drills = ", ".join(d.drills) or "-"
        lines.append(f"{mark} {d.day:%a %d %b}  {len(d.cards):>4}  {groups[:28]:<28}  {drills[:18]:<18}  "
                     f"{d.reviews:>7.0f}  {format_minutes(d.minutes):>6}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.open:
        from drill.commands import open_app

        args.command = "plan"
        return open_app.run(args)
    from drill.content.decks import load_decks
    from drill.progress.planning import plan_for
    from drill.session import deck_folders, load_settings, utc_now
    from drill.store import Store

    store = Store.open(args.home)
    try:
        settings = load_settings(store)
        plan = plan_for(store, settings, load_decks(*deck_folders(store.home)).cards, utc_now())
        print(json.dumps(plan.as_json(), indent=2) if args.json else render(plan))
        return 0
    finally:
        store.close()
