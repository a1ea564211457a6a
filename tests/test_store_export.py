"""Export everything / import it back: round trip, refusals that change nothing, migration."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from pathlib import Path

import pytest

from drill.errors import DataError
from drill.store import Store, migrations
from drill.store.atomic import write_json_atomic


def _to_v2(folder: Path) -> None:
    """Fake migration step: items' "x" becomes "y", log records get a "v2" flag."""
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
def store(drill_home: Path, now):
    s = Store.open(drill_home, now=now)
    s.put("items", "a", {"x": 1, "nested": {"k": [1, 2]}})
    s.put("items", "b", {"x": 2})
    s.put("settings", "settings", {"new_per_day": 20})
    for d in range(5):
        s.append("reviews", {"id": f"r{d}", "at": (now - timedelta(days=d, hours=d)).isoformat(), "rating": 3})
    s.append("sessions", {"id": "s1", "at": now.isoformat()})
    yield s
    s.close()


def _snapshot_files(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in [home / "drill.json", *(home / "log").rglob("*.json")]
    }


def test_export_has_everything(store: Store, now):
    data = store.export_all()
    assert data["format"] == "drill-backup"
    assert data["schema_version"] == migrations.SCHEMA_VERSION
    assert data["exported_at"] == now.isoformat()
    assert data["tables"]["items"] == {"a": {"x": 1, "nested": {"k": [1, 2]}}, "b": {"x": 2}}
    assert [r["id"] for r in data["logs"]["reviews"]] == ["r4", "r3", "r2", "r1", "r0"]
    assert data["logs"]["sessions"] == [{"id": "s1", "at": now.isoformat()}]
    json.dumps(data)


def test_round_trip_is_equal(store: Store, drill_home: Path, tmp_path: Path, now):
    data = store.export_all()
    other = Store.open(tmp_path / "other", now=now)
    other.put("items", "zzz", {"gone": True})
    other.append("reviews", {"id": "old", "at": now.isoformat()})
    other.import_all(json.loads(json.dumps(data)))
    assert other.export_all() == data
    assert other.get("items", "zzz") is None
    assert [b.name for b in (tmp_path / "other" / "backups").iterdir() if b.name.endswith("pre-import")]
    other.close()
    reopened = Store.open(tmp_path / "other", now=now)
    assert reopened.export_all() == data
    reopened.close()
    store.import_all(data)  # onto itself
    assert store.export_all() == data


def _bad(data: dict) -> list[tuple[str, object, str]]:
    cases: list[tuple[str, object, str]] = [("not a dict", [], "expected a JSON object")]

    def variant(name: str, edit, reason: str) -> None:
        d = copy.deepcopy(data)
        edit(d)
        cases.append((name, d, reason))

    variant("foreign marker", lambda d: d.update(format="anki"), "not a drill backup")
    variant("no marker", lambda d: d.pop("format"), "not a drill backup")
    variant("missing logs", lambda d: d.pop("logs"), "missing logs")
    variant("extra key", lambda d: d.update(extra=1), "unexpected keys extra")
    variant("newer schema", lambda d: d.update(schema_version=99), "newer drill")
    variant("schema not int", lambda d: d.update(schema_version="1"), "not a version number")
    variant("bad exported_at", lambda d: d.update(exported_at="yesterday"), "exported_at")
    variant("tables wrong type", lambda d: d.update(tables=[]), "'tables' is not an object")
    variant("doc wrong type", lambda d: d["tables"]["items"].update(a=5), "items/'a'")
    variant("bad table name", lambda d: d["tables"].update({"../x": {}}), "invalid table name")
    variant("log wrong type", lambda d: d["logs"].update(reviews={}), "not a list")
    variant("record without id", lambda d: d["logs"]["reviews"][0].pop("id"), "no string 'id'")
    variant("record naive at", lambda d: d["logs"]["reviews"][0].update(at="2026-01-01T00:00:00"), "UTC offset")
    variant("duplicate ids", lambda d: d["logs"]["reviews"].append(dict(d["logs"]["reviews"][0])), "two records")
    variant("not JSON", lambda d: d["tables"]["items"]["a"].update(n=float("nan")), "not plain JSON")
    return cases


def test_malformed_or_foreign_import_is_refused_and_changes_nothing(store: Store, drill_home: Path):
    data = store.export_all()
    before = _snapshot_files(drill_home)
    backups_before = sorted((drill_home / "backups").iterdir())
    for name, bad, reason in _bad(data):
        with pytest.raises(DataError, match="cannot import") as err:
            store.import_all(bad)  # type: ignore[arg-type]
        assert reason in str(err.value), name
        assert _snapshot_files(drill_home) == before, name
    assert sorted((drill_home / "backups").iterdir()) == backups_before
    assert store.export_all() == data
    assert not list(drill_home.glob(".staging-*"))


def test_older_export_is_migrated_on_import(store: Store, monkeypatch):
    data = store.export_all()  # the current version; a fake step after it makes it "older"
    following = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (following, _to_v2)])
    store.import_all(data)
    assert store.get("items", "a") == {"y": 1, "nested": {"k": [1, 2]}}
    assert all(r["v2"] for r in store.records("reviews"))
    assert store.export_all()["schema_version"] == following


def test_a_version_1_export_with_a_days_table_imports_into_the_days_log(store: Store):
    data = store.export_all()
    data["schema_version"] = 1
    data["tables"]["days"] = {"2026-11-20": {"first": "2026-11-20T09:00:00+00:00"}}
    store.import_all(data)
    assert store.all("days") == {}
    assert list(store.records("days")) == [{"id": "2026-11-20", "at": "2026-11-20T09:00:00+00:00"}]


def test_interrupted_import_is_completed_on_open(store: Store, drill_home: Path, tmp_path: Path, now, monkeypatch):
    data = store.export_all()
    target = Store.open(tmp_path / "t", now=now)
    target.put("items", "old", {"v": 0})
    import drill.store.store as store_mod

    def crash(self, staging):  # the journal is written, then the process "dies"
        raise KeyboardInterrupt

    monkeypatch.setattr(store_mod.Store, "_swap", crash)
    with pytest.raises(KeyboardInterrupt):
        target.import_all(data)
    monkeypatch.undo()
    target.close()
    assert (tmp_path / "t" / "journal.jsonl").stat().st_size > 0  # the swap is journalled
    reopened = Store.open(tmp_path / "t", now=now)
    assert reopened.export_all() == data
    reopened.close()
