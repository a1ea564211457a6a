"""Use cases of a study session: today's queue, answering, undo, suspend, bury, settings.

The TUI and the CLI call these; they never touch the store directly. The clock is passed in
(a callable) so tests run on fixed time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pydantic import ValidationError

from drill.content.cards import Card
from drill.content.decks import DeckSet, load_decks
from drill.errors import DataError, UsageError
from drill.models import ItemState, Review, Settings
from drill.paths import content_root
from drill.schedule.days import day_start, next_day_start, study_day
from drill.schedule.cram import CRAM_BATCH, cram_candidates
from drill.schedule.memory import preview, review_item
from drill.schedule.queue import Queue, build_queue, path_order, with_boosts

EARLIEST_STUDY_DAY = date(2000, 1, 1)  # where a streak walk stops looking
ITEMS = "items"
DAYS = "days"  # log: one record {"id": <study day>, "at": <first answer>} per day with an answer
SETTINGS = "settings"
REVIEWS = "reviews"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _default_clock() -> datetime:
    # Looked up at call time, so a test can stand in for the wall clock of every command at once.
    return utc_now()


@dataclass(frozen=True)
class TodaySummary:
    """What the Today screen shows about cards."""

    day: date
    due: int
    new: int
    new_waiting: int
    due_later_today: int
    reviewed_today: int
    introduced_today: int
    streak: int
    total_cards: int
    problems: int


@dataclass(frozen=True)
class UndoStep:
    """One undoable step of this session: the item's state before it (None: none stored)."""

    what: str  # "answer" | "suspend" | "unsuspend" | "bury"
    item_id: str
    before: ItemState | None
    review: Review | None = None  # the log entry an answer added


def load_settings(store) -> Settings:
    """Read the settings document; a hand-edited invalid file is reported by field, never replaced."""
    settings = store.get(SETTINGS, SETTINGS, parse=Settings.model_validate)  # DataError naming the field
    return Settings() if settings is None else settings


def deck_folders(home: Path) -> list[Path]:
    """Shipped decks first, then the learner's own (``<home>/decks``)."""
    return [content_root() / "decks", home / "decks"]


def _first_review(review: Review) -> bool:
    return review.before is None or review.before.last_review is None


