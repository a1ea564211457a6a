"""Pure parts of the check: metrics, score at each bar's edge, contract messages, events."""

from __future__ import annotations

import math

import numpy as np
import pytest

from drill.check import events as ev
from drill.check.contract import ModelFacts, check_contract, shape_matches
from drill.check.metrics import bar_table, compute, score
from drill.content.exercises import Contract

MSE_BARS = [1.0, 0.1, 0.01, 1e-3, 1e-4]
ACC_BARS = [0.5, 0.6, 0.7, 0.8, 0.9]


@pytest.mark.parametrize("value, expected", [
    (2.0, 0), (1.0, 1), (0.5, 1), (0.1, 2), (0.0999, 2), (0.01, 3), (1e-3, 4), (1.0001e-4, 4), (1e-4, 5), (0.0, 5),
    (math.nan, 0), (math.inf, 0),
])
def test_error_metric_scores_at_bar_edges(value, expected):
    assert score(value, MSE_BARS, lower_is_better=True) == expected


@pytest.mark.parametrize("value, expected", [
    (0.0, 0), (0.4999, 0), (0.5, 1), (0.5999, 1), (0.6, 2), (0.7, 3), (0.8, 4), (0.8999, 4), (0.9, 5), (1.0, 5), (math.nan, 0),
])
def test_accuracy_scores_at_bar_edges(value, expected):
    assert score(value, ACC_BARS, lower_is_better=False) == expected


def test_none_scores_zero_and_table_marks_each_bar():
    assert score(None, MSE_BARS, True) == 0
    table = bar_table(0.005, MSE_BARS, True)
    assert [r["met"] for r in table] == [True, True, True, False, False]
    assert [r["score"] for r in table] == [1, 2, 3, 4, 5]


def test_mse_and_mae():
    assert compute("mse", [[1.0], [2.0]], [1.0, 4.0]) == pytest.approx(2.0)
    assert compute("mae", np.array([[1.0], [2.0]]), np.array([[1.0], [4.0]])) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="3 numbers for 2 targets"):
        compute("mse", [[1.0, 2.0, 3.0]], [1.0, 2.0])


@pytest.mark.parametrize("predictions, labels", [
    ([[0.9], [0.2], [0.6], [0.4]], [1, 0, 0, 0]),                         # sigmoid, sparse
    ([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]], [1, 0, 0, 0]),     # softmax, sparse
    ([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]], [[0, 1], [1, 0], [1, 0], [1, 0]]),  # one-hot
    ([[0.9], [0.2], [0.6], [0.4]], [[1.0], [0.0], [0.0], [0.0]]),         # sigmoid, column labels
])
def test_accuracy_takes_every_output_and_label_form(predictions, labels):
    assert compute("accuracy", predictions, labels) == pytest.approx(0.75)


def test_accuracy_of_nan_predictions_is_nan():
    assert math.isnan(compute("accuracy", [[math.nan], [0.2]], [1, 0]))


def facts(**kw) -> ModelFacts:
    base = dict(input_shapes=[[28, 28]], input_dtypes=["float32"], output_shapes=[[10]],
                layer_types=["Flatten", "Dense", "Dense"], size_mb=1.0)
    return ModelFacts(**{**base, **kw})


CONTRACT = Contract(input_shape=[28, 28], output_shape=[10], max_size_mb=5)


def test_a_good_model_keeps_the_contract():
    assert check_contract(facts(), CONTRACT) == []


def test_any_size_dimension_and_none():
    assert shape_matches([None, 16], [0, 16]) and shape_matches([120], [0]) and not shape_matches([120], [120, 1])


@pytest.mark.parametrize("change, code, words", [
    ({"input_shapes": [[784]]}, "input_shape", "(784,)"),
    ({"input_shapes": [[28, 28], [3]]}, "inputs", "2 inputs"),
    ({"output_shapes": [[1]]}, "output_shape", "Dense(10)"),
    ({"layer_types": ["Lambda", "Dense"]}, "forbidden_layer", "Lambda"),
    ({"size_mb": 12.5}, "size", "12.5 MB"),
    ({"input_dtypes": ["int32"]}, None, None),
])
def test_each_broken_rule_is_named(change, code, words):
    problems = check_contract(facts(**change), CONTRACT)
    if code is None:
        assert problems == []  # dtype unchecked when the contract leaves it out
        return
    assert [p.code for p in problems] == [code]
    assert words in str(problems[0])
    assert problems[0].hint


def test_dtype_required_layers_and_early_stop():
    contract = Contract(input_shape=[], input_dtype="string", output_shape=[1],
                        require_layers=["LSTM", "GRU"], require_early_stop=True)
    f = facts(input_shapes=[[]], input_dtypes=["float32"], output_shapes=[[1]])
    codes = [p.code for p in check_contract(f, contract, stopped_early=False)]
    assert codes == ["input_dtype", "required_layer", "early_stop"]
    f = facts(input_shapes=[[]], input_dtypes=["string"], output_shapes=[[1]], layer_types=["TextVectorization", "GRU", "Dense"])
    assert check_contract(f, contract, stopped_early=True) == []


def test_events_round_trip_as_json_lines():
    for event in [ev.Started(pid=3, timeout_s=1, memory_mb=2), ev.Epoch(epoch=1, epochs=5, loss=0.5, metrics={"mae": 0.1}),
                  ev.TrainEnd(epochs_seen=2, epochs_asked=5, stopped_early=True), ev.Output(text="hi"),
                  ev.Report(error_kind="syntax", error_message="x")]:
        assert ev.parse_event(event.model_dump_json()) == event


def test_parent_process_never_imports_tensorflow():
    import subprocess
    import sys

    code = ("import sys, drill.check, drill.check.runner, drill.check.process, drill.check.result, "
            "drill.attempts, drill.commands.check, drill.commands.new; "
            "print('tensorflow' in sys.modules or 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
