"""Process plumbing for checks: resident memory of a process group, killing it, no orphans.

Parent side: ``group_rss_mb`` polls /proc (RLIMIT_AS is useless with TensorFlow, which reserves
huge virtual memory), ``kill_group`` ends a whole group, and every group still alive when the
parent exits is killed by an ``atexit`` hook. Child side: ``die_with_parent`` asks the kernel
for a signal when the parent dies (prctl PDEATHSIG) and also watches the parent from a thread,
killing its own group when the parent is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_live: set[int] = set()
_lock = threading.Lock()


def group_rss_mb(pgid: int) -> float:
    """Resident memory (MB) of every process in group ``pgid``, read from /proc."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        # fields[0] is field 3 of proc(5): pgrp is field 5, rss (pages) is field 24
        if len(fields) > 21 and int(fields[2]) == pgid:
            total += int(fields[21])
    return total * PAGE / 2**20


def group_alive(pgid: int) -> bool:
    """Whether any process of group ``pgid`` still exists (zombies count as gone)."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{entry.name}/stat").read_bytes()
            fields = stat[stat.rfind(b")") + 2 :].split()
            if int(fields[2]) == pgid and fields[0] != b"Z":
                return True
    return False


def kill_group(pgid: int) -> None:
    """SIGKILL every process in group ``pgid`` (no error if it is already gone)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def track(pgid: int) -> None:
    with _lock:
        _live.add(pgid)


def untrack(pgid: int) -> None:
    with _lock:
        _live.discard(pgid)


@atexit.register
def _kill_live_groups() -> None:
    with _lock:
        groups = list(_live)
    for pgid in groups:
        kill_group(pgid)


# --- child side -----------------------------------------------------------------------------

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int, poll_s: float = 0.5) -> None:
    """Make this process (and its group) end when ``parent_pid`` goes away.

    PDEATHSIG delivers SIGTERM, whose handler kills our whole group; a daemon thread also
    polls ``getppid`` (the handler cannot run while the main thread sits in native code,
    and PDEATHSIG is Linux-only).
    """

    def end_group(*_: object) -> None:
        os.killpg(os.getpgrp(), signal.SIGKILL)

    signal.signal(signal.SIGTERM, end_group)
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        end_group()

    def watch() -> None:
        while True:
            time.sleep(poll_s)
            if os.getppid() != parent_pid:
                end_group()

    threading.Thread(target=watch, name="drill-parent-watch", daemon=True).start()
