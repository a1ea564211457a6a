"""The exercise loader: a bad exercise names its file and what is wrong, and hides no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.content.exercises import find_spec, load_exercises
from drill.errors import ContentError

GOOD = """
id = "{id}"
title = "T"
category = "regression"
skills = ["nn.build"]
time_budget_min = 10
source = "made up"

[metric]
name = "mse"
bars = [1.0, 0.1, 0.01, 1e-3, 1e-4]

[contract]
input_shape = [1]
output_shape = [1]

hints = ["h1"]
"""


def write(root: Path, drill_id: str, toml: str, files=("task.md", "starter.py", "solution.py", "heldout.py")) -> Path:
    folder = root / drill_id
    folder.mkdir(parents=True)
    (folder / "exercise.toml").write_text(toml.replace("{id}", drill_id))
    for name in files:
        (folder / name).write_text("# " + name)
    return folder


def test_good_exercise_loads_and_hints_after_contract_are_read(tmp_path):
    write(tmp_path, "ok-one", GOOD)
    loaded = load_exercises(tmp_path)
    assert loaded.problems == []
    assert loaded.exercises["ok-one"].hints == ["h1"]


@pytest.mark.parametrize("change, words", [
    (lambda t: t.replace('name = "mse"', 'name = "f1"'), "metric.name"),
    (lambda t: t.replace("[1.0, 0.1, 0.01, 1e-3, 1e-4]", "[0.1, 1.0, 0.01, 1e-3, 1e-4]"), "must fall"),
    (lambda t: t.replace("[1.0, 0.1, 0.01, 1e-3, 1e-4]", "[1.0, 0.1]"), "metric.bars"),
    (lambda t: t.replace('"nn.build"', '"nn.flying"'), "unknown skill id 'nn.flying'"),
    (lambda t: t.replace('category = "regression"', 'category = "poetry"'), "category"),
    (lambda t: t.replace("input_shape", "input_shap"), "contract.input_shap: unknown field"),
    (lambda t: t.replace('title = "T"', 'title = "T'), "not valid TOML"),
    (lambda t: t.replace('id = "bad-one"', 'id = "other"'), "must equal the folder name"),
])
def test_each_mistake_is_named_with_file_and_line(tmp_path, change, words):
    write(tmp_path, "bad-one", change(GOOD.replace("{id}", "bad-one")))
    write(tmp_path, "ok-two", GOOD)
    loaded = load_exercises(tmp_path)
    assert list(loaded.exercises) == ["ok-two"]  # one bad exercise hides no other
    text = "\n".join(map(str, loaded.problems))
    assert words in text and "bad-one" in text
    assert all(p.line >= 1 for p in loaded.problems)


def test_missing_files_are_named(tmp_path):
    write(tmp_path, "half", GOOD, files=("task.md", "solution.py"))
    problems = load_exercises(tmp_path).problems
    assert {p.path.name for p in problems} == {"starter.py", "heldout.py"}


def test_instances_have_their_bars_files_and_contract(tmp_path):
    toml = GOOD + """
[[instances]]
id = "first"
description = "the first data set"

[[instances]]
id = "alt"
description = "another data set"
aliases = ["vv-alt"]
bars = [2.0, 1.0, 0.5, 0.2, 0.1]
contract = { input_shape = [3] }
starter = "starter_named.py"
"""
    folder = write(tmp_path, "vv", toml)
    (folder / "starter.py").write_text('INSTANCE = "first"\n')
    (folder / "starter_named.py").write_text('INSTANCE = "first"  # named\n')
    loaded = load_exercises(tmp_path)
    assert loaded.problems == []
    ex = loaded.exercises["vv"]
    assert ex.spec().instance_id == "first" and ex.spec().metric.bars[0] != 2.0
    alt = ex.spec("vv-alt")
    assert alt.instance_id == "alt" and alt.id == "vv" and alt.starter == folder / "starter_named.py"
    assert alt.metric.bars[0] == 2.0 and alt.contract.input_shape == [3] and alt.contract.output_shape == [1]
    assert alt.starter_text() == 'INSTANCE = "alt"  # named\n'
    assert find_spec("vv-alt", tmp_path).instance_id == "alt"
    with pytest.raises(ContentError, match="no instance"):
        ex.spec("nope")


def test_instance_problems_are_reported(tmp_path):
    write(tmp_path, "vm", GOOD + '\n[[instances]]\nid = "x"\ndescription = "X data"\nsolution = "nope.py"\n')
    (tmp_path / "vm" / "task.md").write_text("needs {{unknown_fact}}")
    problems = load_exercises(tmp_path).problems
    text = "\n".join(map(str, problems))
    assert "nope.py" in text and "unknown_fact" in text


def test_old_variants_get_a_clear_message(tmp_path):
    write(tmp_path, "vo", GOOD + '\n[[variants]]\nid = "vo-x"\ntitle = "X"\n')
    problems = load_exercises(tmp_path).problems
    assert "[[instances]]" in str(problems[0])


def test_find_spec(tmp_path):
    write(tmp_path, "ok-one", GOOD)
    assert find_spec("ok-one", tmp_path).id == "ok-one"
    with pytest.raises(ContentError, match="no drill 'zzz'") as info:
        find_spec("zzz", tmp_path)
    assert "ok-one" in info.value.hint
    write(tmp_path, "broken", GOOD.replace('"nn.build"', '"nn.nope"'))
    with pytest.raises(ContentError, match="does not load"):
        find_spec("broken", tmp_path)
