"""Watch mode's rules in the workbench, with the check itself stood in for (no TensorFlow):
a newer save stops a running check and starts over; in a mock exam a save runs only the fast
lane and is never a submission, and a save during a submission does not stop it.

The fast lane and the training check are real elsewhere (tests/test_watch_mode.py,
tests/test_check_*.py); here they are replaced by stand-ins that the test releases step by
step, so what is asserted is the screen's own bookkeeping."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest

from drill.check import fastlane, runner
from drill.check.fastlane import FastResult
from drill.check.result import CheckResult
from drill.exam import ExamBook
from drill.session import StudySession
from drill.tui.app import DrillApp
from drill.tui.screens.exam import ExamTaskScreen
from helpers import Clock, make_decks
from test_tui_drills import open_drill


class StandIn:
    """Replaces run_fastlane (always passes) and run_check (waits for release or cancel)."""

    def __init__(self, monkeypatch) -> None:
        self.fast_calls = 0
        self.checks: list[str] = []  # the file's text each full check was started on
        self.release = threading.Event()
        monkeypatch.setattr(fastlane, "run_fastlane", self.run_fastlane)
        monkeypatch.setattr(runner, "run_check", self.run_check)

    def run_fastlane(self, spec, solution, *, cancel=None, **_):
        self.fast_calls += 1
        return FastResult("build", [], 0.1)

    def run_check(self, spec, solution, *, on_event=None, cancel=None, **_):
        self.checks.append(solution.read_text())
        while not self.release.wait(0.02):
            if cancel is not None and cancel.is_set():
                return self.result(spec, 0, "cancelled")
        self.release.clear()
        return self.result(spec, 3, None)

    @staticmethod
    def result(spec, score: int, kind: str | None) -> CheckResult:
        return CheckResult(drill_id=spec.id, score=score, metric="mse", lower_is_better=True, bars=[1, .1, .01, .001, .0001],
                           value=0.05 if kind is None else None, started_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
                           error_kind=kind, error_message="cancelled" if kind else "")


async def until(pilot, condition, tries: int = 100) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition never became true")


@pytest.fixture
def stand_in(monkeypatch):
    return StandIn(monkeypatch)


def notes(app) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_a_newer_save_stops_the_running_check_and_checks_again(store, tmp_path, now, stand_in):
    app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="drills")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drill(pilot, app, "linear-dense")
        screen.editor.text = "first = 1\n"
        await pilot.press("f6")  # watch on: saves, fast lane, then the full check
        await until(pilot, lambda: len(stand_in.checks) == 1)
        assert "watching" in str(screen.query_one("#bench-bar").content)
        screen.editor.text = "second = 2\n"
        await pilot.press("ctrl+s")  # a newer save while the first check trains
        await until(pilot, lambda: len(stand_in.checks) == 2)
        assert stand_in.checks == ["first = 1\n", "second = 2\n"] and stand_in.fast_calls == 2
        attempt = screen.attempts.get(screen.attempt_id)
        assert attempt.submissions == 0  # the stopped check is not recorded
        stand_in.release.set()
        await until(pilot, lambda: not screen.checking)
        assert screen.attempts.get(screen.attempt_id).submissions == 1  # the second one is


@pytest.fixture
def exam_app(store, tmp_path, now):
    return DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="exam")


async def test_in_an_exam_watch_mode_runs_only_the_fast_lane_and_never_submits(exam_app, store, stand_in):
    app = exam_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "y")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamTaskScreen)
        screen.editor.text = "draft = 1\n"
        await pilot.press("f6")
        await until(pilot, lambda: stand_in.fast_calls == 1 and not screen.checking)
        assert "nothing submitted" in notes(app) and "ctrl+r submits" in notes(app)
        assert "fast lane only" in str(screen.query_one("#bench-bar").content)
        assert "nothing submitted: ctrl+r submits" in str(screen.query_one("#tp-status").render())
        screen.editor.text = "draft = 2\n"
        await pilot.press("ctrl+s")  # another save: the fast lane again, still no submission
        await until(pilot, lambda: stand_in.fast_calls == 2 and not screen.checking)
        assert stand_in.checks == []
        assert ExamBook(store, app.session.clock).current().tasks[0].submissions == []
        assert screen.active_bindings["ctrl+r"].binding.description == "Submit"  # the footer says which key submits

        await pilot.press("ctrl+r")  # the explicit key submits
        await until(pilot, lambda: len(stand_in.checks) == 1)
        screen.editor.text = "draft = 3\n"
        await pilot.press("ctrl+s")  # a save during the submission does not stop it
        await pilot.pause(0.3)
        assert "A submission is running" in notes(app)
        stand_in.release.set()
        await until(pilot, lambda: stand_in.fast_calls == 3 and not screen.checking)  # the fast lane follows it
        task = ExamBook(store, app.session.clock).current().tasks[0]
        assert len(task.submissions) == 1 and task.best == 3
        assert stand_in.checks == ["draft = 2\n"]
