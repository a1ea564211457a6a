"""Session use cases over the real store, with a fixed clock."""

from datetime import timedelta

import pytest

from drill.errors import DataError, UsageError
from drill.session import StudySession
from drill.store import Store
from helpers import Clock, make_decks


@pytest.fixture
def session(drill_home, tmp_path, now):
    store = Store.open(drill_home)
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.save_settings(enable_fuzzing=False)
    yield session
    store.close()


def test_first_day_queue_is_new_cards_in_path_order(session):
    queue = session.queue()
    assert queue.due == () and queue.new == ("t-fit", "t-conv", "t-window")


def test_answer_is_stored_and_counted(session, drill_home, now):
    review = session.answer("t-fit", 3, duration_ms=4200)
    state = session.state("t-fit")
    assert state is not None and state.last_review == now and state.due == now + timedelta(minutes=10)
    reopened = Store.open(drill_home)
    try:
        records = list(reopened.records("reviews"))
        assert [r["id"] for r in records] == [review.id]
        assert records[0]["rating"] == 3 and records[0]["before"] is None and records[0]["duration_ms"] == 4200
    finally:
        reopened.close()
    summary = session.summary()
    assert summary.reviewed_today == 1 and summary.introduced_today == 1 and summary.streak == 1
    assert session.queue().new == ("t-conv", "t-window")


def test_undo_restores_previous_state_and_deletes_log_entry(session):
    session.answer("t-fit", 3)
    session.clock.advance(minutes=10)
    before = session.state("t-fit")
    session.answer("t-fit", 1)
    assert session.undo() == "t-fit"
    assert session.state("t-fit") == before
    assert len(list(session.store.records("reviews"))) == 1
    assert session.undo() == "t-fit"
    assert session.state("t-fit") is None and list(session.store.records("reviews")) == []
    assert session.undo() is None


def test_suspend_bury_and_unsuspend(session):
    session.suspend("t-fit")
    session.bury("t-conv")
    assert session.queue().ids == ("t-window",)
    session.clock.advance(days=1)
    assert session.queue().ids == ("t-conv", "t-window")
    session.unsuspend("t-fit")
    assert session.queue().ids == ("t-fit", "t-conv", "t-window")


def test_come_back_tomorrow_to_what_fsrs_scheduled(session, drill_home, tmp_path, now):
    for card in ("t-fit", "t-conv", "t-window"):
        session.answer(card, 4)  # Easy on a new card: graduates straight to review
    due = {c: session.state(c).due for c in ("t-fit", "t-conv", "t-window")}
    session.store.close()
    store = Store.open(drill_home)
    first = min(due.values())
    # Review cards are due by study day: from the rollover (04:00 here) of the day FSRS named.
    rollover = first.replace(hour=4, minute=0, second=0, microsecond=0)
    assert first.hour >= 4
    later = StudySession(store, decks=make_decks(tmp_path), clock=Clock(rollover))
    assert set(later.queue().due) == {c for c, d in due.items() if d.date() == first.date()}
    assert later.queue().new == ()
    assert later.streak() == 0  # days passed without study
    later.clock.now -= timedelta(seconds=1)
    assert later.queue().due == ()  # nothing comes back before its study day begins
    store.close()


def test_streak_counts_consecutive_days(session):
    for _ in range(3):
        session.answer("t-window", 3)
        session.clock.advance(days=1)
    assert session.streak() == 3  # today not studied yet: yesterday's run still counts
    session.clock.advance(days=1)
    assert session.streak() == 0


def test_depth_path_changes_new_card_order(session):
    session.save_settings(path="depth")
    assert session.queue().new == ("t-fit", "t-conv", "t-window")
    session.save_settings(path="repetition", new_per_day=1)
    assert session.queue().new == ("t-fit",)


def test_invalid_setting_is_refused_and_nothing_written(session):
    with pytest.raises(UsageError):
        session.save_settings(desired_retention=1.5)
    assert session.settings.desired_retention == 0.9


def test_hand_edited_settings_are_reported_by_field(session, drill_home, tmp_path):
    session.store.put("settings", "settings", {"desired_retention": "lots"})
    with pytest.raises(DataError, match="desired_retention"):
        StudySession(session.store, decks=make_decks(tmp_path))


def test_intervals_preview_for_buttons(session):
    assert session.intervals("t-fit") == {
        1: timedelta(minutes=1), 2: timedelta(seconds=330), 3: timedelta(minutes=10), 4: timedelta(days=8),
    }
