"""Settings: exam date, hours a day, path, limits, retention, steps, the day's start, time zone.

The same names, rules and messages as `drill settings` (``drill.settings_spec``); Ctrl+S or
Enter saves (nothing is written when a value is refused), Esc goes back without saving.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from drill.errors import DrillError
from drill.settings_spec import FIELDS, changes_from_text, edit_text, validate


class SettingsScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "back", "Back"),
    ]
    DEFAULT_CSS = """
    SettingsScreen #intro { margin: 0 1; height: auto; color: $text-muted; }
    SettingsScreen .row { height: 1; margin: 0 1; }
    SettingsScreen .row Label { width: 32; }
    SettingsScreen .row Input { width: 1fr; }
    SettingsScreen .row #exam-when { width: auto; padding: 0 1; color: $text-muted; }
    SettingsScreen #message { margin: 1 1 0 1; height: auto; }
    SettingsScreen #message.-error { color: $error; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Change a value and press Enter or Ctrl+S to save; Esc goes back. Tab moves between fields.",
                     id="intro")
        with VerticalScroll():
            for spec in (f for f in FIELDS if f.in_app):
                with Horizontal(classes="row"):
                    yield Label(spec.name)
                    yield Input(id=f"set-{spec.key}", compact=True, tooltip=spec.rule)
                    if spec.key == "exam_date":
                        yield Label("", id="exam-when")  # "Mon 07 Dec 2026 (in 7 days)", as `drill settings` shows it
            yield Static("", id="message")
        yield Footer()

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.title = "drill"
        self.sub_title = "Settings"
        self.fill()
        self.query_one(Input).focus()

    def fill(self) -> None:
        for spec in (f for f in FIELDS if f.in_app):
            self.query_one(f"#set-{spec.key}", Input).value = edit_text(spec.key, getattr(self.session.settings, spec.key))
        self.show_when()
        self.show_rule()

    def show_when(self) -> None:
        """The exam date as `drill settings` prints it ("Mon 07 Dec 2026 (in 7 days)"), for what is typed."""
        from drill.settings_spec import parse_exam_date, show

        try:
            day = parse_exam_date(self.query_one("#set-exam_date", Input).value, self._today())
        except DrillError:
            day = None
        self.query_one("#exam-when", Label).update(show("exam_date", day, self._today()) if day else "")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "set-exam_date":
            self.show_when()

    def _today(self):
        from drill.schedule.days import study_day

        return study_day(self.session.clock(), self.session.settings)

    def show_rule(self, text: str = "", error: bool = False) -> None:
        message = self.query_one("#message", Static)
        if not text:
            focused = self.focused
            key = focused.id.removeprefix("set-") if isinstance(focused, Input) and focused.id else ""
            spec = next((f for f in FIELDS if f.key == key), None)
            text = f"{spec.name}: {spec.rule}" if spec else ""
        message.update(text)
        message.set_class(error, "-error")

    def on_descendant_focus(self) -> None:
        self.show_rule()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        current = self.session.settings
        texts = {f.key: self.query_one(f"#set-{f.key}", Input).value for f in FIELDS if f.in_app}
        try:
            changes = changes_from_text(current, texts, self._today())
            if not changes:
                self.show_rule("Nothing changed.")
                return
            validate(current, changes)  # the plain-language message, before anything is written
            self.session.save_settings(**changes)
        except DrillError as error:
            self.show_rule(error.message + (f"\n{error.hint}" if error.hint else ""), error=True)
            return
        self.fill()
        self.show_rule("Saved. " + ", ".join(next(f.name for f in FIELDS if f.key == k) for k in changes) + ".")
        self.notify("Settings saved.", timeout=3)

    def action_back(self) -> None:
        self.app.pop_screen()
