"""Mock exam rules on a fixed clock: task choice, countdown across a restart, best score, pass bar."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from drill.errors import UsageError
from drill.exam import Exam, ExamBook, ExamSubmission, ExamTask, choose_tasks, review_lines
from drill.store import Store
from helpers import Clock

CANDIDATES = {
    "regression": [("linear-dense", "celsius-fahrenheit"), ("tabular-regression", None)],
    "classic": [("digits-dense", None)],
    "vision": [("digits-conv", None)],
    "text": [("text-binary", None)],
    "series": [("series-dense", None)],
}


def test_one_task_per_category_least_recently_seen():
    now = datetime(2026, 11, 24, tzinfo=timezone.utc)
    seen = {"linear-dense": now - timedelta(days=3)}
    tasks = choose_tasks(CANDIDATES, seen, random.Random(0))
    assert [t.category for t in tasks] == ["regression", "classic", "vision", "text", "series"]
    assert tasks[0].drill_id == "tabular-regression"  # never seen beats seen 3 days ago
    seen["tabular-regression"] = now
    task = choose_tasks(CANDIDATES, seen, random.Random(0))[0]
    assert (task.spec_id, task.instance) == ("linear-dense", "celsius-fahrenheit")


def test_missing_category_is_refused():
    with pytest.raises(UsageError, match="series"):
        choose_tasks({k: v for k, v in CANDIDATES.items() if k != "series"}, {}, random.Random(0))


def make_exam(scores: list[int], weights=None) -> Exam:
    start = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    tasks = []
    for category, score in zip(["regression", "classic", "vision", "text", "series"], scores):
        task = ExamTask(category=category, drill_id="d", weight=(weights or {}).get(category, 1.0))
        if score is not None:
            task.submissions.append(ExamSubmission(at=start, score=score, sample_seed=1))
        tasks.append(task)
    return Exam(id="e", started_at=start, tasks=tasks)


@pytest.mark.parametrize(("scores", "percent", "passed"), [
    ([5, 5, 5, 5, 5], 100.0, True),
    ([5, 5, 5, 5, 4], 96.0, True),
    ([5, 5, 5, 4, 4], 92.0, True),
    ([5, 5, 4, 4, 4], 88.0, False),
    ([5, 5, 5, 5, 0], 80.0, False),  # one task at 0/5 alone puts the 90 % bar out of reach
])
def test_total_and_pass_bar(scores, percent, passed):
    exam = make_exam(scores)
    assert exam.percent() == pytest.approx(percent) and exam.passed() is passed


def test_weights_change_the_total():
    exam = make_exam([5, 5, 5, 5, 0], weights={"series": 0.5})
    assert exam.percent() == pytest.approx(100 * 4 / 4.5)


def test_best_submission_counts_and_review_says_what_cost_points():
    exam = make_exam([None, 5, 5, 5, 5])
    exam.tasks[0].submissions.extend([
        ExamSubmission(at=exam.started_at, score=4, sample_seed=1),
        ExamSubmission(at=exam.started_at, score=2, sample_seed=2, error="output shape (None, 2) but the task expects (None, 1)"),
    ])
    assert exam.tasks[0].best == 4
    assert review_lines(exam) == ["regression: best 4/5 after 2 submissions. The last problem was: output shape (None, 2) but the task expects (None, 1)"]


def test_tasks_never_submitted_share_one_line():
    """Before: an exam ended at once listed the same sentence five times on the result screen."""
    exam = make_exam([None, None, 5, None, 3])
    assert review_lines(exam) == [
        "regression, classic, text: never submitted, so 0/5 each in this exam's score (even a rough model is worth "
        "points there); readiness leaves them out.",
        "series: best 3/5 after 1 submission.",
    ]


def test_countdown_survives_a_restart_and_closes_itself(drill_home):
    clock = Clock(datetime(2026, 11, 24, 9, tzinfo=timezone.utc))
    store = Store.open(drill_home)
    book = ExamBook(store, clock)
    exam = book.start(choose_tasks(CANDIDATES, {}, random.Random(1)), duration_min=60)
    with pytest.raises(UsageError, match="already running"):
        book.start(exam.tasks)
    clock.advance(minutes=25)
    book.submit(exam.id, "classic", 4, 0.91, sample_seed=7)
    store.close()

    clock.advance(minutes=20)  # the app was closed for 20 minutes: the clock kept running
    store = Store.open(drill_home)
    book = ExamBook(store, clock)
    running = book.current()
    assert running is not None and running.id == exam.id
    assert running.remaining(clock()) == timedelta(minutes=15)
    assert running.tasks[1].best == 4

    clock.advance(minutes=16)
    assert book.current() is None  # time ran out while closed: ended at the deadline
    ended = book.all()[-1]
    assert ended.ended_at == exam.deadline and ended.time_used(clock()) == timedelta(minutes=60)
    with pytest.raises(UsageError, match="over"):
        book.submit(exam.id, "classic", 5, 0.99, sample_seed=8)
    store.close()


def test_ending_early(drill_home):
    clock = Clock(datetime(2026, 11, 24, 9, tzinfo=timezone.utc))
    store = Store.open(drill_home)
    book = ExamBook(store, clock)
    exam = book.start(choose_tasks(CANDIDATES, {}, random.Random(1)))
    clock.advance(minutes=30)
    ended = book.end(exam.id)
    assert ended.time_used(clock()) == timedelta(minutes=30) and ended.remaining(clock()) == timedelta(0)
    assert book.current() is None
    store.close()
