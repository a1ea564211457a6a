"""The IO edge of the agenda: read the store once, plan from the start of today, build the Agenda.

The plan is made from the state as it was when the study day began (an item answered today is
taken at its state before today's first answer; a card met today counts as one of today's new
cards), so today's row, the new-card allowance and the pace stay the same all day and in every
process: the app, ``drill today``, ``drill plan`` and ``drill hours`` see the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from drill.models import ItemState, Review
from drill.progress.agenda import Agenda, build_agenda, new_planned
from drill.schedule.days import day_start, study_day
from drill.schedule.planner import Plan

ATTEMPTS = "attempts"
TIME_LOG = "time"


def start_of_day_states(states: Mapping[str, ItemState], today: Iterable[Review]) -> dict[str, ItemState]:
    """``states`` as they were before today's answers (first answer's ``before``; None = not met yet)."""
    out = dict(states)
    seen: set[str] = set()
    for review in sorted(today, key=lambda r: r.at):
        if review.item_id in seen:
            continue
        seen.add(review.item_id)
        if review.before is None or review.before.last_review is None:
            out.pop(review.item_id, None)
        else:
            out[review.item_id] = review.before
    return out


def _attempts(store) -> list[dict]:
    return [a for a in store.all(ATTEMPTS).values() if isinstance(a, dict) and a.get("drill_id")]


def _started(raw: dict) -> datetime | None:
    try:
        return datetime.fromisoformat(raw["started_at"])
    except (KeyError, TypeError, ValueError):
        return None


def minutes_on(store, day: date, settings) -> float:
    """Study minutes (app-tracked and logged) that count for ``day``."""
    start = day_start(day, settings)
    total = 0.0
    for rec in store.records(TIME_LOG, since=start - timedelta(days=1), until=start + timedelta(days=2)):
        if rec.get("day") == day.isoformat():
            try:
                total += float(rec.get("minutes") or 0)
            except (TypeError, ValueError):
                continue
    return total


_DRILLS: dict = {}


def shipped_drills() -> dict:
    """Every drill and variant (loaded once per process: exercises are shipped content)."""
    if "all" not in _DRILLS:
        from drill.progress.evidence import load_drills

        _DRILLS["all"] = load_drills()
    return _DRILLS["all"]


class DayPlanner:
    """Makes the plan for today over a StudySession (the shipped drills read once)."""

    def __init__(self, session):
        self.session = session
        self._drills = None

    @property
    def drills(self):
        if self._drills is None:
            self._drills = shipped_drills()
        return self._drills

    def plan(self, now: datetime, today_reviews: list[Review] | None = None) -> Plan:
        """Today's plan (a few ms: made afresh each time, so a suspended card or a new setting counts at once)."""
        s = self.session
        return self._make(now, study_day(now, s.settings), s.today_reviews(now) if today_reviews is None else today_reviews)

    def _make(self, now: datetime, day: date, today_reviews: list[Review]) -> Plan:
        from drill.progress.planning import BASELINE, PLAN_TABLE, parse_baseline, units_left
        from drill.schedule.planner import make_plan, plan_basis, planned_per_day

        s = self.session
        start = day_start(day, s.settings)
        states = start_of_day_states(s.states(), today_reviews)
        attempted = {a["drill_id"] for a in _attempts(s.store) if (t := _started(a)) is not None and t < start}
        units = units_left(s.cards, self.drills, states, attempted)
        baseline = s.store.get(PLAN_TABLE, BASELINE, parse=parse_baseline)
        exam = s.settings.exam_date.isoformat() if s.settings.exam_date else None
        introduced = [st for st in states.values() if st.last_review is not None]
        if exam and (not baseline or baseline.get("exam_date") != exam or baseline.get("basis") != plan_basis(s.settings)):
            # The pace is measured against the plan in force: a new baseline when the exam date,
            # the hours, the new-card limit or the path change (from the start of today's state).
            first = make_plan(day, s.settings, units, introduced)
            baseline = {"exam_date": exam, "start": day.isoformat(), "total": len(units),
                        "basis": plan_basis(s.settings), "planned": planned_per_day(first)}
            try:
                s.store.put(PLAN_TABLE, BASELINE, baseline)
            except Exception:  # noqa: BLE001 - pace is a nicety; the plan stands without it
                pass
        done = self._done_since(baseline, states, start) if baseline else None
        plan = make_plan(day, s.settings, units, introduced, baseline=baseline, done=done)
        # Today's row stays as planned at the start of the day; what the learner took up today
        # beyond it (a drill done early, extra new cards) leaves the later days.
        row = next((d for d in plan.days if d.day == day), None)
        planned_today = set(row.cards) | set(row.drills) if row else set()
        attempted_now = {a["drill_id"] for a in _attempts(s.store)}
        left_now = {u.id for u in units_left(s.cards, self.drills, s.states(), attempted_now)}
        early = {u.id for u in units} - left_now - planned_today
        if early:
            plan = make_plan(day, s.settings, [u for u in units if u.id not in early], introduced, baseline=baseline,
                             done=None if done is None else done + len(early))
        return plan

    def _done_since(self, baseline: dict, states: dict, today_start: datetime) -> int:
        """Units introduced from the baseline's start to the start of today: cards first answered,
        drills first attempted. Counted, not taken as the baseline's total minus what is left, so
        cards a new version of drill ships do not read as falling behind."""
        s = self.session
        since = day_start(date.fromisoformat(baseline["start"]), s.settings)
        cards = sum(1 for cid in s.cards if (st := states.get(cid)) is not None and st.last_review is not None
                    and since <= st.introduced < today_start)
        first: dict[str, datetime] = {}
        for a in _attempts(s.store):
            t = _started(a)
            if t is not None and (a["drill_id"] not in first or t < first[a["drill_id"]]):
                first[a["drill_id"]] = t
        drills = sum(1 for d, t in first.items() if d in self.drills and since <= t < today_start)
        return cards + drills

    def new_allowance(self, now: datetime) -> int:
        """New cards for today in all (the queue subtracts those already met)."""
        return new_planned(self.plan(now), self.session.settings)


def planner_of(session) -> DayPlanner:
    planner = getattr(session, "_day_planner", None)
    if planner is None:
        planner = session._day_planner = DayPlanner(session)
    return planner


def agenda_for(session, now: datetime | None = None) -> Agenda:
    """Today's agenda for ``session`` (one read of the store)."""
    now = now or session.clock()
    today = session.today_reviews(now)
    planner = planner_of(session)
    plan = planner.plan(now, today)
    card_reviews = [r for r in today if r.kind == "card"]
    queue = session._queue(now, card_reviews)
    day = study_day(now, session.settings)
    start = day_start(day, session.settings)
    attempts = sorted(_attempts(session.store), key=lambda a: str(a.get("started_at")), reverse=True)
    in_progress = tuple(dict.fromkeys(a["drill_id"] for a in attempts if a.get("closed_at") is None))
    done = {a["drill_id"] for a in attempts if (t := _started(a)) is not None and t >= start}
    return build_agenda(
        now=now, day=day, settings=session.settings, plan=plan, queue=queue, card_ids=session.cards.keys(),
        states=session.states(), done_today=len(card_reviews),
        new_done=sum(1 for r in card_reviews if r.before is None or r.before.last_review is None),
        minutes_done=minutes_on(session.store, day, session.settings), in_progress=in_progress, done_drills=done,
    )
