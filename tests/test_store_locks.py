"""One writer at a time across processes; the interactive session lock."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drill.errors import BusyError
from drill.store import Store

N = 120

APPENDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from drill.store import Store

    home, tag, n, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    store = Store.open(home)
    while not go.exists():
        time.sleep(0.001)
    for i in range(n):
        store.append("reviews", {"id": f"{tag}-{i}", "at": f"2026-11-{1 + i % 3:02d}T08:00:{i % 60:02d}Z"})
        with store.batch():  # read-modify-write: a lost update would show in the count
            doc = store.get("counters", "answers") or {"n": 0}
            store.put("counters", "answers", {"n": doc["n"] + 1})
    store.close()
    """
)


def test_two_processes_writing_at_once_keep_every_write(drill_home: Path, tmp_path: Path, now):
    Store.open(drill_home, now=now).close()
    go = tmp_path / "go"
    procs = [
        subprocess.Popen([sys.executable, "-c", APPENDER, str(drill_home), tag, str(N), str(go)])
        for tag in ("a", "b")
    ]
    time.sleep(0.5)  # let both open
    go.touch()
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = Store.open(drill_home, now=now)
    ids = [r["id"] for r in store.records("reviews")]
    assert sorted(ids) == sorted(f"{t}-{i}" for t in "ab" for i in range(N))
    assert store.get("counters", "answers") == {"n": 2 * N}
    store.close()


def test_writer_waits_then_times_out_naming_the_holder(drill_home: Path, now):
    a = Store.open(drill_home, now=now)
    b = Store.open(drill_home, now=now, lock_timeout=0.3)
    try:
        with a.batch():
            a.put("items", "x", {"v": 1})
            t0 = time.monotonic()
            with pytest.raises(BusyError) as err:
                b.put("items", "y", {"v": 2})
            assert time.monotonic() - t0 >= 0.25
        assert f"pid {os.getpid()}" in str(err.value)
        assert err.value.hint
        b.put("items", "y", {"v": 2})  # free again
        assert a.all("items") == {"x": {"v": 1}, "y": {"v": 2}}
    finally:
        a.close()
        b.close()


def test_open_times_out_while_another_process_writes(drill_home: Path, now):
    Store.open(drill_home, now=now).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from drill.store import Store\n"
            "s = Store.open(Path(sys.argv[1]))\n"
            "with s.batch():\n    print('held', flush=True); time.sleep(30)",
            str(drill_home),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(BusyError, match=f"pid {holder.pid}"):
            Store.open(drill_home, now=now, lock_timeout=0.2)
    finally:
        holder.kill()
        holder.wait()
    Store.open(drill_home, now=now, lock_timeout=5).close()  # the kernel dropped the dead holder's lock


def test_session_lock_second_holder_is_refused(drill_home: Path, now):
    a = Store.open(drill_home, now=now)
    b = Store.open(drill_home, now=now)
    try:
        with a.session_lock():
            with pytest.raises(BusyError) as err:
                with b.session_lock():
                    pass
            assert f"drill is already open in another terminal (pid {os.getpid()})" in str(err.value)
            assert err.value.hint
            b.put("items", "x", {"v": 1})  # plain writes don't need the session lock
        with b.session_lock():  # released on exit
            pass
    finally:
        a.close()
        b.close()


def test_session_lock_held_by_another_process(drill_home: Path, now):
    Store.open(drill_home, now=now).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from drill.store import Store\n"
            "s = Store.open(Path(sys.argv[1]))\n"
            "with s.session_lock():\n    print('open', flush=True); time.sleep(30)",
            str(drill_home),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        store = Store.open(drill_home, now=now)
        with pytest.raises(BusyError, match=rf"already open in another terminal \(pid {holder.pid}\)"):
            with store.session_lock():
                pass
        store.close()
    finally:
        holder.kill()
        holder.wait()
