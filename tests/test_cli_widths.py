"""Every CLI table and list fits the terminal without cutting a word, and prints whole with --wide.

A learner with some history (answers, suspended cards with long questions, a long logged note, an
attempt at a drill with a long title) runs each command at ``COLUMNS=80``: no line is wider than
80 columns, and every word on screen is a whole word of the ``--wide`` output (or, before an
ellipsis, its start up to a hyphen). ``--wide`` prints the full titles; ``--json`` does not
depend on the width at all.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from drill.attempts import Attempts
from drill.check.result import CheckResult
from drill.cli import main
from drill.content.exercises import exercises_root, find_spec, load_exercises
from drill.session import StudySession
from drill.textout import table
from drill.wording import fit_names, shorten
from helpers import Clock

LONG_NOTE = ("chapter 10 of the book: building and training a sequential classifier with callbacks, "
             "early stopping and a learning-rate schedule")


@pytest.fixture
def history(store, drill_home, now, monkeypatch):
    """Two weeks of answers, two suspended cards, a long note in the time log, two attempts."""
    clock = Clock(now - timedelta(days=14))
    monkeypatch.setattr("drill.session.utc_now", clock)
    session = StudySession(store, clock=clock)
    session.save_settings(timezone="UTC", exam_date=(now.date() + timedelta(days=30)).isoformat())
    for _ in range(14):
        for card in session.queue().ids[:12]:
            session.answer(card, 3)
        clock.advance(days=1)
    clock.now = now
    longest = sorted(session.cards.values(), key=lambda c: -len(c.question()))[:2]
    for card in longest:  # long questions: the suspended list must shorten them
        session.suspend(card.id)
    attempts = Attempts(store, drill_home, clock)
    for drill_id, score in (("regression-early-stop", 3), ("transfer-frozen-base", 4)):
        spec = find_spec(drill_id)
        attempt = attempts.start(spec)
        attempts.record_submission(attempt.id, CheckResult(
            drill_id=drill_id, score=score, metric=spec.metric.name, lower_is_better=True,
            bars=list(spec.metric.bars), started_at=now, output_tail=""))
    from drill.progress.timebook import TimeBook

    book = TimeBook(store, session.settings, clock)
    book.log("2h", topic="nn", resource="book", note=LONG_NOTE)
    from drill.hours import Span

    book.save_spans([Span("a" * 32, now - timedelta(minutes=20), now - timedelta(minutes=5), "review", "nn")])  # a long app id
    return session


COMMANDS = [["list"], ["instances", "text-binary"], ["suspended"], ["log", "--list"], ["hours"],
            ["readiness"], ["today"], ["settings"], ["note", "--list"], ["plan"], ["doctor", "--quick"]]


def run(capsys, monkeypatch, argv: list[str], columns: int = 80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    code = main(argv)
    out = capsys.readouterr().out
    assert code in (0, 1), (argv, code)  # doctor may find a missing GPU or so: 1, still a table
    return out


def whole_words(narrow: str, wide: str) -> list[str]:
    """Words of ``narrow`` that are not whole words of ``wide``: before an ellipsis a word may
    stop at a hyphen or slash of a longer word (``transfer…`` of ``transfer-frozen-base``)."""
    words = {w.rstrip(",;") for w in wide.split()}
    bad = []
    for word in (w.rstrip(",;") for w in narrow.split()):
        if word in words or re.fullmatch(r"\+\d+|…", word):  # "+3": the plan's names that did not fit
            continue
        if re.fullmatch(r"[\d.]+", word):  # doctor's free memory and disk move between the two runs
            continue
        if "/" in word and any(word in w for w in words if "/" in w):  # a path wider than its column folds
            continue
        if re.fullmatch(r"[0-9a-f]{12}", word) and any(w.startswith(word) for w in words):
            continue  # a short id, as git shows them: `drill log --edit` takes any 4+ first characters
        head = word.rstrip("…")
        if word.endswith("…") and (head in words or any(w.startswith(head) and w[len(head)] in "-/_.,:;"
                                                         for w in words if len(w) > len(head))):
            continue
        bad.append(word)
    return bad


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a))
def test_at_80_columns_no_line_is_wider_and_no_word_is_cut(history, capsys, monkeypatch, argv):
    narrow = run(capsys, monkeypatch, argv, 80)
    wide = run(capsys, monkeypatch, [*argv, "--wide"], 80)
    # only a single word longer than the whole line (a deep path) may stick out: it is never cut
    too_wide = [line for line in narrow.splitlines() if len(line.rstrip()) > 80 and len(line.split()) > 1]
    assert not too_wide, too_wide
    assert not whole_words(narrow, wide), whole_words(narrow, wide)
    assert any(len(line) > 80 for line in wide.splitlines()) or argv in (["hours"], ["today"], ["settings"]), \
        "the history has text too long for 80 columns: --wide prints it on one line"


def test_wide_prints_every_title_description_and_note_in_full(history, capsys, monkeypatch):
    loaded = load_exercises(exercises_root())
    out = run(capsys, monkeypatch, ["list", "--wide"], 60)
    for exercise in loaded.exercises.values():
        assert exercise.title in out
    out = run(capsys, monkeypatch, ["instances", "text-binary", "--wide"], 60)
    for instance in loaded.exercises["text-binary"].all_instances:
        assert instance.description in out
    out = run(capsys, monkeypatch, ["suspended", "--wide"], 60)
    for state in history.suspended():
        assert history.label(state.id, width=10_000) in out  # the question's words before any code block
    assert LONG_NOTE in run(capsys, monkeypatch, ["log", "--list", "--wide"], 60)
    assert "transfer-frozen-base (" in run(capsys, monkeypatch, ["readiness", "--wide"], 60)
    from drill.content.notes import load_all_notes

    out = run(capsys, monkeypatch, ["note", "--list", "--wide"], 60)
    for note in load_all_notes(history.store.home).notes:
        assert note.title in out


def test_at_80_columns_long_text_is_shortened_or_wrapped_not_lost(history, capsys, monkeypatch):
    out = run(capsys, monkeypatch, ["list"], 80)
    assert "…" in out  # some title did not fit and says so
    log = run(capsys, monkeypatch, ["log", "--list"], 80)
    assert " ".join(log.split()).count(LONG_NOTE) == 1  # the learner's own note wraps, whole
    instances = run(capsys, monkeypatch, ["instances", "text-binary"], 80)
    assert "← next" in instances  # the mark has its own column: a shortened description keeps it


@pytest.mark.parametrize("argv", [["list"], ["instances", "text-binary"], ["suspended"], ["log", "--list"], ["hours"],
                                  ["readiness"], ["today"], ["settings"], ["plan"]], ids=lambda a: " ".join(a))
def test_json_does_not_depend_on_the_width(history, capsys, monkeypatch, argv):
    narrow = json.loads(run(capsys, monkeypatch, [*argv, "--json"], 40))
    wide = json.loads(run(capsys, monkeypatch, [*argv, "--json"], 200))
    assert narrow == wide


# ------------------------------------------------------------------ the one helper underneath
def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis():
    assert shorten("Fit a straight line with one neuron", 40) == "Fit a straight line with one neuron"
    assert shorten("Fit a straight line with one neuron", 16) == "Fit a straight…"
    assert shorten("Fit a straight line with one neuron", 12) == "Fit a…"
    assert shorten("Two classes from a real table: a sigmoid output", 31) == "Two classes from a real table…"
    assert shorten("transfer-frozen-base", 17) == "transfer-frozen…"  # an id: between its parts
    assert shorten("transfer-frozen-base", 12) == "transfer…"
    assert shorten("Supercalifragilistic", 8) == "Superca…"  # one word longer than the room: marked
    assert shorten("abc", 3) == "abc" and shorten("abcd", 1) == "…" and shorten("abcd", 0) == ""


def test_fit_names_shortens_a_lone_name_between_its_parts():
    assert fit_names(["regression-early-stop", "linear-dense"], 40) == "regression-early-stop, linear-dense"
    assert fit_names(["regression-early-stop", "linear-dense"], 25) == "regression-early-stop +1"
    assert fit_names(["regression-early-stop", "linear-dense"], 20) == "regression-early… +1"


def test_table_fits_the_width_shortening_or_wrapping_the_flexible_column():
    rows = [("linear-dense", "5/5", "Fit a straight line with one neuron"), ("iris-tfdata", "–", "Classify a table")]
    assert table(rows, ("drill", "best", "title"), width=40) == [
        "drill         best  title",
        "linear-dense  5/5   Fit a straight line…",
        "iris-tfdata   –     Classify a table",
    ]
    assert table(rows, width=40, wrap_flex=True, align="<>") == [
        "linear-dense  5/5  Fit a straight line",
        "                   with one neuron",
        "iris-tfdata     –  Classify a table",
    ]
    assert table(rows, width=None)[0] == "linear-dense  5/5  Fit a straight line with one neuron"
    # too little room beside the other columns: the wrapped text goes under its row
    assert table([("a" * 30, "x", "long text here and more words")], width=36, wrap_flex=True) == [
        "a" * 30 + "  x",
        "    long text here and more words",
    ]
