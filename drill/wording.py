"""Small wording helpers shared by every screen and command, so "1 check" and "2 checks" are
right everywhere."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries", "day": "days", "match": "matches", "box": "boxes"}


def count(n: int | float, noun: str, plural: str | None = None) -> str:
    """``count(1, "check")`` → ``"1 check"``; ``count(3, "check")`` → ``"3 checks"``."""
    many = plural or _IRREGULAR.get(noun) or f"{noun}s"
    return f"{n:g} {noun if n == 1 else many}" if isinstance(n, float) else f"{n} {noun if n == 1 else many}"


def in_days(days: int) -> str:
    """When a day is, relative to today: "today", "tomorrow", "in 3 days", "1 day ago"."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {count(days, 'day')}" if days > 0 else f"{count(-days, 'day')} ago"


def fit_names(names: list[str], width: int) -> str:
    """As many names as fit in ``width`` characters, then ``+N`` for the rest; a single name too
    long for the space is shortened with an ellipsis, never cut mid-word silently."""
    out = ""
    for i, name in enumerate(names):
        rest = len(names) - i - 1
        candidate = f"{out}, {name}" if out else name
        tail = len(f" +{rest}") if rest else 0
        if len(candidate) + tail > width:
            if out:
                return f"{out} +{len(names) - i}"
            return f"{name[: max(1, width - tail - 1)]}…" + (f" +{rest}" if rest else "")
        out = candidate
    return out
