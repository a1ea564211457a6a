"""Run every reference check and print device, time and score (for a machine with a GPU).

Checks use a GPU when TensorFlow sees one (memory growth on; the result names the device).
On a GPU the warm worker is off (CUDA state does not survive fork), so these are cold checks.

    python bench/bench_gpu_checks.py [ID ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from shutil import copyfile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drill.check.runner import run_check  # noqa: E402
from drill.check.warm import fork_is_safe  # noqa: E402
from drill.content.exercises import exercises_root, load_exercises  # noqa: E402


def main() -> int:
    loaded = load_exercises(exercises_root())
    specs = [e.spec(v) for e in loaded.exercises.values() for v in e.variant_ids]
    if sys.argv[1:]:
        specs = [s for s in specs if s.id in sys.argv[1:]]
    safe, why = fork_is_safe()
    print(f"warm worker: {'possible' if safe else 'off — ' + why}")
    print("| drill | device | time | score | error |")
    print("|---|---|---|---|---|")
    failed = 0
    for spec in specs:
        with tempfile.TemporaryDirectory() as tmp:
            copyfile(spec.solution, Path(tmp) / "solution.py")
            t0 = time.monotonic()
            result = run_check(spec, Path(tmp) / "solution.py")
            took = time.monotonic() - t0
        failed += result.score < 5
        print(f"| {spec.id} | {result.device or '?'} | {took:.1f} s | {result.score}/5 | {result.error_kind or ''} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
