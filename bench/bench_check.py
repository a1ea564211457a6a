"""Benchmark the training check (run on demand, not in the tests).

For each drill and variant: the median total time of ``run_check`` on the reference solution
(target ≤ 30 s on a 2-core CPU), and the check's overhead against running the same file bare
with ``python solution.py`` side by side in the same run (target ≤ 1.2×). Runs alternate
check/bare so machine load hits both alike.

    python bench/bench_check.py [--runs 3] [ID ...]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drill.check.runner import run_check  # noqa: E402
from drill.content.exercises import exercises_root, load_exercises  # noqa: E402


def bare(solution: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(solution, Path(tmp) / "solution.py")
        t0 = time.monotonic()
        subprocess.run([sys.executable, "solution.py"], cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.monotonic() - t0


def checked(spec) -> tuple[float, int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "solution.py").write_text(spec.solution_text(), encoding="utf-8")
        t0 = time.monotonic()
        result = run_check(spec, Path(tmp) / "solution.py")
        return time.monotonic() - t0, result.score, result.device


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("ids", nargs="*", help="drill or variant ids (default: all)")
    args = parser.parse_args()
    loaded = load_exercises(exercises_root())
    for problem in loaded.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    specs = [e.spec(i) for e in loaded.exercises.values() for i in e.instance_ids]
    if args.ids:
        specs = [s for s in specs if s.id in args.ids]
    rows = []
    device = ""
    for spec in specs:
        c_times, b_times, scores = [], [], []
        for _ in range(args.runs):
            t, score, device = checked(spec)
            c_times.append(t)
            scores.append(score)
            b_times.append(bare(spec.solution))
        c, b = statistics.median(c_times), statistics.median(b_times)
        rows.append((spec.id, c, b, c / b if b else float("nan"), min(scores)))
        print(f"{spec.id:32s} check {c:6.1f} s  bare {b:6.1f} s  ×{c / b:4.2f}  score {min(scores)}", file=sys.stderr)
    print(f"\ndevice: {device}   runs per drill: {args.runs} (medians)\n")
    print(f"{'drill':32s} {'check s':>8s} {'bare s':>8s} {'ratio':>6s} {'≤30s':>5s} {'≤1.2×':>6s} {'score':>5s}")
    for drill_id, c, b, ratio, score in rows:
        print(f"{drill_id:32s} {c:8.1f} {b:8.1f} {ratio:6.2f} {'ok' if c <= 30 else 'SLOW':>5s} {'ok' if ratio <= 1.2 else 'HIGH':>6s} {score:5d}")
    if rows:
        print(f"\n{'median':32s} {statistics.median(r[1] for r in rows):8.1f} {statistics.median(r[2] for r in rows):8.1f} "
              f"{statistics.median(r[3] for r in rows):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
