"""A simulated learner: 7 days to the exam, one sitting a day at a random hour, a fake clock.

Driven through the services the app and the CLI use (StudySession, Attempts) on the shipped
decks and drills. Each sitting the learner clears the card queue, closes every due drill and starts one new one. Checked
every day: no review is a study day late, no item is due after the exam, no drill is due again
on the study day it was closed. (More per-day checks hook in at ``check_sitting``.)
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import pytest

from drill.attempts import Attempts
from drill.check.result import CheckResult
from drill.content.exercises import exercises_root, load_exercises
from drill.schedule.studyday import by_study_day, day_start, due_on, is_due, study_day
from drill.session import StudySession
from drill.store import Store
from helpers import Clock

ZONE = "Europe/Berlin"
FIRST_DAY = date(2026, 11, 24)
EXAM = FIRST_DAY + timedelta(days=7)
SEEDS = (1, 2, 3)


def check_result(drill_id: str, score: int) -> CheckResult:
    return CheckResult(drill_id=drill_id, score=score, metric="mse", lower_is_better=True,
                       bars=[1, .1, .01, .001, .0001], started_at=datetime(2026, 1, 1, tzinfo=timezone.utc))


class Learner:
    """Answers with a seeded mix of ratings; one sitting per study day at a random hour."""

    def __init__(self, session: StudySession, attempts: Attempts, seed: int):
        self.session, self.attempts = session, attempts
        self.rng = random.Random(seed)
        loaded = load_exercises(exercises_root())
        self.drills = {ex.id: ex.spec() for ex in sorted(loaded.exercises.values(), key=lambda e: e.id)[:6]}
        self.closed_on: dict[str, date] = {}

    def sitting_time(self, day: date) -> datetime:
        """A random moment of the study day: 1 to 19 hours after its 04:00 rollover (up to 23:00), so a
        sitting of a few hours ends inside its study day (one that ran into the exam day would
        review on the exam day itself, where no cap applies)."""
        return day_start(day, self.session.settings) + timedelta(hours=self.rng.uniform(1, 19))

    def study_cards(self) -> int:
        answered = 0
        while ids := self.session.queue().ids:
            rating = self.rng.choices((1, 2, 3, 4), weights=(1, 1, 6, 2))[0]
            self.session.answer(ids[0], rating)
            self.session.clock.advance(seconds=40)
            answered += 1
            assert answered < 2000, "the queue never empties"
        return answered

    def close_drills(self) -> list[str]:
        """Close an attempt at every due drill, then one at a drill never tried (if any is left)."""
        states = self.session.states()
        now, settings = self.session.clock(), self.session.settings
        due = [d for d in self.drills if d in states and is_due(states[d], now, settings)]
        fresh = [d for d in self.drills if d not in states][:1]
        for drill_id in due + fresh:
            attempt = self.attempts.start(self.drills[drill_id])
            self.session.clock.advance(minutes=self.rng.randint(10, 40))
            self.attempts.record_submission(attempt.id, check_result(drill_id, self.rng.choice((3, 5, 5))), code="x")
            self.attempts.close(attempt.id, settings)
            self.closed_on[drill_id] = study_day(self.session.clock(), settings)
        return due + fresh


def check_sitting_start(session: StudySession, today: date) -> None:
    """Before studying: whatever is due by study day fell due today, not on a day already past."""
    now, settings = session.clock(), session.settings
    for state in session.states().values():
        if by_study_day(state) and is_due(state, now, settings):
            assert due_on(state, settings) == today, f"{state.id} is a study day late ({due_on(state, settings)})"


def check_sitting(session: StudySession, learner: Learner, today: date) -> None:
    """After studying: nothing due after the exam; a drill closed today is not due again today."""
    settings = session.settings
    end_of_day = day_start(today + timedelta(days=1), settings) - timedelta(seconds=1)
    for state in session.states().values():
        day = due_on(state, settings)
        # A sitting late on the last evening can run past the rollover into the exam's own
        # study day; what is answered then may be scheduled after it (the exam is under way).
        answered_before_exam = state.last_review is not None and study_day(state.last_review, settings) < EXAM
        if answered_before_exam:
            assert day <= EXAM, f"{state.id} is due on {day}, after the exam on {EXAM}"
        if state.kind == "drill" and learner.closed_on.get(state.id) == today:
            assert day > today and not is_due(state, end_of_day, settings), f"drill {state.id} due again today"
    assert session.queue(end_of_day - timedelta(minutes=30)).due == ()  # nothing by study day left for later


@pytest.mark.parametrize("seed", SEEDS)
def test_a_week_to_the_exam_one_sitting_a_day(drill_home, seed):
    store = Store.open(drill_home)
    try:
        clock = Clock(datetime(2026, 11, 24, 8, tzinfo=timezone.utc))
        session = StudySession(store, clock=clock)
        session.save_settings(timezone=ZONE, rollover_hour=4, exam_date=EXAM, new_per_day=15)
        learner = Learner(session, Attempts(store, drill_home, clock), seed)
        reviews_by_day = []
        for offset in range(7):
            today = FIRST_DAY + timedelta(days=offset)
            clock.now = learner.sitting_time(today)
            assert study_day(clock.now, session.settings) == today
            check_sitting_start(session, today)
            reviews_by_day.append(learner.study_cards())
            learner.close_drills()
            check_sitting(session, learner, today)
        assert all(n > 0 for n in reviews_by_day)
        assert len(learner.closed_on) >= 2
    finally:
        store.close()


# ----------------------------------------------------------- the agenda, seen from every place
# (the agenda helper's part: one sitting a day, at a random hour and at a random point of it, every
# place that shows the study day's numbers shows the agenda's: Today, the Review header, the Drills
# screen, the Plan's row, Stats, `drill today --json`, `drill plan --json`, `drill hours`)
async def test_a_week_to_the_exam_every_place_shows_the_days_agenda(drill_home, monkeypatch, capsys):
    from drill.progress.today import agenda_for
    from surfaces import app_numbers, assert_same_everywhere, cli_numbers

    store = Store.open(drill_home)
    try:
        clock = Clock(datetime(2026, 11, 24, 8, tzinfo=timezone.utc))
        monkeypatch.setattr("drill.session.utc_now", clock)  # `drill today`/`plan`/`hours` read the same clock
        session = StudySession(store, clock=clock)
        session.save_settings(timezone=ZONE, rollover_hour=4, exam_date=EXAM, new_per_day=15, hours_per_day=10,
                              enable_fuzzing=False)
        learner = Learner(session, Attempts(store, drill_home, clock), seed=11)
        planned_new = []
        for offset in range(7):
            today = FIRST_DAY + timedelta(days=offset)
            clock.now = learner.sitting_time(today)
            for _ in range(learner.rng.randint(0, 25)):  # part of the sitting done when the learner looks
                ids = session.queue().ids
                if not ids:
                    break
                session.answer(ids[0], learner.rng.choices((1, 2, 3, 4), weights=(1, 1, 6, 2))[0])
                clock.advance(seconds=40)
            agenda = agenda_for(session)
            assert agenda.day == today and agenda.exam_in_days == 7 - offset
            assert_same_everywhere(agenda, await app_numbers(session), cli_numbers(capsys))
            planned_new.append(agenda.new_planned)
            learner.study_cards()
            learner.close_drills()
            assert agenda_for(session).new_planned == agenda.new_planned  # the day's plan held all sitting
        assert planned_new[-1] == 0  # the last day before the exam is kept for review
    finally:
        store.close()
