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


def test_variants_find_their_files_in_order(tmp_path):
    toml = GOOD + """
[[variants]]
id = "vv-alt"
title = "Alt"
bars = [2.0, 1.0, 0.5, 0.2, 0.1]
contract = { input_shape = [3] }

[[variants]]
id = "vv-named"
title = "Named"
starter = "starter_named.py"
"""
    folder = write(tmp_path, "vv", toml)
    (folder / "variants" / "vv-alt").mkdir(parents=True)
    (folder / "variants" / "vv-alt" / "heldout.py").write_text("# alt")
    (folder / "starter_named.py").write_text("# named")
    loaded = load_exercises(tmp_path)
    assert loaded.problems == []
    ex = loaded.exercises["vv"]
    alt = ex.spec("vv-alt")
    assert alt.heldout == folder / "variants" / "vv-alt" / "heldout.py" and alt.starter == folder / "starter.py"
    assert alt.metric.bars[0] == 2.0 and alt.contract.input_shape == [3] and alt.contract.output_shape == [1]
    assert alt.id == "vv-alt" and alt.drill_id == "vv"
    assert ex.spec("vv-named").starter == folder / "starter_named.py"
    with pytest.raises(ContentError, match="no variant"):
        ex.spec("vv-nope")


def test_variant_with_a_missing_explicit_file_is_a_problem(tmp_path):
    write(tmp_path, "vm", GOOD + '\n[[variants]]\nid = "vm-x"\ntitle = "X"\nsolution = "nope.py"\n')
    loaded = load_exercises(tmp_path)
    assert "vm" not in loaded.exercises and "nope.py" in str(loaded.problems[0])


def test_find_spec(tmp_path):
    write(tmp_path, "ok-one", GOOD)
    assert find_spec("ok-one", tmp_path).id == "ok-one"
    with pytest.raises(ContentError, match="no drill 'zzz'") as info:
        find_spec("zzz", tmp_path)
    assert "ok-one" in info.value.hint
    write(tmp_path, "broken", GOOD.replace('"nn.build"', '"nn.nope"'))
    with pytest.raises(ContentError, match="does not load"):
        find_spec("broken", tmp_path)
