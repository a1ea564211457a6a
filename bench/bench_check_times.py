"""Whole-check time of every drill instance's reference solution, median of N, as a table.

    python bench/bench_check_times.py [--times 3] [--warm] [--drill ID ...] [--out FILE]

Each check is the one `drill check` runs with no warm worker: a cold training process
(interpreter, TensorFlow import, the reference's training, saving the model) and a cold
grading process (load, contract, score on the held-out rows). With ``--warm`` both processes
fork from one warm TensorFlow worker, as in the app (Ctrl+R in the workbench, the mock exam,
`drill check --watch`), so the import is paid once, before the first check. The load average is
read before each run, because on this shared 2-core machine a neighbour's work shows up
directly in the figure. One check at a time; run nothing heavy beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drill.check.runner import run_check  # noqa: E402
from drill.content.exercises import exercises_root, load_exercises  # noqa: E402

BUDGET_S = 30.0


def warm_launcher():
    """The app's warm worker, started and waited for (None where fork is unsafe here)."""
    os.environ["DRILL_WARM"] = "1"
    from drill.check.warm import WarmPool, fork_is_safe

    if not fork_is_safe(setting=False)[0]:
        return None
    pool = WarmPool.start()
    deadline = time.monotonic() + 300
    while pool is not None and WarmPool.current() is None and not pool.broken and time.monotonic() < deadline:
        time.sleep(0.2)
    return WarmPool.current()


def timed_check(spec, launcher=None) -> tuple[int, float | None, float]:
    """Score, metric value and seconds of one whole check of the reference (a failure says why)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "solution.py"
        path.write_text(spec.solution_text(), encoding="utf-8")
        t0 = time.monotonic()
        result = run_check(spec, path, launcher=launcher)
        took = time.monotonic() - t0
        if result.error_kind:
            print(f"ERROR {spec.drill_id}:{spec.instance_id} {result.error_kind}: {result.error_message}\n"
                  f"{result.output_tail[-1500:]}", flush=True)
        return result.score, result.value, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=3)
    parser.add_argument("--drill", action="append", help="only these drills (repeatable)")
    parser.add_argument("--out", type=Path, help="also append the table rows to this file")
    parser.add_argument("--warm", action="store_true", help="fork every check from one warm worker, as the app does")
    args = parser.parse_args()
    launcher = None
    if args.warm:
        launcher = warm_launcher()
        if launcher is None:
            print("the warm worker did not start here (fork unsafe?): measuring cold checks", flush=True)
    loaded = load_exercises(exercises_root())
    rows = []
    for drill_id in sorted(args.drill or loaded.exercises):
        exercise = loaded.exercises[drill_id]
        for inst in exercise.instance_ids:
            spec = exercise.spec(inst)
            times, scores, loads = [], [], []
            for _ in range(args.times):
                loads.append(os.getloadavg()[0])
                score, value, took = timed_check(spec, launcher)
                times.append(took)
                scores.append(score)
                print(f"RUN {drill_id}:{inst} {score}/5 value={value} {took:.1f} s load {loads[-1]:.2f}", flush=True)
            median = statistics.median(times)
            row = (f"| {drill_id}: {inst} | {median:.1f} s | {min(times):.1f}–{max(times):.1f} s | "
                   f"{'/'.join(str(s) for s in scores)} | {min(loads):.1f}–{max(loads):.1f} | "
                   f"{'yes' if median <= BUDGET_S else 'NO'} |")
            rows.append(row)
            print(row, flush=True)
            if args.out:
                with args.out.open("a", encoding="utf-8") as out:
                    out.write(row + "\n")
    print("| drill: instance | check, median | range | scores | load avg | ≤ 30 s |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
