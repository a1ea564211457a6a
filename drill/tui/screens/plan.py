"""The study plan to the exam date, one row a day, today highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from drill.hours import format_minutes
from drill.progress.agenda import groups_text


class PlanScreen(Screen[None]):
    BINDINGS = [Binding("q,escape", "app.pop_screen", "Back")]
    DEFAULT_CSS = """
    PlanScreen #summary { margin: 0 1; height: auto; }
    PlanScreen DataTable { height: 1fr; margin: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield DataTable(id="days", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "drill"
        self.sub_title = "Study plan"
        from drill.progress.agenda import plan_summary
        from drill.progress.today import agenda_for, planner_of

        session = self.app.session  # type: ignore[attr-defined]
        now = session.clock()
        plan = planner_of(session).plan(now)  # the plan Today's agenda reads
        self.plan = plan
        self.query_one("#summary", Static).update("\n".join(plan_summary(plan, agenda_for(session, now), app=True)))
        table = self.query_one("#days", DataTable)
        table.add_columns("day", "new", "topic/resource", "drills", "reviews", "hours")
        today_row = 0
        for i, d in enumerate(plan.days):
            groups = groups_text(d.groups.items(), width=30) or ("review" if d.review_day else "-")
            label = f"{'▶ ' if d.day == plan.today else ''}{d.day:%a %d %b}"
            table.add_row(label, str(len(d.cards)), groups, ", ".join(d.drills) or "-", f"{d.reviews:.0f}",
                          format_minutes(d.minutes), key=d.day.isoformat())
            if d.day == plan.today:
                today_row = i
        if plan.days:
            table.move_cursor(row=today_row)
        table.focus()
