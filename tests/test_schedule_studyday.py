"""The study-day rule: exact values with rollover at 04:00, in UTC and in a ZoneInfo zone."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from drill.models import ItemState, Settings
from drill.schedule.memory import preview, review_item
from drill.schedule.queue import build_queue
from drill.schedule.studyday import count_due, due_on, is_due, study_day
from drill.stats import forecast

BERLIN = ZoneInfo("Europe/Berlin")  # UTC+1 in November
UTC_SETTINGS = Settings(enable_fuzzing=False, timezone="UTC", rollover_hour=4)
BERLIN_SETTINGS = Settings(enable_fuzzing=False, timezone="Europe/Berlin", rollover_hour=4)


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def review_card(due: datetime, item_id: str = "c", kind: str = "card", state: int = 2) -> ItemState:
    return ItemState(id=item_id, kind=kind, state=state, step=None if state == 2 else 0, stability=3.0,
                     difficulty=5.0, due=due, last_review=due - timedelta(days=2), introduced=due - timedelta(days=2))


def test_rollover_at_four_in_utc():
    assert study_day(datetime(2026, 11, 24, 3, 59, tzinfo=timezone.utc), UTC_SETTINGS) == date(2026, 11, 23)
    assert study_day(datetime(2026, 11, 24, 4, 0, tzinfo=timezone.utc), UTC_SETTINGS) == date(2026, 11, 24)
    assert study_day(datetime(2026, 11, 24, 23, 59, tzinfo=timezone.utc), UTC_SETTINGS) == date(2026, 11, 24)


def test_rollover_at_four_local_time_in_a_zoneinfo_zone():
    # 04:00 in Berlin is 03:00 UTC in November: the day turns at the learner's 04:00, not UTC's.
    assert study_day(datetime(2026, 11, 24, 2, 59, tzinfo=timezone.utc), BERLIN_SETTINGS) == date(2026, 11, 23)
    assert study_day(datetime(2026, 11, 24, 3, 0, tzinfo=timezone.utc), BERLIN_SETTINGS) == date(2026, 11, 24)
    assert study_day(berlin(2026, 11, 25, 0, 30), BERLIN_SETTINGS) == date(2026, 11, 24)  # after midnight, same study day


def test_review_card_is_due_for_its_whole_study_day():
    card = review_card(berlin(2026, 11, 26, 20, 10))  # graduated at 20:10 two days before
    assert due_on(card, BERLIN_SETTINGS) == date(2026, 11, 26)
    assert not is_due(card, berlin(2026, 11, 26, 3, 59), BERLIN_SETTINGS)  # still the 25th's study day
    assert is_due(card, berlin(2026, 11, 26, 4, 0), BERLIN_SETTINGS)
    assert is_due(card, berlin(2026, 11, 26, 8, 0), BERLIN_SETTINGS)  # the old rule said "not yet" here
    assert is_due(card, berlin(2026, 11, 28, 12, 0), BERLIN_SETTINGS)  # overdue stays due


def test_late_evening_due_time_belongs_to_the_study_day_before_the_rollover():
    card = review_card(berlin(2026, 11, 27, 2, 0))  # 02:00 on the 27th is still the 26th's study day
    assert due_on(card, BERLIN_SETTINGS) == date(2026, 11, 26)
    assert is_due(card, berlin(2026, 11, 26, 9, 0), BERLIN_SETTINGS)


def test_learning_steps_keep_their_exact_time():
    card = review_card(berlin(2026, 11, 26, 20, 10), state=1)
    assert not is_due(card, berlin(2026, 11, 26, 8, 0), BERLIN_SETTINGS)
    assert not is_due(card, berlin(2026, 11, 26, 20, 9, 59), BERLIN_SETTINGS)
    assert is_due(card, berlin(2026, 11, 26, 20, 10), BERLIN_SETTINGS)


def test_drills_are_due_by_study_day_even_in_their_learning_steps():
    drill = review_card(berlin(2026, 11, 26, 20, 10), item_id="d", kind="drill", state=1)
    assert is_due(drill, berlin(2026, 11, 26, 4, 0), BERLIN_SETTINGS)
    assert not is_due(drill, berlin(2026, 11, 26, 3, 59), BERLIN_SETTINGS)


def test_new_suspended_and_buried_items_are_not_due():
    at = berlin(2026, 11, 26, 8, 0)
    new = ItemState(id="n", due=at - timedelta(days=1), introduced=at - timedelta(days=1))
    suspended = review_card(at - timedelta(days=1)).model_copy(update={"suspended": True})
    buried = review_card(at - timedelta(days=1)).model_copy(update={"buried_until": at + timedelta(hours=1)})
    assert due_on(new, BERLIN_SETTINGS) is None
    assert [is_due(s, at, BERLIN_SETTINGS) for s in (new, suspended, buried)] == [False, False, False]
    assert is_due(buried, at + timedelta(hours=1), BERLIN_SETTINGS)


def test_queue_forecast_and_count_agree_on_what_is_due_today():
    at = berlin(2026, 11, 26, 8, 0)
    states = {
        "a": review_card(berlin(2026, 11, 26, 20, 10), "a"),  # due today by study day
        "b": review_card(berlin(2026, 11, 25, 9, 0), "b"),  # overdue
        "c": review_card(berlin(2026, 11, 27, 5, 0), "c"),  # tomorrow
        "d": review_card(berlin(2026, 11, 26, 21, 0), "d", state=3),  # relearning later today
    }
    queue = build_queue(["a", "b", "c", "d"], states, at, BERLIN_SETTINGS, day_end=berlin(2026, 11, 27, 4, 0))
    assert queue.due == ("b", "a") and queue.due_later_today == 1
    assert count_due(states.values(), at, BERLIN_SETTINGS) == 2
    # The forecast's today column counts what is due by the end of the study day (learning included).
    assert forecast(states.values(), date(2026, 11, 26), BERLIN_SETTINGS, 3) == [3, 1, 0]


def test_preview_accepts_zoneinfo_utc_and_local_zones():
    utc_now = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
    expected = preview(None, "c1", "card", utc_now, UTC_SETTINGS)
    assert preview(None, "c1", "card", utc_now.replace(tzinfo=ZoneInfo("UTC")), UTC_SETTINGS) == expected
    assert preview(None, "c1", "card", utc_now.astimezone(BERLIN), UTC_SETTINGS) == expected
    assert expected == {1: timedelta(minutes=1), 2: timedelta(seconds=330), 3: timedelta(minutes=10), 4: timedelta(days=8)}


def test_review_item_accepts_a_zoneinfo_clock():
    at = berlin(2026, 11, 24, 10, 30)
    state = review_item(None, "c1", "card", 3, at, BERLIN_SETTINGS)
    assert state.due == datetime(2026, 11, 24, 9, 40, tzinfo=timezone.utc)
