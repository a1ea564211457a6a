"""Study hours, pure: time entries, duration parsing, validation, the idle-aware tracker, reports.

No IO here: the clock and the existing entries are passed in. ``drill.progress.timebook`` stores
entries in the day-partitioned log ``time``; the app feeds :class:`ActivityTracker` its input
events and writes what it hands back.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from pydantic import Field, field_validator

from drill.errors import UsageError
from drill.models import RESOURCES, TOPICS, Record, utc

TIME_LOG = "time"
IDLE_AFTER = timedelta(minutes=5)
MAX_ENTRY = timedelta(hours=16)
MAX_DAY = timedelta(hours=24)
EARLIEST_DAY = date(2015, 1, 1)  # no study day before TensorFlow's first release
Activity = Literal["review", "drill", "notes", "exam"]
ACTIVITIES: tuple[str, ...] = ("review", "drill", "notes", "exam")
Source = Literal["app", "manual"]


class TimeEntry(Record):
    """One span of study: tracked by the app (``source="app"``: exact start and end) or logged by hand.

    ``at`` is when the span started (app) or when it was logged (manual; with ``--date`` the
    middle of that study day); ``day`` is the study day it counts for.
    """

    id: str
    at: datetime
    day: date
    minutes: float = Field(gt=0, le=24 * 60, strict=True)  # the same rule the day sums use (no bool, no text)
    source: Source = "manual"
    activity: Activity | None = None
    topic: str | None = None
    resource: str | None = None
    note: str = ""

    _utc = field_validator("at")(lambda v: utc(v))

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: str | None) -> str | None:
        if value is not None and value not in TOPICS:
            raise ValueError(f"unknown topic {value!r} (one of {', '.join(TOPICS)})")
        return value

    @field_validator("resource")
    @classmethod
    def _resource(cls, value: str | None) -> str | None:
        if value is not None and value not in (*RESOURCES, "app"):
            raise ValueError(f"unknown resource {value!r} (one of {', '.join(RESOURCES)})")
        return value

    @property
    def end(self) -> datetime:
        return self.at + timedelta(minutes=self.minutes)


# --------------------------------------------------------------------------------- parsing
_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(hours?|hrs|hr|h|minutes?|mins|min|m)", re.I)


def parse_duration(text: str) -> timedelta:
    """Parse '1h30m', '90m', '1.5h', '45' (minutes), '1:30' (h:mm); refuse anything else.

    Raises:
        UsageError: malformed, zero, negative or longer than 16 hours.
    """
    raw = (text or "").strip().lower().replace(" ", "")
    if raw.startswith("-"):
        raise UsageError(f"duration {text!r} is negative: log time you studied, a positive amount")
    minutes: float | None = None
    if re.fullmatch(r"\d+(\.\d+)?", raw):
        minutes = float(raw)
    elif m := re.fullmatch(r"(\d+)(?::|h)([0-5]\d)", raw):
        minutes = int(m[1]) * 60 + int(m[2])
    elif raw and _UNIT.sub("", raw) == "" and (parts := _UNIT.findall(raw)):
        units = [u[0] for _, u in parts]
        if len(set(units)) == len(units):
            minutes = sum(float(n) * (60 if u == "h" else 1) for n, u in ((n, u[0]) for n, u in parts))
    if minutes is None:
        raise UsageError(
            f"cannot read the duration {text!r}",
            hint="write it like 1h30m, 90m, 1.5h, 45 (minutes) or 1:30",
        )
    if minutes <= 0:
        raise UsageError(f"duration {text!r} is zero: nothing to log")
    if minutes > MAX_ENTRY.total_seconds() / 60:  # before timedelta(), which overflows on huge numbers
        raise UsageError(f"duration {text!r} is longer than 16 hours: split it over the days it covers")
    return timedelta(minutes=minutes)


def format_minutes(minutes: float) -> str:
    """'1h30m', '45m', '<1m' (some study, under half a minute: not nothing), '0m'."""
    total = int(round(minutes))
    if minutes > 0 and total == 0:
        return "<1m"
    hours, mins = divmod(total, 60)
    if hours and mins:
        return f"{hours}h{mins:02d}m"
    return f"{hours}h" if hours else f"{mins}m"


def check_topic(topic: str | None) -> str | None:
    if topic is not None and topic not in TOPICS:
        raise UsageError(f"unknown topic {topic!r}", hint=f"use one of: {', '.join(TOPICS)}")
    return topic


def check_resource(resource: str | None) -> str | None:
    if resource is not None and resource not in RESOURCES:
        raise UsageError(f"unknown resource {resource!r}", hint=f"use one of: {', '.join(RESOURCES)}")
    return resource


def parse_day(text: str, today: date) -> date:
    """Parse YYYY-MM-DD, 'today' or 'yesterday'; refuse future days."""
    raw = text.strip().lower()
    if raw == "today":
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"cannot read the date {text!r}", hint="write it as YYYY-MM-DD, 'today' or 'yesterday'") from None
    if day > today:
        raise UsageError(f"{day} is in the future (today is {today}): log time you have already studied")
    if day < EARLIEST_DAY:  # also keeps day arithmetic (the day before, time zones) inside date's range
        raise UsageError(f"{day} is before {EARLIEST_DAY}: drill does not log study days that early",
                         hint="check the year (YYYY-MM-DD)")
    return day


# ------------------------------------------------------------------------------ validation
def overlapping(entry: TimeEntry, others: Iterable[TimeEntry]) -> TimeEntry | None:
    """The first app-tracked entry (other than ``entry`` itself) whose span overlaps ``entry``'s."""
    if entry.source != "app":
        return None
    for other in others:
        if other.id != entry.id and other.source == "app" and other.at < entry.end and entry.at < other.end:
            return other
    return None


