"""``drill new DRILL``: a fresh attempt workspace from the drill's starter; prints its path."""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id (or a variant's id), e.g. linear-dense")


def run(args: argparse.Namespace) -> int:
    from drill.attempts import Attempts
    from drill.content.exercises import find_spec
    from drill.store import Store

    spec = find_spec(args.drill)
    with Store.open(args.home) as store:
        attempt = Attempts(store, args.home).start(spec)
    print(attempt.workspace)
    print(f"edit {attempt.solution}, then run: drill check {spec.id}", file=sys.stderr)
    return 0
