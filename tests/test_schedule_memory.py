"""FSRS wrapper: exact values on a fixed clock with fuzzing off."""

from datetime import datetime, timedelta, timezone

import pytest

from drill.models import Settings
from drill.schedule.memory import format_interval, preview, retrievability, review_item

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
SETTINGS = Settings(enable_fuzzing=False)


def test_first_good_enters_second_learning_step():
    state = review_item(None, "c1", "card", 3, NOW, SETTINGS)
    assert state.state == 1 and state.step == 1
    assert state.stability == pytest.approx(2.3065)
    assert state.difficulty == pytest.approx(2.118103970459016)
    assert state.due == NOW + timedelta(minutes=10)
    assert state.last_review == NOW and state.introduced == NOW


def test_good_good_graduates_then_grows():
    first = review_item(None, "c1", "card", 3, NOW, SETTINGS)
    second = review_item(first, "c1", "card", 3, first.due, SETTINGS)
    assert second.state == 2 and second.step is None
    assert second.due == datetime(2026, 11, 26, 9, 40, tzinfo=timezone.utc)
    third = review_item(second, "c1", "card", 3, second.due, SETTINGS)
    assert third.stability == pytest.approx(10.971048263078135)
    assert third.due == datetime(2026, 12, 7, 9, 40, tzinfo=timezone.utc)
    assert third.introduced == NOW


def test_preview_intervals_for_new_and_review_cards():
    assert preview(None, "c1", "card", NOW, SETTINGS) == {
        1: timedelta(minutes=1), 2: timedelta(seconds=330), 3: timedelta(minutes=10), 4: timedelta(days=8),
    }
    second = review_item(review_item(None, "c", "card", 3, NOW, SETTINGS), "c", "card", 3, NOW + timedelta(minutes=10), SETTINGS)
    assert preview(second, "c", "card", second.due, SETTINGS) == {
        1: timedelta(minutes=10), 2: timedelta(days=8), 3: timedelta(days=11), 4: timedelta(days=19),
    }


def test_retrievability_falls_with_time_and_is_zero_when_unseen():
    second = review_item(review_item(None, "c", "card", 3, NOW, SETTINGS), "c", "card", 3, NOW + timedelta(minutes=10), SETTINGS)
    assert retrievability(None, NOW, SETTINGS) == 0.0
    assert retrievability(second, second.due, SETTINGS) == pytest.approx(0.9094932559773545)
    assert retrievability(second, second.due + timedelta(days=30), SETTINGS) == pytest.approx(0.6613805891567082)


def test_flags_carry_over_and_bury_clears():
    state = review_item(None, "c", "card", 3, NOW, SETTINGS).model_copy(update={"buried_until": NOW + timedelta(days=1)})
    assert review_item(state, "c", "card", 3, NOW, SETTINGS).buried_until is None


def test_rating_out_of_range_is_refused():
    with pytest.raises(ValueError):
        review_item(None, "c", "card", 5, NOW, SETTINGS)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        review_item(None, "c", "card", 3, datetime(2026, 1, 1), SETTINGS)


@pytest.mark.parametrize(
    ("delta", "text"),
    [(timedelta(seconds=5), "1m"), (timedelta(minutes=10), "10m"), (timedelta(hours=3), "3h"),
     (timedelta(days=4), "4d"), (timedelta(days=60), "2mo"), (timedelta(days=548), "1.5y")],
)
def test_format_interval(delta, text):
    assert format_interval(delta) == text
