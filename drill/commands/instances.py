"""``drill instances DRILL [--json]``: a drill's data instances and the learner's best on each.

Columns: the instance id, its description, the learner's best score on it (– when never
tried), and which one a fresh attempt (``drill new DRILL``) would take next.
"""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id, e.g. tabular-regression")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def instance_rows(exercise, attempts) -> list[dict]:
    """One dict per instance: id, description, seed, bars, best (None: never tried), next."""
    best = attempts.best_by_instance(exercise)
    upcoming = attempts.fresh_spec(exercise).instance_id
    rows = []
    for inst in exercise.all_instances:
        spec = exercise.spec(inst.id)
        rows.append({"id": inst.id, "description": inst.description, "seed": inst.seed, "metric": spec.metric.name,
                     "bars": list(spec.metric.bars), "best": best[inst.id], "next": inst.id == upcoming})
    return rows


def run(args: argparse.Namespace) -> int:
    from drill.attempts import Attempts
    from drill.content.exercises import exercises_root, find_exercise, find_spec, load_exercises
    from drill.store import Store

    spec = find_spec(args.drill)  # a clear error for an unknown drill
    exercise = find_exercise(load_exercises(exercises_root()), spec.drill_id)
    with Store.open(args.home) as store:
        rows = instance_rows(exercise, Attempts(store, args.home))
    if args.json:
        print(json.dumps({"drill": exercise.id, "instances": rows}, indent=2))
        return 0
    from drill.textout import output_width, table, wrap

    width = output_width(args.wide)
    print("\n".join(wrap(f"{exercise.id} — {exercise.title}", width)))
    cells = [(r["id"], "–" if r["best"] is None else f"{r['best']}/5", r["description"], "← next" if r["next"] else "")
             for r in rows]  # the mark has its own column, so shortening a description never drops it
    print("\n".join(table(cells, width=width, flex=2, align="<><", indent="  ")))
    return 0
