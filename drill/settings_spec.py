"""Every study setting described once: its human name, how it is written, what range it takes.

`drill settings` (parse, validate, print) and the app's Settings screen both read this table, so
a setting has one name and one plain-language message everywhere. Validation ends in
``drill.models.Settings``; its raw messages never reach the learner (``validate`` rewords them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from drill.errors import UsageError


def _number(kind: type) -> Callable[[str, date], object]:
    def parse(text: str, today: date):
        try:
            return kind(text.strip())
        except ValueError:
            raise UsageError(f"{text!r} is not {'a number' if kind is float else 'a whole number'}") from None

    return parse


def parse_exam_date(text: str, today: date) -> str | None:
    """'2026-12-07', '+7d' (days from today), 'today' or 'none' (clears it)."""
    raw = text.strip().lower()
    if raw in ("none", "", "clear"):
        return None
    if raw == "today":
        day = today
    elif m := re.fullmatch(r"\+(\d{1,4})d?", raw):
        day = today + timedelta(days=int(m[1]))
    else:
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise UsageError(f"cannot read the exam date {text!r}",
                             hint="write it as YYYY-MM-DD, +7d (a week from today), today, or none") from None
    if day < today:
        raise UsageError(f"the exam date {day} is in the past (today is {today})", hint="give today or a later day")
    return day.isoformat()


def parse_steps(text: str, today: date) -> list[float]:
    try:
        steps = [float(p) for p in re.split(r"[,\s]+", text.strip()) if p]
    except ValueError:
        raise UsageError(f"cannot read the steps {text!r}", hint="write minutes separated by commas, e.g. 1,10") from None
    if not steps:
        raise UsageError("give at least one step in minutes, e.g. 1,10")
    return steps


def parse_choice(*choices: str) -> Callable[[str, date], str]:
    def parse(text: str, today: date) -> str:
        if text.strip().lower() not in choices:
            raise UsageError(f"{text!r} is not one of: {', '.join(choices)}")
        return text.strip().lower()

    return parse


def parse_onoff(text: str, today: date) -> bool:
    raw = text.strip().lower()
    if raw in ("on", "yes", "true", "1"):
        return True
    if raw in ("off", "no", "false", "0"):
        return False
    raise UsageError(f"{text!r} is neither on nor off")


def parse_timezone(text: str, today: date) -> str | None:
    raw = text.strip()
    if raw.lower() in ("", "local", "none"):
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone {raw!r}", hint="use an IANA name such as Europe/Berlin, or local") from None
    return raw


@dataclass(frozen=True)
class Field:
    key: str  # the field of drill.models.Settings
    name: str  # what the learner reads
    flag: str  # the `drill settings` option (without --)
    rule: str  # the allowed values, in words ("" when the parser says it all)
    parse: Callable[[str, date], object]
    low: float | None = None
    high: float | None = None
    in_app: bool = True  # shown on the Settings screen


FIELDS: tuple[Field, ...] = (
    Field("exam_date", "Exam date", "exam-date", "a day from today on (YYYY-MM-DD, +7d, today; none clears it)",
          parse_exam_date),
    Field("hours_per_day", "Study hours a day", "hours-per-day", "more than 0 and at most 16", _number(float), 0, 16),
    Field("path", "Learning path", "path", "repetition (one resource across all topics) or depth (topic by topic)",
          parse_choice("repetition", "depth")),
    Field("new_per_day", "New cards a day, at most", "new-per-day", "0 to 1000", _number(int), 0, 1000),
    Field("reviews_per_day", "Reviews a day, at most", "reviews-per-day", "0 to 10000", _number(int), 0, 10000),
    Field("desired_retention", "Desired retention", "retention", "0.70 to 0.99 (the recall odds FSRS aims for)",
          _number(float), 0.7, 0.99),
    Field("learning_steps_min", "Learning steps (minutes)", "learning-steps", "positive minutes, e.g. 1,10", parse_steps),
    Field("relearning_steps_min", "Relearning steps (minutes)", "relearning-steps", "positive minutes, e.g. 10",
          parse_steps),
    Field("rollover_hour", "New study day starts at (hour)", "rollover-hour", "0 to 23", _number(int), 0, 23),
    Field("timezone", "Time zone", "timezone", "an IANA name such as Europe/Berlin, or local", parse_timezone),
    Field("maximum_interval_days", "Longest interval (days)", "max-interval", "1 to 36500", _number(int), 1, 36500),
    Field("enable_fuzzing", "Fuzz intervals", "fuzz", "on or off", parse_onoff, in_app=False),
)
BY_KEY = {f.key: f for f in FIELDS}


def show(key: str, value, today: date) -> str:
    """A setting's value as the learner reads it."""
    if key == "exam_date":
        if value is None:
            return "not set"
        from drill.progress.agenda import exam_when

        day = date.fromisoformat(value) if isinstance(value, str) else value
        return f"{day:%a %d %b %Y} ({exam_when(day, today)})"  # on the Exam date row: "(in 7 days)"
    if key == "timezone":
        return value or "local (this machine's zone)"
    if key in ("learning_steps_min", "relearning_steps_min"):
        return ", ".join(f"{m:g}" for m in value) + " min"
    if key == "enable_fuzzing":
        return "on" if value else "off"
    if key == "desired_retention":
        return f"{value:.2f}"
    if key == "exam_weights":
        return ", ".join(f"{k} {v:g}" for k, v in value.items()) or "equal"
    if key == "fsrs_parameters":
        return "FSRS defaults" if value is None else f"personal ({len(value)} from `drill optimize`)"
    if key == "rollover_hour":
        return f"{value:02d}:00"
    return f"{value:g}" if isinstance(value, float) else str(value)


NAMES = {**{f.key: f.name for f in FIELDS}, "exam_weights": "Mock-exam task weights",
         "fsrs_parameters": "FSRS parameters"}


def validate(current, changes: dict):
    """The new ``Settings``, or a UsageError naming the setting and its allowed values in words."""
    from pydantic import ValidationError

    from drill.models import Settings

    try:
        return Settings.model_validate({**current.model_dump(), **changes})
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        spec = BY_KEY.get(key)
        name = NAMES.get(key, key.replace("_", " "))
        got = changes.get(key, first.get("input"))
        if spec is not None and spec.rule:
            raise UsageError(f"{name} must be {spec.rule}; got {got}",
                             hint=f"`drill settings --{spec.flag} VALUE`, or S › Settings in the app") from None
        reason = str(first.get("msg", "")).removeprefix("Value error, ")
        raise UsageError(f"{name}: {reason}") from None


def edit_text(key: str, value) -> str:
    """A setting's value as typed into the Settings screen (what ``parse`` reads back)."""
    if value is None:
        return "local" if key == "timezone" else "none"
    if isinstance(value, list):
        return ", ".join(f"{v:g}" for v in value)
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value.isoformat() if isinstance(value, date) else value)


def changes_from_text(current, texts: dict[str, str], today: date) -> dict:
    """Parse the fields the learner changed (by key → typed text); a bad one raises UsageError naming it."""
    changes = {}
    for key, text in texts.items():
        spec = BY_KEY[key]
        if text.strip() == edit_text(key, getattr(current, key)):
            continue
        try:
            changes[key] = spec.parse(text, today)
        except UsageError as error:
            raise UsageError(f"{spec.name}: {error.message}", hint=error.hint or spec.rule) from None
    return changes
