"""Schema version and ordered migrations (mechanism tested with a fake next version; the real
version 2, the days table leaving drill.json, at the end)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from drill.errors import DataError
from drill.store import Store, migrations
from drill.store.atomic import write_json_atomic

AT = "2026-11-20T10:00:00Z"
NEXT = migrations.SCHEMA_VERSION + 1  # a fake step after the real ones


def _to_v2(folder: Path) -> None:
    """Fake step: items' "x" becomes "y", and log records get a "v2" flag."""
    main = json.loads((folder / "drill.json").read_text())
    for doc in main.get("items", {}).values():
        doc["y"] = doc.pop("x")
    write_json_atomic(folder / "drill.json", main)
    for f in (folder / "log").rglob("*.json"):
        data = json.loads(f.read_text())
        for r in data["records"].values():
            r["v2"] = True
        write_json_atomic(f, data)


@pytest.fixture
def v1_home(drill_home: Path, now) -> Path:
    store = Store.open(drill_home, now=now)
    store.put("items", "a", {"x": 1})
    store.append("reviews", {"id": "r1", "at": AT})
    store.close()
    return drill_home


def _version(home: Path) -> int:
    return json.loads((home / "drill.json").read_text())["meta"]["store"]["schema_version"]


def test_migrations_are_numbered_and_current(v1_home: Path):
    assert [v for v, _ in migrations.MIGRATIONS] == list(range(1, migrations.SCHEMA_VERSION + 1))
    assert _version(v1_home) == migrations.SCHEMA_VERSION


def test_older_data_is_backed_up_then_migrated_step_by_step(v1_home: Path, now, monkeypatch):
    old_main = (v1_home / "drill.json").read_bytes()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (NEXT, _to_v2)])
    store = Store.open(v1_home, now=now + timedelta(hours=1))
    assert store.get("items", "a") == {"y": 1}
    assert list(store.records("reviews")) == [{"id": "r1", "at": AT, "v2": True}]
    store.close()
    assert _version(v1_home) == NEXT
    pre = [b for b in (v1_home / "backups").iterdir() if b.name.endswith(f"-pre-migration-v{NEXT - 1}")]
    assert len(pre) == 1
    assert (pre[0] / "drill.json").read_bytes() == old_main
    assert "v2" not in (next((pre[0] / "log").rglob("*.json"))).read_text()
    assert not list(v1_home.glob(".staging-*")) and (v1_home / "journal.jsonl").stat().st_size == 0


def test_unversioned_file_runs_every_step(drill_home: Path, now, monkeypatch):
    write_json_atomic(drill_home / "drill.json", {"items": {"a": {"x": 5}}})
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (NEXT, _to_v2)])
    store = Store.open(drill_home, now=now)
    assert store.get("items", "a") == {"y": 5}
    store.close()
    assert _version(drill_home) == NEXT


def test_failing_migration_leaves_live_data_untouched(v1_home: Path, now, monkeypatch):
    before = {p: p.read_bytes() for p in [v1_home / "drill.json", *(v1_home / "log").rglob("*.json")]}

    def broken(folder: Path) -> None:
        _to_v2(folder)
        raise RuntimeError("bug in step NEXT")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (NEXT, broken)])
    with pytest.raises(RuntimeError, match="bug in step"):
        Store.open(v1_home, now=now)
    assert {p: p.read_bytes() for p in before} == before
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:NEXT - 1], (NEXT, _to_v2)])
    store = Store.open(v1_home, now=now)  # a fixed drill migrates fine; leftovers cleaned
    assert store.get("items", "a") == {"y": 1}
    store.close()
    assert not list(v1_home.glob(".staging-*"))


def test_newer_schema_is_refused_and_untouched(v1_home: Path, now):
    main = json.loads((v1_home / "drill.json").read_text())
    main["meta"]["store"]["schema_version"] = migrations.SCHEMA_VERSION + 1
    write_json_atomic(v1_home / "drill.json", main)
    raw = (v1_home / "drill.json").read_bytes()
    with pytest.raises(DataError, match="newer drill") as err:
        Store.open(v1_home, now=now + timedelta(days=1))
    assert "upgrade drill" in err.value.hint
    assert str(v1_home / "drill.json") in str(err.value)
    assert (v1_home / "drill.json").read_bytes() == raw


def test_version_2_moves_the_days_table_out_of_drill_json(drill_home: Path, now):
    """A version-1 folder (days table in drill.json) becomes the partitioned ``days`` log."""
    write_json_atomic(drill_home / "drill.json", {
        "meta": {"store": {"schema_version": 1}},
        "items": {"a": {"x": 1}},
        "days": {"2026-11-20": {"first": "2026-11-20T09:00:00+00:00"}, "2026-11-21": {"first": "2026-11-22T01:30:00+00:00"}},
    })
    store = Store.open(drill_home, now=now)
    assert store.get("items", "a") == {"x": 1}
    assert store.all("days") == {}
    assert list(store.records("days")) == [
        {"id": "2026-11-20", "at": "2026-11-20T09:00:00+00:00"},
        {"id": "2026-11-21", "at": "2026-11-22T01:30:00+00:00"},  # a study day past midnight UTC
    ]
    exported = store.export_all()
    store.close()
    assert "days" not in json.loads((drill_home / "drill.json").read_text())
    assert _version(drill_home) == 2
    assert (drill_home / "log" / "days" / "2026" / "11" / "2026-11-22.json").is_file()
    assert exported["logs"]["days"][1]["id"] == "2026-11-21"
