"""One attempt at a drill: the workbench plus hints, closing (an FSRS rating) and the reference."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane

from drill.attempts import Attempts, close_summary
from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec
from drill.errors import DrillError
from drill.tui.screens.workbench import WorkbenchScreen
from drill.tui.widgets.hint_panel import HintPanel
from drill.tui.widgets.solution_diff import SolutionDiff
from drill.wording import count


class AttemptScreen(WorkbenchScreen):
    """Work on one attempt; every check is recorded as a submission."""

    BINDINGS = [
        *WorkbenchScreen.BINDINGS[:3],
        Binding("ctrl+t", "hint", "Hint"),
        Binding("f2", "toggle_hints", "Hide/show hints", show=False),  # in the help; ctrl+t shows the panel
        Binding("ctrl+x", "close_attempt", "Close"),
        Binding("ctrl+k", "keep_card", "Keep as card"),
        *WorkbenchScreen.BINDINGS[3:],
    ]

    def __init__(self, spec: DrillSpec, attempt_id: str) -> None:
        super().__init__(spec)
        self.attempt_id = attempt_id

    @property
    def attempts(self) -> Attempts:
        session = self.app.session  # type: ignore[attr-defined]
        return Attempts(session.store, session.store.home, session.clock)

    def extra_tabs(self) -> ComposeResult:
        with TabPane("Reference", id="tab-reference", disabled=True):
            yield SolutionDiff(id="diff")

    def extra_panels(self) -> ComposeResult:
        yield HintPanel(id="hints")

    def on_mount(self) -> None:
        super().on_mount()
        attempt = self.attempts.get(self.attempt_id)
        self.query_one(HintPanel).show_hints(self.spec.hints, attempt.hints_used)
        self.is_open = attempt.is_open
        if not attempt.is_open:
            self._show_reference()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("check", "hint", "close_attempt", "toggle_watch") and not getattr(self, "is_open", True):
            return False  # a closed attempt is for reading: the footer keeps only what still applies
        return True

    def solution_path(self) -> Path:
        return self.attempts.get(self.attempt_id).solution

    def status_text(self) -> str:
        attempt = self.attempts.get(self.attempt_id)
        used = (self.app.session.clock() - attempt.started_at).total_seconds() / 60  # type: ignore[attr-defined]
        return (
            f"{self.spec.id} · {self.spec.category} · {'open' if attempt.is_open else 'closed'} · best {attempt.best_score}/5 · "
            f"{count(attempt.submissions, 'check')} · {attempt.hints_used}/{len(self.spec.hints)} hints · "
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
            return
        self._boost_cards(result)

    def _boost_cards(self, result: CheckResult) -> None:
        """A failed or low check brings the cards of what it exposed forward (drill.failures)."""
        from drill.failures import boost_for, skills_of

        session = self.app.session  # type: ignore[attr-defined]
        try:
            ids = boost_for(session.store, result, skills_of(self.spec), session.cards, session.states(), session.clock())
        except DrillError as error:
            self.notify(f"Cards not brought forward: {error}", severity="warning")
            return
        if ids:
            self.notify(f"{len(ids)} cards on what went wrong come first in your next review: {', '.join(ids)}. "
                        "ctrl+k keeps this failure as a card of your own.", title="Review these", timeout=10)

    def action_keep_card(self) -> None:
        from drill.failures import keep_card

        result = self.query_one("#score").result
        if result is None or result.passed or result.error_kind == "cancelled":
            self.notify("Nothing to keep: ctrl+k makes a card from a failed check.")
            return
        session = self.app.session  # type: ignore[attr-defined]
        try:
            path, card_id = keep_card(session.store.home, self.spec, result, session.clock())
        except (DrillError, OSError) as error:
            self.notify(f"The card was not written: {error}", severity="error")
            return
        self.notify(f"Card {card_id} added to {path}; it joins your reviews next time drill starts "
                    "(edit it there to put the fix in your own words).", title="Card kept", timeout=10)

    def action_hint(self) -> None:
        if not self.spec.hints:
            self.notify("This drill has no hints.")
            return
        panel = self.query_one(HintPanel)
        attempt = self.attempts.get(self.attempt_id)
        if attempt.hints_used >= len(self.spec.hints) or not attempt.is_open:
            panel.show_hints(self.spec.hints, attempt.hints_used)
            if attempt.hints_used:
                self.notify("No more hints: every one is in the panel.")
            return
        try:
            attempt, _hint = self.attempts.reveal_hint(self.attempt_id, self.spec)
        except DrillError as error:
            self.notify(str(error), severity="warning")
            return
        panel.show_hints(self.spec.hints, attempt.hints_used)
        self.update_bar()

    def action_toggle_hints(self) -> None:
        if not self.attempts.get(self.attempt_id).hints_used:
            self.notify("No hint revealed yet: ctrl+t shows the first.")
            return
        self.query_one(HintPanel).toggle()

    def action_close_attempt(self) -> None:
        if self.checking:
            self.notify("Wait for the check to finish (or Esc to cancel it) before closing.")
            return
        self.save(then=self._close, action="closing")

    def _close(self) -> None:
        try:
            closed, state = self.attempts.close(self.attempt_id)
        except DrillError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(close_summary(closed, state, self.app.session.settings), title="Attempt closed", timeout=8)
        self.is_open = False
        self.refresh_bindings()
        self._show_reference()
        self.update_bar()

    def _show_reference(self) -> None:
        self.query_one("#tab-reference", TabPane).disabled = False
        self.query_one(SolutionDiff).show(self.editor.text, self.spec.solution_text())
        self.query_one(TabbedContent).active = "tab-reference"
