"""The planner's inputs: what is left to introduce, and the stored baseline for pace (the plan
itself is made in one place, ``drill.progress.today.DayPlanner``)."""

from __future__ import annotations

from drill.models import ItemState
from drill.progress.evidence import DrillInfo
from drill.schedule.planner import CATEGORY_TOPIC, Unit

PLAN_TABLE = "plan"
BASELINE = "baseline"
BASELINE_FIELDS = {"exam_date", "start", "total", "basis", "planned"}


def parse_baseline(doc: object) -> dict:
    """The stored plan baseline (``{"exam_date", "start", "total"}``, and from this version on
    ``basis`` and ``planned``: the settings it was made under and the units it introduces each
    day), checked: a bad one is a DataError naming drill.json (``Store.get(..., parse=)``), never
    a silently wrong pace."""
    from datetime import date

    if not isinstance(doc, dict) or not {"exam_date", "start", "total"} <= set(doc) <= BASELINE_FIELDS:
        raise ValueError("a plan baseline has the fields exam_date, start and total (and basis, planned)")
    date.fromisoformat(doc["exam_date"])
    date.fromisoformat(doc["start"])
    if type(doc["total"]) is not int or doc["total"] < 0:
        raise ValueError(f"total must be a whole number ≥ 0, got {doc['total']!r}")
    if "basis" in doc and not isinstance(doc["basis"], str):
        raise ValueError(f"basis must be text, got {doc['basis']!r}")
    planned = doc.get("planned", [])
    if not isinstance(planned, list) or any(type(n) is not int or n < 0 for n in planned):
        raise ValueError(f"planned must be a list of whole numbers ≥ 0, got {planned!r}")
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
