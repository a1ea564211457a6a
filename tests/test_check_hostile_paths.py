"""A submission that knows where the learner's data lives cannot read, overwrite or delete it
(issue 12, item 2: "the store's files are not writable from it where the platform allows").

The scratch folder and the scrubbed environment do not stop an absolute path: the learner's code
runs as the learner's own user. These tests fail on the code before ``drill.check.confine``
(and with ``DRILL_CHECK_SANDBOX=0``, which turns it off):

    DRILL_CHECK_SANDBOX=0 python -m pytest -q -m slow tests/test_check_hostile_paths.py   # fails
    python -m pytest -q -m slow tests/test_check_hostile_paths.py                        # passes

The fast tests drive ``confine.enter`` in a plain interpreter (no TensorFlow), the way the
learner's process does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from drill.check import confine
from drill.check.runner import COLD, run_check
from drill.check.warm import WarmPool, fork_is_safe
from test_check_hostile import in_workspace, make_spec
from test_check_runner import good
from test_check_warm import ready_pool

ATTACK = """
import os, shutil
from pathlib import Path

def attack(homes):
    seen = []
    for home in homes:  # read first, then overwrite and delete through the absolute paths
        for path in [Path(home, "drill.json")] + [Path(f"/proc/{pid}/root{home}/drill.json") for pid in os.listdir("/proc") if pid.isdigit()]:
            try:
                seen.append(path.read_text()[:60])
            except OSError:
                pass
    for home in homes:
        for act in (lambda: Path(home, "drill.json").write_text("owned"),
                    lambda: Path(home, "backups", "planted.json").write_text("owned"),
                    lambda: shutil.rmtree(Path(home, "backups")),
                    lambda: shutil.rmtree(Path(home, "log")),
                    lambda: shutil.rmtree(Path(home, "workspaces")),
                    lambda: shutil.rmtree(home),
                    lambda: os.system(f"umount {home} 2>/dev/null; rm -rf {home} 2>/dev/null")):
            try:
                act()
            except OSError:
                pass
    print("READ", [s for s in seen if "secret" in s])
"""


def make_store(folder: Path) -> dict[str, str]:
    """A small data folder: drill.json, a log day file, a backup and a workspace; returns its files."""
    files = {"drill.json": '{"items": {"secret": 1}}', "log/reviews/2026/11/2026-11-29.json": '{"records": {}}',
             "backups/2026-11-29T000000Z/drill.json": '{"items": {"secret": 1}}',
             "workspaces/tiny/a0/solution.py": "# an older attempt\n"}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return files


def assert_intact(folder: Path, files: dict[str, str]) -> None:
    now = {str(p.relative_to(folder)): p.read_text() for p in folder.rglob("*")
           if p.is_file() and not p.is_relative_to(folder / "workspaces/tiny/a1")}  # the checked attempt
    assert now == files, f"{folder} was changed: {now}"


@pytest.mark.slow
@pytest.mark.parametrize("route", ["cold", "warm"])
def test_absolute_paths_cannot_reach_the_data_folder_or_its_backups(tmp_path, drill_home, monkeypatch, route):
    # the platform's default folder, under a HOME of this test's own (never the real one)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    default = Path(os.path.expanduser("~/.local/share/drill"))
    default.mkdir(parents=True)
    stores = {drill_home: make_store(drill_home), default: make_store(default)}
    homes = [str(drill_home), str(default)]  # what the parent had: the test knows, so the file does
    code = good() + ATTACK + f"\nattack({homes!r})\n"
    solution = in_workspace(drill_home, code)
    if route == "warm":
        if not fork_is_safe(setting=False)[0]:
            route = "cold"  # macOS, Windows, a visible GPU: checks start cold there, so this one does too
        else:
            monkeypatch.setenv("DRILL_WARM", "1")
    try:
        result = run_check(make_spec(tmp_path), solution, launcher=ready_pool() if route == "warm" else COLD)
    finally:
        WarmPool.stop()
    for folder, files in stores.items():
        assert_intact(folder, files)
    assert "READ []" in result.output_tail, "drill.json was read through an absolute path"
    assert result.score == 5 and result.error_kind is None, result.error_message  # the model is still scored
    assert result.protection == confine.NAMESPACE, confine.probe()


# --- confine.enter in a plain interpreter (fast) ------------------------------------------------

CHILD = """
import json, os, sys, time
from drill.check import confine
request = json.loads(sys.argv[1])
level = confine.enter(request)
exec(sys.argv[2])
attack(json.loads(sys.argv[3]))  # only the test's own folder: never the real data folder
print("LEVEL", level, "PID", os.getpid(), flush=True)
sys.stdin.read()  # stay alive until the test has read /proc
"""


def run_child(request: dict, target: Path) -> tuple[str, str]:
    """Run CHILD against ``target``; returns (its output, the level ``observed`` read from /proc while it lived)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(request), textwrap.dedent(ATTACK), json.dumps([str(target)])],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = [proc.stdout.readline()]
    while lines[-1] and not lines[-1].startswith("LEVEL"):
        lines.append(proc.stdout.readline())
    seen = confine.observed(proc.pid, request["hide"])
    out, _ = proc.communicate("", timeout=30)
    return "".join(lines) + out, seen


