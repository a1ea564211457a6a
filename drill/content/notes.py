"""The notes shelf: shipped notes in ``notes/`` and the learner's own in ``<data home>/notes/``.

A note is a Markdown file that starts with a front-matter block (notes/README.md)::

    ---
    title: Early stopping and a threshold callback
    topic: nn
    skills: nn.callbacks
    kind: snippet
    runnable: yes
    ---

Shipped notes must have it; the learner's own notes may leave it out (the title then comes
from the first ``# `` heading or the file name). Problems name ``file:line`` like decks.
Search is pure and in memory: hundreds of notes take a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from drill.content.cards import Problem
from drill.content.skills import load_skills
from drill.models import TOPICS, Topic

Kind = Literal["snippet", "checklist", "guide", "note"]
KINDS: tuple[str, ...] = ("snippet", "checklist", "guide", "note")
KNOWN_KEYS = ("title", "topic", "skills", "kind", "runnable")
PYTHON_TAGS = {"python", "py", "python3"}
SKIP = {"README.md"}
FENCE_OPEN = re.compile(r"^\s*(```+|~~~+)\s*([\w.+-]*)")
META = re.compile(r"^([A-Za-z_]+):\s*(.*)$")


@dataclass(frozen=True)
class CodeBlock:
    """A fenced code block: its language tag, its code, and the file line of its first code line."""

    lang: str
    code: str
    line: int

    @property
    def is_python(self) -> bool:
        return self.lang.lower() in PYTHON_TAGS


class Note(BaseModel):
    """One note on the shelf."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str  # "snippets/cnn" for shipped notes, "mine/<stem>" for the learner's own
    title: str = Field(min_length=1)
    topic: Topic | None = None
    skills: tuple[str, ...] = ()
    kind: Kind = "note"
    runnable: bool = False
    own: bool = False  # written by the learner, in the data folder
    path: Path
    body: str  # the Markdown after the front matter
    body_line: int = 1  # file line of the body's first line

    def code_blocks(self) -> list[CodeBlock]:
        """Every fenced code block of the body, with file line numbers."""
        return extract_code_blocks(self.body, self.body_line)

    def python_code(self) -> str:
        """All python blocks joined: what "copy snippet" puts on the clipboard."""
        return "\n\n".join(block.code for block in self.code_blocks() if block.is_python)


@dataclass
class NoteSet:
    """Notes that loaded (shipped first, then the learner's), and every problem found."""

    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, note_id: str) -> Note | None:
        return next((note for note in self.notes if note.id == note_id), None)


@dataclass(frozen=True)
class Hit:
    """A search result: the note, its score, and the best matching body line (or the title)."""

    note: Note
    score: float
    line: int  # file line of the snippet (the title's line when only the title matched)
    snippet: str


def extract_code_blocks(text: str, first_line: int = 1) -> list[CodeBlock]:
    """Fenced code blocks of Markdown ``text``; ``first_line`` is the file line of its line 1.

    An unclosed block runs to the end of the text (the lint reports it separately).
    """
    blocks: list[CodeBlock] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        fence, lang = match.group(1), match.group(2)
        start = index + 1
        end = start
        while end < len(lines) and not _closes(lines[end], fence):
            end += 1
        blocks.append(CodeBlock(lang=lang, code="\n".join(lines[start:end]), line=first_line + start))
        index = end + 1
    return blocks


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence) and set(stripped) == {fence[0]}


def unclosed_fence(text: str, first_line: int = 1) -> int | None:
    """File line of a code fence that is opened and never closed, or None."""
    open_at: int | None = None
    fence = ""
    for number, line in enumerate(text.splitlines(), start=first_line):
        if open_at is None:
            match = FENCE_OPEN.match(line)
            if match:
                open_at, fence = number, match.group(1)
        elif _closes(line, fence):
            open_at = None
    return open_at


