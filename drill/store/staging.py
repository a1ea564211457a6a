"""Whole-folder replacement for imports and migrations: build the new data in a staging folder
next to the live one, check it, make it durable, then swap it in.

The store journals the swap (``Store._swap_journalled``) so a crash mid-swap is finished on the
next open; everything here is plain filesystem work and idempotent.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from drill.store import backups, migrations
from drill.store.atomic import dumps, fsync_dir, read_json
from drill.store.layout import (
    LOG_DIR,
    MAIN_FILE,
    META_KEY,
    META_TABLE,
    RECORDS_TABLE,
    STAGING_PREFIX,
    data_files,
    parse_at,
    partition_relpath,
    schema_version,
    validate_main,
)

OLD_LOG_DIR = ".old-log"


def new_staging(home: Path) -> Path:
    staging = home / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
    staging.mkdir()
    return staging


def check_staging(staging: Path, error: Callable[[Path, str], Exception]) -> None:
    """Every staged file reads back valid, at the current schema version."""
    for rel in data_files(staging):
        read_json(staging / rel, backups.validator_for(rel), error)
    if schema_version(read_json(staging / MAIN_FILE, validate_main, error)) != migrations.latest_version():
        raise RuntimeError("migration did not reach the current schema version")


def write_export(staging: Path, tables: dict[str, Any], logs: dict[str, list[dict]], version: int) -> None:
    """Lay out an export's tables and logs in ``staging`` as the store's files (synced later)."""
    tables.setdefault(META_TABLE, {})[META_KEY] = {"schema_version": version}
    (staging / MAIN_FILE).write_bytes(dumps(tables))
    (staging / LOG_DIR).mkdir()
    for log, recs in logs.items():
        by_day: dict[date, dict[str, Any]] = {}
        for rec in recs:
            by_day.setdefault(parse_at(rec["at"]).date(), {})[rec["id"]] = rec
        for day, day_recs in by_day.items():
            path = staging / partition_relpath(log, day)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(dumps({RECORDS_TABLE: day_recs}))


def sync_calls(root: Path) -> list[Callable[[], None]]:
    """One fsync call per file and folder under ``root`` (the store runs them in parallel)."""

    def sync_file(path: str) -> None:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    calls: list[Callable[[], None]] = []
    for folder, _, names in os.walk(root):
        calls.extend(lambda p=os.path.join(folder, n): sync_file(p) for n in names)
        calls.append(lambda d=Path(folder): fsync_dir(d))
    return calls


def swap(home: Path, staging: Path) -> None:
    """Idempotent: move staging's log/ and drill.json into place, drop the old ones."""
    old = home / OLD_LOG_DIR
    if (staging / LOG_DIR).exists():
        if (home / LOG_DIR).exists():
            if old.exists():
                shutil.rmtree(old)
            os.rename(home / LOG_DIR, old)
        os.rename(staging / LOG_DIR, home / LOG_DIR)
    if (staging / MAIN_FILE).exists():
        os.replace(staging / MAIN_FILE, home / MAIN_FILE)
    fsync_dir(home)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def export_document(tables: dict[str, Any], logs: dict[str, list[dict]], now: datetime, format_marker: str) -> dict[str, Any]:
    """The backup document: the store's own meta record left out (the version says it)."""
    meta = tables.get(META_TABLE)
    if meta is not None:
        meta.pop(META_KEY, None)
        if not meta:
            del tables[META_TABLE]
    return {
        "format": format_marker,
        "schema_version": migrations.latest_version(),
        "exported_at": now.isoformat(),
        "tables": tables,
        "logs": {log: recs for log, recs in logs.items() if recs},
    }
