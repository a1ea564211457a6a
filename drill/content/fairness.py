"""The solutions a drill instance's bars are measured against (tests and bench/bench_instances.py).

- the reference solution, with its fixed seed replaced (``reseeded``): several seeds show the
  spread an honest solution meets;
- a deliberately weak model (``weakened``): the reference trained for one epoch, which must
  not reach 5/5;
- the untouched starter, which must score below 3 or be refused.

Text transforms only: the trainings run through ``drill.check.runner.run_check``.
"""

from __future__ import annotations

import re

from drill.content.exercises import DrillSpec

SEED_RE = re.compile(r"set_random_seed\(\s*\d+\s*\)")
EPOCHS_RE = re.compile(r"\bepochs\s*=\s*\d+")


def reseeded(spec: DrillSpec, seed: int) -> str:
    """The reference solution for ``spec``'s instance with its random seed set to ``seed``."""
    code = spec.solution_text()
    if not SEED_RE.search(code):
        raise ValueError(f"{spec.solution}: the reference sets no keras.utils.set_random_seed(N) to vary")
    return SEED_RE.sub(f"set_random_seed({seed})", code)


def weakened(spec: DrillSpec) -> str:
    """The reference solution for ``spec``'s instance trained for one epoch only."""
    code = spec.solution_text()
    if not EPOCHS_RE.search(code):
        raise ValueError(f"{spec.solution}: the reference has no epochs=N to cut to one")
    return EPOCHS_RE.sub("epochs=1", code)
