"""``drill list [--json]``: every coding drill with its status and best score, one per line."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def run(args: argparse.Namespace) -> int:
    from drill.attempts import Attempts
    from drill.content.exercises import exercises_root, load_exercises
    from drill.session import utc_now
    from drill.store import Store
    from drill.tui.screens.drills import drill_rows  # the Drills screen's rows: one source of truth

    from drill.models import ItemState
    from drill.session import load_settings

    loaded = load_exercises(exercises_root())
    specs = [ex.spec() for ex in loaded.exercises.values()]  # one row per drill, as on the Drills screen
    from drill.progress.today import agenda_for
    from drill.session import StudySession

    with Store.open(args.home) as store:
        states = {key: ItemState.model_validate(raw) for key, raw in store.all("items").items() if raw.get("kind") == "drill"}
        planned = agenda_for(StudySession(store)).drills_planned  # "planned" as on the Drills screen and Today
        rows = drill_rows(specs, states, Attempts(store, args.home), utc_now(), load_settings(store), planned)
    if args.json:
        print(json.dumps([{"id": spec.id, "drill": spec.drill_id, "category": spec.category, "status": status,
                           "best": best, "title": spec.title} for spec, status, best, _last in rows], indent=2))
        return 0
    from drill.textout import output_width, table

    cells = [(spec.id, spec.category, status, "–" if best is None else f"{best}/5", spec.title)
             for spec, status, best, _last in rows]
    lines = table(cells, ("drill", "category", "status", "best", "title"), width=output_width(args.wide))
    print("\n".join(lines))  # titles cut at a word boundary to fit the terminal; --wide: whole
    return 0
