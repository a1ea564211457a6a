"""Deck parser and loader: good cards load, every bad one is named by file:line."""

from pathlib import Path

from drill.content.decks import load_decks

GOOD = """# Deck: sample

## s-compile
skills: nn.build, nn.tf2
resource: course

What does `compile` need?

```python
## a comment in code, not a card
model.compile(optimizer="adam", loss="mean_squared_error")
```

---

An optimizer and a loss.

## s-cloze
skills: img.conv
resource: docs
type: cloze

`keras.layers.{{Conv2D}}(32, {{3}})` makes 32 filters.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_deck_loads_with_code_blocks_and_cloze(tmp_path):
    write(tmp_path, "sample.md", GOOD)
    decks = load_decks(tmp_path)
    assert decks.problems == []
    assert list(decks.cards) == ["s-compile", "s-cloze"]
    compile_card = decks.cards["s-compile"]
    assert compile_card.skills == ("nn.build", "nn.tf2") and compile_card.topic == "nn"
    assert "## a comment in code" in compile_card.question()
    assert compile_card.answer() == "An optimizer and a loss."
    cloze = decks.cards["s-cloze"]
    assert cloze.question() == "`keras.layers.[…](32, […])` makes 32 filters."
    assert "`keras.layers.Conv2D(32, 3)`" in cloze.answer() and "`Conv2D`, `3`" in cloze.answer()


def test_bad_cards_are_named_and_the_rest_still_load(tmp_path):
    path = write(tmp_path, "broken.md", """## ok-1
skills: nn.build
resource: course

Q
---
A

## bad-skill
skills: nn.build, nn.nonsense
resource: course

Q
---
A

## bad-resource
skills: nn.build
resource: podcast

Q
---
A

## no-back
skills: ts.lr
resource: book

Only a front.

## open-fence
skills: ts.lr
resource: book

```python
x = 1
---
A

## ok-2
skills: ts.mae
resource: practice

Q
---
A
""")
    decks = load_decks(tmp_path)
    assert list(decks.cards) == ["ok-1", "ok-2"]
    assert [str(p) for p in decks.problems] == [
        f"{path}:10: unknown skill id 'nn.nonsense' (see CHECKLIST.md for the ids)",
        f"{path}:19: resource must be one of course, book, docs, practice, got 'podcast'",
        f"{path}:25: card has no back: separate front and back with a line '---'",
        f"{path}:35: code block opened here is never closed (add a closing ```)",
    ]


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    first = write(tmp_path, "a.md", "## same\nskills: nn.build\nresource: course\n\nQ\n---\nA\n")
    second = write(tmp_path, "b.md", "## other\nskills: nn.build\nresource: book\n\nQ\n---\nA\n\n## same\nskills: nn.build\nresource: book\n\nQ2\n---\nA2\n")
    decks = load_decks(tmp_path)
    assert set(decks.cards) == {"same", "other"}
    assert decks.cards["same"].path == first
    assert [str(p) for p in decks.problems] == [f"{second}:9: duplicate card id 'same' (first defined at {first}:1)"]


def test_syntax_slips_are_reported_with_line(tmp_path):
    path = write(tmp_path, "slips.md", """stray text
## Bad Id
skills: nn.build
colour: blue

Q
---
A
""")
    decks = load_decks(tmp_path)
    assert decks.cards == {}
    assert [str(p) for p in decks.problems] == [
        f"{path}:1: text before the first card (a card starts with '## card-id')",
        f"{path}:2: card id 'Bad Id' must be lowercase letters, digits, '.', '-' or '_'",
        f"{path}:4: unknown metadata key 'colour' (known: resource, runnable, skills, type)",
        f"{path}:2: resource must be one of course, book, docs, practice, got ''",
    ]


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "bin.md").write_bytes(b"\xff\xfe\x00bad")
    decks = load_decks(tmp_path)
    assert decks.cards == {} and "cannot read deck file" in decks.problems[0].message


def test_learner_decks_load_beside_shipped_ones(tmp_path):
    write(tmp_path / "shipped", "a.md", "## a\nskills: nn.build\nresource: course\n\nQ\n---\nA\n")
    write(tmp_path / "mine", "b.md", "## b\nskills: nn.build\nresource: course\n\nQ\n---\nA\n")
    write(tmp_path / "mine", "README.md", "not a deck")
    decks = load_decks(tmp_path / "shipped", tmp_path / "mine")
    assert list(decks.cards) == ["a", "b"] and decks.problems == []
