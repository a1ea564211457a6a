"""Where and how a check's two processes start: the learner's run and the grader.

The learner's process gets a scratch copy of its folder under a fresh temp dir (never the
data folder, never the content folder), a temp HOME, and an environment with every ``DRILL_*``
setting and Python path override removed. The grader starts before it, makes itself
non-dumpable (so the learner's code, running as the same user, cannot attach to it or read its
pipes through /proc), and waits for its job on its own stdin. Both start in new sessions.

``Launched`` is what the runner holds of a started process: its pid and the read ends of its
pipes; ``cold_learner`` / ``cold_grader`` start them as fresh interpreters (``drill.check.warm``
forks them from a warm parent instead).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from drill.check.process import MARKER_ENV

MODEL_FILES = ("mymodel.h5", "mymodel.keras")
COPY_MAX_FILES = 200  # the learner's folder: top-level files only, at most this many …
COPY_MAX_FILE_MB = 50  # … each at most this big
DROP_ENV = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONBREAKPOINT", "PYTHONUSERBASE",
            "VIRTUAL_ENV_PROMPT", "OLDPWD", "PWD", "MAIL")
HOME_ENV = ("HOME", "TMPDIR", "TMP", "TEMP", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
            "XDG_RUNTIME_DIR", "KERAS_HOME", "MPLCONFIGDIR")


@dataclass
class Scratch:
    """A temp dir for one check: ``work/`` (the learner's cwd), ``home/``, ``tmp/``, ``grade/``."""

    root: Path
    work: Path
    home: Path
    tmp: Path
    grade: Path
    marker: str = field(default_factory=lambda: secrets.token_hex(12))
    confine: dict | None = None  # what the learner's process hides (drill.check.confine.plan); None: nothing

    @classmethod
    def create(cls) -> Scratch:
        root = Path(tempfile.mkdtemp(prefix="drill-check-"))
        parts = {name: root / name for name in ("work", "home", "tmp", "grade")}
        for folder in parts.values():
            folder.mkdir(mode=0o700)
        return cls(root=root, **parts)

    def copy_in(self, solution: Path) -> Path:
        """Copy the learner's file and the other top-level files of its folder (helper modules,
        a data file the task hands out) into ``work/``; never model files, links or subfolders."""
        copied = 0
        for entry in sorted(solution.parent.iterdir()):
            if copied >= COPY_MAX_FILES:
                break
            try:
                if entry.name in MODEL_FILES or entry.is_symlink() or not entry.is_file() or entry == solution:
                    continue
                if entry.stat().st_size > COPY_MAX_FILE_MB * 2**20:
                    continue
                shutil.copyfile(entry, self.work / entry.name)
                copied += 1
            except OSError:
                continue
        target = self.work / solution.name
        shutil.copyfile(solution, target)
        return target

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def learner_env(scratch: Scratch, base: dict[str, str] | None = None) -> dict[str, str]:
    """The learner's environment: no drill settings, no Python path overrides, a temp HOME."""
    base = dict(os.environ if base is None else base)
    env = {k: v for k, v in base.items() if not k.upper().startswith("DRILL") and k not in DROP_ENV and k not in HOME_ENV}
    env.update(HOME=str(scratch.home), TMPDIR=str(scratch.tmp), TMP=str(scratch.tmp), TEMP=str(scratch.tmp),
               XDG_DATA_HOME=str(scratch.home / ".local/share"), XDG_CONFIG_HOME=str(scratch.home / ".config"),
               XDG_CACHE_HOME=str(scratch.home / ".cache"), XDG_STATE_HOME=str(scratch.home / ".local/state"),
               PYTHONUNBUFFERED="1", TF_CPP_MIN_LOG_LEVEL=base.get("TF_CPP_MIN_LOG_LEVEL", "2"))
    env[MARKER_ENV] = scratch.marker
    return env


def grader_env(scratch: Scratch) -> dict[str, str]:
    env = learner_env(scratch)
    env.pop(MARKER_ENV)  # the grader is not the learner's: a sweep of the learner's tree spares it
    return env


@dataclass
class Launched:
    """A started check process: pid, read ends of its output and event pipes, write end of its
    job pipe (grader only), and how to learn its exit status."""

    pid: int
    out_fd: int | None = None  # stdout+stderr (learner) or the report channel (grader)
    events_fd: int | None = None
    job_fd: int | None = None
    popen: subprocess.Popen | None = None
    exit_status: object = None  # callable returning the exit code or None (warm children)

    def poll(self) -> int | None:
        if self.popen is not None:
            return self.popen.poll()
        return self.exit_status() if self.exit_status else None

    def close_fds(self) -> None:
        for name in ("job_fd",):
            fd = getattr(self, name)
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, name, None)


def spawn_learner_side(module: str, scratch: Scratch, request: dict, fd_key: str) -> Launched:
    """Start ``python -P -u -m MODULE REQUEST`` in the scratch folder with the learner's cleaned
    environment and its own session; ``request[fd_key]`` becomes the write end of a pipe the child
    reports on (the Launched's ``events_fd``), and its stdout and stderr share another."""
    out_r, out_w = os.pipe()
    ev_r, ev_w = os.pipe()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-P", "-u", "-m", module, json.dumps({**request, fd_key: ev_w})],
            cwd=scratch.work, stdin=subprocess.DEVNULL, stdout=out_w, stderr=out_w,
            pass_fds=(ev_w,), start_new_session=True, env=learner_env(scratch),
        )
    except BaseException:
        for fd in (out_r, ev_r):
            os.close(fd)
        raise
    finally:
        os.close(out_w)
        os.close(ev_w)
    return Launched(pid=proc.pid, out_fd=out_r, events_fd=ev_r, popen=proc)


def cold_learner(scratch: Scratch, solution: Path) -> Launched:
    """Start ``python -P -m drill.check.harness`` on the scratch copy of the learner's file."""
    request = {"solution": str(solution), "parent_pid": os.getpid(), "confine": scratch.confine}
    return spawn_learner_side("drill.check.harness", scratch, request, "events_fd")


def cold_grader(scratch: Scratch) -> Launched:
    """Start ``python -P -m drill.check.grading``; it waits for its job on stdin."""
    proc = subprocess.Popen(
        [sys.executable, "-P", "-m", "drill.check.grading", str(os.getpid())],
        cwd=scratch.grade, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        start_new_session=True, env=grader_env(scratch),
    )
    job_fd = os.dup(proc.stdin.fileno())
    out_fd = os.dup(proc.stdout.fileno())
    proc.stdin.close()
    proc.stdout.close()
    return Launched(pid=proc.pid, out_fd=out_fd, job_fd=job_fd, popen=proc)
