"""Statistics, pure: per-day aggregates of the logs, forecasts, true retention, counts, text charts.

The review log is summed once per day file into a small aggregate (``day_reviews``) that
``drill.progress.daily`` caches, so the stats screen never re-reads years of raw reviews.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from drill.models import ItemState, Settings
from drill.schedule.days import study_day
from drill.schedule.studyday import due_on

MATURE_DAYS = 21


# ------------------------------------------------------------------------- per-day aggregates
def day_reviews(records: Iterable[dict], settings: Settings) -> dict[str, dict]:
    """Sum raw review records by study day.

    Per day: ``n`` answers, ``cards``/``drills``, ``new`` first answers, ``ratings`` [4],
    ``ms`` time spent, and true retention counts: ``young``/``mature`` = [passed, failed] over
    reviews of review-state items (the first review of that item that day; Again = fail;
    mature = scheduled interval ≥ 21 days).
    """
    out: dict[str, dict] = {}
    seen: set[tuple[str, str]] = set()
    for rec in records:
        try:
            at = datetime.fromisoformat(rec["at"])
            day = study_day(at, settings).isoformat()
            rating = int(rec["rating"])
        except (KeyError, ValueError, TypeError):
            continue
        agg = out.setdefault(day, {"n": 0, "cards": 0, "drills": 0, "new": 0, "ratings": [0, 0, 0, 0], "ms": 0,
                                   "young": [0, 0], "mature": [0, 0]})
        agg["n"] += 1
        agg["drills" if rec.get("kind") == "drill" else "cards"] += 1
        if 1 <= rating <= 4:
            agg["ratings"][rating - 1] += 1
        agg["ms"] += int(rec.get("duration_ms") or 0)
        before = rec.get("before")
        if not before or not before.get("last_review"):
            agg["new"] += 1
            continue
        key = (day, rec.get("item_id", ""))
        if before.get("state") != 2 or key in seen:
            continue
        seen.add(key)
        try:
            interval = (datetime.fromisoformat(before["due"]) - datetime.fromisoformat(before["last_review"])).days
        except (KeyError, ValueError, TypeError):
            interval = 0
        bucket = agg["mature" if interval >= MATURE_DAYS else "young"]
        bucket[0 if rating > 1 else 1] += 1
    return out


def day_time(records: Iterable[dict]) -> dict[str, dict]:
    """Sum time entries by study day: ``total``, ``topic``, ``resource`` (minutes)."""
    out: dict[str, dict] = {}
    for rec in records:
        try:
            day, minutes = str(rec["day"]), float(rec["minutes"])
        except (KeyError, ValueError, TypeError):
            continue
        agg = out.setdefault(day, {"total": 0.0, "topic": {}, "resource": {}})
        agg["total"] += minutes
        topic = rec.get("topic") or "other"
        resource = rec.get("resource") or ("app" if rec.get("source") == "app" else "unspecified")
        agg["topic"][topic] = agg["topic"].get(topic, 0.0) + minutes
        agg["resource"][resource] = agg["resource"].get(resource, 0.0) + minutes
    return out


def merge_days(parts: Iterable[Mapping[str, dict]]) -> dict[str, dict]:
    """Add per-day aggregates from several day files (a study day can straddle two UTC files)."""
    out: dict[str, dict] = {}
    for part in parts:
        for day, agg in part.items():
            out[day] = _add(out[day], agg) if day in out else agg
    return out


def _add(a, b):
    if isinstance(a, dict):
        return {k: _add(a[k], b[k]) if k in a and k in b else a.get(k, b.get(k)) for k in {*a, *b}}
    if isinstance(a, list):
        return [x + y for x, y in zip(a, b)]
    return a + b


# ---------------------------------------------------------------------------- derived stats
@dataclass(frozen=True)
class Retention:
    young: tuple[int, int]  # passed, failed
    mature: tuple[int, int]

    @staticmethod
    def rate(pair: tuple[int, int]) -> float | None:
        return pair[0] / sum(pair) if sum(pair) else None


def retention(reviews: Mapping[str, dict], first: date | None = None) -> Retention:
    young, mature = [0, 0], [0, 0]
    for day, agg in reviews.items():
        if first is not None and date.fromisoformat(day) < first:
            continue
        for total, part in ((young, agg["young"]), (mature, agg["mature"])):
            total[0] += part[0]
            total[1] += part[1]
    return Retention((young[0], young[1]), (mature[0], mature[1]))


def forecast(states: Iterable[ItemState], today: date, settings: Settings, days: int = 30) -> list[int]:
    """Items falling due on each of the next ``days`` study days (overdue ones count today)."""
    out = [0] * days
    for s in states:
        day = due_on(s, settings)  # the study-day rule every "due" count shares
        if s.suspended or day is None:
            continue
        index = max((day - today).days, 0)
        if index < days:
            out[index] += 1
    return out


def drill_history(subs: Iterable, categories: Mapping[str, str], settings: Settings) -> dict[str, list[tuple[str, float]]]:
    """Per category: (study day, best score that day), in day order."""
    best: dict[str, dict[str, float]] = {}
    for s in subs:
        cat = categories.get(s.drill_id)
        if cat is None:
            continue
        day = study_day(s.at, settings).isoformat()
        days = best.setdefault(cat, {})
        days[day] = max(days.get(day, 0.0), s.score)
    return {c: sorted(d.items()) for c, d in best.items()}


# ------------------------------------------------------------------------------ text charts
@dataclass
class StatsData:
    """Everything the stats screen shows, computed once."""

    today: date
    minutes_by_day: dict[str, float] = field(default_factory=dict)
    by_topic: dict[str, float] = field(default_factory=dict)
    by_resource: dict[str, float] = field(default_factory=dict)
    reviews_by_day: dict[str, int] = field(default_factory=dict)
    forecast: list[int] = field(default_factory=list)
    retention_all: Retention | None = None
    retention_month: Retention | None = None
    counts: dict[str, int] = field(default_factory=dict)
    drills: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    readiness_history: list[tuple[str, float, float]] = field(default_factory=list)  # day, expected %, pass
    readiness: object | None = None
    goal_hours: float | None = None  # the daily target (settings.hours_per_day): the hours chart's goal line
    today_line: str = ""  # "Hours today … of … planned", from the day's agenda (same words as Today)
