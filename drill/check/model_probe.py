"""Facts about a loaded Keras model that a task's contract may ask for (inside the check subprocess).

``contract_facts`` adds to the grader's ``ModelFacts`` what only some drills check: how strong
the augmentation layers are, and how far training moved the weights of a base the task said to
freeze. ``drill.check.contract`` then judges them (pure, tested without TensorFlow).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drill.check.contract import ModelFacts
from drill.content.exercises import Contract

ASSETS = Path(__file__).resolve().parents[1] / "data" / "assets"


def _layers(model: Any):
    """Every layer, nested models included, each once."""
    seen: set[int] = set()
    stack = list(getattr(model, "layers", []) or [])
    while stack:
        layer = stack.pop(0)
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        yield layer
        stack.extend(getattr(layer, "layers", None) or [])


def _largest(value: Any) -> float:
    """The largest absolute number in a factor (a number, or a (lower, upper) pair)."""
    if isinstance(value, (list, tuple)):
        return max((abs(float(v)) for v in value if v is not None), default=0.0)
    return abs(float(value)) if value is not None else 0.0


def augmentation_strength(layer: Any) -> float | None:
    """How strongly one augmentation layer changes an image; None when it is not one.

    Translation and zoom: the largest fraction of the image size; rotation: the largest
    fraction of a full turn; flip: 1 (a mirror image); crop: the fraction of the image cut off;
    contrast and brightness: their factor.
    """
    name = type(layer).__name__
    config = layer.get_config()
    if name == "RandomFlip":
        return 1.0 if config.get("mode") else 0.0
    if name == "RandomRotation":
        return _largest(config.get("factor"))
    if name == "RandomTranslation":
        return max(_largest(config.get("height_factor")), _largest(config.get("width_factor")))
    if name == "RandomZoom":
        return max(_largest(config.get("height_factor")), _largest(config.get("width_factor")))
    if name in ("RandomContrast", "RandomBrightness"):
        return _largest(config.get("factor"))
    if name == "RandomCrop":
        shape = getattr(layer, "input_shape", None) or getattr(layer, "_build_shapes_dict", {}) or None
        try:
            height, width = int(shape[1]), int(shape[2])
            return 1.0 - min(config["height"] / height, config["width"] / width)
        except (TypeError, KeyError, IndexError, ValueError):
            return 0.0
    return None


def augmentations(model: Any) -> dict[str, float]:
    """Augmentation layer class -> the strongest setting among the model's layers of that class."""
    found: dict[str, float] = {}
    for layer in _layers(model):
        strength = augmentation_strength(layer)
        if strength is not None:
            found[type(layer).__name__] = max(found.get(type(layer).__name__, 0.0), strength)
    return found


def base_weight_change(model: Any, base: Any) -> float | None:
    """The largest absolute change of any weight of ``base``'s layers as found (by name) in
    ``model``; None when the model lacks one of the base's weighted layers."""
    import numpy as np

    inside = {layer.name: layer for layer in _layers(model)}
    change = 0.0
    for layer in _layers(base):
        weights = layer.get_weights()
        if not weights:
            continue
        mine = inside.get(layer.name)
        if mine is None:
            return None
        theirs = mine.get_weights()
        if len(theirs) != len(weights) or any(a.shape != b.shape for a, b in zip(theirs, weights)):
            return None
        change = max(change, *(float(np.max(np.abs(a - b))) for a, b in zip(theirs, weights)))
    return change


def contract_facts(facts: ModelFacts, model: Any, contract: Contract, keras: Any) -> ModelFacts:
    """``facts`` with what ``contract`` needs to be judged on added."""
    update: dict[str, Any] = {"augmentations": augmentations(model)}
    if contract.frozen_base:
        base = keras.models.load_model(ASSETS / f"{contract.frozen_base}.keras", compile=False)
        update["base_weight_change"] = base_weight_change(model, base)
    return facts.model_copy(update=update)
