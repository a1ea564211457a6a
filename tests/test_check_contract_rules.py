"""The contract rules a task may ask for beyond shapes: every named layer, a frozen base left
unchanged, augmentation strong enough to matter. Pure rules first; then, slow-marked, the facts
collected from real Keras models (drill.check.model_probe)."""

from __future__ import annotations

import pytest

from drill.check.contract import ModelFacts, check_contract
from drill.content.exercises import Contract


def _facts(**kw) -> ModelFacts:
    base = {"input_shapes": [[32, 32, 3]], "output_shapes": [[3]], "layer_types": ["Conv2D", "Dense"]}
    return ModelFacts(**{**base, **kw})


def _codes(facts: ModelFacts, **contract) -> list[str]:
    return [p.code for p in check_contract(facts, Contract(**contract))]


def test_require_all_layers_wants_every_entry():
    contract = {"require_all_layers": ["Conv2D", ["MaxPooling2D", "AveragePooling2D"]]}
    assert _codes(_facts(layer_types=["Conv2D", "MaxPooling2D", "Dense"]), **contract) == []
    assert _codes(_facts(layer_types=["Conv2D", "AveragePooling2D"]), **contract) == []
    problems = check_contract(_facts(layer_types=["Conv2D", "Dense"]), Contract(**contract))
    assert [p.code for p in problems] == ["required_layer"]
    assert "MaxPooling2D or AveragePooling2D" in problems[0].message
    both_missing = _codes(_facts(layer_types=["Dense"]), **contract)
    assert both_missing == ["required_layer", "required_layer"]


def test_conv1d_and_lstm_both_required():
    contract = {"require_all_layers": ["Conv1D", "LSTM"]}
    assert _codes(_facts(layer_types=["Conv1D", "LSTM"]), **contract) == []
    assert _codes(_facts(layer_types=["LSTM"]), **contract) == ["required_layer"]


def test_frozen_base_missing_changed_and_kept():
    contract = {"frozen_base": "shapes_base"}
    assert _codes(_facts(base_weight_change=None), **contract) == ["frozen_base_missing"]
    changed = check_contract(_facts(base_weight_change=0.02), Contract(**contract))
    assert [p.code for p in changed] == ["frozen_base_changed"]
    assert "trainable = False" in changed[0].hint
    assert _codes(_facts(base_weight_change=0.0), **contract) == []
    assert _codes(_facts(base_weight_change=None)) == []  # not asked: not checked


def test_augmentation_must_be_geometric_and_strong_enough():
    contract = {"min_augmentation": 0.1}
    assert _codes(_facts(augmentations={}), **contract) == ["augmentation"]
    assert _codes(_facts(augmentations={"RandomContrast": 0.9}), **contract) == ["augmentation"]  # colour only
    weak = check_contract(_facts(augmentations={"RandomRotation": 0.001}), Contract(**contract))
    assert [p.code for p in weak] == ["augmentation"] and "RandomRotation(0.001)" in weak[0].message
    assert _codes(_facts(augmentations={"RandomRotation": 0.001, "RandomTranslation": 0.15}), **contract) == []
    assert _codes(_facts(augmentations={"RandomFlip": 1.0}), **contract) == []
    assert _codes(_facts(augmentations={})) == []  # not asked: not checked


@pytest.mark.slow
def test_probe_measures_augmentation_layers():
    import keras

    from drill.check.model_probe import augmentations

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        keras.layers.RandomFlip("horizontal"),
        keras.layers.RandomRotation((-0.2, 0.1)),
        keras.layers.RandomTranslation(0.15, 0.05),
        keras.layers.RandomZoom(0.3),
        keras.layers.RandomContrast(0.001),
        keras.layers.Flatten(),
        keras.layers.Dense(3),
    ])
    found = augmentations(model)
    assert found == pytest.approx({"RandomFlip": 1.0, "RandomRotation": 0.2, "RandomTranslation": 0.15,
                                   "RandomZoom": 0.3, "RandomContrast": 0.001})


@pytest.mark.slow
def test_probe_sees_a_trained_base_and_a_frozen_one(tmp_path):
    import keras
    import numpy as np

    from drill.check.model_probe import base_weight_change
    from drill.data.images import shapes_base

    def model_with(base):
        return keras.Sequential([keras.Input(shape=(32, 32, 3)), base, keras.layers.GlobalMaxPooling2D(), keras.layers.Dense(3)])

    frozen = shapes_base()
    frozen.trainable = False
    saved = tmp_path / "frozen.h5"
    model_with(frozen).save(saved)
    reference = shapes_base()
    assert base_weight_change(keras.models.load_model(saved, compile=False), reference) == 0.0

    moved = shapes_base()
    kernel, bias = moved.get_layer("conv2").get_weights()
    moved.get_layer("conv2").set_weights([kernel + 0.01, bias])
    assert base_weight_change(model_with(moved), reference) == pytest.approx(0.01, rel=1e-3)

    scratch = keras.Sequential([keras.Input(shape=(32, 32, 3)), keras.layers.Conv2D(8, 3), keras.layers.Flatten(), keras.layers.Dense(3)])
    assert base_weight_change(scratch, reference) is None
    assert np.isfinite(base_weight_change(model_with(shapes_base()), reference))


# ---------------------------------------------------------------- whole checks (slow)
def _check_edited(tmp_path, drill: str, instance: str, edit):
    from drill.check.runner import run_check
    from drill.content.exercises import exercises_root, load_exercises

    spec = load_exercises(exercises_root()).exercises[drill].spec(instance)
    path = tmp_path / "solution.py"
    path.write_text(edit(spec.solution_text()), encoding="utf-8")
    return run_check(spec, path)


def _only_contrast(code: str) -> str:
    """The augmentation reference with every geometric layer swapped for a token RandomContrast."""
    lines = [line for line in code.splitlines(keepends=True) if "keras.layers.Random" not in line]
    at = next(i for i, line in enumerate(lines) if "keras.layers.Rescaling" in line) + 1
    assert len(lines) < len(code.splitlines()), "the reference has no augmentation layer to take out"
    return "".join(lines[:at] + ["        keras.layers.RandomContrast(0.001),\n"] + lines[at:])


@pytest.mark.slow
@pytest.mark.parametrize("drill, instance, edit, code", [
    ("transfer-frozen-base", "new-shapes", lambda c: c.replace("base.trainable = False", "base.trainable = True"),
     "frozen_base_changed"),
    ("small-data-augment", "shapes", lambda c: _only_contrast(c).replace("epochs=75", "epochs=3"), "augmentation"),
    ("digits-conv", "uci-digits", lambda c: c.replace("        keras.layers.MaxPooling2D((2, 2)),\n", "").replace("epochs=20", "epochs=2"),
     "required_layer"),
], ids=["unfrozen-base", "contrast-only", "no-pooling"])
def test_a_skill_the_task_asks_for_is_checked(tmp_path, drill, instance, edit, code):
    """The reference minus the skill its task asks for is refused, with the rule that says why."""
    result = _check_edited(tmp_path, drill, instance, edit)
    assert result.score == 0 and result.error_kind == "contract", result.summary
    assert code in [p.code for p in result.problems], result.problems
