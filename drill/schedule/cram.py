"""Review ahead before the exam (cram): which cards to bring forward, weakest on exam day first.

Pure: states and the clock in, ids out. A cram answer is an ordinary FSRS review at its real
(early) time — FSRS models early reviews through the elapsed time, so the memory history stays
true — and the log marks it ``Review.cram``. Only cards in the review state qualify: new cards
are the plan's business, learning cards come back within minutes anyway, and a card already
answered today gains next to nothing from a second look the same day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from drill.models import ItemState, Settings
from drill.schedule.days import day_start
from drill.schedule.memory import retrievability
from drill.schedule.studyday import by_study_day, is_due, is_hidden, study_day

CRAM_BATCH = 50  # cards per cram round; the learner can start another


def exam_morning(now: datetime, settings: Settings) -> datetime | None:
    """When recall is predicted for: the start of the exam's study day; None with no exam ahead."""
    exam = settings.exam_date
    if exam is None or study_day(now, settings) >= exam:
        return None
    return day_start(exam, settings)


def cram_candidates(states: Iterable[ItemState], now: datetime, settings: Settings, limit: int = CRAM_BATCH) -> list[str]:
    """Card ids to review ahead now, lowest predicted recall on exam day first.

    Only cards not due now (due ones are in the normal queue), in the review state, not
    answered today, not suspended or buried, and predicted below the desired retention on the
    exam morning. Ties keep id order, so the choice is stable.
    """
    target = exam_morning(now, settings)
    if target is None:
        return []
    today = study_day(now, settings)
    scored = []
    for s in states:
        if s.kind != "card" or not by_study_day(s) or s.last_review is None or is_hidden(s, now):
            continue
        if is_due(s, now, settings) or study_day(s.last_review, settings) >= today:
            continue
        recall = retrievability(s, target, settings)
        if recall < settings.desired_retention:
            scored.append((recall, s.id))
    return [item_id for _, item_id in sorted(scored)[:limit]]
