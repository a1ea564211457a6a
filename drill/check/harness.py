"""The learner's process: run the learner's file as ``__main__`` and stream its training.

Started by ``drill.check.runner`` as ``python -P -u -m drill.check.harness SPEC_JSON`` in a
scratch copy of the learner's folder, in its own session (or forked by ``drill.check.warm``).
It never grades: the file it saves is graded by a separate process (``drill.check.grading``),
so nothing this process prints, writes or patches can set a score. TensorFlow is imported here
and nowhere the app process runs. Events go out as JSON lines on the fd named in the spec; they
are display only (progress, and the learner-side facts: epochs seen, early stop, crashes).
stdout and stderr belong to the learner's code.
"""

from __future__ import annotations

import ast
import json
import logging
import math
import os
import sys
import time
import traceback
import types
from pathlib import Path
from typing import Any

from drill.check import confine
from drill.check import events as ev
from drill.check.process import become_subreaper, die_with_parent

T0 = time.monotonic()


class Emitter:
    """Writes events as JSON lines on the event fd (never raises into learner code)."""

    def __init__(self, fd: int):
        self.file = os.fdopen(fd, "w", buffering=1, encoding="utf-8", closefd=True)

    def __call__(self, event: Any) -> None:
        try:
            self.file.write(event.model_dump_json() + "\n")
        except (OSError, ValueError):
            pass


class NotAModel(Exception):
    """solution_model() returned something that is not a Keras model."""


class Run:
    """What the learner's training did, gathered by the fit wrapper."""

    def __init__(self) -> None:
        self.fits = 0
        self.epochs_seen = 0
        self.epochs_asked = 0
        self.stopped_early = False
        self.nan_loss = False
        self.called = False


class quiet_stderr:
    """Point fd 2 at /dev/null for a while (TensorFlow's import and device noise is not the learner's)."""

    def __enter__(self) -> None:
        sys.stderr.flush()
        self.saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)

    def __exit__(self, *exc: object) -> None:
        os.dup2(self.saved, 2)
        os.close(self.saved)


HEAVY_IMPORTS = ("sklearn", "pandas", "matplotlib")


class _Refuse:
    """A meta-path finder that makes some top-level packages look absent for a while."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def import_tensorflow_quietly(light: bool = True):
    """Import TensorFlow silently (TF_ENABLE_ONEDNN_OPTS stays as it is: =0 makes CNNs ~3x slower).

    ``light``: Keras imports scikit-learn, pandas and matplotlib when they are installed (about
    1.2 s, for its scikit-learn wrapper, DataFrame inputs and plotting helpers); they look absent
    while Keras loads, and import normally afterwards. Pass False when the learner's files
    import any of them (then Keras sees them as usual).
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    refuse = _Refuse(HEAVY_IMPORTS)
    if light and not any(name in sys.modules for name in HEAVY_IMPORTS):
        sys.meta_path.insert(0, refuse)
    try:
        with quiet_stderr():
            import tensorflow as tf
            import keras
    finally:
        if refuse in sys.meta_path:
            sys.meta_path.remove(refuse)
    # the exam wants .h5: Keras's "HDF5 is legacy" warning on every save is noise here
    logging.getLogger("absl").addFilter(lambda record: "considered legacy" not in record.getMessage())
    return tf, keras


