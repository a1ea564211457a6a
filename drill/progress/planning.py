"""Gather the planner's inputs from the store and content, and keep the baseline for pace."""

from __future__ import annotations

from datetime import datetime

from drill.models import ItemState, Settings
from drill.progress.evidence import DrillInfo, item_states, load_drills
from drill.schedule.days import study_day
from drill.schedule.planner import CATEGORY_TOPIC, Plan, Unit, make_plan

PLAN_TABLE = "plan"
BASELINE = "baseline"


def parse_baseline(doc: object) -> dict:
    """The stored plan baseline (``{"exam_date", "start", "total"}``), checked: a bad one is a
    DataError naming drill.json (``Store.get(..., parse=)``), never a silently wrong pace."""
    from datetime import date

    if not isinstance(doc, dict) or set(doc) != {"exam_date", "start", "total"}:
        raise ValueError("a plan baseline has exactly the fields exam_date, start and total")
    date.fromisoformat(doc["exam_date"])
    date.fromisoformat(doc["start"])
    if type(doc["total"]) is not int or doc["total"] < 0:
        raise ValueError(f"total must be a whole number ≥ 0, got {doc['total']!r}")
    return doc


def units_left(cards: dict, drills: dict[str, DrillInfo], states: dict[str, ItemState], attempted: set[str]) -> list[Unit]:
    """Cards never reviewed and drills (not variants) never attempted."""
    units = []
    for card in cards.values():
        state = states.get(card.id)
        if state is None or (state.last_review is None and not state.suspended):
            units.append(Unit(card.id, "card", card.topic, card.resource, card.order))
    for i, d in enumerate(sorted(drills.values(), key=lambda d: d.id)):
        if d.parent is not None:
            continue
        family = {d.id} | {v.id for v in drills.values() if v.parent == d.id}
        if family & attempted or any(states.get(f) is not None for f in family):
            continue
        units.append(Unit(d.id, "drill", CATEGORY_TOPIC.get(d.category, "nn"), "practice", 10**6 + i, float(d.time_budget_min)))
    return units


def plan_for(store, settings: Settings, cards: dict, now: datetime, *, drills: dict[str, DrillInfo] | None = None,
             save_baseline: bool = True, states: dict[str, ItemState] | None = None) -> Plan:
    drills = load_drills() if drills is None else drills
    states = item_states(store) if states is None else states
    from drill.progress.daily import load_daily

    attempted = {s.drill_id for s in load_daily(store.home, settings).submissions}
    units = units_left(cards, drills, states, attempted)
    today = study_day(now, settings)
    baseline = store.get(PLAN_TABLE, BASELINE, parse=parse_baseline)
    exam = settings.exam_date.isoformat() if settings.exam_date else None
    if save_baseline and exam and (not baseline or baseline.get("exam_date") != exam):
        baseline = {"exam_date": exam, "start": today.isoformat(), "total": len(units)}
        try:
            store.put(PLAN_TABLE, BASELINE, baseline)
        except Exception:  # noqa: BLE001 - pace is a nicety
            pass
    introduced = [s for s in states.values() if s.last_review is not None]
    return make_plan(today, settings, units, introduced, baseline=baseline)
