"""Run one training check: the learner's run, then a separate grading process, then the record.

The app calls ``run_check`` from a worker thread. This module never imports TensorFlow.

1. A grading process starts first and makes itself unreachable (``drill.check.grading``).
2. The learner's file runs as ``__main__`` in its own process (``drill.check.harness``), in a
   scratch copy of its folder, with a scrubbed environment and a temp HOME, under the time and
   memory limits. Its events are for display; its report only says what went wrong, if anything.
3. When that whole process tree has ended, the model file it saved is copied to the grader's
   folder and the grader gets its job; the value — and so the score — comes only from the
   grader's answer on its own pipe. The model file is then copied back next to the learner's file.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from pydantic import ValidationError

from drill.check import confine
from drill.check import events as ev
from drill.check.contract import Problem
from drill.check.launch import MODEL_FILES, Launched, Scratch, cold_grader, cold_learner
from drill.check.metrics import bar_table, score
from drill.check.result import BarRow, CheckResult
from drill.check.supervise import Watch
from drill.content.exercises import DrillSpec
from drill.errors import UsageError

GRADE_TIMEOUT_S = 180.0  # loading the file and predicting on the held-out rows, TF import included
READY_TIMEOUT_S = 30.0
LEARNER_PHASES = ("starting", "importing", "training")  # phases the learner may announce; the rest are ours


def check_limits(timeout_s: float | None, memory_mb: float | None, spec: DrillSpec) -> tuple[float, int]:
    """The limits to run under: the given ones (finite and positive) or the drill's."""
    timeout = spec.contract.timeout_s if timeout_s is None else timeout_s
    memory = spec.contract.memory_mb if memory_mb is None else memory_mb
    try:
        timeout, memory = float(timeout), float(memory)
    except (TypeError, ValueError):
        raise UsageError("the time and memory limits must be numbers", hint="e.g. --timeout 300 --memory 4000") from None
    if not math.isfinite(timeout) or timeout <= 0:
        raise UsageError(f"the time limit must be a positive number of seconds, not {timeout_s!r}",
                         hint="e.g. --timeout 300 (or leave it out for the drill's own limit)")
    if not math.isfinite(memory) or memory <= 0 or memory != int(memory):
        raise UsageError(f"the memory limit must be a positive whole number of MB, not {memory_mb!r}",
                         hint="e.g. --memory 4000 (or leave it out for the drill's own limit)")
    return timeout, int(memory)


