"""Load every deck: the shipped ones in ``decks/`` and the learner's own in the data folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drill.content.cards import Card, Problem, parse_deck
from drill.content.skills import load_skills

SKIP = {"README.md"}


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

    Duplicate ids across files are errors: the later card is dropped and both places named.
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
            if first is not None:
                result.problems.append(
                    Problem(path, card.line, f"duplicate card id {card.id!r} (first defined at {first.path}:{first.line})")
                )
                continue
            result.cards[card.id] = card
    return result
