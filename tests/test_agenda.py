"""One agenda for the study day: its numbers add up, and every screen and command shows the same ones."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

from drill.attempts import Attempts
from drill.content.exercises import exercises_root, load_exercises
from drill.models import ItemState
from drill.progress.agenda import groups_text, limit_warning, names_text, next_action
from drill.progress.today import agenda_for, planner_of
from drill.session import StudySession
from helpers import Clock, make_decks
from surfaces import app_numbers, assert_same_everywhere, cli_numbers

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)


def play(session: StudySession, clock: Clock, rng: random.Random, days: int, per_day: int) -> None:
    """A learner's past days: answers at random hours, now and then a bury or a suspend."""
    for _ in range(days):
        for _ in range(rng.randint(0, per_day)):
            queue = session.queue()
            if not queue.ids:
                break
            card = queue.ids[0]
            roll = rng.random()
            if roll < 0.05:
                session.bury(card)
            elif roll < 0.08:
                session.suspend(card)
            else:
                session.answer(card, rng.choice([1, 2, 3, 3, 3, 4]))
            clock.advance(minutes=rng.randint(0, 30))
        clock.advance(days=1, hours=rng.randint(-3, 3))


# --------------------------------------------------------------------------- pure parts
def test_groups_are_complete_or_say_how_many_are_left_out():
    groups = [("dev/course", 8), ("nn/course", 12), ("img/course", 9), ("nlp/course", 12)]
    assert groups_text(groups) == "dev/course 8, nn/course 12, img/course 9, nlp/course 12"
    assert groups_text(groups, shown=3) == "dev/course 8, nn/course 12, img/course 9 +12 more"
    assert groups_text(groups, width=28) == "dev/course 8 +33 more"  # never cut mid-word, the rest counted
    assert names_text(["a-drill", "b-drill", "c-drill"], 18) == "a-drill +2 more"
    assert names_text(["a", "b"], 18) == "a, b"


def test_the_limit_sentence_and_its_fix():
    assert limit_warning(20, 20) == ""
    assert limit_warning(57, 20) == ("The plan needs 57 new cards a day but your limit is 20: raise it with "
                                     "`drill settings --new-per-day 57` (or S › Settings in the app).")


def test_next_action_prefers_an_attempt_in_progress_then_follows_the_review_order():
    assert next_action(4, 0, 5, ("d1",), ("d2",), ("d0",), set(), "").text == "finish your d0 attempt"
    assert next_action(4, 1, 5, ("d1",), ("d2",), (), set(), "").text == "answer 4 cards due now"
    assert next_action(0, 1, 5, ("d1",), ("d2",), (), set(), "").text == "redo the due drill d1"
    assert next_action(0, 1, 5, (), ("d2",), (), set(), "").text == "learn 5 new cards"  # before cards due in minutes
    assert next_action(0, 1, 0, (), ("d2",), (), set(), "").text == "finish 1 learning card (due within minutes)"
    step = next_action(0, 0, 0, (), ("d2",), (), set(), "")
    assert (step.text, step.key, step.command) == ("start today's planned drill d2", "d", "drill new d2")
    assert next_action(0, 0, 0, (), ("d2",), (), {"d2"}, "").text == "today's plan is done"
    assert next_action(0, 0, 0, (), (), (), set(), "warn").key == "S"


# ------------------------------------------------------------------ property: it adds up
@hsettings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), days=st.integers(0, 4), per_day=st.integers(0, 40),
       exam_in=st.one_of(st.none(), st.integers(2, 20)), limit=st.integers(0, 60), hours=st.sampled_from([1.0, 4.0, 10.0]))
def test_agenda_numbers_add_up_over_random_histories(tmp_path_factory, seed, days, per_day, exam_in, limit, hours):
    from drill.store import Store

    home = tmp_path_factory.mktemp("home")
    rng = random.Random(seed)
    clock = Clock(NOW)
    store = Store.open(home)
    try:
        session = StudySession(store, clock=clock)
        session.save_settings(enable_fuzzing=False, timezone="UTC", new_per_day=limit, hours_per_day=hours,
                              exam_date=(NOW.date() + timedelta(days=days + exam_in)).isoformat() if exam_in else None)
        play(session, clock, rng, days, per_day)
        a = agenda_for(session)
        queue = session.queue()
        assert a.review + a.learning + a.new == len(queue.ids) == len(a.queue_ids)
        assert sum(n for _, n in a.groups) == a.new_planned  # topics sum to the total
        assert a.new_planned <= limit and a.new <= max(a.new_planned - a.new_done, 0)
        assert sum(a.counts.values()) == len(session.cards)
        assert a.new_waiting >= 0 and a.counts["new"] == a.new + a.new_waiting  # Today's "wait" + new = Stats' new
        plan = planner_of(session).plan(clock())
        assert plan == planner_of(session).plan(clock())  # the day's plan is the same every time it is read
        assert (a.limit_warning != "") == (a.new_needed > limit)
    finally:
        store.close()


