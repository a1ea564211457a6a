"""Today: the study day's agenda (drill.progress.agenda) and readiness; the hub every session starts on.

The first frame is only the layout: the agenda and then the readiness snapshot are read in a
thread worker after it, so a slow read (the daily cache rebuilt after an import) never freezes
the app and start-up costs what a bare Textual app costs.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from drill.tui.screens.help import HelpScreen, keys_of
from drill.tui.widgets.stat_tile import StatTile

TILES = (("review", "review"), ("learning", "learning"), ("new", "new"), ("done", "done today"))


class TodayScreen(Screen[None]):
    """The daily hub."""

    BINDINGS = [
        Binding("r,enter", "open('review')", "Review"),
        Binding("d", "open('drills')", "Drills"),
        Binding("n", "open('notes')", "Notes"),
        Binding("s", "open('stats')", "Stats"),
        Binding("p", "open('plan')", "Plan"),
        Binding("x", "open('exam')", "Exam"),
        Binding("S,shift+s", "open('settings')", "Settings", key_display="S"),
        Binding("l", "log_time", "Log"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    TodayScreen #tiles { height: 4; margin: 1 1 0 1; }
    TodayScreen #status { margin: 1 2 0 2; height: auto; }
    TodayScreen #warning { margin: 0 2; color: $warning; height: auto; }
    TodayScreen #next { margin: 1 2 0 2; height: auto; text-style: bold; }
    TodayScreen #panels { height: auto; margin: 1 1 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="tiles"):
            for key, caption in TILES:
                yield StatTile(caption, "…", id=f"tile-{key}")
        yield Static("Reading today's agenda…", id="status")
        yield Static(id="warning")
        yield Static(id="next")
        yield Vertical(id="panels")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "drill"
        self.sub_title = "Today"  # the date comes with the agenda (the session is made in the worker)
        self.agenda = None

    def on_screen_resume(self) -> None:
        # Sent on first display too, so this is the one place the numbers are read.
        self.refresh_summary()

    def refresh_summary(self) -> None:
        self.load_day()

    @work(thread=True, exclusive=True, group="today")
    def load_day(self) -> None:
        """Agenda first (shown as soon as it is read), then readiness, off the UI thread."""
        from drill.progress.today import agenda_for

        from drill.errors import DrillError

        app = self.app
        try:
            session = app.session  # type: ignore[attr-defined]  # made here, off the UI thread, on first start
        except DrillError as error:  # e.g. an invalid settings file: leave and say why (exit 2)
            app.call_from_thread(app.fail, error)  # type: ignore[attr-defined]
            return
        try:
            agenda = agenda_for(session)
        except Exception as error:  # noqa: BLE001 - the hub must open even if the agenda cannot be read
            app.call_from_thread(self._show_error, f"Today's agenda could not be read: {error}")
            return
        app.call_from_thread(self.show_agenda, agenda)
        try:
            text = self._readiness_text()
        except Exception as error:  # noqa: BLE001
            text = f"Readiness unavailable: {error}"
        app.call_from_thread(self.show_readiness, text)

    def _readiness_text(self) -> str:
        from drill.progress.evidence import readiness_for
        from drill.progress.today import shipped_drills

        session = self.app.session  # type: ignore[attr-defined]
        r = readiness_for(session.store, session.settings, session.cards, session.clock(), drills=shipped_drills())
        pct = lambda p: f"{100 * p:.0f} %"  # noqa: E731 - the same spacing as the readiness figure
        return (f"Readiness {r.expected_percent:.0f} % · pass chance {pct(r.pass_probability)} "
                f"({pct(r.pass_low)}–{pct(r.pass_high)}) · weakest {r.weakest}")

    def _show_error(self, text: str) -> None:
        if self.is_attached:
            self.query_one("#status", Static).update(text)

    def show_agenda(self, agenda) -> None:
        if not self.is_attached:  # the learner quit (or left) before the worker finished
            return
        self.agenda = agenda
        self.sub_title = f"Today · {agenda.day:%a %d %b %Y}"
        for key, value in (("review", agenda.review), ("learning", agenda.learning), ("new", agenda.new),
                           ("done", agenda.done_today)):
            self.query_one(f"#tile-{key}", StatTile).value = str(value)
        self.query_one("#tile-review", StatTile).set_class(agenda.review + agenda.learning > 0, "-attention")
        lines = [agenda.exam_line() if agenda.exam_date else "No exam date: set one with S (Settings)", agenda.plan_line()]
        drills = []
        if agenda.drills_due:
            drills.append(f"due {', '.join(agenda.drills_due)}")
        if agenda.drills_in_progress:
            drills.append(f"in progress {', '.join(agenda.drills_in_progress)}")
        if drills:
            lines.append("Drills: " + " · ".join(drills))
        later = f" · {agenda.later_today} learning later today" if agenda.later_today else ""
        lines.append(f"{agenda.hours_line()} · {agenda.new_waiting} new cards wait{later}")
        self.query_one("#status", Static).update("\n".join(lines))
        warning = self.query_one("#warning", Static)
        warning.update(agenda.limit_warning)
        warning.display = bool(agenda.limit_warning)
        self.query_one("#next", Static).update(f"Next: {agenda.next.in_app()}")

    def show_readiness(self, text: str) -> None:
        from drill.tui.widgets.readiness_panel import ReadinessPanel

        if not self.is_attached:
            return
        panels = self.query_one("#panels")
        existing = panels.query(ReadinessPanel)
        if existing:
            existing.first().update(text)
        else:
            panels.mount(ReadinessPanel(text, id="readiness-panel"))

    def action_log_time(self) -> None:
        from drill.tui.screens.log_time import LogTimeScreen

        def done(entry) -> None:
            if entry is not None:
                self.notify(f"Logged {entry.minutes:g} min", timeout=3)
                self.refresh_summary()

        self.app.push_screen(LogTimeScreen(), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and parameters:
            return self.app.has_route(str(parameters[0]))  # type: ignore[attr-defined]
        return True

    def action_open(self, name: str) -> None:
        self.app.open_screen(name)  # type: ignore[attr-defined]

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Today", keys_of(self)))
