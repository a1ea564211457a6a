"""Hide the learner's data from the learner's own process (Linux user, mount and PID namespaces).

The learner's code runs as the learner's own user, so a scratch folder and a clean environment
stop accidents but not an absolute path (``shutil.rmtree(os.path.expanduser(
"~/.local/share/drill"))``). Where unprivileged user namespaces work, the learner's process,
before any of the learner's code runs and while it still has one thread:

1. enters a new user + mount namespace whose only uid/gid are the real ones (mapped to
   themselves — the learner's code never runs as root there unless the user is root outside),
2. makes every mount private and mounts an empty, read-only tmpfs over each folder to hide
   (the data folder: drill.json, log/, backups/, workspaces/),
3. enters a new PID namespace and forks: the child is PID 1 there and mounts a fresh /proc,
   so no other process's ``/proc/PID/root`` leads back to the real filesystem,
4. drops every capability (bounding set included), so the code cannot unmount the covers
   (in a nested namespace of its own they are locked by the kernel).

The rest of the filesystem stays as it was (site-packages, /tmp, the scratch folder). The
parent side (``plan``) chooses the folders and ``probe`` learns once per process which level
this machine allows; ``observed`` reads the level back from /proc, where the learner's code
cannot forge it. Where any step is refused (not Linux, user namespaces off, seccomp, an
AppArmor rule), checks keep today's protection and say so.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno as errno_mod
import functools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID = 0x00020000, 0x10000000, 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 1, 2, 4, 8, 0x4000, 1 << 18
PR_SET_PDEATHSIG, PR_CAPBSET_DROP = 1, 24
SETUP_FAILED = 75  # the PID-1 child's exit code when it could not finish the setup

NAMESPACE, MOUNTS, SCRATCH = "namespace", "mounts", "scratch"
WORDS = {
    NAMESPACE: "data folder hidden from your code",
    MOUNTS: "data folder hidden from your code's paths (another process's /proc entry still leads to it)",
    SCRATCH: "protected by a scratch folder and a clean environment only",
}
ENV_SWITCH = "DRILL_CHECK_SANDBOX"  # read by the app only (the learner's process has no DRILL_*)


class SetupError(Exception):
    """The learner's process entered a namespace but could not finish the setup."""


# --- parent side ----------------------------------------------------------------------------

def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip() != "0"


def folders_to_hide(extra: list[Path] | None = None) -> list[str]:
    """The learner's data folders as real paths: every data folder this process resolved (``--home``,
    ``$DRILL_HOME``) and the platform's default one; only those that exist."""
    from drill import paths

    found: list[Path] = [*(extra or []), *paths.RESOLVED_HOMES]
    with contextlib.suppress(Exception):
        found.append(paths.data_home())
    with contextlib.suppress(Exception):
        from platformdirs import user_data_dir

        found.append(Path(user_data_dir("drill", appauthor=False)).expanduser())
    real = sorted({os.path.realpath(p) for p in found if Path(p).is_dir()})
    return [p for p in real if not any(p != q and p.startswith(q.rstrip("/") + "/") for q in real)]


def must_stay_visible(scratch_root: Path) -> list[str]:
    """Folders the learner's process needs: a cover over a folder holding one of them is skipped."""
    import drill

    keep = {scratch_root, sys.prefix, sys.base_prefix, Path(sys.executable).parent, Path(drill.__file__).parent}
    return sorted({os.path.realpath(p) for p in keep})


def plan(scratch_root: Path, extra: list[Path] | None = None) -> dict | None:
    """What the learner's process is asked to do (None: nothing, the switch is off)."""
    if not enabled():
        return None
    level = probe()["level"]
    if level == SCRATCH:
        return None
    keep = must_stay_visible(scratch_root)
    hide = [p for p in folders_to_hide(extra) if p != "/" and not any(k == p or k.startswith(p.rstrip("/") + "/") for k in keep)]
    return {"hide": hide, "pid_ns": level == NAMESPACE}


PROBE = """
import json, os, sys
from drill.check import confine
try:
    confine.enter({"hide": [], "pid_ns": sys.argv[1] == "1"})
except confine.SetupError as error:
    print(json.dumps({"error": str(error)})); sys.stdout.flush(); os._exit(0)
print(json.dumps({"ok": True})); sys.stdout.flush()
"""


@functools.lru_cache(maxsize=1)
def probe() -> dict:
    """The level this machine allows, tried once per process in a throwaway interpreter:
    {"level": ..., "why": "..."}."""
    if not sys.platform.startswith("linux"):
        return {"level": SCRATCH, "why": f"namespaces are Linux-only (this is {sys.platform})"}
    why = ""
    for pid_ns, level in (("1", NAMESPACE), ("0", MOUNTS)):
        try:
            done = subprocess.run([sys.executable, "-c", PROBE, pid_ns], capture_output=True, text=True, timeout=20,
                                  env={k: v for k, v in os.environ.items() if k != ENV_SWITCH})
            lines = done.stdout.strip().splitlines()
            answer = json.loads(lines[-1]) if lines else {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]}
        except (OSError, subprocess.SubprocessError, ValueError) as error:
            answer = {"error": f"the probe failed: {error}"}
        if answer.get("ok"):
            return {"level": level, "why": why}
        why = why or answer.get("error", "")
    return {"level": SCRATCH, "why": why}


