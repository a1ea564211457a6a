"""Crash consistency: atomic replace, the write-ahead journal, kill -9 mid-stream."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

import drill.store.atomic as atomic
from drill.errors import DataError
from drill.store import Store
from drill.store.atomic import AtomicJSONStorage, write_json_atomic

AT = "2026-11-24T09:30:00Z"


def test_atomic_write_keeps_old_content_when_replace_fails(tmp_path: Path, monkeypatch):
    (tmp_path / "d").mkdir()
    path = tmp_path / "d" / "f.json"
    write_json_atomic(path, {"t": {"1": {"v": "old"}}})

    def boom(*a, **k):
        raise OSError(5, "simulated crash before rename")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError):
        write_json_atomic(path, {"t": {"1": {"v": "new"}}})
    assert json.loads(path.read_text()) == {"t": {"1": {"v": "old"}}}
    assert [p.name for p in path.parent.iterdir()] == ["f.json"]  # temp file cleaned up
    monkeypatch.undo()
    write_json_atomic(path, {"t": {"1": {"v": "new"}}})
    assert json.loads(path.read_text()) == {"t": {"1": {"v": "new"}}}


def test_storage_is_a_tinydb_storage(tmp_path: Path):
    from tinydb import TinyDB

    db = TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage)
    db.insert({"a": 1})
    db.close()
    assert TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage).all() == [{"a": 1}]


def test_put_failure_leaves_old_value_on_disk_and_in_memory(drill_home: Path, now, monkeypatch):
    store = Store.open(drill_home, now=now)
    store.put("items", "a", {"v": 1})
    before = (drill_home / "drill.json").read_bytes()
    monkeypatch.setattr(atomic.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(DataError, match="could not save"):
        store.put("items", "a", {"v": 2})
    assert (drill_home / "drill.json").read_bytes() == before
    assert store.get("items", "a") == {"v": 1}
    store.close()


def test_batch_interrupted_between_files_is_completed_from_journal(drill_home: Path, now, monkeypatch):
    store = Store.open(drill_home, now=now)
    store.put("items", "a", {"v": 1})
    real_replace, calls = os.replace, []

    def replace_then_crash(src, dst):
        calls.append(Path(dst).name)
        if len(calls) == 3:  # 1: journal, 2: first data file, 3: second data file -> "crash"
            raise OSError(5, "simulated crash")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace_then_crash)
    with pytest.raises(DataError):
        with store.batch():
            store.put("items", "a", {"v": 2})
            store.append("reviews", {"id": "r1", "at": AT})
    monkeypatch.undo()
    assert calls[0] == "journal.json"
    assert (drill_home / "journal.json").exists()  # half-applied on disk, journal kept
    store.close()

    reopened = Store.open(drill_home, now=now)  # replays the journal
    assert not (drill_home / "journal.json").exists()
    assert reopened.get("items", "a") == {"v": 2}
    assert [r["id"] for r in reopened.records("reviews")] == ["r1"]
    reopened.close()


def test_leftover_journal_is_replayed_idempotently(drill_home: Path, now):
    store = Store.open(drill_home, now=now)
    store.put("items", "a", {"v": 1})
    store.append("reviews", {"id": "r0", "at": AT})
    store.append("reviews", {"id": "gone", "at": AT})
    journal = {
        "format": "drill-journal",
        "ops": [
            {"op": "put", "table": "items", "key": "a", "doc": {"v": 2}},
            {"op": "delete", "table": "items", "key": "zzz"},
            {"op": "append", "log": "reviews", "record": {"id": "r0", "at": AT}},  # already there
            {"op": "append", "log": "reviews", "record": {"id": "r1", "at": "2026-11-25T01:00:00Z"}},
            {"op": "remove", "log": "reviews", "id": "gone", "at": AT},
        ],
    }
    write_json_atomic(drill_home / "journal.json", journal)
    # the next write (even from an already-open store) replays it first
    store.put("items", "b", {"v": 9})
    assert not (drill_home / "journal.json").exists()
    assert store.all("items") == {"a": {"v": 2}, "b": {"v": 9}}
    assert [r["id"] for r in store.records("reviews")] == ["r0", "r1"]
    # replaying the same journal again changes nothing
    write_json_atomic(drill_home / "journal.json", journal)
    store.close()
    again = Store.open(drill_home, now=now)
    assert again.all("items") == {"a": {"v": 2}, "b": {"v": 9}}
    assert [r["id"] for r in again.records("reviews")] == ["r0", "r1"]
    again.close()


def test_corrupt_journal_is_reported_not_deleted(drill_home: Path, now):
    Store.open(drill_home, now=now).close()
    (drill_home / "journal.json").write_text('{"format": "nope"}')
    with pytest.raises(DataError, match="journal.json"):
        Store.open(drill_home, now=now)
    assert (drill_home / "journal.json").read_text() == '{"format": "nope"}'


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from drill.store import Store

    store = Store.open(Path(sys.argv[1]))
    start = int(sys.argv[2])
    crash_at, crash_flush = int(sys.argv[3]), int(sys.argv[4])  # batch number, flush number

    if crash_at >= 0:  # freeze mid-commit at a chosen point so the parent's kill lands there
        import time
        from drill.store.atomic import AtomicJSONStorage

        real_flush, state = AtomicJSONStorage.flush, {"batch": 0, "flush": 0}

        def flush(self, **kw):
            if state["batch"] == crash_at and state["flush"] == crash_flush:
                print("CRASHPOINT", flush=True)
                time.sleep(60)
            state["flush"] += 1
            return real_flush(self, **kw)

        AtomicJSONStorage.flush = flush
    i = start
    while True:
        day = 1 + i % 28
        with store.batch():
            store.put("items", f"item{i % 7}", {"last": i, "pad": "x" * 300})
            store.append("reviews", {"id": f"r{i}", "at": f"2026-10-{day:02d}T10:{i % 60:02d}:00Z", "i": i})
        print(f"r{i}", flush=True)
        i += 1
        if crash_at >= 0:
            state["batch"] += 1
            state["flush"] = 0
    """
)


