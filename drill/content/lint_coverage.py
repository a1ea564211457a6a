"""Cards per skill and resource for ``drill lint``: the coverage table, and the skills with too few
cards or the sections missing a resource level, placed at their line in ``skills.toml``."""

from __future__ import annotations

from drill.content.lint_report import LintProblem
from drill.content.skills import SKILLS_FILE, load_skills
from drill.models import RESOURCES, TOPICS

MIN_CARDS = 3


def coverage(cards) -> dict[str, dict[str, int]]:
    """Skill id → resource → number of cards training it (a card counts for each of its skills)."""
    table = {skill: dict.fromkeys(RESOURCES, 0) for skill in load_skills()}
    for card in cards:
        for skill in card.skills:
            if skill in table:
                table[skill][card.resource] += 1
    return table


def coverage_totals(cards) -> dict[str, int]:
    """Resource → number of distinct cards."""
    totals = dict.fromkeys(RESOURCES, 0)
    for card in cards:
        totals[card.resource] += 1
    return totals


def format_coverage(cards) -> str:
    """The coverage table as aligned text: one row per skill, then the totals."""
    cards = list(cards)
    table = coverage(cards)
    width = max(len(s) for s in table)
    head = f"{'skill':<{width}}  " + "  ".join(f"{r:>8}" for r in RESOURCES) + f"  {'total':>6}"
    rows = [head, "-" * len(head)]
    for skill, counts in table.items():
        mark = "  <" if sum(counts.values()) < MIN_CARDS else ""
        rows.append(f"{skill:<{width}}  " + "  ".join(f"{counts[r]:>8}" for r in RESOURCES) + f"  {sum(counts.values()):>6}{mark}")
    totals = coverage_totals(cards)
    rows.append("-" * len(head))
    rows.append(f"{'all cards':<{width}}  " + "  ".join(f"{totals[r]:>8}" for r in RESOURCES) + f"  {len(cards):>6}")
    return "\n".join(rows)


def coverage_problems(cards, min_cards: int = MIN_CARDS) -> list[LintProblem]:
    """Skills with too few cards, and sections missing a resource, at their skills.toml line."""
    cards = list(cards)
    lines = _skills_toml_lines()
    problems = []
    for skill, counts in coverage(cards).items():
        total = sum(counts.values())
        if total < min_cards:
            problems.append(
                LintProblem(SKILLS_FILE, lines.get(skill, 1), f"skill {skill!r} has {total} card(s), needs at least {min_cards}", "skill-cards")
            )
    for topic in TOPICS:
        have = {card.resource for card in cards if card.topic == topic}
        missing = [r for r in RESOURCES if r not in have]
        if missing:
            problems.append(
                LintProblem(
                    SKILLS_FILE, lines.get(f"[{topic}]", 1),
                    f"section {topic!r} has no {'/'.join(missing)} card (every section needs each resource level)",
                    "section-resource",
                )
            )
    return problems


def _skills_toml_lines() -> dict[str, int]:
    lines: dict[str, int] = {}
    section = ""
    for number, line in enumerate(SKILLS_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        elif section == "[sections]" and "=" in stripped:
            lines[f"[{stripped.split('=', 1)[0].strip()}]"] = number
        elif section == "[skills]" and stripped.startswith('"'):
            lines[stripped.split('"')[1]] = number
    return lines
