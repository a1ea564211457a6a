"""Start-up benchmark: `drill` to first frame vs a bare Textual app, side by side in one run.

Each sample is a fresh interpreter that imports, opens the store, loads every deck, builds the
Today screen, renders one frame (headless) and exits; the bare app does the same with a Label.
Also reports the app process's peak RSS and whether TensorFlow got imported.

    python bench/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

DRILL = r"""
import resource, sys, time
t0 = float(sys.argv[1])
from drill.paths import data_home
from drill.session import StudySession
from drill.store import Store
from drill.tui.app import DrillApp
store = Store.open(data_home())
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
app = DrillApp(StudySession(store))
app.run(headless=True, size=(80, 24), auto_pilot=first_frame)
elapsed = time.time() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(elapsed, rss, int(any(m.startswith("tensorflow") for m in sys.modules)), len(app.session.cards))
"""

BARE = r"""
import resource, sys, time
t0 = float(sys.argv[1])
from textual.app import App
from textual.widgets import Footer, Header, Label
class Bare(App):
    def compose(self):
        yield Header(); yield Label("hello"); yield Footer()
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
Bare().run(headless=True, size=(80, 24), auto_pilot=first_frame)
print(time.time() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0, 0)
"""


def sample(code: str, env: dict[str, str]) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, repr(time.time())], env=env, capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DRILL_HOME": home}
        sample(DRILL, env)  # first run creates the data folder; not counted
        drill, bare = [], []
        for _ in range(args.runs):  # interleaved so machine noise hits both alike
            drill.append(sample(DRILL, env))
            bare.append(sample(BARE, env))
    d = statistics.median(s[0] for s in drill)
    b = statistics.median(s[0] for s in bare)
    print(f"runs: {args.runs}, cards loaded: {int(drill[0][3])}")
    print(f"drill to first frame   median {d * 1000:7.1f} ms   (target <= 500 ms)")
    print(f"bare Textual app       median {b * 1000:7.1f} ms")
    print(f"ratio drill / bare     {d / b:7.2f}       (target <= 1.5)")
    print(f"drill peak RSS         {max(s[1] for s in drill):7.1f} MB   (target <= 150 MB); bare {max(s[1] for s in bare):.1f} MB")
    print(f"TensorFlow imported    {'YES' if any(s[2] for s in drill) else 'no'}")


if __name__ == "__main__":
    main()
