"""Idle CPU of the app after a check: the workbench must not animate when nothing runs.

Runs the real ``drill`` in a pseudo-terminal (80×24, like a learner's terminal), opens an
attempt at linear-dense whose file is the reference solution, runs a check (Ctrl+R) and waits
for it to finish, then measures the app process's CPU time (user + system, from /proc) over
``--seconds`` of idling on the Check tab. Target: under 1 % of one core.

    python bench/bench_idle_cpu.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path
from fcntl import ioctl


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--check-timeout", type=float, default=600.0)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="drill-idle-"))
    env = {**os.environ, "DRILL_HOME": str(home), "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    made = subprocess.run([sys.executable, "-m", "drill", "new", "linear-dense"], env=env, capture_output=True, text=True, check=True)
    workspace = Path(made.stdout.strip().splitlines()[0])  # `drill new` prints the folder first
    from drill.content.exercises import find_spec

    shutil.copyfile(find_spec("linear-dense").solution, workspace / "solution.py")

    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, "-m", "drill", "drills"], env)
    ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = bytearray()
    lock = threading.Lock()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            with lock:
                seen.extend(chunk)
                del seen[:-200_000]

    threading.Thread(target=drain, daemon=True).start()

    def wait_for(text: bytes, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with lock:
                if text in seen:
                    seen.clear()
                    return True
            time.sleep(0.2)
        return False

    try:
        if not wait_for(b"Fresh attempt", 60):
            print("the Drills screen did not open", file=sys.stderr)
            return 1
        os.write(fd, b"\r")  # resume the open attempt
        if not wait_for(b"Check", 30):
            print("the attempt did not open", file=sys.stderr)
            return 1
        time.sleep(1)
        os.write(fd, b"\x12")  # ctrl+r: save and check
        if not wait_for(b"finished in", args.check_timeout):
            print("the check did not finish", file=sys.stderr)
            return 1
        time.sleep(2)  # let the last redraws settle
        before, t0 = cpu_seconds(pid), time.monotonic()
        time.sleep(args.seconds)
        used, wall = cpu_seconds(pid) - before, time.monotonic() - t0
        print(f"idle after a check: {used:.3f} s CPU in {wall:.1f} s = {100 * used / wall:.2f} % of one core")
        return 0
    finally:
        os.write(fd, b"\x11")  # ctrl+q
        time.sleep(1)
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
