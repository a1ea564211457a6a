"""One attempt at a drill: the workbench plus hints, closing (an FSRS rating) and the reference."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, TabbedContent, TabPane, TextArea

from drill.attempts import Attempts
from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec
from drill.errors import DrillError
from drill.schedule.memory import RATINGS
from drill.tui.screens.workbench import WorkbenchScreen


class AttemptScreen(WorkbenchScreen):
    """Work on one attempt; every check is recorded as a submission."""

    BINDINGS = [
        *WorkbenchScreen.BINDINGS[:3],
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+x", "close_attempt", "Close attempt"),
        *WorkbenchScreen.BINDINGS[3:],
    ]

    DEFAULT_CSS = """
    AttemptScreen #compare { height: 1fr; }
    AttemptScreen #compare .heads { height: 1; }
    AttemptScreen #compare TextArea { width: 1fr; }
    AttemptScreen #compare Label { width: 1fr; text-style: bold; }
    """

    def __init__(self, spec: DrillSpec, attempt_id: str) -> None:
        super().__init__(spec)
        self.attempt_id = attempt_id

    @property
    def attempts(self) -> Attempts:
        session = self.app.session  # type: ignore[attr-defined]
        return Attempts(session.store, session.store.home, session.clock)

    def extra_tabs(self) -> ComposeResult:
        with TabPane("Reference", id="tab-reference", disabled=True):
            with Vertical(id="compare"):
                with Horizontal(classes="heads"):
                    yield Label("your code")
                    yield Label("reference solution")
                with Horizontal():
                    yield TextArea.code_editor("", language="python", read_only=True, id="mine")
                    yield TextArea.code_editor("", language="python", read_only=True, id="reference")

    def on_mount(self) -> None:
        super().on_mount()
        attempt = self.attempts.get(self.attempt_id)
        self._show_hints(attempt.hints_used)
        if not attempt.is_open:
            self._show_reference()

    def solution_path(self) -> Path:
        return self.attempts.get(self.attempt_id).solution

    def status_text(self) -> str:
        attempt = self.attempts.get(self.attempt_id)
        used = (self.app.session.clock() - attempt.started_at).total_seconds() / 60  # type: ignore[attr-defined]
        return (
            f"{self.spec.id} · {self.spec.category} · {'open' if attempt.is_open else 'closed'} · best {attempt.best_score}/5 · "
            f"{attempt.submissions} checks · {attempt.hints_used}/{len(self.spec.hints)} hints · "
            f"{used:.0f}/{attempt.time_budget_min} min"
        )

    def can_check(self) -> str | None:
        if not self.attempts.get(self.attempt_id).is_open:
            return "This attempt is closed; start a fresh one from the Drills list (n)."
        return None

    def record(self, result: CheckResult) -> None:
        try:
            self.attempts.record_submission(self.attempt_id, result)
        except DrillError as error:
            self.notify(str(error), title="Submission not recorded", severity="error")
            return
        if result.score == 5:
            self.notify("5/5. Close the attempt (ctrl+x) to schedule this drill and see the reference.", title="Passed")

    def _show_hints(self, used: int) -> None:
        self.query_one("#hints", Label).update("\n".join(f"Hint {i + 1}: {h}" for i, h in enumerate(self.spec.hints[:used])))

    def action_hint(self) -> None:
        if not self.spec.hints:
            self.notify("This drill has no hints.")
            return
        try:
            attempt, _hint = self.attempts.reveal_hint(self.attempt_id, self.spec)
        except DrillError as error:
            self.notify(str(error), severity="warning")
            return
        self._show_hints(attempt.hints_used)
        self.query_one(TabbedContent).active = "tab-task"
        self.update_bar()

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
        self.update_bar()

    def _show_reference(self) -> None:
        self.query_one("#tab-reference", TabPane).disabled = False
        self.query_one("#mine", TextArea).text = self.query_one("#code", TextArea).text
        self.query_one("#reference", TextArea).text = self.spec.solution.read_text(encoding="utf-8")
        self.query_one(TabbedContent).active = "tab-reference"
