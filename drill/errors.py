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
