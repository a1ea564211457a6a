"""drill lint's form and originality checks: seeded problems are caught at their file:line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from drill.content.lint import lint
from drill.content.style import COPIED_PHRASES, MAX_ANSWER_WORDS, SCANNED_FOLDERS, copied_in_text, copied_problems, prose_words

LONG = " ".join(f"word{i}" for i in range(MAX_ANSWER_WORDS + 1))
FIT = " ".join(f"word{i}" for i in range(MAX_ANSWER_WORDS))
CODE_13 = "\n".join(f"x{i} = {i}" for i in range(13))
CODE_12 = "\n".join(f"x{i} = {i}" for i in range(12))

DECK = f"""# Deck: seeded problems

## fx-front-label
skills: nn.build
resource: course

Front: What does compile set?

---

The optimizer, the loss and the metrics.

## fx-long-prose
skills: nn.build
resource: course

A question?

---

{LONG}

## fx-long-code
skills: nn.build
resource: course

Another question?

---

```python
{CODE_13}
```

## fx-just-fits
skills: nn.build
resource: course

A question at the limit?

---

{FIT}

```python
{CODE_12}
```

## fx-back-label
skills: nn.build
resource: course
type: cloze

The {{{{optimizer}}}} updates the weights.

---

Back: the rest.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "seeded.md").write_text(DECK, encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "copied.md").write_text(
        "---\ntitle: Copied\nkind: snippet\nskills: ts.windows\n---\n\n```python\n"
        "def windowed_dataset(series, window_size, batch_size, shuffle_buffer):\n    pass\n```\n",
        encoding="utf-8",
    )
    drill = tmp_path / "exercises" / "seeded-drill"
    drill.mkdir(parents=True)
    (drill / "starter.py").write_text(
        "# There are 5 questions in this exam with increasing difficulty from 1-5.\n"
        "def solution_model():\n    return None\n\n"
        "# When you press the Submit   and Test button, your model is scored.\n",
        encoding="utf-8",
    )
    return tmp_path


def _found(report, code):
    return sorted((p.path.name, p.line) for p in report.problems if p.code == code)


def test_each_seeded_problem_is_caught_at_its_line(content):
    report = lint(content, None, coverage_checks=False)
    assert _found(report, "card-form") == [("seeded.md", 7), ("seeded.md", 81)]
    assert _found(report, "long-answer") == [("seeded.md", 21), ("seeded.md", 31)]
    # line 8 carries both the course's function name and its parameter list: two findings
    assert _found(report, "copied") == [("copied.md", 8), ("copied.md", 8), ("starter.py", 1), ("starter.py", 5)]
    assert SCANNED_FOLDERS == ("decks", "notes", "exercises")
    assert not report.ok


def test_exercise_files_are_scanned_for_copies(content):
    found = sorted((p.name, line) for p, line, _, code in copied_problems(content, ("exercises",)))
    assert found == [("starter.py", 1), ("starter.py", 5)]


def test_messages_say_what_to_do(content):
    text = "\n".join(str(p) for p in lint(content, None, coverage_checks=False).problems)
    assert "'fx-front-label': the front starts with a literal 'Front:' label" in text
    assert "'fx-back-label': the back starts with a literal 'Back:' label" in text
    assert f"'fx-long-prose': the answer has {MAX_ANSWER_WORDS + 1} words of prose, more than {MAX_ANSWER_WORDS}" in text
    assert "'fx-long-code': a code block in the answer has 13 lines, more than 12" in text
    assert "copied from the course's windowed_dataset signature" in text


def test_the_learners_own_long_cards_are_reported_but_not_scanned_for_copies(content, tmp_path):
    home = tmp_path / "home"
    (home / "decks").mkdir(parents=True)
    (home / "decks" / "mine.md").write_text(
        f"## fx-mine\nskills: nn.build\nresource: book\n\nQ?\n\n---\n\n{LONG}\n"
        "\n```text\ndef model_forecast(model, series, window_size):\n```\n", encoding="utf-8")
    report = lint(content, home, coverage_checks=False)
    assert ("mine.md", 9) in _found(report, "long-answer")
    assert not any(p.path.name == "mine.md" for p in report.problems if p.code == "copied")


def test_json_lists_them_with_path_and_line(content, monkeypatch, capsys):
    from drill.commands import lint as command

    monkeypatch.setenv("DRILL_CONTENT", str(content))
    parser = argparse.ArgumentParser()
    command.configure(parser)
    args = parser.parse_args(["--json"])
    args.home = None
    assert command.run(args) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    seen = {(Path(p["path"]).name, p["line"], p["code"]) for p in problems}
    assert {("seeded.md", 7, "card-form"), ("seeded.md", 21, "long-answer"), ("copied.md", 8, "copied"), ("starter.py", 1, "copied")} <= seen


def test_exam_footer_message(content):
    [(_, _, message, _)] = [f for f in copied_problems(content, ("exercises",)) if f[1] == 5]
    assert "copied from the certificate exam's starter footer: 'Submit and Test button'" in message


