"""The training-curve coach on recorded histories (tests/fixtures/coach, made by
record_histories.py from real Keras runs) and on edge cases."""

import json
import math
from pathlib import Path

import pytest

from drill.coach import coach, curve_of
from drill.check.events import Epoch

FIXTURES = Path(__file__).parent / "fixtures" / "coach"


def history(name: str) -> list[dict]:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def kinds(epochs, **kwargs) -> list[str]:
    return [f.kind for f in coach(epochs, **kwargs)]


@pytest.mark.parametrize(
    "name, expected, absent",
    [
        ("overfit", "overfitting", {"healthy"}),
        ("underfit", "underfitting", {"healthy", "overfitting", "diverging", "flat"}),
        ("diverging", "diverging", {"healthy", "underfitting"}),
        ("flat", "flat", {"healthy", "underfitting", "wasted_epochs"}),
        ("good", "healthy", {"overfitting", "diverging", "flat", "wasted_epochs", "no_validation"}),
        ("too_many_epochs", "wasted_epochs", {"diverging", "flat", "underfitting"}),
    ],
)
def test_each_recorded_history_gets_its_finding(name, expected, absent):
    found = kinds(history(name))
    assert expected in found, found
    assert not absent & set(found), found


def test_an_early_stop_is_never_called_wasted():
    assert "wasted_epochs" in kinds(history("too_many_epochs"))
    assert "wasted_epochs" not in kinds(history("too_many_epochs"), stopped_early=True)


def test_no_validation_data_is_named_and_the_curve_still_read():
    stripped = [{**e, "metrics": {k: v for k, v in e["metrics"].items() if not k.startswith("val_")}} for e in history("good")]
    found = kinds(stripped)
    assert "no_validation" in found and "overfitting" not in found


def test_nan_loss_names_the_epoch_and_nothing_else():
    epochs = [Epoch(epoch=1, epochs=3, loss=2.0), Epoch(epoch=2, epochs=3, loss=float("nan"))]
    findings = coach(epochs)
    assert [f.kind for f in findings] == ["nan"] and "epoch 2" in findings[0].message


def test_only_the_last_fit_call_counts():
    first = [Epoch(fit=1, epoch=i, epochs=3, loss=10.0 * i) for i in (1, 2, 3)]  # diverging, then refit
    second = [Epoch(fit=2, epoch=i, epochs=3, loss=1.0 / i, metrics={"val_loss": 1.1 / i}) for i in (1, 2, 3)]
    assert [p.epoch for p in curve_of(first + second)] == [1, 2, 3]
    assert "diverging" not in kinds(first + second)


def test_no_epochs_no_findings():
    assert coach([]) == []


def test_every_link_names_a_shipped_note_or_card():
    from drill.content.decks import load_decks
    from drill.content.notes import load_all_notes
    from drill.paths import content_root

    cards = set(load_decks(content_root() / "decks").cards)
    notes = {n.id for n in load_all_notes().notes}
    links = {link for name in ("overfit", "underfit", "diverging", "flat", "good", "too_many_epochs")
             for f in coach(history(name)) for link in f.links}
    links |= {link for f in coach([Epoch(epoch=1, epochs=2, loss=math.inf)]) for link in f.links}
    links |= {link for f in coach([{**e, "metrics": {}} for e in history("good")]) for link in f.links}
    assert links
    for link in links:
        kind, _, ident = link.partition(":")
        assert ident in (cards if kind == "card" else notes), link


def test_sampled_epochs_are_counted_by_their_numbers():
    """Fast epochs reach the app sampled (at most ten a second): the counts follow the epoch
    numbers, not how many events arrived."""
    every = [{"fit": 1, "epoch": e, "loss": max(10.0 - e, 0.5), "metrics": {}} for e in range(1, 61)]
    sampled = [p for p in every if p["epoch"] % 5 == 0 or p["epoch"] == 1]  # epoch 10, the best, among them
    [full] = [f for f in coach(every) if f.kind == "wasted_epochs"]
    [part] = [f for f in coach(sampled) if f.kind == "wasted_epochs"]
    assert full.message.startswith("50 of 60 epochs") and "(epoch 10)" in full.message
    assert part.message == full.message
