"""FSRS memory model over drill's own records: review an item, preview intervals, recall odds.

A thin, pure wrapper over ``fsrs.Scheduler``: ItemState in, ItemState out, the clock passed in.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from fsrs import Card, Rating, Scheduler, State

from drill.models import ItemKind, ItemState, Settings, utc
from drill.schedule.days import study_day
from drill.schedule.horizon import cap_to_exam, fuzz_days, not_same_day
from drill.schedule.studyday import by_study_day

RATINGS: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
DRILL_LEARNING_STEPS_DAYS: tuple[float, ...] = (1.0,)  # drills step in days: a closed drill is back tomorrow at the soonest
DRILL_RELEARNING_STEPS_DAYS: tuple[float, ...] = (1.0,)


def scheduler(settings: Settings, kind: ItemKind = "card") -> Scheduler:
    """The FSRS scheduler for ``settings`` and one kind of item, always unfuzzed.

    Cards step in minutes (``learning_steps_min``); drills in days (``DRILL_*_STEPS_DAYS``).
    Fuzz is applied afterwards, deterministically (``horizon.fuzz_days``), never by py-fsrs's
    unseeded random.
    """
    if kind == "drill":
        learning = tuple(d * 1440 for d in DRILL_LEARNING_STEPS_DAYS)
        relearning = tuple(d * 1440 for d in DRILL_RELEARNING_STEPS_DAYS)
    else:
        learning, relearning = tuple(settings.learning_steps_min), tuple(settings.relearning_steps_min)
    params = tuple(settings.fsrs_parameters) if settings.fsrs_parameters else None
    return _scheduler(settings.desired_retention, learning, relearning, settings.maximum_interval_days, params)


@lru_cache(maxsize=16)
def _scheduler(retention: float, learning: tuple[float, ...], relearning: tuple[float, ...], maximum: int,
               params: tuple[float, ...] | None) -> Scheduler:
    extra = {"parameters": params} if params else {}
    return Scheduler(
        desired_retention=retention,
        learning_steps=tuple(timedelta(minutes=m) for m in learning),
        relearning_steps=tuple(timedelta(minutes=m) for m in relearning),
        maximum_interval=maximum,
        enable_fuzzing=False,
        **extra,
    )


def new_item(item_id: str, kind: ItemKind, now: datetime) -> ItemState:
    """The state of an item never reviewed: due now, in learning step 0."""
    return ItemState(id=item_id, kind=kind, due=now, introduced=now)


def to_card(state: ItemState) -> Card:
    """Convert drill's state to an ``fsrs.Card`` (explicit id: fsrs's default one sleeps)."""
    return Card(
        card_id=0,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def review_item(
    previous: ItemState | None, item_id: str, kind: ItemKind, rating: int, now: datetime, settings: Settings
) -> ItemState:
    """Apply one rating (1 Again … 4 Easy) at ``now`` and return the new state.

    FSRS computes the interval; then (``drill.schedule.horizon``) seeded fuzz, the drill rule
    (never due again on the study day it was closed) and the exam horizon decide the due time.

    Args:
        previous: The item's state, or None when this is its first review.
        item_id: The card or drill id (seeds the fuzz, with the review count).
        kind: "card" or "drill" (drills have their own steps, in days).
        rating: 1–4.
        now: Review time (aware, any zone).
        settings: Retention, steps, fuzz, maximum interval, exam date, study-day zone.

    Returns:
        The next state; flags (suspended, buried) and the introduction time carry over,
        buried is cleared and the review count goes up by one.
    """
    if rating not in RATINGS:
        raise ValueError(f"rating must be 1-4, got {rating}")
    now = utc(now)
    base = previous or new_item(item_id, kind, now)
    card, _log = scheduler(settings, kind).review_card(to_card(base), Rating(rating), review_datetime=now)
    due = utc(card.due)
    fuzz = settings.enable_fuzzing
    if fuzz and card.state == State.Review:
        days = round((due - now) / timedelta(days=1))
        due = now + timedelta(days=fuzz_days(days, item_id, base.reps, settings.maximum_interval_days))
    if kind == "drill":
        due = not_same_day(due, now, settings)
    due = cap_to_exam(due, now, settings, item_id, base.reps, fuzz)
    return base.model_copy(
        update={
            "state": int(card.state),
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due": due,
            "last_review": now,
            "buried_until": None,
            "reps": base.reps + 1,
        }
    )


def preview(previous: ItemState | None, item_id: str, kind: ItemKind, now: datetime, settings: Settings) -> dict[int, timedelta]:
    """The interval each rating would really give now (fuzz and exam cut included), for the buttons.

    Items due by study day show whole study days (the due day minus today); learning steps
    show their exact time.
    """
    now = utc(now)
    out = {}
    for rating in RATINGS:
        after = review_item(previous, item_id, kind, rating, now, settings)
        if by_study_day(after):
            out[rating] = timedelta(days=(study_day(after.due, settings) - study_day(now, settings)).days)
        else:
            out[rating] = after.due - now
    return out


def retrievability(state: ItemState | None, at: datetime, settings: Settings) -> float:
    """Probability of recalling the item at ``at``; 0.0 for an item never reviewed."""
    if state is None or state.last_review is None or state.stability is None:
        return 0.0
    return float(scheduler(settings).get_card_retrievability(to_card(state), current_datetime=utc(at)))


def format_interval(delta: timedelta) -> str:
    """Short human interval for a button: '1m', '10m', '3h', '4d', '2mo', '1.5y'."""
    seconds = max(delta.total_seconds(), 0)
    if seconds < 3600:
        return f"{max(round(seconds / 60), 1)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"
