"""The slow part of ``drill lint --run``: each runnable card or note runs its python blocks, in order,
in a fresh interpreter in a temp folder with a time limit; a failure becomes a problem at its line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from drill.content.lint_report import LintProblem, Runnable

RUN_TIMEOUT_S = 120
RESULT_MARK = "@@drill-lint-result@@"

_HARNESS = r'''
import json, os, sys, traceback
payload = json.load(open(sys.argv[1], encoding="utf-8"))
path = payload["path"]
if any("tensorflow" in b["code"] or "keras" in b["code"] for b in payload["blocks"]):
    # TensorFlow prints start-up noise on fd 2 from C++: hide it around the import only.
    sys.stderr.flush()
    saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        import tensorflow
    except Exception:
        pass
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
namespace = {"__name__": "__main__"}
for block in payload["blocks"]:
    try:
        exec(compile("\n" * (block["line"] - 1) + block["code"], path, "exec"), namespace)
    except SystemExit as stop:
        if stop.code in (None, 0):
            break
        result = {"line": block["line"], "error": f"exited with {stop.code!r}"}
    except BaseException as error:
        frames = traceback.extract_tb(error.__traceback__)
        line = next((f.lineno for f in reversed(frames) if f.filename == path), block["line"])
        traceback.print_exc()
        result = {"line": line, "error": traceback.format_exception_only(type(error), error)[-1].strip()}
    else:
        continue
    sys.stdout.flush()
    print("\n" + MARK + json.dumps(result), flush=True)
    sys.exit(1)
'''


def run_one(item: Runnable, timeout_s: float = RUN_TIMEOUT_S) -> LintProblem | None:
    """Run one runnable in a fresh interpreter in a temp folder; a problem when it fails."""
    with tempfile.TemporaryDirectory(prefix="drill-lint-") as tmp:
        script = Path(tmp, "_harness.py")
        script.write_text(f"MARK = {RESULT_MARK!r}\n" + _HARNESS, encoding="utf-8")
        payload = Path(tmp, "_payload.json")
        payload.write_text(json.dumps({"path": str(item.path), "blocks": [asdict(b) for b in item.blocks]}), encoding="utf-8")
        work = Path(tmp, "work")
        work.mkdir()
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            done = subprocess.run(
                [sys.executable, str(script), str(payload)], cwd=work, env=env, capture_output=True,
                text=True, timeout=timeout_s, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return LintProblem(item.path, item.line, f"{item.label} ran past its {timeout_s:g} s limit", "run")
    if done.returncode == 0:
        return None
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            result = json.loads(line[len(RESULT_MARK):])
            return LintProblem(item.path, int(result["line"]), f"{item.label} fails: {result['error']}", "run")
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return LintProblem(item.path, item.line, f"{item.label} fails (exit {done.returncode}): {tail}", "run")


def run_all(
    items: list[Runnable], *, timeout_s: float = RUN_TIMEOUT_S, jobs: int = 1,
    progress: Callable[[int, int, Runnable], None] | None = None,
) -> list[LintProblem]:
    """Run every item (``jobs`` at a time); the problems of those that fail."""

    def one(pair: tuple[int, Runnable]) -> LintProblem | None:
        index, item = pair
        if progress is not None:
            progress(index, len(items), item)
        return run_one(item, timeout_s)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return [p for p in pool.map(one, enumerate(items, start=1)) if p is not None]
