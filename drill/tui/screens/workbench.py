"""The shared bench for writing and checking a solution: task, code, live check, score.

``AttemptScreen`` (drills) and ``ExamTaskScreen`` (mock exam) build on it and decide where the
code lives, what a check result is recorded as, and what the status line says.
Checks run in a thread worker (``run_check`` spawns the training subprocess); events come back
as messages, so the screen stays responsive and Esc cancels a running check.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Markdown, TabbedContent, TabPane, TextArea

from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec
from drill.tui.editor import open_in_editor
from drill.tui.screens.help import HelpScreen, keys_of
from drill.tui.widgets.score_panel import ScorePanel
from drill.tui.widgets.training_progress import TrainingProgress


class CheckEvent(Message):
    def __init__(self, event) -> None:
        super().__init__()
        self.event = event


class CheckDone(Message):
    def __init__(self, result: CheckResult) -> None:
        super().__init__()
        self.result = result


class WorkbenchScreen(Screen[None]):
    """Task, Code and Check tabs over one solution file."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "check", "Check"),
        Binding("ctrl+e", "edit", "$EDITOR"),
        Binding("f1", "help", "Help"),
        Binding("escape", "back", "Back / cancel"),
    ]

    DEFAULT_CSS = """
    WorkbenchScreen #bench-bar { height: 1; margin: 0 1; color: $text-muted; }
    WorkbenchScreen #tabs { height: 1fr; }
    WorkbenchScreen TabPane { height: 1fr; padding: 0; }
    WorkbenchScreen TextArea { height: 1fr; }
    WorkbenchScreen #hints { height: auto; color: $warning; margin: 0 1; }
    """

    checking: reactive[bool] = reactive(False)
    help_note = "Write solution_model() in the Code tab; ctrl+r trains it and scores it on held-out data."

    def __init__(self, spec: DrillSpec) -> None:
        super().__init__()
        self.spec = spec
        self.cancel = threading.Event()

    # -- hooks for subclasses -------------------------------------------------------------------
    def solution_path(self) -> Path:
        raise NotImplementedError

    def status_text(self) -> str:
        return self.spec.id

    def can_check(self) -> str | None:
        """None when a check may start, else the reason it may not."""
        return None

    def record(self, result: CheckResult) -> None:
        """Store a finished (not cancelled) check."""

    def check_options(self) -> dict:
        return {}

    def extra_tabs(self) -> ComposeResult:
        yield from ()

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="bench-bar")
        with TabbedContent(id="tabs"):
            with TabPane("Task", id="tab-task"):
                with VerticalScroll():
                    yield Markdown(self.spec.task.read_text(encoding="utf-8") if self.spec.task.is_file() else "")
                    yield Label("", id="hints")
            with TabPane("Code", id="tab-code"):
                yield TextArea.code_editor("", language="python", id="code")
            with TabPane("Check", id="tab-check"):
                with VerticalScroll():
                    yield TrainingProgress()
                    yield ScorePanel(id="score")
            yield from self.extra_tabs()
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.spec.title
        self.query_one("#code", TextArea).text = self.solution_path().read_text(encoding="utf-8")
        self.update_bar()
        self.set_interval(1.0, self.update_bar)

    def update_bar(self) -> None:
        state = "checking…" if self.checking else ""
        self.query_one("#bench-bar", Label).update(" · ".join(filter(None, [self.status_text(), state])))

    # -- saving and editing ---------------------------------------------------------------------
    def action_save(self) -> bool:
        path = self.solution_path()
        try:
            path.write_text(self.query_one("#code", TextArea).text, encoding="utf-8")
        except OSError as error:
            self.notify(f"Could not save {path}: {error.strerror}", severity="error")
            return False
        return True

    def action_edit(self) -> None:
        if self.action_save() and open_in_editor(self.app, self.solution_path()):
            self.query_one("#code", TextArea).text = self.solution_path().read_text(encoding="utf-8")

    # -- checking -------------------------------------------------------------------------------
    def action_check(self) -> None:
        if self.checking:
            self.notify("A check is already running; Esc cancels it.")
            return
        refusal = self.can_check()
        if refusal:
            self.notify(refusal, severity="warning")
            return
        if not self.action_save():
            return
        self.checking = True
        self.cancel = threading.Event()
        self.query_one(TrainingProgress).reset()
        self.query_one(TabbedContent).active = "tab-check"
        self._run_check(self.solution_path(), self.check_options())

    @work(thread=True, exclusive=True, group="check")
    def _run_check(self, solution: Path, options: dict) -> None:
        from drill.check.runner import run_check

        result = run_check(self.spec, solution, on_event=lambda e: self.post_message(CheckEvent(e)), cancel=self.cancel, **options)
        self.post_message(CheckDone(result))

    def on_check_event(self, message: CheckEvent) -> None:
        self.query_one(TrainingProgress).apply(message.event)

    def on_check_done(self, message: CheckDone) -> None:
        self.checking = False
        result = message.result
        cancelled = result.error_kind == "cancelled"
        self.query_one(TrainingProgress).finish("cancelled" if cancelled else f"finished in {result.duration_s:.0f} s")
        self.query_one(ScorePanel).show(result, self.spec)
        if not cancelled:
            self.record(result)
        self.update_bar()

    def on_unmount(self) -> None:
        self.cancel.set()  # leaving the screen or quitting ends a running check's process group

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.spec.id, keys_of(self), self.help_note))

    def action_back(self) -> None:
        if self.checking:
            self.cancel.set()
            self.notify("Cancelling the check…")
            return
        self.action_save()
        self.app.pop_screen()
