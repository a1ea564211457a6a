"""The build stage of the fast lane (``drill.check.fastlane``): build the model, train nothing.

Runs in a scratch copy of the learner's folder with the learner's scrubbed environment (as a
check's learner process does), in its own session: either forked by the warm worker
(``drill.check.warm_server``, TensorFlow already imported: well under a second) or cold as
``python -P -m drill.check.fastlane_child JSON`` (TensorFlow's import first: several seconds).
It imports the learner's file as a module (its ``__main__`` block, which saves the model, does
not run), replaces ``keras.Model.fit`` with a no-op that notes the shape of the data it was
given, calls ``solution_model()`` and compares the model with the contract. One JSON line
``{"problems": [...]}`` goes to the fd it is given; whatever the learner's code raises becomes
a problem there too (never a bare traceback).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys


def _dims(shape) -> list:
    return [None if d is None else int(d) for d in tuple(shape)[1:]]


def _differs(found: list, wanted: list[int]) -> bool:
    return len(found) != len(wanted) or any(f is not None and w and f != w for f, w in zip(found, wanted))


def _show(dims) -> str:
    return "(" + ", ".join("any" if not d else str(d) for d in dims) + ("," if len(dims) == 1 else "") + ")"


def _shape_of(x, np) -> list | None:
    shape = getattr(x, "shape", None)
    if shape is None and hasattr(x, "element_spec"):  # a tf.data.Dataset of (x, y) batches
        element = x.element_spec
        first = element[0] if isinstance(element, tuple) else element
        shape = getattr(first, "shape", None)
    if shape is None and isinstance(x, (list, tuple)) and x and not isinstance(x[0], str):
        try:
            shape = np.asarray(x).shape
        except ValueError:  # ragged lists: no single shape to compare
            return None
    try:
        return None if shape is None else [None if d is None else int(d) for d in tuple(shape)]
    except TypeError:  # an unknown rank
        return None


def _model_dims(tensors) -> list:
    try:
        return _dims(tensors[0].shape) if tensors else []
    except (AttributeError, ValueError, TypeError):
        return []


def compare(model, contract: dict, seen: dict, keras) -> list[dict]:
    """What the built model does not fit of the contract (and of the data fit() was given)."""
    if not isinstance(model, keras.Model):
        return [{"code": "not_a_model", "message": f"solution_model() returned {type(model).__name__}, not a Keras model",
                 "hint": "end solution_model() with: return model"}]
    problems: list[dict] = []
    try:  # a Sequential without an input shape is never built when fit() does nothing: no shapes to compare
        inputs, outputs = model.inputs, model.outputs
    except (AttributeError, ValueError):
        inputs, outputs = [], []
    wanted_in, wanted_out = contract.get("input_shape") or [], contract.get("output_shape") or []
    found_in, found_out = _model_dims(inputs), _model_dims(outputs)
    if wanted_in and found_in and _differs(found_in, wanted_in):
        problems.append({"code": "input_shape", "message": f"the model's input shape is {_show(found_in)}; the task feeds {_show(wanted_in)}",
                         "hint": "make the first layer's shape match one example of the task's data"})
    if wanted_out and found_out and _differs(found_out, wanted_out):
        problems.append({"code": "output_shape", "message": f"the model's output shape is {_show(found_out)}; the grader expects {_show(wanted_out)}",
                         "hint": "the last layer's units must match the task (one per class, 1 for a number)"})
    if "x" in seen and found_in and len(seen["x"]) > 1 and _differs(seen["x"][1:], [d or 0 for d in found_in]):
        problems.append({"code": "input_shape", "message": f"fit() gets data of shape {_show(seen['x'][1:])} per example but the model "
                         f"takes {_show(found_in)}", "hint": "reshape the data or change the first layer"})
    names = {layer.__class__.__name__ for layer in model._flatten_layers(include_self=False)}
    for name in sorted(names & set(contract.get("forbid_layers") or [])):
        problems.append({"code": "forbidden_layer", "message": f"the model contains a {name} layer, which the grader refuses",
                         "hint": "do that step with a built-in layer (e.g. Rescaling) or in the data pipeline"})
    return problems


def build(solution: str, contract: dict, keras, np) -> list[dict]:
    """Import the learner's file, call ``solution_model()`` with fit() a no-op, compare."""
    from drill.check.harness import _learner_line

    seen: dict = {}

    def no_fit(self, x=None, y=None, *args, **kwargs):
        if "x" not in seen and x is not None:
            shape = _shape_of(x, np)
            if shape is not None:
                seen["x"] = shape
        return keras.callbacks.History()

    keras.Model.fit = no_fit
    sys.path.insert(0, os.path.dirname(solution))
    try:
        module_spec = importlib.util.spec_from_file_location("solution", solution)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        model = module.solution_model()
    except SystemExit as error:
        return [{"code": "exit", "message": f"the file called sys.exit({error.code!r}) before training",
                 "hint": "let the file end normally after saving the model"}]
    except BaseException as error:  # noqa: BLE001 - the learner's error is the report, never a traceback
        text = str(error).strip().splitlines()[0] if str(error).strip() else ""
        hint = ("a shape does not match: check the first layer's shape and what fit() receives" if "shape" in text.lower()
                else "read the error and the line it points at")
        return [{"code": "crashed", "message": f"solution_model() failed before training: {type(error).__name__}: {text[:300]}"
                 f"{_learner_line(error, solution)}", "hint": hint}]
    return compare(model, contract, seen, keras)


def report(out_fd: int, problems: list[dict]) -> None:
    with os.fdopen(out_fd, "w", encoding="utf-8") as out:
        out.write(json.dumps({"problems": problems}) + "\n")


def main(payload: str) -> int:
    """The cold start: import Keras quietly (as the warm worker does), then build."""
    spec = json.loads(payload)
    from pathlib import Path

    from drill.check import confine

    try:  # first, with one thread: the data folder hidden as in a check's learner process
        confine.enter(spec.get("confine"))
    except confine.SetupError as error:
        sys.stderr.write(f"drill: the check's sandbox could not be set up ({error}); your code did not run\n")
        os._exit(confine.SETUP_FAILED)

    from drill.check.harness import import_tensorflow_quietly, imports_heavy

    _tf, keras = import_tensorflow_quietly(light=not imports_heavy(Path(spec["solution"]).parent))
    import numpy as np

    report(spec["out_fd"], build(spec["solution"], spec["contract"], keras, np))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip TensorFlow's slow teardown


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
