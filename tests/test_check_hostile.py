"""Hostile and careless submissions: a learner's file cannot harm the data, touch the score, read
held-out data, leave processes behind or dodge the limits (issue 12, items 1-3).

Each test here fails on the single-process check this replaced: it ran the learner's file in
the grader's interpreter, with DRILL_HOME in its environment and its folder inside the data
folder, summed resident pages over a process group and killed only that group.
"""

from __future__ import annotations

import os
import re
import textwrap
import time
from pathlib import Path

import pytest

from drill.check.runner import check_limits, run_check
from drill.content.exercises import Contract, DrillSpec, Metric
from drill.errors import UsageError
from test_check_runner import HELDOUT, good


def make_spec(tmp_path: Path, **contract) -> DrillSpec:
    folder = tmp_path / "drill"
    folder.mkdir(exist_ok=True)
    (folder / "heldout.py").write_text(HELDOUT)
    base = {"input_shape": [1], "output_shape": [1], "timeout_s": 120, "memory_mb": 3000}
    return DrillSpec("tiny", None, "Tiny", "regression", Metric(name="mse", bars=[1.0, 0.1, 0.01, 1e-3, 1e-4]),
                     Contract(**{**base, **contract}), 5, ("a hint",), folder / "task.md", folder / "starter.py",
                     folder / "solution.py", folder / "heldout.py")


def in_workspace(drill_home: Path, code: str) -> Path:
    """A solution file where attempts used to keep them: inside the data folder."""
    workspace = drill_home / "workspaces" / "tiny" / "a1"
    workspace.mkdir(parents=True)
    (workspace / "solution.py").write_text(textwrap.dedent(code))
    return workspace / "solution.py"


def pid_alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:].split()[0] not in (b"Z", b"X")


# --- limits are validated (fast) ---------------------------------------------------------------

@pytest.mark.parametrize("timeout, memory", [(float("nan"), None), (float("inf"), None), (-1, None), (0, None),
                                             (None, float("nan")), (None, 0), (None, 10.5)])
def test_limits_must_be_finite_and_positive(tmp_path, timeout, memory):
    with pytest.raises(UsageError):
        check_limits(timeout, memory, make_spec(tmp_path))


def test_cli_refuses_timeout_nan_with_exit_2(tmp_path, capsys):
    from drill.cli import main

    solution = tmp_path / "solution.py"
    solution.write_text("def solution_model(:\n")  # whatever ran, it would end fast
    assert main(["check", "linear-dense", str(solution), "--timeout", "nan"]) == 2
    err = capsys.readouterr().err
    assert "time limit" in err and "nan" in err


# --- the learner's process and the data folder -----------------------------------------------

WIPE = good() + """
import os, shutil
from pathlib import Path
print("SEEN", sorted(k for k in os.environ if k.upper().startswith("DRILL")), os.getcwd(), os.environ.get("HOME"))
home = os.environ.get("DRILL_HOME")
if home:
    shutil.rmtree(home, ignore_errors=True)
for folder in [Path.cwd(), *Path.cwd().parents, *Path(__file__).resolve().parents]:
    if (folder / "drill.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
"""


@pytest.mark.slow
def test_a_submission_cannot_delete_the_data_folder(tmp_path, drill_home):
    (drill_home / "drill.json").write_text("{}")
    (drill_home / "backups").mkdir()
    solution = in_workspace(drill_home, WIPE)
    result = run_check(make_spec(tmp_path), solution)
    assert (drill_home / "drill.json").exists() and (drill_home / "backups").is_dir()
    seen = re.search(r"SEEN \[(.*?)\] (\S+) (\S+)", result.output_tail)
    assert seen and seen.group(1) == "", "no DRILL_* setting reaches the learner's process"
    assert not Path(seen.group(2)).is_relative_to(drill_home) and not Path(seen.group(3)).is_relative_to(drill_home)
    assert Path(seen.group(3)) != Path.home()
    assert result.score == 5 and (solution.parent / "mymodel.h5").is_file()  # the model is copied back


# --- nothing the learner's process does can set the score --------------------------------------

FORGE = """
import json, os
from drill.check import events as ev

def solution_model():
    raise SystemExit(0)

if __name__ == "__main__":
    forged = ev.Report(value=0.0).model_dump_json() + "\\n"
    for fd in range(3, 64):  # every pipe this process holds, the event pipe among them
        try:
            os.write(fd, forged.encode())
        except OSError:
            pass
    os._exit(0)
"""


@pytest.mark.slow
def test_a_forged_report_sets_no_score(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "solution.py").write_text(textwrap.dedent(FORGE))
    result = run_check(make_spec(tmp_path), work / "solution.py")
    assert result.score == 0 and result.value is None
    assert result.error_kind == "no_model_file"


PATCH_METRIC = good(weight=0.0) + """
import drill.check.metrics as metrics, drill.check.grader as grader
metrics.compute = lambda *args, **kwargs: 0.0
grader.compute = metrics.compute
"""


