"""``drill new DRILL [--instance NAME]``: a fresh attempt workspace; prints its path.

The attempt takes the drill's data instance the learner has least recently solved (never the
one of their last attempt when the drill has another), or the one ``--instance`` names.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id, e.g. linear-dense")
    parser.add_argument("--instance", metavar="NAME", help="the data instance to work on (`drill instances DRILL` lists them)")


def run(args: argparse.Namespace) -> int:
    from drill.attempts import Attempts
    from drill.content.exercises import exercises_root, find_exercise, find_spec, load_exercises
    from drill.store import Store

    spec = find_spec(args.drill, instance=args.instance)  # a clear error for an unknown drill or instance
    exercise = find_exercise(load_exercises(exercises_root()), spec.drill_id)
    with Store.open(args.home) as store:
        attempts = Attempts(store, args.home)
        if args.instance is None and args.drill == spec.drill_id:
            spec = attempts.fresh_spec(exercise)
        attempt = attempts.start(spec)
    print(attempt.workspace_path)  # stdout: the path alone, for `cd "$(drill new DRILL)"`
    from drill.textout import output_width, wrap

    width = output_width()
    for line in (f"instance {spec.instance_id}: {spec.instance.description}",
                 f"edit {attempt.solution}", f"then run: drill check {spec.id}"):
        print("\n".join(wrap(line, width)), file=sys.stderr)  # between words, never mid-word
    return 0
