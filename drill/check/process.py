"""Process plumbing for checks: the whole process tree of a check, its real memory, ending it.

Parent side: ``CheckTree`` follows every process a check starts — its process group and
session, every descendant by parent links (the learner's process is a child subreaper, so a
double-forked daemon stays its descendant), and every process that carries the run's marker
in its environment (so one that called ``setsid`` and was orphaned is still found). Memory is
the proportional set size (PSS, /proc/PID/smaps_rollup) summed over the tree: pages a Pool's
workers share with their parent count once, not once per worker. ``kill`` ends all of it.
Trees still alive when the parent exits are killed by an ``atexit`` hook.

Child side: ``die_with_parent`` asks the kernel for a signal when the parent dies (prctl
PDEATHSIG) and also watches the parent from a thread, killing its own group when it is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import threading
import time
from dataclasses import dataclass, field

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MARKER_ENV = "CHECK_RUN_MARKER"  # set in the learner's environment; not a DRILL_* setting
_trees: dict[int, CheckTree] = {}  # every tree not yet ended, for the atexit hook
_lock = threading.Lock()


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    pgid: int
    sid: int
    start: int  # clock ticks after boot: (pid, start) names one process even after pid reuse
    zombie: bool
    rss_pages: int


def read_proc(pid: int) -> Proc | None:
    """One process's /proc/PID/stat, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return None
    fields = stat[stat.rfind(b")") + 2 :].split()
    # fields[0] is field 3 of proc(5): ppid 4, pgrp 5, session 6, starttime 22, rss 24
    try:
        return Proc(pid, int(fields[1]), int(fields[2]), int(fields[3]), int(fields[19]), fields[0] in (b"Z", b"X"),
                    int(fields[21]))
    except (IndexError, ValueError):
        return None


def process_table() -> dict[int, Proc]:
    table: dict[int, Proc] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            proc = read_proc(int(entry.name))
            if proc is not None:
                table[proc.pid] = proc
    return table


def _has_marker(pid: int, marker: bytes) -> bool:
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            return marker in f.read().split(b"\0")
    except OSError:
        return False


def pss_mb(pid: int, fallback_pages: int = 0) -> float:
    """Proportional set size of one process in MB (its resident size where smaps is unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return fallback_pages * PAGE / 2**20


@dataclass
class CheckTree:
    """Every process one check started, found again on each ``scan``."""

    root: int
    marker: str | None = None
    known: dict[int, int] = field(default_factory=dict)  # pid -> start ticks

    def __post_init__(self) -> None:
        proc = read_proc(self.root)
        self.root_start = proc.start if proc else 0
        if proc:
            self.known[self.root] = proc.start

    def scan(self) -> dict[int, Proc]:
        """The live (non-zombie) processes of the check now; remembers every one it saw."""
        table = process_table()
        members: dict[int, Proc] = {}
        children: dict[int, list[int]] = {}
        for proc in table.values():
            children.setdefault(proc.ppid, []).append(proc.pid)
        marker = f"{MARKER_ENV}={self.marker}".encode() if self.marker else None
        for proc in table.values():
            if proc.start < self.root_start:
                continue  # older than the check: never one of its processes
            if (self.known.get(proc.pid) == proc.start or proc.pgid == self.root or proc.sid == self.root
                    or (marker is not None and _has_marker(proc.pid, marker))):
                members[proc.pid] = proc
        todo = list(members)
        while todo:  # every descendant of a member is a member
            for child in children.get(todo.pop(), ()):
                if child not in members and table[child].start >= self.root_start:
                    members[child] = table[child]
                    todo.append(child)
        for proc in members.values():
            self.known[proc.pid] = proc.start
        return {pid: p for pid, p in members.items() if not p.zombie}

    def memory_mb(self, members: dict[int, Proc] | None = None) -> float:
        """Real footprint of the tree: PSS summed over its processes."""
        members = self.scan() if members is None else members
        return sum(pss_mb(pid, p.rss_pages) for pid, p in members.items())

    def alive(self) -> bool:
        return bool(self.scan())

    def kill(self, rounds: int = 20) -> None:
        """SIGKILL the whole tree; sweeps again until nothing of it is left (or ``rounds`` runs out)."""
        for _ in range(rounds):
            kill_group(self.root)
            members = self.scan()
            for pid, proc in members.items():
                again = read_proc(pid)
                if again is not None and again.start == proc.start:  # not a reused pid
                    with contextlib.suppress(ProcessLookupError, PermissionError):
                        os.kill(pid, signal.SIGKILL)
            if not members:
                return
            time.sleep(0.02)


def group_rss_mb(pgid: int) -> float:
    """Resident memory (MB) of every process in group ``pgid``, read from /proc."""
    return sum(p.rss_pages for p in process_table().values() if p.pgid == pgid) * PAGE / 2**20


def group_alive(pgid: int) -> bool:
    """Whether any process of group ``pgid`` still exists (zombies count as gone)."""
    return any(p.pgid == pgid and not p.zombie for p in process_table().values())


def kill_group(pgid: int) -> None:
    """SIGKILL every process in group ``pgid`` (no error if it is already gone)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def track(tree: CheckTree) -> None:
    with _lock:
        _trees[id(tree)] = tree


def untrack(tree: CheckTree) -> None:
    with _lock:
        _trees.pop(id(tree), None)


@atexit.register
def _kill_live_trees() -> None:
    with _lock:
        trees = list(_trees.values())
    for tree in trees:
        tree.kill(rounds=3)


# --- child side -----------------------------------------------------------------------------

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> bool:
    with contextlib.suppress(Exception):
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0) == 0
    return False


def become_subreaper() -> bool:
    """Orphaned descendants reparent to this process instead of init (Linux ≥ 3.4)."""
    return _prctl(PR_SET_CHILD_SUBREAPER, 1)


def forbid_inspection() -> bool:
    """Make this process non-dumpable: another process of the same user can no longer attach a
    debugger to it or open its /proc files (memory, fds). The grader does this first."""
    return _prctl(PR_SET_DUMPABLE, 0)


def die_with_parent(parent_pid: int, poll_s: float = 0.5) -> None:
    """Make this process (and its group) end when ``parent_pid`` goes away.

    PDEATHSIG delivers SIGTERM, whose handler kills our whole group; a daemon thread also
    polls ``getppid`` (the handler cannot run while the main thread sits in native code,
    and PDEATHSIG is Linux-only).
    """

    def end_group(*_: object) -> None:
        os.killpg(os.getpgrp(), signal.SIGKILL)

    signal.signal(signal.SIGTERM, end_group)
    _prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        end_group()

    def watch() -> None:
        while True:
            time.sleep(poll_s)
            if os.getppid() != parent_pid:
                end_group()

    threading.Thread(target=watch, name="drill-parent-watch", daemon=True).start()