def parse_note(text: str, path: Path, note_id: str, *, own: bool, skill_ids: set[str]) -> tuple[Note | None, list[Problem]]:
    """Parse one note file. Returns the note (None when it is unusable) and its problems."""
    problems: list[Problem] = []
    lines = text.splitlines()
    meta: dict[str, tuple[int, str]] = {}
    body_index = 0
    if lines and lines[0].strip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if close is None:
            problems.append(Problem(path, 1, "front matter opened with '---' is never closed (add a '---' line)"))
            return None, problems
        for index in range(1, close):
            number, line = index + 1, lines[index]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            match = META.match(line.strip())
            if not match:
                problems.append(Problem(path, number, f"expected 'key: value' in the front matter, got {line.strip()[:40]!r}"))
                continue
            key, value = match.group(1).lower(), match.group(2).strip()
            if key not in KNOWN_KEYS:
                problems.append(Problem(path, number, f"unknown front-matter key {key!r} (known: {', '.join(KNOWN_KEYS)})"))
                continue
            if value:  # an empty value ("topic:" in the template) means "not set"
                meta[key] = (number, value)
        body_index = close + 1
    elif not own:
        problems.append(Problem(path, 1, "note has no front matter (start with '---', then title/topic/skills/kind/runnable, then '---')"))
    body = "\n".join(lines[body_index:])

    title = meta.get("title", (0, ""))[1] or _heading(lines[body_index:]) or path.stem.replace("-", " ").replace("_", " ")
    if not own and "title" not in meta and lines and lines[0].strip() == "---":
        problems.append(Problem(path, 1, "front matter has no 'title:'"))
    topic: str | None = None
    if "topic" in meta:
        number, topic = meta["topic"]
        if topic not in TOPICS:
            problems.append(Problem(path, number, f"topic must be one of {', '.join(TOPICS)}, got {topic!r}"))
            topic = None
    skills: list[str] = []
    if "skills" in meta:
        number, value = meta["skills"]
        skills = [s.strip() for s in value.split(",") if s.strip()]
        for skill in skills:
            if skill not in skill_ids:
                problems.append(Problem(path, number, f"unknown skill id {skill!r} (see CHECKLIST.md for the ids)"))
        skills = [s for s in skills if s in skill_ids]
    kind = "note"
    if "kind" in meta:
        number, kind = meta["kind"]
        if kind not in KINDS:
            problems.append(Problem(path, number, f"kind must be one of {', '.join(KINDS)}, got {kind!r}"))
            kind = "note"
    runnable = False
    if "runnable" in meta:
        number, value = meta["runnable"]
        if value.lower() not in ("yes", "no", "true", "false"):
            problems.append(Problem(path, number, f"runnable must be yes or no, got {value!r}"))
        runnable = value.lower() in ("yes", "true")
    open_at = unclosed_fence(body, body_index + 1)
    if open_at is not None:
        problems.append(Problem(path, open_at, "code block opened here is never closed (add a closing ```)"))
    note = Note(
        id=note_id, title=title, topic=topic, skills=tuple(skills), kind=kind, runnable=runnable,  # type: ignore[arg-type]
        own=own, path=path, body=body, body_line=body_index + 1,
    )
    if runnable and not any(block.is_python for block in note.code_blocks()):
        problems.append(Problem(path, meta["runnable"][0], "runnable note has no ```python block"))
    return note, problems


def note_files(folder: Path) -> list[Path]:
    """Note files (``*.md`` except README.md) under ``folder``, recursively, sorted by path."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if p.name not in SKIP and p.is_file())


def load_notes(shipped: Path | None, own: Path | None = None) -> NoteSet:
    """Load the shipped notes folder and the learner's notes folder (either may be missing)."""
    skill_ids = set(load_skills())
    result = NoteSet()
    shipped_ids: set[str] = set()
    for folder, is_own in ((shipped, False), (own, True)):
        if folder is None:
            continue
        for path in note_files(folder):
            rel = path.relative_to(folder).with_suffix("").as_posix()
            # an own note at a shipped note's path is the learner's edit of it: same id, replaces it
            overrides = is_own and rel in shipped_ids
            note_id = rel if overrides or not is_own else f"mine/{rel}"
            if not is_own:
                shipped_ids.add(rel)
            elif overrides:
                result.notes = [n for n in result.notes if n.id != rel]
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                result.problems.append(Problem(path, 1, f"cannot read note file: {error}"))
                continue
            note, problems = parse_note(text, path, note_id, own=is_own, skill_ids=skill_ids)
            result.problems.extend(problems)
            if note is not None:
                result.notes.append(note)
    return result


def load_all_notes(home: Path | None = None) -> NoteSet:
    """Shipped notes (under ``content_root()``) beside the learner's own in ``<home>/notes``."""
    from drill.paths import content_root

    return load_notes(content_root() / "notes", home / "notes" if home is not None else None)


TITLE_WEIGHT = 10.0
META_WEIGHT = 3.0
BODY_WEIGHT = 1.0


def search(notes: list[Note], query: str, limit: int | None = None) -> list[Hit]:
    """Case-insensitive full-text search; every word of ``query`` must occur somewhere.

    A word in the title counts far more than one in skills/topic/kind, which counts more than
    one in the body (where repeats add a little, capped). Ties keep the shelf's order. Each hit
    carries the body line that matches the most words (the title when none does).
    """
    terms = [t for t in query.lower().split() if t]
    if not terms:
        return []
    hits: list[tuple[float, int, Hit]] = []
    for order, note in enumerate(notes):
        title = note.title.lower()
        meta = " ".join((*note.skills, note.topic or "", note.kind)).lower()
        body = note.body.lower()
        score = 0.0
        for term in terms:
            in_title, in_meta, in_body = term in title, term in meta, body.count(term)
            if not (in_title or in_meta or in_body):
                break
            score += TITLE_WEIGHT * in_title + META_WEIGHT * in_meta + BODY_WEIGHT * min(in_body, 5) ** 0.5
        else:
            line, snippet = _best_line(note, terms) if body else (0, "")
            if not snippet:
                line, snippet = max(note.body_line - 1, 1), note.title
            hits.append((-score, order, Hit(note=note, score=score, line=line, snippet=snippet)))
    hits.sort(key=lambda item: (item[0], item[1]))
    found = [hit for _, _, hit in hits]
    return found[:limit] if limit is not None else found


def _best_line(note: Note, terms: list[str]) -> tuple[int, str]:
    best, best_count = (0, ""), 0
    for number, line in enumerate(note.body.splitlines(), start=note.body_line):
        low = line.lower()
        count = sum(term in low for term in terms)
        if count > best_count:
            best, best_count = (number, line.strip()[:160]), count
            if count == len(terms):
                break
    return best


def _heading(lines: list[str]) -> str:
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip()
        if line.strip():
            break
    return ""
