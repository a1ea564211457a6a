"""Where things live inside the data folder, and what a valid file looks like.

::

    <home>/drill.json                              keyed documents: {table: {key: doc}}
    <home>/log/<log>/YYYY/MM/YYYY-MM-DD.json       one study day (UTC) of a log: {"records": {id: rec}}
    <home>/journal.jsonl                           write-ahead journal (emptied at checkpoints)
    <home>/backups/<YYYY-MM-DDTHHMMSSZ>[-label]/   snapshots of drill.json + log/
    <home>/.lock, <home>/.session.lock             writer lock, interactive-session lock
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from drill.store.atomic import validate_tinydb

MAIN_FILE = "drill.json"
LOG_DIR = "log"
JOURNAL_FILE = "journal.jsonl"
BACKUP_DIR = "backups"
LOCK_FILE = ".lock"
SESSION_LOCK_FILE = ".session.lock"
STAGING_PREFIX = ".staging-"
RECORDS_TABLE = "records"
META_TABLE = "meta"
META_KEY = "store"  # meta/store = {"schema_version": N}

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")


def check_name(kind: str, name: object) -> str:
    """Table and log names become file/folder names: keep them plain."""
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ValueError(f"invalid {kind} name {name!r}: use letters, digits, '_' and '-'")
    return name


def check_key(key: object) -> str:
    if not isinstance(key, str) or not key:
        raise ValueError(f"invalid key {key!r}: keys are non-empty strings")
    return key


def parse_at(at: object) -> datetime:
    """Parse a record's ``at`` (ISO-8601 with a UTC offset or ``Z``) into aware UTC."""
    if not isinstance(at, str):
        raise ValueError(f"'at' must be an ISO-8601 string, got {at!r}")
    try:
        dt = datetime.fromisoformat(at)
    except ValueError:
        raise ValueError(f"'at' is not an ISO-8601 date-time: {at!r}") from None
    if dt.tzinfo is None:
        raise ValueError(f"'at' has no UTC offset: {at!r}")
    return dt.astimezone(timezone.utc)


def aware(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError(f"naive datetime {dt!r}: pass an aware UTC datetime")
    return dt.astimezone(timezone.utc)


def partition_relpath(log: str, day: date) -> Path:
    return Path(LOG_DIR, log, f"{day.year:04d}", f"{day.month:02d}", f"{day.isoformat()}.json")


def log_names(root: Path) -> list[str]:
    base = root / LOG_DIR
    try:
        entries = os.scandir(base)
    except FileNotFoundError:
        return []
    with entries:
        return sorted(e.name for e in entries if e.is_dir() and NAME_RE.match(e.name))


def partitions(root: Path, log: str, first: date | None = None, last: date | None = None) -> list[tuple[date, Path]]:
    """Day files of ``log`` in date order, only those within [first, last] (by name, unparsed)."""
    out: list[tuple[date, Path]] = []
    base = root / LOG_DIR / log
    for year in _sorted_dirs(base, 4):
        y = int(year)
        if (first and y < first.year) or (last and y > last.year):
            continue
        for month in _sorted_dirs(base / year, 2):
            m = int(month)
            if (first and (y, m) < (first.year, first.month)) or (last and (y, m) > (last.year, last.month)):
                continue
            folder = base / year / month
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it if _DAY_RE.match(e.name))
            for name in names:
                try:
                    day = date.fromisoformat(name[:-5])
                except ValueError:
                    continue
                if (first and day < first) or (last and day > last):
                    continue
                out.append((day, folder / name))
    return out


def _sorted_dirs(base: Path, width: int) -> list[str]:
    try:
        with os.scandir(base) as it:
            return sorted(e.name for e in it if e.is_dir() and len(e.name) == width and e.name.isdigit())
    except FileNotFoundError:
        return []


def data_files(root: Path) -> list[Path]:
    """Relative paths of every data file under ``root`` (drill.json and log day files)."""
    out: list[Path] = []
    if (root / MAIN_FILE).is_file():
        out.append(Path(MAIN_FILE))
    for log in log_names(root):
        out.extend(p.relative_to(root) for _, p in partitions(root, log))
    return out


def validate_main(data: Any) -> None:
    validate_tinydb(data)
    store_meta = data.get(META_TABLE, {}).get(META_KEY)
    if store_meta is not None:
        v = store_meta.get("schema_version")
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise ValueError(f"meta/{META_KEY}/schema_version is {v!r}, not a version number")


def validate_partition(data: Any) -> None:
    validate_tinydb(data)
    for name in data:
        if name != RECORDS_TABLE:
            raise ValueError(f"unexpected table {name!r} in a log file")
    for key, rec in data.get(RECORDS_TABLE, {}).items():
        if rec.get("id") != key or not isinstance(rec.get("at"), str):
            raise ValueError(f"record {key!r} lacks a matching 'id' or a string 'at'")


def validator_for(relpath: Path):
    return validate_main if relpath == Path(MAIN_FILE) else validate_partition


def schema_version(main: dict[str, Any] | None) -> int | None:
    """Version recorded in parsed drill.json; None when there is no file; 0 when unversioned."""
    if main is None:
        return None
    return int(main.get(META_TABLE, {}).get(META_KEY, {}).get("schema_version", 0))
