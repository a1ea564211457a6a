"""Rotating backups, and corrupt files: reported with the newest good backup, never overwritten."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest

from drill.errors import DataError
from drill.store import Store

AT = "2026-11-24T09:30:00Z"


def _snapshots(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "backups").iterdir() if not p.name.startswith("."))


def test_backup_once_per_day_and_rotation_keeps_n(drill_home: Path, now):
    for day in range(10):
        for hour in (0, 5):  # a second open the same day makes no second backup
            store = Store.open(drill_home, now=now + timedelta(days=day, hours=hour), backups_keep=3)
            store.put("items", "a", {"day": day, "hour": hour})
            store.close()
    snaps = _snapshots(drill_home)
    assert len(snaps) == 3
    assert snaps[-1].startswith((now + timedelta(days=9)).strftime("%Y-%m-%d"))
    newest = json.loads((drill_home / "backups" / snaps[-1] / "drill.json").read_text())
    assert newest["items"]["a"] == {"day": 8, "hour": 5}  # data as of the open


def test_backups_hold_every_data_file_and_share_nothing_with_live_files(drill_home: Path, now):
    store = Store.open(drill_home, now=now)
    for d in range(3):
        store.append("reviews", {"id": f"r{d}", "at": (now - timedelta(days=d)).isoformat()})
    store.close()
    Store.open(drill_home, now=now + timedelta(days=1)).close()
    snap = drill_home / "backups" / _snapshots(drill_home)[-1]
    live = sorted(p.relative_to(drill_home) for p in [drill_home / "drill.json", *(drill_home / "log").rglob("*.json")])
    backed = sorted(p.relative_to(snap) for p in snap.rglob("*.json") if p.name != ".manifest.json")
    assert backed == live
    for rel in live:
        assert not os.path.samefile(drill_home / rel, snap / rel)
        assert (drill_home / rel).read_bytes() == (snap / rel).read_bytes()


def test_backups_hold_the_learners_own_decks_notes_and_attempt_code(drill_home: Path, now):
    Store.open(drill_home, now=now).close()
    own = {"decks/mine.md": "## Q: what?\nA: that\n", "notes/my-note.md": "# Mine\n",
           "workspaces/linear-dense/a1/solution.py": "def solution_model():\n    pass\n"}
    for rel, text in own.items():
        (drill_home / rel).parent.mkdir(parents=True, exist_ok=True)
        (drill_home / rel).write_text(text, encoding="utf-8")
    Store.open(drill_home, now=now + timedelta(days=1)).close()
    (drill_home / "decks" / "mine.md").unlink()  # lost the next day: the snapshot still has it
    snap = drill_home / "backups" / _snapshots(drill_home)[-1]
    for rel, text in own.items():
        assert (snap / rel).read_text(encoding="utf-8") == text, rel


def _corrupt_setup(home: Path, now) -> Path:
    store = Store.open(home, now=now)
    store.put("items", "a", {"v": 1})
    store.append("reviews", {"id": "r1", "at": AT})
    store.close()
    Store.open(home, now=now + timedelta(days=1)).close()  # backup of the good data
    return home / "backups" / _snapshots(home)[-1]


@pytest.mark.parametrize("garbage", [b"{not json", b"[1, 2, 3]", b'{"items": [1]}', b"", b"\xff\xfe"])
def test_corrupt_main_file_is_reported_with_backup_and_never_overwritten(drill_home: Path, now, garbage: bytes):
    good = _corrupt_setup(drill_home, now)
    path = drill_home / "drill.json"
    path.write_bytes(garbage)
    snaps_before = _snapshots(drill_home)
    for later in (2, 3):  # opening again (another day: a backup would be due) changes nothing
        with pytest.raises(DataError) as err:
            Store.open(drill_home, now=now + timedelta(days=later))
        assert str(path) in str(err.value)
        assert str(good / "drill.json") in err.value.hint
        assert path.read_bytes() == garbage
        assert _snapshots(drill_home) == snaps_before


def test_corrupt_main_file_while_open_is_not_overwritten(drill_home: Path, now):
    _corrupt_setup(drill_home, now)
    store = Store.open(drill_home, now=now + timedelta(days=1))
    (drill_home / "drill.json").write_bytes(b"{oops")
    with pytest.raises(DataError, match="drill.json"):
        store.put("items", "b", {"v": 2})
    with pytest.raises(DataError):
        store.get("items", "a")
    assert (drill_home / "drill.json").read_bytes() == b"{oops"
    store.close()


def test_corrupt_log_file_is_reported_and_not_backed_up(drill_home: Path, now):
    good = _corrupt_setup(drill_home, now)
    day = next((drill_home / "log").rglob("*.json"))
    day.write_bytes(b'{"records": {"r1": {"id": "other"}}}')
    snaps_before = _snapshots(drill_home)
    with pytest.raises(DataError) as err:
        Store.open(drill_home, now=now + timedelta(days=2))  # daily backup validates changed files
    assert str(day) in str(err.value)
    assert str(good / day.relative_to(drill_home)) in err.value.hint
    assert day.read_bytes() == b'{"records": {"r1": {"id": "other"}}}'
    assert _snapshots(drill_home) == snaps_before


def test_corrupt_log_file_found_when_read(drill_home: Path, now):
    _corrupt_setup(drill_home, now)
    store = Store.open(drill_home, now=now + timedelta(days=1))
    day = next((drill_home / "log").rglob("*.json"))
    day.write_bytes(b"nope")
    with pytest.raises(DataError, match=str(day)):
        list(store.records("reviews"))
    with pytest.raises(DataError, match=str(day)):
        store.append("reviews", {"id": "r2", "at": AT})
    assert day.read_bytes() == b"nope"
    store.close()


def test_unreadable_file_is_a_data_error(drill_home: Path, now):
    _corrupt_setup(drill_home, now)
    path = drill_home / "drill.json"
    if os.geteuid() == 0:  # root reads anything: use a folder in the file's place instead
        path.rename(drill_home / "moved.json")
        path.mkdir()
    else:
        path.chmod(0)
    with pytest.raises(DataError, match=str(path)):
        Store.open(drill_home, now=now + timedelta(days=2))


def test_no_backup_yet_says_so(drill_home: Path, now):
    (drill_home / "drill.json").write_bytes(b"{bad")
    with pytest.raises(DataError) as err:
        Store.open(drill_home, now=now)
    assert "no good backup" in err.value.hint
    assert (drill_home / "drill.json").read_bytes() == b"{bad"


def test_unusable_data_folder_is_a_data_error(tmp_path: Path, now):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DataError, match="cannot use the data folder"):
        Store.open(blocker / "home", now=now)


async def test_the_app_takes_the_days_backup_after_its_first_frame(drill_home: Path, now):
    """`drill` opens the store without the backup (seconds at a million reviews) and takes it in
    the worker that makes the session: the snapshot exists before any answer, and a damaged file
    it finds ends the app with the store's message, the file untouched."""
    from drill.commands.open_app import session_factory
    from drill.tui.app import DrillApp

    store = Store.open(drill_home, now=now)
    store.append("reviews", {"id": "r1", "at": AT})
    store.close()
    Store.open(drill_home, now=now + timedelta(days=1)).close()  # a backup of the good data
    later = now + timedelta(days=2)
    store = Store.open(drill_home, now=later, backup=False)
    before = _snapshots(drill_home)
    assert not any(s.startswith(later.date().isoformat()) for s in before)  # not taken by open
    async def run_until(done) -> DrillApp:
        """The app on ``store`` until its Today worker made the session (or failed)."""
        app = DrillApp(session_factory(store))
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(100):
                await pilot.pause(0.05)
                if done(app):
                    break
        return app

    app = await run_until(lambda a: a._session is not None)
    assert app._session is not None
    assert any(s.startswith(later.date().isoformat()) for s in _snapshots(drill_home))
    store.close()

    day = next((drill_home / "log").rglob("*.json"))
    day.write_bytes(b'{"records": {"r1": {"id": "other"}}}')
    store = Store.open(drill_home, now=later + timedelta(days=1), backup=False)
    app = await run_until(lambda a: a.failure is not None)
    assert isinstance(app.failure, DataError) and str(day) in str(app.failure)
    assert day.read_bytes() == b'{"records": {"r1": {"id": "other"}}}'
    store.close()
