"""Crash consistency: atomic replace, the write-ahead journal, kill -9 mid-stream."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import drill.store.atomic as atomic
from drill.errors import DataError
from drill.store import Store, journal
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
        if len(calls) == 2:  # first data file replaced, the second one "crashes"
            raise OSError(5, "simulated crash")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace_then_crash)
    with pytest.raises(DataError, match="will be completed"):
        with store.batch():
            store.put("items", "a", {"v": 2})
            store.append("reviews", {"id": "r1", "at": AT})
    monkeypatch.undo()
    assert calls == ["drill.json", "2026-11-24.json"]
    assert not (drill_home / "journal.jsonl").read_bytes().endswith(journal.DONE)  # logged, not done
    store.close()

    reopened = Store.open(drill_home, now=now)  # replays the journal
    assert (drill_home / "journal.jsonl").stat().st_size == 0  # checkpointed
    assert reopened.get("items", "a") == {"v": 2}
    assert [r["id"] for r in reopened.records("reviews")] == ["r1"]
    reopened.close()


def test_failure_before_any_rename_is_not_replayed(drill_home: Path, now, monkeypatch):
    store = Store.open(drill_home, now=now)
    store.put("items", "a", {"v": 1})
    store.append("reviews", {"id": "r0", "at": AT})

    def no_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_fsync)
    with pytest.raises(DataError, match="nothing was saved"):
        with store.batch():
            store.put("items", "a", {"v": 2})
            store.append("reviews", {"id": "r1", "at": AT})
    monkeypatch.undo()
    assert store.get("items", "a") == {"v": 1}
    store.put("items", "b", {"v": 3})  # the failed commit stays cancelled
    assert store.all("items") == {"a": {"v": 1}, "b": {"v": 3}}
    assert [r["id"] for r in store.records("reviews")] == ["r0"]
    assert not list(drill_home.rglob("*.tmp"))
    store.close()


OPS = [
    {"op": "put", "table": "items", "key": "a", "doc": {"v": 2}},
    {"op": "delete", "table": "items", "key": "zzz"},
    {"op": "append", "log": "reviews", "record": {"id": "r0", "at": AT}},  # already there
    {"op": "append", "log": "reviews", "record": {"id": "r1", "at": "2026-11-25T01:00:00Z"}},
    {"op": "remove", "log": "reviews", "id": "gone", "at": AT},
]


def test_leftover_journal_is_replayed_idempotently(drill_home: Path, now):
    store = Store.open(drill_home, now=now)
    store.put("items", "a", {"v": 1})
    store.append("reviews", {"id": "r0", "at": AT})
    store.append("reviews", {"id": "gone", "at": AT})
    path = drill_home / "journal.jsonl"
    # a commit that never reached its files, plus a torn line from a writer killed mid-append
    path.write_bytes(journal.encode(OPS) + journal.encode([OPS[0]])[:20])
    # the next write (even from an already-open store) replays it first
    store.put("items", "b", {"v": 9})
    assert store.all("items") == {"a": {"v": 2}, "b": {"v": 9}}
    assert [r["id"] for r in store.records("reviews")] == ["r0", "r1"]
    # replaying the same commits again (a crash before the checkpoint) changes nothing
    path.write_bytes(journal.encode(OPS) + journal.DONE)
    store.close()
    path.write_bytes(journal.encode(OPS))
    again = Store.open(drill_home, now=now)
    assert path.stat().st_size == 0
    assert again.all("items") == {"a": {"v": 2}, "b": {"v": 9}}
    assert [r["id"] for r in again.records("reviews")] == ["r0", "r1"]
    again.close()


def test_damaged_journal_is_reported_not_deleted(drill_home: Path, now):
    Store.open(drill_home, now=now).close()
    path = drill_home / "journal.jsonl"
    bad = b"deadbeef {}\n" + journal.encode(OPS)  # damaged line that is not the last one
    path.write_bytes(bad)
    with pytest.raises(DataError, match="journal.jsonl"):
        Store.open(drill_home, now=now)
    assert path.read_bytes() == bad


def test_journal_is_checkpointed_periodically(drill_home: Path, now):
    store = Store.open(drill_home, now=now)
    for i in range(journal.CHECKPOINT_COMMITS + 5):
        store.put("items", f"k{i}", {"v": i})
    assert 0 < (drill_home / "journal.jsonl").stat().st_size < 10 * 1024
    store.close()  # close checkpoints too
    assert (drill_home / "journal.jsonl").stat().st_size == 0


WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from drill.store import Store

    store = Store.open(Path(sys.argv[1]))
    start = int(sys.argv[2])
    crash_at, crash_step = int(sys.argv[3]), int(sys.argv[4])  # batch number, file rename number
    parent = os.getppid()

    if crash_at >= 0:  # freeze mid-commit at a chosen point so the parent's kill lands there
        from drill.store.atomic import AtomicJSONStorage

        real_install, state = AtomicJSONStorage.install, {"batch": 0, "step": 0}

        def install(self):
            if state["batch"] == crash_at and state["step"] == crash_step:
                print("CRASHPOINT", flush=True)
                time.sleep(30)
                raise SystemExit("not killed")
            state["step"] += 1
            return real_install(self)

        AtomicJSONStorage.install = install
    for i in range(start, start + 2000):  # bounded, and stops if the test went away
        if os.getppid() != parent:
            break
        day = 1 + i % 28
        with store.batch():
            store.put("items", f"item{i % 7}", {"last": i, "pad": "x" * 300})
            store.append("reviews", {"id": f"r{i}", "at": f"2026-10-{day:02d}T10:{i % 60:02d}:00Z", "i": i})
        print(f"r{i}", flush=True)
        if crash_at >= 0:
            state["batch"] += 1
            state["step"] = 0
    """
)


def _run_writer(home: Path, start: int, acked: list[str], *, kill_after: int, crash_step: int = -1) -> int:
    """Run WRITER, kill -9 it after ``kill_after`` acks (or at its frozen crash point)."""
    crash_at = kill_after if crash_step >= 0 else -1
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(home), str(start), str(crash_at), str(crash_step)],
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
        if crash_step < 0 and seen >= kill_after:
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


@pytest.mark.parametrize("crash_step", [0, 1], ids=["journalled-no-file-replaced", "one-file-replaced"])
def test_kill_9_at_the_worst_moment_is_all_or_nothing(drill_home: Path, crash_step: int):
    acked: list[str] = []
    _run_writer(drill_home, 0, acked, kill_after=5, crash_step=crash_step)
    assert len(acked) == 5
    assert (drill_home / "journal.jsonl").read_bytes().endswith(b"}\n")  # commit logged, not done
    _check_after_crash(drill_home, acked)
    store = Store.open(drill_home)
    assert "r5" in {r["id"] for r in store.records("reviews")}  # the frozen commit was completed
    store.close()
