"""Statistics: hours, topics and resources, review forecast, retention and counts, drills, readiness."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from drill.hours import format_minutes
from drill.charts import column_chart, day_labels, heatmap
from drill.charts import horizontal_bars as bars
from drill.stats import Retention
from drill.textout import wrap
from drill.wording import count

TABS = ("hours", "topics", "forecast", "memory", "drills", "readiness")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def hours_text(s) -> str:
    days = [s.today.fromordinal(s.today.toordinal() - i) for i in range(13, -1, -1)]
    values = [s.minutes_by_day.get(d.isoformat(), 0.0) / 60 for d in days]
    total = sum(s.minutes_by_day.values())
    goal = f", goal {s.goal_hours:g} h a day" if s.goal_hours else ""
    lines = [s.today_line] if s.today_line else []  # the day's agenda: same words as Today
    lines += [f"Total {format_minutes(total)} · hours a day, last 14 days{goal}:"]
    lines += column_chart(values, day_labels(days, 4), height=7, unit="h", goal=s.goal_hours, col_width=3)
    lines += ["", "Hours a day, last 26 weeks (weeks run left to right, ending this week):"]
    lines += heatmap(s.minutes_by_day, s.today, 26)
    return "\n".join(lines)


EMPTY_WIDTH = 72  # what an empty tab says, wrapped to fit 80 columns (the charts are sized for 80 too)


def topics_text(s) -> str:
    fmt = lambda v: format_minutes(v)  # noqa: E731
    if not s.by_topic and not s.by_resource:  # say where hours come from instead of two empty charts
        return "\n".join(wrap("No study time yet. Time in reviews, drills and the exam counts by itself; time studied "
                              "elsewhere goes in with l on Today (or `drill log 1h --topic nn --resource book`).", EMPTY_WIDTH, hanging=""))
    return "\n".join(["Hours by topic:", *bars(s.by_topic, 36, fmt), "", "Hours by resource:", *bars(s.by_resource, 36, fmt)])


def forecast_text(s) -> str:
    f = s.forecast
    lines = [f"Reviews due a day, next 30 days (today {f[0] if f else 0}, week {sum(f[:7])}, month {sum(f)}):"]
    days = [s.today.fromordinal(s.today.toordinal() + i) for i in range(len(f))]
    lines += column_chart([float(x) for x in f], day_labels(days, 7), height=8, col_width=2)
    return "\n".join(lines)


def memory_text(s) -> str:
    def cell(counts) -> str:
        n = sum(counts)
        if n == 0:
            return "no reviews yet"
        return f"{_pct(Retention.rate(counts))} of {count(n, 'review')}"

    def row(name: str, r: Retention | None) -> str:
        if r is None:
            return f"  {name:<14}—"
        return f"  {name:<14}{cell(r.young):<22}{cell(r.mature)}"

    lines = ["True retention: share of first reviews of a day not rated Again.",
             "Mature cards have an interval of 21 days or more.", "",
             f"  {'':<14}{'young':<22}mature",
             row("last 30 days", s.retention_month), row("all time", s.retention_all), "", "Cards by state:"]
    lines += bars({k: float(v) for k, v in s.counts.items()}, 36, lambda v: f"{v:.0f}")
    return "\n".join(lines)


def drills_text(s) -> str:
    if not s.drills:
        return "\n".join(wrap("No drill attempts yet: open one from Drills (d on Today), or `drill new DRILL` in a shell.",
                              EMPTY_WIDTH, hanging=""))
    lines = ["Best drill score per day, by category (0–5):"]
    for cat, history in s.drills.items():
        recent = history[-20:]
        spark = "".join(" ▁▂▄▆█"[int(score)] for _, score in recent)
        lines.append(f"{cat:<11} {spark:<20}  last {recent[-1][1]:g}/5 on {recent[-1][0]}  best {max(v for _, v in history):g}/5")
    return "\n".join(lines)


def readiness_text(s, width: int = 76) -> str:
    from drill.commands.readiness import render

    lines = [render(s.readiness, None, width, heading=False)] if s.readiness is not None else []
    if s.readiness_history:
        hist = s.readiness_history[-60:]
        lines += ["", f"Expected exam score, last {count(len(hist), 'day')} with a reading:"]
        labels = [day[5:] if i % 10 == 0 or i == len(hist) - 1 else "" for i, (day, _, _) in enumerate(hist)]
        lines += column_chart([e for _, e, _ in hist], labels, height=5, unit="%", goal=90.0)
    return "\n".join(lines)


RENDER = {"hours": hours_text, "topics": topics_text, "forecast": forecast_text, "memory": memory_text,
          "drills": drills_text, "readiness": readiness_text}


class StatsScreen(Screen[None]):
    """Tabs of text charts; ←/→ or 1–6 switch tabs, ↑/↓ scroll."""

    BINDINGS = [
        Binding("q,escape", "app.pop_screen", "Back"),
        Binding("left", "tab(-1)", "Prev tab"),
        Binding("right", "tab(1)", "Next tab"),
        Binding("u", "suspended", "Suspended"),
        *[Binding(str(i + 1), f"show('{t}')", t.title(), show=False) for i, t in enumerate(TABS)],
    ]
    DEFAULT_CSS = """
    StatsScreen TabPane { padding: 0 1; }
    StatsScreen .chart { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="tabs"):
            for name in TABS:
                with TabPane(name.title(), id=f"tab-{name}"):
                    with VerticalScroll():
                        yield Static("", id=f"chart-{name}", classes="chart")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "drill"
        self.sub_title = "Statistics"
        self.refresh_stats()

    def refresh_stats(self) -> None:
        data = self.app.progress_overview()  # type: ignore[attr-defined]
        self.data = data.stats
        for name, render in RENDER.items():
            text = render(data.stats) if name != "readiness" else render(data.stats, self.app.size.width - 4)  # padding, scrollbar
            self.query_one(f"#chart-{name}", Static).update(text)

    def action_suspended(self) -> None:
        self.app.open_screen("suspended")  # type: ignore[attr-defined]

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        current = TABS.index((tabs.active or "tab-hours").removeprefix("tab-"))
        tabs.active = f"tab-{TABS[(current + step) % len(TABS)]}"

    def action_show(self, name: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{name}"
