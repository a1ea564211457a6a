"""Rotating snapshots of the data files in ``<home>/backups/``.

A snapshot is a folder ``backups/<YYYY-MM-DDTHHMMSSZ>[-label]/`` mirroring ``drill.json``,
``log/`` and the learner's own text (their decks and notes, the code of every attempt), plus ``.manifest.json`` recording each live file's (inode, size, mtime) when it was
taken. A file unchanged since the previous snapshot is hard-linked to that snapshot's copy;
a changed file is validated, then copied (and fsynced). So a daily snapshot costs about one
day's log file, snapshots never share a file with the live data (an editor changing a live file
in place cannot touch them), and a corrupt file is never saved over a good backup.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

from drill.errors import DataError
from drill.store.atomic import ErrorFactory, fsync_dir, read_json
from drill.store.layout import BACKUP_DIR, data_files, validator_for

_NAME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{6}Z)(-[a-z0-9-]+)?$")


def backup_dirs(home: Path) -> list[Path]:
    """Snapshots, newest first."""
    base = home / BACKUP_DIR
    try:
        with os.scandir(base) as it:
            found = [(m.group(1), e.stat().st_mtime_ns, e.name) for e in it if e.is_dir() and (m := _NAME_RE.match(e.name))]
    except FileNotFoundError:
        return []
    return [base / name for *_, name in sorted(found, reverse=True)]


def find_good_backup(home: Path, relpath: Path) -> Path | None:
    """The newest snapshot copy of ``relpath`` that parses and validates."""
    for snap in backup_dirs(home):
        candidate = snap / relpath
        if candidate.is_file():
            try:
                read_json(candidate, validator_for(relpath))
            except DataError:
                continue
            return candidate
    return None


def corrupt_error_factory(home: Path) -> ErrorFactory:
    """Errors for unreadable files that name the newest good backup."""

    def make(path: Path, reason: str) -> DataError:
        try:
            rel = path.relative_to(home)
        except ValueError:
            rel = None
        good = find_good_backup(home, rel) if rel is not None and not rel.parts[0] == BACKUP_DIR else None
        if good is not None:
            hint = f"the newest good backup of it is {good}; copy that over {path} to restore it"
        else:
            hint = f"no good backup of it was found under {home / BACKUP_DIR}; move the file aside to start that part afresh"
        return DataError(f"{path} is not readable drill data ({reason}); drill left it untouched", hint=hint)

    return make


MANIFEST = ".manifest.json"


def stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H%M%SZ")


def _sig(path: Path) -> list[int]:
    st = os.stat(path)
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _manifest(snap: Path | None) -> dict[str, list[int]]:
    if snap is None:
        return {}
    try:
        data = json.loads((snap / MANIFEST).read_bytes())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _unchanged(home: Path, rel: Path, snap: Path | None, manifest: dict[str, list[int]]) -> bool:
    return snap is not None and manifest.get(rel.as_posix()) == _sig(home / rel) and (snap / rel).is_file()


# What the learner wrote by hand: no schema to validate, but losing it loses their work.
LEARNER_TEXT = (("decks", "*.md"), ("notes", "*.md"), ("workspaces", "*.py"))


def learner_files(home: Path) -> list[Path]:
    """Relative paths of the learner's own decks, notes and attempt code under ``home``."""
    out: list[Path] = []
    for folder, pattern in LEARNER_TEXT:
        root = home / folder
        if root.is_dir():
            out.extend(sorted(p.relative_to(home) for p in root.rglob(pattern) if p.is_file() and not p.is_symlink()))
    return out


def validate_changed(home: Path, error: ErrorFactory) -> list[Path]:
    """Validate data files that changed since the newest snapshot; return every file to back
    up: the data files, then the learner's text files (copied as they are)."""
    files = data_files(home)
    snaps = backup_dirs(home)
    newest = snaps[0] if snaps else None
    manifest = _manifest(newest)
    for rel in files:
        if not _unchanged(home, rel, newest, manifest):
            read_json(home / rel, validator_for(rel), error)
    return files + learner_files(home)


def make_backup(home: Path, now: datetime, files: list[Path], *, label: str | None = None) -> Path:
    """Snapshot ``files`` (relative to ``home``, validated by the caller); built aside, renamed in."""
    base = home / BACKUP_DIR
    base.mkdir(exist_ok=True)
    snaps = backup_dirs(home)
    prev = snaps[0] if snaps else None
    prev_manifest = _manifest(prev)
    name = stamp(now) + (f"-{label}" if label else "")
    final, n = base / name, 1
    while final.exists():
        n += 1
        final = base / f"{name}-{n}"
    partial = base / f".partial-{uuid.uuid4().hex}"
    partial.mkdir()
    made: set[Path] = {partial}
    manifest: dict[str, list[int]] = {}
    try:
        for rel in files:
            dst = partial / rel
            if dst.parent not in made:
                dst.parent.mkdir(parents=True, exist_ok=True)
                made.add(dst.parent)
            manifest[rel.as_posix()] = _sig(home / rel)
            if _unchanged(home, rel, prev, prev_manifest):
                try:
                    os.link(prev / rel, dst)
                    continue
                except OSError:
                    pass
            _copy_durable(home / rel, dst)
        (partial / MANIFEST).write_text(json.dumps(manifest))
        for d in sorted(made, key=lambda p: len(p.parts), reverse=True):
            fsync_dir(d)
        os.rename(partial, final)
        fsync_dir(base)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def _copy_durable(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
    os.chmod(dst, 0o444)  # snapshots are not for editing
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rotate(home: Path, keep: int) -> None:
    """Keep the newest ``keep`` snapshots; remove older ones and abandoned partial ones."""
    base = home / BACKUP_DIR
    for snap in backup_dirs(home)[max(keep, 0):]:
        shutil.rmtree(snap, ignore_errors=True)
    if base.is_dir():
        for e in base.iterdir():
            if e.name.startswith(".partial-"):
                shutil.rmtree(e, ignore_errors=True)


def daily(home: Path, now: datetime, keep: int, error: ErrorFactory) -> Path | None:
    """Snapshot once per UTC day (validating changed files first); rotate. Returns the new one."""
    today = stamp(now)[:10]
    made = None
    if not any(s.name.startswith(today) for s in backup_dirs(home)):
        files = validate_changed(home, error)
        if files:
            made = make_backup(home, now, files)
    rotate(home, keep)
    return made