def test_answering_today_keeps_the_days_plan(store):
    clock = Clock(NOW)
    session = StudySession(store, clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC", exam_date=(NOW.date() + timedelta(days=7)).isoformat())
    before = agenda_for(session)
    for _ in range(5):
        session.answer(session.queue().ids[0], 3)
        clock.advance(minutes=1)
    after = agenda_for(session)
    assert (after.new_planned, after.groups, after.drills_planned) == (before.new_planned, before.groups, before.drills_planned)
    assert after.new_done == 5 and after.done_today == 5
    assert after.new == before.new - 5


def test_a_drill_done_early_leaves_the_later_days_and_today_keeps_its_plan(store):
    clock = Clock(NOW)
    session = StudySession(store, clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC")
    plan = planner_of(session).plan(clock())
    today, later = plan.days[0], [d for d in plan.days[1:] if d.drills]
    early = later[0].drills[0]  # a drill the plan keeps for another day, done today
    exercise = load_exercises(exercises_root()).exercises[early]
    Attempts(store, store.home, clock).start(exercise.spec())
    clock.advance(minutes=5)
    after = planner_of(session).plan(clock())
    assert after.days[0].drills == today.drills and after.days[0].cards == today.cards
    assert all(early not in d.drills for d in after.days), "a drill done today is still planned for a later day"


def test_a_planned_drill_closed_today_is_ticked_in_todays_plan(store):
    """Today's row keeps its drills; one attempted and closed today shows as done (✓), one still open does not."""
    clock = Clock(NOW)
    session = StudySession(store, clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC", exam_date=(NOW.date() + timedelta(days=7)).isoformat())
    planned = agenda_for(session).drills_planned
    assert len(planned) >= 2
    exercises = load_exercises(exercises_root()).exercises
    attempts = Attempts(store, store.home, clock)
    closed = attempts.start(exercises[planned[0]].spec())
    clock.advance(minutes=5)
    attempts.close(closed.id)
    attempts.start(exercises[planned[1]].spec())  # still open
    clock.advance(minutes=1)
    agenda = agenda_for(session)
    assert agenda.drills_planned == planned and agenda.drills_done == (planned[0],)
    assert f"{planned[0]} ✓" in agenda.plan_line() and f"{planned[1]} ✓" not in agenda.plan_line()


def test_a_buried_new_card_counts_once_as_buried(store):
    session = StudySession(store, clock=Clock(NOW))
    first = session.queue().new[0]
    session.bury(first)
    a = agenda_for(session)
    assert a.counts["buried"] == 1 and first not in a.queue_ids
    assert a.counts["new"] == a.new + a.new_waiting == len(session.cards) - 1


def test_learning_cards_stay_learning_after_a_restart(store):
    clock = Clock(NOW)
    session = StudySession(store, clock=clock)
    for _ in range(3):
        session.answer(session.queue().new[0], 1)  # Again: learning step of a minute
    first = agenda_for(session)
    clock.advance(minutes=30)
    restarted = agenda_for(StudySession(store, clock=clock))
    assert first.learning == restarted.learning == 3 and first.review == restarted.review == 0


# ------------------------------------------------------------- the same numbers everywhere
@pytest.fixture
def busy_day(store, drill_home, monkeypatch):
    """A learner two days in, exam in 7 days, a drill due, an attempt open, time logged."""
    clock = Clock(NOW - timedelta(days=2))
    monkeypatch.setattr("drill.session.utc_now", clock)
    session = StudySession(store, clock=clock)
    session.save_settings(enable_fuzzing=False, timezone="UTC", hours_per_day=10,
                          exam_date=(NOW.date() + timedelta(days=7)).isoformat())
    play(session, clock, random.Random(7), 2, 30)
    clock.now = NOW
    past = NOW - timedelta(days=3)
    store.put("items", "linear-dense", ItemState(id="linear-dense", kind="drill", state=2, stability=2.0, difficulty=5.0,
                                                  due=NOW - timedelta(hours=1), last_review=past, introduced=past)
              .model_dump(mode="json"))
    Attempts(store, drill_home, clock).start(load_exercises(exercises_root()).exercises["digits-dense"].spec(None))
    for _ in range(4):
        session.answer(session.queue().ids[0], 3)
    from drill.progress.timebook import TimeBook

    TimeBook(store, session.settings, clock).log("1h15m", topic="nn", resource="book")
    return session


async def test_today_review_drills_plan_stats_and_commands_agree(busy_day, capsys):
    agenda = agenda_for(busy_day)
    assert agenda.drills_due == ("linear-dense",) and agenda.drills_in_progress
    assert agenda.limit_warning  # 300-odd cards in 6 days do not fit in 20 a day
    app = await app_numbers(busy_day)
    cli = cli_numbers(capsys)
    assert agenda_for(busy_day) == agenda  # reading them changed nothing
    assert_same_everywhere(agenda, app, cli)
    assert agenda.next.text == f"finish your {agenda.drills_in_progress[0]} attempt"
