"""Drill attempts: workspace from the starter, submissions with code, hints, closing → FSRS."""

from __future__ import annotations

from datetime import timedelta

import pytest

from drill.attempts import ATTEMPTS, ITEMS, REVIEWS, SUBMISSIONS, Attempts, rate_outcome
from drill.check.result import CheckResult
from drill.content.exercises import find_spec
from drill.errors import UsageError
from drill.models import ItemState, Settings
from drill.store import Store

BUDGET = timedelta(minutes=15)


@pytest.mark.parametrize("best, hints, subs, minutes, rating", [
    (4, 0, 1, 5, 1),        # never 5/5
    (0, 0, 0, 5, 1),        # never checked
    (5, 0, 0, 5, 1),        # no submission cannot be a pass
    (5, 0, 1, 5, 4),        # clean and quick
    (5, 0, 2, 15, 4),       # exactly the budget, two checks: still Easy
    (5, 0, 3, 5, 3),        # third check
    (5, 1, 1, 5, 3),        # one hint
    (5, 0, 1, 15.01, 3),    # just over the budget
    (5, 0, 1, 22.5, 3),     # exactly 1.5 × budget
    (5, 0, 1, 22.51, 2),    # over 1.5 × budget
    (5, 2, 1, 5, 2),        # two hints
    (5, 0, 5, 5, 3),        # five checks
    (5, 0, 6, 5, 2),        # six checks
])
def test_rate_outcome_table(best, hints, subs, minutes, rating):
    assert rate_outcome(best, hints, subs, timedelta(minutes=minutes), BUDGET) == rating


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def store(drill_home):
    with Store.open(drill_home) as s:
        yield s


@pytest.fixture
def spec():
    return find_spec("linear-dense")


def result(score: int, error_kind: str | None = None) -> CheckResult:
    from datetime import datetime, timezone

    return CheckResult(drill_id="linear-dense", score=score, metric="mse", lower_is_better=True,
                       bars=[1, .1, .01, .001, .0001], started_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
                       error_kind=error_kind, output_tail="x" * 10)


def test_start_copies_the_starter_into_a_fresh_workspace(store, drill_home, spec, now):
    attempts = Attempts(store, drill_home, Clock(now))
    a = attempts.start(spec)
    b = attempts.start(spec)
    assert a.id != b.id and a.workspace != b.workspace
    assert a.solution.read_text() == spec.starter_text()
    assert f'INSTANCE = "{spec.instance_id}"' in a.solution.read_text()
    assert a.solution.parent.parent == drill_home / "workspaces" / "linear-dense"
    assert (a.solution.parent / "task.md").is_file()
    assert store.get(ATTEMPTS, a.id)["drill_id"] == "linear-dense"
    assert attempts.latest("linear-dense").id in (a.id, b.id)


def test_a_former_variant_id_finds_its_instance_and_the_drills_schedule(store, drill_home, now):
    spec = find_spec("linear-dense-fahrenheit")
    attempts = Attempts(store, drill_home, Clock(now))
    a = attempts.start(spec)
    assert 'INSTANCE = "celsius-fahrenheit"' in a.solution.read_text()
    assert "Celsius" in (a.solution.parent / "task.md").read_text()
    assert (a.drill_id, a.instance, a.time_budget_min) == ("linear-dense", "celsius-fahrenheit", 20)
    assert attempts.latest("linear-dense").id == a.id


def test_fresh_attempts_rotate_instances_least_recently_solved_first(store, drill_home, now):
    from drill.content.exercises import exercises_root, load_exercises

    clock = Clock(now)
    attempts = Attempts(store, drill_home, clock)
    exercise = load_exercises(exercises_root()).exercises["linear-dense"]
    seen = []
    for _ in range(3):
        spec = attempts.fresh_spec(exercise)
        a = attempts.start(spec)
        attempts.record_submission(a.id, result(5))
        attempts.close(a.id)
        seen.append(a.instance)
        clock.now += timedelta(days=1)
    assert seen == exercise.instance_ids  # every instance once before any repeats
    assert attempts.fresh_spec(exercise).instance_id == seen[0]  # then the one solved longest ago
    assert attempts.best_by_instance(exercise) == dict.fromkeys(seen, 5)
    assert store.get(ATTEMPTS, a.id)["seed"] == exercise.instance("drawn-line").seed


