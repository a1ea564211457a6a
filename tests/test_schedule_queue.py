"""Today's queue and the learning path, on plain data with a fixed clock."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from drill.models import ItemState, Settings
from drill.schedule.days import day_start, next_day_start, study_day
from drill.schedule.queue import build_queue, path_order

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)


@dataclass
class FakeCard:
    id: str
    resource: str
    order: int
    section: str

    @property
    def topic(self) -> str:
        return self.section


CARDS = [
    FakeCard("nn-course", "course", 0, "nn"),
    FakeCard("nn-book", "book", 1, "nn"),
    FakeCard("img-course", "course", 2, "img"),
    FakeCard("img-book", "book", 3, "img"),
    FakeCard("dev-practice", "practice", 4, "dev"),
    FakeCard("dev-course", "course", 5, "dev"),
]


def reviewed(card_id: str, due: datetime, state: int = 2, **flags) -> ItemState:
    return ItemState(id=card_id, state=state, step=None if state == 2 else 0, stability=3.0, difficulty=5.0,
                     due=due, last_review=due - timedelta(days=3), introduced=due - timedelta(days=3), **flags)


def test_repetition_path_takes_one_resource_across_all_topics():
    assert path_order(CARDS, "repetition") == ["dev-course", "nn-course", "img-course", "nn-book", "img-book", "dev-practice"]


def test_depth_path_takes_one_topic_through_all_resources():
    assert path_order(CARDS, "depth") == ["dev-course", "dev-practice", "nn-course", "nn-book", "img-course", "img-book"]


def test_due_first_then_new_in_path_order_with_limits():
    path = path_order(CARDS, "repetition")
    states = {
        "img-course": reviewed("img-course", NOW - timedelta(days=1)),
        "nn-course": reviewed("nn-course", NOW - timedelta(days=2)),
        "nn-book": reviewed("nn-book", NOW + timedelta(days=2)),
    }
    queue = build_queue(path, states, NOW, Settings(new_per_day=2))
    assert queue.due == ("nn-course", "img-course")  # most overdue first
    assert queue.new == ("dev-course", "img-book")
    assert queue.new_waiting == 1


def test_daily_limits_count_what_was_done_today():
    path = path_order(CARDS, "repetition")
    states = {"nn-course": reviewed("nn-course", NOW), "img-course": reviewed("img-course", NOW)}
    queue = build_queue(path, states, NOW, Settings(new_per_day=3, reviews_per_day=5), reviewed_today=4, introduced_today=2)
    assert len(queue.due) == 1 and len(queue.new) == 1


def test_learning_cards_are_not_capped_and_learn_ahead_is_twenty_minutes():
    path = path_order(CARDS, "repetition")
    states = {
        "nn-course": reviewed("nn-course", NOW + timedelta(minutes=15), state=1),
        "img-course": reviewed("img-course", NOW + timedelta(minutes=45), state=1),
    }
    queue = build_queue(path, states, NOW, Settings(reviews_per_day=0, new_per_day=0), day_end=NOW + timedelta(hours=12))
    assert queue.due == () and queue.ahead == ("nn-course",) and queue.ids == ("nn-course",)
    assert queue.due_later_today == 1


def test_cards_shown_ahead_come_after_new_ones():
    path = path_order(CARDS, "repetition")
    states = {"nn-course": reviewed("nn-course", NOW + timedelta(minutes=10), state=1)}
    queue = build_queue(path, states, NOW, Settings(new_per_day=1))
    assert queue.ids == ("dev-course", "nn-course")


def test_suspended_and_buried_cards_stay_out():
    path = path_order(CARDS, "repetition")
    states = {
        "nn-course": reviewed("nn-course", NOW, suspended=True),
        "img-course": reviewed("img-course", NOW, buried_until=NOW + timedelta(hours=1)),
        "dev-course": ItemState(id="dev-course", due=NOW, introduced=NOW, buried_until=NOW + timedelta(hours=1)),
    }
    queue = build_queue(path, states, NOW, Settings())
    assert "nn-course" not in queue.ids and "img-course" not in queue.ids and "dev-course" not in queue.ids
    later = build_queue(path, states, NOW + timedelta(hours=2), Settings())
    assert "img-course" in later.due and "dev-course" in later.new and "nn-course" not in later.ids


def test_study_day_rolls_over_at_the_set_local_hour():
    settings = Settings(rollover_hour=4, timezone="Asia/Shanghai")  # UTC+8
    assert study_day(datetime(2026, 11, 24, 19, 59, tzinfo=timezone.utc), settings) == date(2026, 11, 24)  # 03:59 local next day
    assert study_day(datetime(2026, 11, 24, 20, 0, tzinfo=timezone.utc), settings) == date(2026, 11, 25)
    assert day_start(date(2026, 11, 25), settings) == datetime(2026, 11, 24, 20, 0, tzinfo=timezone.utc)
    assert next_day_start(datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc), settings) == datetime(2026, 11, 24, 20, 0, tzinfo=timezone.utc)
