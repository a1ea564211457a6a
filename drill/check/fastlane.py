"""The fast lane of watch mode: tell about mistakes before a full training run starts.

Two stages, both without training:

1. **static** (this process, milliseconds, nothing of the learner's runs): the file parses,
   defines ``solution_model``, imports only installed modules, has no forbidden layer
   (Lambda) and, where the file writes the model's input shape as a literal
   (``Input(shape=(…))`` or ``input_shape=…``), that shape is the task's.
2. **build** (``drill.check.fastlane_child`` in its own session, in a scratch copy of the
   learner's folder with the learner's scrubbed environment and temp HOME, as a check's
   learner process runs): the file's ``solution_model()`` runs with ``Model.fit`` replaced by
   a no-op, and the model it returns is compared with the contract (input and output shapes,
   forbidden layers) and with the data handed to ``fit``. Where the warm worker runs
   (``drill.check.warm``: the app, ``drill watch``) the process is forked from it with
   TensorFlow already loaded, and costs only what the file does before fit (a fraction of a
   second for most drills); cold, TensorFlow's import comes first (10-16 s on a busy 2-core
   machine). While the warm worker is still starting, the build waits for it rather than
   import TensorFlow a second time beside it.

The full check (``drill.check.runner.run_check``) follows when both pass.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from drill.check.contract import Problem
from drill.check import confine
from drill.check.launch import Launched, Scratch, spawn_learner_side
from drill.check.process import CheckTree, track, untrack

BUILD_TIMEOUT_S = 120.0


@dataclass
class FastResult:
    """What the fast lane found; ``ok`` when the full check may start."""

    stage: str  # "static" or "build": the last stage that ran
    problems: list[Problem] = field(default_factory=list)
    duration_s: float = 0.0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _literal_shape(node: ast.AST) -> list[int] | None:
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None
    if isinstance(value, int):
        value = (value,)
    if isinstance(value, (list, tuple)) and all(v is None or isinstance(v, int) for v in value):
        return [0 if v is None else v for v in value]
    return None


def _shape_differs(found: list[int], wanted: list[int]) -> bool:
    return len(found) != len(wanted) or any(f and w and f != w for f, w in zip(found, wanted))


def _first_input_shape(tree: ast.AST) -> tuple[list[int], int] | None:
    """The first literal input shape written in the code (and its line), if any."""
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
    for call in calls:
        if _call_name(call) in ("Input", "InputLayer"):
            arg = next((k.value for k in call.keywords if k.arg in ("shape", "input_shape")), call.args[0] if call.args else None)
        else:
            arg = next((k.value for k in call.keywords if k.arg == "input_shape"), None)
        if arg is not None:
            shape = _literal_shape(arg)
            if shape is not None:
                return shape, call.lineno
    return None


def _local_module(name: str, folder: Path | None) -> bool:
    """A helper module next to the learner's file (``import helpers``) is no missing package."""
    return folder is not None and ((folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file())


def static_problems(source: str, contract, folder: Path | None = None) -> list[Problem]:
    """Mistakes visible in the text of the file (no code of it runs); ``folder`` holds the file."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        where = f"line {error.lineno}" + (f", column {error.offset}" if error.offset else "")
        text = (error.text or "").strip()[:100]
        return [Problem(code="syntax", message=f"syntax error at {where}: {error.msg}" + (f" in `{text}`" if text else ""),
                        hint="look for a missing bracket, colon or quote on that line or the one before")]
    problems: list[Problem] = []
    functions = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    if "solution_model" not in functions:
        problems.append(Problem(code="no_solution_model", message="the file defines no solution_model() at the top level",
                                hint="def solution_model(): … build, compile, fit and return the model"))
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
        for name in names:
            top = name.split(".")[0]
            if top not in sys.builtin_module_names and not _local_module(top, folder) and importlib.util.find_spec(top) is None:
                problems.append(Problem(code="import", message=f"line {node.lineno}: no module named {top!r} is installed",
                                        hint="the exam environment has tensorflow, numpy and the standard library"))
    forbidden = set(contract.forbid_layers)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in forbidden:
            problems.append(Problem(code="forbidden_layer", message=f"line {node.lineno}: a {_call_name(node)} layer, which the grader refuses",
                                    hint="do that step with a built-in layer (e.g. Rescaling) or in the data pipeline"))
    found = _first_input_shape(tree)
    if found and contract.input_shape and _shape_differs(found[0], contract.input_shape):
        problems.append(Problem(code="input_shape", message=f"line {found[1]}: the model's input shape is {_show(found[0])}; "
                                f"the task feeds {_show(contract.input_shape)}",
                                hint="make the first layer's shape match one example of the task's data"))
    return problems


def _show(shape: list[int]) -> str:
    return "(" + ", ".join("any" if d == 0 else str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def run_fastlane(spec, solution: Path | str, *, cancel: threading.Event | None = None, build: bool = True,
                 timeout_s: float = BUILD_TIMEOUT_S, builder: Builder | None = None) -> FastResult:
    """Run the fast lane on ``solution`` for ``spec`` (a DrillSpec); never raises for the learner's code."""
    t0 = time.monotonic()
    path = Path(solution).resolve()
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return FastResult("static", [Problem(code="read", message=f"cannot read {path.name}: {error}")], time.monotonic() - t0)
    problems = static_problems(source, spec.contract, path.parent)
    if problems or not build:
        return FastResult("static", problems, round(time.monotonic() - t0, 3))
    problems, cancelled = _build(path, spec.contract, cancel, timeout_s, builder)
    return FastResult("build", problems, round(time.monotonic() - t0, 3), cancelled)


def _read_all(fd: int, chunks: list[bytes]) -> None:
    try:
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
    finally:
        os.close(fd)


class Builder:
    """Starts the build stage's process; ``drill.check.warm.WarmPool`` forks it instead."""

    def fastlane(self, scratch: Scratch, solution: Path, contract: dict) -> Launched:
        return cold_build(scratch, solution, contract)


COLD = Builder()
# the warm worker, once ready (waiting while it starts), else None: replaced by drill.check.warm
_default_builder: Callable[[threading.Event | None], Builder | None] = lambda cancel: None  # noqa: E731


def cold_build(scratch: Scratch, solution: Path, contract: dict) -> Launched:
    """Start ``python -P -m drill.check.fastlane_child`` (TensorFlow's import first)."""
    request = {"solution": str(solution), "contract": contract, "confine": scratch.confine}
    return spawn_learner_side("drill.check.fastlane_child", scratch, request, "out_fd")


def _build(path: Path, contract, cancel: threading.Event | None, timeout_s: float,
           builder: Builder | None = None) -> tuple[list[Problem], bool]:
    """Run the build stage in a scratch copy of the learner's folder, as a check's learner runs."""
    if builder is None:
        builder = _default_builder(cancel) or COLD
    if cancel is not None and cancel.is_set():
        return [], True
    scratch = Scratch.create()
    scratch.confine = confine.plan(scratch.root)  # the learner's code runs here too: its data folder is hidden
    try:
        solution = scratch.copy_in(path)
        launched = builder.fastlane(scratch, solution, contract.model_dump())
        return _follow(launched, scratch, cancel, timeout_s)
    finally:
        scratch.remove()


def _follow(launched: Launched, scratch: Scratch, cancel: threading.Event | None, timeout_s: float) -> tuple[list[Problem], bool]:
    tree = CheckTree(launched.pid, marker=scratch.marker)
    track(tree)
    output: list[bytes] = []
    answer: list[bytes] = []
    readers = [threading.Thread(target=_read_all, args=(fd, chunks), daemon=True)
               for fd, chunks in ((launched.out_fd, output), (launched.events_fd, answer))]
    for reader in readers:
        reader.start()
    end = time.monotonic() + timeout_s
    cancelled = timed_out = False
    try:
        while launched.poll() is None and readers[1].is_alive():
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            if time.monotonic() > end:
                timed_out = True
                break
            time.sleep(0.02)
    finally:
        tree.kill()
        if launched.popen is not None:
            launched.popen.wait()
        untrack(tree)
    for reader in readers:
        reader.join(timeout=2)
    if cancelled:
        return [], True
    raw = b"".join(answer).strip()
    if not raw:
        if timed_out:
            return [Problem(code="timeout", message=f"building the model took more than {timeout_s:g} s",
                            hint="the fast lane skips fit(); look for slow data loading before it")], False
        tail = b"".join(output).decode("utf-8", "replace").strip().splitlines()[-1:] or ["(no output)"]
        return [Problem(code="crashed", message=f"solution_model() failed before training: {tail[0][:300]}",
                        hint="run the file with python to see the whole traceback")], False
    report = json.loads(raw)
    if "problems" not in report:  # the warm child's sandbox setup failed (it wrote a learner Report): nothing ran
        return [Problem(code="crashed", message=report.get("error_message") or "the build stage did not start",
                        hint=report.get("error_hint") or "")], False
    return [Problem.model_validate(p) for p in report.get("problems", [])], False
