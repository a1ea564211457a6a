"""Today: what is due, what is new, how the streak stands; the hub every session starts on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from drill.session import TodaySummary
from drill.tui.screens.help import HelpScreen, keys_of
from drill.tui.widgets.stat_tile import StatTile


class TodayScreen(Screen[None]):
    """The daily hub."""

    BINDINGS = [
        Binding("r,enter", "open('review')", "Review"),
        Binding("d", "open('drills')", "Drills"),
        Binding("n", "open('notes')", "Notes"),
        Binding("s", "open('stats')", "Stats"),
        Binding("p", "open('plan')", "Plan"),
        Binding("x", "open('exam')", "Exam"),
        Binding("l", "log_time", "Log"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    DEFAULT_CSS = """
    TodayScreen #tiles { height: 4; margin: 1 1 0 1; }
    TodayScreen #status { margin: 1 2; height: auto; }
    TodayScreen #problems { margin: 0 2; color: $warning; height: auto; }
    TodayScreen #start { margin: 1 2; }
    TodayScreen #panels { height: auto; margin: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="tiles"):
            yield StatTile("due now", id="tile-due")
            yield StatTile("new today", id="tile-new")
            yield StatTile("done today", id="tile-done")
            yield StatTile("day streak", id="tile-streak")
        yield Static(id="status")
        yield Static(id="problems")
        yield Button("Start reviewing  (r)", id="start", variant="primary")
        yield Vertical(id="panels")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "drill"

    def on_screen_resume(self) -> None:
        # Sent on first display too, so this is the one place the numbers are read.
        self.refresh_summary()

    def refresh_summary(self) -> None:
        summary: TodaySummary = self.app.session.summary()  # type: ignore[attr-defined]
        self.sub_title = f"Today · {summary.day:%a %d %b %Y}"
        self.query_one("#tile-due", StatTile).value = str(summary.due)
        self.query_one("#tile-new", StatTile).value = str(summary.new)
        self.query_one("#tile-done", StatTile).value = str(summary.reviewed_today)
        self.query_one("#tile-streak", StatTile).value = str(summary.streak)
        self.query_one("#tile-due", StatTile).set_class(summary.due > 0, "-attention")
        lines = []
        if summary.due + summary.new:
            lines.append(f"{summary.due + summary.new} cards to study now.")
        else:
            lines.append("Nothing due right now: well done.")
        if summary.due_later_today:
            lines.append(f"{summary.due_later_today} learning cards come back later today.")
        lines.append(f"{summary.new_waiting} new cards wait on the learning path ({summary.total_cards} in all).")
        self.query_one("#status", Static).update("\n".join(lines))
        problems = self.query_one("#problems", Static)
        problems.update(
            f"⚠ {summary.problems} content problems: some cards were skipped. Run `drill lint` to see them."
            if summary.problems
            else ""
        )
        problems.display = bool(summary.problems)
        self.query_one("#start", Button).disabled = not (summary.due + summary.new)
        # After the frame is painted: with years of history the progress numbers take ~0.1 s
        # (seconds once, while the daily cache is built), and the hub should show at once.
        self.call_after_refresh(self.refresh_progress)

    def refresh_progress(self) -> None:
        """Exam countdown, readiness, today's plan slice and hours (drill.progress)."""
        from drill.tui.widgets.readiness_panel import ReadinessPanel, panel_text

        if not self.is_attached:  # the learner quit (or left) before this deferred call ran
            return
        try:
            data = self.app.progress_overview()  # type: ignore[attr-defined]
            text = panel_text(self.app.session.settings, data.readiness, data.plan,  # type: ignore[attr-defined]
                              data.stats.minutes_by_day.get(data.stats.today.isoformat(), 0.0))
        except Exception as error:  # noqa: BLE001 - the hub must open even if progress cannot be read
            text = f"Progress unavailable: {error}"
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
                self.refresh_progress()

        self.app.push_screen(LogTimeScreen(), done)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_open("review")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and parameters:
            return self.app.has_route(str(parameters[0]))  # type: ignore[attr-defined]
        return True

    def action_open(self, name: str) -> None:
        self.app.open_screen(name)  # type: ignore[attr-defined]

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Today", keys_of(self)))