def find_model_file(folder: Path) -> Path | None:
    """The model file a run saved (the newest when both exist)."""
    found = [folder / n for n in MODEL_FILES if (folder / n).is_file() and not (folder / n).is_symlink()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


class Launcher:
    """Starts a check's two processes; ``drill.check.warm.WarmPool`` forks them instead."""

    def grader(self, scratch: Scratch) -> Launched:
        return cold_grader(scratch)

    def learner(self, scratch: Scratch, solution: Path) -> Launched:
        return cold_learner(scratch, solution)


COLD = Launcher()
_default_launcher: Callable[[], Launcher] = lambda: COLD  # noqa: E731 - replaced by drill.check.warm when running


def _source_text(solution: Path) -> str:
    try:
        return solution.read_text(encoding="utf-8", errors="replace")[:200_000]
    except OSError:
        return ""


def run_check(
    spec: DrillSpec,
    solution_path: Path | str,
    *,
    on_event: Callable[[ev.Event], None] | None = None,
    cancel: threading.Event | None = None,
    timeout_s: float | None = None,
    memory_mb: int | None = None,
    sample_seed: int | None = None,
    launcher: Launcher | None = None,
) -> CheckResult:
    """Train the learner's file in one process and grade the model file it saves in another.

    Stale ``mymodel.*`` files next to the learner's file are removed first; the new one is
    copied there at the end (not into the shipped content folder). Never raises for anything the learner's code does; the result says it.

    Args:
        spec: The drill on one instance, from ``Exercise.spec``.
        solution_path: The learner's file.
        on_event: Progress callback (Started, Phase, Device, Epoch, Batch, TrainEnd, Output, Report).
        cancel: Set it to stop the check (result error_kind "cancelled").
        timeout_s: Wall-time limit of the learner's run; default the drill's contract.
        memory_mb: Memory limit (PSS of the learner's whole process tree); default the drill's.
        sample_seed: Score on a fresh random sample (``SAMPLE_FRACTION``) of the held-out rows drawn
            with this seed, as the mock exam does per submission; None scores on all of them.
        launcher: How the processes start (default: the warm worker when one runs, else cold).

    Raises:
        UsageError: no such file, or a limit that is not a finite positive number.
    """
    solution = Path(solution_path).resolve()
    if not solution.is_file():
        raise UsageError(f"no solution file at {solution}", hint="give the path of your .py file, or run `drill new DRILL` first")
    timeout_s, memory_mb = check_limits(timeout_s, memory_mb, spec)
    launcher = launcher or _default_launcher()
    started_at = datetime.now(timezone.utc)
    t0 = time.monotonic()
    for name in MODEL_FILES:
        (solution.parent / name).unlink(missing_ok=True)
    state: dict = {"learner": None, "grade": None, "device": "", "tf": "", "ready": False, "protection": ""}

    def deliver(event) -> None:
        if state["protection"] in ("", confine.SCRATCH) and learner is not None:  # read its sandbox while it lives
            state["protection"] = confine.observed(learner.launched.pid, (scratch.confine or {}).get("hide", [])) or state["protection"]
        if isinstance(event, ev.Report):
            state["learner"] = event  # display facts and failures only: never a value
        elif isinstance(event, ev.Started) or isinstance(event, ev.Phase) and event.name not in LEARNER_PHASES:
            return  # only this process says when the check starts, grades and ends
        elif isinstance(event, ev.Device):
            state["device"], state["tf"] = event.device, event.tf_version
        emit(event)

    def emit(event) -> None:
        if on_event is not None:
            try:
                on_event(event)
            except Exception:  # noqa: BLE001 - a UI callback must not break the check
                pass

    def answer(line) -> None:
        if line.strip() == b"ready":
            state["ready"] = True
        else:
            try:
                state["grade"] = ev.Report.model_validate_json(line)
            except ValidationError:
                pass

    scratch = Scratch.create()
    scratch.confine = confine.plan(scratch.root)
    grader: Watch | None = None
    learner: Watch | None = None
    stop_reason = None
    try:
        grader = Watch(launcher.grader(scratch), output=False)
        grader.run(answer, deadline=time.monotonic() + READY_TIMEOUT_S, until=lambda: state["ready"])
        learner = Watch(launcher.learner(scratch, scratch.copy_in(solution)), marker=scratch.marker)
        emit(ev.Started(pid=learner.launched.pid, timeout_s=timeout_s, memory_mb=memory_mb))
        stop_reason = learner.run(deliver, deadline=t0 + timeout_s, memory_mb=memory_mb, cancel=cancel)
        learner.finish(deliver)  # the whole tree has ended before anything is graded
        model = find_model_file(scratch.work) if stop_reason is None else None
        report: ev.Report | None = state["learner"]
        if model is not None and report is not None and not report.error_kind and state["ready"]:
            graded = scratch.grade / model.name
            shutil.copyfile(model, graded)
            emit(ev.Phase(name="grading", elapsed_s=time.monotonic() - t0))
            job = {"model": str(graded), "heldout": str(spec.heldout.resolve()), "instance": spec.instance_id,
                   "metric": spec.metric.name,
                   "contract": spec.contract.model_dump(), "sample_seed": sample_seed,
                   "stopped_early": report.stopped_early, "epochs_seen": report.epochs_seen,
                   # the learner's code as text, for contract rules about the source (parsed, never run)
                   "source": _source_text(solution)}
            os.write(grader.launched.job_fd, (json.dumps(job) + "\n").encode())
            grader.launched.close_fds()
            stop_reason = grader.run(answer, deadline=time.monotonic() + GRADE_TIMEOUT_S, cancel=cancel,
                                     until=lambda: state["grade"] is not None)
            stop_reason = "grade_timeout" if stop_reason == "timeout" else stop_reason
        if model is not None and _copy_back_to(solution.parent):
            with contextlib.suppress(OSError):  # the learner's folder may be gone (moved, deleted meanwhile)
                shutil.copyfile(model, solution.parent / model.name)
    except BaseException:
        for watch in (learner, grader):
            if watch is not None:
                watch.tree.kill()
        raise
    finally:
        for watch in (learner, grader):
            if watch is not None:
                watch.finish(answer if watch is grader else deliver)
        scratch.remove()
    result = _result(spec, state, learner, stop_reason, model, timeout_s=timeout_s, memory_mb=memory_mb,
                     started_at=started_at, duration_s=time.monotonic() - t0)
    emit(ev.Phase(name="done", elapsed_s=time.monotonic() - t0))
    return result


def _copy_back_to(folder: Path) -> bool:
    """Whether the saved model goes next to the learner's file: yes, except in the shipped
    content (checking a reference solution in place leaves the content folder clean)."""
    from drill.paths import content_root

    return not folder.resolve().is_relative_to(content_root().resolve())


def _result(spec: DrillSpec, state: dict, learner: Watch | None, stop_reason: str | None, model: Path | None, *,
            timeout_s: float, memory_mb: int, started_at: datetime, duration_s: float) -> CheckResult:
    output = learner.output if learner is not None else None
    popen = learner.launched.popen if learner is not None else None
    code = popen.returncode if popen is not None else (learner.launched.poll() if learner is not None else None)
    result = CheckResult(
        drill_id=spec.drill_id, instance=spec.instance_id, metric=spec.metric.name, lower_is_better=spec.metric.lower_is_better,
        bars=list(spec.metric.bars), started_at=started_at, duration_s=round(duration_s, 3),
        device=state["device"], tf_version=state["tf"], peak_memory_mb=round(learner.peak_mb if learner else 0.0, 1),
        exit_code=code, output_tail=output.text() if output else "", output_bytes=output.total if output else 0,
        protection=state["protection"] or confine.SCRATCH,
    )
    report: ev.Report | None = state["learner"]
    grade: ev.Report | None = state["grade"]
    if report is not None:
        result.epochs_seen, result.epochs_asked, result.stopped_early = report.epochs_seen, report.epochs_asked, report.stopped_early
    if grade is not None and grade.facts:
        result.model_file = grade.facts.get("file")
        result.model_size_mb = round(grade.facts.get("size_mb", 0.0), 3)
    if stop_reason == "timeout":
        _fail(result, "timeout", f"the check ran out of time after {timeout_s:g} s", "train for fewer epochs, use a smaller model, or look for an endless loop")
    elif stop_reason == "memory":
        _fail(result, "memory", f"the check used more than {memory_mb} MB of memory", "use a smaller model or batch size, and do not load more data than needed")
    elif stop_reason == "cancelled":
        _fail(result, "cancelled", "the check was cancelled", "")
    elif stop_reason == "grade_timeout":
        _fail(result, "timeout", f"grading the saved model took longer than {GRADE_TIMEOUT_S:g} s", "use a smaller model")
    elif report is None:
        what = f"killed by signal {signal.Signals(-code).name}" if code is not None and code < 0 and -code in signal.valid_signals() else f"exited with code {code}"
        hint = "the output above shows why" if result.output_bytes else "run the file with python to see why"
        if code == -signal.SIGKILL:
            hint = "the system may have run out of memory; use a smaller model or batch size"
        _fail(result, "killed", f"the check process {what} before it finished", hint)
    elif report.error_kind:
        _fail(result, report.error_kind, report.error_message, report.error_hint)
    elif model is None:
        _fail(result, "no_model_file", "running the file saved no mymodel.h5 (or mymodel.keras)",
              "end the file with: if __name__ == '__main__': model = solution_model(); model.save('mymodel.h5')")
    elif grade is None:
        _fail(result, "internal", "the grading process ended without an answer", "this is a bug in drill, not your code; please report it")
    else:
        result.value = grade.value
        result.problems = [Problem.model_validate(p) for p in grade.problems]
        if grade.error_kind:
            _fail(result, grade.error_kind, grade.error_message, grade.error_hint)
        else:
            result.score = score(grade.value, spec.metric.bars, spec.metric.lower_is_better)
    result.table = [BarRow(**row) for row in bar_table(result.value if not result.error_kind else None, spec.metric.bars, spec.metric.lower_is_better)]
    return result


def _fail(result: CheckResult, kind: str, message: str, hint: str) -> None:
    result.score = 0
    result.error_kind = kind
    result.error_message = message
    result.error_hint = hint
