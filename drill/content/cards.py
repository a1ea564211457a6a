"""Concept cards as typed data, and the parser for the deck text format (decks/README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drill.models import RESOURCES, Resource, Topic

CARD_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
CLOZE = re.compile(r"\{\{(.+?)\}\}", re.S)
FENCE = re.compile(r"^\s*(```|~~~)")
META = re.compile(r"^([a-z_]+):\s*(.*)$")
KNOWN_KEYS = {"skills", "resource", "type", "runnable"}


@dataclass(frozen=True)
class Problem:
    """A content error: which file, which line, what is wrong."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class Card(BaseModel):
    """One concept card, as loaded from a deck file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=CARD_ID.pattern)
    deck: str  # deck file stem, e.g. "nn-basics"
    path: Path
    line: int
    order: int  # position across all decks, for the learning path
    skills: tuple[str, ...] = Field(min_length=1)
    resource: Resource
    type: Literal["basic", "cloze"] = "basic"
    runnable: bool = False
    front: str
    back: str

    @property
    def topic(self) -> Topic:
        """The checklist section of the card's first skill (dev, nn, img, nlp, ts)."""
        return self.skills[0].split(".", 1)[0]  # type: ignore[return-value]

    def question(self) -> str:
        """Markdown shown before the answer is revealed."""
        if self.type == "cloze":
            # Plain brackets, not bold: a gap often sits inside `inline code`.
            return CLOZE.sub("[…]", self.front)
        return self.front

    def answer(self) -> str:
        """Markdown shown after the reveal."""
        if self.type == "cloze":
            filled = CLOZE.sub(lambda m: m.group(1), self.front)
            gaps = ", ".join(f"`{gap}`" for gap in CLOZE.findall(self.front))
            return f"{filled}\n\n**Gaps:** {gaps}\n\n{self.back}".strip()
        return self.back


def parse_deck(text: str, path: Path, skill_ids: set[str], start_order: int = 0) -> tuple[list[Card], list[Problem]]:
    """Parse one deck file into cards, reporting every bad card and keeping the good ones.

    Args:
        text: The deck file's text.
        path: Its path, for error messages.
        skill_ids: The known checklist skill ids.
        start_order: Learning-path position of this deck's first card.

    Returns:
        The valid cards in file order, and one problem per invalid card or stray line.
    """
    cards: list[Card] = []
    problems: list[Problem] = []
    for block in _split_cards(text.splitlines(), path, problems):
        card = _build_card(block, path, skill_ids, start_order + len(cards), problems)
        if card is not None:
            cards.append(card)
    return cards, problems


@dataclass
class _Block:
    id: str
    line: int
    lines: list[tuple[int, str]]
    fence_open_at: int | None = None


def _starts_card(lines: list[str], index: int) -> bool:
    # A card header is '## id' followed by a metadata line. Requiring the metadata keeps a
    # '## ' comment inside a code block from splitting a card, and lets an unclosed code
    # block hurt only its own card.
    if not lines[index].startswith("## "):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    match = META.match(following)
    return bool(match and match.group(1) in KNOWN_KEYS)


def _split_cards(lines: list[str], path: Path, problems: list[Problem]) -> list[_Block]:
    blocks: list[_Block] = []
    for index, line in enumerate(lines):
        number = index + 1
        if _starts_card(lines, index):
            blocks.append(_Block(id=line[3:].strip(), line=number, lines=[]))
        elif blocks:
            blocks[-1].lines.append((number, line))
        elif line.startswith("## "):
            problems.append(Problem(path, number, "card header must be followed by a 'skills:' or 'resource:' line"))
        elif line.strip() and not line.startswith("# ") and not line.startswith(">"):
            problems.append(Problem(path, number, "text before the first card (a card starts with '## card-id')"))
    for block in blocks:
        fence: str | None = None
        for number, line in block.lines:
            marker = FENCE.match(line)
            if marker and (fence is None or marker.group(1) == fence):
                fence, block.fence_open_at = (marker.group(1), number) if fence is None else (None, None)
            elif fence is None and line.startswith("## "):
                problems.append(Problem(path, number, "'## ' starts a card, so it needs a 'skills:' line right after it"))
    return blocks


