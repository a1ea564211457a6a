"""The grading process: load the saved model file, check the contract, score it on held-out data.

Started by ``drill.check.runner`` as ``python -P -m drill.check.grading PARENT_PID`` *before*
the learner's process (or forked by ``drill.check.warm``), in its own session. First it makes
itself non-dumpable, so the learner's code (same user) cannot attach to it or open its pipes
through /proc, and says ``ready``; then it imports TensorFlow while the learner trains, and
waits for one job (a JSON line on stdin) that the runner sends only after the learner's whole
process tree has ended. Its answer — one JSON ``Report`` line on its own stdout — is the only
place a score's value comes from. Everything else the libraries print goes to /dev/null.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from drill.check import events as ev
from drill.check.process import die_with_parent, forbid_inspection


def grade_job(job: dict[str, Any], tf: Any, keras: Any) -> ev.Report:
    """The grade of ``job`` (model, heldout, instance, metric, contract, sample_seed,
    stopped_early, epochs_seen, source: the learner's code, read as text only)."""
    from drill.check.grader import grade

    report = ev.Report(stopped_early=bool(job.get("stopped_early")), epochs_seen=int(job.get("epochs_seen") or 0))
    try:
        grade(job, report, tf, keras)
    except BaseException as error:  # noqa: BLE001 - a grader bug is reported, never a traceback
        report.error_kind = "internal"
        report.error_message = f"the grader failed: {type(error).__name__}: {error}"[:500]
        report.error_hint = "this is a bug in drill, not your code; please report it"
    return report


def serve(job_in, answer_fd: int, tf: Any = None, keras: Any = None) -> None:
    """Read one job from ``job_in`` (a binary file), grade it, write the report on ``answer_fd``."""
    answer = os.fdopen(answer_fd, "w", buffering=1, encoding="utf-8")
    answer.write("ready\n")
    if tf is None:
        from drill.check.harness import import_tensorflow_quietly

        tf, keras = import_tensorflow_quietly()
    line = job_in.readline()
    if not line:
        return  # the runner gave up (the learner's run failed): nothing to grade
    report = grade_job(json.loads(line), tf, keras)
    answer.write(report.model_dump_json() + "\n")
    answer.flush()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    forbid_inspection()
    die_with_parent(int(argv[0]))
    # the report channel is a private copy of stdout; fd 1 itself goes to /dev/null so nothing a
    # library prints can be mistaken for an answer
    answer_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    serve(sys.stdin.buffer, answer_fd)
    os._exit(0)  # skip TensorFlow's teardown


if __name__ == "__main__":
    sys.exit(main())
