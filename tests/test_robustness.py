"""Cross-cutting bad moments: an import while another drill writes; quitting during an exam check."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drill.cli import main
from drill.exam import ExamBook
from drill.session import StudySession
from drill.store import Store
from drill.tui.app import DrillApp
from drill.tui.screens.exam import ExamTaskScreen
from helpers import Clock, make_decks

HOLD_LOCK = textwrap.dedent(
    """
    import fcntl, os, sys, time
    fd = os.open(os.path.join(sys.argv[1], ".lock"), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def test_import_waits_for_another_writer_and_loses_nothing(drill_home, tmp_path, now, capsys):
    store = Store.open(drill_home)
    StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)).answer("t-fit", 3)
    backup = store.export_all()
    store.close()
    backup_file = tmp_path / "backup.json"
    backup_file.write_text(json.dumps(backup))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(drill_home), "2"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    assert main(["import", str(backup_file)]) == 0
    assert time.monotonic() - started >= 1.0  # it waited for the other writer instead of racing it
    holder.wait(timeout=30)
    reopened = Store.open(drill_home)
    assert [r["item_id"] for r in reopened.records("reviews")] == ["t-fit"]
    reopened.close()


def harness_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"drill.check.harness" in cmdline or b"drill.check.grading" in cmdline:
                pids.append(int(entry.name))
    return pids


HANGS = """
import time

def solution_model():
    time.sleep(600)

if __name__ == "__main__":
    solution_model().save("mymodel.h5")
"""


@pytest.mark.slow
async def test_quitting_during_an_exam_check_leaves_no_process_and_keeps_the_exam(store, tmp_path, now):
    app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)), start="exam")
    before = set(harness_pids())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m", "y", "enter")  # start (confirmed), open the first task
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExamTaskScreen)
        screen.query_one("#code").text = HANGS
        await pilot.press("ctrl+r")
        for _ in range(120):
            await pilot.pause(0.25)
            if set(harness_pids()) - before:
                break
        assert set(harness_pids()) - before, "the check never started"
        await pilot.press("ctrl+c")
    for _ in range(80):
        if not set(harness_pids()) - before:
            break
        time.sleep(0.25)
    assert not set(harness_pids()) - before, "a check process outlived the app"
    exam = ExamBook(store, app.session.clock).current()
    assert exam is not None and exam.tasks[0].submissions == []  # a cancelled check is no submission


@pytest.mark.slow
def test_ctrl_c_during_drill_check_exits_130_and_leaves_no_process(drill_home, tmp_path):
    from drill.content.exercises import find_spec

    solution = tmp_path / "solution.py"
    solution.write_text(find_spec("linear-dense").solution.read_text())
    before = set(harness_pids())
    proc = subprocess.Popen([sys.executable, "-m", "drill", "check", "linear-dense", str(solution)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "DRILL_HOME": str(drill_home)})
    for _ in range(240):
        if set(harness_pids()) - before:
            break
        time.sleep(0.25)
    assert set(harness_pids()) - before, "the check never started"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    for _ in range(40):
        if not set(harness_pids()) - before:
            break
        time.sleep(0.25)
    assert not set(harness_pids()) - before