def _run_writer(home: Path, start: int, acked: list[str], *, kill_after: int, crash_flush: int = -1) -> int:
    """Run WRITER, kill -9 it after ``kill_after`` acks (or at its frozen crash point)."""
    crash_at = kill_after if crash_flush >= 0 else -1
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(home), str(start), str(crash_at), str(crash_flush)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        if line.strip() == "CRASHPOINT":
            os.kill(proc.pid, signal.SIGKILL)
            break
        acked.append(line.strip())
        seen += 1
        if crash_flush < 0 and seen >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            break
    acked.extend(ln.strip() for ln in proc.stdout if ln.strip() != "CRASHPOINT")  # printed before it died
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return int(acked[-1][1:]) + 1000 if acked else start + 1000  # fresh ids next time


def _check_after_crash(home: Path, acked: list[str]) -> None:
    store = Store.open(home)  # every file loads; a leftover journal is replayed
    recs = {r["id"]: r for r in store.records("reviews")}
    items = store.all("items")
    store.close()
    assert set(acked) <= set(recs)
    # all-or-nothing: every record's batch also wrote its item state (or a later one) ...
    for r in recs.values():
        assert items[f"item{r['i'] % 7}"]["last"] >= r["i"]
    for item in items.values():  # ... and every item state's answer is in the log
        assert f"r{item['last']}" in recs
    for f in [home / "drill.json", *(home / "log").rglob("*.json")]:
        json.loads(f.read_text())
    assert not list(home.rglob("*.tmp"))


@pytest.mark.parametrize("round_", range(3))
def test_kill_9_during_answers_loses_no_acknowledged_write(drill_home: Path, round_: int):
    acked: list[str] = []
    start = 0
    for kill_after in (15 + 17 * round_, 40 + 5 * round_, 70):
        start = _run_writer(drill_home, start, acked, kill_after=kill_after)
        _check_after_crash(drill_home, acked)


@pytest.mark.parametrize("crash_flush", [0, 1], ids=["journal-written", "one-file-replaced"])
def test_kill_9_at_the_worst_moment_is_all_or_nothing(drill_home: Path, crash_flush: int):
    acked: list[str] = []
    _run_writer(drill_home, 0, acked, kill_after=5, crash_flush=crash_flush)
    assert len(acked) == 5
    assert (drill_home / "journal.json").exists()
    _check_after_crash(drill_home, acked)
    store = Store.open(drill_home)
    assert "r5" in {r["id"] for r in store.records("reviews")}  # the frozen batch was completed
    store.close()