def device_event(tf, keras) -> ev.Device:
    """Enable GPU memory growth and name the device training will use."""
    with quiet_stderr():
        gpus = tf.config.list_physical_devices("GPU")
    for gpu in gpus:
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except (RuntimeError, ValueError):
            pass
    if gpus:
        details = tf.config.experimental.get_device_details(gpus[0])
        name = f"GPU: {details.get('device_name', gpus[0].name)}"
    else:
        name = "CPU"
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    name = f"CPU: {line.split(':', 1)[1].strip()} ({os.cpu_count()} cores)"
                    break
        except OSError:
            pass
    return ev.Device(device=name, gpu=bool(gpus), tf_version=tf.__version__, keras_version=keras.__version__)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def patch_fit(keras, emit: Emitter, run: Run):
    """Wrap ``keras.Model.fit`` so every training streams epochs; returns an undo function."""
    original = keras.Model.fit

    class Progress(keras.callbacks.Callback):
        def __init__(self, fit_no: int, epochs: int, initial: int):
            super().__init__()
            self.fit_no, self.epochs, self.initial = fit_no, epochs, initial
            self.seen = 0
            self.start = time.monotonic()
            self.last = 0.0
            self.nan_stop = False
            self.epoch = initial

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch + 1

        def on_train_batch_end(self, batch, logs=None):
            now = time.monotonic()
            if now - self.last >= 0.5:
                self.last = now
                steps = self.params.get("steps") if isinstance(self.params, dict) else None
                emit(ev.Batch(fit=self.fit_no, epoch=self.epoch, epochs=self.epochs, step=batch + 1, steps=steps,
                              loss=_number((logs or {}).get("loss")), elapsed_s=now - T0))

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            self.seen += 1
            run.epochs_seen += 1
            loss = _number(logs.get("loss"))
            metrics = {k: v for k, v in ((k, _number(v)) for k, v in logs.items() if k != "loss") if v is not None}
            now = time.monotonic()
            if loss is not None and not math.isfinite(loss):
                run.nan_loss = self.nan_stop = True
                self.model.stop_training = True
            if now - self.last >= 0.1 or epoch + 1 >= self.epochs or self.seen == 1 or self.nan_stop or self.model.stop_training:
                self.last = now
                emit(ev.Epoch(fit=self.fit_no, epoch=epoch + 1, epochs=self.epochs, loss=loss, metrics=metrics, elapsed_s=now - T0))

        def on_train_end(self, logs=None):
            asked = self.epochs - self.initial
            early = self.seen < asked and not self.nan_stop
            run.stopped_early = early
            emit(ev.TrainEnd(fit=self.fit_no, epochs_seen=self.seen, epochs_asked=asked, stopped_early=early, nan_loss=self.nan_stop))

    def fit(self, *args, **kwargs):
        epochs = kwargs.get("epochs", args[3] if len(args) > 3 else 1)
        initial = kwargs.get("initial_epoch", 0)
        run.fits += 1
        try:
            epochs, initial = int(epochs), int(initial)
        except (TypeError, ValueError):
            return original(self, *args, **kwargs)
        run.epochs_asked += epochs - initial
        progress = Progress(run.fits, epochs, initial)
        if len(args) > 5:  # callbacks given positionally (x, y, batch_size, epochs, verbose, callbacks)
            args = list(args)
            args[5] = [*(args[5] or []), progress]
        else:
            kwargs["callbacks"] = [*(kwargs.get("callbacks") or []), progress]
        return original(self, *args, **kwargs)

    keras.Model.fit = fit
    return lambda: setattr(keras.Model, "fit", original)


def defines_solution_model(tree: ast.Module) -> bool:
    """Whether the module binds the name ``solution_model`` at top level (in any way)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "solution_model":
            return True
        if isinstance(node, ast.Name) and node.id == "solution_model" and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name) == "solution_model":
            return True
    return False


def wrap_solution_model(tree: ast.Module) -> ast.Module:
    """After each top-level ``def solution_model``, rebind it to ``__drill_wrap__(solution_model)``."""
    body: list[ast.stmt] = []
    for node in tree.body:
        body.append(node)
        if isinstance(node, ast.FunctionDef) and node.name == "solution_model":
            wrap = ast.parse("solution_model = __drill_wrap__(solution_model)").body[0]
            body.append(ast.copy_location(wrap, node))
    tree.body = body
    return ast.fix_missing_locations(tree)


def _learner_line(error: BaseException, path: str) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == path]
    if frames:
        f = frames[-1]
        return f" (line {f.lineno}: {(f.line or '').strip()})"
    return ""


def parse_learner(path: Path) -> tuple[ast.Module | None, tuple[str, str, str] | None]:
    """Parse the learner's file before TensorFlow loads: syntax errors and a missing
    ``solution_model`` are reported in a blink. Returns (tree, None) or (None, error)."""
    try:
        source = path.read_bytes()
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        line = f"line {error.lineno}" + (f", column {error.offset}" if error.offset else "")
        return None, ("syntax", f"syntax error at {line}: {error.msg}", "fix that line; `python -m py_compile FILE` finds these without training")
    except (OSError, ValueError) as error:
        return None, ("crashed", f"cannot read {path.name}: {error}", "")
    if not defines_solution_model(tree):
        return None, ("no_solution_model", "the file defines no solution_model()", "define `def solution_model():` that builds, trains and returns the model")
    return tree, None


def run_learner(path: Path, tree: ast.Module, keras, run: Run) -> tuple[str | None, str, str]:
    """Run the learner's file as ``__main__``; return (error kind, message, hint)."""
    code = compile(wrap_solution_model(tree), str(path), "exec")

    def wrap(func):
        def solution_model(*args, **kwargs):
            run.called = True
            model = func(*args, **kwargs)
            if not isinstance(model, keras.Model):
                raise NotAModel(f"solution_model() returned {type(model).__name__}, not a trained Keras model")
            return model

        return solution_model

    module = types.ModuleType("__main__")
    module.__dict__.update(__file__=str(path), __builtins__=__builtins__, __drill_wrap__=wrap)
    saved_main, saved_argv = sys.modules["__main__"], sys.argv
    sys.modules["__main__"], sys.argv = module, [str(path)]
    sys.path.insert(0, str(path.parent))
    try:
        exec(code, module.__dict__)
    except SystemExit as error:
        if error.code not in (None, 0):
            return "exit", f"your file called sys.exit({error.code!r})", "let the file end normally after saving the model"
    except NotAModel as error:
        return "not_a_model", str(error), "return the model object at the end of solution_model()"
    except (ImportError, ModuleNotFoundError) as error:
        return "import", f"import failed: {error}{_learner_line(error, str(path))}", "check the module name; only installed packages can be imported"
    except MemoryError as error:
        return "memory", f"ran out of memory{_learner_line(error, str(path))}", "use a smaller model or batch size"
    except BaseException as error:  # noqa: BLE001 - anything the learner's code raises is reported, never a traceback
        if run.nan_loss:
            return "nan_loss", "the loss became NaN during training", "lower the learning rate or normalise the inputs"
        message = f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"
        hint = "read the error above and the line it points at"
        if "shape" in str(error).lower():
            hint = "a shape does not match: check input_shape and what fit() receives"
        return "crashed", f"your code raised {message[:400]}{_learner_line(error, str(path))}", hint
    finally:
        sys.modules["__main__"], sys.argv = saved_main, saved_argv
    if "solution_model" not in module.__dict__:
        return "no_solution_model", "the file defines no solution_model()", "define `def solution_model():` at the top level"
    if run.nan_loss:
        return "nan_loss", "the loss became NaN during training, so the model predicts nothing useful", "lower the learning rate or normalise the inputs"
    return None, "", ""


