"""Study hours: parsing, the idle-aware tracker, validation, and the log/hours/settings commands."""

import csv
import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drill.cli import main
from drill.errors import UsageError
from drill.hours import ActivityTracker, TimeEntry, hours_report, overlapping, parse_duration, validate_new
from drill.models import Settings
from drill.progress.timebook import TimeBook
from drill.store import Store
from helpers import Clock


@pytest.fixture
def book(drill_home, now):
    store = Store.open(drill_home)
    yield TimeBook(store, Settings(timezone="UTC"), Clock(now))
    store.close()


def stored(home) -> list[dict]:
    with Store.open(home) as store:
        return list(store.records("time"))


@pytest.mark.parametrize(
    "text, minutes",
    [("1h30m", 90), ("90m", 90), ("1.5h", 90), ("45", 45), ("1:30", 90), ("1h30", 90), ("2 h 5 min", 125), ("10mins", 10)],
)
def test_durations(text, minutes):
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "abc", "1h1h", "-30m", "0", "0m", "17h", "1.5.5h", "h", "30s"])
def test_bad_durations_are_refused(text):
    with pytest.raises(UsageError):
        parse_duration(text)


# -- tracker ---------------------------------------------------------------------------------
def ids():
    counter = iter(range(1000))
    return lambda: f"s{next(counter)}"


def test_tracker_counts_active_time_and_pauses_when_idle(now):
    t = ActivityTracker(new_id=ids())
    t.set_activity(now, "review", "nn")
    for minute in (1, 2, 4):
        t.input(now + timedelta(minutes=minute))
    # 20 minutes away: the idle gap is never counted, a new span starts at the next key
    t.input(now + timedelta(minutes=24))
    t.input(now + timedelta(minutes=27))
    spans = t.stop(now + timedelta(minutes=40))
    assert [(s.id, s.minutes) for s in spans] == [("s0", 4.0), ("s1", 3.0)]
    assert t.flush(now + timedelta(hours=1)) == []


def test_tracker_flush_returns_growing_open_span_with_same_id(now):
    t = ActivityTracker(new_id=ids())
    t.set_activity(now, "drill", "img")
    t.input(now + timedelta(minutes=1))
    first = t.flush(now + timedelta(minutes=1))
    t.input(now + timedelta(minutes=2))
    second = t.flush(now + timedelta(minutes=2))
    assert [(s.id, s.minutes) for s in first] == [("s0", 1.0)]
    assert [(s.id, s.minutes) for s in second] == [("s0", 2.0)]


def test_tracker_splits_on_activity_and_ignores_untracked_screens(now):
    t = ActivityTracker(new_id=ids())
    t.set_activity(now, "review", "nn")
    t.input(now + timedelta(minutes=2))
    t.set_activity(now + timedelta(minutes=3), None)  # back on Today: not tracked
    t.input(now + timedelta(minutes=4))
    t.set_activity(now + timedelta(minutes=5), "notes")
    t.input(now + timedelta(minutes=6))
    spans = t.stop(now + timedelta(minutes=7))
    assert [(s.activity, s.topic, s.minutes) for s in spans] == [("review", "nn", 2.0), ("notes", None, 1.0)]


@given(st.lists(st.integers(min_value=0, max_value=3600), min_size=1, max_size=40))
def test_tracked_time_never_exceeds_wall_time_nor_counts_idle_gaps(gaps):
    from conftest import FIXED_NOW

    t = ActivityTracker(new_id=ids())
    clock = FIXED_NOW
    t.set_activity(clock, "review")
    active = 0.0
    for gap in gaps:
        clock += timedelta(seconds=gap)
        if gap <= 300:
            active += gap
        t.input(clock)
    spans = t.stop(clock + timedelta(hours=1))
    assert sum(s.minutes for s in spans) * 60 == pytest.approx(active)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


# -- validation ------------------------------------------------------------------------------
def entry(id, start, minutes, source="app", day=date(2026, 11, 24)):
    return TimeEntry(id=id, at=start, day=day, minutes=minutes, source=source, activity="review" if source == "app" else None)


