"""What the check sandbox (``drill.check.confine``) costs: one drill's reference checked with and
without it, side by side, cold and warm (on demand, not in the tests).

Each round runs the four checks in turn (sandbox on/off × cold/warm), so machine load hits every
column alike; medians over ``--runs`` rounds. Also times the sandbox's setup alone in a plain
interpreter (no TensorFlow): ``confine.enter`` with the data folder to cover.

    python bench/bench_sandbox.py [--runs 3] [ID]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drill.check import confine, runner  # noqa: E402
from drill.check.warm import WarmPool  # noqa: E402
from drill.content.exercises import find_spec  # noqa: E402

SETUP = """
import json, sys, time
t0 = time.perf_counter()
from drill.check import confine
level = confine.enter(json.loads(sys.argv[1]))
print(level, time.perf_counter() - t0, flush=True)
"""


def one_check(spec, launcher, sandbox: bool) -> tuple[float, int, str, float]:
    os.environ[confine.ENV_SWITCH] = "1" if sandbox else "0"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "solution.py").write_text(spec.solution_text(), encoding="utf-8")
        t0 = time.monotonic()
        result = runner.run_check(spec, Path(tmp) / "solution.py", launcher=launcher)
        return time.monotonic() - t0, result.score, result.protection, result.peak_memory_mb


def setup_only(request: dict | None, runs: int = 5) -> float:
    """Median seconds from the import of confine to the learner's code (PID 1 ready), in ms."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", SETUP, __import__("json").dumps(request)], capture_output=True, text=True).stdout
        times.append(float(out.split()[1]))
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("id", nargs="?", default="linear-dense")
    args = parser.parse_args()
    spec = find_spec(args.id)
    home = Path(tempfile.mkdtemp(prefix="bench-sandbox-home-"))
    (home / "drill.json").write_text("{}")
    os.environ["DRILL_HOME"] = str(home)
    print(f"this machine allows: {confine.probe()}", file=sys.stderr)
    plan = confine.plan(Path(tempfile.gettempdir()) / "drill-check-x")
    print(f"setup alone (plain interpreter, {len((plan or {}).get('hide', []))} folders covered): "
          f"{setup_only(plan):.1f} ms with, {setup_only(None):.1f} ms without", file=sys.stderr)
    pool = WarmPool.start()
    while pool is not None and WarmPool.current() is None:
        if pool.broken:
            pool = None
            break
        time.sleep(0.1)
    columns = {(route, on): [] for route in ("cold", "warm") for on in (True, False)}
    peaks = {(route, on): [] for route in ("cold", "warm") for on in (True, False)}
    levels = {}
    for n in range(args.runs):
        for route, launcher in (("cold", runner.COLD), ("warm", pool)):
            if launcher is None:
                continue
            for on in (True, False) if n % 2 == 0 else (False, True):
                seconds, score, level, peak = one_check(spec, launcher, on)
                columns[route, on].append(seconds)
                peaks[route, on].append(peak)
                levels[on] = level
                print(f"  run {n + 1} {route:4s} sandbox {'on ' if on else 'off'} {seconds:6.1f} s  peak {peak:5.0f} MB  score {score}  {level}", file=sys.stderr)
    WarmPool.stop()
    print(f"\n{spec.id}, {args.runs} runs each, medians (all runs in brackets); protection: on = {levels.get(True)}, off = {levels.get(False)}\n")
    print("| route | sandbox on | sandbox off | on − off | peak memory on / off (PSS, median) |")
    print("|---|---|---|---|---|")
    for route in ("cold", "warm"):
        on, off = columns[route, True], columns[route, False]
        if on and off:
            runs = lambda xs: ", ".join(f"{x:.1f}" for x in xs)  # noqa: E731
            print(f"| {route} | {statistics.median(on):.1f} s ({runs(on)}) | {statistics.median(off):.1f} s ({runs(off)}) | "
                  f"{statistics.median(on) - statistics.median(off):+.1f} s | "
                  f"{statistics.median(peaks[route, True]):.0f} / {statistics.median(peaks[route, False]):.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
