"""``drill list``, ``drill hint``, ``drill close`` and ``drill solution``: output, exit codes, state."""

from __future__ import annotations

import json

from drill.cli import main
from drill.store import Store


def test_list_prints_every_drill_and_json_agrees(capsys, drill_home):
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["drill", "category", "status", "best", "title"]
    assert any(line.startswith("linear-dense ") and " new " in line for line in lines)
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} == {line.split()[0] for line in lines[1:]}
    assert next(r for r in rows if r["id"] == "linear-dense")["status"] == "new"


def test_hint_needs_an_open_attempt_then_counts_each_hint(capsys, drill_home):
    assert main(["hint", "linear-dense"]) == 2
    assert "drill new linear-dense" in capsys.readouterr().err
    main(["new", "linear-dense"])
    capsys.readouterr()
    from drill.content.exercises import find_spec

    total = len(find_spec("linear-dense").hints)
    assert main(["hint", "linear-dense"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Hint 1 of {total} · {total - 1} left\n  1. ")
    assert main(["hint", "linear-dense", str(total)]) == 0
    assert capsys.readouterr().out.startswith(f"Hint {total} of {total} · no more hints\n  {total}. ")
    with Store.open(drill_home) as store:
        assert next(iter(store.all("attempts").values()))["hints_used"] == total
    assert main(["hint", "linear-dense", "9"]) == 2


def test_hint_lines_never_break_inside_a_word(capsys, drill_home, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    main(["new", "linear-dense"])
    capsys.readouterr()
    main(["hint", "linear-dense"])
    out = capsys.readouterr().out
    from drill.content.exercises import find_spec

    words = set(find_spec("linear-dense").hints[0].split())
    assert all(len(line) <= 40 for line in out.splitlines())
    assert all(word in words or word == "1." for line in out.splitlines()[1:] for word in line.split())


def test_solution_waits_for_a_closed_attempt_then_shows_the_diff(capsys, drill_home):
    assert main(["solution", "linear-dense"]) == 2
    main(["new", "linear-dense"])
    capsys.readouterr()
    assert main(["solution", "linear-dense"]) == 2
    assert "drill close linear-dense" in capsys.readouterr().err
    assert main(["close", "linear-dense"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rated Again (best 0/5, 0 hints, 0 checks). Next due ")
    assert main(["solution", "linear-dense"]) == 0
    diff = capsys.readouterr().out
    assert diff.startswith("--- yours") and "\n@@ yours 1-" in diff
    assert any(line.startswith("+ ") for line in diff.splitlines()) and any(line.startswith("- ") for line in diff.splitlines())
    assert main(["close", "linear-dense"]) == 2  # nothing open any more
