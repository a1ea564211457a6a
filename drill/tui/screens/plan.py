"""The study plan to the exam date, one row a day, today highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from drill.hours import format_minutes
from drill.progress.agenda import groups_text
from drill.wording import count, fit_names


class PlanScreen(Screen[None]):
    # Today's keys for the work the plan names, so the "Next:" line's key works here too.
    BINDINGS = [
        Binding("r", "open('review')", "Review"),
        Binding("d", "open('drills')", "Drills"),
        Binding("S,shift+s", "open('settings')", "Settings", key_display="S"),
        Binding("q,escape", "app.pop_screen", "Back"),
    ]
    DEFAULT_CSS = """
    PlanScreen #summary { margin: 0 1; height: auto; }
    PlanScreen DataTable { height: 1fr; margin: 0; }
    PlanScreen #detail { margin: 0 1; height: auto; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield DataTable(id="days", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "drill"
        self.sub_title = "Study plan"
        # What the learner acts on first (hours, reviews, drills); topics summarised last, and the
        # highlighted day's full lists in the line under the table, so nothing is cut at 80 columns.
        self.query_one("#days", DataTable).add_columns("day", "hours", "reviews", "new", "drills", "topic/resource")

    def on_screen_resume(self) -> None:
        # Sent on first display too: back from Review or Drills, the plan and the next step are read again.
        from drill.progress.agenda import plan_summary
        from drill.progress.today import agenda_for, planner_of

        session = self.app.session  # type: ignore[attr-defined]
        now = session.clock()
        plan = planner_of(session).plan(now)  # the plan Today's agenda reads
        self.plan = plan
        self.query_one("#summary", Static).update("\n".join(plan_summary(plan, agenda_for(session, now), app=True)))
        table = self.query_one("#days", DataTable)
        table.clear()
        today_row = 0
        for i, d in enumerate(plan.days):
            groups = fit_names([f"{k} {v}" for k, v in d.groups.items()], 16) or ("review" if d.review_day else "-")
            label = f"{'▶ ' if d.day == plan.today else ''}{d.day:%a %d %b}"
            table.add_row(label, format_minutes(d.minutes), f"{d.reviews:.0f}", str(len(d.cards)),
                          fit_names(list(d.drills), 24) or "-", groups, key=d.day.isoformat())
            if d.day == plan.today:
                today_row = i
        if plan.days:
            table.move_cursor(row=today_row)
        table.focus()

    def action_open(self, name: str) -> None:
        self.app.open_screen(name)  # type: ignore[attr-defined]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted day in full: every drill and every topic, wrapped."""
        day = next((d for d in self.plan.days if d.day.isoformat() == event.row_key.value), None)
        if day is None:
            return
        topics = groups_text(day.groups.items()) or ("review only" if day.review_day else "no new cards")
        drills = ", ".join(day.drills) or "none"
        self.query_one("#detail", Static).update(
            f"{day.day:%a %d %b}: {len(day.cards)} new ({topics}) · drills: {drills} · "
            f"~{count(round(day.reviews), 'review')} · {format_minutes(day.minutes)}"
        )
