"""Grade the saved model file (runs in the grading process, never in the learner's).

Load ``mymodel.h5`` / ``mymodel.keras`` fresh (``compile=False``: a ``.h5`` compiled with the
loss string "mse" does not load compiled in Keras 3; ``safe_mode`` stays on, so loading runs no
code from the file), collect facts, check the contract, then score predictions on the held-out
data from the drill's ``heldout.py``. ``heldout.py`` may ``import drill_heldout``: the grader-only
helpers (``exercises/_grader/drill_heldout.grader.py``), registered under that name here and nowhere else.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from drill.check import events as ev
from drill.check.contract import ModelFacts, check_contract
from drill.check.metrics import compute, sample_rows
from drill.check.model_probe import contract_facts
from drill.content.exercises import Contract

MODEL_FILES = ("mymodel.h5", "mymodel.keras")


def find_model_file(folder: Path) -> Path | None:
    """The model file the run saved (the newest when both exist)."""
    found = [folder / n for n in MODEL_FILES if (folder / n).is_file()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def layer_types(model: Any) -> list[str]:
    """Class names of every layer, nested models and wrappers included."""
    names: list[str] = []
    seen: set[int] = set()

    def visit(layer: Any) -> None:
        if id(layer) in seen:
            return
        seen.add(id(layer))
        names.append(type(layer).__name__)
        for child in getattr(layer, "layers", None) or []:
            visit(child)
        for attr in ("layer", "forward_layer", "backward_layer"):  # Bidirectional, TimeDistributed
            child = getattr(layer, attr, None)
            if child is not None and hasattr(child, "get_config"):
                visit(child)

    for layer in model.layers:
        visit(layer)
    return names


def _shape(t: Any) -> list[int | None]:
    return [None if d is None else int(d) for d in tuple(t.shape)[1:]]


def model_facts(model: Any, path: Path) -> ModelFacts:
    inputs = list(getattr(model, "inputs", None) or [])
    outputs = list(getattr(model, "outputs", None) or [])
    return ModelFacts(
        input_shapes=[_shape(t) for t in inputs],
        input_dtypes=[str(getattr(t, "dtype", "")) for t in inputs],
        output_shapes=[_shape(t) for t in outputs],
        layer_types=layer_types(model),
        size_mb=path.stat().st_size / 2**20,
        file=path.name,
    )


HELPERS = Path("_grader") / "drill_heldout.grader.py"  # the dot in the name: no import statement can reach it
HELPERS_MODULE = "drill_heldout"


def find_helpers(heldout: Path) -> Path | None:
    """The grader-only helpers of the exercises folder that holds ``heldout``: the nearest
    ``_grader/drill_heldout.grader.py`` above it."""
    for folder in Path(heldout).resolve().parents:
        if (folder / HELPERS).is_file():
            return folder / HELPERS
    return None


def _load_module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_helpers(path: Path):
    """Load the grader-only helpers at ``path`` and register them as ``drill_heldout`` (in this
    process only: the grading process, or a test)."""
    if HELPERS_MODULE not in sys.modules:
        sys.modules[HELPERS_MODULE] = _load_module(HELPERS_MODULE, path)
    return sys.modules[HELPERS_MODULE]


def load_heldout(path: Path):
    """``heldout(model)`` of a drill's ``heldout.py``, with ``drill_heldout`` importable by it."""
    helpers = find_helpers(path)
    if helpers is not None:
        load_helpers(helpers)
    return _load_module("drill_heldout_of_drill", path).heldout


def custom_callback_classes(source: str) -> list[str]:
    """Names of the classes the learner's file defines on a base called ``Callback``
    (``keras.callbacks.Callback``, ``tf.keras.callbacks.Callback`` or an imported ``Callback``),
    read from its syntax tree: the file is not run again."""
    import ast

    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
                if name == "Callback":
                    found.append(node.name)
    return found


def source_names(source: str) -> set[str]:
    """Every name and attribute name the learner's file uses (``keras.callbacks.X`` gives X)."""
    import ast

    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.alias):
            names.add(node.asname or node.name.split(".")[-1])
    return names


def heldout_split(path: Path, model: Any, instance: str | None):
    """The held-out ``(x, y)`` of one drill instance: the only way from an instance to its rows.

    ``heldout.py`` defines ``heldout(model, instance)`` (a drill on one data set may leave
    ``instance`` out: ``heldout(model)``).
    """
    import inspect

    function = load_heldout(path)
    if len(inspect.signature(function).parameters) >= 2:
        return function(model, instance)
    return function(model)


