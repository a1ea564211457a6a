"""The training check end to end: every bad input is a clear message and score 0, never a traceback.

Tiny solution files (a Dense(1) on 16 points, a couple of epochs) keep each run to seconds;
most of the time is TensorFlow's import in the subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from drill.check import events as ev
from drill.check.process import group_alive
from drill.check.runner import run_check
from drill.content.exercises import Contract, DrillSpec, Metric

HELDOUT = """
import numpy as np
def heldout(model):
    x = np.linspace(-2, 2, 9, dtype="float32").reshape(-1, 1)
    return x, 2.0 * x
"""

GOOD = """
import numpy as np
import tensorflow as tf

def solution_model():
    x = np.linspace(-1, 1, 16).reshape(-1, 1)
    model = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.0), loss="mse")
    model.fit(x, 2 * x, epochs=EPOCHS, verbose=0)
    model.layers[0].set_weights([np.array([[WEIGHT]]), np.array([0.0])])
    return model

if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
"""


def good(weight: float = 2.0, epochs: int = 2) -> str:
    return GOOD.replace("WEIGHT", repr(weight)).replace("EPOCHS", str(epochs))


def make_spec(tmp_path: Path, **contract) -> DrillSpec:
    folder = tmp_path / "drill"
    folder.mkdir(exist_ok=True)
    (folder / "heldout.py").write_text(HELDOUT)
    base = {"input_shape": [1], "output_shape": [1], "timeout_s": 120, "memory_mb": 3000}
    return DrillSpec(
        "tiny", None, "Tiny", "regression", Metric(name="mse", bars=[1.0, 0.1, 0.01, 1e-3, 1e-4]),
        Contract(**{**base, **contract}), 5, ("a hint",), folder / "task.md", folder / "starter.py",
        folder / "solution.py", folder / "heldout.py",
    )


def check(tmp_path: Path, code: str, events: list | None = None, **kwargs):
    spec = make_spec(tmp_path, **kwargs.pop("contract", {}))
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    solution = work / "solution.py"
    solution.write_text(textwrap.dedent(code))
    sink = events if events is not None else []
    return run_check(spec, solution, on_event=sink.append, **kwargs)


# --- refused before TensorFlow loads (fast) ---------------------------------------------------

def test_syntax_error_names_the_line(tmp_path):
    result = check(tmp_path, "def solution_model(:\n    pass\n")
    assert (result.score, result.error_kind) == (0, "syntax")
    assert "line 1" in result.error_message
    assert result.duration_s < 10


def test_missing_solution_model(tmp_path):
    result = check(tmp_path, "def build():\n    return 1\n")
    assert result.error_kind == "no_solution_model"
    assert "solution_model" in result.error_message and result.error_hint


def test_missing_solution_file_is_a_usage_error(tmp_path):
    from drill.errors import UsageError

    with pytest.raises(UsageError):
        run_check(make_spec(tmp_path), tmp_path / "nope.py")


# --- real runs (TensorFlow in the subprocess) ------------------------------------------------

@pytest.mark.slow
def test_good_solution_scores_five_and_streams_events(tmp_path):
    events: list = []
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "mymodel.h5").write_text("stale")  # a stale file must never be graded
    result = check(tmp_path, good(epochs=3), events)
    assert result.error_kind is None, result.error_message
    assert result.score == 5 and result.value == pytest.approx(0.0, abs=1e-9)
    assert [row.met for row in result.table] == [True] * 5
    assert result.epochs_seen == 3 and result.epochs_asked == 3 and not result.stopped_early
    assert result.device and result.tf_version and result.model_file == "mymodel.h5"
    kinds = [e.kind for e in events]
    assert kinds[0] == "started" and "device" in kinds and "train_end" in kinds and kinds[-1] == "phase"
    epochs = [e for e in events if isinstance(e, ev.Epoch)]
    assert epochs[-1].epoch == 3 and epochs[-1].epochs == 3 and epochs[-1].loss is not None
    assert "cuInit" not in result.output_tail  # TensorFlow's import noise is silenced
    assert CheckResultRoundTrip(result)


def CheckResultRoundTrip(result) -> bool:
    from drill.check.result import CheckResult

    return CheckResult.model_validate_json(result.model_dump_json()) == result


@pytest.mark.slow
def test_weaker_model_scores_by_bars(tmp_path):
    result = check(tmp_path, good(weight=1.9))  # mse = 0.01 * mean(x^2) = 0.01 * 15/9
    assert result.error_kind is None
    assert result.value == pytest.approx(0.01 * 15 / 9, rel=1e-3)
    assert result.score == 2
    assert [row.met for row in result.table] == [True, True, False, False, False]


@pytest.mark.slow
def test_keras_format_is_accepted(tmp_path):
    result = check(tmp_path, good().replace("mymodel.h5", "mymodel.keras"))
    assert result.score == 5 and result.model_file == "mymodel.keras"


@pytest.mark.slow
def test_import_error(tmp_path):
    result = check(tmp_path, "import tensorflow_plus_plus\n" + good())
    assert result.error_kind == "import" and "tensorflow_plus_plus" in result.error_message
    assert result.score == 0


@pytest.mark.slow
def test_solution_model_returns_a_non_model(tmp_path):
    code = """
    def solution_model():
        return 42

    if __name__ == "__main__":
        solution_model().save("mymodel.h5")
    """
    result = check(tmp_path, code)
    assert result.error_kind == "not_a_model" and "int" in result.error_message


@pytest.mark.slow
def test_wrong_input_shape(tmp_path):
    code = good().replace("Input(shape=(1,))", "Input(shape=(2,))").replace("x, 2 * x", "np.hstack([x, x]), 2 * x")
    code = code.replace("np.array([[2.0]])", "np.array([[2.0], [0.0]])")
    result = check(tmp_path, code)
    assert result.error_kind == "contract" and result.score == 0
    assert result.problems[0].code == "input_shape" and "(2,)" in result.problems[0].message
    assert "(1,)" in result.problems[0].hint


@pytest.mark.slow
def test_wrong_output_shape(tmp_path):
    code = good().replace("layers.Dense(1)", "layers.Dense(3)").replace(
        "np.array([[2.0]]), np.array([0.0])", "np.ones((1, 3)), np.zeros(3)")
    result = check(tmp_path, code)
    assert result.error_kind == "contract" and result.problems[0].code == "output_shape"
    assert "Dense(1)" in result.problems[0].hint


@pytest.mark.slow
def test_lambda_layer_in_a_nested_model(tmp_path):
    code = """
    import numpy as np
    import tensorflow as tf

    def solution_model():
        inner = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Lambda(lambda t: t * 2.0)])
        inputs = tf.keras.Input(shape=(1,))
        model = tf.keras.Model(inputs, tf.keras.layers.Dense(1)(inner(inputs)))
        model.compile(optimizer="sgd", loss="mse")
        model.fit(np.zeros((4, 1)), np.zeros((4, 1)), epochs=1, verbose=0)
        return model

    if __name__ == "__main__":
        solution_model().save("mymodel.keras")
    """
    result = check(tmp_path, code)
    assert result.error_kind == "contract" and result.score == 0
    assert any("Lambda" in p.message for p in result.problems)


@pytest.mark.slow
def test_loss_goes_nan(tmp_path):
    code = good(epochs=20).replace("learning_rate=0.0", "learning_rate=1e30").replace(
        "    model.layers[0].set_weights([np.array([[2.0]]), np.array([0.0])])\n", "")
    result = check(tmp_path, code)
    assert result.error_kind == "nan_loss" and result.score == 0
    assert "NaN" in result.error_message


@pytest.mark.slow
def test_crash_names_the_line(tmp_path):
    code = good().replace("    return model\n", "    raise ValueError('boom')\n", 1)
    result = check(tmp_path, code)
    assert result.error_kind == "crashed" and "ValueError: boom" in result.error_message
    assert "line" in result.error_message


@pytest.mark.slow
def test_no_model_file(tmp_path):
    result = check(tmp_path, good().replace('    model.save("mymodel.h5")\n', "    print(model)\n"))
    assert result.error_kind == "no_model_file" and "mymodel.h5" in result.error_hint


@pytest.mark.slow
def test_sys_exit_nonzero_and_zero(tmp_path):
    result = check(tmp_path, good().replace('    model = solution_model()\n', "    import sys; sys.exit(3)\n"))
    assert result.error_kind == "exit" and "3" in result.error_message
    result = check(tmp_path, good() + "    raise SystemExit(0)\n")
    assert result.error_kind is None and result.score == 5


@pytest.mark.slow
def test_megabytes_of_prints_are_capped(tmp_path):
    code = "import sys\nfor i in range(60000):\n    print('x' * 100, i)\n" + good()
    events: list = []
    result = check(tmp_path, code, events)
    assert result.score == 5
    assert result.output_bytes > 6_000_000
    assert len(result.output_tail) < 40_000 and "left out" in result.output_tail
    assert sum(isinstance(e, ev.Output) for e in events) <= 200


@pytest.mark.slow
def test_early_stop_requirement(tmp_path):
    stopper = good(epochs=50).replace(
        "epochs=50, verbose=0",
        "epochs=50, verbose=0, callbacks=[tf.keras.callbacks.LambdaCallback("
        "on_epoch_end=lambda e, logs: setattr(model, 'stop_training', e >= 2))]")
    result = check(tmp_path, stopper, contract={"require_early_stop": True})
    assert result.error_kind is None and result.stopped_early and result.epochs_seen == 3
    assert result.epochs_asked == 50 and result.score == 5
    result = check(tmp_path, good(), contract={"require_early_stop": True})
    assert result.error_kind == "contract" and result.problems[0].code == "early_stop"


INFINITE = """
import subprocess, tensorflow as tf
def solution_model():
    subprocess.Popen(["sleep", "600"])  # a grandchild: must not outlive the check
    while True:
        pass
