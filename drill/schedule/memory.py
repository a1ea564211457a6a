"""FSRS memory model over drill's own records: review an item, preview intervals, recall odds.

A thin, pure wrapper over ``fsrs.Scheduler``: ItemState in, ItemState out, the clock passed in.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from fsrs import Card, Rating, Scheduler, State

from drill.models import ItemKind, ItemState, Settings, utc

RATINGS: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def scheduler(settings: Settings, *, fuzz: bool | None = None) -> Scheduler:
    """Build the FSRS scheduler for ``settings`` (``fuzz`` overrides its fuzzing flag)."""
    return _scheduler(
        settings.desired_retention,
        tuple(settings.learning_steps_min),
        tuple(settings.relearning_steps_min),
        settings.enable_fuzzing if fuzz is None else fuzz,
    )


@lru_cache(maxsize=8)
def _scheduler(retention: float, learning: tuple[float, ...], relearning: tuple[float, ...], fuzz: bool) -> Scheduler:
    return Scheduler(
        desired_retention=retention,
        learning_steps=tuple(timedelta(minutes=m) for m in learning),
        relearning_steps=tuple(timedelta(minutes=m) for m in relearning),
        enable_fuzzing=fuzz,
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

    Args:
        previous: The item's state, or None when this is its first review.
        item_id: The card or drill id.
        kind: "card" or "drill".
        rating: 1–4.
        now: Review time (aware).
        settings: Retention and steps.

    Returns:
        The next state; flags (suspended, buried) and the introduction time carry over.
    """
    if rating not in RATINGS:
        raise ValueError(f"rating must be 1-4, got {rating}")
    now = utc(now)
    base = previous or new_item(item_id, kind, now)
    card, _log = scheduler(settings).review_card(to_card(base), Rating(rating), review_datetime=now)
    return base.model_copy(
        update={
            "state": int(card.state),
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "due": utc(card.due),
            "last_review": utc(card.last_review) if card.last_review else now,
            "buried_until": None,
        }
    )


def preview(previous: ItemState | None, item_id: str, kind: ItemKind, now: datetime, settings: Settings) -> dict[int, timedelta]:
    """Interval each rating would give now (unfuzzed, as the buttons show)."""
    base = previous or new_item(item_id, kind, utc(now))
    sched = scheduler(settings, fuzz=False)
    card = to_card(base)
    return {r: sched.review_card(card, Rating(r), review_datetime=now)[0].due - now for r in RATINGS}


def retrievability(state: ItemState | None, at: datetime, settings: Settings) -> float:
    """Probability of recalling the item at ``at``; 0.0 for an item never reviewed."""
    if state is None or state.last_review is None or state.stability is None:
        return 0.0
    return float(scheduler(settings, fuzz=False).get_card_retrievability(to_card(state), current_datetime=utc(at)))


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
