"""``drill`` and ``drill review|drills|notes|stats|plan``: open the app on a screen."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults()


def run(args: argparse.Namespace) -> int:
    from drill.session import StudySession
    from drill.store import Store
    from drill.tui.app import DrillApp

    store = Store.open(args.home)
    try:
        with store.session_lock():
            app = DrillApp(StudySession(store), start=args.command)
            app.run()
    finally:
        store.close()
    return 0
