"""Failures feed the cards: failure kinds, the cards they bring forward, the queue, a kept card."""

from __future__ import annotations

from datetime import timedelta

from drill.check.contract import Problem
from drill.check.result import CheckResult
from drill.content.decks import load_decks
from drill.failures import BOOST_LOG, active_boosts, boost_for, cards_for, failure_kinds, keep_card
from drill.session import StudySession
from helpers import Clock, make_decks


def result(now, **kw) -> CheckResult:
    base = dict(drill_id="linear-dense", metric="mse", lower_is_better=True, bars=[10, 1, 0.1, 0.01, 1e-3], started_at=now)
    return CheckResult(**(base | kw))


def test_each_failure_has_its_kind(now):
    assert failure_kinds(result(now, score=5, value=1e-4)) == []
    assert failure_kinds(result(now, score=0, error_kind="cancelled")) == []
    assert failure_kinds(result(now, score=3, value=0.05)) == ["under_bar"]
    shape = Problem(code="input_shape", message="input shape is (None, 2); the task feeds (None, 1)")
    assert failure_kinds(result(now, error_kind="contract", problems=[shape])) == ["shape"]
    lam = Problem(code="forbidden_layer", message="the model contains a Lambda layer")
    assert failure_kinds(result(now, error_kind="contract", problems=[lam])) == ["lambda"]
    assert failure_kinds(result(now, error_kind="load_failed", error_message="mymodel.h5 does not load: TypeError: Could not locate function 'mse'")) == ["loss_string"]
    assert failure_kinds(result(now, error_kind="load_failed", error_message="mymodel.h5 does not load: ValueError: bad")) == ["reload"]
    early = Problem(code="early_stop", message="training ran all its epochs")
    assert failure_kinds(result(now, error_kind="contract", problems=[early])) == ["no_early_stop"]
    assert failure_kinds(result(now, error_kind="timeout")) == ["timeout"]
    assert failure_kinds(result(now, error_kind="memory")) == ["memory"]
    assert failure_kinds(result(now, error_kind="syntax")) == ["code"]
    assert failure_kinds(result(now, error_kind="crashed", error_message="ValueError: Input 0 is incompatible: expected shape=(None, 1)")) == ["shape"]


def test_cards_for_a_failure_prefer_the_trap_card_then_its_skills():
    cards = load_decks(__import__("drill.paths", fromlist=["content_root"]).content_root() / "decks").cards
    assert cards_for(["loss_string"], (), cards, {})[0] == "dev-save-mse-h5-trap"
    shape_cards = cards_for(["shape"], (), cards, {})
    assert len(shape_cards) == 3 and all({"nn.input-shape", "nn.output-shape", "nn.test-shape"} & set(cards[c].skills) for c in shape_cards)


def test_a_failed_check_brings_a_linked_card_forward_until_it_is_reviewed(store, tmp_path, now):
    clock = Clock(now)
    session = StudySession(store, decks=make_decks(tmp_path), clock=clock)
    for card_id in list(session.cards):  # every card reviewed and far from due
        session.answer(card_id, 4)
    clock.now = now + timedelta(hours=1)
    assert session.queue().ids == ()
    # the deck's "t-conv" card trains img.conv: a vision drill that scored under the bar links to it
    failed = result(now, drill_id="digits-conv", score=2, value=0.5)
    ids = boost_for(store, failed, ("img.conv",), session.cards, session.states(), clock())
    assert ids == ["t-conv"]
    assert session.queue().ids == ("t-conv",)  # first in the next review, though not due
    log = list(store.records(BOOST_LOG))
    assert log[-1]["cards"] == ["t-conv"] and log[-1]["kinds"] == ["under_bar"]  # why it came early is logged
    clock.now = now + timedelta(hours=2)
    session.answer("t-conv", 3)  # an ordinary FSRS review
    assert session.queue().ids == ()
    assert active_boosts(store.all("boosts"), session.states(), clock()) == []


def test_a_pass_boosts_nothing(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    assert boost_for(store, result(now, score=5, value=1e-4), ("img.conv",), session.cards, session.states(), now) == []
    assert list(store.records(BOOST_LOG)) == []


def test_keep_card_writes_a_valid_card_to_the_own_deck(drill_home, now):
    from drill.content.exercises import find_spec

    spec = find_spec("linear-dense")
    failed = result(now, error_kind="load_failed", error_message="mymodel.h5 does not load: Could not locate function 'mse'",
                    error_hint="compile with loss='mean_squared_error'")
    path, card_id = keep_card(drill_home, spec, failed, now)
    path2, card_id2 = keep_card(drill_home, spec, failed, now + timedelta(seconds=1))
    cards = load_decks(path.parent).cards
    assert set(cards) == {card_id, card_id2}
    card = cards[card_id]
    assert "Could not locate function 'mse'" in card.front and "mean_squared_error" in card.back
    assert set(card.skills) == {"dev.save", "dev.versions"} and card.resource == "practice"
