"""A warm worker for checks: a parent that has imported TensorFlow once and forks per check.

``WarmPool.start()`` (the app, when the Drills, Attempt or Exam screen opens; ``drill check
--stay``) starts ``python -P -m drill.check.warm_server`` and returns at once; the server
imports TensorFlow, Keras and the data helpers and then waits. It never runs a TensorFlow
operation: after even one, a forked child hangs inside compile/fit. For every check it forks
a fresh learner child and a separate fresh grading child (``drill.check.warm_server``); they
get their own pipes (passed over the control socket), sessions, scratch folder and scrubbed
environment, exactly as a cold start does, and the runner watches and ends them the same way.

While the pool is up, ``drill.check.runner.run_check`` uses it; when it is not ready yet, is
broken, or a file imports scikit-learn, pandas or matplotlib (the server keeps Keras from
importing those, see ``light_import``), a check starts cold as before. Fork is unsafe, so the
pool is never started, where a GPU may be visible to TensorFlow (CUDA state does not survive
fork), on macOS (fork without exec is unsafe there) and on Windows (no fork). It stops when
the app quits (``WarmPool.stop()``, an ``atexit`` hook, and the server's own parent watch) or
after ``IDLE_S`` without a check.
"""

from __future__ import annotations

import atexit
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from drill.check import fastlane, runner
from drill.check.launch import Launched, Scratch, cold_grader, cold_learner, grader_env, learner_env
from drill.check.harness import imports_heavy
from drill.check.process import CheckTree

IDLE_S = 300.0  # stop the worker after this long without a check
IDLE_POLL_S = 5.0  # how often the idle watch looks


def fork_is_safe(setting: bool = True, dev: Path = Path("/dev")) -> tuple[bool, str]:
    """Whether forking a TensorFlow parent is safe here (and, with ``setting``, wanted), and why not
    (``dev``: where GPU device nodes appear)."""
    if setting and os.environ.get("DRILL_WARM", "1").strip() == "0":
        return False, "DRILL_WARM=0: warm worker turned off"
    if sys.platform == "darwin":
        return False, "macOS: fork without exec is unsafe with the system frameworks TensorFlow loads"
    if not hasattr(os, "fork") or sys.platform.startswith("win"):
        return False, "no fork on this platform"
    if os.environ.get("CUDA_VISIBLE_DEVICES", "x").strip() not in ("", "-1"):
        if any(dev.glob("nvidia[0-9]*")) or (dev / "dxg").exists():
            return False, "a GPU is visible: CUDA state does not survive fork"
    return True, ""


