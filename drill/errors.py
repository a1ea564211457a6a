"""One base error type; the CLI and the app turn it into a message at the edge.

Every error says what is wrong and what to do about it, and carries the exit code the
command line should use (DESIGN.md: 1 failed command, 2 usage or data error).
"""

from __future__ import annotations


class DrillError(Exception):
    """Base of every error drill reports to a person instead of a traceback.

    Args:
        message: What is wrong, in one sentence.
        hint: What to do about it (optional).
        exit_code: Exit status for the command line.
    """

    exit_code: int = 1

    def __init__(self, message: str, hint: str | None = None, *, exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class UsageError(DrillError):
    """The command line or a setting was given something it cannot use."""

    exit_code = 2


class DataError(DrillError):
    """A data file in the data folder is unreadable, corrupt, or from a newer drill."""

    exit_code = 2


class ContentError(DrillError):
    """Shipped or learner-written content (decks, exercises, notes) is invalid."""

    exit_code = 2


class BusyError(DrillError):
    """Another drill process holds the data folder."""

    exit_code = 2


def message_for(error: BaseException, crash_dir: str | None = None) -> tuple[str, int]:
    """The one edge where any error becomes what a person reads, and the exit code.

    Used by the command line (``drill.cli.main``) and by the app (``DrillApp``), so a damaged
    file reads the same everywhere. A ``DrillError`` is its message and hint; an ``OSError`` the
    system's reason and file; anything else is a bug in drill: one line here, the traceback in a
    crash file (never on the learner's screen).
    """
    if isinstance(error, DrillError):
        text = f"drill: {error.message}" + (f"\n  hint: {error.hint}" if error.hint else "")
        return text, error.exit_code
    if isinstance(error, KeyboardInterrupt):
        return "drill: interrupted. Everything saved before this moment is kept.", 130
    if isinstance(error, OSError) and error.strerror:
        where = f": {error.filename}" if error.filename else ""
        return f"drill: {error.strerror}{where}", 1
    crash = _write_crash(error, crash_dir)
    text = f"drill: unexpected error ({type(error).__name__}: {str(error)[:200]}); nothing saved before it is lost"
    hint = f"this is a bug in drill: please report it with {crash}" if crash else "this is a bug in drill: please report it"
    return f"{text}\n  hint: {hint}", 1


def _write_crash(error: BaseException, crash_dir: str | None) -> str | None:
    import os
    import tempfile
    import time
    import traceback

    try:
        folder = crash_dir or tempfile.gettempdir()
        path = os.path.join(folder, f"drill-crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)))
        return path
    except OSError:
        return None
