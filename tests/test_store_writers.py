"""Writers under the store's lock: simultaneous commands lose nothing and break no limit.

Each test forks real processes that run the CLI at the same moment (a barrier releases them
together), as a learner running two terminals or a script would.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

import pytest

from drill.cli import main
from drill.content.cards import parse_deck
from drill.content.skills import load_skills

FORK = multiprocessing.get_context("fork")


def _run_cli(argv: list[str], barrier, out: Path) -> None:
    """Child: wait for the others, run ``drill argv``, record exit code and stderr."""
    err = open(out, "w", encoding="utf-8")
    os.dup2(err.fileno(), 2)
    sys.stderr = err
    sys.stdout = open(os.devnull, "w")
    barrier.wait(timeout=60)
    try:
        code = main(argv)
    except BaseException as exc:  # a traceback in a child is a test failure, recorded as such
        import traceback

        traceback.print_exc(file=err)
        code = f"crash: {exc!r}"
    err.flush()
    out.with_suffix(".rc").write_text(str(code))
    os._exit(0)


def _run_together(runs: list[list[str]], tmp_path: Path) -> list[tuple[str, str]]:
    barrier = FORK.Barrier(len(runs))
    outs = [tmp_path / f"child-{i}.err" for i in range(len(runs))]
    procs = [FORK.Process(target=_run_cli, args=(argv, barrier, out)) for argv, out in zip(runs, outs)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=180)
        assert p.exitcode == 0, "a child process died"
    return [(out.with_suffix(".rc").read_text(), out.read_text()) for out in outs]


def _csv(path: Path, prefix: str, rows: int) -> Path:
    lines = ["front,back,skills,resource,id"]
    lines += [f"Question {prefix} {i}?,Answer {i}.,nn.build,course,{prefix}-{i:03d}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_concurrent_import_cards_into_one_deck_loses_no_card(drill_home, tmp_path):
    files = [_csv(tmp_path / f"set{i}.csv", f"set{i}", 20) for i in range(8)]
    results = _run_together([["import-cards", str(f), "--deck", "shared"] for f in files], tmp_path)
    assert [rc for rc, _ in results] == ["0"] * 8, results
    deck = drill_home / "decks" / "shared.md"
    cards, problems = parse_deck(deck.read_text(encoding="utf-8"), deck, set(load_skills()))
    assert problems == []
    assert len(cards) == 8 * 20
    assert not [p for p in deck.parent.iterdir() if p.name.endswith(".tmp")]


def test_import_cards_refuses_a_deck_name_with_a_path(drill_home, tmp_path, capsys):
    source = _csv(tmp_path / "cards.csv", "x", 2)
    for bad in ("../../x", "a/b", ".hidden", "..", "x\\y"):
        assert main(["import-cards", str(source), "--deck", bad]) == 2
        assert "deck name" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists() and not (drill_home.parent / "x.md").exists()
    assert main(["import-cards", str(source), "--deck", "my_cards"]) == 0
    assert (drill_home / "decks" / "my_cards.md").is_file()


def test_forty_simultaneous_one_hour_logs_store_at_most_24_hours(drill_home, tmp_path):
    results = _run_together([["log", "1h", "--date", "2026-11-20"] for _ in range(40)], tmp_path)
    codes = [rc for rc, _ in results]
    assert set(codes) <= {"0", "2"}, results  # logged, or refused with a message
    for rc, err in results:
        assert "Traceback" not in err
        if rc == "2":
            assert "24 hours" in err or "overlaps" in err, err
    from drill.progress.timebook import TimeBook
    from drill.session import load_settings
    from drill.store import Store

    with Store.open(drill_home) as store:
        entries = TimeBook(store, load_settings(store)).entries()
    total = sum(e.minutes for e in entries)
    assert total <= 24 * 60
    assert len(entries) == codes.count("0") >= 1  # every success is stored, no more


def test_csv_export_of_hours_leaves_no_fixed_temp_name(drill_home, tmp_path, capsys):
    assert main(["log", "30m", "--date", "2026-11-20"]) == 0
    target = tmp_path / "hours.csv"
    assert main(["hours", "--csv", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("id,day,")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