def test_overlapping_app_spans_are_refused(now):
    a = entry("a", now - timedelta(hours=2), 60)
    b = entry("b", now - timedelta(hours=1, minutes=30), 10)
    assert overlapping(b, [a]) == a
    with pytest.raises(UsageError, match="overlaps entry a"):
        validate_new(b, [a], now, date(2026, 11, 24))
    touching = entry("c", now - timedelta(hours=1), 10)
    validate_new(touching, [a], now, date(2026, 11, 24))


def test_negative_and_zero_entries_cannot_exist(now):
    with pytest.raises(ValueError):
        entry("x", now, -5)
    with pytest.raises(ValueError):
        entry("x", now, 0)


def test_a_day_cannot_hold_more_than_24_hours(book):
    book.log("16h")
    with pytest.raises(UsageError, match="24 hours"):
        book.log("9h")
    assert len(book.entries()) == 1


def test_app_spans_overlapping_are_refused_nothing_written(book, now, drill_home):
    t = ActivityTracker(new_id=ids())
    t.set_activity(now - timedelta(minutes=30), "review", "nn")
    for minute in (28, 26, 24, 22, 20):
        t.input(now - timedelta(minutes=minute))
    book.save_spans(t.stop(now))
    other = ActivityTracker(new_id=lambda: "other")
    other.set_activity(now - timedelta(minutes=25), "drill")
    other.input(now - timedelta(minutes=22))
    with pytest.raises(UsageError, match="overlaps"):
        book.save_spans(other.stop(now))
    assert [r["id"] for r in book.store.records("time")] == ["s0"]


def test_save_spans_rewrites_the_open_span_in_place(book, now):
    t = ActivityTracker(new_id=ids())
    t.set_activity(now - timedelta(minutes=10), "review", "nlp")
    t.input(now - timedelta(minutes=9))
    book.save_spans(t.flush(now - timedelta(minutes=9)))
    t.input(now - timedelta(minutes=8))
    book.save_spans(t.flush(now - timedelta(minutes=8)))
    entries = book.entries()
    assert [(e.id, e.minutes, e.topic, e.activity) for e in entries] == [("s0", 2.0, "nlp", "review")]


def test_report_sums_by_day_topic_resource(book, now):
    book.log("1h30m", topic="nlp", resource="book", note="ch. 16")
    book.log("30m", topic="nlp", resource="course", day="yesterday")
    book.log("1h", topic="ts", resource="book", day="2026-11-10")
    report = hours_report(book.entries(), date(2026, 11, 24), date(2026, 11, 18))
    assert report.total == 120
    assert report.by_day == {"2026-11-23": 30, "2026-11-24": 90}
    assert report.by_topic == {"nlp": 120} and report.by_resource == {"book": 90, "course": 30}


