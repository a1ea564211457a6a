"""One attempt at a drill: the task, the code (in the app or $EDITOR), live checks, hints, close.

Checks run in a thread worker (``run_check`` spawns the training subprocess); events come back
as messages, so the screen stays responsive and Esc cancels a running check.
"""

from __future__ import annotations

import threading

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Markdown, TabbedContent, TabPane, TextArea

from drill.attempts import Attempts
from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec
from drill.errors import DrillError
from drill.schedule.memory import RATINGS
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


class AttemptScreen(Screen[None]):
    """Work on one attempt; every check is recorded as a submission."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "check", "Check"),
        Binding("ctrl+e", "edit", "$EDITOR"),
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+x", "close_attempt", "Close attempt"),
        Binding("f1", "help", "Help"),
        Binding("escape", "back", "Back / cancel"),
    ]

    DEFAULT_CSS = """
    AttemptScreen #attempt-bar { height: 1; margin: 0 1; color: $text-muted; }
    AttemptScreen #tabs { height: 1fr; }
    AttemptScreen TabPane { height: 1fr; padding: 0; }
    AttemptScreen #compare { height: 1fr; }
    AttemptScreen #compare .heads { height: 1; }
    AttemptScreen TextArea { height: 1fr; }
    AttemptScreen #hints { height: auto; color: $warning; margin: 0 1; }
    AttemptScreen #compare TextArea { width: 1fr; }
    AttemptScreen #compare Label { width: 1fr; text-style: bold; }
    """

    checking: reactive[bool] = reactive(False)

    def __init__(self, spec: DrillSpec, attempt_id: str) -> None:
        super().__init__()
        self.spec = spec
        self.attempt_id = attempt_id
        self.cancel = threading.Event()

    @property
    def attempts(self) -> Attempts:
        session = self.app.session  # type: ignore[attr-defined]
        return Attempts(session.store, session.store.home, session.clock)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="attempt-bar")
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
            with TabPane("Reference", id="tab-reference", disabled=True):
                with Vertical(id="compare"):
                    with Horizontal(classes="heads"):
                        yield Label("your code")
                        yield Label("reference solution")
                    with Horizontal():
                        yield TextArea.code_editor("", language="python", read_only=True, id="mine")
                        yield TextArea.code_editor("", language="python", read_only=True, id="reference")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.spec.title
        attempt = self.attempts.get(self.attempt_id)
        self.query_one("#code", TextArea).text = attempt.solution.read_text(encoding="utf-8")
        self.hints_shown = list(self.spec.hints[: attempt.hints_used])
        self._show_hints()
        self._update_bar()
        if not attempt.is_open:
            self._show_reference()
        self.set_interval(1.0, self._update_bar)

    def _update_bar(self) -> None:
        attempt = self.attempts.get(self.attempt_id)
        used = (self.app.session.clock() - attempt.started_at).total_seconds() / 60  # type: ignore[attr-defined]
        state = "closed" if not attempt.is_open else "checking…" if self.checking else "open"
        self.query_one("#attempt-bar", Label).update(
            f"{self.spec.id} · {self.spec.category} · {state} · best {attempt.best_score}/5 · "
            f"{attempt.submissions} checks · {attempt.hints_used}/{len(self.spec.hints)} hints · "
            f"{used:.0f}/{attempt.time_budget_min} min"
        )

    def _show_hints(self) -> None:
        self.query_one("#hints", Label).update("\n".join(f"Hint {i + 1}: {h}" for i, h in enumerate(self.hints_shown)))

    # -- saving and editing ----------------------------------------------------------------
    def action_save(self) -> bool:
        attempt = self.attempts.get(self.attempt_id)
        try:
            attempt.solution.write_text(self.query_one("#code", TextArea).text, encoding="utf-8")
        except OSError as error:
            self.notify(f"Could not save {attempt.solution}: {error.strerror}", severity="error")
            return False
        return True

    def action_edit(self) -> None:
        if not self.action_save():
            return
        attempt = self.attempts.get(self.attempt_id)
        if open_in_editor(self.app, attempt.solution):
            self.query_one("#code", TextArea).text = attempt.solution.read_text(encoding="utf-8")

    # -- checking ----------------------------------------------------------------------------
    def action_check(self) -> None:
        if self.checking:
            self.notify("A check is already running; Esc cancels it.")
            return
        if not self.attempts.get(self.attempt_id).is_open:
            self.notify("This attempt is closed; start a fresh one from the Drills list (n).", severity="warning")
            return
        if not self.action_save():
            return
        self.checking = True
        self.cancel = threading.Event()
        self.query_one(TrainingProgress).reset()
        self.query_one(TabbedContent).active = "tab-check"
        self._run_check(self.attempts.get(self.attempt_id).solution)

    @work(thread=True, exclusive=True, group="check")
    def _run_check(self, solution) -> None:
        from drill.check.runner import run_check

        result = run_check(self.spec, solution, on_event=lambda e: self.post_message(CheckEvent(e)), cancel=self.cancel)
        self.post_message(CheckDone(result))

    def on_check_event(self, message: CheckEvent) -> None:
        self.query_one(TrainingProgress).apply(message.event)

    def on_check_done(self, message: CheckDone) -> None:
        self.checking = False
        result = message.result
        self.query_one(TrainingProgress).finish("cancelled" if result.error_kind == "cancelled" else f"finished in {result.duration_s:.0f} s")
        self.query_one(ScorePanel).show(result)
        try:
            self.attempts.record_submission(self.attempt_id, result)
        except DrillError as error:
            self.notify(str(error), title="Submission not recorded", severity="error")
        self._update_bar()
        if result.score == 5:
            self.notify("5/5. Close the attempt (ctrl+x) to schedule this drill and see the reference.", title="Passed")

    def on_unmount(self) -> None:
        self.cancel.set()  # leaving the screen or quitting ends a running check's process group

    # -- hints, closing, reference ------------------------------------------------------------
    def action_hint(self) -> None:
        if not self.spec.hints:
            self.notify("This drill has no hints.")
            return
        try:
            attempt, hint = self.attempts.reveal_hint(self.attempt_id, self.spec)
        except DrillError as error:
            self.notify(str(error), severity="warning")
            return
        self.hints_shown = list(self.spec.hints[: attempt.hints_used])
        self._show_hints()
        self.query_one(TabbedContent).active = "tab-task"
        self._update_bar()

    def action_close_attempt(self) -> None:
        if self.checking:
            self.notify("Wait for the check to finish (or Esc to cancel it) before closing.")
            return
        self.action_save()
        try:
            closed, state = self.attempts.close(self.attempt_id)
        except DrillError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(
            f"Rated {RATINGS[closed.rating or 1]} (best {closed.best_score}/5, {closed.hints_used} hints, "
            f"{closed.submissions} checks). Next due {state.due:%d %b}.",
            title="Attempt closed",
            timeout=8,
        )
        self._show_reference()
        self._update_bar()

    def _show_reference(self) -> None:
        pane = self.query_one("#tab-reference", TabPane)
        pane.disabled = False
        self.query_one("#mine", TextArea).text = self.query_one("#code", TextArea).text
        self.query_one("#reference", TextArea).text = self.spec.solution.read_text(encoding="utf-8")
        self.query_one(TabbedContent).active = "tab-reference"

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(f"Drill {self.spec.id}", keys_of(self),
                                        "Write solution_model() in the Code tab, ctrl+r to train and score it on held-out data."))

    def action_back(self) -> None:
        if self.checking:
            self.cancel.set()
            self.notify("Cancelling the check…")
            return
        self.action_save()
        self.app.pop_screen()
