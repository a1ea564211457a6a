"""Study-hours use cases over the store: log by hand, list, edit, delete, save tracked spans, CSV.

Entries live in the day-partitioned log ``time`` (see ``drill.hours.TimeEntry``). Every write is
validated first; a refused entry leaves the store untouched.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from pydantic import ValidationError

from drill.errors import UsageError
from drill.hours import (
    TIME_LOG,
    Span,
    TimeEntry,
    check_resource,
    check_topic,
    entry_resource,
    parse_day,
    parse_duration,
    validate_new,
)
from drill.models import Settings
from drill.schedule.days import day_start, study_day
from drill.store.atomic import write_bytes_atomic

CSV_FIELDS = ("id", "day", "start_utc", "minutes", "hours", "source", "activity", "topic", "resource", "note")


def _now() -> datetime:
    return datetime.now(timezone.utc)


class TimeBook:
    """The learner's study-time entries."""

    def __init__(self, store, settings: Settings, clock: Callable[[], datetime] = _now):
        self.store = store
        self.settings = settings
        self.clock = clock

    @property
    def today(self) -> date:
        return study_day(self.clock(), self.settings)

    # -- reading ----------------------------------------------------------------------------
    def entries(self, first: date | None = None, last: date | None = None) -> list[TimeEntry]:
        """Entries whose study day is in [first, last], in time order."""
        since = day_start(first, self.settings) - timedelta(days=1) if first else None
        until = day_start(last, self.settings) + timedelta(days=2) if last else None
        out = []
        for entry in self.store.records(TIME_LOG, since=since, until=until, parse=TimeEntry.model_validate):
            if (first is None or entry.day >= first) and (last is None or entry.day <= last):
                out.append(entry)
        return out

    def find(self, entry_id: str) -> TimeEntry:
        for entry in self.entries():
            if entry.id == entry_id or (len(entry_id) >= 4 and entry.id.startswith(entry_id)):
                return entry
        raise UsageError(f"no time entry {entry_id!r}", hint="`drill log --list` shows the ids")

    # -- writing ----------------------------------------------------------------------------
    def log(
        self,
        duration: str,
        *,
        topic: str | None = None,
        resource: str | None = None,
        note: str = "",
        day: str | None = None,
    ) -> TimeEntry:
        """Log time studied outside the app; nothing is written when anything is refused."""
        length = parse_duration(duration)
        check_topic(topic)
        check_resource(resource)
        now = self.clock()
        when = parse_day(day, self.today) if day else self.today
        at = now if when == self.today else min(now, day_start(when, self.settings) + timedelta(hours=12))
        entry = TimeEntry(
            id=uuid.uuid4().hex[:12], at=at, day=when, minutes=length.total_seconds() / 60,
            topic=topic, resource=resource, note=note or "",
        )
        return self._write(entry, None)

    def edit(self, entry_id: str, *, duration: str | None = None, topic: str | None = None,
             resource: str | None = None, note: str | None = None, day: str | None = None) -> TimeEntry:
        """Change a hand-logged entry's fields (app-tracked spans: topic and note only)."""
        old = self.find(entry_id)
        changes: dict = {}
        if duration is not None:
            if old.source == "app":
                raise UsageError("an app-tracked span's length is what the app measured; delete it instead")
            changes["minutes"] = parse_duration(duration).total_seconds() / 60
        if topic is not None:
            changes["topic"] = check_topic(topic)
        if resource is not None:
            if old.source == "app":
                raise UsageError("an app-tracked span has no resource to change")
            changes["resource"] = check_resource(resource)
        if note is not None:
            changes["note"] = note
        if day is not None:
            if old.source == "app":
                raise UsageError("an app-tracked span happened when it happened; its date cannot change")
            new_day = parse_day(day, self.today)
            changes["day"] = new_day
            changes["at"] = min(self.clock(), day_start(new_day, self.settings) + timedelta(hours=12))
        if not changes:
            raise UsageError("nothing to change", hint="give --duration, --topic, --resource, --note or --date")
        try:
            entry = TimeEntry.model_validate({**old.model_dump(), **changes})
        except ValidationError as error:
            raise UsageError(f"cannot edit {old.id}: {error.errors()[0]['msg']}") from error
        return self._write(entry, old)

    def delete(self, entry_id: str) -> TimeEntry:
        entry = self.find(entry_id)
        self.store.remove(TIME_LOG, entry.id, entry.model_dump(mode="json")["at"])
        return entry

    def save_spans(self, spans: Iterable[Span]) -> list[TimeEntry]:
        """Write what the app's tracker measured (a span seen before is rewritten in place)."""
        saved = []
        for span in spans:
            if span.minutes <= 0:
                continue
            entry = TimeEntry(
                id=span.id, at=span.start, day=study_day(span.start, self.settings), minutes=span.minutes,
                source="app", activity=span.activity, topic=span.topic, resource="app",  # type: ignore[arg-type]
            )
            old = None
            existing = self.store.records(TIME_LOG, since=span.start, until=span.start + timedelta(seconds=1),
                                          parse=TimeEntry.model_validate)
            for stored in existing:
                if stored.id == span.id:
                    old = stored
            saved.append(self._write(entry, old))
        return saved

    def _write(self, entry: TimeEntry, old: TimeEntry | None) -> TimeEntry:
        # The day limits (24 h a day, no overlap) are checked under the writer lock, so that
        # simultaneous `drill log` runs cannot each pass the check and together break it.
        with self.store.batch():
            near = self.entries(entry.day - timedelta(days=1), entry.day + timedelta(days=1))
            validate_new(entry, [e for e in near if old is None or e.id != old.id], self.clock(), self.today)
            if old is not None:
                self.store.remove(TIME_LOG, old.id, old.model_dump(mode="json")["at"])
            self.store.append(TIME_LOG, entry.model_dump(mode="json"))
        return entry

    # -- export -----------------------------------------------------------------------------
    def write_csv(self, path: Path, entries: Iterable[TimeEntry] | None = None) -> int:
        """Write entries as CSV (one row each, hours and minutes); return the row count."""
        rows = list(self.entries() if entries is None else entries)
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(CSV_FIELDS)
        for e in rows:
            writer.writerow([
                e.id, e.day.isoformat(), e.at.isoformat(), round(e.minutes, 2), round(e.minutes / 60, 3),
                e.source, e.activity or "", e.topic or "", entry_resource(e), e.note,
            ])
        write_bytes_atomic(Path(path), buffer.getvalue().encode("utf-8"))  # unique temp name
        return len(rows)