RECURRENT = frozenset({"LSTM", "GRU", "SimpleRNN", "RNN", "Bidirectional", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"})
BATCH = 256


def predict(model: Any, x: Any, layer_types: list[str]) -> Any:
    """The model's predictions on ``x``, in batches of 256.

    ``model.predict`` first traces the model into a graph, which costs more than the whole of
    a held-out set's inference for most drills (0.3-1.5 s against 0.03-0.2 s, once per check):
    a model with one input and one output and no recurrent layer is called directly, batch by
    batch (``training=False``: what ``predict`` does too). A recurrent layer runs its time
    steps one by one outside a graph, slower than the tracing, so those models keep ``predict``.
    """
    import numpy as np

    direct = (len(getattr(model, "inputs", None) or []) == 1 and len(getattr(model, "outputs", None) or []) == 1
              and not RECURRENT.intersection(layer_types) and len(getattr(x, "shape", ())) >= 1 and int(x.shape[0]) > 0)
    if not direct:
        return model.predict(x, verbose=0, batch_size=BATCH)
    return np.concatenate([np.asarray(model(x[i:i + BATCH], training=False)) for i in range(0, int(x.shape[0]), BATCH)])


def grade(spec: dict[str, Any], report: ev.Report, tf: Any, keras: Any) -> None:
    """Fill ``report`` with the grade of the model file ``spec["model"]`` (or why there is none).

    ``spec``: model (path), heldout (path), metric, contract (dict), sample_seed; ``report``
    carries ``stopped_early`` from the learner's run (the early-stop rule needs it).
    """
    path = Path(spec["model"])
    # No keras.backend.clear_session(): each grading process grades one model and has built
    # nothing before it, and its gc.collect() over TensorFlow's objects cost 0.3-0.5 s a check.
    try:
        model = keras.models.load_model(path, compile=False)
    except Exception as error:  # noqa: BLE001
        text = str(error)
        if "Lambda" in text:
            report.error_kind = "contract"
            report.problems = [{"code": "forbidden_layer", "message": "the model contains a Lambda layer, which the grader refuses",
                                "hint": "do that step with a built-in layer (e.g. Rescaling) or in the data pipeline"}]
            report.error_message = report.problems[0]["message"]
            return
        report.error_kind = "load_failed"
        report.error_message = f"{path.name} does not load: {type(error).__name__}: {text.strip().splitlines()[0][:300] if text.strip() else ''}"
        report.error_hint = "save with model.save('mymodel.h5') and use only built-in layers"
        return
    contract = Contract.model_validate(spec["contract"])
    facts = contract_facts(model_facts(model, path), model, contract, keras)
    if contract.require_custom_callback:
        facts.custom_callbacks = custom_callback_classes(spec.get("source", ""))
    if contract.require_source_names:
        used = source_names(spec.get("source", ""))
        facts.missing_source_names = [n for n in contract.require_source_names if n not in used]
    report.facts = facts.model_dump()
    problems = check_contract(facts, contract, stopped_early=report.stopped_early, trained=report.epochs_seen > 0)
    if problems:
        report.problems = [p.model_dump() for p in problems]
        report.error_kind = "contract"
        report.error_message = problems[0].message
        report.error_hint = problems[0].hint
        return
    try:
        x, y = heldout_split(Path(spec["heldout"]), model, spec.get("instance"))
        if spec.get("sample_seed"):
            x, y = sample_rows(x, y, spec["sample_seed"])
    except Exception as error:  # noqa: BLE001
        report.error_kind = "heldout_failed"
        report.error_message = f"the drill's held-out data failed to load: {type(error).__name__}: {error}"
        report.error_hint = "this is a bug in the drill, not your code; please report it"
        return
    try:
        predictions = predict(model, x, facts.layer_types)
        value = compute(spec["metric"], predictions, y)
    except Exception as error:  # noqa: BLE001
        text = str(error).strip().splitlines()[0][:300] if str(error).strip() else type(error).__name__
        report.error_kind = "predict_failed"
        report.error_message = f"the model cannot score the held-out data: {text}"
        report.error_hint = "check the input and output shapes the task asks for"
        return
    report.value = value
    if value != value:  # NaN
        report.error_kind = "nan_loss"
        report.error_message = "the model predicts NaN (training diverged)"
        report.error_hint = "lower the learning rate or normalise the inputs"