class StudySession:
    """One learner's cards, their states and today's queue, over a store."""

    def __init__(self, store, decks: DeckSet | None = None, clock: Callable[[], datetime] | None = None):
        self.store = store
        self.clock = clock if clock is not None else _default_clock
        self.decks = decks if decks is not None else load_decks(*deck_folders(store.home))
        self.settings = load_settings(store)
        self._undo: list[UndoStep] = []

    # -- reading ----------------------------------------------------------------------------
    @property
    def cards(self) -> dict[str, Card]:
        return self.decks.cards

    def reload_content(self) -> None:
        """Re-read the deck files (after the learner edited one)."""
        self.decks = load_decks(*deck_folders(self.store.home))

    def state(self, item_id: str) -> ItemState | None:
        return self.store.get(ITEMS, item_id, parse=ItemState.model_validate)

    def states(self) -> dict[str, ItemState]:
        return self.store.all(ITEMS, parse=ItemState.model_validate)

    def today_reviews(self, now: datetime | None = None) -> list[Review]:
        now = now or self.clock()
        start = day_start(study_day(now, self.settings), self.settings)
        # bounded at the end of today: answers dated later (a clock that went back) are not read
        end = next_day_start(now, self.settings)
        return list(self.store.records(REVIEWS, since=start, until=end, parse=Review.model_validate))

    def queue(self, now: datetime | None = None) -> Queue:
        """Cards to study now: due first, then new ones in learning-path order."""
        now = now or self.clock()
        return self._queue(now, self._card_reviews_today(now))

    def _card_reviews_today(self, now: datetime) -> list[Review]:
        return [r for r in self.today_reviews(now) if r.kind == "card"]

    def new_allowance(self, now: datetime) -> int:
        """New cards for today in all: the day's plan decides, within the limit (drill.progress.today)."""
        from drill.progress.today import planner_of

        return planner_of(self).new_allowance(now)

    def _queue(self, now: datetime, card_reviews: list[Review]) -> Queue:
        from drill.failures import BOOSTS, active_boosts

        states = {k: v for k, v in self.states().items() if v.kind == "card" and k in self.cards}
        boosted = [c for c in active_boosts(self.store.all(BOOSTS), states, now) if c in self.cards]
        return with_boosts(build_queue(
            path_order(self.cards.values(), self.settings.path),
            states,
            now,
            self.settings.model_copy(update={"new_per_day": self.new_allowance(now)}),
            reviewed_today=sum(1 for r in card_reviews if not _first_review(r) and r.before.state == 2),
            introduced_today=sum(1 for r in card_reviews if _first_review(r)),
            day_end=next_day_start(now, self.settings),
        ), boosted)

    def summary(self, now: datetime | None = None) -> TodaySummary:
        now = now or self.clock()
        today = self._card_reviews_today(now)  # read once: the queue's limits and the counts share it
        queue = self._queue(now, today)
        return TodaySummary(
            day=study_day(now, self.settings),
            due=len(queue.due),
            new=len(queue.new),
            new_waiting=queue.new_waiting,
            due_later_today=queue.due_later_today,
            reviewed_today=len(today),
            introduced_today=sum(1 for r in today if _first_review(r)),
            streak=self.streak(now),
            total_cards=len(self.cards),
            problems=len(self.decks.problems),
        )

    def streak(self, now: datetime | None = None) -> int:
        """Consecutive study days with at least one answer, ending today (or yesterday)."""
        now = now or self.clock()
        today = study_day(now, self.settings)
        window = 16
        while True:  # read a window of days back from today, doubling it while the streak fills it
            first = today - timedelta(days=window)
            days = self._study_days(first, today)
            day = today if today in days else today - timedelta(days=1)
            count = 0
            while day in days:
                count += 1
                day -= timedelta(days=1)
            if day >= first or first <= EARLIEST_STUDY_DAY:
                return count
            window *= 4

    def _study_days(self, first: date, last: date) -> set[date]:
        """Study days in [first, last] with an answer (the ``days`` log, read by day file)."""
        since = day_start(first, self.settings) - timedelta(days=1)  # a record sits in its UTC day's file
        until = day_start(last + timedelta(days=1), self.settings) + timedelta(days=1)
        out = set()
        for rec in self.store.records(DAYS, since=since, until=until):
            try:
                out.add(date.fromisoformat(rec["id"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"the days log has a record {rec.get('id')!r} that is not a study day ({exc})",
                                hint="restore the day file from a backup, or delete that record") from exc
        return out

    def intervals(self, item_id: str, now: datetime | None = None) -> dict[int, timedelta]:
        """What each rating would schedule, for the answer buttons."""
        card = self.cards.get(item_id)
        return preview(self.state(item_id), item_id, "card" if card else "drill", now or self.clock(), self.settings)

    # -- writing ----------------------------------------------------------------------------
    def cram_queue(self, now: datetime | None = None, limit: int = CRAM_BATCH) -> tuple[str, ...]:
        """Cards to review ahead of the exam, weakest on exam day first (``schedule.cram``)."""
        now = now or self.clock()
        states = [s for k, s in self.states().items() if k in self.cards]
        return tuple(cram_candidates(states, now, self.settings, limit))

    def answer(self, item_id: str, rating: int, *, duration_ms: int | None = None, kind: str = "card",
               cram: bool = False) -> Review:
        """Rate an item 1–4; durable when this returns. ``cram``: a review-ahead answer, so flagged in the log."""
        now = self.clock()
        day = study_day(now, self.settings).isoformat()
        with self.store.batch():  # the writer lock: the state read is the one the answer replaces
            before = self.state(item_id)
            after = review_item(before, item_id, kind, rating, now, self.settings)  # type: ignore[arg-type]
            review = Review(id=uuid.uuid4().hex, item_id=item_id, kind=kind, rating=rating, at=now,  # type: ignore[arg-type]
                            duration_ms=duration_ms, before=before, cram=cram)
            self.store.put(ITEMS, item_id, after.model_dump(mode="json"))
            self.store.append(REVIEWS, review.model_dump(mode="json"))
            if not self._answered_on(now):  # the first answer of the study day marks it in the days log
                self.store.append(DAYS, {"id": day, "at": now.isoformat()})
        self._undo.append(UndoStep("answer", item_id, before, review))
        return review

    def _answered_on(self, now: datetime) -> bool:
        """Whether the study day of ``now`` already has its ``days`` record (reads ≤ 2 day files)."""
        day = study_day(now, self.settings)
        since, until = day_start(day, self.settings), next_day_start(now, self.settings)
        return any(rec.get("id") == day.isoformat() for rec in self.store.records(DAYS, since=since, until=until))

    def undo(self) -> str | None:
        """Take back this session's last step: an answer, a suspend, an unsuspend or a bury.

        An answer's previous state is restored and its log entry deleted; a flag's previous
        state is restored (so undo after a suspend brings the item back, not an earlier answer).

        Returns:
            The id of the item concerned, or None when there is nothing to undo.
        """
        if not self._undo:
            return None
        step = self._undo.pop()
        with self.store.batch():
            if step.before is None:
                self.store.delete(ITEMS, step.item_id)
            else:
                self.store.put(ITEMS, step.item_id, step.before.model_dump(mode="json"))
            if step.review is not None:
                self.store.remove(REVIEWS, step.review.id, step.review.model_dump(mode="json")["at"])
        return step.item_id

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def undo_label(self) -> str | None:
        """What undo would take back next: "answer", "suspend", "unsuspend" or "bury"."""
        return self._undo[-1].what if self._undo else None

    def _flag(self, what: str, item_id: str, **update) -> ItemState:
        now = self.clock()
        with self.store.batch():  # read-modify-write under the writer lock
            before = self.state(item_id)
            kind = "card" if item_id in self.cards or before is None else before.kind
            state = (before or ItemState(id=item_id, kind=kind, due=now, introduced=now)).model_copy(update=update)
            self.store.put(ITEMS, item_id, state.model_dump(mode="json"))
        self._undo.append(UndoStep(what, item_id, before))
        return state

    def suspend(self, item_id: str) -> ItemState:
        """Keep an item out of every queue until unsuspended (undoable)."""
        return self._flag("suspend", item_id, suspended=True)

    def unsuspend(self, item_id: str) -> ItemState:
        """Bring a suspended item back into the queues, its schedule as it was (undoable)."""
        state = self.state(item_id)
        if state is None or not state.suspended:
            raise UsageError(f"{item_id!r} is not suspended", hint="`drill suspended` lists the suspended items")
        return self._flag("unsuspend", item_id, suspended=False)

    def suspended(self) -> list[ItemState]:
        """Suspended cards and drills, by id."""
        return sorted((s for s in self.states().values() if s.suspended), key=lambda s: (s.kind, s.id))

    def label(self, item_id: str, width: int = 60) -> str:
        """One line saying what an item is: a card's question, else the id (drills name themselves)."""
        card = self.cards.get(item_id)
        if card is None:
            return item_id
        from drill.wording import shorten

        question = card.question()
        prose = question.split("```", 1)[0]  # the words before a code block: the block reads badly on one line
        return shorten(" ".join((prose if prose.strip() else question).split()), width)  # cut between words

    def bury(self, item_id: str) -> ItemState:
        """Hide an item until the next study day starts (undoable)."""
        return self._flag("bury", item_id, buried_until=next_day_start(self.clock(), self.settings))

    def save_settings(self, **changes) -> Settings:
        """Validate and store changed settings; nothing is written when a value is refused."""
        with self.store.batch():  # merge onto what is stored now, not onto what this process read
            current = load_settings(self.store)
            from drill.settings_spec import validate

            settings = validate(current, changes)  # a plain-language message naming the allowed values
            self.store.put(SETTINGS, SETTINGS, settings.model_dump(mode="json"))
        self.settings = settings
        return settings
