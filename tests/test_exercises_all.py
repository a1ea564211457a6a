"""Every exercise folder, discovered: its toml loads, its skills exist, its reference solution
scores 5/5 and its untouched starter does not (slow: real trainings), on every data instance.

New folders under exercises/ (and their [[instances]]) are picked up automatically.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.content.exercises import exercise_folders, exercises_root, load_exercise, load_exercises
from drill.content.skills import load_skills

FOLDERS = exercise_folders(exercises_root())


def test_there_are_exercises():
    assert "linear-dense" in [f.name for f in FOLDERS]


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_exercise_loads_without_problems(folder: Path):
    exercise, problems = load_exercise(folder)
    assert problems == [], "\n".join(map(str, problems))
    assert exercise.id == folder.name
    assert set(exercise.skills) <= set(load_skills())
    assert not _imports_heldout(folder / "starter.py"), "the starter must not reach the held-out data"


def _imports_heldout(path: Path) -> bool:
    import ast

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any("heldout" in a.name for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and ("heldout" in (node.module or "") or any("heldout" in a.name for a in node.names)):
            return True
    return False


def test_drill_ids_and_instance_aliases_are_unique():
    loaded = load_exercises(exercises_root())
    ids = [*loaded.exercises, *(a for e in loaded.exercises.values() for i in e.instances for a in i.aliases)]
    assert len(ids) == len(set(ids))


# The trainings (reference 5/5, starter and weak model below their bars) run per instance in
# tests/test_instances.py.
