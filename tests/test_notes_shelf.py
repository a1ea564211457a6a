"""The notes loader: front matter, code blocks, problems at file:line, learner notes beside shipped."""

from __future__ import annotations

from pathlib import Path

from drill.content.notes import extract_code_blocks, load_all_notes, load_notes, parse_note

NOTE = """---
title: Windowed datasets
topic: ts
skills: ts.prepare, ts.windows
kind: snippet
runnable: yes
---

# Windowed datasets

Some text.

```python
import math
print(math.pi)
```

```text
not python
```

```py
x = 2
```
"""


def _parse(text: str, own: bool = False, name: str = "n.md"):
    return parse_note(text, Path(name), "n", own=own, skill_ids={"ts.prepare", "ts.windows", "nn.build"})


def test_front_matter_is_read():
    note, problems = _parse(NOTE)
    assert problems == []
    assert (note.title, note.topic, note.skills, note.kind, note.runnable) == (
        "Windowed datasets", "ts", ("ts.prepare", "ts.windows"), "snippet", True
    )
    assert note.body_line == 8 and note.body.startswith("\n# Windowed")


def test_code_blocks_carry_file_lines():
    note, _ = _parse(NOTE)
    blocks = note.code_blocks()
    assert [(b.lang, b.line, b.is_python) for b in blocks] == [("python", 14, True), ("text", 19, False), ("py", 23, True)]
    assert NOTE.splitlines()[13] == "import math"
    assert note.python_code() == "import math\nprint(math.pi)\n\nx = 2"


def test_extract_handles_tildes_and_longer_fences():
    text = "~~~python\na = 1\n~~~\n````\n```\ninside\n````\n"
    blocks = extract_code_blocks(text, first_line=10)
    assert [(b.lang, b.code, b.line) for b in blocks] == [("python", "a = 1", 11), ("", "```\ninside", 14)]


def test_problems_name_the_line():
    text = "---\ntitle: T\ntopic: xx\nskills: nn.build, bad.one\nkind: poem\nrunnable: maybe\nfoo: 1\n---\n```python\nx\n"
    note, problems = _parse(text)
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [
        (7, "unknown"), (3, "topic"), (4, "unknown"), (5, "kind"), (6, "runnable"), (9, "code"),
    ]
    assert note is not None and note.skills == ("nn.build",)


def test_unclosed_front_matter_is_unusable():
    note, problems = _parse("---\ntitle: x\n\nbody\n")
    assert note is None and [(p.line, "never closed" in p.message) for p in problems] == [(1, True)]


def test_own_notes_need_no_front_matter_but_shipped_do():
    text = "# Dropout notes\n\nuse 0.5\n"
    own, problems = _parse(text, own=True)
    assert problems == [] and own.title == "Dropout notes" and own.own and own.kind == "note"
    shipped, problems = _parse(text)
    assert [(p.line, "no front matter" in p.message) for p in problems] == [(1, True)]
    untitled, _ = _parse("just text\n", own=True, name="my-lstm_tricks.md")
    assert untitled.title == "my lstm tricks"


def test_learner_notes_appear_beside_shipped(tmp_path, drill_home, monkeypatch):
    shipped = tmp_path / "content" / "notes" / "snippets"
    shipped.mkdir(parents=True)
    (shipped / "cnn.md").write_text("---\ntitle: CNN\ntopic: img\nkind: snippet\n---\nConv2D\n")
    (shipped.parent / "README.md").write_text("not a note")
    (drill_home / "notes").mkdir()
    (drill_home / "notes" / "mine.md").write_text("# My CNN tricks\n")
    monkeypatch.setenv("DRILL_CONTENT", str(tmp_path / "content"))
    shelf = load_all_notes(drill_home)
    assert [(n.id, n.title, n.own) for n in shelf.notes] == [
        ("snippets/cnn", "CNN", False), ("mine/mine", "My CNN tricks", True),
    ]
    assert shelf.get("mine/mine").path == drill_home / "notes" / "mine.md"
    assert shelf.problems == []


def test_missing_folders_are_empty(tmp_path):
    shelf = load_notes(tmp_path / "nope", tmp_path / "nope2")
    assert shelf.notes == [] and shelf.problems == []
