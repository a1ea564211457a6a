"""Seeded fuzz, the drill schedule in days and the exam horizon: exact values on a fixed clock."""

from datetime import date, datetime, timedelta, timezone

import pytest

from drill.models import Settings
from drill.schedule.horizon import exam_limit, fuzz_days, fuzz_range
from drill.schedule.memory import preview, review_item
from drill.schedule.studyday import due_on, is_due, study_day

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
PLAIN = Settings(enable_fuzzing=False, timezone="UTC")
FUZZY = Settings(enable_fuzzing=True, timezone="UTC")


def graduated(settings: Settings, item_id: str = "c"):
    first = review_item(None, item_id, "card", 3, NOW, settings)
    return review_item(first, item_id, "card", 3, first.due, settings)  # review state, due in 2 days


# ---------------------------------------------------------------------------------- fuzz
def test_fuzz_range_follows_fsrs_ranges():
    assert fuzz_range(2, 365) == (2, 2)  # under 2.5 days: no fuzz
    assert fuzz_range(11, 365) == (9, 13)
    assert fuzz_range(153, 36500) == (143, 163)  # the 153 d → 143–163 d
    assert fuzz_range(153, 150) == (143, 150)  # never past the maximum interval


def test_fuzz_is_seeded_by_item_and_review_count():
    assert fuzz_days(153, "card-a", 4, 36500) == fuzz_days(153, "card-a", 4, 36500)
    draws = {fuzz_days(153, "card-a", reps, 36500) for reps in range(40)}
    assert len(draws) > 5 and min(draws) >= 143 and max(draws) <= 163
    assert [fuzz_days(153, "card-a", r, 36500) for r in range(3)] == [150, 144, 163]


def test_same_answer_after_undo_gives_the_same_date():
    second = graduated(FUZZY)
    at = second.due
    once = review_item(second, "c", "card", 3, at, FUZZY)
    again = review_item(second, "c", "card", 3, at, FUZZY)  # undo restores `second`; answer again
    assert once.due == again.due
    later = review_item(second, "c", "card", 3, at + timedelta(minutes=5), FUZZY)  # a little later, same study day
    assert due_on(later, FUZZY) == due_on(once, FUZZY)


def test_buttons_show_the_fuzzed_interval_really_used():
    second = graduated(FUZZY)
    shown = preview(second, "c", "card", second.due, FUZZY)
    for rating, interval in shown.items():
        after = review_item(second, "c", "card", rating, second.due, FUZZY)
        if after.state == 2:
            assert due_on(after, FUZZY) == study_day(second.due, FUZZY) + interval
    assert shown == {1: timedelta(minutes=10), 2: timedelta(days=7), 3: timedelta(days=10), 4: timedelta(days=17)}
    assert preview(second, "c", "card", second.due, PLAIN)[3] == timedelta(days=11)  # unfuzzed: 11 d


# --------------------------------------------------------------------------------- drills
@pytest.mark.parametrize("rating, days", [(1, 1), (2, 1), (3, 2), (4, 8)])
def test_drill_first_close_is_at_least_a_day_away(rating, days):
    state = review_item(None, "d", "drill", rating, NOW, PLAIN)
    assert due_on(state, PLAIN) == date(2026, 11, 24) + timedelta(days=days)
    assert not is_due(state, NOW + timedelta(hours=14), PLAIN)  # 23:30 the same study day


def test_drill_closed_late_at_night_is_not_due_again_the_same_study_day():
    late = datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc)  # 02:00: still the 24th's study day
    state = review_item(None, "d", "drill", 1, late, PLAIN)
    assert due_on(state, PLAIN) == date(2026, 11, 25)
    assert not is_due(state, late + timedelta(hours=1, minutes=59), PLAIN)
    assert is_due(state, late + timedelta(hours=2), PLAIN)  # 04:00: a new study day


