"""Every exercise folder, discovered: its toml loads, its skills exist, its reference solution
scores 5/5 and its untouched starter does not (slow: real trainings).

New folders under exercises/ (and their [[variants]]) are picked up automatically.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from drill.check.runner import run_check
from drill.content.exercises import exercise_folders, exercises_root, load_exercise, load_exercises
from drill.content.skills import load_skills

FOLDERS = exercise_folders(exercises_root())


def _targets() -> list[tuple[str, str]]:
    """(folder name, drill-or-variant id) for every drill and variant, read leniently."""
    out = []
    for folder in FOLDERS:
        out.append((folder.name, folder.name))
        try:
            raw = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
            out.extend((folder.name, v["id"]) for v in raw.get("variants", []) if isinstance(v, dict) and "id" in v)
        except (OSError, tomllib.TOMLDecodeError):
            pass
    return out


TARGETS = _targets()


def _spec(folder_name: str, target: str):
    exercise, problems = load_exercise(exercises_root() / folder_name)
    assert exercise is not None, "\n".join(map(str, problems))
    return exercise.spec(target)


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


def test_ids_are_unique_across_drills_and_variants():
    loaded = load_exercises(exercises_root())
    ids = [i for e in loaded.exercises.values() for i in e.variant_ids]
    assert len(ids) == len(set(ids))


def _run(tmp_path: Path, folder_name: str, target: str, which: str):
    spec = _spec(folder_name, target)
    work = tmp_path / "work"
    work.mkdir()
    source = spec.solution if which == "solution" else spec.starter
    shutil.copyfile(source, work / "solution.py")
    return run_check(spec, work / "solution.py")


@pytest.mark.slow
@pytest.mark.parametrize("folder_name, target", TARGETS, ids=[t for _, t in TARGETS])
def test_reference_solution_scores_five(tmp_path, folder_name, target):
    result = _run(tmp_path, folder_name, target, "solution")
    assert result.score == 5, f"{result.summary}\n{result.error_hint}\n{result.output_tail[-2000:]}"


@pytest.mark.slow
@pytest.mark.parametrize("folder_name, target", TARGETS, ids=[t for _, t in TARGETS])
def test_untouched_starter_is_not_a_pass(tmp_path, folder_name, target):
    result = _run(tmp_path, folder_name, target, "starter")
    assert result.score < 5
    assert result.error_kind not in ("heldout_failed", "internal"), result.error_message
