"""Reads that stay bounded as history grows (issue 15 item 3): the study-day log, the streak, and
today's answers read up to the end of today only. Figures: bench/bench_store.py --scale."""

from __future__ import annotations

import json

import pytest

from drill.session import DAYS, StudySession
from drill.store import Store
from drill.store.layout import partition_relpath
from helpers import Clock, make_decks


@pytest.fixture
def session(store, tmp_path, now):
    return StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))


def test_the_first_answer_of_a_study_day_is_recorded_once_outside_drill_json(session, drill_home):
    session.answer("t-fit", 3)
    session.clock.advance(minutes=5)
    session.answer("t-conv", 3)
    assert [r["id"] for r in session.store.records(DAYS)] == [session.summary().day.isoformat()]
    assert "days" not in json.loads((drill_home / "drill.json").read_text())


def test_a_long_streak_is_counted_past_the_first_window(session):
    for _ in range(70):  # longer than the first windows (16, 64 days) the walk reads
        session.answer("t-window", 3)
        session.clock.advance(days=1)
    assert session.streak() == 70
    session.answer("t-window", 3)
    assert session.streak() == 71


def test_answers_dated_after_today_are_not_read_by_today(session, drill_home, now):
    """A clock that went back leaves answers dated in the future; Today must not read them (the
    damaged file there would be a DataError if it were read)."""
    session.answer("t-fit", 3)
    future = drill_home / partition_relpath("reviews", (now.replace(year=now.year + 1)).date())
    future.parent.mkdir(parents=True)
    future.write_text("{ damaged", encoding="utf-8")
    summary = session.summary()
    assert summary.reviewed_today == 1 and summary.streak == 1
    with pytest.raises(Exception, match=str(future)):  # read when asked for everything: reported
        list(session.store.records("reviews"))


def test_export_import_round_trip_keeps_the_days_log(session, tmp_path, now):
    session.answer("t-fit", 3)
    data = session.store.export_all()
    other = Store.open(tmp_path / "other", now=now)
    other.import_all(data)
    assert {k: v for k, v in other.export_all().items() if k != "exported_at"} == {k: v for k, v in data.items() if k != "exported_at"}
    other.close()