class WarmPool(runner.Launcher):
    """The client side of the warm worker (lives in the app's process; imports no TensorFlow)."""

    _current: WarmPool | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.scratch = Scratch.create()  # the server's own HOME and TMPDIR; each check gets another
        env = grader_env(self.scratch)
        self.proc = subprocess.Popen(
            [sys.executable, "-P", "-m", "drill.check.warm_server", str(os.getpid()), str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True, env=env, cwd=env["HOME"],
        )
        theirs.close()
        self.tree = CheckTree(self.proc.pid)
        self.ready = threading.Event()
        self.broken = False
        self.exits: dict[int, int] = {}
        self.replies: dict[int, dict] = {}
        self.cond = threading.Condition()
        self.next_id = 0
        self.live: set[int] = set()  # children launched and not yet reported ended
        self.last_used = time.monotonic()
        threading.Thread(target=self._read, name="drill-warm-reader", daemon=True).start()
        threading.Thread(target=self._idle_watch, name="drill-warm-idle", daemon=True).start()

    # --- lifecycle -----------------------------------------------------------------------
    @classmethod
    def start(cls) -> WarmPool | None:
        """Start the worker if it is not running (returns at once); None where fork is unsafe."""
        if not fork_is_safe()[0]:
            return None
        with cls._lock:
            if cls._current is None or cls._current.broken:
                if cls._current is not None:
                    cls._current.close()
                cls._current = cls()
            return cls._current

    @classmethod
    def stop(cls) -> None:
        """Stop the worker and every child it still has."""
        with cls._lock:
            pool, cls._current = cls._current, None
        if pool is not None:
            pool.close()

    @classmethod
    def when_ready(cls, cancel: threading.Event | None = None, timeout_s: float = 120.0) -> WarmPool | None:
        """The worker once it is ready, waiting while it starts (a cold TensorFlow import beside
        the worker's own would only slow both down on a small machine); None when none runs."""
        pool = cls._current
        deadline = time.monotonic() + timeout_s
        while pool is not None and not pool.broken and not pool.ready.wait(0.1):
            if (cancel is not None and cancel.is_set()) or time.monotonic() > deadline:
                return None
        return cls.current()

    @classmethod
    def current(cls) -> WarmPool | None:
        pool = cls._current
        return pool if pool is not None and pool.ready.is_set() and not pool.broken else None

    def close(self) -> None:
        self.broken = True
        try:
            self.sock.close()
        except OSError:
            pass
        self.tree.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.scratch.remove()

    def rss_mb(self) -> float:
        """Resident memory of the waiting server (for the benchmark)."""
        from drill.check.process import PAGE, read_proc

        proc = read_proc(self.proc.pid)
        return proc.rss_pages * PAGE / 2**20 if proc else 0.0

    def _idle_watch(self) -> None:
        while not self.broken:
            time.sleep(IDLE_POLL_S)
            if not self.live and time.monotonic() - self.last_used > IDLE_S:
                with WarmPool._lock:
                    if WarmPool._current is self:
                        WarmPool._current = None
                self.close()

    # --- the control socket --------------------------------------------------------------
    def _read(self) -> None:
        while True:
            try:
                data, fds, _, _ = socket.recv_fds(self.sock, 65536, 4)
            except OSError:
                data = b""
            if not data:
                break
            for fd in fds:
                os.close(fd)
            message = json.loads(data)
            with self.cond:
                if message.get("op") == "ready":
                    self.ready.set()
                elif message.get("op") == "exit":
                    self.exits[message["pid"]] = message["code"]
                    self.live.discard(message["pid"])
                    self.last_used = time.monotonic()
                else:
                    self.replies[message["id"]] = message
                self.cond.notify_all()
        self.broken = True
        with self.cond:
            self.cond.notify_all()

    def _request(self, message: dict, fds: list[int]) -> int:
        with self.cond:
            self.next_id += 1
            message["id"] = request = self.next_id
        socket.send_fds(self.sock, [json.dumps(message).encode()], fds)
        deadline = time.monotonic() + 10
        with self.cond:
            while request not in self.replies:
                if self.broken or time.monotonic() > deadline:
                    raise OSError("the warm worker did not answer")
                self.cond.wait(0.5)
            reply = self.replies.pop(request)
        if "pid" not in reply:
            raise OSError(reply.get("error", "the warm worker refused"))
        return reply["pid"]

    def _launched(self, pid: int, **fds) -> Launched:
        with self.cond:
            if pid not in self.exits:
                self.live.add(pid)
        return Launched(pid=pid, exit_status=lambda: self.exits.get(pid), **fds)

    # --- runner.Launcher -------------------------------------------------------------------
    def grader(self, scratch: Scratch) -> Launched:
        self.last_used = time.monotonic()
        job_r, job_w = os.pipe()
        ans_r, ans_w = os.pipe()
        try:
            pid = self._request({"op": "grader", "cwd": str(scratch.grade), "env": grader_env(scratch)}, [job_r, ans_w])
        except OSError:
            for fd in (job_w, ans_r):
                os.close(fd)
            self.broken = True
            return cold_grader(scratch)
        finally:
            os.close(job_r)
            os.close(ans_w)
        return self._launched(pid, out_fd=ans_r, job_fd=job_w)

    def learner(self, scratch: Scratch, solution: Path) -> Launched:
        self.last_used = time.monotonic()
        if imports_heavy(solution.parent):
            return cold_learner(scratch, solution)
        out_r, out_w = os.pipe()
        ev_r, ev_w = os.pipe()
        try:
            pid = self._request({"op": "learner", "cwd": str(scratch.work), "env": learner_env(scratch),
                                 "solution": str(solution), "confine": scratch.confine}, [out_w, ev_w])
        except OSError:
            for fd in (out_r, ev_r):
                os.close(fd)
            self.broken = True
            return cold_learner(scratch, solution)
        finally:
            os.close(out_w)
            os.close(ev_w)
        return self._launched(pid, out_fd=out_r, events_fd=ev_r)


    # --- fastlane.Builder ------------------------------------------------------------------
    def fastlane(self, scratch: Scratch, solution: Path, contract: dict) -> Launched:
        """The fast lane's build stage, forked with TensorFlow loaded (cold for heavy imports)."""
        self.last_used = time.monotonic()
        if imports_heavy(solution.parent):
            return fastlane.cold_build(scratch, solution, contract)
        out_r, out_w = os.pipe()
        rep_r, rep_w = os.pipe()
        try:
            pid = self._request({"op": "fastlane", "cwd": str(scratch.work), "env": learner_env(scratch),
                                 "solution": str(solution), "contract": contract, "confine": scratch.confine}, [out_w, rep_w])
        except OSError:
            for fd in (out_r, rep_r):
                os.close(fd)
            self.broken = True
            return fastlane.cold_build(scratch, solution, contract)
        finally:
            os.close(out_w)
            os.close(rep_w)
        return self._launched(pid, out_fd=out_r, events_fd=rep_r)


runner._default_launcher = lambda: WarmPool.current() or runner.COLD
fastlane._default_builder = WarmPool.when_ready
atexit.register(WarmPool.stop)
