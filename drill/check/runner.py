"""Run one training check: the harness subprocess under time and memory limits, then the record.

The app calls ``run_check`` from a worker thread. This module never imports TensorFlow: the
harness subprocess does (``drill.check.harness``).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from pydantic import ValidationError

from drill.check import events as ev
from drill.check.contract import Problem
from drill.check.metrics import bar_table, score
from drill.check.process import group_rss_mb, kill_group, track, untrack
from drill.check.result import BarRow, CheckResult
from drill.content.exercises import DrillSpec
from drill.errors import UsageError

MODEL_FILES = ("mymodel.h5", "mymodel.keras")
HEAD_BYTES = 16_000  # learner output kept from the start …
TAIL_BYTES = 16_000  # … and from the end; the middle is counted, not kept
OUTPUT_EVENTS = 200  # at most this many printed lines become Output events
POLL_S = 0.1
MEMORY_POLL_S = 0.25


class _Output:
    """Reads the child's stdout+stderr; keeps a capped head and tail, counts the rest."""

    def __init__(self, stream, q: queue.Queue):
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0
        self.lines_sent = 0
        self.partial = b""
        self.q = q
        self.thread = threading.Thread(target=self._read, args=(stream,), name="drill-check-output", daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        while chunk := stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536):
            self.total += len(chunk)
            if len(self.head) < HEAD_BYTES:
                self.head += chunk[: HEAD_BYTES - len(self.head)]
            self.tail = (self.tail + chunk)[-TAIL_BYTES:]
            if self.lines_sent < OUTPUT_EVENTS:
                lines = (self.partial + chunk).split(b"\n")
                self.partial = lines.pop()[-1000:]
                for line in lines:
                    if self.lines_sent >= OUTPUT_EVENTS:
                        break
                    self.lines_sent += 1
                    self.q.put(ev.Output(text=line.decode("utf-8", "replace").rstrip("\r")[-1000:]))
        stream.close()

    def text(self) -> str:
        if self.total <= HEAD_BYTES + TAIL_BYTES:
            data = bytes(self.head) + bytes(self.tail)[-(self.total - len(self.head)):] if self.total > len(self.head) else bytes(self.head)
            return data.decode("utf-8", "replace")
        skipped = self.total - len(self.head) - len(self.tail)
        return (self.head.decode("utf-8", "replace") + f"\n… {skipped} bytes of output left out …\n"
                + self.tail.decode("utf-8", "replace"))


def _read_events(fd: int, q: queue.Queue) -> None:
    with os.fdopen(fd, "rb") as f:
        for line in f:
            try:
                q.put(ev.parse_event(line))
            except ValidationError:
                continue


def _clear_model_files(folder: Path) -> None:
    for name in MODEL_FILES:
        (folder / name).unlink(missing_ok=True)


