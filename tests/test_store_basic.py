"""Store basics: keyed documents, logs, ordering, range reads, cache invalidation."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from drill.store import SCHEMA_VERSION, Store


def rec(i: int, at: datetime, **extra) -> dict:
    return {"id": f"r{i}", "at": at.isoformat().replace("+00:00", "Z"), "item_id": f"i{i % 5}", **extra}


@pytest.fixture
def store(drill_home: Path, now: datetime):
    s = Store.open(drill_home, now=now)
    yield s
    s.close()


def test_first_open_creates_layout(store: Store, drill_home: Path):
    data = json.loads((drill_home / "drill.json").read_text())
    assert data["meta"]["store"]["schema_version"] == SCHEMA_VERSION
    assert (drill_home / "log").is_dir()
    assert store.home == drill_home


def test_put_get_all_delete(store: Store):
    assert store.get("items", "a") is None
    store.put("items", "a", {"x": 1, "nested": {"l": [1, 2]}})
    store.put("items", "b", {"x": 2})
    store.put("items", "a", {"x": 3})  # replace, not merge
    assert store.get("items", "a") == {"x": 3}
    assert store.all("items") == {"a": {"x": 3}, "b": {"x": 2}}
    store.delete("items", "a")
    store.delete("items", "missing")
    assert store.all("items") == {"b": {"x": 2}}
    assert store.all("nothing") == {}


def test_returned_documents_are_copies(store: Store):
    doc = {"nested": {"v": 1}}
    store.put("items", "a", doc)
    doc["nested"]["v"] = 2  # caller's object is not the stored one
    got = store.get("items", "a")
    got["nested"]["v"] = 3
    store.all("items")["a"]["nested"]["v"] = 4
    assert store.get("items", "a") == {"nested": {"v": 1}}


def test_bad_input_refused(store: Store):
    with pytest.raises(ValueError):
        store.put("items", "a", {"when": datetime.now()})  # not JSON
    with pytest.raises(ValueError):
        store.put("../x", "a", {})
    with pytest.raises(ValueError):
        store.append("reviews", {"id": "r", "at": "2026-01-01T00:00:00"})  # naive
    with pytest.raises(ValueError):
        store.append("reviews", {"at": "2026-01-01T00:00:00Z"})  # no id
    with pytest.raises(ValueError):
        store.put("meta", "store", {"schema_version": 99})  # the store's own record


def test_records_time_order_across_days_and_partition_paths(store: Store, drill_home: Path, now: datetime):
    times = [now - timedelta(days=d, minutes=m) for d in (40, 3, 0) for m in (30, 10, 20)]
    for i, t in enumerate(times):
        store.append("reviews", rec(i, t))
    got = list(store.records("reviews"))
    assert [r["at"] for r in got] == sorted(r["at"] for r in got)
    assert len(got) == 9
    day = (now - timedelta(days=40)).date()
    assert (drill_home / "log" / "reviews" / f"{day:%Y}" / f"{day:%m}" / f"{day.isoformat()}.json").is_file()


def test_records_since_until_filters_and_skips_by_path(store: Store, drill_home: Path, now: datetime):
    for d in range(10):
        store.append("reviews", rec(d, now - timedelta(days=d)))
    since, until = now - timedelta(days=5), now - timedelta(days=2)
    got = list(store.records("reviews", since=since, until=until))
    assert [r["id"] for r in got] == ["r5", "r4", "r3"]  # since inclusive, until exclusive
    # a day file outside the range is never parsed: corrupt it and read around it
    far = (now - timedelta(days=9)).date()
    (drill_home / "log" / "reviews" / f"{far:%Y}" / f"{far:%m}" / f"{far.isoformat()}.json").write_text("garbage")
    assert [r["id"] for r in store.records("reviews", since=since)] == ["r5", "r4", "r3", "r2", "r1", "r0"]


def test_remove_for_undo(store: Store, now: datetime):
    r = rec(1, now)
    store.append("reviews", r)
    assert store.remove("reviews", "r1", r["at"]) is True
    assert store.remove("reviews", "r1", r["at"]) is False
    assert store.remove("other", "r1", r["at"]) is False
    assert list(store.records("reviews")) == []


def test_append_same_id_is_idempotent(store: Store, now: datetime):
    store.append("reviews", rec(1, now))
    store.append("reviews", rec(1, now))
    assert len(list(store.records("reviews"))) == 1


def test_batch_reads_its_own_writes_and_rolls_back_on_error(store: Store, now: datetime):
    with store.batch():
        store.put("items", "a", {"v": 1})
        store.append("reviews", rec(1, now))
        assert store.get("items", "a") == {"v": 1}
        assert [r["id"] for r in store.records("reviews")] == ["r1"]
    with pytest.raises(RuntimeError):
        with store.batch():
            store.put("items", "a", {"v": 2})
            store.append("reviews", rec(2, now + timedelta(days=1)))
            raise RuntimeError("boom")
    assert store.get("items", "a") == {"v": 1}
    assert [r["id"] for r in store.records("reviews")] == ["r1"]


def test_other_store_sees_changes_cache_invalidated(drill_home: Path, now: datetime):
    a = Store.open(drill_home, now=now)
    b = Store.open(drill_home, now=now)
    try:
        assert b.get("items", "x") is None  # b caches the file
        a.put("items", "x", {"v": 1})
        assert b.get("items", "x") == {"v": 1}
        b.put("items", "y", {"v": 2})  # b re-reads before writing: a's x survives
        assert a.all("items") == {"x": {"v": 1}, "y": {"v": 2}}
        a.append("reviews", rec(1, now))
        b.append("reviews", rec(2, now))
        assert {r["id"] for r in a.records("reviews")} == {"r1", "r2"}
    finally:
        a.close()
        b.close()


def test_reads_use_the_cache_until_the_file_changes(store: Store, drill_home: Path, monkeypatch):
    store.put("items", "a", {"v": 1})
    import drill.store.atomic as atomic

    parses = []
    real = atomic._parse
    monkeypatch.setattr(atomic, "_parse", lambda *a: parses.append(1) or real(*a))
    for _ in range(5):
        store.get("items", "a")
    assert parses == []
    # another writer replaces the file
    data = json.loads((drill_home / "drill.json").read_text())
    data["items"]["a"] = {"v": 2}
    atomic.write_json_atomic(drill_home / "drill.json", data)
    assert store.get("items", "a") == {"v": 2}
    assert parses == [1]


def test_records_order_with_mixed_time_formats_in_one_day(store: Store):
    ats = ["2026-11-24T10:00:00.500000Z", "2026-11-24T12:00:00+02:00", "2026-11-24T09:59:59+00:00", "2026-11-24T10:00:00Z"]
    for i, at in enumerate(ats):
        store.append("reviews", {"id": f"r{i}", "at": at})
    assert [r["id"] for r in store.records("reviews")] == ["r2", "r1", "r3", "r0"]
    since = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
    assert [r["id"] for r in store.records("reviews", since=since)] == ["r1", "r3", "r0"]
    assert [r["id"] for r in store.records("reviews", until=since)] == ["r2"]
