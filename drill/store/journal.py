"""Write-ahead journal: ``<home>/journal.jsonl``, one line per committed transaction.

A line is ``<crc32 hex> <json>\\n`` with ``{"ops": [...]}``; after the transaction's files are
replaced the writer appends ``done\\n`` (no fsync). Ops are idempotent (records have ids, puts
and deletes name their key), so replaying every line since the last checkpoint, in order, over
any mix of old and new file versions yields the committed state.

* commit: journal line + ``fdatasync``, in parallel with the ``fsync`` of the new files' temp
  copies; then the renames; then ``done``. Durable on return: the line is on disk.
* checkpoint (every few dozen commits, on open, on close): ``fsync`` the folders of the
  renamed files, then truncate the journal (+ ``fsync``).
* replay (on open, or when a writer finds the last line not ``done``, i.e. a writer died
  mid-commit): apply every line, write the files durably, checkpoint. A torn last line (the
  writer died before its ``fdatasync`` returned, so nothing was acknowledged and no file was
  touched) is dropped; a bad line anywhere else is corruption (DataError).
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from drill.store.atomic import ErrorFactory, dumps, fsync_dir

DONE = b"done\n"
ABORT = b"abort\n"  # cancels the line before it (its commit failed before any file was replaced)
CHECKPOINT_BYTES = 256 * 1024
CHECKPOINT_COMMITS = 64


def encode(ops: list[dict[str, Any]]) -> bytes:
    body = dumps({"ops": ops})
    return b"%08x %s\n" % (zlib.crc32(body), body)


def _decode(line: bytes) -> list[dict[str, Any]] | None:
    """The ops of a complete, intact line; None when the line is damaged."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        data = json.loads(body)
    except ValueError:
        return None
    ops = data.get("ops") if isinstance(data, dict) else None
    if not isinstance(ops, list) or not all(isinstance(op, dict) and "op" in op for op in ops):
        return None
    return ops


class Journal:
    def __init__(self, home: Path, name: str, error: ErrorFactory) -> None:
        self.path = home / name
        self._error = error
        self._fd: int | None = None
        self.commits = 0  # lines appended by this process since it last checkpointed

    def _open(self) -> int:
        if self._fd is None:
            existed = self.path.exists()
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            if not existed:
                fsync_dir(self.path.parent)
        return self._fd

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def size(self) -> int:
        return os.fstat(self._open()).st_size

    def needs_replay(self) -> bool:
        """True when the journal holds a commit that may not have reached its files."""
        fd = self._open()
        size = os.fstat(fd).st_size
        if size < len(DONE):  # a torn first line (never acknowledged) or nothing
            return size > 0
        return os.pread(fd, len(DONE), size - len(DONE)) != DONE

    def write(self, line: bytes) -> int:
        """Append a commit line (no sync); return the descriptor to fdatasync."""
        fd = self._open()
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view) :]
        return fd

    def mark(self, marker: bytes) -> None:
        try:
            os.write(self._open(), marker)
        except OSError:
            pass  # only saves a replay; correctness does not depend on it

    def read(self) -> list[list[dict[str, Any]]]:
        """Every intact commit since the last checkpoint, in order (a torn tail is dropped)."""
        fd = self._open()
        size = os.fstat(fd).st_size
        raw = os.pread(fd, size, 0) if size else b""
        lines = raw.split(b"\n")
        tail = lines.pop()  # b"" when the file ends with a newline
        entries: list[list[dict[str, Any]]] = []
        for i, line in enumerate(lines):
            if line + b"\n" == DONE:
                continue
            if line + b"\n" == ABORT:
                if entries:
                    entries.pop()
                continue
            ops = _decode(line)
            if ops is None:
                if i == len(lines) - 1 and not tail:
                    break  # a torn last line that happened to end in a newline
                raise self._error(self.path, f"journal line {i + 1} is damaged")
            entries.append(ops)
        return entries

    def truncate(self) -> None:
        fd = self._open()
        os.ftruncate(fd, 0)
        os.fsync(fd)
        self.commits = 0

    def due(self) -> bool:
        return self.commits >= CHECKPOINT_COMMITS or self.size() >= CHECKPOINT_BYTES
