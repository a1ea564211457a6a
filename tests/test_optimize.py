"""drill optimize: fitted on earlier reviews, kept only when better on later ones (fsrs-rs-python)."""

import json
import random
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Card, Rating, Scheduler

from drill.cli import main
from drill.models import Settings
from drill.schedule.memory import preview
from drill.schedule.optimize import fit, histories
from drill.session import REVIEWS, load_settings
from drill.store import Store


def forgetful_learner_log(cards: int = 150, days: int = 120, seed: int = 7) -> list[dict]:
    """Reviews scheduled by FSRS's defaults for a learner whose memory is weaker than they assume.

    Outcomes come from a "true" FSRS memory with a quarter of the initial stability and slow
    stability growth, so a fit on the log can beat the defaults.
    """
    rng = random.Random(seed)
    scheduler = Scheduler(enable_fuzzing=False)
    params = list(scheduler.parameters)
    params[0:4], params[8] = [0.05, 0.2, 0.5, 2.0], 0.6
    true = Scheduler(parameters=params, enable_fuzzing=False)
    start = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
    out = []
    for c in range(cards):
        card, memory = Card(card_id=c), Card(card_id=c)
        at = start + timedelta(days=rng.randrange(0, 20), hours=rng.random() * 10)
        rating = Rating.Good
        while at < start + timedelta(days=days):
            if card.last_review is not None:
                rating = Rating.Good if rng.random() < true.get_card_retrievability(memory, at) else Rating.Again
            out.append({"id": f"{c}-{len(out)}", "item_id": f"c{c}", "kind": "card", "rating": int(rating),
                        "at": at.isoformat()})
            card, _ = scheduler.review_card(card, rating, at)
            memory, _ = true.review_card(memory, rating, at)
            at = card.due
    return out


def test_histories_are_study_day_gaps_per_card():
    log = [{"item_id": "a", "rating": 3, "at": "2026-01-01T09:00:00+00:00"},
           {"item_id": "a", "rating": 3, "at": "2026-01-01T09:10:00+00:00"},
           {"item_id": "a", "rating": 1, "at": "2026-01-04T03:00:00+00:00"},  # before 04:00: still the 3rd
           {"item_id": "d", "kind": "drill", "rating": 4, "at": "2026-01-02T09:00:00+00:00"}]
    got = histories(log, Settings(timezone="UTC"))
    assert [steps for _, steps in got] == [[(3, 0), (3, 0), (1, 2)]]


def test_fewer_than_a_thousand_reviews_keeps_the_current_parameters():
    result = fit(forgetful_learner_log(cards=20, days=30), Settings(timezone="UTC"))
    assert not result.kept and result.reviews < 1000 and "need at least 1,000" in result.message


def test_fit_beats_the_defaults_on_later_reviews_then_refitting_keeps_them():
    log = forgetful_learner_log()
    assert len(log) >= 1000
    first = fit(log, Settings(timezone="UTC"))
    assert first.kept and first.new_loss < first.current_loss
    assert first.test > 100 and first.train > 4 * first.test * 0.9
    personal = Settings(timezone="UTC", enable_fuzzing=False, fsrs_parameters=list(first.parameters))  # valid for py-fsrs
    at = datetime(2026, 5, 1, 9, tzinfo=timezone.utc)
    assert preview(None, "c", "card", at, personal)[4] < preview(None, "c", "card", at, Settings(enable_fuzzing=False))[4]
    again = fit(log, Settings(timezone="UTC", fsrs_parameters=list(first.parameters)))
    assert not again.kept and "kept your personal parameters" in again.message  # no better than themselves


def test_cli_optimize_saves_only_a_better_fit_and_reset(drill_home, capsys):
    store = Store.open(drill_home)
    with store.batch():
        for record in forgetful_learner_log():
            store.append(REVIEWS, record)
    store.close()
    assert main(["optimize", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kept"] is True
    store = Store.open(drill_home)
    assert load_settings(store).fsrs_parameters == pytest.approx(out["parameters"])
    store.close()
    assert main(["optimize"]) == 0
    assert capsys.readouterr().out.startswith("kept your personal parameters")
    assert main(["optimize", "--reset"]) == 0
    store = Store.open(drill_home)
    assert load_settings(store).fsrs_parameters is None
    store.close()
