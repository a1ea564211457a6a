"""The warm check worker (issue 15, item 1): same score as a cold check, survives bad children,
leaves nothing behind, ends with the app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from drill.check import events as ev
from drill.check import runner
from drill.check.process import process_table
from drill.check.warm import WarmPool, fork_is_safe
from test_check_hostile import make_spec, pid_alive
from test_check_runner import INFINITE, good

pytestmark = pytest.mark.skipif(not fork_is_safe(setting=False)[0],
                                reason="fork is unsafe here (macOS, Windows or a visible GPU): checks start cold")


@pytest.fixture
def warm_on(monkeypatch):
    monkeypatch.setenv("DRILL_WARM", "1")
    yield
    WarmPool.stop()


def ready_pool(timeout: float = 600) -> WarmPool:
    pool = WarmPool.start()
    deadline = time.monotonic() + timeout
    while WarmPool.current() is None:
        assert time.monotonic() < deadline and not pool.broken, "the warm worker never became ready"
        time.sleep(0.2)
    return pool


def children_of(pid: int) -> list[int]:
    return [p.pid for p in process_table().values() if p.ppid == pid and not p.zombie]


def write(tmp_path: Path, code: str) -> Path:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    (work / "solution.py").write_text(textwrap.dedent(code))
    return work / "solution.py"


@pytest.mark.slow
def test_warm_and_cold_give_the_same_score(tmp_path, warm_on):
    pool = ready_pool()
    solution = write(tmp_path, good(weight=1.9))
    warm = runner.run_check(make_spec(tmp_path), solution, launcher=pool)
    cold = runner.run_check(make_spec(tmp_path), solution, launcher=runner.COLD)
    assert warm.error_kind is None and cold.error_kind is None
    assert warm.value == cold.value and warm.score == cold.score == 2
    assert warm.epochs_seen == cold.epochs_seen == 2
    assert runner.run_check(make_spec(tmp_path), solution).value == warm.value  # the default while warm


HOG = """
import time, tensorflow as tf
def solution_model():
    hog = []
    while True:
        hog.append(b"x" * 50_000_000)
        time.sleep(0.02)

if __name__ == "__main__":
    solution_model()
