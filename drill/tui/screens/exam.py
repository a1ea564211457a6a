"""Mock exam: five tasks, one per category, a countdown that keeps running while drill is closed.

Exam tasks use the workbench like drills do; every check is a submission scored on a fresh
sample of the held-out data (the exam's scores wobbled too), and the best score counts.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from drill.attempts import Attempts
from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec, exercises_root, find_exercise, load_exercises
from drill.errors import DrillError
from drill.exam import Exam, ExamBook, ExamTask, choose_tasks, last_seen, review_lines, task_workspace
from drill.tui.screens.help import HelpScreen, keys_of
from drill.tui.screens.workbench import WorkbenchScreen
from drill.wording import count, shorten


def clock_text(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class ExamTaskScreen(WorkbenchScreen):
    """One exam task: no hints, no reference; submissions go to the exam."""

    BINDINGS = [Binding("ctrl+r", "check", "Submit")]
    help_note = ("Like the exam: write the model, ctrl+r submits and scores it; submit as often as you like, the best score counts. "
                 "Watch mode (f6) runs only the fast lane on save: a save is never a submission.")
    watch_runs_full_check = False

    def __init__(self, spec: DrillSpec, exam_id: str, category: str) -> None:
        super().__init__(spec)
        self.exam_id = exam_id
        self.category = category

    @property
    def book(self) -> ExamBook:
        session = self.app.session  # type: ignore[attr-defined]
        return ExamBook(session.store, session.clock)

    def exam(self) -> Exam:
        return next(e for e in self.book.all() if e.id == self.exam_id)

    def task(self) -> ExamTask:
        return next(t for t in self.exam().tasks if t.category == self.category)

    def solution_path(self) -> Path:
        home = self.app.session.store.home  # type: ignore[attr-defined]
        return task_workspace(home, self.exam(), self.task(), self.spec)

    def status_text(self) -> str:
        exam, task = self.exam(), self.task()
        left = exam.remaining(self.app.session.clock())  # type: ignore[attr-defined]
        return f"exam · {self.category} · best {task.best}/5 · {count(len(task.submissions), 'submission')} · {clock_text(left)} left"

    def can_check(self) -> str | None:
        if self.exam().is_over(self.app.session.clock()):  # type: ignore[attr-defined]
            return "The exam is over: no more submissions."
        return None

    def check_options(self) -> dict:
        self._seed = random.randrange(1, 2**31)
        return {"sample_seed": self._seed}

    def record(self, result: CheckResult) -> None:
        error = result.error_message or (result.problems[0].message if result.problems else "")
        try:
            self.book.submit(self.exam_id, self.category, result.score, result.value, self._seed, error)
        except DrillError as err:
            self.notify(str(err), title="Submission not recorded", severity="error")


class ExamScreen(Screen[None]):
    """Start, follow and finish a mock exam."""

    BINDINGS = [
        Binding("s", "start(300)", "Start 5 h exam"),
        Binding("m", "start(60)", "Start 1 h mini exam"),
        Binding("enter", "open_task", "Open task"),
        Binding("ctrl+x", "end", "End exam"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q,escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    ExamScreen #countdown { height: 3; content-align: center middle; text-style: bold; width: 100%; border: round $accent; }
    ExamScreen DataTable { height: auto; max-height: 9; margin: 1 0; }
    ExamScreen #exam-text { margin: 0 2; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="countdown")
        yield DataTable(cursor_type="row", id="tasks")
        yield Static("", id="exam-text")
        yield Footer()

    @property
    def book(self) -> ExamBook:
        session = self.app.session  # type: ignore[attr-defined]
        return ExamBook(session.store, session.clock)

    def on_mount(self) -> None:
        self.title = "Mock exam"
        getattr(self.app, "warm_checks", lambda: None)()  # checks fork from a warm TensorFlow
        self.query_one(DataTable).add_columns("category", "task", "best", "submissions")
        self.exercises = load_exercises(exercises_root())
        self.specs = {ex.id: ex.spec() for ex in self.exercises.exercises.values()}  # one per drill: titles, categories
        self.refresh_view()
        self.set_interval(1.0, self.tick)

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def tick(self) -> None:
        exam = self.exam
        if exam is None:
            return
        now = self.app.session.clock()  # type: ignore[attr-defined]
        if exam.is_over(now):
            self.refresh_view()
            return
        self.query_one("#countdown", Label).update(f"{clock_text(exam.remaining(now))} left")

    def refresh_view(self) -> None:
        self.exam = self.book.current()
        table = self.query_one(DataTable)
        table.clear()
        table.display = self.exam is not None
        text = self.query_one("#exam-text", Static)
        if self.exam is None:
            past = self.book.all()
            self.query_one("#countdown", Label).update("no exam running")
            text.update(self._result_text(past[-1]) if past else
                        "Five tasks, one per category (regression, classic, vision, text, series). Unlimited submissions, "
                        "best score counts, 90 % to pass. The clock keeps running if you close drill.\n\n"
                        "s starts the full 5-hour exam, m a 1-hour mini exam.")
            self.refresh_bindings()
            return
        for task in self.exam.tasks:
            title = self.specs[task.spec_id].title if task.spec_id in self.specs else task.spec_id
            # the other columns take about 36: the title fits the rest, cut between words (whole at 120)
            short = shorten(title, max(16, self.app.size.width - 36))
            table.add_row(task.category, short, f"{task.best}/5", str(len(task.submissions)), key=task.category)
        text.update(f"Total so far {self.exam.percent():.0f} % (pass: 90 %). Enter opens a task; ctrl+x ends the exam early.")
        self.tick()
        self.refresh_bindings()

    def _result_text(self, exam: Exam) -> str:
        now = self.app.session.clock()  # type: ignore[attr-defined]
        verdict = "PASS" if exam.passed() else "FAIL"
        scores = ", ".join(f"{t.category} {t.best}/5" for t in exam.tasks)
        used = clock_text(exam.time_used(now))
        review = "\n".join(f"• {line}" for line in review_lines(exam))
        from drill.readiness import mock_rule_text

        rule = mock_rule_text(exam.time_used(now).total_seconds() / 60)
        return (f"[b]Last exam: {exam.percent():.0f} % — {verdict}[/b] (time used {used})\n{scores}\n\n{review}\n\n"
                f"{rule}\n\ns or m starts another.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        running = getattr(self, "exam", None) is not None
        if action == "start":
            return not running
        if action in ("open_task", "end"):
            return running
        return True

    def action_start(self, minutes: int) -> None:
        from drill.tui.screens.confirm import ConfirmScreen

        length = "the full 5-hour exam" if minutes >= 300 else f"a {minutes // 60}-hour mini exam" if minutes >= 60 else f"a {minutes}-minute exam"
        detail = (f"The clock starts at once and keeps running if you close drill. Five tasks, one per category; "
                  f"submit as often as you like, the best score counts.")
        self.app.push_screen(ConfirmScreen(f"Start {length} now?", detail, yes="Start"),
                             lambda yes: self._start(minutes) if yes else None)

    def _start(self, minutes: int) -> None:
        session = self.app.session  # type: ignore[attr-defined]
        attempts = Attempts(session.store, session.store.home, session.clock)
        candidates: dict[str, list[tuple[str, str | None]]] = {}
        for exercise in self.exercises.exercises.values():  # each drill on the instance its next attempt would take
            candidates.setdefault(exercise.category, []).append((exercise.id, attempts.fresh_spec(exercise).instance_id))
        seen = last_seen(attempts.all(), self.book.all())
        try:
            tasks = choose_tasks(candidates, seen, random.Random(), weights=session.settings.exam_weights)
            self.book.start(tasks, duration_min=minutes)
        except DrillError as error:
            self.notify(str(error), severity="error")
            return
        self.refresh_view()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_task()

    def action_open_task(self) -> None:
        if self.exam is None:
            return
        table = self.query_one(DataTable)
        category = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        task = next(t for t in self.exam.tasks if t.category == category)
        exercise = find_exercise(self.exercises, task.spec_id)
        try:
            spec = None if exercise is None else exercise.spec(task.instance_name)
        except DrillError:  # the instance was removed since: its first one
            spec = exercise.spec()
        if spec is None:
            self.notify(f"The drill {task.spec_id} is no longer available.", severity="error")
            return
        self.app.push_screen(ExamTaskScreen(spec, self.exam.id, category))

    def action_end(self) -> None:
        from drill.tui.screens.confirm import ConfirmScreen

        if self.exam is None:
            return
        left = clock_text(self.exam.remaining(self.app.session.clock()))  # type: ignore[attr-defined]
        unsubmitted = [t.category for t in self.exam.tasks if not t.submissions]
        detail = f"{left} is left. Your best scores so far are final"
        detail += f"; {', '.join(unsubmitted)} {'was' if len(unsubmitted) == 1 else 'were'} never submitted and score 0." if unsubmitted else "."
        self.app.push_screen(ConfirmScreen("End the mock exam now?", detail, yes="End exam"),
                             lambda yes: self._end() if yes else None)

    def _end(self) -> None:
        if self.exam is not None:
            self.book.end(self.exam.id)
            self.refresh_view()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Mock exam", keys_of(self)))

    def action_back(self) -> None:
        self.app.pop_screen()
