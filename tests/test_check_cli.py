"""``drill new`` and ``drill check`` on the command line: paths, exit codes, --json, submissions."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from drill.cli import main
from drill.store import Store

TOML = """
id = "tiny-line"
title = "Tiny line"
category = "regression"
skills = ["nn.build"]
time_budget_min = 5
source = "made up"

[metric]
name = "mse"
bars = [1.0, 0.1, 0.01, 1e-3, 1e-4]

[contract]
input_shape = [1]
output_shape = [1]
timeout_s = 120
memory_mb = 3000

hints = ["set the weights"]
"""

SOLUTION = """
import numpy as np
import tensorflow as tf

def solution_model():
    x = np.linspace(-1, 1, 8).reshape(-1, 1)
    model = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.0), loss="mse")
    model.fit(x, 2 * x, epochs=2, verbose=0)
    model.layers[0].set_weights([np.array([[2.0]]), np.array([0.0])])
    return model

if __name__ == "__main__":
    solution_model().save("mymodel.h5")
"""

STARTER = """
def solution_model():
    model = None  # TODO
    return model

if __name__ == "__main__":
    solution_model().save("mymodel.h5")
"""

HELDOUT = """
import numpy as np
def heldout(model):
    x = np.array([[-3.0], [0.5], [4.0]], dtype="float32")
    return x, 2.0 * x
"""


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "content"
    folder = root / "exercises" / "tiny-line"
    folder.mkdir(parents=True)
    for name, text in {"exercise.toml": TOML, "solution.py": SOLUTION, "starter.py": STARTER,
                       "heldout.py": HELDOUT, "task.md": "# Tiny line\n"}.items():
        (folder / name).write_text(textwrap.dedent(text))
    monkeypatch.setenv("DRILL_CONTENT", str(root))
    return folder


def test_new_prints_a_fresh_workspace(content, drill_home, capsys):
    assert main(["new", "tiny-line"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.is_dir() and (path / "solution.py").read_text() == (content / "starter.py").read_text()
    assert drill_home in path.parents


def test_unknown_drill_is_a_usage_error(content, capsys):
    assert main(["check", "nope"]) == 2
    assert "no drill 'nope'" in capsys.readouterr().err
    assert main(["new", "nope"]) == 2


def test_check_without_an_attempt_says_what_to_do(content, capsys):
    assert main(["check", "tiny-line"]) == 2
    assert "drill new tiny-line" in capsys.readouterr().err


def test_syntax_error_exits_1_with_json(content, tmp_path, capsys):
    bad = tmp_path / "bad.py"
    bad.write_text("def solution_model(:\n")
    assert main(["check", "tiny-line", str(bad), "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["score"] == 0 and record["error_kind"] == "syntax"


@pytest.mark.slow
def test_check_of_the_latest_attempt_records_a_submission(content, drill_home, capsys):
    assert main(["new", "tiny-line"]) == 0
    workspace = Path(capsys.readouterr().out.strip())
    assert main(["check", "tiny-line"]) == 1  # the untouched starter
    out = capsys.readouterr()
    assert "solution_model() returned NoneType" in out.out
    (workspace / "solution.py").write_text(textwrap.dedent(SOLUTION))
    assert main(["check", "tiny-line", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["score"] == 5 and record["metric"] == "mse"
    with Store.open(drill_home) as store:
        subs = list(store.records("submissions"))
        attempt = next(iter(store.all("attempts").values()))
    assert [s["score"] for s in subs] == [0, 5]
    assert "set_weights" in subs[1]["code"]
    assert (attempt["submissions"], attempt["best_score"]) == (2, 5)
