"""A disposable cache of per-day aggregates of the logs, so stats never re-read years of records.

Each day file of the ``reviews``, ``time``, ``submissions`` and ``readiness`` logs is summed
once; the sum is kept in ``<home>/cache/progress-v1-<log>.json`` (one file a log) with the day
file's size and mtime and recomputed only when the file changes (today's, an edit, an import).
One file a log, so a reader of one log pays for that log only: the readiness panel reads the
submissions, not years of review days, and an answer rewrites no cache it reads. Deleting the cache is
always safe: it is rebuilt from the logs (so is a damaged or wrong-shape cache, silently). It is
derived data, outside backups and exports. A damaged *day file* is never skipped in silence.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from drill.models import Settings
from drill.progress.evidence import READINESS_LOG, SUBMISSIONS, parse_submission
from drill.readiness import Submission
from drill.stats import day_reviews, day_time, merge_days
from drill.store.atomic import write_json_atomic
from drill.store.layout import RECORDS_TABLE, parse_at, partitions, validate_partition

LOGS = ("reviews", "time", SUBMISSIONS, READINESS_LOG)
OLD_CACHE = Path("cache", "progress-v1.json")  # the one-file cache of earlier versions: removed when met


def cache_file(log: str) -> Path:
    """The cache of one log, relative to the data folder."""
    return Path("cache", f"progress-v1-{log}.json")


@dataclass
class Daily:
    reviews: dict[str, dict]  # study day → review aggregate (drill.stats.day_reviews)
    time: dict[str, dict]  # study day → minutes (drill.stats.day_time)
    submissions: list[Submission]
    readiness: list[dict]
    left_out: list[dict] = field(default_factory=list)  # damaged day files: see left_out_message


def _usable(log: str, rec: object) -> bool:
    """A record the sums can use (a hand edit or a bad import can break one)."""
    try:
        parse_at(rec["at"])  # type: ignore[index]
        if log == "reviews":
            rating = rec["rating"]  # type: ignore[index]
            return type(rating) is int and 1 <= rating <= 4
        if log == "time":
            minutes = rec["minutes"]  # type: ignore[index]
            date.fromisoformat(rec["day"])  # type: ignore[index]
            return type(minutes) in (int, float) and 0 <= minutes <= 24 * 60
        if log == SUBMISSIONS:
            return parse_submission(rec) is not None  # type: ignore[arg-type]
        return isinstance(rec, dict)
    except (KeyError, TypeError, ValueError):
        return False


def _summarise(log: str, records: list[dict], settings: Settings):
    if log == "reviews":
        return day_reviews(records, settings)
    if log == "time":
        return day_time(records)
    if log == SUBMISSIONS:
        subs = (parse_submission(r) for r in records)
        return [[s.drill_id, s.score, s.at.isoformat()] for s in subs if s is not None]
    return [{k: r.get(k) for k in ("day", "expected", "low", "high", "pass", "categories")} for r in records]


def _entry(log: str, file: Path, fp: list[int], settings: Settings) -> dict:
    """A day file's cache entry: its sums, and what it had to leave out (never in silence)."""
    try:
        data = json.loads(file.read_bytes())
        validate_partition(data)
        records = list((data.get(RECORDS_TABLE) or {}).values())
    except (OSError, ValueError, AttributeError, TypeError) as exc:
        return {"fp": fp, "agg": _summarise(log, [], settings), "error": str(exc)[:200] or type(exc).__name__}
    good = [r for r in records if _usable(log, r)]
    entry = {"fp": fp, "agg": _summarise(log, good, settings)}
    if len(good) < len(records):
        entry["bad"] = len(records) - len(good)
    return entry


def _load_cache(path: Path, key: str) -> dict:
    """One log's cached days, or {} when the cache is missing, stale or damaged (rebuilt then)."""
    try:
        cache = json.loads(path.read_bytes())
        days = cache.get("days") if isinstance(cache, dict) and cache.get("key") == key else None
        if isinstance(days, dict) and all(isinstance(v, dict) for v in days.values()):
            return days
    except (OSError, ValueError):
        pass
    return {}


