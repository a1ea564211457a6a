"""``drill optimize [--json] [--reset]``: personal FSRS parameters from your review log.

Fits with fsrs-rs-python (an optional extra: ``pip install 'drill[optimize]'``) on the earlier
80 % of the log and keeps the result only when it predicts the later 20 % better than the
parameters in use (``drill.schedule.optimize``). Says which way it went either way.
"""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--reset", action="store_true", help="go back to FSRS's default parameters")


def run(args: argparse.Namespace) -> int:
    from drill.errors import UsageError
    from drill.schedule.optimize import OptimizerMissing, fit
    from drill.session import REVIEWS, StudySession
    from drill.store import Store

    store = Store.open(args.home)
    try:
        session = StudySession(store)
        if args.reset:
            session.save_settings(fsrs_parameters=None)
            print("back to FSRS's default parameters")
            return 0
        try:
            result = fit(list(store.records(REVIEWS)), session.settings)
        except OptimizerMissing:
            raise UsageError("drill optimize needs the fsrs-rs-python package, which is not installed",
                             hint="pip install 'fsrs-rs-python>=0.9,<0.10' (or drill's extra: pip install 'drill[optimize]')") from None
        if result.kept:
            session.save_settings(fsrs_parameters=list(result.parameters))
        if args.json:
            print(json.dumps(result.as_json(), indent=2))
        else:
            print(result.message)
            if result.kept:
                print("New intervals use them from the next answer on; `drill optimize --reset` goes back to the defaults.")
        return 0
    finally:
        store.close()
