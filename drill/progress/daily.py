"""A disposable cache of per-day aggregates of the logs, so stats never re-read years of records.

Each day file of the ``reviews``, ``time``, ``submissions`` and ``readiness`` logs is summed
once; the sum is kept in ``<home>/cache/progress-v1.json`` with the file's size and mtime and
recomputed only when the file changes (today's, an edit, an import). Deleting the cache is
always safe: it is rebuilt from the logs. It is derived data, outside backups and exports.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from drill.models import Settings
from drill.progress.evidence import READINESS_LOG, SUBMISSIONS, parse_submission
from drill.readiness import Submission
from drill.stats import day_reviews, day_time, merge_days
from drill.store.atomic import write_json_atomic
from drill.store.layout import RECORDS_TABLE, partitions

CACHE_FILE = Path("cache", "progress-v1.json")
LOGS = ("reviews", "time", SUBMISSIONS, READINESS_LOG)


@dataclass
class Daily:
    reviews: dict[str, dict]  # study day → review aggregate (drill.stats.day_reviews)
    time: dict[str, dict]  # study day → minutes (drill.stats.day_time)
    submissions: list[Submission]
    readiness: list[dict]


def _summarise(log: str, records: list[dict], settings: Settings):
    if log == "reviews":
        return day_reviews(records, settings)
    if log == "time":
        return day_time(records)
    if log == SUBMISSIONS:
        subs = (parse_submission(r) for r in records)
        return [[s.drill_id, s.score, s.at.isoformat()] for s in subs if s is not None]
    return [{k: r.get(k) for k in ("day", "expected", "low", "high", "pass", "categories")} for r in records]


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_bytes())
        return list((data.get(RECORDS_TABLE) or {}).values())
    except (OSError, ValueError, AttributeError):
        return []


def load_daily(home: Path, settings: Settings) -> Daily:
    """Per-day aggregates of every log, from the cache where the day file is unchanged."""
    path = Path(home) / CACHE_FILE
    key = f"{settings.timezone}|{settings.rollover_hour}"
    try:
        cache = json.loads(path.read_bytes())
        if cache.get("key") != key:
            cache = {}
    except (OSError, ValueError):
        cache = {}
    logs = cache.get("logs") or {}
    changed = False
    fresh: dict[str, dict] = {}
    for log in LOGS:
        old = logs.get(log) or {}
        new = {}
        for day, file in partitions(Path(home), log):
            try:
                st = os.stat(file)
            except OSError:
                continue
            fp = [st.st_mtime_ns, st.st_size]
            entry = old.get(day.isoformat())
            if entry is None or entry.get("fp") != fp:
                entry = {"fp": fp, "agg": _summarise(log, _read(file), settings)}
                changed = True
            new[day.isoformat()] = entry
        changed = changed or len(new) != len(old)
        fresh[log] = new
    if changed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_json_atomic(path, {"key": key, "logs": fresh})
        except OSError:
            pass  # a read-only data folder still shows stats
    subs = [Submission(d, float(s), datetime.fromisoformat(at)) for e in fresh[SUBMISSIONS].values() for d, s, at in e["agg"]]
    snaps = [r for e in fresh[READINESS_LOG].values() for r in e["agg"]]
    return Daily(
        reviews=merge_days(e["agg"] for e in fresh["reviews"].values()),
        time=merge_days(e["agg"] for e in fresh["time"].values()),
        submissions=sorted(subs, key=lambda s: s.at),
        readiness=sorted(snaps, key=lambda r: r.get("day") or ""),
    )
