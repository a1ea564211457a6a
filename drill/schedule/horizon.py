"""Where a next review may land: deterministic fuzz, the maximum interval and the exam horizon.

Pure functions, the clock passed in. ``memory.review_item`` applies them, in this order, to the
interval FSRS computes (FSRS itself runs unfuzzed):

1. **Fuzz** (review-state intervals of 2.5 days or more, as py-fsrs and Anki): the interval is
   moved within FSRS's own fuzz range by a random number seeded with the item id and its
   review count, as Anki seeds it with card id and reps. The same answer to the same state
   always gives the same day, so undo and answer again gives the same date, and the buttons
   can show the fuzzed interval that will really be used.
2. **Drills are never due again on the study day they were closed.**
3. **Exam horizon**: with an exam date ahead, a next review never lands after the exam. An
   interval that would pass the last study day before the exam is cut to land in the last
   days before it (spread over up to ``EXAM_SPREAD`` days with fuzz on, the last day with fuzz
   off), never on the day of the review itself. Without an exam date (or once it has passed)
   ``Settings.maximum_interval_days`` caps intervals (passed to FSRS).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from fsrs.scheduler import FUZZ_RANGES

from drill.models import Settings, utc
from drill.schedule.days import day_start, study_day

EXAM_SPREAD = 3  # cut intervals land on one of the last this-many study days before the exam


def fuzz_rng(item_id: str, reps: int) -> random.Random:
    """The fuzz generator of one item at one review count (a str seed is stable across runs)."""
    return random.Random(f"{item_id}:{reps}")


def fuzz_range(days: int, maximum: int) -> tuple[int, int]:
    """Lowest and highest fuzzed interval for an interval of ``days`` (py-fsrs's ranges)."""
    if days < 2.5:
        return days, days
    delta = 1.0
    for part in FUZZ_RANGES:
        delta += part["factor"] * max(min(float(days), part["end"]) - part["start"], 0.0)
    low, high = max(2, round(days - delta)), min(round(days + delta), maximum)
    return min(low, high), high


def fuzz_days(days: int, item_id: str, reps: int, maximum: int) -> int:
    """The fuzzed interval: uniform over ``fuzz_range``, seeded by item and review count."""
    low, high = fuzz_range(days, maximum)
    if low == high:
        return low
    return fuzz_rng(item_id, reps).randint(low, high)


def exam_limit(now: datetime, settings: Settings) -> date | None:
    """The last study day a next review may land on, or None when no exam date lies ahead.

    Normally the day before the exam (the exam day is for the exam); a review on that last day
    itself may land on the exam day rather than on the same day again.
    """
    exam = settings.exam_date
    today = study_day(now, settings)
    if exam is None or today >= exam:
        return None
    return max(exam - timedelta(days=1), today + timedelta(days=1))


def cap_to_exam(due: datetime, now: datetime, settings: Settings, item_id: str, reps: int, fuzz: bool) -> datetime:
    """``due`` cut so it does not land after the exam (see the module notes); unchanged otherwise."""
    limit = exam_limit(now, settings)
    if limit is None or study_day(due, settings) <= limit:
        return due
    first = max(limit - timedelta(days=EXAM_SPREAD - 1), study_day(now, settings) + timedelta(days=1))
    span = (limit - first).days
    day = limit
    if fuzz and span > 0:
        # A different stream from the interval fuzz's, so the two draws do not move together.
        day = first + timedelta(days=fuzz_rng(f"exam:{item_id}", reps).randint(0, span))
    return day_start(day, settings)


def not_same_day(due: datetime, now: datetime, settings: Settings) -> datetime:
    """``due`` moved to the start of the next study day when it falls on ``now``'s study day."""
    today = study_day(now, settings)
    if study_day(due, settings) > today:
        return utc(due)
    return day_start(today + timedelta(days=1), settings)
