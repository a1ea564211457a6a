"""Stored documents and records turned into typed values, or a DataError naming the file.

The store keeps plain JSON; callers pass ``parse`` (e.g. ``ItemState.model_validate``) to
``Store.get/all/records``. A value that does not parse (a hand edit, a bad import, a bug) is
reported like an unreadable file: which file, which record and field, the newest good backup.
Nothing is skipped in silence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from drill.errors import DataError

T = TypeVar("T")
Parse = Callable[[Any], T]
# what parsing a stored value can raise (pydantic's ValidationError is a ValueError; an
# unknown time zone is a KeyError; a wrong shape is a TypeError/AttributeError)
PARSE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, LookupError)


def describe(exc: BaseException) -> str:
    """One line for what is wrong: a pydantic error's field, message and input, or the exception."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            loc = ".".join(str(p) for p in first.get("loc", ())) or "(whole record)"
            got = repr(first.get("input"))
            return f"field {loc!r}: {first.get('msg')} (got {got[:60]}{'…' if len(got) > 60 else ''})"
        except Exception:  # noqa: BLE001 - fall back to the plain text below
            pass
    return f"{type(exc).__name__}: {exc}"


def parsed(error: Callable[[Path, str], DataError], path: Path, what: str, parse: Parse[T], value: Any) -> T:
    """``parse(value)``; a failure becomes ``error(path, ...)`` saying which record is wrong."""
    try:
        return parse(value)
    except PARSE_ERRORS as exc:
        raise error(path, f"{what} is invalid: {describe(exc)}; fix or remove it by hand, or restore a backup") from exc