# -- commands --------------------------------------------------------------------------------
def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["log", "1h30x"], "cannot read the duration"),
        (["log", "--", "-30m"], "negative"),
        (["log", "1h", "--topic", "vision"], "unknown topic 'vision'"),
        (["log", "1h", "--resource", "video"], "unknown resource 'video'"),
        (["log", "1h", "--date", "2999-01-01"], "in the future"),
        (["log", "1h", "--date", "yesterdayish"], "cannot read the date"),
        (["log"], "give the time you studied"),
    ],
)
def test_log_bad_input_says_why_and_writes_nothing(capsys, drill_home, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err
    assert stored(drill_home) == []


def test_log_list_edit_delete_and_hours_json(capsys, drill_home, tmp_path):
    code, out, _ = run(capsys, "log", "1h30m", "--topic", "nlp", "--resource", "book", "--note", "ch. 16", "--json")
    assert code == 0
    first = json.loads(out)
    assert first["minutes"] == 90 and first["topic"] == "nlp" and first["note"] == "ch. 16"
    run(capsys, "log", "45m", "--topic", "ts", "--resource", "course", "--date", "yesterday")
    code, out, _ = run(capsys, "log", "--list")
    assert code == 0 and first["id"] in out and "2 entries" in out
    code, out, _ = run(capsys, "log", "--edit", first["id"], "2h", "--topic", "img")
    assert code == 0 and "2h" in out
    code, out, _ = run(capsys, "hours", "--week", "--json")
    data = json.loads(out)
    assert data["total_hours"] == 2.75 and data["by_topic"] == {"img": 2.0, "ts": 0.75}
    assert data["by_resource"] == {"book": 2.0, "course": 0.75}
    code, out, _ = run(capsys, "hours", "--csv", str(tmp_path / "hours.csv"))
    rows = list(csv.DictReader(open(tmp_path / "hours.csv", encoding="utf-8")))
    assert code == 0 and sorted(r["minutes"] for r in rows) == ["120.0", "45.0"]
    code, out, _ = run(capsys, "log", "--delete", first["id"])
    assert code == 0 and [r["minutes"] for r in stored(drill_home)] == [45.0]
    code, _, err = run(capsys, "log", "--delete", "nope")
    assert code == 2 and "no time entry" in err


def test_hours_text_report(capsys):
    run(capsys, "log", "2h", "--topic", "nn", "--resource", "course")
    code, out, _ = run(capsys, "hours")
    assert code == 0 and "By topic" in out and "nn" in out and "2h" in out


def test_settings_set_show_and_refuse(capsys, drill_home):
    code, out, _ = run(capsys, "settings", "--exam-date", "2999-05-01", "--hours-per-day", "10", "--path", "depth", "--json")
    data = json.loads(out)
    assert code == 0 and data["exam_date"] == "2999-05-01" and data["hours_per_day"] == 10 and data["path"] == "depth"
    for argv, message in [
        (["--exam-date", "2001-01-01"], "in the past"),
        (["--exam-date", "soon"], "cannot read the exam date"),
        (["--hours-per-day", "30"], "Study hours a day must be more than 0 and at most 16"),
        (["--hours-per-day", "lots"], "not a number"),
        (["--path", "random"], "is not one of: repetition, depth"),
    ]:
        code, _, err = run(capsys, "settings", *argv)
        assert code == 2 and message in err, argv
    code, out, _ = run(capsys, "settings", "--json")
    assert json.loads(out)["hours_per_day"] == 10


def test_exam_weights_are_set_merged_and_refused(capsys, drill_home):
    code, out, _ = run(capsys, "settings", "--exam-weight", "series=2", "--json")
    assert code == 0 and json.loads(out)["exam_weights"] == {"series": 2.0}
    code, out, _ = run(capsys, "settings", "--exam-weight", "text=0.5", "--json")
    assert json.loads(out)["exam_weights"] == {"series": 2.0, "text": 0.5}
    for argv, message in [(["--exam-weight", "poetry=1"], "unknown exam category"),
                          (["--exam-weight", "text=heavy"], "not a number"),
                          (["--exam-weight", "text=0"], "above 0")]:
        code, _, err = run(capsys, "settings", *argv)
        assert code == 2 and message in err, argv
    code, out, _ = run(capsys, "settings", "--json")
    assert json.loads(out)["exam_weights"] == {"series": 2.0, "text": 0.5}


@pytest.mark.parametrize("command", [["settings"], ["hours"], ["log", "1h"], ["readiness"], ["plan"]])
def test_settings_edited_into_nonsense_is_reported_with_the_field(capsys, drill_home, command):
    with Store.open(drill_home) as store:
        store.put("settings", "settings", {"hours_per_day": "lots", "exam_date": "2027-01-01"})
    code, _, err = run(capsys, *command)
    assert code == 2 and "hours_per_day" in err and "Traceback" not in err
    assert stored(drill_home) == []


@pytest.mark.parametrize("minutes, shown", [(0, "0m"), (0.2, "<1m"), (0.5, "<1m"), (0.6, "1m"), (45, "45m"), (60, "1h"), (90, "1h30m")])
def test_format_minutes_says_when_a_little_study_is_not_nothing(minutes, shown):
    from drill.hours import format_minutes

    assert format_minutes(minutes) == shown


def test_time_in_a_drill_attempt_counts_under_the_drills_topic():
    """The workbench holds its drill in ``spec``: a vision drill's minutes are img minutes, not 'other'."""
    from types import SimpleNamespace

    from drill.progress.activity import activity_of

    AttemptScreen = type("AttemptScreen", (), {})
    screen = AttemptScreen()
    screen.spec = SimpleNamespace(category="vision")
    assert activity_of(screen, {}) == ("drill", "img")
    DrillsScreen = type("DrillsScreen", (), {})
    assert activity_of(DrillsScreen(), {}) == ("drill", None)  # the list itself has no one topic
