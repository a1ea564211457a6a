"""The training check that confirms a coding drill.

API for the app and the CLI (none of these modules imports TensorFlow):

- ``drill.content.exercises.find_spec(id, instance=...) -> DrillSpec`` (a drill on one data
  instance), or ``load_exercises(exercises_root()).exercises[id].spec(instance_id)``.
- ``drill.check.runner.run_check(spec, solution_path, *, on_event=None, cancel=None,
  timeout_s=None, memory_mb=None) -> CheckResult``: blocking; call it from a worker thread.
  ``on_event`` is called on that same thread with ``drill.check.events`` objects (Started,
  Phase, Device, Epoch, Batch, TrainEnd, Output, Report); set ``cancel`` to stop.
- ``drill.check.result.CheckResult``: pydantic, JSON-able; ``.passed``, ``.summary``.
- ``drill.attempts.Attempts(store, home, clock)``: start / record_submission / reveal_hint /
  close; ``rate_outcome`` maps an outcome to an FSRS rating.

Modules: ``runner`` (parent side: the two processes in order, the record), ``launch`` (scratch
folder, scrubbed environment, starting the processes), ``supervise`` (pipes, limits), ``process``
(the check's process tree, its PSS, ending it, no orphans), ``harness`` (the learner's process:
runs the file, streams training), ``grading`` (the grading process) and ``grader`` (loads the
saved file, contract, held-out metric), ``contract`` and ``metrics`` (pure), ``events``,
``result``, ``console`` (rich view for ``drill check``). What a check may touch: docs/checks.md.
"""