"""
CRASH = good().replace("    return model\n", "    raise ValueError('boom')\n", 1)
HANG = INFINITE + "if __name__ == '__main__':\n    solution_model()\n"


@pytest.mark.slow
def test_bad_warm_children_leave_the_worker_usable_and_nothing_behind(tmp_path, warm_on):
    pool = ready_pool()
    spec = make_spec(tmp_path)

    def check(code: str, **kwargs):
        events: list = []
        result = runner.run_check(spec, write(tmp_path, code), launcher=pool, on_event=events.append, **kwargs)
        pid = next(e.pid for e in events if isinstance(e, ev.Started))
        time.sleep(0.3)
        assert not pid_alive(pid), "the warm child outlived its check"
        assert children_of(pool.proc.pid) == [], "the warm worker kept a child"
        assert WarmPool.current() is pool, "the warm worker did not survive the check"
        return result

    assert check(CRASH).error_kind == "crashed"
    assert check(HANG, timeout_s=20).error_kind == "timeout"
    assert check(HOG, memory_mb=1200).error_kind == "memory"
    cancel = threading.Event()
    threading.Timer(8.0, cancel.set).start()
    assert check(HANG, cancel=cancel).error_kind == "cancelled"

    def interrupt(event):  # Ctrl+C reaching the learner's child itself
        if isinstance(event, ev.Phase) and event.name == "training":
            threading.Timer(1.0, os.kill, (interrupt.pid, signal.SIGINT)).start()
        if isinstance(event, ev.Started):
            interrupt.pid = event.pid

    result = runner.run_check(spec, write(tmp_path, HANG), launcher=pool, on_event=interrupt, timeout_s=60)
    assert result.error_kind == "crashed" and "KeyboardInterrupt" in result.error_message
    assert check(good()).score == 5


@pytest.mark.slow
def test_ctrl_c_in_the_checking_process_ends_the_warm_children_and_keeps_the_worker(tmp_path, warm_on):
    """Ctrl+C at the terminal of `drill check --stay` reaches only that process (the worker and
    its children have their own sessions): the KeyboardInterrupt it raises mid-check must end
    the check's children and leave the worker ready for the next check."""
    pool = ready_pool()
    spec = make_spec(tmp_path)
    seen: dict[str, int] = {}

    def ctrl_c(event):
        if isinstance(event, ev.Started):
            seen["pid"] = event.pid
        if isinstance(event, ev.Phase) and event.name == "training":
            raise KeyboardInterrupt  # where Ctrl+C lands: the runner's loop, waiting on the learner

    with pytest.raises(KeyboardInterrupt):
        runner.run_check(spec, write(tmp_path, HANG), launcher=pool, on_event=ctrl_c, timeout_s=120)
    deadline = time.monotonic() + 10
    while (pid_alive(seen["pid"]) or children_of(pool.proc.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_alive(seen["pid"]), "the learner's warm child outlived the interrupted check"
    assert children_of(pool.proc.pid) == [], "the warm worker kept a child of the interrupted check"
    assert WarmPool.current() is pool
    assert runner.run_check(spec, write(tmp_path, good()), launcher=pool).score == 5


def test_the_worker_stops_itself_when_idle_and_starts_again_on_demand(monkeypatch, warm_on):
    from drill.check import warm

    monkeypatch.setattr(warm, "IDLE_S", 0.6)
    monkeypatch.setattr(warm, "IDLE_POLL_S", 0.1)
    pool = WarmPool.start()
    server = pool.proc.pid
    pool.live.add(-1)  # a check in progress: never idle, however long it trains
    time.sleep(1.5)
    assert WarmPool._current is pool and pid_alive(server), "the worker stopped during a check"
    pool.live.discard(-1)
    deadline = time.monotonic() + 15
    while (WarmPool._current is not None or pid_alive(server)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert WarmPool._current is None and not pid_alive(server), "the idle worker did not stop"
    again = WarmPool.start()  # the next screen open / save starts a fresh one
    assert again is not pool and again.proc.pid != server and pid_alive(again.proc.pid)


def test_the_worker_ends_with_its_parent(tmp_path):
    code = ("import os, sys, time\nos.environ['DRILL_WARM'] = '1'\nfrom drill.check.warm import WarmPool\n"
            "pool = WarmPool.start()\nprint(pool.proc.pid, flush=True)\ntime.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    server = int(parent.stdout.readline())
    time.sleep(1.0)
    assert pid_alive(server)
    parent.kill()
    parent.wait(timeout=10)
    deadline = time.monotonic() + 15
    while pid_alive(server) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not pid_alive(server), "the warm worker outlived the process that started it"


async def test_the_worker_starts_with_the_drills_screen_and_ends_with_the_app(store, tmp_path, now, warm_on):
    from drill.session import StudySession
    from drill.tui.app import DrillApp
    from helpers import Clock, make_decks

    app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="drills")
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 10
        while WarmPool._current is None and time.monotonic() < deadline:
            await pilot.pause(0.1)
        pool = WarmPool._current
        assert pool is not None, "opening the Drills screen did not start the warm worker"
        server = pool.proc.pid
        assert pid_alive(server)
    deadline = time.monotonic() + 10
    while pid_alive(server) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not pid_alive(server) and WarmPool._current is None


async def test_the_drills_attempt_and_exam_screens_each_start_the_worker(store, tmp_path, now, monkeypatch):
    from drill.session import StudySession
    from drill.tui.app import DrillApp
    from helpers import Clock, make_decks
    from test_tui_drills import open_drill

    calls: list[str] = []
    monkeypatch.setattr(DrillApp, "warm_checks", lambda self: calls.append("start"))
    for start in ("drills", "exam"):
        app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start=start)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert len(calls) == 1, f"opening the {start} screen did not start the warm worker"
            if start == "drills":
                await open_drill(pilot, app, "linear-dense")  # (WarmPool.start is a no-op while one runs)
                assert len(calls) > 1, "opening an attempt did not start the warm worker"
        calls.clear()


class _Output:
    """Everything a child process writes, read in the background (prompts end without a newline)."""

    def __init__(self, stream):
        self.text = ""
        threading.Thread(target=self._read, args=(stream.fileno(),), daemon=True).start()

    def _read(self, fd: int) -> None:
        while chunk := os.read(fd, 4096):
            self.text += chunk.decode(errors="replace")

    def wait_for(self, text: str, count: int = 1, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while self.text.count(text) < count:
            assert time.monotonic() < deadline, f"{text!r} ×{count} never came:\n{self.text[-3000:]}"
            time.sleep(0.2)


@pytest.mark.slow
def test_drill_check_stay_keeps_one_warm_worker_for_every_check_and_stops_it(drill_home):
    from drill.cli import main

    assert main(["new", "linear-dense"]) == 0  # the starter: solution_model() returns None, nothing trains
    env = {**os.environ, "DRILL_HOME": str(drill_home), "DRILL_WARM": "1", "PYTHONUNBUFFERED": "1", "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "drill", "check", "linear-dense", "--stay"], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = _Output(proc.stdout)
    try:
        out.wait_for("check again")
        servers = [p.pid for p in process_table().values()
                   if p.ppid == proc.pid and not p.zombie and "warm_server" in Path(f"/proc/{p.pid}/cmdline").read_text(errors="replace")]
        assert len(servers) == 1, "drill check --stay started no warm worker"
        proc.stdin.write("\n")
        proc.stdin.flush()
        out.wait_for("check again", count=2)
        assert pid_alive(servers[0]), "the second check did not find the same warm worker"
        proc.stdin.write("q\n")
        proc.stdin.flush()
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert out.text.count("drill check") >= 2  # two result panels
    deadline = time.monotonic() + 15
    while pid_alive(servers[0]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not pid_alive(servers[0]), "the warm worker outlived drill check --stay"
