"""The exam-date planner, pure: spread what is left of the learning path over the days to the exam.

Inputs: today's study day, the settings (exam date, hours a day, path, new cards a day), the
units not yet introduced (cards in path order and drills never attempted) and the memory states
of what is already introduced. Output: a day-by-day :class:`Plan`. Everything is introduced by
the day before the last study day, which is kept for review (as in a 7-day sprint); each day's
review load is estimated from FSRS. Re-planning is simply planning again from today's state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from drill.models import RESOURCES, TOPICS, ItemState, Settings
from drill.schedule.memory import review_item
from drill.schedule.studyday import due_on

CATEGORY_TOPIC = {"regression": "nn", "classic": "nn", "vision": "img", "text": "nlp", "series": "ts"}
ROLLING_DAYS = 14
MAX_SPAN = 120  # an exam further away is planned as if it were this many days ahead


@dataclass(frozen=True)
class Costs:
    """Minutes each kind of work takes (a new card includes reading the material it sums up)."""

    new_card: float = 6.0
    review: float = 0.5
    drill: float = 60.0  # when the drill gives no time budget


@dataclass(frozen=True)
class Unit:
    """Something to introduce: a card or a first drill attempt."""

    id: str
    kind: str  # "card" | "drill"
    topic: str
    resource: str
    order: int
    minutes: float | None = None  # None: the default cost of its kind


@dataclass(frozen=True)
class PlanDay:
    day: date
    cards: tuple[str, ...]
    groups: dict[str, int]  # "topic/resource" → new cards
    drills: tuple[str, ...]
    reviews: float  # expected reviews (cards and drills)
    minutes: float
    review_day: bool = False

    def as_json(self) -> dict:
        return {
            "day": self.day.isoformat(), "new_cards": len(self.cards), "groups": self.groups,
            "drills": list(self.drills), "expected_reviews": round(self.reviews, 1),
            "hours": round(self.minutes / 60, 2), "review_day": self.review_day,
        }


@dataclass(frozen=True)
class Plan:
    today: date
    exam_date: date | None
    days: tuple[PlanDay, ...]
    feasible: bool
    message: str
    total_cards: int
    total_drills: int
    planned_cards: int
    planned_drills: int
    hours_per_day: float
    pace: str = ""
    notes: tuple[str, ...] = field(default=())
    new_needed_per_day: int = 0  # > new_per_day when the daily limit, not time, holds cards back

    def as_json(self) -> dict:
        return {
            "today": self.today.isoformat(), "exam_date": self.exam_date.isoformat() if self.exam_date else None,
            "feasible": self.feasible, "message": self.message, "pace": self.pace, "notes": list(self.notes),
            "total_cards": self.total_cards, "total_drills": self.total_drills,
            "planned_cards": self.planned_cards, "planned_drills": self.planned_drills,
            "hours_per_day": self.hours_per_day, "new_needed_per_day": self.new_needed_per_day,
            "days": [d.as_json() for d in self.days],
        }


def path_units(units: Iterable[Unit], mode: str) -> list[Unit]:
    """Units in learning-path order: repetition = resource by resource; depth = topic by topic."""

    def key(u: Unit) -> tuple[int, int, int, int]:
        t, r = TOPICS.index(u.topic), RESOURCES.index(u.resource)
        return (r, t, u.kind == "drill", u.order) if mode == "repetition" else (t, r, u.kind == "drill", u.order)

    return sorted(units, key=key)


# ------------------------------------------------------------------------------ review load
@lru_cache(maxsize=8)
def _ladder(retention: float, learning: tuple[float, ...], relearning: tuple[float, ...]) -> tuple[float, ...]:
    """Days after introduction at which a card answered Good every time is reviewed (first year)."""
    settings = Settings(desired_retention=retention, learning_steps_min=list(learning) or [1.0],
                        relearning_steps_min=list(relearning) or [10.0], enable_fuzzing=False)
    start = datetime(2000, 1, 1, tzinfo=timezone.utc)
    state = review_item(None, "x", "card", 3, start, settings)
    out = []
    for _ in range(40):
        offset = (state.due - start).total_seconds() / 86400
        if offset > 366:
            break
        out.append(offset)
        state = review_item(state, "x", "card", 3, state.due, settings)
    return tuple(out)


def ladder(settings: Settings) -> tuple[float, ...]:
    return _ladder(settings.desired_retention, tuple(settings.learning_steps_min), tuple(settings.relearning_steps_min))


def review_load(states: Iterable[ItemState], first: date, days: int, settings: Settings) -> list[float]:
    """Expected reviews on each of ``days`` days from ``first``, for items already introduced.

    Each item is reviewed when due, then at the next rungs of the Good ladder (the intervals
    FSRS gives a card answered Good every time); a review fails with 1 − desired retention and
    then costs its relearning steps too.
    """
    load = [0.0] * days
    per_review = 1 + (1 - settings.desired_retention) * len(settings.relearning_steps_min)
    rungs = ladder(settings)
    gaps = [b - a for a, b in zip(rungs, rungs[1:])] or [1.0]
    for s in states:
        day = due_on(s, settings)  # the study-day rule every "due" count shares
        if s.suspended or day is None:
            continue
        at = float(max((day - first).days, 0))
        interval = max((s.due - s.last_review).total_seconds() / 86400, 0.0)
        while at < days:
            load[int(at)] += per_review
            interval = next((g for g in gaps if g > interval), interval * 2.5)
            at += max(interval, 1.0)
    return load


def _unit_load(start: int, days: int, settings: Settings) -> list[tuple[int, float]]:
    per_review = 1 + (1 - settings.desired_retention) * len(settings.relearning_steps_min)
    out: dict[int, float] = {}
    for offset in ladder(settings):  # reviews after the introducing answer, same-day steps included
        d = start + int(offset)
        if d < days:
            out[d] = out.get(d, 0.0) + per_review
    return sorted(out.items())


# ----------------------------------------------------------------------------------- plan
def make_plan(
    today: date,
    settings: Settings,
    units: Sequence[Unit],
    states: Mapping[str, ItemState] | Iterable[ItemState],
    costs: Costs = Costs(),
    baseline: Mapping | None = None,
    done: int | None = None,
) -> Plan:
    """Plan every remaining unit over the days to the exam (or a rolling two weeks without one).

    Args:
        today: The current study day.
        settings: exam_date, hours_per_day, path, new_per_day, retention and steps.
        units: Cards not yet introduced and drills never attempted.
        states: Memory states of introduced items (for the review load).
        costs: Minutes per new card, review and drill.
        baseline: {"start": iso day, "total": units then} of the first plan for this exam date,
            to say whether the learner is ahead or behind.
        done: Units introduced since the baseline's start (None: its total minus ``units``).
    """
    values = list(states.values()) if isinstance(states, Mapping) else list(states)
    ordered = path_units(units, settings.path)
    cards_total = sum(u.kind == "card" for u in ordered)
    drills_total = len(ordered) - cards_total
    capacity = settings.hours_per_day * 60
    exam = settings.exam_date
    notes: list[str] = []
    if exam is None:
        span, intro_days = ROLLING_DAYS, ROLLING_DAYS
    elif exam <= today:
        # Exam day and after: no plan toward it is left, so the rolling plan takes over (as without
        # an exam date: the daily limits, hours planned), and it says so. Before, an empty plan left
        # "Hours today 0m of 0m planned" beside 20 new cards.
        rolling = make_plan(today, settings.model_copy(update={"exam_date": None}), units, values, costs)
        when = "the exam is today" if exam == today else f"the exam on {exam:%a %d %b %Y} has passed"
        return replace(rolling, exam_date=exam, feasible=False, message=(
            f"{when}: {rolling.message.removeprefix('no exam date: ')}; set the next exam date with "
            "`drill settings --exam-date YYYY-MM-DD`"))
    else:
        span = (exam - today).days  # study days before the exam
        if span > MAX_SPAN:
            notes.append(f"the exam is {span} days away: planning the next {MAX_SPAN} days, finishing early")
            span = MAX_SPAN
        # The last study day before the exam is for review, on the first plan and on every re-plan
        # after it (a sprint's final day never turns into a day of new cards).
        intro_days = span - 1
        if span == 1:
            notes.append("the exam is tomorrow: today is for review, no new material")
    load = review_load(values, today, span, settings)
    days: list[list[Unit]] = [[] for _ in range(span)]
    used = [load[i] * costs.review for i in range(span)]
    queue = list(ordered)
    cost = lambda u: u.minutes if u.minutes is not None else (costs.new_card if u.kind == "card" else costs.drill)  # noqa: E731
    for i in range(intro_days):
        if not queue:
            break
        if exam is None:
            take = [u for u in queue if u.kind == "card"][: settings.new_per_day]
            drill = next((u for u in queue if u.kind == "drill"), None)
            take += [drill] if drill else []
            chosen = [u for u in take if used[i] + cost(u) <= capacity or u is take[0]]
        else:
            target = _placeable(queue, settings.new_per_day * (intro_days - i), cost) / (intro_days - i)
            chosen, spent, cards = [], 0.0, 0
            for u in queue:
                if u.kind == "card" and cards >= settings.new_per_day:
                    # The learner's daily limit holds even with an exam date; it limits cards only,
                    # so the day's drills still come (in path order among drills) in the time left.
                    continue
                if used[i] + spent + cost(u) > capacity:
                    break
                if chosen and spent + cost(u) / 2 > target:
                    break
                cards += u.kind == "card"
                chosen.append(u)
                spent += cost(u)
        for u in chosen:
            queue.remove(u)
            days[i].append(u)
            used[i] += cost(u)
            for d, n in _unit_load(i, span, settings):
                load[d] += n
                used[d] += n * costs.review
    plan_days = []
    for i, chosen in enumerate(days):
        cards = tuple(u.id for u in chosen if u.kind == "card")
        groups: dict[str, int] = {}
        for u in chosen:
            if u.kind == "card":
                groups[f"{u.topic}/{u.resource}"] = groups.get(f"{u.topic}/{u.resource}", 0) + 1
        plan_days.append(PlanDay(today + timedelta(days=i), cards, groups, tuple(u.id for u in chosen if u.kind == "drill"),
                                 load[i], used[i], review_day=exam is not None and i >= intro_days))
    new_needed = 0
    planned_cards = sum(len(d.cards) for d in plan_days)
    planned_drills = sum(len(d.drills) for d in plan_days)
    over = [d for d in plan_days if d.minutes > capacity + 1e-6]
    if exam is None:
        feasible, message = True, (
            f"no exam date: a rolling {ROLLING_DAYS}-day plan at {settings.new_per_day} new cards a day"
            + (f"; {len(queue)} {'item waits' if len(queue) == 1 else 'items wait'} beyond it" if queue else ""))
    elif intro_days == 0:
        feasible = not queue
        message = ("the exam is tomorrow: today is for review"
                   + (f"; {cards_total} new cards and {drills_total} drills were not reached" if queue else ""))
    elif queue and not over and (needed := _needed_per_day(today, settings, units, values, costs, planned_cards)):
        feasible = False
        new_needed = needed
        message = (f"at {settings.new_per_day} new cards a day, {planned_cards} of {cards_total} new cards and "
                   f"{planned_drills} of {drills_total} drills fit before the exam")
    elif queue or over:
        need = sum(map(cost, ordered)) + sum(load) * costs.review
        feasible = False
        message = (
            f"not enough time: introducing everything needs about {need / 60:.0f} h before {today + timedelta(days=span - 1)}, "
            f"you have {capacity * span / 60:.0f} h. What fits: {planned_cards} of {cards_total} new cards and "
            f"{planned_drills} of {drills_total} drills (in path order). Study more hours a day, move the exam, "
            "or accept a gap."
        )
    else:
        feasible = True
        last = max((d.day for d in plan_days if d.cards or d.drills), default=today)
        message = (f"everything is introduced by {last:%a %d %b}; {today + timedelta(days=span - 1):%a %d %b} is kept for review"
                   if span > 1 else "everything fits today")
    return Plan(today, exam, tuple(plan_days), feasible, message, cards_total, drills_total, planned_cards,
                planned_drills, settings.hours_per_day, pace(today, exam, len(ordered), baseline, done), tuple(notes),
                new_needed)


def _placeable(queue: Sequence[Unit], card_room: int, cost) -> float:
    """Minutes of the queue the days left can take: every drill, and the cards the limit lets through."""
    cards = [u for u in queue if u.kind == "card"][:max(card_room, 0)]
    return sum(map(cost, cards)) + sum(cost(u) for u in queue if u.kind == "drill")


def _needed_per_day(today: date, settings: Settings, units: Sequence[Unit], states: list[ItemState], costs: Costs,
                    planned_cards: int) -> int:
    """New cards a day the plan would use without the daily limit; 0 when lifting it would not
    bring more cards before the exam (time, not the limit, holds them back)."""
    if settings.new_per_day >= 10**6:  # already the plan without the limit: no deeper (endless) re-plan
        return 0
    free = make_plan(today, settings.model_copy(update={"new_per_day": 10**6}), units, states, costs)
    if free.planned_cards <= planned_cards:
        return 0
    return max((len(d.cards) for d in free.days), default=0)


def plan_basis(settings: Settings) -> str:
    """The settings that shape a plan; a new baseline is taken when one of them changes."""
    return f"{settings.hours_per_day:g}h|{settings.new_per_day}new|{settings.path}"


def planned_per_day(plan: Plan) -> list[int]:
    """Units (new cards and first drills) the plan introduces on each of its days: a baseline's ``planned``."""
    return [len(d.cards) + len(d.drills) for d in plan.days]


