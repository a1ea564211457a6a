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


_TRIM = " ,:;·—–-(/"  # left dangling before the ellipsis they would read as cut text


def shorten(text: str, width: int) -> str:
    """``text`` whole when it fits in ``width`` columns, else cut at the last word boundary that
    leaves room for an ellipsis: ``shorten("Fit a straight line", 12)`` → ``"Fit a…"``.

    Words are split at spaces; an id with no space (``transfer-frozen-base``) is cut between its
    hyphenated parts (``transfer…``). Only a first word longer than the whole width is cut inside,
    with the ellipsis still marking it, since nothing else would fit at all.
    """
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:max(width, 0)]
    room = width - 1  # columns for the text before the ellipsis
    for separators in (" ", "-/_."):
        cut = max((i for i in range(1, room + 1) if text[i] in separators), default=0)
        head = text[:cut].rstrip(_TRIM)
        if head:
            return f"{head}…"
    return f"{text[:room]}…"


def fit_names(names: list[str], width: int) -> str:
    """As many names as fit in ``width`` characters, then ``+N`` for the rest; a single name too
    long for the space is shortened at a word boundary with an ellipsis (:func:`shorten`)."""
    out = ""
    for i, name in enumerate(names):
        rest = len(names) - i - 1
        candidate = f"{out}, {name}" if out else name
        tail = len(f" +{rest}") if rest else 0
        if len(candidate) + tail > width:
            if out:
                return f"{out} +{len(names) - i}"
            return shorten(name, max(2, width - tail)) + (f" +{rest}" if rest else "")
        out = candidate
    return out
