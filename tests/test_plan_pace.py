"""The plan under the new-card limit: drills keep their days, the limit is named whatever else is
short, and the pace is measured against the plan in force (doing each day's plan is "on plan")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from drill.attempts import Attempts
from drill.content.exercises import exercises_root, load_exercises
from drill.models import TOPICS, Settings
from drill.progress.planning import parse_baseline
from drill.progress.today import agenda_for
from drill.schedule.planner import Unit, make_plan, pace
from drill.session import StudySession
from helpers import Clock

TODAY = date(2026, 11, 24)


def units(n_cards: int, n_drills: int = 0) -> list[Unit]:
    out = [Unit(f"c{i}", "card", TOPICS[i % 5], "course", i) for i in range(n_cards)]
    return out + [Unit(f"d{i}", "drill", "nn", "practice", 1000 + i, 60.0) for i in range(n_drills)]


def settings(**kw) -> Settings:
    return Settings(enable_fuzzing=False, timezone="UTC", **kw)


def test_the_card_limit_leaves_the_drills_their_days():
    """Before: the limit stopped each day at its 20th card, so no drill (after the cards in path
    order) was ever planned: '0 of 22 drills fit' with 8 of 10 hours a day unused."""
    plan = make_plan(TODAY, settings(exam_date=TODAY + timedelta(days=4), hours_per_day=16, new_per_day=20), units(120, 3), [])
    assert [len(d.cards) for d in plan.days] == [20, 20, 20, 0]
    assert [d.drills for d in plan.days] == [("d0",), ("d1",), ("d2",), ()]  # spread, path order among drills
    assert plan.planned_drills == 3 and "3 of 3 drills" in plan.message


def test_the_limit_is_named_when_time_is_short_too():
    """Before: when even an unlimited plan could not fit everything, the limit's sentence and fix
    vanished and the plan said 'not enough time … needs 48 h … you have 60 h'."""
    s = settings(exam_date=TODAY + timedelta(days=5), hours_per_day=10, new_per_day=20)
    plan = make_plan(TODAY, s, units(600), [])
    assert plan.message.startswith("at 20 new cards a day, 80 of 600 new cards")
    assert plan.new_needed_per_day > 20
    free = make_plan(TODAY, s.model_copy(update={"new_per_day": plan.new_needed_per_day}), units(600), [])
    assert free.planned_cards > plan.planned_cards and "not enough time" in free.message
    assert make_plan(TODAY, s.model_copy(update={"hours_per_day": 1}), units(600), []).new_needed_per_day == 0


def test_pace_counts_what_the_plan_in_force_introduces_each_day():
    base = {"exam_date": "2026-12-01", "start": TODAY.isoformat(), "total": 408, "planned": [26, 27, 27, 27, 27, 27, 0]}
    exam = date(2026, 12, 1)
    assert pace(TODAY, exam, 408, base) == "on plan"
    assert pace(TODAY + timedelta(days=1), exam, 408 - 26, base) == "on plan"
    assert pace(TODAY + timedelta(days=2), exam, 408 - 26 - 20, base) == "behind plan by 7 items"
    assert pace(TODAY + timedelta(days=1), exam, 408 - 30, base) == "ahead of plan by 4 items"
    old = {k: base[k] for k in ("exam_date", "start", "total")}  # a baseline from before: an even pace
    assert pace(TODAY + timedelta(days=1), exam, 408 - 68, old) == "on plan"


def test_baselines_old_and_new_are_read_and_bad_ones_refused():
    old = {"exam_date": "2026-12-01", "start": "2026-11-24", "total": 5}
    assert parse_baseline(old) == old
    assert parse_baseline({**old, "basis": "10h|20new|repetition", "planned": [2, 3]})
    for bad in ({**old, "planned": [1, -1]}, {**old, "planned": "lots"}, {**old, "basis": 3}, {**old, "extra": 1}):
        with pytest.raises(ValueError):
            parse_baseline(bad)


def do_the_days_plan(session: StudySession, attempts: Attempts) -> None:
    drills = load_exercises(exercises_root()).exercises
    for drill_id in agenda_for(session).drills_planned:
        attempts.start(drills[drill_id].spec())
    while ids := session.queue().ids:
        session.answer(ids[0], 3)
        session.clock.advance(seconds=20)


def test_a_learner_who_does_each_days_plan_stays_on_plan(store):
    """Before: measured against an even pace of all 408 items, which the 20-a-day limit cannot
    reach, a learner who did exactly the day's plan read 'behind plan by 48 items' the next day."""
    clock = Clock(datetime(2026, 11, 24, 9, tzinfo=timezone.utc))
    session = StudySession(store, clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC", exam_date=date(2026, 12, 1), hours_per_day=10)
    attempts = Attempts(store, store.home, clock)
    for day in range(3):
        clock.now = datetime(2026, 11, 24, 9, tzinfo=timezone.utc) + timedelta(days=day)
        agenda = agenda_for(session)
        assert agenda.pace == "on plan", agenda.day
        assert agenda.limit_warning and agenda.drills_planned  # the limit holds cards back, not drills
        do_the_days_plan(session, attempts)
    clock.now += timedelta(days=1)
    session.save_settings(new_per_day=60)  # the fix the limit's sentence offers: a new plan, a new baseline
    assert agenda_for(session).pace == "on plan" and agenda_for(session).new_planned > 20


EXTRA = """
## t-extra-one
skills: nn.build
resource: course

What does `compile` fix before training?

---

The optimizer, the loss and the metrics.

## t-extra-two
skills: nn.build
resource: book

What does `evaluate` return?

---

The loss and the metrics on the data it is given.
"""


def test_cards_a_new_version_ships_do_not_read_as_falling_behind(store, tmp_path):
    """Before: the pace was the baseline's total minus what is left, so two new shipped cards
    read 'behind plan by 2 items' on a day nothing was due yet."""
    from drill.content.decks import load_decks
    from helpers import DECK, write_deck

    clock = Clock(datetime(2026, 11, 24, 9, tzinfo=timezone.utc))
    session = StudySession(store, decks=load_decks(write_deck(tmp_path / "v1").parent), clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC", exam_date=date(2026, 12, 1), hours_per_day=10)
    assert agenda_for(session).pace == "on plan"
    upgraded = StudySession(store, decks=load_decks(write_deck(tmp_path / "v2", DECK + EXTRA).parent), clock=clock)
    assert len(upgraded.cards) == len(session.cards) + 2
    assert agenda_for(upgraded).pace == "on plan"
