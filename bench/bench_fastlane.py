"""Watch mode's fast lane: how long from a file save to its verdict, without training.

Runs the real ``drill watch linear-dense --fast-only`` (the code path a learner uses: the
watchfiles watcher with its 200 ms debounce, the static stage, the build stage forked from the
warm worker) in a temp DRILL_HOME, saves solution.py with a mistake, and times each save to
the line that reports it:

- ``syntax``: a syntax error (static stage: nothing of the file runs);
- ``shape-literal``: ``Input(shape=(2,))`` where the task feeds (1,) (static stage);
- ``shape-built``: ``Input(shape=(xs.shape[1] + 1,))``: only building the model shows it
  (build stage: ``solution_model()`` runs with ``fit()`` a no-op);
- ``correct``: the reference, up to "fast lane passed" (the point where, without
  ``--fast-only``, "full check…" starts).

The clock starts right after the write returns and stops when the verdict line arrives on the
pipe. The first save (the starter, at start-up) waits for the warm worker's TensorFlow import
and is not counted. ``--cold N`` repeats ``shape-built`` N times with the warm worker off
(DRILL_WARM=0: TensorFlow imported per save, as before); ``--full`` times one full check after
"full check…" with the warm worker and one cold (one short training each).

    python bench/bench_fastlane.py [--repeats 5] [--cold 2] [--full]
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DRILL = "linear-dense"
END = r"no training started|fast lane passed"  # the last line of one save's fast lane


def cases(reference: str) -> dict[str, tuple[str, str]]:
    """name -> (file text, the text of the verdict line)."""
    return {
        "syntax": (reference.replace("def solution_model():", "def solution_model(:"), "syntax error"),
        "shape-literal": (reference.replace("shape=(1,)", "shape=(2,)"), "input shape is (2,)"),
        "shape-built": (reference.replace("shape=(1,)", "shape=(xs.shape[1] + 1,)"), "input shape is (2,)"),
        "correct": (reference, "fast lane passed"),
    }


class Watch:
    """One ``drill watch`` process; every output line is stamped with its arrival time."""

    def __init__(self, home: Path, warm: bool, fast_only: bool = True) -> None:
        env = {**os.environ, "DRILL_HOME": str(home), "PYTHONUNBUFFERED": "1", "DRILL_WARM": "1" if warm else "0"}
        command = [sys.executable, "-m", "drill", "watch", DRILL] + (["--fast-only"] if fast_only else [])
        self.proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in iter(self.proc.stdout.readline, ""):
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, pattern: str, timeout: float = 300.0) -> tuple[float, str]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                stamp, line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            self.seen.append(line)
            if re.search(pattern, line):
                return stamp, line
        raise SystemExit(f"no line matching {pattern!r} within {timeout:g} s; the last lines:\n" + "\n".join(self.seen[-15:]))

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def new_attempt(home: Path) -> Path:
    env = {**os.environ, "DRILL_HOME": str(home)}
    made = subprocess.run([sys.executable, "-m", "drill", "new", DRILL], env=env, capture_output=True, text=True, check=True)
    return Path(made.stdout.strip().splitlines()[0]) / "solution.py"  # `drill new` prints the folder first


def save_and_time(watch: Watch, solution: Path, text: str, verdict: str) -> tuple[float, str]:
    solution.write_text(text, encoding="utf-8")
    saved = time.monotonic()
    stamp, line = watch.wait_for(re.escape(verdict))
    if not re.search(END, line):
        watch.wait_for(END)  # the cycle's last line
    time.sleep(0.4)  # past the watcher's debounce, so the next save is its own event
    return stamp - saved, line


def show(name: str, seconds: list[float]) -> None:
    print(f"{name:<14} n={len(seconds)}  median {statistics.median(seconds):.2f} s  max {max(seconds):.2f} s  "
          f"({', '.join(f'{s:.2f}' for s in seconds)})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--cold", type=int, default=0, help="also time shape-built N times without the warm worker")
    parser.add_argument("--full", action="store_true", help="also time one full check after the fast lane, warm and cold")
    args = parser.parse_args()
    from drill.content.exercises import find_spec

    reference = find_spec(DRILL).solution.read_text()
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"{os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory(prefix="drill-bench-fastlane-") as tmp:
        home = Path(tmp)
        solution = new_attempt(home)
        watch = Watch(home, warm=True)
        try:
            started = time.monotonic()
            stamp, _ = watch.wait_for(END)
            print(f"start-up: first verdict (starter; waits for the warm worker's TensorFlow import) after {stamp - started:.1f} s",
                  flush=True)
            timings: dict[str, list[float]] = {name: [] for name in cases(reference)}
            for _ in range(args.repeats):
                for name, (text, verdict) in cases(reference).items():
                    seconds, line = save_and_time(watch, solution, text, verdict)
                    timings[name].append(seconds)
            print(f"save -> fast-lane verdict, warm worker ({args.repeats} saves each):")
            for name, seconds in timings.items():
                show(name, seconds)
        finally:
            watch.stop()
        if args.cold:
            watch = Watch(home, warm=False)
            try:
                watch.wait_for(END)
                text, verdict = cases(reference)["shape-built"]
                cold = [save_and_time(watch, solution, text + f"\n# save {i}\n", verdict)[0] for i in range(args.cold)]
                print("save -> fast-lane verdict, no warm worker (DRILL_WARM=0):")
                show("shape-built", cold)
            finally:
                watch.stop()
        if args.full:
            for warm in (True, False):
                solution.write_text(cases(reference)["shape-built"][0], encoding="utf-8")
                watch = Watch(home, warm=warm, fast_only=False)
                try:
                    watch.wait_for(r"no training started")  # start-up: built (after the worker is ready), not trained
                    solution.write_text(reference, encoding="utf-8")
                    saved = time.monotonic()
                    passed, _ = watch.wait_for(r"full check")
                    done, line = watch.wait_for(r"\b[0-5]/5\b")
                    print(f"full check ({'warm worker' if warm else 'cold'}): save -> 'fast lane passed; full check' "
                          f"{passed - saved:.2f} s, -> score line {done - saved:.1f} s: {line.strip()[:60]}", flush=True)
                finally:
                    watch.stop()
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
