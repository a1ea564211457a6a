"""Undo of suspend/bury, the suspended list and unsuspend, review-ahead (cram): session and CLI."""

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from drill.cli import main
from drill.errors import UsageError
from drill.session import StudySession
from drill.store import Store
from helpers import Clock, make_decks


@pytest.fixture
def session(drill_home, tmp_path, now):
    store = Store.open(drill_home)
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False, timezone="UTC")
    yield session
    store.close()


def test_undo_after_suspend_restores_the_suspend_not_the_earlier_answer(session, now):
    session.answer("t-fit", 3)
    answered = session.state("t-fit")
    session.suspend("t-fit")
    assert session.undo_label == "suspend"
    assert session.undo() == "t-fit"
    assert session.state("t-fit") == answered  # the answer stays; only the suspend is gone
    assert session.undo_label == "answer"
    assert session.undo() == "t-fit"
    assert session.state("t-fit") is None  # then the answer itself


def test_undo_of_a_suspend_on_a_new_card_leaves_no_record(session):
    session.suspend("t-conv")
    assert session.queue().new == ("t-fit", "t-window")
    session.undo()
    assert session.state("t-conv") is None
    assert session.queue().new == ("t-fit", "t-conv", "t-window")


def test_undo_of_bury_brings_the_card_back_today(session, now):
    session.answer("t-fit", 3)
    session.bury("t-fit")
    assert session.state("t-fit").buried_until == datetime(2026, 11, 25, 4, 0, tzinfo=timezone.utc)
    session.clock.advance(minutes=10)
    assert session.queue().due == ()
    assert session.undo() == "t-fit" and session.state("t-fit").buried_until is None
    assert session.queue().due == ("t-fit",)  # its 10-minute step is over


def test_suspended_list_and_unsuspend_with_undo(session):
    session.answer("t-window", 4)
    session.suspend("t-window")
    session.suspend("t-fit")
    assert [s.id for s in session.suspended()] == ["t-fit", "t-window"]
    before = session.state("t-window")
    session.unsuspend("t-window")
    assert session.state("t-window") == before.model_copy(update={"suspended": False})  # schedule as it was
    assert session.undo_label == "unsuspend"
    session.undo()
    assert session.state("t-window").suspended
    with pytest.raises(UsageError, match="not suspended"):
        session.unsuspend("t-conv")


def test_cram_brings_forward_the_weakest_on_exam_day_and_flags_the_log(session, now):
    for card in ("t-fit", "t-conv", "t-window"):
        session.answer(card, 4 if card != "t-conv" else 3)
    session.clock.advance(minutes=10)
    session.answer("t-conv", 3)  # graduates: 2 days, weaker than the Easy ones (8 days)
    assert session.cram_queue() == ()  # no exam date: nothing to review ahead
    session.save_settings(exam_date=date(2026, 12, 10))
    assert session.cram_queue() == ()  # all answered today: a same-day look gains nothing
    session.clock.advance(days=1)
    assert session.queue().due == ()
    assert session.cram_queue() == ("t-conv", "t-fit", "t-window")  # lowest recall on 10 Dec first
    before = session.state("t-conv")
    review = session.answer("t-conv", 3, cram=True)
    assert review.cram and review.before == before
    after = session.state("t-conv")
    assert after.reps == before.reps + 1 and after.stability > before.stability  # a real (early) FSRS review
    assert after.due <= datetime(2026, 12, 10, 4, 0, tzinfo=timezone.utc)  # and never past the exam
    assert session.cram_queue() == ("t-fit", "t-window")


def test_cli_suspended_and_unsuspend(session, drill_home, capsys):
    session.suspend("t-fit")
    session.store.close()
    assert main(["suspended", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["kind"]) for r in rows] == [("t-fit", "card")]
    assert main(["unsuspend", "t-fit"]) == 0
    assert "unsuspended card t-fit" in capsys.readouterr().out
    assert main(["unsuspend", "t-fit"]) == 2
    assert "not suspended" in capsys.readouterr().err
    assert main(["suspended"]) == 0
    assert capsys.readouterr().out.strip() == "nothing is suspended"


def test_undo_then_the_same_answer_gives_the_same_day_with_fuzz_on(session):
    session.save_settings(enable_fuzzing=True)
    session.answer("t-fit", 3)
    session.clock.advance(minutes=10)
    session.answer("t-fit", 3)  # graduates
    session.clock.advance(days=2)
    shown = session.intervals("t-fit")[3]
    session.answer("t-fit", 3)
    first = session.state("t-fit").due
    session.undo()
    session.answer("t-fit", 3)
    assert session.state("t-fit").due == first
    assert first - session.clock() == shown == timedelta(days=9)  # the button showed the fuzzed day (unfuzzed: 11)
