"""A small modal to log study time done outside the app (the same rules as `drill log`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from drill.errors import DrillError
from drill.models import RESOURCES, TOPICS


class LogTimeScreen(ModalScreen[object]):
    """Duration, topic, resource, note; Enter saves, Esc cancels. Dismisses with the entry (or None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    LogTimeScreen { align: center middle; }
    LogTimeScreen #box { width: 64; height: auto; border: round $primary; padding: 0 1; background: $surface; }
    LogTimeScreen Input { margin: 0; }
    LogTimeScreen #error { color: $error; height: auto; }
    LogTimeScreen #buttons { height: auto; align-horizontal: right; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Label("Log study time outside the app")
            yield Input(placeholder="duration: 1h30m, 90m, 1.5h", id="duration")
            yield Input(placeholder=f"topic: {'/'.join(TOPICS)} (optional)", id="topic")
            yield Input(placeholder=f"resource: {'/'.join(RESOURCES)} (optional)", id="resource")
            yield Input(placeholder="note, e.g. ch. 16 (optional)", id="note")
            yield Input(placeholder="date YYYY-MM-DD or yesterday (default today)", id="date")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button("Save (Enter)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#duration", Input).focus()

    def value(self, name: str) -> str | None:
        text = self.query_one(f"#{name}", Input).value.strip()
        return text or None

    def save(self) -> None:
        try:
            entry = self.app.time_book().log(  # type: ignore[attr-defined]
                self.value("duration") or "", topic=self.value("topic"), resource=self.value("resource"),
                note=self.value("note") or "", day=self.value("date"),
            )
        except DrillError as error:
            self.query_one("#error", Static).update(error.message + (f"\n{error.hint}" if error.hint else ""))
            return
        self.dismiss(entry)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
