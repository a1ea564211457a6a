"""The mock exam end to end in the app, and the score wobble of sampled held-out data."""

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from drill.check.metrics import SAMPLE_FRACTION, sample_rows
from drill.exam import ExamBook
from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.exam import ExamScreen, ExamTaskScreen
from helpers import Clock, make_decks


def test_sample_rows_keeps_pairs_aligned_and_is_reproducible():
    x = np.arange(50).reshape(25, 2)
    y = np.arange(25)
    xs, ys = sample_rows(x, y, seed=3)
    assert len(ys) == round(25 * SAMPLE_FRACTION) and (xs[:, 0] == ys * 2).all()
    again = sample_rows(x, y, seed=3)
    assert (again[1] == ys).all()
    other = sample_rows(x, y, seed=4)
    assert not np.array_equal(other[1], ys)
    texts, labels = sample_rows([f"t{i}" for i in range(25)], list(range(25)), seed=3)
    assert texts == [f"t{i}" for i in labels]
    (a, b), _ = sample_rows((x, x * 10), y, seed=5)
    assert (b == a * 10).all()


@pytest.fixture
def app(store, tmp_path, now):
    return DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="exam")


async def test_start_mini_exam_shows_five_tasks_and_countdown(app, store):
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, ExamScreen)
        await pilot.press("m")
        assert type(app.screen).__name__ == "ConfirmScreen" and ExamBook(store, app.session.clock).current() is None
        await pilot.press("escape")  # cancelled: no clock started
        assert ExamBook(store, app.session.clock).current() is None
        await pilot.press("m", "y")
        exam = ExamBook(store, app.session.clock).current()
        assert exam is not None and exam.duration_min == 60
        assert [t.category for t in exam.tasks] == ["regression", "classic", "vision", "text", "series"]
        assert app.screen.query_one("DataTable").row_count == 5
        assert "1:00:00 left" in str(app.screen.query_one("#countdown").content)
        await pilot.press("ctrl+x")
        assert "never submitted" in str(app.screen.query_one("#detail").render())
        await pilot.press("n")  # not ended
        assert ExamBook(store, app.session.clock).current() is not None
        await pilot.press("ctrl+x", "y")
        assert ExamBook(store, app.session.clock).current() is None
        result = str(app.screen.query_one("#exam-text").content)
        assert "FAIL" in result  # nothing submitted: 0 %
        assert "How this counts in readiness" in result and "count neither way" in result


@pytest.mark.slow
async def test_exam_task_submission_is_scored_on_a_sample_and_recorded(app, store):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "y")
        await pilot.press("enter")  # first row: the regression task
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamTaskScreen) and screen.category == "regression"
        screen.query_one("#code").text = screen.spec.solution.read_text()
        await pilot.press("ctrl+r")
        for _ in range(480):
            await pilot.pause(0.5)
            if not screen.checking:
                break
        exam = ExamBook(store, app.session.clock).current()
        task = exam.tasks[0]
        assert len(task.submissions) == 1 and task.best == 5 and task.submissions[0].sample_seed > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)
        assert "5/5" in str(app.screen.query_one("DataTable").get_row("regression"))


WOBBLE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import keras
    from drill.check.grader import heldout_split
    from drill.check.metrics import compute, sample_rows, score
    from drill.content.exercises import find_spec
    spec = find_spec("digits-dense")
    model = keras.models.load_model(sys.argv[1], compile=False)
    x, y = heldout_split(spec.heldout, model, spec.instance_id)
    scores = []
    for seed in range(1, 9):
        xs, ys = sample_rows(x, y, seed)
        value = compute(spec.metric.name, model.predict(xs, verbose=0), ys)
        scores.append(score(value, spec.metric.bars, spec.metric.lower_is_better))
    print(json.dumps(scores))
    """
)


@pytest.mark.slow
def test_wobble_of_one_model_over_samples_stays_within_one_point(tmp_path):
    from drill.check.runner import run_check
    from drill.content.exercises import find_spec

    spec = find_spec("digits-dense")
    solution = tmp_path / "solution.py"
    solution.write_text(spec.solution.read_text())
    result = run_check(spec, solution)
    assert result.score == 5, result.summary
    out = subprocess.run([sys.executable, "-c", WOBBLE, str(tmp_path / "mymodel.h5")], capture_output=True, text=True, timeout=300)
    scores = json.loads(out.stdout.strip().splitlines()[-1])
    assert len(scores) == 8 and max(scores) - min(scores) <= 1, scores