def load_daily(home: Path, settings: Settings, logs: tuple[str, ...] = LOGS) -> Daily:
    """Per-day aggregates of ``logs`` (all four by default), from the cache where the day file is unchanged.

    A log not asked for is empty in the result. A day file that cannot be read, or records in it
    that cannot be summed, are left out of the sums and listed in ``Daily.left_out`` (file,
    reason, records), so every screen and ``--json`` output can say what is missing
    (``left_out_message``).
    """
    key = f"{settings.timezone}|{settings.rollover_hour}"
    try:
        (Path(home) / OLD_CACHE).unlink(missing_ok=True)  # superseded by the per-log files (derived data)
    except OSError:
        pass  # a read-only data folder
    fresh: dict[str, dict] = {log: {} for log in LOGS}
    left_out: list[dict] = []
    for log in logs:
        path = Path(home) / cache_file(log)
        old = _load_cache(path, key)
        changed = False
        new = {}
        for day, file in partitions(Path(home), log):
            try:
                st = os.stat(file)
            except OSError:
                continue
            fp = [st.st_mtime_ns, st.st_size]
            entry = old.get(day.isoformat())
            if not isinstance(entry, dict) or entry.get("fp") != fp or not _entry_shape_ok(log, entry):
                entry = _entry(log, file, fp, settings)
                changed = True
            new[day.isoformat()] = entry
            if "error" in entry or "bad" in entry:
                left_out.append({"file": str(file), "day": day.isoformat(), "log": log, "bytes": st.st_size,
                                 "reason": entry.get("error") or "records with invalid values",
                                 "records": entry.get("bad")})  # None: the whole file
        changed = changed or len(new) != len(old)
        fresh[log] = new
        if changed:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_json_atomic(path, {"key": key, "days": new})
            except OSError:
                pass  # a read-only data folder still shows stats
    if left_out:
        from drill.store.backups import find_good_backup

        for item in left_out:
            good = find_good_backup(Path(home), Path(item["file"]).relative_to(home))
            item["backup"] = str(good) if good else None
    subs = [Submission(d, float(s), datetime.fromisoformat(at)) for e in fresh[SUBMISSIONS].values() for d, s, at in e["agg"]]
    snaps = [r for e in fresh[READINESS_LOG].values() for r in e["agg"]]
    return Daily(
        reviews=merge_days(e["agg"] for e in fresh["reviews"].values()),
        time=merge_days(e["agg"] for e in fresh["time"].values()),
        submissions=sorted(subs, key=lambda s: s.at),
        readiness=sorted(snaps, key=lambda r: r.get("day") or ""),
        left_out=left_out,
    )


def _entry_shape_ok(log: str, entry: dict) -> bool:
    """A cache entry another version (or a damaged cache) wrote in another shape is rebuilt."""
    agg = entry.get("agg")
    if log in ("reviews", "time"):
        return isinstance(agg, dict) and all(isinstance(v, dict) for v in agg.values())
    if log == SUBMISSIONS:
        return isinstance(agg, list) and all(isinstance(v, list) and len(v) == 3 for v in agg)
    return isinstance(agg, list) and all(isinstance(v, dict) for v in agg)


def left_out_message(left_out: list[dict]) -> str | None:
    """One warning naming every damaged day file the sums left out, and how much; None if none."""
    if not left_out:
        return None
    parts = []
    for item in left_out:
        if item["log"] == "decks":
            parts.append(f"{item['file']}: {item['reason']} — left out the cards it holds (`drill lint` lists them)")
            continue
        what = f"{item['records']} record(s)" if item.get("records") else f"the whole {item['log']} day {item['day']}"
        backup = f"newest good backup: {item['backup']}" if item.get("backup") else "no good backup found"
        parts.append(f"{item['file']}: {item['reason']} — left out {what} ({backup})")
    return ("these figures leave out damaged data:\n  " + "\n  ".join(parts)
            + "\n  hint: copy the backup over the damaged file (or fix it by hand); drill left it untouched")


def warn_left_out(home: Path, settings: Settings, data: dict | None = None, decks=None) -> int:
    """For the text commands: print the left-out warning to stderr, add ``left_out`` to ``data``
    (the ``--json`` document); return the exit code (2 when something was left out, else 0).

    ``decks`` (a DeckSet): cards of the learner's own decks that do not parse are left out too.
    """
    import sys

    left_out = load_daily(home, settings).left_out  # cached: the second read costs a stat per file
    for problem in getattr(decks, "problems", ()):
        if Path(problem.path).is_relative_to(home):  # shipped content is `drill lint`'s business
            left_out.append({"file": str(problem.path), "log": "decks", "day": None, "records": None,
                             "reason": f"line {problem.line}: {problem.message}", "bytes": None, "backup": None})
    if data is not None:
        data["left_out"] = left_out
    message = left_out_message(left_out)
    if message:
        print(f"drill: {message}", file=sys.stderr)
    return 2 if left_out else 0