def imports_heavy(folder: Path) -> bool:
    """Whether any .py file in ``folder`` imports scikit-learn, pandas or matplotlib."""
    for file in folder.glob("*.py"):
        try:
            tree = ast.parse(file.read_bytes())
        except (OSError, SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in HEAVY_IMPORTS for n in names):
                return True
    return False


def end_descendants() -> None:
    """Kill every process the learner's code left behind. This process is a subreaper, so even
    one that double-forked and called ``setsid`` is still a descendant here."""
    from drill.check.process import process_table

    me = os.getpid()
    for _ in range(5):
        table = process_table()
        found, todo = set(), [me]
        while todo:
            parent = todo.pop()
            for proc in table.values():
                if proc.ppid == parent and proc.pid not in found:
                    found.add(proc.pid)
                    todo.append(proc.pid)
        alive = [pid for pid in found if not table[pid].zombie]
        if not alive:
            return
        for pid in alive:
            try:
                os.kill(pid, 9)
            except OSError:
                pass
        for pid in found:  # reap what was ours
            try:
                os.waitpid(pid, os.WNOHANG)
            except OSError:
                pass
        time.sleep(0.02)


def run(spec: dict[str, Any], emit: Emitter, tf: Any = None, keras: Any = None) -> None:
    """Run the learner's file and emit what happened; ``tf``/``keras`` are given when already imported."""
    path = Path(spec["solution"]).resolve()
    tree, error = parse_learner(path)
    if error is not None:
        emit(ev.Report(error_kind=error[0], error_message=error[1], error_hint=error[2]))
        return
    emit(ev.Phase(name="importing", elapsed_s=time.monotonic() - T0))
    if tf is None:
        tf, keras = import_tensorflow_quietly(light=not imports_heavy(path.parent))
    emit(device_event(tf, keras))
    run = Run()
    patch_fit(keras, emit, run)
    emit(ev.Phase(name="training", elapsed_s=time.monotonic() - T0))
    kind, message, hint = run_learner(path, tree, keras, run)
    emit(ev.Report(error_kind=kind, error_message=message, error_hint=hint, epochs_seen=run.epochs_seen,
                   epochs_asked=run.epochs_asked, stopped_early=run.stopped_early, nan_loss=run.nan_loss))


def sandbox_failed(error: Exception) -> ev.Report:
    """The report when the namespace was entered but not finished: the learner's code never runs."""
    return ev.Report(error_kind="internal", error_message=f"the check's sandbox could not be set up ({error}); your code did not run",
                     error_hint=f"run checks without it: {confine.ENV_SWITCH}=0 drill ... (and please report this)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    spec = json.loads(argv[0])
    try:  # first, while this process has one thread; with a PID namespace only its child returns
        level = confine.enter(spec.get("confine"))
    except confine.SetupError as error:
        Emitter(spec["events_fd"])(sandbox_failed(error))
        os._exit(0)
    if level != confine.NAMESPACE:  # PID 1 of a namespace has no parent to watch: its parent's death kills it
        die_with_parent(spec["parent_pid"])
    become_subreaper()  # a double-forked daemon of the learner's stays this process's descendant
    emit = Emitter(spec["events_fd"])
    run(spec, emit)
    sys.stdout.flush()
    sys.stderr.flush()
    end_descendants()
    os._exit(0)  # skip TensorFlow's slow (and sometimes noisy) teardown


if __name__ == "__main__":
    sys.exit(main())