@pytest.mark.slow
def test_patching_the_metric_changes_nothing(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "solution.py").write_text(textwrap.dedent(PATCH_METRIC))
    result = run_check(make_spec(tmp_path), work / "solution.py")
    assert result.error_kind is None
    assert result.value == pytest.approx(4 * 15 / 9, rel=1e-3)  # mse of predicting 0 for 2x on the grid
    assert result.score == 0


READ_HELDOUT = good() + """
import os, sys
reached = []
for name in ("drill.data._heldout", "drill_heldout"):
    try:
        __import__(name)
        reached.append(name)
    except ImportError:
        pass
from drill.data import series, text
reached += [f"{m.__name__}.{n}" for m in (series, text) for n in dir(m) if n.startswith("_heldout")]
if b"heldout" in open("/proc/self/cmdline", "rb").read():
    reached.append("cmdline")
reached += [k for k, v in os.environ.items() if "heldout" in v or "exercises" in v]
reached += [p for p in sys.path if Path(p, "_grader").exists() or Path(p, "drill_heldout.py").exists()]
print("REACHED", reached)
"""


@pytest.mark.slow
def test_held_out_data_is_not_reachable_by_import_args_or_env(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "solution.py").write_text(textwrap.dedent(READ_HELDOUT.replace("import os, sys", "import os, sys\nfrom pathlib import Path")))
    result = run_check(make_spec(tmp_path), work / "solution.py")
    assert "REACHED []" in result.output_tail, result.output_tail[-2000:]
    assert result.score == 5


# --- every process is ended; memory is the real footprint -------------------------------------

LEAVE_BEHIND = """
import os, subprocess, sys, time

def solution_model():
    raise SystemExit(0)

if __name__ == "__main__":
    kept = subprocess.Popen(["sleep", MARK], start_new_session=True)
    print("CHILD", kept.pid, flush=True)
    # a daemon: fork, setsid, fork again, then exec with an empty environment
    reader, writer = os.pipe()
    if os.fork() == 0:
        os.setsid()
        pid = os.fork()
        if pid:
            os.write(writer, str(pid).encode())
            os._exit(0)
        os.execve("/bin/sleep", ["sleep", MARK], {})
    print("DAEMON", int(os.read(reader, 32)), flush=True)
    time.sleep(EXIT_AFTER)
"""


def sleeps_marked(mark: str) -> list[int]:
    """Host PIDs of the ``sleep MARK`` processes still alive. The learner's code may run in its
    own PID namespace, where the PIDs it prints mean other processes out here, so the test finds
    them by their unique argument, never by the numbers it was told."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if f.read().split(b"\0")[:2] == [b"sleep", mark.encode()]:
                        found.append(int(entry))
            except OSError:
                continue
    return found


@pytest.mark.slow
@pytest.mark.parametrize("exit_after, timeout", [(0.0, 300), (600.0, 90)])
def test_children_that_left_the_session_do_not_outlive_the_check(tmp_path, exit_after, timeout):
    work = tmp_path / "work"
    work.mkdir()
    mark = f"600.{os.getpid()}{time.monotonic_ns() % 10**6}"  # a sleep no one else runs
    code = LEAVE_BEHIND.replace("EXIT_AFTER", repr(exit_after)).replace("MARK", repr(mark))
    (work / "solution.py").write_text(textwrap.dedent(code))
    result = run_check(make_spec(tmp_path), work / "solution.py", timeout_s=timeout)
    pids = [int(p) for p in re.findall(r"(?:CHILD|DAEMON) (\d+)", result.output_tail)]
    assert len(pids) == 2, result.output_tail[-2000:]  # both were started
    time.sleep(0.5)
    left = sleeps_marked(mark)
    for pid in left:
        os.kill(pid, 9)
    assert not left, f"left running: {left}"


POOL = """
import multiprocessing, time
import numpy as np
import tensorflow as tf

def slow_square(v):
    time.sleep(3.0)  # long enough for several memory readings with every worker alive
    return v * v

def solution_model():
    with multiprocessing.get_context("fork").Pool(4) as pool:
        squares = pool.map(slow_square, range(4))
    assert squares == [0, 1, 4, 9]
    x = np.linspace(-1, 1, 16).reshape(-1, 1)
    model = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mean_squared_error")
    model.fit(x, 2 * x, epochs=1, verbose=0)
    model.layers[0].set_weights([np.array([[2.0]]), np.array([0.0])])
    return model

if __name__ == "__main__":
    solution_model().save("mymodel.h5")
"""


@pytest.mark.slow
def test_a_correct_pool_solution_is_not_killed_for_shared_pages(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "solution.py").write_text(textwrap.dedent(POOL))
    result = run_check(make_spec(tmp_path), work / "solution.py", memory_mb=1500)
    assert result.error_kind is None, (result.error_message, result.peak_memory_mb)
    assert result.score == 5 and result.peak_memory_mb < 1500