def run_check(
    spec: DrillSpec,
    solution_path: Path | str,
    *,
    on_event: Callable[[ev.Event], None] | None = None,
    cancel: threading.Event | None = None,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
    sample_seed: int | None = None,
) -> CheckResult:
    """Train the learner's file in a subprocess and grade the model file it saves.

    Runs ``solution_path`` as ``__main__`` in its own folder (stale ``mymodel.*`` files there are
    removed first), in a new process group, killed on timeout, on resident memory over the
    limit, on ``cancel``, and when this process exits. ``on_event`` gets every event on the
    calling thread. Never raises for anything the learner's code does; the result says it.

    Args:
        spec: The drill on one instance, from ``Exercise.spec``.
        solution_path: The learner's file.
        on_event: Progress callback (Started, Phase, Device, Epoch, Batch, TrainEnd, Output, Report).
        cancel: Set it to stop the check (result error_kind "cancelled").
        timeout_s: Wall-time limit; default the drill's contract.
        memory_mb: Resident-memory limit of the process group; default the drill's contract.
        sample_seed: Score on a fresh random sample (``SAMPLE_FRACTION``) of the held-out rows drawn
            with this seed, as the mock exam does per submission; None scores on all of them.
    """
    solution = Path(solution_path).resolve()
    if not solution.is_file():
        raise UsageError(f"no solution file at {solution}", hint="give the path of your .py file, or run `drill new DRILL` first")
    timeout_s = float(timeout_s or spec.contract.timeout_s)
    memory_mb = int(memory_mb or spec.contract.memory_mb)
    started_at = datetime.now(timezone.utc)
    t0 = time.monotonic()
    folder = solution.parent
    _clear_model_files(folder)

    harness_spec = {
        "solution": str(solution),
        "heldout": str(spec.heldout.resolve()),
        "instance": spec.instance_id,
        "metric": spec.metric.name,
        "contract": spec.contract.model_dump(),
        "parent_pid": os.getpid(),
        "sample_seed": sample_seed,
    }
    read_fd, write_fd = os.pipe()
    harness_spec["events_fd"] = write_fd
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TF_CPP_MIN_LOG_LEVEL": os.environ.get("TF_CPP_MIN_LOG_LEVEL", "2")}
    try:
        proc = subprocess.Popen(
            [sys.executable, "-P", "-u", "-m", "drill.check.harness", json.dumps(harness_spec)],
            cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            pass_fds=(write_fd,), start_new_session=True, env=env,
        )
    finally:
        os.close(write_fd)
    track(proc.pid)
    q: queue.Queue = queue.Queue()
    output = _Output(proc.stdout, q)
    events_thread = threading.Thread(target=_read_events, args=(read_fd, q), name="drill-check-events", daemon=True)
    events_thread.start()

    state: dict = {"report": None, "device": "", "tf": "", "epochs": 0, "asked": 0, "early": False, "peak": 0.0}

    def deliver(event: ev.Event) -> None:
        if isinstance(event, ev.Report):
            state["report"] = event
        elif isinstance(event, ev.Device):
            state["device"], state["tf"] = event.device, event.tf_version
        if on_event is not None:
            try:
                on_event(event)
            except Exception:  # noqa: BLE001 - a UI callback must not break the check
                pass

    deliver(ev.Started(pid=proc.pid, timeout_s=timeout_s, memory_mb=memory_mb))
    stop_reason: str | None = None
    next_memory = 0.0
    try:
        while True:
            try:
                deliver(q.get(timeout=POLL_S))
                while True:
                    deliver(q.get_nowait())
            except queue.Empty:
                pass
            if proc.poll() is not None:
                break
            now = time.monotonic()
            if cancel is not None and cancel.is_set():
                stop_reason = "cancelled"
            elif now - t0 > timeout_s:
                stop_reason = "timeout"
            elif now >= next_memory:
                next_memory = now + MEMORY_POLL_S
                rss = group_rss_mb(proc.pid)
                state["peak"] = max(state["peak"], rss)
                if rss > memory_mb:
                    stop_reason = "memory"
            if stop_reason:
                kill_group(proc.pid)
                proc.wait()
                break
    except BaseException:
        kill_group(proc.pid)
        proc.wait()
        raise
    finally:
        kill_group(proc.pid)  # anything the learner's code left running in the group
        untrack(proc.pid)
    output.thread.join(timeout=5)
    events_thread.join(timeout=5)
    while not q.empty():
        deliver(q.get_nowait())

    result = CheckResult(
        drill_id=spec.drill_id, instance=spec.instance_id, metric=spec.metric.name, lower_is_better=spec.metric.lower_is_better,
        bars=list(spec.metric.bars), started_at=started_at, duration_s=round(time.monotonic() - t0, 3),
        device=state["device"], tf_version=state["tf"], peak_memory_mb=round(state["peak"], 1),
        exit_code=proc.returncode, output_tail=output.text(), output_bytes=output.total,
    )
    report: ev.Report | None = state["report"]
    if report is not None:
        result.epochs_seen, result.epochs_asked, result.stopped_early = report.epochs_seen, report.epochs_asked, report.stopped_early
        if report.facts:
            result.model_file = report.facts.get("file")
            result.model_size_mb = round(report.facts.get("size_mb", 0.0), 3)
    if stop_reason == "timeout":
        _fail(result, "timeout", f"the check ran out of time after {timeout_s:g} s", "train for fewer epochs, use a smaller model, or look for an endless loop")
    elif stop_reason == "memory":
        _fail(result, "memory", f"the check used more than {memory_mb} MB of memory", "use a smaller model or batch size, and do not load more data than needed")
    elif stop_reason == "cancelled":
        _fail(result, "cancelled", "the check was cancelled", "")
    elif report is None:
        code = proc.returncode
        what = f"killed by signal {signal.Signals(-code).name}" if code < 0 and -code in signal.valid_signals() else f"exited with code {code}"
        hint = "the output above shows why" if result.output_bytes else "run the file with python to see why"
        if code == -signal.SIGKILL:
            hint = "the system may have run out of memory; use a smaller model or batch size"
        _fail(result, "killed", f"the check process {what} before it finished", hint)
    else:
        result.value = report.value
        result.problems = [Problem.model_validate(p) for p in report.problems]
        if report.error_kind:
            _fail(result, report.error_kind, report.error_message, report.error_hint)
        else:
            result.score = score(report.value, spec.metric.bars, spec.metric.lower_is_better)
    result.table = [BarRow(**row) for row in bar_table(result.value if not result.error_kind else None, spec.metric.bars, spec.metric.lower_is_better)]
    return result


def _fail(result: CheckResult, kind: str, message: str, hint: str) -> None:
    result.score = 0
    result.error_kind = kind
    result.error_message = message
    result.error_hint = hint
