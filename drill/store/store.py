"""The store: keyed documents + day-partitioned logs over TinyDB, safe for several processes.

Guarantees (see docs/storage.md):

* Every write (``put``/``delete``/``append``/``remove`` or a whole ``batch``) runs under an
  exclusive ``flock`` on ``<home>/.lock``, re-reads files another process changed, and is
  durable when the call returns. Two processes writing at once both keep their writes.
* Every commit is first appended to a write-ahead journal (``journal.jsonl``, see
  ``journal.py``), so after a crash (kill -9, power loss) a commit is applied wholly on the next
  write or open, or not at all if it never reached the journal. Files are only ever replaced
  atomically (temp file + fsync + rename).
* A file that cannot be read raises DataError naming it and its newest good backup; the store
  never writes over it.

The lock, journal, commit, replay and swap machinery is the base class, ``transactions.py``;
this module opens the data folder and holds the table, log and export API on top.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from drill.errors import DataError
from drill.store import backups, migrations, staging
from drill.store.atomic import make_dirs, read_json
from drill.store.layout import (
    LOG_DIR,
    MAIN_FILE,
    META_KEY,
    META_TABLE,
    RECORDS_TABLE,
    SESSION_LOCK_FILE,
    STAGING_PREFIX,
    aware,
    check_key,
    check_name,
    data_files,
    log_names,
    parse_at,
    partitions,
    schema_version,
    validate_main,
    validate_partition,
)
from drill.store.export_format import EXPORT_FORMAT, validate_export
from drill.store.locks import SessionLock
from drill.store.vanished import check_not_vanished
from drill.store.tables import check_writable, clone, json_doc, uniform_utc
from drill.store.parsing import Parse, parsed
from drill.store.transactions import Transactions


class Store(Transactions):
    """Persistence for drill; open with :meth:`Store.open`."""

    def __init__(self, home: Path, *, lock_timeout: float, backups_keep: int, now: datetime | None) -> None:
        super().__init__(home, lock_timeout, backups.corrupt_error_factory(home))
        self.backups_keep = backups_keep
        self._now = None if now is None else aware(now)
        self.warnings: list[str] = []  # said once on open (stderr) and by the app (a toast)

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        home: Path,
        *,
        lock_timeout: float = 10.0,
        backups_keep: int = 7,
        now: datetime | None = None,
        backup: bool = True,
    ) -> Store:
        """Open (creating on first run) the data folder: replay, migrate, back up.

        ``backup=False`` leaves the day's snapshot to :meth:`daily_backup`: the app takes it in
        the worker that makes its session, after the first frame (at a million reviews it takes
        seconds), and before the session can write anything.
        """
        home = Path(home).expanduser()
        try:
            home.mkdir(parents=True, exist_ok=True)
            return cls._open(home, lock_timeout, backups_keep, now, backup)
        except OSError as exc:
            from drill.paths import data_folder_error

            raise data_folder_error(home, exc) from exc

    @classmethod
    def _open(cls, home: Path, lock_timeout: float, backups_keep: int, now: datetime | None, backup: bool = True) -> Store:
        store = cls(home, lock_timeout=lock_timeout, backups_keep=backups_keep, now=now)
        try:
            store._lock.acquire(lock_timeout)  # before any replay could recreate a partial drill.json
            try:
                check_not_vanished(home)
            finally:
                store._lock.release()
            with store._write():  # replays a leftover journal first
                store._cleanup_leftovers()
                store._check_schema()
            with store._write():
                store._checkpoint()
                if backup:
                    store._daily_backup()
        except BaseException:
            store.close()
            raise
        return store

    def daily_backup(self) -> None:
        """Today's snapshot, if not taken yet (for a store opened with ``backup=False``)."""
        with self._write():
            self._daily_backup()

    def _daily_backup(self) -> None:
        """Today's snapshot; a failure to write it (a full disk) is a warning, never a refusal to
        read: the learner must still be able to look, export to another disk, and save what fits."""
        try:
            backups.daily(self.home, self._clock(), self.backups_keep, self._error)
        except OSError as exc:
            self.warnings.append(
                f"today's backup could not be written ({exc.strerror or exc}); your data is untouched, "
                "but free some disk space (or `drill export` to another disk) soon")
            print(f"drill: warning: {self.warnings[-1]}", file=sys.stderr)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _clock(self) -> datetime:
        return self._now or datetime.now(timezone.utc)

    def _cleanup_leftovers(self) -> None:
        """Remove temp files and staging folders a killed writer left (we hold the lock)."""
        for e in self.home.iterdir():
            if e.name.startswith(STAGING_PREFIX) or e.name == staging.OLD_LOG_DIR:
                shutil.rmtree(e, ignore_errors=True)
            elif e.name.startswith(".") and e.name.endswith(".tmp") and e.is_file():
                e.unlink(missing_ok=True)
        for folder, _, names in os.walk(self.home / LOG_DIR):
            for name in names:
                if name.startswith(".") and name.endswith(".tmp"):
                    Path(folder, name).unlink(missing_ok=True)

    def _check_schema(self) -> None:
        latest = migrations.latest_version()
        main_path = self.home / MAIN_FILE
        version = schema_version(read_json(main_path, validate_main, self._error))
        if version is None:
            make_dirs(self.home / LOG_DIR)
            self._apply({"op": "put", "table": META_TABLE, "key": META_KEY, "doc": {"schema_version": latest}})
            return
        if version > latest:
            raise DataError(
                f"{main_path} was written by a newer drill (data schema {version}; this drill reads up to {latest})",
                hint="upgrade drill (pip install --upgrade drill); your data was not changed",
            )
        if version < latest:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        files = backups.validate_changed(self.home, self._error)  # never back up a bad file
        backups.make_backup(self.home, self._clock(), files, label=f"pre-migration-v{version}")
        folder = staging.new_staging(self.home)
        for rel in files:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(self.home / rel, folder / rel)
        (folder / LOG_DIR).mkdir(exist_ok=True)
        migrations.migrate_folder(folder, version)
        staging.check_staging(folder, self._error)
        self._swap_journalled(folder)

    # ------------------------------------------------------------------ keyed documents
    def get(self, table: str, key: str, parse: Parse | None = None) -> Any:
        """The document (a copy), or ``parse(doc)``: a doc that does not parse is a DataError."""
        check_name("table", table)
        check_key(key)
        with self._mutex:
            doc = self._main.table(table).get(doc_id=key)
            doc = None if doc is None else clone(dict(doc))
        if doc is None or parse is None:
            return doc
        return parsed(self._error, self.home / MAIN_FILE, f"{table} {key!r}", parse, doc)

    def all(self, table: str, parse: Parse | None = None) -> dict[str, Any]:
        check_name("table", table)
        with self._mutex:
            raw = (self._main.storage.read() or {}).get(table, {})
            docs = {k: clone(v) for k, v in raw.items()}
        if parse is None:
            return docs
        return {k: parsed(self._error, self.home / MAIN_FILE, f"{table} {k!r}", parse, v) for k, v in docs.items()}

    def put(self, table: str, key: str, doc: dict) -> None:
        op = {"op": "put", "table": check_name("table", table), "key": check_writable(table, key), "doc": json_doc(doc, "doc")}
        with self._write():
            self._ops.append(op)
            self._apply(op)

    def delete(self, table: str, key: str) -> None:
        op = {"op": "delete", "table": check_name("table", table), "key": check_writable(table, key)}
        with self._write():
            self._ops.append(op)
            self._apply(op)

    # ------------------------------------------------------------------ logs
    def append(self, log: str, record: dict) -> None:
        check_name("log", log)
        rec = json_doc(record, "record")
        check_key(rec.get("id"))
        parse_at(rec.get("at"))
        op = {"op": "append", "log": log, "record": rec}
        with self._write():
            self._ops.append(op)
            self._apply(op)

    def remove(self, log: str, record_id: str, at: str) -> bool:
        check_name("log", log)
        check_key(record_id)
        parse_at(at)
        op = {"op": "remove", "log": log, "id": record_id, "at": at}
        with self._write():
            removed = self._apply(op)
            if removed:
                self._ops.append(op)
            return removed

    def records(self, log: str, since: datetime | None = None, until: datetime | None = None,
                parse: Parse | None = None) -> Iterator[Any]:
        """Records of ``log`` with ``since <= at < until``, in time order (``parse``d if given).

        Day files outside the range are skipped by name, unparsed.
        """
        check_name("log", log)
        since = None if since is None else aware(since)
        until = None if until is None else aware(until)
        return self._records(log, since, until, parse)

    def _records(self, log: str, since: datetime | None, until: datetime | None, parse: Parse | None = None) -> Iterator[Any]:
        first = since.date() if since else None
        last = until.date() if until else None
        days: dict[date, Path] = dict(partitions(self.home, log, first, last))
        with self._mutex:  # read-your-writes inside a batch: pending day files too
            base = self.home / LOG_DIR / log
            for path in self._dirty:
                if path.parent.parent.parent == base:
                    day = date.fromisoformat(path.stem)
                    if (first is None or day >= first) and (last is None or day <= last):
                        days[day] = path
        for day in sorted(days):
            edge = day == first or day == last  # only edge days need a per-record time check
            path = days[day]
            for rec in self._partition_records(path):
                if edge:
                    try:
                        at = parse_at(rec["at"])
                    except ValueError as exc:
                        raise self._error(path, str(exc)) from exc
                    if (since is not None and at < since) or (until is not None and at >= until):
                        continue
                yield rec if parse is None else parsed(self._error, path, f"record {rec.get('id')!r}", parse, rec)

    def _partition_records(self, path: Path) -> list[dict]:
        """One day file's records in time order (fresh objects)."""
        with self._mutex:
            storage = self._logs[path].storage if path in self._logs else None
            if storage is not None and storage.dirty:
                raw = clone((storage.read() or {}).get(RECORDS_TABLE, {}))
            else:
                raw = (read_json(path, validate_partition, self._error) or {}).get(RECORDS_TABLE, {})
        recs = list(raw.values())
        ats = [r["at"] for r in recs]
        if ats and uniform_utc(ats):  # same-format UTC strings sort like the times they name
            order = sorted(range(len(recs)), key=lambda i: (ats[i], recs[i]["id"]))
        else:
            try:
                keys = [(parse_at(a), r["id"]) for a, r in zip(ats, recs)]
            except ValueError as exc:
                raise self._error(path, str(exc)) from exc
            order = sorted(range(len(recs)), key=keys.__getitem__)
        return [recs[i] for i in order]

    # ------------------------------------------------------------------ locks
    def session_lock(self) -> SessionLock:
        """Non-blocking lock for the interactive app: BusyError when another one is open."""
        return SessionLock(self.home / SESSION_LOCK_FILE)

    # ------------------------------------------------------------------ export / import
    def export_all(self) -> dict[str, Any]:
        """Everything, as one JSON-able dict (consistent: taken under the writer lock)."""
        with self._write():
            tables = {name: clone(dict(docs)) for name, docs in (self._main.storage.read() or {}).items()}
            logs = {log: list(self._records(log, None, None)) for log in log_names(self.home)}
            return staging.export_document(tables, logs, self._clock(), EXPORT_FORMAT)

    def import_all(self, data: dict, check: Callable[[Path], None] | None = None) -> None:
        """Replace everything with ``data`` (from :meth:`export_all`), atomically.

        Refuses (DataError with the reason, nothing changed) anything malformed, foreign or from
        a newer drill; migrates older exports; then ``check(staged_folder)`` may refuse values.
        A snapshot of the current data is taken first.
        """
        version = validate_export(data)
        with self._write():
            folder = staging.new_staging(self.home)
            try:
                staging.write_export(folder, clone(data["tables"]), data["logs"], version)
                migrations.migrate_folder(folder, version)
                staging.check_staging(folder, self._error)
                if check is not None:
                    check(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            files = data_files(self.home)
            if files:
                backups.validate_changed(self.home, self._error)
                backups.make_backup(self.home, self._clock(), files, label="pre-import")
                backups.rotate(self.home, self.backups_keep)
            self._swap_journalled(folder)
