"""The build stage of the fast lane (``drill.check.fastlane``): build the model, train nothing.

Run as ``python -P -m drill.check.fastlane_child JSON`` in the attempt's folder, in its own
process group. It imports the learner's file as a module (its ``__main__`` block, which saves
the model, does not run), replaces ``keras.Model.fit`` with a no-op that notes the shape of
the data it was given, calls ``solution_model()`` and compares the model with the contract.
One JSON line ``{"problems": [...]}`` goes to the fd named in the spec.
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


def main(payload: str) -> int:
    spec = json.loads(payload)
    out = os.fdopen(spec["out_fd"], "w", encoding="utf-8")
    contract = spec["contract"]
    problems: list[dict] = []
    stderr = os.dup(2)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # TensorFlow's import noise is not the learner's
    try:
        import keras
        import numpy as np
    finally:
        os.dup2(stderr, 2)
    seen: dict = {}

    def no_fit(self, x=None, y=None, *args, **kwargs):
        if "x" not in seen and x is not None:
            shape = getattr(x, "shape", None)
            if shape is None and hasattr(x, "element_spec"):  # a tf.data.Dataset of (x, y) batches
                element = x.element_spec
                first = element[0] if isinstance(element, tuple) else element
                shape = getattr(first, "shape", None)
            if shape is None and isinstance(x, (list, tuple)) and x and not isinstance(x[0], str):
                shape = np.asarray(x).shape
            if shape is not None:
                seen["x"] = [None if d is None else int(d) for d in tuple(shape)]
        return keras.callbacks.History()

    keras.Model.fit = no_fit
    sys.path.insert(0, os.getcwd())
    module_spec = importlib.util.spec_from_file_location("solution", spec["solution"])
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    model = module.solution_model()
    if not isinstance(model, keras.Model):
        problems.append({"code": "not_a_model", "message": f"solution_model() returned {type(model).__name__}, not a Keras model",
                         "hint": "end solution_model() with: return model"})
    else:
        wanted_in, wanted_out = contract.get("input_shape") or [], contract.get("output_shape") or []
        found_in = _dims(model.inputs[0].shape) if model.inputs else []
        if wanted_in and _differs(found_in, wanted_in):
            problems.append({"code": "input_shape", "message": f"the model's input shape is {_show(found_in)}; the task feeds {_show(wanted_in)}",
                             "hint": "make the first layer's shape match one example of the task's data"})
        found_out = _dims(model.outputs[0].shape) if model.outputs else []
        if wanted_out and _differs(found_out, wanted_out):
            problems.append({"code": "output_shape", "message": f"the model's output shape is {_show(found_out)}; the grader expects {_show(wanted_out)}",
                             "hint": "the last layer's units must match the task (one per class, 1 for a number)"})
        if "x" in seen and found_in and _differs(seen["x"][1:], [d or 0 for d in found_in]) and len(seen["x"]) > 1:
            problems.append({"code": "input_shape", "message": f"fit() gets data of shape {_show(seen['x'][1:])} per example but the model "
                             f"takes {_show(found_in)}", "hint": "reshape the data or change the first layer"})
        names = {layer.__class__.__name__ for layer in model._flatten_layers(include_self=False)}
        for name in sorted(names & set(contract.get("forbid_layers") or [])):
            problems.append({"code": "forbidden_layer", "message": f"the model contains a {name} layer, which the grader refuses",
                             "hint": "do that step with a built-in layer (e.g. Rescaling) or in the data pipeline"})
    out.write(json.dumps({"problems": problems}) + "\n")
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
