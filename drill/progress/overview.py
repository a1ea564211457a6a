"""Everything the stats screen, Today's panels and the benchmark read, computed in one pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from drill.models import Settings
from drill.progress.daily import load_daily
from drill.progress.evidence import DrillInfo, build_evidence, item_states, load_drills, snapshot
from drill.progress.planning import units_left
from drill.readiness import Readiness, assess
from drill.schedule.days import study_day
from drill.schedule.planner import Plan, make_plan
from drill.progress.agenda import card_counts
from drill.stats import StatsData, drill_history, forecast, retention


@dataclass
class Overview:
    stats: StatsData
    readiness: Readiness
    plan: Plan
    agenda: object | None = None  # drill.progress.agenda.Agenda when read through a session
    left_out: list[dict] = field(default_factory=list)  # damaged day files the figures leave out


def overview(store, settings: Settings, cards: dict, now: datetime, *, drills: dict[str, DrillInfo] | None = None,
             save: bool = True, plan: Plan | None = None, agenda=None) -> Overview:
    """Stats, readiness and plan from one read of the store (and the daily cache).

    ``plan`` and ``agenda`` (from ``drill.progress.today``) make the screens show the day's plan
    and card counts exactly as Today does; without them they are worked out here.
    """
    drills = load_drills() if drills is None else drills
    today = study_day(now, settings)
    daily = load_daily(store.home, settings)
    states = item_states(store)
    ready = assess(build_evidence(store, settings, cards, drills, now, states=states, subs=daily.submissions))
    if save:
        try:
            snapshot(store, settings, ready)
        except Exception:  # noqa: BLE001 - a snapshot is a nicety
            pass
    attempted = {s.drill_id for s in daily.submissions}
    introduced = [s for s in states.values() if s.last_review is not None]
    from drill.progress.planning import BASELINE, PLAN_TABLE, parse_baseline

    if plan is None:
        plan = make_plan(today, settings, units_left(cards, drills, states, attempted), introduced,
                         baseline=store.get(PLAN_TABLE, BASELINE, parse=parse_baseline))
    month = today - timedelta(days=29)
    stats = StatsData(
        today=today,
        minutes_by_day={d: a["total"] for d, a in sorted(daily.time.items())},
        reviews_by_day={d: a["n"] for d, a in sorted(daily.reviews.items())},
        forecast=forecast(states.values(), today, settings, 30),
        retention_all=retention(daily.reviews),
        retention_month=retention(daily.reviews, month),
        counts=agenda.counts if agenda is not None else card_counts(cards, states, now),
        drills=drill_history(daily.submissions, {k: d.category for k, d in drills.items()}, settings),
        readiness_history=[(r["day"], r.get("expected") or 0.0, r.get("pass") or 0.0) for r in daily.readiness if r.get("day")],
        readiness=ready,
        goal_hours=settings.hours_per_day,
        today_line=agenda.hours_line() if agenda is not None else "",
    )
    for agg in daily.time.values():
        for key, bucket in (("topic", stats.by_topic), ("resource", stats.by_resource)):
            for k, v in agg[key].items():
                bucket[k] = bucket.get(k, 0.0) + v
    return Overview(stats, ready, plan, agenda, daily.left_out)
