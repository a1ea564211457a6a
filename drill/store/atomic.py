"""Crash-safe files: atomic replace, fsync helpers, and a cached TinyDB storage.

Every file the store writes goes through :func:`write_json_atomic`: a temp file in the same
folder, ``flush`` + ``fsync``, ``os.replace`` over the target, then (unless the caller batches
it) an ``fsync`` of the folder so the rename itself is durable. A reader therefore sees the old
bytes or the new bytes, never a mix, and a crash leaves one of the two on disk.

:class:`AtomicJSONStorage` is the ``tinydb.Storage`` built on it. It keeps the parsed data in
memory and re-parses only when the file on disk changed (``st_ino``, ``st_mtime_ns``,
``st_size``). It keeps the parsed file open, so the inode cannot be freed and reused while the
cache refers to it: a new file at the path always has a different ``st_ino``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from drill.errors import DataError

Signature = tuple[int, int, int]

# Validates parsed data; raises ValueError with a short reason when the shape is wrong.
Validator = Callable[[Any], None]
# Builds the error for an unreadable file: (path, reason) -> DataError.
ErrorFactory = Callable[[Path, str], DataError]


def dumps(data: Any) -> bytes:
    """Serialise JSON compactly (the store's only encoding)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def fsync_dir(path: Path) -> None:
    """Make renames/creations/unlinks inside folder ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_dirs(path: Path) -> None:
    """Create ``path`` and missing parents, fsyncing each new folder's parent."""
    missing: list[Path] = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        try:
            d.mkdir()
        except FileExistsError:
            continue
        fsync_dir(d.parent)


def write_temp(path: Path, payload: bytes) -> tuple[int, str]:
    """Write ``payload`` to a new temp file beside ``path`` (not synced); return (fd, name)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    return fd, tmp


def write_bytes_atomic(path: Path, payload: bytes, *, sync_dir: bool = True, keep_open: bool = False) -> int | None:
    """Replace ``path`` with ``payload`` atomically and durably.

    Returns the still-open descriptor of the new file when ``keep_open`` (the caller owns it),
    else None. With ``sync_dir=False`` the caller must fsync the folder before relying on it.
    On any failure the target is untouched and the temp file is removed.
    """
    fd, tmp = write_temp(path, payload)
    try:
        os.fsync(fd)
        os.replace(tmp, path)
    except BaseException:
        os.close(fd)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if sync_dir:
        try:
            fsync_dir(path.parent)
        except BaseException:
            os.close(fd)
            raise
    if keep_open:
        return fd
    os.close(fd)
    return None


def write_json_atomic(path: Path, data: Any, *, sync_dir: bool = True) -> None:
    """Replace ``path`` with ``data`` as JSON, atomically and durably."""
    write_bytes_atomic(path, dumps(data), sync_dir=sync_dir)


def default_error(path: Path, reason: str) -> DataError:
    return DataError(
        f"{path} is not readable drill data ({reason}); it was left untouched",
        hint="restore it from a backup in the data folder's backups/ folder",
    )


def read_json(path: Path, validate: Validator | None = None, error: ErrorFactory = default_error) -> Any:
    """Parse ``path`` (fresh objects); None when missing; DataError when unreadable or bad."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error(path, exc.strerror or str(exc)) from exc
    return _parse(path, raw, validate, error)


def _parse(path: Path, raw: bytes, validate: Validator | None, error: ErrorFactory) -> Any:
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise error(path, f"not valid JSON: {exc}") from exc
    if validate is not None:
        try:
            validate(data)
        except ValueError as exc:
            raise error(path, str(exc)) from exc
    return data


def validate_tinydb(data: Any) -> None:
    """Shape of a TinyDB file: ``{table: {key: {document}}}``."""
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not an object")
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise ValueError(f"document {name}/{key} is not an object")


class AtomicJSONStorage(Storage):
    """A ``tinydb.Storage`` that writes atomically and caches what it read.

    Args:
        path: The JSON file.
        validate: Checks parsed data (default: the TinyDB shape).
        error: Builds the DataError for an unreadable file.
        on_write: When set, ``write`` only keeps the data in memory and calls this with the
            storage (the store's transaction collects it and calls :meth:`flush` at commit).
            When None, ``write`` flushes at once.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        validate: Validator | None = validate_tinydb,
        error: ErrorFactory = default_error,
        on_write: Callable[[AtomicJSONStorage], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._validate = validate
        self._error = error
        self.on_write = on_write
        self.closer: Callable[[int], None] | None = None  # how install() closes the replaced file
        self._data: dict[str, Any] | None = None
        self._sig: Signature | None = None  # signature of the file _data came from (None: absent)
        self._fd: int | None = None  # open descriptor of that file, pins its inode
        self._loaded = False
        self._prepared: tuple[int, str] | None = None
        self.dirty = False

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> dict[str, Any] | None:
        if self.dirty:
            return self._data
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._drop()
            self._loaded = True
            self._data = {}
            return self._data
        except OSError as exc:
            raise self._error(self.path, exc.strerror or str(exc)) from exc
        sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        if self._loaded and self._sig == sig and self._data is not None:
            return self._data
        self._load()
        return self._data

    def _load(self) -> None:
        self._drop()
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self._loaded, self._data = True, {}
            return
        except OSError as exc:
            raise self._error(self.path, exc.strerror or str(exc)) from exc
        try:
            st = os.fstat(fd)
            chunks = []
            try:
                while chunk := os.read(fd, 1 << 20):
                    chunks.append(chunk)
            except OSError as exc:
                raise self._error(self.path, exc.strerror or str(exc)) from exc
            data = _parse(self.path, b"".join(chunks), self._validate, self._error)
        except BaseException:
            os.close(fd)
            raise
        self._fd, self._sig, self._data, self._loaded = fd, (st.st_ino, st.st_mtime_ns, st.st_size), data, True

    # -- writing ---------------------------------------------------------------------------
    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True
        if self.on_write is not None:
            self.on_write(self)
        else:
            self.flush()

    def flush(self, *, sync_dir: bool = True) -> None:
        """Write the pending data atomically (no-op when nothing is pending)."""
        if not self.dirty:
            return
        try:
            fd = write_bytes_atomic(self.path, dumps(self._data), sync_dir=sync_dir, keep_open=True)
        except BaseException:
            self.discard()
            raise
        assert fd is not None
        st = os.fstat(fd)
        self._close_fd()
        self._fd, self._sig, self.dirty, self._loaded = fd, (st.st_ino, st.st_mtime_ns, st.st_size), False, True

    # Two-phase commit used by the store: prepare() writes the temp copy (the caller fsyncs
    # ``prepared_fd``, in parallel with other files), install() renames it into place.
    def prepare(self) -> int:
        assert self.dirty and self._prepared is None
        self._prepared = write_temp(self.path, dumps(self._data))
        return self._prepared[0]

    def install(self) -> None:
        assert self._prepared is not None
        fd, tmp = self._prepared
        os.replace(tmp, self.path)
        self._prepared = None
        st = os.fstat(fd)
        old, self._fd = self._fd, None
        if old is not None:  # the old file's last reference: freeing it can take a while
            (self.closer or os.close)(old)
        self._fd, self._sig, self.dirty, self._loaded = fd, (st.st_ino, st.st_mtime_ns, st.st_size), False, True

    def abort(self) -> None:
        """Drop a prepared temp copy and pending changes."""
        if self._prepared is not None:
            fd, tmp = self._prepared
            self._prepared = None
            os.close(fd)
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        self.discard()

    def discard(self) -> None:
        """Forget pending changes and the cache (the next read re-parses the file)."""
        self.dirty = False
        self._drop()

    # -- housekeeping ----------------------------------------------------------------------
    def _close_fd(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None

    def _drop(self) -> None:
        self._close_fd()
        self._data, self._sig, self._loaded = None, None, False

    def close(self) -> None:
        self.abort()
