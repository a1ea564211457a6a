"""Watch mode with real file saves: the fast lane reports mistakes before any training starts."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from drill.check.fastlane import run_fastlane, static_problems
from drill.check.process import process_table
from drill.content.exercises import find_spec
from drill.watch import filesystem_type, watch_file

MOUNTS = """proc /proc proc rw 0 0
/dev/sda1 / ext4 rw 0 0
C:\\134 /mnt/c 9p rw 0 0
server:/x /mnt/c/share nfs4 rw 0 0
"""


def test_filesystems_without_events_are_polled():
    assert filesystem_type(Path("/home/me/x.py"), MOUNTS) == "ext4"
    assert filesystem_type(Path("/mnt/c/Users/me/x.py"), MOUNTS) == "9p"
    assert filesystem_type(Path("/mnt/c/share/x.py"), MOUNTS) == "nfs4"


@pytest.mark.parametrize("poll", [False, True])
def test_a_save_is_noticed_with_events_and_by_polling(tmp_path, poll):
    path = tmp_path / "solution.py"
    path.write_text("a = 1\n")
    stop, seen = threading.Event(), threading.Event()
    thread = threading.Thread(target=watch_file, args=(path, stop, seen.set), kwargs={"poll": poll}, daemon=True)
    thread.start()
    time.sleep(0.8)
    path.write_text("a = 2\n")
    assert seen.wait(10)
    stop.set()
    thread.join(5)


def test_static_lane_names_syntax_errors_shapes_and_lambda():
    spec = find_spec("linear-dense")
    ref = spec.solution.read_text()
    assert static_problems(ref, spec.contract) == []
    [syntax] = static_problems(ref.replace("def solution_model():", "def solution_model(:"), spec.contract)
    line = ref.splitlines().index("def solution_model():") + 1
    assert syntax.code == "syntax" and f"line {line}," in syntax.message
    [shape] = static_problems(ref.replace("shape=(1,)", "shape=(2,)"), spec.contract)
    assert shape.code == "input_shape" and "(2,)" in shape.message and "(1,)" in shape.message
    lam = static_problems(ref.replace("tf.keras.layers.Dense(1),", "tf.keras.layers.Dense(1), tf.keras.layers.Lambda(lambda x: x),"), spec.contract)
    assert [p.code for p in lam] == ["forbidden_layer"]
    [missing] = static_problems("import numpyy as np\n" + ref, spec.contract)
    assert missing.code == "import" and "numpyy" in missing.message


def test_fast_lane_stops_at_the_static_stage_without_running_the_file(tmp_path):
    spec = find_spec("linear-dense")
    path = tmp_path / "solution.py"
    path.write_text(spec.solution.read_text().replace("shape=(1,)", "shape=(2,)"))
    result = run_fastlane(spec, path)
    assert result.stage == "static" and not result.ok
    assert not (tmp_path / "mymodel.h5").exists()


def _reader(stream, lines: queue.Queue) -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)


def _wait_for(lines: queue.Queue, text: str, timeout: float = 120) -> str:
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return line
    raise AssertionError(f"{text!r} not in output:\n{''.join(seen)}")


def test_drill_watch_reports_a_syntax_error_and_a_wrong_shape_on_save(drill_home):
    from drill.cli import main

    assert main(["new", "linear-dense"]) == 0
    workspace = next((drill_home / "workspaces" / "linear-dense").iterdir())
    solution = workspace / "solution.py"
    reference = find_spec("linear-dense").solution.read_text()
    env = {**os.environ, "DRILL_HOME": str(drill_home), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "drill", "watch", "linear-dense", "--fast-only"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, "watching")
        time.sleep(1.0)  # the first check (of the starter) is building the model cold: TensorFlow's import
        solution.write_text(reference.replace("def solution_model():", "def solution_model(:"))
        _wait_for(lines, "a newer save: the running check stops")
        line = reference.splitlines().index("def solution_model():") + 1
        assert f"line {line}," in _wait_for(lines, "syntax error")
        _wait_for(lines, "no training started")
        solution.write_text(reference.replace("shape=(1,)", "shape=(2,)"))
        assert "the task feeds (1,)" in _wait_for(lines, "input shape is (2,)")
        assert not (workspace / "mymodel.h5").exists()  # nothing trained, nothing saved
    finally:
        proc.send_signal(signal.SIGINT)  # as Ctrl+C: the running build stage is stopped too
        proc.wait(20)


def test_a_helper_module_next_to_the_file_is_no_missing_import(tmp_path):
    spec = find_spec("linear-dense")
    source = "import my_helpers\n" + spec.solution.read_text()
    [missing] = static_problems(source, spec.contract)
    assert missing.code == "import" and "my_helpers" in missing.message
    (tmp_path / "my_helpers.py").write_text("X = 1\n")
    assert static_problems(source, spec.contract, tmp_path) == []


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _wait_for_any(lines: queue.Queue, texts: tuple[str, ...], timeout: float = 300) -> str:
    end = time.monotonic() + timeout
    seen = []
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if any(text in line for text in texts):
            return line
    raise AssertionError(f"none of {texts!r} in output:\n{''.join(seen)}")


@pytest.mark.slow
def test_drill_watch_builds_the_model_untrained_and_reports_a_shape_only_the_build_shows(drill_home):
    """The shape is computed (no literal to read), so only building the model finds it: the
    build stage runs solution_model() with fit() a no-op, forked from the warm worker where
    fork is safe (cold elsewhere: the same report, later)."""
    from drill.check.warm import fork_is_safe
    from drill.cli import main

    assert main(["new", "linear-dense"]) == 0
    workspace = next((drill_home / "workspaces" / "linear-dense").iterdir())
    solution = workspace / "solution.py"
    reference = find_spec("linear-dense").solution.read_text()
    env = {**os.environ, "DRILL_HOME": str(drill_home), "PYTHONUNBUFFERED": "1", "DRILL_WARM": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "drill", "watch", "linear-dense", "--fast-only"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, "watching")
        warm = fork_is_safe(setting=False)[0]  # the child gets DRILL_WARM=1; this process has 0
        if warm:
            _wait_for(lines, "TensorFlow loads once in a warm worker")
        # the starter returns None for a model: the build stage says so (after the worker is ready)
        assert "not a Keras model" in _wait_for_any(lines, ("not a Keras model", "fast lane passed"))
        servers = [p.pid for p in process_table().values() if p.ppid == proc.pid and not p.zombie
                   and b"drill.check.warm_server" in _cmdline(p.pid)]
        assert len(servers) == (1 if warm else 0)  # drill watch keeps one warm worker for every save
        solution.write_text(reference.replace("shape=(1,)", "shape=(xs.shape[1] + 1,)"))
        assert "fast lane (build," in _wait_for(lines, "fast lane (")
        assert "the task feeds (1,)" in _wait_for(lines, "input shape is (2,)")
        _wait_for(lines, "no training started")
        solution.write_text(reference.replace("model.compile(", "model.compile(\n        ").replace("def solution_model():", "def solution_model(:"))
        assert "fast lane (static," in _wait_for(lines, "fast lane (")
        _wait_for(lines, "syntax error")
        solution.write_text(reference)
        assert "fast lane passed" in _wait_for_any(lines, ("fast lane passed", "found:"))
        assert not (workspace / "mymodel.h5").exists()  # nothing trained, nothing saved
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(30)
    assert proc.returncode == 0
    for _ in range(40):  # Ctrl+C stops the worker too
        if not any(pid in process_table() and not process_table()[pid].zombie for pid in servers):
            break
        time.sleep(0.25)
    else:
        raise AssertionError("the warm worker outlived drill watch")


def test_a_report_without_problems_is_never_read_as_a_pass(tmp_path):
    """The warm worker's child writes a learner Report (not a problem list) when its sandbox
    cannot be set up: the fast lane must say so, not pass."""
    import json as json_mod

    from drill.check.fastlane import _follow
    from drill.check.launch import Launched, Scratch

    read_out, write_out = os.pipe()
    read_rep, write_rep = os.pipe()
    os.write(write_rep, (json_mod.dumps({"kind": "report", "error_kind": "internal",
                                         "error_message": "the check's sandbox could not be set up (x)"}) + "\n").encode())
    os.close(write_rep)
    os.close(write_out)
    scratch = Scratch.create()
    try:
        problems, cancelled = _follow(Launched(pid=os.getpid() + 10**6, out_fd=read_out, events_fd=read_rep,
                                               exit_status=lambda: 0), scratch, None, 5)
    finally:
        scratch.remove()
    assert not cancelled and [p.code for p in problems] == ["crashed"] and "sandbox" in problems[0].message