def observed(pid: int, hidden: list[str]) -> str | None:
    """The level the learner's process ``pid`` really runs at, read from /proc (the learner's code
    cannot change its namespaces back or remove the covers once its capabilities are gone);
    None when the process is gone."""
    try:
        own_mnt, mnt = os.readlink("/proc/self/ns/mnt"), os.readlink(f"/proc/{pid}/ns/mnt")
        own_pid, pid_ns = os.readlink("/proc/self/ns/pid"), os.readlink(f"/proc/{pid}/ns/pid_for_children")
        with open(f"/proc/{pid}/mountinfo", encoding="utf-8", errors="replace") as f:
            mounts = [line.split() for line in f]
    except OSError:
        return None
    if mnt == own_mnt:
        return SCRATCH
    covered = {m[4].replace("\\040", " ") for m in mounts if len(m) > 5 and "ro" in m[5].split(",") and "tmpfs" in m}
    if not all(path in covered for path in hidden):
        return SCRATCH
    return NAMESPACE if pid_ns != own_pid else MOUNTS


# --- learner side ---------------------------------------------------------------------------

def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _call(what: str, result: int) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)


def enter(request: dict | None) -> str:
    """Confine this process before the learner's code runs; returns the level reached.

    Needs a single thread. With ``pid_ns`` this forks: the parent only waits and exits with the
    child's code (it never returns); the child, PID 1 of the new namespace, returns. Raises
    SetupError when a namespace was entered but the setup could not be finished (the process
    must then not run the learner's code: nothing hides the data and it may lack its uid).
    """
    if not request or not sys.platform.startswith("linux"):
        return SCRATCH
    if threading.active_count() > 1:
        return SCRATCH  # unshare(CLONE_NEWUSER) refuses a threaded process
    libc = _libc()
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0:
        return SCRATCH  # refused before anything changed: run as before
    try:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
        _call("making mounts private", libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None))
        for path in request.get("hide", []):
            _call(f"covering {path}", libc.mount(b"tmpfs", os.fsencode(path), b"tmpfs",
                                                 MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, b"size=4k,mode=0555"))
        if not request.get("pid_ns"):
            _drop_capabilities(libc)
            return MOUNTS
        _call("entering a PID namespace", libc.unshare(CLONE_NEWPID))
    except OSError as error:
        raise SetupError(str(error)) from error
    _become_pid_one(libc)
    return NAMESPACE


def _become_pid_one(libc) -> None:
    """Fork into the new PID namespace. The parent waits and exits with the child's code."""
    alive_r, alive_w = os.pipe()  # the child sees EOF here when the parent is gone
    pid = os.fork()
    if pid:
        os.close(alive_r)
        for fd in range(3, 256):  # the event pipe and friends belong to the child now
            if fd != alive_w:
                with contextlib.suppress(OSError):
                    os.close(fd)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        import signal

        signal.signal(signal.SIGINT, lambda *_: os.kill(pid, signal.SIGINT))  # Ctrl+C is the learner's code's to see
        _wait_for_child(libc, pid)
    os.close(alive_w)
    try:
        libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0)  # the parent gone: this whole namespace ends
        import select

        if select.select([alive_r], [], [], 0)[0]:  # EOF already: the parent died before prctl
            os._exit(1)
        _call("mounting /proc", libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None))
        _drop_capabilities(libc)
    except OSError as error:
        sys.stderr.write(f"drill: the check's sandbox could not be finished: {error}\n")
        os._exit(SETUP_FAILED)
    os.set_inheritable(alive_r, False)


def _wait_for_child(libc, pid: int) -> None:
    """The waiting parent: exits with the child's code, or kills it when its own parent is gone.
    (No thread here: after unshare(CLONE_NEWPID) this process cannot start one.)"""
    parent = os.getppid()
    libc.prctl(PR_SET_PDEATHSIG, 9, 0, 0, 0)  # its parent gone, this process dies, and so the child (below)
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            os._exit(1)
        if done:
            os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
        if os.getppid() != parent:
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
            os._exit(1)
        time.sleep(0.1)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _drop_capabilities(libc) -> None:
    """No capability left, none to gain by exec (bounding set emptied): the covers stay put."""
    try:
        last = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    except (OSError, ValueError):
        last = 63
    for cap in range(last + 1):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() != errno_mod.EINVAL:
            _call("dropping capabilities", -1)
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (_CapData * 2)()
    _call("dropping capabilities", libc.capset(ctypes.byref(header), data))