def test_word_count_skips_code_and_bullets():
    assert prose_words("- one `two()` three\n\n```python\nnot counted at all\n```\n  - four —") == 4


@pytest.mark.parametrize(("pattern", "source"), COPIED_PHRASES)
def test_every_phrase_pattern_is_live(pattern, source):
    # A pattern that never matches anything would be a rule that cannot fail.
    samples = {
        "there are 5 questions in this exam": "# There are 5 questions in this exam",
        "weight of the grade for the question is relative": "# the weight of the grade for the question is relative",
        r"save your model as a \.h5 like this": "# you'll need to save your model as a .h5 like this.",
        "submit and test button": "# press the Submit and Test button",
        r"def windowed_dataset\(\s*series\s*,\s*window_size\s*,\s*batch_size": "def windowed_dataset(series, window_size, batch_size=32):",
        r"def model_forecast\(\s*model\s*,\s*series\s*,\s*window_size": "def model_forecast(model, series, window_size):",
        r"csv\.reader\(\s*csvfile": "reader = csv.reader(csvfile, delimiter=',')",
        r"\.append\(\s*float\(\s*row\[2\]\s*\)\s*\)": "    values.append(float(row[2]))",
        r"time_step\.append\(\s*int\(\s*row\[0\]": "    time_step.append(int(row[0]))",
        r"lambda window\s*:\s*\(\s*window\[:-1\]\s*,\s*window\[-1\]\s*\)": "ds.map(lambda window: (window[:-1], window[-1]))",
        r"\(\s*series\s*,\s*window_size\s*,\s*batch_size\s*,\s*shuffle_buffer\s*\)": "def make_windows(series, window_size, batch_size, shuffle_buffer):",
        r"flat_map\(\s*lambda window\s*:\s*window\.batch\(\s*window_size\s*\+\s*1\s*\)": "ds = ds.flat_map(lambda window: window.batch(window_size + 1))",
        r"dataset\.window\(\s*window_size\s*\+\s*1\s*,\s*shift\s*=\s*1": "dataset = dataset.window(window_size + 1, shift=1, drop_remainder=True)",
        r"def plot_series\(\s*time\s*,\s*series\s*,\s*format": 'def plot_series(time, series, format="-", start=0, end=None):',
        r"np\.cos\(\s*season_time\s*\*\s*2\s*\*\s*np\.pi\s*\)": "np.where(season_time < 0.4, np.cos(season_time * 2 * np.pi), 1)",
        r"lr_schedule\s*=\s*(tf\.)?keras\.callbacks\.LearningRateScheduler\(": "lr_schedule = tf.keras.callbacks.LearningRateScheduler(",
        r"lambda epoch\s*:\s*1e-8\s*\*\s*10\s*\*\*\s*\(\s*epoch\s*/\s*20\s*\)": "    lambda epoch: 1e-8 * 10**(epoch / 20))",
        "so cancelling training": '        print("\\nReached 60% accuracy so cancelling training!")',
        r"local_weights_file|pre_trained_model\.get_layer\(": "last_layer = pre_trained_model.get_layer('mixed7')",
        r"i love my (dog|cat)|do you think my dog is amazing": 'sentences = ["I love my dog", "I love my cat"]',
        r"granny starting to fear spiders|game of thrones season finale": 'new = ["granny starting to fear spiders in the garden might be real"]',
    }
    assert copied_in_text(Path("x.py"), samples[pattern]), source


def test_ordinary_api_use_is_not_flagged():
    text = (
        "ds = ds.map(lambda w: (w[:-1], w[-1]))\ndef make_windows(values, width, batch=32):\n"
        "spans = steps.window(width + 1, shift=1, drop_remainder=True)\n"
        "sweep = keras.callbacks.LearningRateScheduler(lambda e: 1e-8 * 10 ** (e / 20))\n"
        'extractor = keras.Model(base.input, base.get_layer("mixed7").output)\n'
        "def windowed_dataset(series, batch_size, n_past=24, n_future=24):\n"
    )
    assert copied_in_text(Path("x.py"), text) == []


def test_the_shipped_content_has_no_copied_phrase_long_answer_or_label():
    # the Must-show of issue 14 on the real content: what `drill lint --json` would list
    from drill.paths import content_root

    report = lint(content_root(), None, coverage_checks=False)
    assert not [str(p) for p in report.problems if p.code in ("copied", "long-answer", "card-form")]


def test_a_snippet_that_stops_teaching_fails_its_run(tmp_path):
    # The shipped snippets assert their point; when the point no longer holds, the run fails
    # at the assert's line with the assertion's message.
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "chance.md").write_text(
        "---\ntitle: Transfer\nkind: snippet\nrunnable: yes\n---\n\n```python\n"
        "accuracy = 0.5\nassert accuracy >= 0.9, accuracy\n```\n", encoding="utf-8")
    ran = lint(tmp_path, None, run=True, coverage_checks=False, timeout_s=60)
    assert [(p.line, p.code) for p in ran.problems] == [(9, "run")]
    assert "AssertionError: 0.5" in ran.problems[0].message
