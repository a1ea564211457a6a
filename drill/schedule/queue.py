"""Today's card queue: due reviews first, then new cards in learning-path order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from drill.models import RESOURCES, TOPICS, ItemState, PathMode, Settings, utc
from drill.schedule.studyday import by_study_day, is_due, is_hidden

LEARN_AHEAD = timedelta(minutes=20)  # as Anki: show a learning card up to 20 min early rather than idle


class PathItem(Protocol):
    """What the learning path needs to know about a card."""

    id: str
    resource: str
    order: int

    @property
    def topic(self) -> str: ...


@dataclass(frozen=True)
class Queue:
    """Card ids to study now, in order, and what is waiting."""

    due: tuple[str, ...]
    new: tuple[str, ...]
    new_waiting: int  # unseen cards not introduced today (limit or path)
    due_later_today: int  # learning cards due later today, beyond the learn-ahead window
    ahead: tuple[str, ...] = ()  # learning cards due within the learn-ahead window

    @property
    def ids(self) -> tuple[str, ...]:
        """Study order: due now, then new, then learning cards shown early rather than idling."""
        return self.due + self.new + self.ahead


def path_order(cards: Iterable[PathItem], mode: PathMode) -> list[str]:
    """Card ids in learning-path order.

    "repetition" (default): one resource across all topics, then the next resource
    (course → book → docs → practice). "depth": one topic through all resources, then the next.
    Within a (topic, resource) pair, deck-file order.
    """

    def key(card: PathItem) -> tuple[int, int, int]:
        topic, resource = TOPICS.index(card.topic), RESOURCES.index(card.resource)
        return (resource, topic, card.order) if mode == "repetition" else (topic, resource, card.order)

    return [card.id for card in sorted(cards, key=key)]


def build_queue(
    path: Sequence[str],
    states: Mapping[str, ItemState],
    now: datetime,
    settings: Settings,
    *,
    reviewed_today: int = 0,
    introduced_today: int = 0,
    day_end: datetime | None = None,
) -> Queue:
    """Work out what to study now.

    Args:
        path: Every card id in learning-path order (see ``path_order``).
        states: Stored states by id (cards never seen have none).
        now: The current time.
        settings: Daily limits.
        reviewed_today: Reviews of review-state cards already done today (counts toward the limit).
        introduced_today: New cards already introduced today.
        day_end: When today's study day ends (for the "later today" count).

    Returns:
        Due cards (learning first, then reviews, most overdue first, review limit applied;
        "due" is ``studyday.is_due``: review cards for their whole study day),
        new cards up to the daily limit, learning cards due within ``LEARN_AHEAD`` (studied
        last, so a just-answered card does not come straight back), and counts of what waits.
    """
    now = utc(now)
    horizon = now + LEARN_AHEAD
    learning: list[ItemState] = []
    ahead: list[ItemState] = []
    reviews: list[ItemState] = []
    later = 0
    unseen: list[str] = []
    for card_id in path:
        state = states.get(card_id)
        if state is not None and is_hidden(state, now):
            continue
        if state is None or state.last_review is None:
            unseen.append(card_id)
            continue
        if is_due(state, now, settings):  # review cards by study day, learning steps by the minute
            (reviews if by_study_day(state) else learning).append(state)
        elif by_study_day(state):
            continue
        elif state.due <= horizon:
            ahead.append(state)
        elif day_end is not None and state.due < day_end:
            later += 1
    for group in (learning, ahead, reviews):
        group.sort(key=lambda s: s.due)
    review_room = max(settings.reviews_per_day - reviewed_today, 0)
    new_room = max(settings.new_per_day - introduced_today, 0)
    due = tuple(s.id for s in learning) + tuple(s.id for s in reviews[:review_room])
    new = tuple(unseen[:new_room])
    return Queue(
        due=due, new=new, new_waiting=len(unseen) - len(new), due_later_today=later, ahead=tuple(s.id for s in ahead)
    )


def with_boosts(queue: Queue, boosted: Sequence[str]) -> Queue:
    """The queue with ``boosted`` card ids first (cards a failed check brought forward, see
    ``drill.failures``), each once; the caller passes only cards that may be studied."""
    front = tuple(dict.fromkeys(boosted))
    if not front:
        return queue

    def rest(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(i for i in ids if i not in front)

    return Queue(due=front + rest(queue.due), new=rest(queue.new), new_waiting=queue.new_waiting,
                 due_later_today=queue.due_later_today, ahead=rest(queue.ahead))
