"""Load every deck: the shipped ones in ``decks/`` and the learner's own in the data folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drill.content.cards import Card, Problem, parse_deck
from drill.content.skills import load_skills

SKIP = {"README.md"}
# The learner's edits of shipped cards: a card here with a shipped card's id replaces it (same
# id, so its review history and schedule stay; same place on the learning path).
OVERRIDES = "overrides.md"


@dataclass
class DeckSet:
    """All cards that loaded, keyed by id in learning-path order, and every problem found."""

    cards: dict[str, Card] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def deck_files(*folders: Path) -> list[Path]:
    """Deck files (``*.md`` except README.md) in the given folders, sorted by name."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files.extend(sorted(p for p in folder.glob("*.md") if p.name not in SKIP))
    return files


def load_decks(*folders: Path) -> DeckSet:
    """Parse every deck file; a bad card is reported and skipped, never hiding the rest.

    Duplicate ids across files are errors: the later card is dropped and both places named,
    except in an ``overrides.md`` deck, whose cards replace the shipped ones with their id.
    """
    skill_ids = set(load_skills())
    result = DeckSet()
    for path in deck_files(*folders):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            result.problems.append(Problem(path, 1, f"cannot read deck file: {error}"))
            continue
        cards, problems = parse_deck(text, path, skill_ids, start_order=len(result.cards))
        if not cards and not problems:  # an emptied or truncated deck: say so, do not lose cards in silence
            problems = [Problem(path, 1, "no cards in this deck file (empty, or no '## card-id' heading)")]
        result.problems.extend(problems)
        for card in cards:
            first = result.cards.get(card.id)
            if first is not None and path.name == OVERRIDES and first.path.name != OVERRIDES:
                result.cards[card.id] = card.model_copy(update={"order": first.order})
                continue
            if first is not None:
                result.problems.append(
                    Problem(path, card.line, f"duplicate card id {card.id!r} (first defined at {first.path}:{first.line})")
                )
                continue
            result.cards[card.id] = card
    return result


def override_card(card: Card, own_decks: Path) -> tuple[Path, int]:
    """Copy a shipped card's block into ``<own_decks>/overrides.md`` (once); return (file, line).

    The shipped deck file is never written. Editing the copy changes the card the app shows;
    its id, and so its review history, stays the same.
    """
    target = own_decks / OVERRIDES
    existing = target.read_text(encoding="utf-8") if target.is_file() else ""
    header = f"## {card.id}"
    lines = existing.splitlines()
    if header in lines:
        return target, lines.index(header) + 1
    source = card.path.read_text(encoding="utf-8").splitlines()
    siblings, _ = parse_deck("\n".join(source), card.path, set(load_skills()))
    end = min((c.line for c in siblings if c.line > card.line), default=len(source) + 1)
    block = "\n".join(source[card.line - 1:end - 1]).rstrip() + "\n"
    base = existing.rstrip("\n") if existing else "# Deck: my edits of shipped cards (same ids: they replace the shipped ones)"
    text = base + "\n\n" + block
    own_decks.mkdir(parents=True, exist_ok=True)
    from drill.store.atomic import write_bytes_atomic

    write_bytes_atomic(target, text.encode("utf-8"))
    return target, text.splitlines().index(header) + 1
