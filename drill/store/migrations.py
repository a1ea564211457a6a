"""Schema versions and the ordered steps that upgrade a data folder.

``MIGRATIONS`` is an ordered list of ``(version, step)``. ``step(folder)`` upgrades the data
folder ``folder`` (``drill.json`` + ``log/``, in the layout of the previous version) by one
version, rewriting files as it likes; the runner then records ``version`` in
``meta/store/schema_version``. Steps always run on a staging copy (never on the live folder),
after a full backup, and the result is swapped in atomically; so a step may fail or be killed
half way without harm.

To add version N+1: write ``_to_vN1(folder)``, append ``(N+1, _to_vN1)``. Never edit or
reorder shipped steps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drill.store.atomic import make_dirs, read_json, write_json_atomic
from drill.store.layout import (
    LOG_DIR,
    MAIN_FILE,
    META_KEY,
    META_TABLE,
    RECORDS_TABLE,
    parse_at,
    partition_relpath,
    validate_main,
)

DAYS_LOG = "days"  # drill.session.DAYS: one record per study day with an answer

Step = Callable[[Path], None]


def _to_v1(folder: Path) -> None:
    """Version 1, the initial layout: drill.json with tables, log/<name>/YYYY/MM/day files."""
    make_dirs(folder / LOG_DIR)
    if not (folder / MAIN_FILE).exists():
        write_json_atomic(folder / MAIN_FILE, {})


def _to_v2(folder: Path) -> None:
    """Version 2: the one-entry-per-study-day ``days`` table leaves drill.json for the ``days``
    log (one record ``{"id": <study day>, "at": <first answer>}``, partitioned by day like every
    log), so drill.json, rewritten on every answer, no longer grows with each day studied."""
    data = read_json(folder / MAIN_FILE, validate_main) or {}
    days = data.pop("days", None) or {}
    by_file: dict[Path, dict] = {}
    for day, doc in days.items():
        first = doc.get("first") if isinstance(doc, dict) else None
        at = first if isinstance(first, str) else f"{day}T12:00:00+00:00"
        try:
            when = parse_at(at)
        except ValueError:  # a damaged entry: keep the day (the streak counts it) at its noon
            at, when = f"{day}T12:00:00+00:00", parse_at(f"{day}T12:00:00+00:00")
        path = folder / partition_relpath(DAYS_LOG, when.date())
        by_file.setdefault(path, {})[day] = {"id": day, "at": at}
    for path, records in by_file.items():
        make_dirs(path.parent)
        write_json_atomic(path, {RECORDS_TABLE: records}, sync_dir=False)  # the swap syncs the folder
    write_json_atomic(folder / MAIN_FILE, data)


MIGRATIONS: list[tuple[int, Step]] = [
    (1, _to_v1),
    (2, _to_v2),
]

SCHEMA_VERSION: int = MIGRATIONS[-1][0]


def latest_version() -> int:
    """The version this drill writes (read at call time, so tests can patch MIGRATIONS)."""
    return MIGRATIONS[-1][0]


def set_version(folder: Path, version: int) -> None:
    data = read_json(folder / MAIN_FILE, validate_main) or {}
    data.setdefault(META_TABLE, {})[META_KEY] = {"schema_version": version}
    write_json_atomic(folder / MAIN_FILE, data)


def migrate_folder(folder: Path, from_version: int) -> int:
    """Run every step after ``from_version`` on ``folder``; return the version reached."""
    versions = [v for v, _ in MIGRATIONS]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"MIGRATIONS must be numbered 1, 2, 3, ...; got {versions}")
    version = from_version
    for target, step in MIGRATIONS:
        if target <= version:
            continue
        step(folder)
        set_version(folder, target)
        version = target
    return version