def pace(today: date, exam: date | None, remaining: int, baseline: Mapping | None, done: int | None = None) -> str:
    """The pace in one wording everywhere: 'ahead of plan by N items', 'behind plan by N items', 'on plan'.

    Measured against the plan in force: the baseline (taken when the exam date or a setting that
    shapes the plan last changed) holds what that plan introduces each day, so a learner who does
    each day's plan is on plan, even when the new-card limit keeps the plan from fitting everything.
    A baseline without ``planned`` (older data) counts an even pace of introductions instead.
    ``done`` counts what was introduced since the baseline's start; without it, the baseline's
    total minus ``remaining`` (which new shipped cards would read as falling behind).
    """
    if exam is None or not baseline or baseline.get("exam_date") != exam.isoformat():
        return ""
    try:
        start = date.fromisoformat(baseline["start"])
        total = int(baseline["total"])
        planned = [int(n) for n in baseline.get("planned") or ()]
    except (KeyError, ValueError, TypeError):
        return ""
    elapsed = max((today - start).days, 0)
    if planned:
        expected_done = float(sum(planned[:elapsed]))
    else:
        intro = max((exam - start).days - 1, 1)
        expected_done = total * min(elapsed, intro) / intro
    done = total - remaining if done is None else done
    diff = round(done - expected_done)
    if diff > 0:
        return f"ahead of plan by {diff} item{'s' if diff != 1 else ''}"
    if diff < 0:
        return f"behind plan by {-diff} item{'s' if diff != -1 else ''}"
    return "on plan"
