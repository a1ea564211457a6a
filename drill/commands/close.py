"""``drill close DRILL``: close your open attempt; its outcome becomes an FSRS rating, as in the app."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", help="drill id (or a variant's id)")


def run(args: argparse.Namespace) -> int:
    from drill.attempts import Attempts, close_summary
    from drill.commands.hint import open_attempt
    from drill.content.exercises import find_spec
    from drill.session import load_settings
    from drill.store import Store

    spec = find_spec(args.drill)
    with Store.open(args.home) as store:
        attempts = Attempts(store, args.home)
        closed, state = attempts.close(open_attempt(attempts, spec.id).id)
        settings = load_settings(store)
    print(close_summary(closed, state, settings))
    print(f"the reference: drill solution {spec.id}")
    return 0