# ----------------------------------------------------------------------------- exam cap
def test_exam_limit_is_the_day_before_the_exam():
    s = PLAIN.model_copy(update={"exam_date": date(2026, 12, 1)})
    assert exam_limit(NOW, s) == date(2026, 11, 30)
    assert exam_limit(datetime(2026, 11, 30, 10, tzinfo=timezone.utc), s) == date(2026, 12, 1)  # the last day: the exam morning
    assert exam_limit(datetime(2026, 12, 1, 10, tzinfo=timezone.utc), s) is None  # exam day: no horizon left
    assert exam_limit(NOW, PLAIN) is None


def test_easy_on_a_new_card_is_cut_to_the_last_day_before_the_exam():
    s = PLAIN.model_copy(update={"exam_date": date(2026, 12, 1)})  # 7 days away
    assert preview(None, "c", "card", NOW, PLAIN)[4] == timedelta(days=8)
    shown = preview(None, "c", "card", NOW, s)
    assert shown[4] == timedelta(days=6)  # 30 Nov, the last study day before the exam
    state = review_item(None, "c", "card", 4, NOW, s)
    assert state.due == datetime(2026, 11, 30, 4, 0, tzinfo=timezone.utc)
    assert state.stability == review_item(None, "c", "card", 4, NOW, PLAIN).stability  # memory state untouched


def test_exam_cut_with_fuzz_spreads_over_the_last_three_days():
    s = FUZZY.model_copy(update={"exam_date": date(2026, 12, 1)})
    days = {due_on(review_item(None, f"c{i}", "card", 4, NOW, s), s) for i in range(30)}
    assert days == {date(2026, 11, 28), date(2026, 11, 29), date(2026, 11, 30)}


def test_no_next_review_lands_after_the_exam():
    s = FUZZY.model_copy(update={"exam_date": date(2026, 11, 27)})
    at, state = NOW, None
    for day in range(3):
        at = datetime(2026, 11, 24 + day, 9, 30, tzinfo=timezone.utc)
        state = review_item(state, "c", "card", 4, at, s)
        assert due_on(state, s) <= date(2026, 11, 27)
        assert due_on(state, s) > study_day(at, s)
    drill = review_item(None, "d", "drill", 4, datetime(2026, 11, 26, 20, tzinfo=timezone.utc), s)
    assert due_on(drill, s) == date(2026, 11, 27)  # the last day before: the exam morning, not later


def test_maximum_interval_without_exam():
    s = PLAIN.model_copy(update={"maximum_interval_days": 5})
    assert preview(None, "c", "card", NOW, s)[4] == timedelta(days=5)
    with pytest.raises(ValueError):
        Settings(maximum_interval_days=0)


# ------------------------------------------------------------------------ property: exam
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ANSWERS = st.lists(st.tuples(st.sampled_from(["card", "drill"]), st.integers(1, 4), st.floats(0.0, 60.0)),
                   min_size=1, max_size=12)


@given(answers=ANSWERS, exam_in=st.integers(2, 30), fuzz=st.booleans(), zone=st.sampled_from(["UTC", "Europe/Berlin", "Asia/Kolkata"]))
def test_no_next_review_lands_after_the_exam_or_today_for_a_drill(answers, exam_in, fuzz, zone):
    s = Settings(enable_fuzzing=fuzz, timezone=zone, exam_date=date(2026, 11, 24) + timedelta(days=exam_in))
    states: dict[str, object] = {}
    at = NOW
    for kind, rating, hours in answers:
        at = at + timedelta(hours=hours)
        today = study_day(at, s)
        if today >= s.exam_date:
            break
        state = review_item(states.get(kind), kind, kind, rating, at, s)  # type: ignore[arg-type]
        states[kind] = state
        assert due_on(state, s) <= s.exam_date  # never after the exam
        if kind == "drill":
            assert due_on(state, s) > today  # never again the day it was closed
        shown = preview(states.get(kind), kind, kind, at, s)  # type: ignore[arg-type]
        assert all(interval >= timedelta(0) for interval in shown.values())
