"""Start-up benchmark: `drill` to first frame vs a bare Textual app, side by side in one run.

Each sample starts the real program in a pseudo-terminal (80×24) and times from process start
to the moment the first frame's text ("done today" for drill, "hello" for the bare app) has been
written to the terminal; then it sends Ctrl+C. Runs are interleaved so machine noise hits both
alike. It also reports drill's peak RSS (from a separate headless run) and whether TensorFlow
got imported.

    python bench/bench_startup.py [--runs 15] [--home DIR]
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import fcntl

BARE = r"""
from textual.app import App
from textual.widgets import Footer, Header, Label
class Bare(App):
    def compose(self):
        yield Header(); yield Label("hello"); yield Footer()
Bare().run()
"""

PROBE = r"""
import resource, sys
from drill.paths import data_home
from drill.session import StudySession
from drill.store import Store
from drill.tui.app import DrillApp
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
app = DrillApp(StudySession(Store.open(data_home())))
app.run(headless=True, size=(80, 24), auto_pilot=first_frame)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, int(any(m.startswith(("tensorflow", "keras")) for m in sys.modules)))
"""


PROBE_ALL = r"""
import resource, sys
from drill.paths import data_home
from drill.session import StudySession
from drill.store import Store
from drill.tui.app import DrillApp
from drill.tui.routes import ROUTES
async def every_screen(pilot):
    await pilot.app.workers.wait_for_complete()
    for name in ROUTES:
        if name == "today":
            continue
        pilot.app.open_screen(name)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.pop_screen()
        await pilot.pause()
    pilot.app.exit()
app = DrillApp(StudySession(Store.open(data_home())))
app.run(headless=True, size=(120, 40), auto_pilot=every_screen)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(ROUTES))
"""


def time_to_text(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawn until ``marker`` appears in what the program writes to its terminal."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{argv} never showed {marker!r}; last output: {seen[-300:]!r}")
    finally:
        os.kill(pid, signal.SIGINT)
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                os.read(fd, 65536)
            except OSError:
                break
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--home", help="data folder to start drill on (default: a fresh one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DRILL_HOME": args.home or tmp, "TERM": "xterm-256color"}
        drill_cmd = [sys.executable, "-m", "drill"]
        bare_cmd = [sys.executable, "-c", BARE]
        time_to_text(drill_cmd, b"done today", env)  # first run creates the data folder; not counted
        drill, bare = [], []
        for _ in range(args.runs):
            drill.append(time_to_text(drill_cmd, b"done today", env))
            bare.append(time_to_text(bare_cmd, b"hello", env))
        probe = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
        rss, leaked = probe.stdout.split()
        every = subprocess.run([sys.executable, "-c", PROBE_ALL], env=env, capture_output=True, text=True, check=True)
        rss_all, screens = every.stdout.split()
    d, b = statistics.median(drill), statistics.median(bare)
    print(f"runs: {args.runs} (interleaved), terminal 80x24")
    print(f"drill to first frame   median {d * 1000:7.1f} ms  (min {min(drill) * 1000:.0f})  target <= 500 ms")
    print(f"bare Textual app       median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.0f})")
    print(f"ratio drill / bare     {d / b:7.2f}          target <= 1.5")
    print(f"drill peak RSS         {float(rss):7.1f} MB       (first frame)")
    print(f"drill peak RSS         {float(rss_all):7.1f} MB       every screen opened ({screens} routes), target <= 150 MB")
    print(f"TensorFlow imported    {'YES' if int(leaked) else 'no'}")


if __name__ == "__main__":
    main()