def validate_new(entry: TimeEntry, existing: Sequence[TimeEntry], now: datetime, today: date) -> None:
    """Refuse (UsageError with the reason) an entry that cannot be true."""
    if entry.day > today or entry.at > now + timedelta(seconds=1):
        raise UsageError(f"{entry.day} is in the future (today is {today}): log time you have already studied")
    clash = overlapping(entry, existing)
    if clash is not None:
        raise UsageError(
            f"this span ({entry.at:%Y-%m-%d %H:%M}–{entry.end:%H:%M} UTC) overlaps entry {clash.id} "
            f"({clash.at:%H:%M}–{clash.end:%H:%M} UTC): the same time cannot be counted twice"
        )
    day_total = sum(e.minutes for e in existing if e.day == entry.day and e.id != entry.id) + entry.minutes
    if timedelta(minutes=day_total) > MAX_DAY:
        raise UsageError(
            f"{entry.day} would hold {format_minutes(day_total)} of study: a day has only 24 hours",
            hint="check `drill log --list` for an entry logged twice",
        )


# --------------------------------------------------------------------------------- tracker
@dataclass
class Span:
    """A stretch of active study the tracker saw: same id across flushes while it grows."""

    id: str
    start: datetime
    end: datetime
    activity: str
    topic: str | None

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


@dataclass
class ActivityTracker:
    """Idle-aware time tracker, pure: feed it input events and the current activity with times.

    A span starts at the first input on a tracked screen and grows with each input that
    follows within ``idle_after``; a longer silence closes it at the last input (idle time is
    never counted). A change of activity or topic closes the span and opens another. ``flush``
    returns every span that grew since the last flush (the open one too, with the same id, so
    the caller can write it again in place).
    """

    idle_after: timedelta = IDLE_AFTER
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex)
    activity: str | None = None
    topic: str | None = None
    _open: Span | None = None
    _changed: dict[str, Span] = field(default_factory=dict)

    def set_activity(self, now: datetime, activity: str | None, topic: str | None = None) -> None:
        """The learner is now on ``activity`` (None: an untracked screen such as Today)."""
        if (activity, topic) != (self.activity, self.topic):
            self._close()
            self.activity, self.topic = activity, topic
            if activity is not None:
                self.input(now)

    def input(self, now: datetime) -> None:
        """A key press or click at ``now``."""
        now = utc(now)
        if self.activity is None:
            return
        span = self._open
        if span is not None and now - span.end > self.idle_after:
            self._close()
            span = None
        if span is None:
            self._open = Span(self.new_id(), now, now, self.activity, self.topic)
        elif now > span.end:
            span.end = now
            self._changed[span.id] = span

    def flush(self, now: datetime) -> list[Span]:
        """Spans that grew since the last flush (closing the open one when idle by ``now``)."""
        if self._open is not None and utc(now) - self._open.end > self.idle_after:
            self._close()
        out = [Span(s.id, s.start, s.end, s.activity, s.topic) for s in self._changed.values() if s.end > s.start]
        self._changed.clear()
        return out

    def stop(self, now: datetime) -> list[Span]:
        """Quit: close everything and return what is left to write."""
        self._close()
        self.activity = self.topic = None
        return self.flush(now)

    def _close(self) -> None:
        if self._open is not None and self._open.end > self._open.start:
            self._changed[self._open.id] = self._open
        self._open = None


# --------------------------------------------------------------------------------- reports
@dataclass(frozen=True)
class HoursReport:
    """Minutes by day, topic, resource and activity over [first, last]."""

    first: date | None
    last: date
    total: float
    by_day: dict[str, float]
    by_topic: dict[str, float]
    by_resource: dict[str, float]
    by_activity: dict[str, float]

    def as_json(self) -> dict:
        hours = lambda d: {k: round(v / 60, 3) for k, v in d.items()}  # noqa: E731
        return {
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat(),
            "total_hours": round(self.total / 60, 3),
            "by_day": hours(self.by_day),
            "by_topic": hours(self.by_topic),
            "by_resource": hours(self.by_resource),
            "by_activity": hours(self.by_activity),
        }


def entry_resource(entry: TimeEntry) -> str:
    return entry.resource or ("app" if entry.source == "app" else "unspecified")


def hours_report(entries: Iterable[TimeEntry], last: date, first: date | None = None) -> HoursReport:
    """Sum entries with ``first <= day <= last`` (``first`` None: all)."""
    by_day: dict[str, float] = {}
    by_topic: dict[str, float] = {}
    by_resource: dict[str, float] = {}
    by_activity: dict[str, float] = {}
    total = 0.0
    for e in entries:
        if e.day > last or (first is not None and e.day < first):
            continue
        total += e.minutes
        for bucket, key in (
            (by_day, e.day.isoformat()),
            (by_topic, e.topic or "other"),
            (by_resource, entry_resource(e)),
            (by_activity, e.activity or "outside the app"),
        ):
            bucket[key] = bucket.get(key, 0.0) + e.minutes
    return HoursReport(first, last, total, dict(sorted(by_day.items())), by_topic, by_resource, by_activity)
