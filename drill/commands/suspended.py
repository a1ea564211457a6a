"""``drill suspended [--json]`` lists suspended cards and drills; ``drill unsuspend ID`` brings one back."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    if parser.prog.endswith("unsuspend"):
        parser.add_argument("item", metavar="ID", help="the card or drill id (`drill suspended` lists them)")
    else:
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        from drill.textout import add_wide_flag

        add_wide_flag(parser)


def _drill_titles() -> dict[str, str]:
    from drill.content.exercises import exercises_root, load_exercises

    try:
        return {ex_id: ex.title for ex_id, ex in load_exercises(exercises_root()).exercises.items()}
    except Exception:  # noqa: BLE001 - a broken exercise folder must not hide the list; ids still show
        return {}


def run(args: argparse.Namespace) -> int:
    from drill.schedule.studyday import due_on
    from drill.session import StudySession
    from drill.store import Store

    store = Store.open(args.home)
    try:
        session = StudySession(store)
        if args.command == "unsuspend":
            state = session.unsuspend(args.item)
            day = due_on(state, session.settings)
            when = f"due {day:%a %d %b}" if day else "new"
            print(f"unsuspended {state.kind} {state.id} ({when})")
            return 0
        items = session.suspended()
        titles = _drill_titles() if any(s.kind == "drill" for s in items) else {}
        rows = [{"id": s.id, "kind": s.kind, "title": titles.get(s.id) or session.label(s.id),
                 "due": due.isoformat() if (due := due_on(s, session.settings)) else None} for s in items]
        if args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif not rows:
            print("nothing is suspended")
        else:
            from drill.textout import output_width, table, wrap

            width = output_width(args.wide)
            whole = {s.id: titles.get(s.id) or session.label(s.id, width=10_000) for s in items}  # the table shortens
            print("\n".join(table([(r["id"], r["kind"], whole[r["id"]]) for r in rows], width=width)))
            print()
            print("\n".join(wrap(f"{len(rows)} suspended; `drill unsuspend ID` brings one back (its schedule as it was).", width)))
        return 0
    finally:
        store.close()
