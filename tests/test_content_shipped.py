"""The content that ships in decks/, notes/ and exercises/ passes the check.

These go green once the decks are written; the slow test runs every runnable card and snippet.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache

import pytest

from drill.content.lint import lint, run_one, syntax_error
from drill.content.skills import load_skills
from drill.models import RESOURCES, TOPICS
from drill.paths import content_root

ROOT = content_root()


@lru_cache(maxsize=1)
def _report():
    return lint(ROOT, None)


def test_no_problems():
    problems = _report().problems
    assert not problems, "\n" + "\n".join(str(p) for p in problems)


def test_at_least_200_cards():
    count = len(_report().cards)
    assert count >= 200, f"{count} cards"


def test_every_skill_has_three_cards():
    counts = Counter(skill for card in _report().cards.values() for skill in card.skills)
    thin = {skill: counts[skill] for skill in load_skills() if counts[skill] < 3}
    assert not thin, f"skills with fewer than 3 cards: {thin}"


def test_every_section_has_every_resource_level():
    have = {(card.topic, card.resource) for card in _report().cards.values()}
    missing = [(t, r) for t in TOPICS for r in RESOURCES if (t, r) not in have]
    assert not missing, f"sections missing a resource level: {missing}"


def test_every_python_block_parses():
    from drill.content.decks import deck_files
    from drill.content.notes import extract_code_blocks

    bad = []
    for path in deck_files(ROOT / "decks"):
        for block in extract_code_blocks(path.read_text(encoding="utf-8")):
            if block.is_python and "{{" not in block.code and syntax_error(block.code):
                bad.append(f"{path}:{block.line}")
    for note in _report().notes:
        bad += [f"{note.path}:{b.line}" for b in note.code_blocks() if b.is_python and syntax_error(b.code)]
    assert not bad, bad


def test_notes_shelf_is_complete():
    notes = _report().notes
    kinds = Counter(note.kind for note in notes)
    assert kinds["snippet"] >= 15 and kinds["checklist"] >= 5 and kinds["guide"] >= 1
    assert all(note.runnable for note in notes if note.kind == "snippet")
    assert all(note.skills and note.topic for note in notes)


def test_every_runnable_snippet_asserts_what_it_teaches():
    # The slow test below runs each snippet; an `assert` (an accuracy it must reach, a shape it
    # must have) is what makes a snippet that stops teaching fail there, not just one that crashes.
    import ast

    silent = [
        f"{note.path.name}" for note in _report().notes if note.runnable
        and not any(isinstance(node, ast.Assert) for b in note.code_blocks() if b.is_python for node in ast.walk(ast.parse(b.code)))
    ]
    assert not silent, f"runnable notes without an assert: {silent}"


# What each runnable snippet teaches, as the assert that proves it (a regex over its code). A
# snippet whose point assert is deleted or weakened fails here; one whose point stops holding
# fails the slow run below. A new snippet needs its line here.
TEACHES = {
    "augmentation-layers.md": r"assert not np\.allclose\(changed, images\) and np\.allclose\(unchanged, images\)",  # random in training only
    "callbacks-early-stopping.md": r"assert early\.stopped_epoch > 0",  # patience ended training
    "cnn.md": r'assert history\.history\["val_accuracy"\]\[-1\] > 0\.9',  # the conv net learns
    "images-from-directory.md": r'assert train\.class_names == \["circles", "squares"\]',  # folders are labels
    "input-shapes-and-predict.md": r"np\.expand_dims\(one, 0\).*\.shape == \(1, 10\)",  # one example needs a batch axis
    "json-and-csv.md": r"assert series\.shape == \(24,\) and series\.dtype == np\.float32",  # the csv column as numbers
    "lr-sweep.md": r"assert rates\[0\] < best < rates\[-1\]",  # the sweep finds an inner minimum
    "normalization-regression.md": r"assert np\.allclose\(normalize\.mean",  # adapt learns the training means
    "onehot-vs-sparse-labels.md": r"assert sparse_acc > 0\.85 and onehot_acc > 0\.85",  # same task, either label form
    "plot-history.md": r'assert sorted\(h\) == \["accuracy", "loss", "val_accuracy", "val_loss"\]',  # what History holds
    "save-model-size.md": r"assert 1\.0 <= lean_mb / weights_mb < 1\.1",  # size = 4 bytes a parameter
    "sequence-layers-text.md": r"assert accuracy > 0\.8",  # each layer kind reads word order
    "sequential-classifier.md": r'assert history\.history\["val_accuracy"\]\[-1\] > 0\.9',  # the classifier learns
    "text-classifier-embeddings.md": r'assert history\.history\["val_accuracy"\]\[-1\] > 0\.9',  # embeddings learn
    "text-generation.md": r'assert history\.history\["accuracy"\]\[-1\] > 0\.6',  # it learnt the next words
    "time-series-forecast.md": r"assert mae < naive",  # beats "tomorrow = today"
    "transfer-learning.md": r"assert accuracy >= 0\.9",  # transfer works (chance is 0.5)
    "windowed-dataset.md": r"assert features\.shape == \(32, 20\) and labels\.shape == \(32,\)",  # window shapes
}


def test_every_runnable_snippet_asserts_the_point_it_teaches():
    import re

    snippets = {note.path.name: note for note in _report().notes if note.runnable}
    assert sorted(snippets) == sorted(TEACHES), "a runnable snippet without its teaching assert named in TEACHES (or a stale name)"
    missing = []
    for name, pattern in TEACHES.items():
        code = "\n".join(b.code for b in snippets[name].code_blocks() if b.is_python)
        asserts = [line for line in code.splitlines() if line.lstrip().startswith("assert ")]
        if not any(re.search(pattern, line) for line in asserts):
            missing.append(f"{name}: no assert matching {pattern!r}")
    assert not missing, missing


_RUNNABLES = _report().runnables if (ROOT / "decks").is_dir() else []


@pytest.mark.slow
@pytest.mark.parametrize("item", _RUNNABLES, ids=[f"{os.path.basename(r.path)}:{r.line}" for r in _RUNNABLES])
def test_runnable_code_runs(item):
    problem = run_one(item, timeout_s=180)
    assert problem is None, str(problem)
