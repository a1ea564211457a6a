"""Import cards from a CSV/TSV file into a deck of the learner's own, all rows or none.

Columns (a header row names them, any order): front, back, skills, resource, and optionally
id. Skills are separated by commas or spaces. The result is written in the deck text format to
``<home>/decks/<name>.md`` and validated with the same parser that loads decks.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from drill.content.cards import CARD_ID, parse_deck
from drill.content.skills import load_skills
from drill.errors import DataError, UsageError
from drill.models import RESOURCES
from drill.store.atomic import write_bytes_atomic
from drill.store.layout import NAME_RE

REQUIRED = ("front", "back", "skills", "resource")


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based line in the file (the header is line 1)
    message: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:6]
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return "-".join(["my", *words, digest])


def _read(path: Path) -> list[dict[str, str]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise UsageError(f"{path} does not exist") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(f"{path} is not UTF-8 text (byte {error.start} cannot be decoded)",
                        hint="save the file as UTF-8 (most spreadsheet apps offer 'CSV UTF-8'); nothing was imported") from error
    delimiter = "\t" if path.suffix.lower() == ".tsv" or ("\t" in text.splitlines()[0] if text else False) else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataError(f"{path} lacks the column(s) {', '.join(missing)} (found: {', '.join(header) or 'no header'})",
                        hint="the first row must name the columns: front, back, skills, resource[, id]; nothing was imported")
    reader.fieldnames = header
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _card_text(card_id: str, row: dict[str, str], skills: list[str]) -> str:
    return f"## {card_id}\nskills: {', '.join(skills)}\nresource: {row['resource']}\n\n{row['front']}\n\n---\n\n{row['back']}\n"


def import_cards(path: Path, home: Path, existing_ids: set[str], deck_name: str | None = None) -> tuple[Path, int]:
    """Turn every row of ``path`` into a card in ``<home>/decks/<deck_name>.md``.

    Call it under the store's writer lock (``with store.batch():``) with ``existing_ids`` read
    under that lock: concurrent imports into one deck then append one after the other.

    Returns:
        The deck file written and the number of cards added.

    Raises:
        DataError: listing every bad row; nothing is written then.
    """
    deck_name = deck_name_for(path, deck_name)
    rows = _read(path)
    skill_ids = set(load_skills())
    errors: list[RowError] = []
    blocks: list[str] = []
    seen = set(existing_ids)
    for number, row in enumerate(rows, start=2):
        problems = []
        for column in ("front", "back"):
            if not row.get(column):
                problems.append(f"{column} is empty")
            elif re.search(r"^(---|## )", row[column], re.M):
                problems.append(f"{column} has a line starting with '---' or '## ', which the deck format reserves")
        skills = [s for s in re.split(r"[,\s]+", row.get("skills", "")) if s]
        unknown = [s for s in skills if s not in skill_ids]
        if not skills:
            problems.append("skills is empty")
        if unknown:
            problems.append(f"unknown skill id(s) {', '.join(unknown)}")
        if row.get("resource") not in RESOURCES:
            problems.append(f"resource must be one of {', '.join(RESOURCES)}, got {row.get('resource')!r}")
        card_id = row.get("id") or _slug(row.get("front", ""))
        if not CARD_ID.match(card_id):
            problems.append(f"id {card_id!r} must be lowercase letters, digits, '.', '-' or '_'")
        elif card_id in seen:
            problems.append(f"id {card_id!r} is already used by another card")
        seen.add(card_id)
        if problems:
            errors.append(RowError(number, "; ".join(problems)))
        else:
            blocks.append(_card_text(card_id, row, skills))
    if errors:
        raise DataError(f"{len(errors)} of {len(rows)} rows in {path} cannot be imported:\n  " + "\n  ".join(map(str, errors)),
                        hint="fix those rows and import again; nothing was imported")
    if not blocks:
        raise DataError(f"{path} has no rows to import", hint="add rows under the header")
    decks = home / "decks"
    decks.mkdir(parents=True, exist_ok=True)
    target = decks / f"{deck_name}.md"
    old = target.read_text(encoding="utf-8") if target.exists() else f"# Deck: imported from {path.name}\n"
    text = old.rstrip("\n") + "\n\n" + "\n".join(blocks)
    cards, problems = parse_deck(text, target, skill_ids)
    if problems:  # the writer and the parser disagree: refuse rather than write a broken deck
        raise DataError(f"import would produce an invalid deck: {problems[0]}", hint="report this; nothing was imported")
    write_bytes_atomic(target, text.encode("utf-8"))  # a unique temp name, fsync, rename
    return target, len(blocks)


def deck_name_for(path: Path, deck: str | None) -> str:
    """The deck's file name (without .md): ``--deck`` checked, else ``imported-<file stem>``.

    A deck name becomes a file name inside ``<home>/decks``: no folders, no dots, no hidden
    files (``--deck ../../x`` is refused).
    """
    if deck is None:
        stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-")[:50] or "cards"
        return f"imported-{stem}"
    name = deck[:-3] if deck.endswith(".md") else deck
    if not NAME_RE.match(name):
        raise UsageError(f"deck name {deck!r} is not allowed",
                         hint="use letters, digits, '-' and '_' only (no folders): e.g. --deck my-keras-cards")
    return name
