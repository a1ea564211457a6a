"""Fairness of a drill's data instances: reference on 3 seeds, a weak model, the starter, check time.

    python bench/bench_instances.py DRILL [--instance ID] [--seeds 0 1 2] [--times 3]

For each instance: the metric and score of the reference solution on each seed (its check time
is the median of ``--times`` runs of the first seed's check … plus the other seeds' runs), of
the reference trained one epoch (weak) and of the untouched starter. Prints one line per run
and a summary per instance with the reference spread and the margin to the 5/5 bar. Run one
drill at a time: the machine is shared and the times are what the bars' budget is about.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drill.check.runner import run_check  # noqa: E402
from drill.content.exercises import exercises_root, load_exercises  # noqa: E402
from drill.content.fairness import reseeded, weakened  # noqa: E402


def check(spec, code: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "solution.py"
        path.write_text(code, encoding="utf-8")
        t0 = time.monotonic()
        result = run_check(spec, path)
        return result, time.monotonic() - t0


def in_process(spec, seeds: list[int], weak: bool) -> None:
    """Quick calibration: train the reference in this process (TensorFlow imported once) on each
    seed, and the one-epoch model, and print the held-out metric. No check harness, no times."""
    import importlib.util
    import os

    from drill.check.grader import heldout_split
    from drill.check.metrics import compute

    runs = [(f"seed {s}", reseeded(spec, s)) for s in seeds] + ([("weak", weakened(spec))] if weak else [])
    for label, code in runs:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "solution.py"
            path.write_text(code, encoding="utf-8")
            module_spec = importlib.util.spec_from_file_location("calibrated", path)
            module = importlib.util.module_from_spec(module_spec)
            cwd = os.getcwd()
            os.chdir(tmp)
            t0 = time.monotonic()
            try:
                module_spec.loader.exec_module(module)
                model = module.solution_model()
            finally:
                os.chdir(cwd)
            x, y = heldout_split(spec.heldout, model, spec.instance_id)
            value = compute(spec.metric.name, model.predict(x, verbose=0, batch_size=256), y)
            bars = spec.metric.bars
            from drill.check.metrics import score

            print(f"INPROC {spec.drill_id}:{spec.instance_id} {label}: {spec.metric.name}={value:.5g} "
                  f"score {score(value, bars, spec.metric.lower_is_better)}/5 bars {bars} {time.monotonic() - t0:.1f} s", flush=True)


def fmt(result) -> str:
    value = "—" if result.value is None else f"{result.value:.5g}"
    return f"{result.score}/5 {result.metric}={value}" + (f" ({result.error_kind})" if result.error_kind else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drill")
    parser.add_argument("--instance", action="append", help="only these instances (repeatable)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--times", type=int, default=3, help="check-time runs of the first seed (median)")
    parser.add_argument("--skip-weak", action="store_true")
    parser.add_argument("--skip-starter", action="store_true")
    parser.add_argument("--in-process", action="store_true", help="quick calibration in this process (metrics only)")
    args = parser.parse_args()
    exercise = load_exercises(exercises_root()).exercises[args.drill]
    for inst in args.instance or exercise.instance_ids:
        spec = exercise.spec(inst)
        if args.in_process:
            in_process(spec, args.seeds, not args.skip_weak)
            continue
        values, times = [], []
        for n, seed in enumerate(args.seeds):
            for _ in range(args.times if n == 0 else 1):
                result, took = check(spec, reseeded(spec, seed))
                times.append(took)
                print(f"{args.drill}:{inst} reference seed {seed}: {fmt(result)} {took:.1f} s", flush=True)
            values.append(result.value)
        if not args.skip_weak:
            result, took = check(spec, weakened(spec))
            print(f"{args.drill}:{inst} weak (1 epoch): {fmt(result)} {took:.1f} s", flush=True)
        if not args.skip_starter:
            result, took = check(spec, spec.starter_text())
            print(f"{args.drill}:{inst} starter: {fmt(result)} {took:.1f} s", flush=True)
        good = [v for v in values if v is not None]
        if good:
            bar = spec.metric.bars[-1]
            worst = max(good) if spec.metric.lower_is_better else min(good)
            print(f"SUMMARY {args.drill}:{inst} reference {min(good):.5g}–{max(good):.5g} (spread {max(good) - min(good):.3g}), "
                  f"5/5 bar {bar:g}, margin {abs(bar - worst):.3g}; check time median {statistics.median(times[:args.times]):.1f} s",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
