"""``drill import`` checks values with the live store's models; a refused import changes nothing.

The fuzz test takes a real export, puts a random value into a random field of a random document
or record, and imports it: either the import is refused with a message and the data folder is
exactly as before, or it is accepted and every command still works on it (so nothing that the
app cannot read ever gets in).
"""

from __future__ import annotations

import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corruption import build_home
from drill.cli import main


def _run(home: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--home", str(home), *argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict]:
    home = tmp_path_factory.mktemp("source") / "home"
    build_home(home)
    target = home.parent / "export.json"
    assert _run(home, "export", str(target))[0] == 0
    return home, json.loads(target.read_text(encoding="utf-8"))


def _state(home: Path) -> bytes:
    """Every data file's bytes (what a refused import must leave alone)."""
    files = sorted(p for p in home.rglob("*") if p.is_file() and "backups" not in p.parts and "cache" not in p.parts
                   and p.name not in (".lock", ".session.lock", "journal.jsonl"))
    return b"".join(p.relative_to(home).as_posix().encode() + b"\0" + p.read_bytes() for p in files)


CASES = [
    ("tables", "items", None, "due", "never"),
    ("tables", "items", None, "stability", -3),
    ("tables", "settings", "settings", "timezone", "Mars/Olympus_Mons"),
    ("tables", "settings", "settings", "rollover_hour", 99),
    ("tables", "attempts", "a1", "best_score", 7),
    ("logs", "time", 0, "minutes", -500),
    ("logs", "reviews", 0, "rating", 9),
    ("logs", "reviews", 0, "kind", "poem"),
    ("logs", "submissions", 0, "score", "high"),
]


def _mutate(data: dict, where: str, name: str, key, field: str, value) -> dict:
    data = json.loads(json.dumps(data))
    if where == "tables":
        docs = data["tables"][name]
        docs[key if key is not None else next(iter(docs))][field] = value
    else:
        data["logs"][name][key][field] = value
    return data


@pytest.mark.parametrize("case", CASES, ids=[f"{c[1]}.{c[3]}={c[4]!r}" for c in CASES])
def test_import_refuses_a_bad_value_and_changes_nothing(case, exported, drill_home, tmp_path):
    source, data = exported
    shutil.rmtree(drill_home)
    shutil.copytree(source, drill_home)
    before = _state(drill_home)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_mutate(data, *case)), encoding="utf-8")
    code, _, err = _run(drill_home, "import", str(bad))
    assert code == 2 and "cannot import" in err and case[3] in err and "nothing was changed" in err, err
    assert _state(drill_home) == before


def test_a_document_under_another_id_is_refused(exported, drill_home, tmp_path):
    source, data = exported
    data = json.loads(json.dumps(data))
    items = data["tables"]["items"]
    first = next(iter(items))
    items["someone-else"] = items.pop(first)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = _run(drill_home, "import", str(bad))
    assert code == 2 and "does not match" in err


def test_export_import_round_trip_is_exact(exported, drill_home, tmp_path):
    source, data = exported
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data), encoding="utf-8")
    assert _run(drill_home, "import", str(good))[0] == 0
    again = tmp_path / "again.json"
    assert _run(drill_home, "export", str(again))[0] == 0
    back = json.loads(again.read_text(encoding="utf-8"))
    assert {k: v for k, v in back.items() if k != "exported_at"} == {k: v for k, v in data.items() if k != "exported_at"}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
    | st.sampled_from(["", "never", "2026-13-40", "2026-11-24T09:30:00Z", "card", "drill", "nn", "book", "x" * 300]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_fuzzed_values_are_refused_or_every_command_still_works(data, exported, tmp_path_factory):
    source, export = exported
    export = json.loads(json.dumps(export))
    kind = data.draw(st.sampled_from(["tables", "logs"]))
    group = export[kind]
    name = data.draw(st.sampled_from(sorted(n for n in group if group[n] and n != "meta")))
    if kind == "tables":
        key = data.draw(st.sampled_from(sorted(group[name])))
        target = group[name][key]
    else:
        target = group[name][data.draw(st.integers(0, len(group[name]) - 1))]
    field = data.draw(st.sampled_from(sorted(target) + ["unknown_field"]))
    target[field] = data.draw(JSON_VALUES)

    home = tmp_path_factory.mktemp("fuzz") / "home"
    shutil.copytree(source, home)
    before = _state(home)
    file = home.parent / "fuzzed.json"
    file.write_text(json.dumps(export), encoding="utf-8")
    code, _, err = _run(home, "import", str(file))
    assert "Traceback" not in err and "unexpected error" not in err, err
    if code != 0:
        assert code == 2 and "nothing was changed" in err, err
        assert _state(home) == before
        return
    for argv in (["readiness", "--json"], ["plan", "--json"], ["hours", "--json"], ["log", "--list"], ["settings"]):
        code, _, err = _run(home, *argv)
        assert code == 0, f"{kind}/{name}.{field}={target[field]!r} was imported, then `drill {' '.join(argv)}` says: {err}"
