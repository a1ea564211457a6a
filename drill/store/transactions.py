"""The store's open files and how writes to them commit: the base class of ``Store``.

Every write runs inside ``_write``: the exclusive ``flock`` on ``<home>/.lock``, a replay of any
commit a dead writer left in the write-ahead journal (``journal.py``), then one journal commit of
the files the write changed (journal line and temp copies synced, then renames). A whole staged
data folder (migration, import) is swapped in the same crash-safe way. The table and log API on
top lives in ``store.py``.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from drill.errors import BusyError, DataError
from drill.store import journal as wal
from drill.store import staging
from drill.store.atomic import AtomicJSONStorage, ErrorFactory, fsync_dir, make_dirs
from drill.store.journal import Journal
from drill.store.layout import (
    JOURNAL_FILE,
    LOCK_FILE,
    MAIN_FILE,
    RECORDS_TABLE,
    parse_at,
    partition_relpath,
    validate_main,
    validate_partition,
)
from drill.store.locks import FileLock
from drill.store.tables import KeyedDB

_PARTITION_CACHE = 8


class Transactions:
    """The main file, a small cache of open day files, the lock and the journal, and the
    commit, rollback, replay and checkpoint of writes to them."""

    def __init__(self, home: Path, lock_timeout: float, error: ErrorFactory) -> None:
        self.home = home
        self.lock_timeout = lock_timeout
        self._error = error
        self._lock = FileLock(home / LOCK_FILE)
        self._journal = Journal(home, JOURNAL_FILE, self._error)
        self._pool: ThreadPoolExecutor | None = None
        self._mutex = threading.RLock()
        self._depth = 0
        self._ops: list[dict[str, Any]] = []
        self._dirty: dict[Path, AtomicJSONStorage] = {}
        self._main = self._db(home / MAIN_FILE, validate_main)
        self._logs: OrderedDict[Path, KeyedDB] = OrderedDict()
        self._closed = False

    # ------------------------------------------------------------------ open files / closing
    def close(self) -> None:
        """Checkpoint the journal if the lock is free at once, release everything."""
        with self._mutex:
            if self._closed:
                return
            if self._depth == 0:
                try:
                    self._lock.acquire(0)
                except (BusyError, OSError):
                    pass
                else:
                    try:
                        if not self._journal.needs_replay() and self._journal.size():
                            self._checkpoint()
                    except (DataError, OSError):
                        pass
                    finally:
                        self._lock.release()
            self._main.storage.close()
            for db in self._logs.values():
                db.storage.close()
            self._logs.clear()
            self._journal.close()
            self._lock.close()
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None
            self._closed = True

    def _db(self, path: Path, validate) -> KeyedDB:
        db = KeyedDB(path, storage=AtomicJSONStorage, validate=validate, error=self._error, on_write=self._on_write)
        db.storage.closer = self._close_later
        return db

    def _executor(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="drill-store")
        return self._pool

    def _close_later(self, fd: int) -> None:
        """Close a replaced file's descriptor off the answer's path (ext4 frees it then)."""
        self._executor().submit(os.close, fd)

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one lock, one commit, all-or-nothing after a crash.

        Reads inside the batch see its own pending writes. An exception inside discards them.
        """
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[None]:
        with self._mutex:
            if self._closed:
                raise RuntimeError("the store is closed")
            outer = self._depth == 0
            if outer:
                self._lock.acquire(self.lock_timeout)
            self._depth += 1
            try:
                if outer:
                    if self._journal.needs_replay():  # a writer died mid-commit (or a crash)
                        try:
                            self._replay()
                        except BaseException:
                            self._rollback()
                            raise
                    self._ops = []
                try:
                    yield
                except BaseException:
                    if outer:
                        self._rollback()
                    raise
                if outer:
                    self._commit(self._ops)
                    if self._journal.due():
                        self._checkpoint()
            finally:
                self._depth -= 1
                if outer:
                    self._ops = []
                    self._lock.release()

    def _on_write(self, storage: AtomicJSONStorage) -> None:
        if self._depth == 0:
            raise RuntimeError("store files are only written inside a transaction")
        self._dirty[storage.path] = storage

    def _rollback(self) -> None:
        for storage in self._dirty.values():
            storage.abort()
        self._dirty.clear()

    def _sync(self, calls: list[Callable[[], None]]) -> None:
        """Run fsync-like calls in parallel (the disk can serve them in one journal commit)."""
        if len(calls) == 1:
            calls[0]()
            return
        futures = [self._executor().submit(call) for call in calls[1:]]
        first: BaseException | None = None
        try:
            calls[0]()
        except BaseException as exc:
            first = exc
        for fut in futures:
            try:
                fut.result()
            except BaseException as exc:
                first = first or exc
        if first is not None:
            raise first

    def _save_error(self, exc: OSError, hint: str) -> DataError:
        return DataError(f"could not save to {self.home}: {exc.strerror or exc}", hint=hint)

    def _commit(self, ops: list[dict[str, Any]]) -> None:
        """Journal line + new files' temp copies synced in parallel, then renames, then done."""
        dirty = list(self._dirty.values())
        self._dirty.clear()
        if not dirty:
            return
        logged = False
        try:
            fds = [storage.prepare() for storage in dirty]
            jfd = self._journal.write(wal.encode(ops))
            logged = True
            self._sync([lambda: os.fdatasync(jfd), *[lambda fd=fd: os.fsync(fd) for fd in fds]])
        except BaseException as exc:
            for storage in dirty:
                storage.abort()
            if logged:
                self._journal.mark(wal.ABORT)
            if isinstance(exc, OSError):
                raise self._save_error(exc, "check free disk space and the data folder's permissions; nothing was saved") from exc
            raise
        self._journal.commits += 1
        try:
            for storage in dirty:
                storage.install()
        except BaseException as exc:  # the commit is durable in the journal: the next writer completes it
            for storage in dirty:
                storage.abort()
            if isinstance(exc, OSError):
                raise self._save_error(exc, "check free disk space and permissions; the change will be completed on the next start") from exc
            raise
        self._journal.mark(wal.DONE)

    def _flush_durably(self) -> None:
        """Write every dirty file with fsync and folder fsync (replay; no journal line)."""
        dirty = list(self._dirty.values())
        self._dirty.clear()
        try:
            fds = [storage.prepare() for storage in dirty]
            self._sync([lambda fd=fd: os.fsync(fd) for fd in fds] or [lambda: None])
            for storage in dirty:
                storage.install()
        except BaseException:
            for storage in dirty:
                storage.abort()
            raise
        folders = {storage.path.parent for storage in dirty}
        if folders:
            self._sync([lambda d=d: fsync_dir(d) for d in folders])

    def _op_folder(self, op: dict[str, Any]) -> Path:
        if op["op"] == "append":
            return (self.home / partition_relpath(op["log"], parse_at(op["record"]["at"]).date())).parent
        if op["op"] == "remove":
            return (self.home / partition_relpath(op["log"], parse_at(op["at"]).date())).parent
        return self.home

    def _checkpoint(self) -> None:
        """Make every journalled rename durable (folder fsyncs), then empty the journal."""
        entries = self._journal.read()
        folders = {self._op_folder(op) for ops in entries for op in ops}
        folders = {d for d in folders if d.is_dir()}
        if folders:
            self._sync([lambda d=d: fsync_dir(d) for d in folders])
        self._journal.truncate()

    def _replay(self) -> None:
        """Apply every journalled commit (idempotent, in order), write durably, checkpoint."""
        for ops in self._journal.read():
            for op in ops:
                if op.get("op") == "swap":
                    self._swap(self.home / op["staging"])
                else:
                    try:
                        self._apply(op)
                    except (KeyError, TypeError, ValueError) as exc:
                        raise self._error(self._journal.path, f"bad journal entry {op!r}: {exc}") from exc
        self._flush_durably()
        self._checkpoint()

    def _apply(self, op: dict[str, Any]) -> bool:
        """Apply one journal op to the in-memory files (idempotent)."""
        kind = op["op"]
        if kind == "put":
            self._main.table(op["table"]).set(op["key"], op["doc"])
            return True
        if kind == "delete":
            return self._main.table(op["table"]).discard(op["key"])
        if kind == "append":
            rec = op["record"]
            path = self.home / partition_relpath(op["log"], parse_at(rec["at"]).date())
            make_dirs(path.parent)
            self._partition(path).table(RECORDS_TABLE).set(rec["id"], rec)
            return True
        if kind == "remove":
            path = self.home / partition_relpath(op["log"], parse_at(op["at"]).date())
            if not path.exists() and path not in self._dirty:
                return False
            return self._partition(path).table(RECORDS_TABLE).discard(op["id"])
        raise ValueError(f"unknown journal op {kind!r}")

    def _partition(self, path: Path) -> KeyedDB:
        db = self._logs.get(path)
        if db is None:
            db = self._db(path, validate_partition)
            self._logs[path] = db
            for old in list(self._logs)[: max(0, len(self._logs) - _PARTITION_CACHE)]:
                if old not in self._dirty and old != path:
                    self._logs.pop(old).storage.close()
        else:
            self._logs.move_to_end(path)
        return db

    # ------------------------------------------------------------------ staging / swap
    def _swap_journalled(self, folder: Path) -> None:
        """Swap a staging folder in for the live data, crash-safely (journal, swap, checkpoint)."""
        calls = staging.sync_calls(folder)  # every staged file and folder on disk before the swap is logged
        for i in range(0, len(calls), 256):
            self._sync(calls[i : i + 256])
        self._checkpoint()  # nothing older in the journal may be replayed after the swap
        jfd = self._journal.write(wal.encode([{"op": "swap", "staging": folder.name}]))
        os.fdatasync(jfd)
        self._swap(folder)
        self._journal.mark(wal.DONE)
        self._checkpoint()

    def _swap(self, folder: Path) -> None:
        self._drop_caches()
        staging.swap(self.home, folder)

    def _drop_caches(self) -> None:
        self._main.storage.discard()
        for db in self._logs.values():
            db.storage.close()
        self._logs.clear()
        self._dirty.clear()