def _build_card(block: _Block, path: Path, skill_ids: set[str], order: int, problems: list[Problem]) -> Card | None:
    before = len(problems)
    if not CARD_ID.match(block.id):
        problems.append(Problem(path, block.line, f"card id {block.id!r} must be lowercase letters, digits, '.', '-' or '_'"))
    if block.fence_open_at:
        problems.append(Problem(path, block.fence_open_at, "code block opened here is never closed (add a closing ```)"))
    meta: dict[str, tuple[int, str]] = {}
    body_start = len(block.lines)
    for index, (number, line) in enumerate(block.lines):
        if not line.strip():
            body_start = index + 1
            break
        match = META.match(line)
        if not match:
            problems.append(Problem(path, number, f"expected 'key: value' metadata or a blank line, got {line.strip()[:40]!r}"))
            body_start = index
            break
        key, value = match.groups()
        if key not in KNOWN_KEYS:
            problems.append(Problem(path, number, f"unknown metadata key {key!r} (known: {', '.join(sorted(KNOWN_KEYS))})"))
        meta[key] = (number, value.strip())
    front, back = _split_front_back(block.lines[body_start:])

    skills: list[str] = []
    if "skills" not in meta:
        problems.append(Problem(path, block.line, "card has no 'skills:' line"))
    else:
        number, value = meta["skills"]
        skills = [s.strip() for s in value.split(",") if s.strip()]
        for skill in skills:
            if skill not in skill_ids:
                problems.append(Problem(path, number, f"unknown skill id {skill!r} (see CHECKLIST.md for the ids)"))
        if not skills:
            problems.append(Problem(path, number, "'skills:' is empty"))
    resource = meta.get("resource", (block.line, ""))
    if resource[1] not in RESOURCES:
        problems.append(Problem(path, resource[0], f"resource must be one of {', '.join(RESOURCES)}, got {resource[1]!r}"))
    card_type = meta.get("type", (0, "basic"))
    if card_type[1] not in ("basic", "cloze"):
        problems.append(Problem(path, card_type[0], f"type must be basic or cloze, got {card_type[1]!r}"))
    runnable = meta.get("runnable", (0, "no"))
    if runnable[1] not in ("yes", "no", "true", "false"):
        problems.append(Problem(path, runnable[0], f"runnable must be yes or no, got {runnable[1]!r}"))
    if not front.strip():
        problems.append(Problem(path, block.line, "card has no front text"))
    if card_type[1] == "cloze" and not CLOZE.search(front):
        problems.append(Problem(path, block.line, "cloze card has no {{...}} gap"))
    if card_type[1] == "basic" and not back.strip() and not block.fence_open_at:
        problems.append(Problem(path, block.line, "card has no back: separate front and back with a line '---'"))
    if len(problems) > before:
        return None
    try:
        return Card(
            id=block.id, deck=path.stem, path=path, line=block.line, order=order, skills=tuple(skills),
            resource=resource[1], type=card_type[1], runnable=runnable[1] in ("yes", "true"),
            front=front.strip(), back=back.strip(),
        )
    except ValidationError as error:  # defensive: the checks above should catch everything
        problems.append(Problem(path, block.line, error.errors()[0]["msg"]))
        return None


def _split_front_back(lines: list[tuple[int, str]]) -> tuple[str, str]:
    fence: str | None = None
    for index, (_, line) in enumerate(lines):
        marker = FENCE.match(line)
        if marker and (fence is None or marker.group(1) == fence):
            fence = marker.group(1) if fence is None else None
        elif fence is None and line.strip() == "---":
            return _join(lines[:index]), _join(lines[index + 1 :])
    return _join(lines), ""


def _join(lines: list[tuple[int, str]]) -> str:
    return "\n".join(line for _, line in lines)
