"""Today's progress panel: exam countdown, readiness, today's slice of the plan, hours today."""

from __future__ import annotations

from textual.widgets import Static

from drill.hours import format_minutes
from drill.wording import in_days


def panel_text(settings, readiness, plan, minutes_today: float) -> str:
    """Four short lines (pure: tested without the app)."""
    if settings.exam_date is not None:
        days = (settings.exam_date - plan.today).days
        when = in_days(days)
        exam = f"Exam {settings.exam_date:%a %d %b} ({when})"
    else:
        exam = "No exam date (`drill settings --exam-date`)"
    ready = (f"Readiness {readiness.expected_percent:.0f} % · pass chance {readiness.pass_probability:.0%} "
             f"({readiness.pass_low:.0%}–{readiness.pass_high:.0%}) · weakest {readiness.weakest}")
    day = next((d for d in plan.days if d.day == plan.today), None)
    if day is None:
        todo = "Plan: nothing planned today"
    elif day.review_day:
        todo = f"Plan today: review day (~{day.reviews:.0f} reviews)"
    else:
        groups = ", ".join(f"{k} {v}" for k, v in list(day.groups.items())[:3])
        drills = f", drills {', '.join(day.drills)}" if day.drills else ""
        todo = f"Plan today: {len(day.cards)} new ({groups}){drills}, ~{day.reviews:.0f} reviews"
    hours = f"Hours today {format_minutes(minutes_today)} of {settings.hours_per_day:g}h · next: {readiness.next_action}"
    return "\n".join((f"{exam} · {ready}", todo, hours))


class ReadinessPanel(Static):
    """A bordered block of text; the Today screen feeds it ``panel_text``."""

    DEFAULT_CSS = """
    ReadinessPanel { border: round $primary-muted; padding: 0 1; height: auto; }
    """
