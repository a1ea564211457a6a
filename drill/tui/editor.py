"""Open a file in the learner's $EDITOR with the app suspended, and come back."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path


def editor_command(path: Path, line: int | None = None) -> list[str] | None:
    """The command that opens ``path`` (at ``line`` when the editor takes ``+N``), or None."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        editor = next((e for e in ("nano", "vim", "vi") if shutil.which(e)), None)
    if not editor:
        return None
    command = shlex.split(editor)
    if line and Path(command[0]).name in {"vi", "vim", "nvim", "nano", "emacs", "micro", "kak", "hx"}:
        command.append(f"+{line}")
    return [*command, str(path)]


def open_in_editor(app, path: Path, line: int | None = None) -> bool:
    """Suspend ``app``, edit ``path``, resume. Returns False (with a toast) when it cannot."""
    command = editor_command(path, line)
    if command is None:
        app.notify(f"Set $EDITOR to edit files; this one is {path}", severity="warning", timeout=8)
        return False
    try:
        with app.suspend():
            subprocess.run(command, check=False)
    except Exception as error:  # SuspendNotSupported (e.g. under test) or a missing editor binary
        app.notify(f"Could not open the editor ({error}); the file is {path}", severity="warning", timeout=8)
        return False
    return True
