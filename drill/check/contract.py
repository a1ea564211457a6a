"""Contract checks on facts about a saved model: pure, so they are tested without TensorFlow.

The grader (inside the check subprocess) collects ``ModelFacts`` from the freshly loaded model;
``check_contract`` compares them with the drill's contract and says exactly what is off.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from drill.content.exercises import Contract


class ModelFacts(BaseModel):
    """What the grader saw in the saved model file."""

    input_shapes: list[list[int | None]] = Field(default_factory=list)  # per input, batch left out
    input_dtypes: list[str] = Field(default_factory=list)
    output_shapes: list[list[int | None]] = Field(default_factory=list)
    layer_types: list[str] = Field(default_factory=list)  # class names, nested models included
    # augmentation layer class -> its strongest setting (fraction of the image size, or of a full turn)
    augmentations: dict[str, float] = Field(default_factory=dict)
    # largest change of any weight of the contract's frozen base; None: the base is not in the model
    base_weight_change: float | None = None
    # classes in the learner's source that subclass a Callback; None: not looked for
    custom_callbacks: list[str] | None = None
    # names the contract asks the learner's source to use that it does not; None: not looked for
    missing_source_names: list[str] | None = None
    size_mb: float = 0.0
    file: str = ""


class Problem(BaseModel):
    """One broken rule of the contract, with what to do about it."""

    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


def _shape_str(shape: Sequence[int | None]) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def shape_matches(actual: Sequence[int | None], expected: Sequence[int]) -> bool:
    """Per-example shapes match; 0 in ``expected`` accepts any size, None in ``actual`` any expected."""
    if len(actual) != len(expected):
        return False
    return all(e == 0 or a is None or a == e for a, e in zip(actual, expected))


def check_contract(facts: ModelFacts, contract: Contract, *, stopped_early: bool | None = None,
                   trained: bool | None = None) -> list[Problem]:
    """Every way the saved model breaks ``contract``; empty when it keeps it.

    ``trained``: whether ``fit`` ran at all (None: unknown).
    """
    problems: list[Problem] = []
    if len(facts.input_shapes) != 1:
        problems.append(Problem(code="inputs", message=f"the model has {len(facts.input_shapes)} inputs; the task feeds it one",
                                hint="build one Input (or give the first layer input_shape=...)"))
    elif contract.input_shape and not shape_matches(facts.input_shapes[0], contract.input_shape):
        problems.append(Problem(
            code="input_shape",
            message=f"input shape is {_shape_str(facts.input_shapes[0])} per example; the task needs {_shape_str(contract.input_shape)}",
            hint=f"start the model with keras.Input(shape={tuple(contract.input_shape)})"))
    if contract.input_dtype and facts.input_dtypes and facts.input_dtypes[0] != contract.input_dtype:
        problems.append(Problem(code="input_dtype", message=f"input dtype is {facts.input_dtypes[0]}; the task feeds {contract.input_dtype}",
                                hint=f"use keras.Input(..., dtype={contract.input_dtype!r})"))
    if len(facts.output_shapes) != 1:
        problems.append(Problem(code="outputs", message=f"the model has {len(facts.output_shapes)} outputs; the task reads one",
                                hint="end with a single output layer"))
    elif contract.output_shape and not shape_matches(facts.output_shapes[0], contract.output_shape):
        units = contract.output_shape[-1]
        problems.append(Problem(
            code="output_shape",
            message=f"output shape is {_shape_str(facts.output_shapes[0])} per example; the task expects {_shape_str(contract.output_shape)}",
            hint=f"end with a Dense({units}) layer and flatten anything before it" if len(contract.output_shape) == 1 else "match the expected output shape"))
    for name in contract.forbid_layers:
        if name in facts.layer_types:
            problems.append(Problem(code="forbidden_layer", message=f"the model contains a {name} layer, which the grader refuses",
                                    hint="do that step with a built-in layer (e.g. Rescaling) or in the data pipeline" if name == "Lambda" else f"remove the {name} layer"))
    if contract.require_layers and not any(n in facts.layer_types for n in contract.require_layers):
        problems.append(Problem(code="required_layer", message=f"the model has none of the layers this drill is about: {', '.join(contract.require_layers)}",
                                hint=f"use at least one {' or '.join(contract.require_layers)} layer"))
    for entry in contract.require_all_layers:
        names = [entry] if isinstance(entry, str) else list(entry)
        if not any(n in facts.layer_types for n in names):
            wanted = " or ".join(names)
            problems.append(Problem(code="required_layer", message=f"the model has no {wanted} layer, which this task asks for",
                                    hint=f"add a {wanted} layer where the task says"))
    for name, least in contract.min_layer_counts.items():
        if facts.layer_types.count(name) < least:
            problems.append(Problem(code="layer_count", message=f"the model has {facts.layer_types.count(name)} {name} layers; this task asks for at least {least}",
                                    hint=f"add hidden {name} layers before the output, as the task says"))
    problems.extend(_frozen_base_problems(facts, contract))
    problems.extend(_augmentation_problems(facts, contract))
    if facts.size_mb > contract.max_size_mb:
        problems.append(Problem(code="size", message=f"the saved file is {facts.size_mb:.1f} MB; the limit is {contract.max_size_mb:g} MB",
                                hint="use fewer or smaller layers"))
    if contract.require_custom_callback and facts.custom_callbacks is not None and not facts.custom_callbacks:
        problems.append(Problem(code="custom_callback", message="the file defines no callback class of its own; this drill is about writing one",
                                hint="subclass keras.callbacks.Callback and override on_epoch_end (the built-in EarlyStopping does not count)"))
    for name in facts.missing_source_names or []:
        problems.append(Problem(code="source_name", message=f"the file never uses {name}, which this task asks for",
                                hint=f"do the step the task describes with {name}"))
    if contract.require_early_stop and trained is False:
        problems.append(Problem(code="early_stop", message="the model was never trained: fit() did not run, so no callback could end it",
                                hint="train with model.fit(..., epochs=200, callbacks=[your callback])"))
    elif contract.require_early_stop and not stopped_early:
        problems.append(Problem(code="early_stop", message="training ran all its epochs; this drill needs it ended by a callback",
                                hint="add a callback that sets self.model.stop_training = True once the metric is reached"))
    return problems


# geometric augmentations move pixels, so a model learns poses it never saw; colour ones do not
GEOMETRIC_AUGMENTATIONS = ("RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom", "RandomCrop")
BASE_TOLERANCE = 1e-6  # a frozen weight is bit-for-bit the shipped one; float noise stays far below this


def _frozen_base_problems(facts: ModelFacts, contract: Contract) -> list[Problem]:
    if not contract.frozen_base:
        return []
    if facts.base_weight_change is None:
        return [Problem(code="frozen_base_missing", message=f"the model does not contain the pre-trained {contract.frozen_base}",
                        hint="put the base the starter loads into your model, e.g. keras.Sequential([keras.Input(...), base, ...head])")]
    if facts.base_weight_change > BASE_TOLERANCE:
        return [Problem(code="frozen_base_changed",
                        message=f"training changed the pre-trained base's weights (by up to {facts.base_weight_change:.3g}); the task asks for a frozen base",
                        hint="set base.trainable = False before compile(), so only the new head learns")]
    return []


def _augmentation_problems(facts: ModelFacts, contract: Contract) -> list[Problem]:
    if contract.min_augmentation <= 0:
        return []
    strongest = max((v for k, v in facts.augmentations.items() if k in GEOMETRIC_AUGMENTATIONS), default=0.0)
    if strongest >= contract.min_augmentation:
        return []
    found = ", ".join(f"{k}({v:g})" for k, v in facts.augmentations.items()) or "none"
    return [Problem(code="augmentation",
                    message=f"the model's augmentation is too weak to matter (found: {found}); this task needs a geometric one "
                            f"of strength {contract.min_augmentation:g} or more",
                    hint=f"add e.g. RandomTranslation({contract.min_augmentation:g}, {contract.min_augmentation:g}) or "
                         f"RandomZoom({contract.min_augmentation:g}) after the Rescaling layer")]