def test_submissions_keep_a_copy_of_the_code_and_the_best_score(store, drill_home, spec, now):
    clock = Clock(now)
    attempts = Attempts(store, drill_home, clock)
    a = attempts.start(spec)
    a.solution.write_text("print('v1')\n")
    attempts.record_submission(a.id, result(2))
    clock.now += timedelta(minutes=1)
    a.solution.write_text("print('v2')\n")
    a2 = attempts.record_submission(a.id, result(1))
    assert (a2.submissions, a2.best_score, a2.last_score) == (2, 2, 1)
    subs = attempts.submissions(a.id)
    assert [s.code for s in subs] == ["print('v1')\n", "print('v2')\n"]
    assert subs[0].result["score"] == 2 and "output_tail" not in subs[0].result
    assert all(r["drill_id"] == "linear-dense" for r in store.records(SUBMISSIONS))


def test_a_cancelled_check_is_not_a_submission(store, drill_home, spec, now):
    attempts = Attempts(store, drill_home, Clock(now))
    a = attempts.start(spec)
    assert attempts.record_submission(a.id, result(0, "cancelled")).submissions == 0
    assert list(store.records(SUBMISSIONS)) == []


def test_hints_are_revealed_in_order_and_counted_once_each(store, drill_home, spec, now):
    attempts = Attempts(store, drill_home, Clock(now))
    a = attempts.start(spec)
    shown = [attempts.reveal_hint(a.id, spec) for _ in range(len(spec.hints) + 1)]
    assert [h for _, h in shown] == [*spec.hints, spec.hints[-1]]
    assert attempts.get(a.id).hints_used == len(spec.hints)


def test_close_rates_and_reviews_the_drill_item(store, drill_home, spec, now):
    clock = Clock(now)
    attempts = Attempts(store, drill_home, clock)
    a = attempts.start(spec)
    attempts.record_submission(a.id, result(5))
    clock.now += timedelta(minutes=10)
    closed, state = attempts.close(a.id, Settings(enable_fuzzing=False))
    assert closed.rating == 4 and closed.closed_at == clock.now
    assert state.kind == "drill" and state.id == "linear-dense" and state.last_review == clock.now
    assert ItemState.model_validate(store.get(ITEMS, "linear-dense")) == state
    reviews = list(store.records(REVIEWS))
    assert reviews[0]["rating"] == 4 and reviews[0]["kind"] == "drill" and reviews[0]["before"] is None
    with pytest.raises(UsageError, match="closed"):
        attempts.close(a.id)
    with pytest.raises(UsageError, match="closed"):
        attempts.reveal_hint(a.id, spec)


def test_a_failed_attempt_is_rated_again_and_due_the_next_study_day(store, drill_home, spec, now):
    from drill.schedule.studyday import due_on, is_due, study_day

    attempts = Attempts(store, drill_home, Clock(now))
    a = attempts.start(spec)
    attempts.record_submission(a.id, result(3))
    closed, state = attempts.close(a.id)  # settings read from the store (defaults)
    settings = Settings()
    assert closed.rating == 1 and state.due - now == timedelta(days=1)  # a drill's step is a day, not minutes
    assert due_on(state, settings) == study_day(now, settings) + timedelta(days=1)
    assert not is_due(state, now + timedelta(hours=3), settings)


def test_unknown_attempt_is_a_clear_error(store, drill_home):
    with pytest.raises(UsageError, match="no attempt"):
        Attempts(store, drill_home).get("nope")


def test_workspace_is_stored_relative_to_the_data_folder(store, drill_home, spec, now):
    attempts = Attempts(store, drill_home, Clock(now))
    a = attempts.start(spec)
    stored = store.get(ATTEMPTS, a.id)["workspace"]
    assert stored == f"workspaces/linear-dense/{a.id}" and not stored.startswith("/")
    assert attempts.get(a.id).solution == drill_home / "workspaces" / "linear-dense" / a.id / "solution.py"


def test_a_moved_data_folder_uses_its_own_workspaces(tmp_path, now, spec):
    """An absolute path from an older version, or a whole folder copied elsewhere, resolves in
    the folder the attempt is read from, never in the old location."""
    import shutil

    old = tmp_path / "old-home"
    with Store.open(old) as s:
        a = Attempts(s, old, Clock(now)).start(spec)
        raw = s.get(ATTEMPTS, a.id)
        s.put(ATTEMPTS, a.id, {**raw, "workspace": str(old / "workspaces" / "linear-dense" / a.id)})
    new = tmp_path / "new-home"
    shutil.copytree(old, new)
    shutil.rmtree(old)
    with Store.open(new) as s:
        moved = Attempts(s, new, Clock(now)).get(a.id)
        assert moved.solution == new / "workspaces" / "linear-dense" / a.id / "solution.py"
        assert moved.solution.is_file()
