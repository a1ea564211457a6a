"""Study days: a day runs from the rollover hour to the next, in the learner's local zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from drill.errors import UsageError
from drill.models import Settings, utc


def local_zone(settings: Settings) -> tzinfo:
    """The learner's zone: the setting's IANA name, else the machine's local zone."""
    if settings.timezone:
        try:
            return ZoneInfo(settings.timezone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise UsageError(
                f"unknown time zone {settings.timezone!r} in settings",
                hint="use an IANA name such as 'Europe/Berlin', or clear the setting",
            ) from error
    return datetime.now().astimezone().tzinfo or timezone.utc


def study_day(at: datetime, settings: Settings) -> date:
    """The study day ``at`` belongs to (before the rollover hour counts as the day before)."""
    local = utc(at).astimezone(local_zone(settings))
    return (local - timedelta(hours=settings.rollover_hour)).date()


def day_start(day: date, settings: Settings) -> datetime:
    """The UTC instant a study day begins."""
    local = datetime.combine(day, time(hour=settings.rollover_hour), tzinfo=local_zone(settings))
    return local.astimezone(timezone.utc)


def next_day_start(at: datetime, settings: Settings) -> datetime:
    """The UTC instant the study day after ``at``'s begins (used to bury until tomorrow)."""
    return day_start(study_day(at, settings) + timedelta(days=1), settings)