"""


@pytest.mark.slow
def test_infinite_loop_hits_the_time_limit_and_leaves_nothing(tmp_path):
    events: list = []
    result = check(tmp_path, INFINITE + "if __name__ == '__main__':\n    solution_model()\n", events, timeout_s=25)
    assert result.error_kind == "timeout" and result.score == 0 and "25 s" in result.error_message
    pid = next(e.pid for e in events if isinstance(e, ev.Started))
    assert not group_alive(pid)


@pytest.mark.slow
def test_memory_hog_hits_the_memory_limit(tmp_path):
    code = """
    import time, tensorflow as tf
    def solution_model():
        hog = []
        while True:
            hog.append(b"x" * 50_000_000)
            time.sleep(0.02)

    if __name__ == "__main__":
        solution_model()
    """
    result = check(tmp_path, code, memory_mb=1500)
    assert result.error_kind == "memory" and "1500 MB" in result.error_message
    assert result.peak_memory_mb > 1500


@pytest.mark.slow
def test_cancel_ends_the_whole_group(tmp_path):
    cancel = threading.Event()
    events: list = []

    def on_event(event):
        events.append(event)
        if isinstance(event, ev.Phase) and event.name == "training":
            threading.Timer(1.0, cancel.set).start()

    spec = make_spec(tmp_path)
    (tmp_path / "work").mkdir()
    solution = tmp_path / "work" / "solution.py"
    solution.write_text(INFINITE + "if __name__ == '__main__':\n    solution_model()\n")
    result = run_check(spec, solution, on_event=on_event, cancel=cancel)
    assert result.error_kind == "cancelled" and result.score == 0
    assert not group_alive(events[0].pid)


PARENT = """
import sys
from pathlib import Path
from drill.check.runner import run_check
from drill.content.exercises import Contract, DrillSpec, Metric
folder = Path(sys.argv[1])
spec = DrillSpec("tiny", None, "Tiny", "regression", Metric(name="mse", bars=[1, .1, .01, .001, .0001]),
                 Contract(timeout_s=300), 5, (), folder / "t", folder / "s", folder / "solution.py", folder / "heldout.py")
def on_event(event):
    if event.kind == "started":
        print(event.pid, flush=True)
    if event.kind == "phase" and event.name == "training":
        print("training", flush=True)
run_check(spec, folder / "solution.py", on_event=on_event)
"""


@pytest.mark.slow
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_parent_death_leaves_no_orphan(tmp_path, how):
    import signal

    folder = tmp_path / "drill"
    folder.mkdir()
    (folder / "heldout.py").write_text(HELDOUT)
    (folder / "solution.py").write_text(INFINITE + "if __name__ == '__main__':\n    solution_model()\n")
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(folder)], stdout=subprocess.PIPE, text=True)
    pid = int(parent.stdout.readline())
    assert parent.stdout.readline().strip() == "training"
    time.sleep(1.0)
    assert group_alive(pid)
    os.kill(parent.pid, getattr(signal, how))
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while group_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not group_alive(pid), "the check's process group outlived its parent"
