"""Benchmark the training check, side by side in one run (on demand, not in the tests).

For each drill, in turn (so machine load hits every column alike): a cold check (fresh
interpreters), a warm check (forked from the warm worker), and the reference run bare with
``python solution.py``. Reported:

- warm / cold: the warm worker's gain (goal ≤ 0.65×);
- warm / training: a warm check against its training alone — the learner's code from the start
  of the training phase to the end of its last ``fit`` (data loading and model building
  included), timed from the check's own events (goal ≤ 1.3×);
- cold / bare: the check's overhead over ``python solution.py``;
- the warm worker's memory while it waits (RSS, and PSS: what it really costs).

    python bench/bench_check.py [--runs 1] [ID ...]
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

from drill.check import events as ev  # noqa: E402
from drill.check import runner  # noqa: E402
from drill.check.process import pss_mb  # noqa: E402
from drill.check.warm import WarmPool  # noqa: E402
from drill.content.exercises import find_spec  # noqa: E402

DEFAULT_IDS = ["linear-dense", "tabular-regression", "digits-dense", "iris-tfdata", "shapes-from-dirs",
               "text-binary", "series-dense", "sunspots-window"]


def bare(solution: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(solution, Path(tmp) / "solution.py")
        t0 = time.monotonic()
        subprocess.run([sys.executable, "solution.py"], cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return time.monotonic() - t0


def checked(spec, launcher, split: list | None = None) -> tuple[float, float, int, str]:
    """(whole check s, training alone s, score, device); ``split`` gets where the rest went:
    (start to training, end of training to grading, grading)."""
    marks: dict[str, float] = {}

    def on_event(event) -> None:
        now = time.monotonic()
        if isinstance(event, ev.Phase) and event.name in ("training", "grading", "done"):
            marks[event.name] = now
        elif isinstance(event, ev.TrainEnd):
            marks["train_end"] = now

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "solution.py").write_text(spec.solution_text(), encoding="utf-8")
        t0 = time.monotonic()
        result = runner.run_check(spec, Path(tmp) / "solution.py", on_event=on_event, launcher=launcher)
        total = time.monotonic() - t0
    nan = float("nan")
    training = marks.get("train_end", nan) - marks.get("training", nan)
    if split is not None:
        split.append((marks.get("training", nan) - t0, marks.get("grading", nan) - marks.get("train_end", nan),
                      marks.get("done", nan) - marks.get("grading", nan)))
    if result.error_kind:
        print(f"  {spec.id}: {result.error_kind}: {result.error_message}", file=sys.stderr)
    return total, training, result.score, result.device


def server_pss(pool) -> float:
    """PSS of the (non-dumpable) server: readable only with root's rights; NaN otherwise."""
    try:
        Path(f"/proc/{pool.proc.pid}/smaps_rollup").read_bytes()
    except OSError:
        return float("nan")
    return pss_mb(pool.proc.pid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("ids", nargs="*", help=f"drill or variant ids (default: {' '.join(DEFAULT_IDS)})")
    args = parser.parse_args()
    specs = [find_spec(i) for i in (args.ids or DEFAULT_IDS)]
    t0 = time.monotonic()
    pool = WarmPool.start()
    if pool is None:
        print("the warm worker is off here (fork unsafe or DRILL_WARM=0)", file=sys.stderr)
        return 2
    while WarmPool.current() is None:
        if pool.broken:
            print("the warm worker failed to start", file=sys.stderr)
            return 2
        time.sleep(0.1)
    ready_s = time.monotonic() - t0
    rss, pss = pool.rss_mb(), server_pss(pool)
    print(f"warm worker ready after {ready_s:.1f} s; waiting: RSS {rss:.0f} MB, PSS {pss:.0f} MB", file=sys.stderr)
    rows = []
    device = ""
    for spec in specs:
        cold, warm, train, plain, scores, split = [], [], [], [], [], []
        for _ in range(args.runs):
            c, _, s1, device = checked(spec, runner.COLD)
            w, t, s2, _ = checked(spec, pool, split)
            b = bare(spec.solution)
            cold.append(c)
            warm.append(w)
            train.append(t)
            plain.append(b)
            scores += [s1, s2]
        c, w, t, b = (statistics.median(x) for x in (cold, warm, train, plain))
        parts = tuple(statistics.median(x[i] for x in split) for i in range(3))
        rows.append((spec.id, spec.category, c, w, t, b, min(scores), parts))
        print(f"{spec.id:22s} cold {c:6.1f}  warm {w:6.1f}  training {t:6.1f}  bare {b:6.1f}  "
              f"warm/cold {w / c:4.2f}  warm/training {w / t:4.2f}  score {min(scores)}  "
              f"warm rest: to training {parts[0]:.2f} s, training to grading {parts[1]:.2f} s, grading {parts[2]:.2f} s",
              file=sys.stderr)
    rss_end, pss_end = pool.rss_mb(), server_pss(pool)
    WarmPool.stop()
    print(f"\ndevice: {device}   runs per drill: {args.runs} (medians)   warm worker: ready in {ready_s:.1f} s, "
          f"RSS {rss:.0f} MB / PSS {pss:.0f} MB waiting, RSS {rss_end:.0f} MB / PSS {pss_end:.0f} MB after the checks\n")
    print("| drill | category | cold check | warm check | training alone | bare `python` | warm/cold | warm/training | cold/bare "
          "| score | warm: start→training / training→grading / grading |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for drill_id, category, c, w, t, b, score, parts in rows:
        print(f"| {drill_id} | {category} | {c:.1f} s | {w:.1f} s | {t:.1f} s | {b:.1f} s | {w / c:.2f} | {w / t:.2f} | {c / b:.2f} "
              f"| {score} | {parts[0]:.2f} / {parts[1]:.2f} / {parts[2]:.2f} s |")
    if rows:
        med = [statistics.median(r[i] for r in rows) for i in range(2, 6)]
        print(f"| median | | {med[0]:.1f} s | {med[1]:.1f} s | {med[2]:.1f} s | {med[3]:.1f} s | "
              f"{statistics.median(r[3] / r[2] for r in rows):.2f} | {statistics.median(r[3] / r[4] for r in rows):.2f} | "
              f"{statistics.median(r[2] / r[5] for r in rows):.2f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
