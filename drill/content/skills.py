"""The skills map (CHECKLIST.md ids → section, exam category, description) as typed data."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from drill.models import Category, Topic

SKILLS_FILE = Path(__file__).with_name("skills.toml")


class Skill(BaseModel):
    """One checklist skill."""

    model_config = ConfigDict(frozen=True)

    id: str
    section: Topic
    category: Category | Literal["none"]
    text: str


@lru_cache(maxsize=1)
def load_skills(path: Path = SKILLS_FILE) -> dict[str, Skill]:
    """Return every skill keyed by id, in checklist order."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    skills: dict[str, Skill] = {}
    for skill_id, entry in raw["skills"].items():
        skills[skill_id] = Skill(id=skill_id, section=skill_id.split(".", 1)[0], **entry)
    return skills


def section_titles(path: Path = SKILLS_FILE) -> dict[str, str]:
    """Return section id → title, in checklist order."""
    return dict(tomllib.loads(path.read_text(encoding="utf-8"))["sections"])
