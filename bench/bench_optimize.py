"""How long `drill optimize` takes on review logs of growing size (fsrs-rs-python's fit + the check).

Logs come from the simulated forgetful learner of tests/test_optimize.py (FSRS's default
schedule, outcomes from a weaker "true" memory). Prints the median of ``--runs`` fits per size.

    python bench/bench_optimize.py --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_optimize import forgetful_learner_log  # noqa: E402

from drill.models import Settings  # noqa: E402
from drill.schedule.optimize import fit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    settings = Settings(timezone="UTC")
    print(f"{'reviews':>8} {'fit + check':>12}  kept  log loss new / current")
    for cards, days in ((150, 120), (600, 150), (1500, 200)):
        log = forgetful_learner_log(cards=cards, days=days)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = fit(log, settings)
            times.append(time.perf_counter() - start)
        print(f"{len(log):>8} {statistics.median(times) * 1000:>9.0f} ms  {str(result.kept):<5} "
              f"{result.new_loss:.4f} / {result.current_loss:.4f}")


if __name__ == "__main__":
    main()
