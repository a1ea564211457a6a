"""The study day's agenda, pure: one model every screen and command reads (Today, Review, Drills,
Plan, Stats, ``drill today``, ``drill plan``, ``drill hours``).

Inputs are plain data (the card queue, item states, today's slice of the plan, drill states,
attempts in progress, minutes studied) and the clock; nothing here reads the store. The IO edge
that gathers them is ``drill.progress.today``.

Words used everywhere (one wording, one number):
- *review*: review-state cards due now; *learning*: cards in their (re)learning steps that come
  up now (due, or due within the learn-ahead window); *new*: new cards still to meet today.
  review + learning + new is the queue the Review screen works through.
- *new today*: the plan's new cards for today (with an exam date the plan chooses how many, never
  more than the new-cards-a-day limit; without one, the limit).
- *pace*: ``drill.schedule.planner.pace`` (ahead of plan / behind plan / on plan).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from drill.models import ItemState, Settings, utc
from drill.schedule.planner import Plan, PlanDay
from drill.schedule.studyday import is_due  # the one due rule (review items by study day, steps by the minute)
from drill.stats import MATURE_DAYS
from drill.wording import count

GROUPS_SHOWN = 3  # topic/resource groups named before "+N more"
SETTINGS_KEY = "S"  # the Settings screen's key on Today (named in the limit's fix)


def is_buried(state: ItemState | None, now: datetime) -> bool:
    return state is not None and state.buried_until is not None and state.buried_until > utc(now)


def card_counts(card_ids: Iterable[str], states: Mapping[str, ItemState], now: datetime) -> dict[str, int]:
    """Cards by state; every card in exactly one bucket (a buried card is 'buried', not 'new')."""
    counts = {"new": 0, "learning": 0, "young": 0, "mature": 0, "buried": 0, "suspended": 0}
    for cid in card_ids:
        s = states.get(cid)
        if s is not None and s.suspended:
            counts["suspended"] += 1
        elif is_buried(s, now):
            counts["buried"] += 1
        elif s is None or s.last_review is None:
            counts["new"] += 1
        elif s.state != 2:
            counts["learning"] += 1
        elif (s.due - s.last_review).days >= MATURE_DAYS:
            counts["mature"] += 1
        else:
            counts["young"] += 1
    return counts


@dataclass(frozen=True)
class NextAction:
    """What to do next: the app names the key, the command line the command."""

    text: str
    key: str
    command: str
    drill: str = ""  # the drill it names, if any (the Drills screen puts its cursor there)

    def in_app(self, back: str = "") -> str:
        """The step with its key; ``back``: the key that first returns to a screen where that key works
        (Review's done view says "press q, then d")."""
        if not self.key:
            return self.text
        keys = f"{back}, then {self.key}" if back else self.key
        return f"{self.text} (press {keys}{', then Enter' if self.drill else ''})"

    def in_cli(self) -> str:
        return f"{self.text}: `{self.command}`" if self.command else self.text


@dataclass(frozen=True)
class Agenda:
    day: date
    exam_date: date | None
    review: int
    learning: int
    new: int
    later_today: int
    done_today: int  # card answers today
    new_done: int  # new cards met today
    new_planned: int  # the plan's new cards for today (met or not)
    new_limit: int  # the new-cards-a-day setting
    new_needed: int  # what the plan would need a day (> new_limit: the limit holds cards back)
    new_waiting: int  # new cards not in today's queue (path, limit)
    groups: tuple[tuple[str, int], ...]  # today's new cards by "topic/resource", path order
    drills_due: tuple[str, ...]
    drills_planned: tuple[str, ...]
    drills_in_progress: tuple[str, ...]
    drills_done: tuple[str, ...]  # of today's planned drills, those attempted and closed today (ticked)
    expected_reviews: float
    minutes_planned: float
    minutes_done: float
    hours_per_day: float
    pace: str
    plan_message: str
    limit_warning: str
    review_day: bool
    counts: dict[str, int] = field(default_factory=dict)
    next: NextAction = NextAction("", "", "")
    queue_ids: tuple[str, ...] = ()  # the Review screen's study order (review + learning + new of them)

    @property
    def queue_size(self) -> int:
        return self.review + self.learning + self.new

    @property
    def exam_in_days(self) -> int | None:
        return None if self.exam_date is None else (self.exam_date - self.day).days

    def groups_text(self, shown: int = GROUPS_SHOWN) -> str:
        """'nn/course 12, img/course 8 +5 more' — complete, or saying how many are left out."""
        return groups_text(self.groups, shown=shown)

    def counts_line(self) -> str:
        """The Review header and Today's status share this line."""
        return f"review {self.review} · learning {self.learning} · new {self.new} · done {self.done_today}"

    def plan_line(self) -> str:
        if self.review_day:
            return f"Plan today: review day, ~{count(round(self.expected_reviews), 'review')}"
        parts = [f"{self.new_planned} new" + (f" ({self.groups_text()})" if self.groups else "")]
        if self.drills_planned:  # named up to GROUPS_SHOWN, the rest counted (the Drills screen lists them all)
            shown, rest = self.drills_planned[:GROUPS_SHOWN], len(self.drills_planned) - GROUPS_SHOWN
            parts.append("drills " + ", ".join(d + (" ✓" if d in self.drills_done else "") for d in shown)
                         + (f" +{rest} more" if rest > 0 else ""))
        parts.append(f"~{count(round(self.expected_reviews), 'review')}")
        return "Plan today: " + ", ".join(parts)

    def hours_line(self) -> str:
        from drill.hours import format_minutes

        return f"Hours today {format_minutes(self.minutes_done)} of {format_minutes(self.minutes_planned)} planned"

    def exam_when(self) -> str:
        """'in 7 days', 'today', '2 days ago' ('' without an exam date)."""
        if self.exam_date is None:
            return ""
        return exam_when(self.exam_date, self.day)

    def exam_line(self) -> str:
        if self.exam_date is None:
            return "No exam date"
        return f"Exam {self.exam_date:%a %d %b} ({self.exam_when()})" + (f" · {self.pace}" if self.pace else "")

    def as_json(self) -> dict:
        return {
            "day": self.day.isoformat(), "exam_date": self.exam_date.isoformat() if self.exam_date else None,
            "exam_in_days": self.exam_in_days, "review": self.review, "learning": self.learning, "new": self.new,
            "queue": self.queue_size, "later_today": self.later_today, "done_today": self.done_today,
            "new_done": self.new_done, "new_planned": self.new_planned, "new_limit": self.new_limit,
            "new_needed": self.new_needed, "new_waiting": self.new_waiting,
            "groups": {k: v for k, v in self.groups}, "drills_due": list(self.drills_due),
            "drills_planned": list(self.drills_planned), "drills_in_progress": list(self.drills_in_progress),
            "drills_done": list(self.drills_done),
            "expected_reviews": round(self.expected_reviews, 1), "hours_planned": round(self.minutes_planned / 60, 2),
            "hours_done": round(self.minutes_done / 60, 2), "hours_per_day": self.hours_per_day, "pace": self.pace,
            "plan": self.plan_message, "limit_warning": self.limit_warning, "review_day": self.review_day,
            "counts": dict(self.counts),
            "next": {"text": self.next.text, "key": self.next.key, "command": self.next.command, "drill": self.next.drill or None},
        }


def groups_text(groups: Iterable[tuple[str, int]], *, shown: int = 99, width: int = 10**6) -> str:
    """Groups as 'nn/course 12, img/course 8 +5 more': at most ``shown`` groups and ``width``
    characters; what is left out is counted, never silently dropped."""
    groups = list(groups)
    out = ""
    for i, (k, v) in enumerate(groups):
        part = f"{', ' if out else ''}{k} {v}"
        rest = sum(n for _, n in groups[i + 1:])
        tail = f" +{rest} more" if rest else ""
        if i >= shown or len(out + part + tail) > width:
            left = sum(n for _, n in groups[i:])
            return f"{out} +{left} more" if out else f"+{left} more"
        out += part
    return out


def names_text(names: Sequence[str], width: int) -> str:
    """'a, b +2 more' within ``width`` characters."""
    out = ""
    for i, name in enumerate(names):
        part = f"{', ' if out else ''}{name}"
        tail = f" +{len(names) - i - 1} more" if i < len(names) - 1 else ""
        if len(out + part + tail) > width:
            return f"{out} +{len(names) - i} more" if out else f"+{len(names) - i} more"
        out += part
    return out


def exam_when(exam: date, today: date) -> str:
    from drill.wording import in_days

    return in_days((exam - today).days)


def plan_summary(plan: Plan, agenda: Agenda, *, app: bool) -> list[str]:
    """The lines above the plan's table, on the Plan screen and in `drill plan` (same words, same numbers)."""
    head = f"Exam {plan.exam_date:%a %d %b %Y} ({agenda.exam_when()})" if plan.exam_date else "No exam date: rolling plan"
    lines = [f"{head} · {plan.hours_per_day:g} h a day", plan.message[:1].upper() + plan.message[1:]]
    if agenda.pace:
        lines.append(f"Pace: {agenda.pace}")
    if agenda.limit_warning:
        lines.append(agenda.limit_warning)
    lines += [f"Note: {n}" for n in plan.notes]
    lines.append(f"{agenda.plan_line()} · {agenda.hours_line()}")
    lines.append("Next: " + (agenda.next.in_app() if app else agenda.next.in_cli()))  # the Plan screen has Today's keys
    return lines


def today_row(plan: Plan) -> PlanDay | None:
    return next((d for d in plan.days if d.day == plan.today), None)


def new_planned(plan: Plan | None, settings: Settings) -> int:
    """New cards for today: the plan's row (within the limit), else the limit itself."""
    row = today_row(plan) if plan is not None else None
    return settings.new_per_day if row is None else min(len(row.cards), settings.new_per_day)


def limit_warning(needed: int, limit: int) -> str:
    """The one sentence every place shows when the daily limit holds the plan back (with the fix)."""
    if needed <= limit:
        return ""
    return (f"The plan needs {needed} new cards a day but your limit is {limit}: raise it with "
            f"`drill settings --new-per-day {needed}` (or {SETTINGS_KEY} › Settings in the app).")


def next_action(due_now: int, ahead: int, new: int, drills_due: Sequence[str], drills_planned: Sequence[str],
                in_progress: Sequence[str], done_drills: set[str], limit_note: str) -> NextAction:
    """One next step that agrees with the plan and the Review screen's order: an attempt in
    progress first, then cards due now, due drills, today's new cards, learning cards coming up
    within minutes, today's planned drills; then the limit's fix if it holds cards back."""
    if in_progress:
        d = in_progress[0]
        return NextAction(f"finish your {d} attempt", "d", f"drill check {d}", d)  # its workspace's solution.py
    if due_now:
        return NextAction(f"answer {count(due_now, 'card')} due now", "r", "drill review")  # review or learning: not the Review tile alone
    if drills_due:
        return NextAction(f"redo the due drill {drills_due[0]}", "d", f"drill new {drills_due[0]}", drills_due[0])
    if new:
        return NextAction(f"learn {count(new, 'new card')}", "r", "drill review")
    if ahead:
        return NextAction(f"finish {count(ahead, 'learning card')} (due within minutes)", "r", "drill review")
    todo = [d for d in drills_planned if d not in done_drills]
    if todo:
        return NextAction(f"start today's planned drill {todo[0]}", "d", f"drill new {todo[0]}", todo[0])
    if limit_note:
        return NextAction("today's cards are done; the plan needs a higher new-card limit", SETTINGS_KEY,
                          "drill settings --new-per-day N")
    return NextAction("today's plan is done", "", "")


def build_agenda(
    *,
    now: datetime,
    day: date,
    settings: Settings,
    plan: Plan | None,
    queue,
    card_ids: Iterable[str],
    states: Mapping[str, ItemState],
    done_today: int,
    new_done: int,
    minutes_done: float,
    in_progress: Sequence[str] = (),
    done_drills: Iterable[str] = (),
) -> Agenda:
    """Put the study day together.

    Args:
        now: The clock.
        day: The current study day.
        settings: The learner's settings.
        plan: The plan from the start of today (None: no plan could be made).
        queue: ``drill.schedule.queue.Queue`` built with today's new allowance.
        card_ids: Every card id.
        states: Stored states of cards and drills, by id.
        done_today: Card answers today.
        new_done: New cards met today.
        minutes_done: Study minutes logged or tracked today.
        in_progress: Drill ids with an open attempt, most recent first.
        done_drills: Drill ids attempted today.
    """
    learning = sum(1 for i in queue.due if (s := states.get(i)) is not None and s.state != 2) + len(queue.ahead)
    review = len(queue.due) - (learning - len(queue.ahead))
    counts = card_counts(card_ids, states, now)
    drills_due = tuple(sorted(
        k for k, s in states.items()
        if s.kind == "drill" and is_due(s, now, settings)
    ))
    row = today_row(plan) if plan is not None else None
    needed = plan.new_needed_per_day if plan is not None else 0
    warning = limit_warning(needed, settings.new_per_day)
    drills_planned = row.drills if row else ()
    return Agenda(
        day=day, exam_date=settings.exam_date, review=review, learning=learning, new=len(queue.new),
        later_today=queue.due_later_today, done_today=done_today, new_done=new_done,
        new_planned=new_planned(plan, settings), new_limit=settings.new_per_day, new_needed=max(needed, 0),
        new_waiting=counts["new"] - len(queue.new), groups=tuple(row.groups.items()) if row else (),
        drills_due=drills_due, drills_planned=drills_planned, drills_in_progress=tuple(in_progress),
        drills_done=tuple(d for d in drills_planned if d in set(done_drills) and d not in in_progress),
        expected_reviews=row.reviews if row else 0.0, minutes_planned=row.minutes if row else 0.0,
        minutes_done=minutes_done, hours_per_day=settings.hours_per_day, pace=plan.pace if plan else "",
        plan_message=plan.message if plan else "", limit_warning=warning, review_day=bool(row and row.review_day),
        counts=counts, queue_ids=tuple(queue.ids),
        next=next_action(len(queue.due), len(queue.ahead), len(queue.new), drills_due, drills_planned, in_progress,
                         set(done_drills), warning),
    )
