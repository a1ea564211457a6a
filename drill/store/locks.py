"""Cross-process locks on files in the data folder (``fcntl.flock``).

The holder writes its pid into the lock file so a process that cannot get the lock can say who
has it. flock locks belong to the open file, so two opens in one process also exclude each
other, and the kernel drops the lock when the holder dies (even on kill -9).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable
from pathlib import Path

from drill.errors import BusyError


def _holder_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0)
        return int(raw.split()[0]) if raw.strip() else None
    except (OSError, ValueError, IndexError):
        return None


def _write_busy(path: Path, pid: int | None, timeout: float) -> BusyError:
    who = f"another drill process (pid {pid})" if pid else "another drill process"
    return BusyError(
        f"{who} is writing to {path.parent} and did not finish within {timeout:g} s",
        hint="wait for it to finish and try again; if it is stuck, stop that process",
    )


class FileLock:
    """An exclusive flock on ``path``; ``acquire(timeout)`` raises BusyError when it cannot.

    The file stays open between acquisitions (cheaper); :meth:`close` closes it.
    """

    def __init__(self, path: Path, busy: Callable[[Path, int | None, float], BusyError] | None = None) -> None:
        self.path = path
        self._fd: int | None = None
        self.held = False
        self._make_busy = busy or _write_busy

    def acquire(self, timeout: float | None) -> None:
        """Block up to ``timeout`` seconds (0: don't wait; None: forever)."""
        if self.held:
            raise RuntimeError(f"{self.path} is already held by this object")
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fd = self._fd
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    raise self._make_busy(self.path, _holder_pid(fd), timeout or 0.0) from None
                wait = delay if deadline is None else min(delay, max(0.0, deadline - time.monotonic()))
                time.sleep(wait)
                delay = min(delay * 2, 0.01)
        self.held = True
        try:
            # fixed width, no truncate: truncating a file with unwritten data makes ext4 flush it
            os.pwrite(fd, f"{os.getpid():<15}\n".encode(), 0)
        except OSError:
            pass  # the pid is only for messages

    def release(self) -> None:
        if self.held and self._fd is not None:
            self.held = False
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        self.release()
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


class SessionLock:
    """Non-blocking lock that says one interactive drill has the data folder."""

    def __init__(self, path: Path) -> None:
        self._lock = FileLock(path, busy=self._busy)

    @staticmethod
    def _busy(path: Path, pid: int | None, timeout: float) -> BusyError:
        who = f" (pid {pid})" if pid else ""
        return BusyError(
            f"drill is already open in another terminal{who}",
            hint="switch to that terminal, or quit drill there first",
        )

    def __enter__(self) -> SessionLock:
        try:
            self._lock.acquire(0)
        except BaseException:
            self._lock.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.close()