def test_a_hidden_folder_cannot_be_read_written_or_deleted(tmp_path):
    (tmp_path / "home").mkdir()
    files = make_store(tmp_path / "home")
    request = confine.plan(tmp_path / "scratch", extra=[tmp_path / "home"])
    assert request is not None and str((tmp_path / "home").resolve()) in request["hide"], confine.probe()
    out, seen = run_child(request, tmp_path / "home")
    assert_intact(tmp_path / "home", files)
    assert "READ []" in out and "LEVEL namespace PID 1" in out, out
    assert seen == confine.NAMESPACE


def test_without_the_sandbox_the_same_code_reads_and_wipes_the_folder(tmp_path):
    """The attack is real: unconfined (``enter(None)``, as before the sandbox), it reads and deletes."""
    (tmp_path / "home").mkdir()
    make_store(tmp_path / "home")
    proc = subprocess.run([sys.executable, "-c", CHILD.replace("confine.enter(request)", "confine.enter(None)"),
                           json.dumps({"hide": [str(tmp_path / "home")]}), textwrap.dedent(ATTACK), json.dumps([str(tmp_path / "home")])],
                          input="", capture_output=True, text=True, timeout=30)
    assert "secret" in proc.stdout and "LEVEL scratch" in proc.stdout, proc.stdout + proc.stderr
    assert not (tmp_path / "home").exists()


def test_the_switch_turns_it_off_and_needed_folders_are_never_covered(tmp_path, monkeypatch):
    monkeypatch.setenv(confine.ENV_SWITCH, "0")
    assert confine.plan(tmp_path) is None
    monkeypatch.delenv(confine.ENV_SWITCH)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    request = confine.plan(scratch, extra=[tmp_path, Path(sys.prefix)])  # both hold something the run needs
    assert request is not None
    assert not any(str(tmp_path.resolve()) == p or os.path.realpath(sys.prefix).startswith(p + "/") or os.path.realpath(sys.prefix) == p
                   for p in request["hide"])


def test_the_learner_environment_has_no_switch_to_turn_it_off(tmp_path):
    from drill.check.launch import Scratch, learner_env

    scratch = Scratch.create()
    try:
        assert confine.ENV_SWITCH not in learner_env(scratch, {confine.ENV_SWITCH: "0", "PATH": "/bin"})
    finally:
        scratch.remove()


@pytest.mark.slow
@pytest.mark.parametrize("route", ["cold", "warm"])
def test_the_fast_lane_build_cannot_reach_the_data_folder_either(tmp_path, drill_home, monkeypatch, route):
    """Watch mode builds the learner's model on every save: the same code runs there, as hidden."""
    from drill.check import fastlane

    files = make_store(drill_home)
    code = good() + ATTACK + f"\nattack({[str(drill_home)]!r})\n"
    solution = in_workspace(drill_home, code)
    warm = route == "warm" and fork_is_safe(setting=False)[0]  # cold where fork is unsafe, as the app does
    if warm:
        monkeypatch.setenv("DRILL_WARM", "1")
    try:
        result = fastlane.run_fastlane(make_spec(tmp_path), solution, builder=ready_pool() if warm else fastlane.COLD)
    finally:
        WarmPool.stop()
    assert_intact(drill_home, files)
    assert result.stage == "build" and result.problems == [], result
