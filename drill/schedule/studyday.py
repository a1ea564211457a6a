"""The one rule for "is it due?": review-state items by study day, learning steps by the minute.

A study day runs from the rollover hour to the next in the learner's zone (``days.study_day``).
As in Anki, an item in the review state (FSRS state 2) is due for its whole study day, whatever
the hour its interval ends at: a card that graduated at 20:10 is due from the rollover on the
day its interval ends, not from 20:10. Learning and relearning steps of cards keep their exact
times (they are minutes). Drills step in days, so every drill is due by study day.

Every count of "due today" (queue, Today, Review header, Drills, forecast, plan) calls
:func:`is_due` or :func:`due_on`; nothing else compares ``state.due`` with a clock. Pure: the
clock is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from drill.models import ItemState, Settings, utc
from drill.schedule.days import day_start, next_day_start, study_day

__all__ = ["by_study_day", "count_due", "day_start", "due_on", "is_due", "is_hidden", "next_day_start", "study_day"]

REVIEW = 2  # fsrs.State.Review


def by_study_day(item: ItemState) -> bool:
    """True when the item is due by study day (review state, or any drill), not by the minute."""
    return item.kind == "drill" or item.state == REVIEW


def due_on(item: ItemState, settings: Settings) -> date | None:
    """The study day the item falls due on; None for an item never reviewed (it is new, not due)."""
    if item.last_review is None:
        return None
    return study_day(item.due, settings)


def is_hidden(item: ItemState, now: datetime) -> bool:
    """Suspended, or buried until a later time: out of every queue and count."""
    return item.suspended or (item.buried_until is not None and item.buried_until > utc(now))


def is_due(item: ItemState, now: datetime, settings: Settings) -> bool:
    """Whether the item is due at ``now``.

    Review-state items and drills: due from the start of the study day their interval ends on
    (``due_on(item) <= study_day(now)``). Cards in learning or relearning: due at their exact
    step time. Never-reviewed, suspended and buried items are not due.
    """
    if item.last_review is None or is_hidden(item, now):
        return False
    if by_study_day(item):
        return study_day(item.due, settings) <= study_day(now, settings)
    return item.due <= utc(now)


def count_due(items: Iterable[ItemState], now: datetime, settings: Settings, kind: str | None = None) -> int:
    """How many of ``items`` (of one kind, or all) are due at ``now``."""
    return sum(1 for s in items if (kind is None or s.kind == kind) and is_due(s, now, settings))
