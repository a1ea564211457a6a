"""Notice when a file changes on disk: a real file watcher, with polling where events never come.

watchfiles (Rust ``notify``: inotify, FSEvents, ReadDirectoryChangesW) watches the file's
folder, so an editor that saves by writing a new file and renaming it (vim, many IDEs) is
seen too. Some file systems send no events at all (WSL's /mnt drives, network and VM shares:
the failure rustlings users hit), so on those, when ``DRILL_WATCH_POLL=1`` is set, or when
the native watcher cannot start, the same loop polls the file's size and mtime instead.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

# File system types that do not deliver change events (or not reliably) to a watcher.
NO_EVENT_FILESYSTEMS = {"9p", "drvfs", "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "vboxsf", "prl_fs", "fuse.rclone"}
POLL_S = 0.5


def filesystem_type(path: Path, mounts: str | None = None) -> str | None:
    """The type of the file system ``path`` is on (from /proc/mounts), or None where unknown."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    path_text = str(Path(path).resolve())
    best, best_type = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = path_text == point or path_text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type


def needs_polling(path: Path) -> bool:
    """True where events will not come: forced by DRILL_WATCH_POLL, or a no-event file system."""
    if os.environ.get("DRILL_WATCH_POLL", "") not in ("", "0"):
        return True
    return filesystem_type(path) in NO_EVENT_FILESYSTEMS


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _poll(path: Path, stop: threading.Event, on_change: Callable[[], None], interval_s: float) -> None:
    last = _signature(path)
    while not stop.wait(interval_s):
        now = _signature(path)
        if now != last:
            last = now
            on_change()


def watch_file(path: Path | str, stop: threading.Event, on_change: Callable[[], None], *,
               debounce_ms: int = 200, poll: bool | None = None) -> str:
    """Call ``on_change()`` (on this thread) after each change of ``path``, until ``stop`` is set.

    Blocking: run it in a thread. Several writes within ``debounce_ms`` make one call.
    Returns how it watched ("events" or "polling"), once ``stop`` is set.
    """
    path = Path(path).resolve()
    if poll is None:
        poll = needs_polling(path)
    if not poll:
        try:
            import watchfiles

            def only_this_file(_change, changed: str) -> bool:
                return Path(changed) == path

            for _changes in watchfiles.watch(path.parent, watch_filter=only_this_file, stop_event=stop,
                                             debounce=debounce_ms, step=100, recursive=False,
                                             raise_interrupt=False):
                on_change()
            return "events"
        except (ImportError, OSError, RuntimeError):
            pass  # no native watcher here (inotify limits, exotic platform): poll instead
    _poll(path, stop, on_change, POLL_S)
    return "polling"
