"""Read what readiness and the planner need from the store and the content (the IO edge).

Drill submissions (log ``submissions``), drill states (table ``items``, kind ``drill``) and mock
exams (table ``exams``) are written by other parts of drill; they are read defensively here:
a record that does not have the documented shape is skipped, never fatal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from drill.models import CATEGORIES, ItemState, Settings, utc
from drill.readiness import Evidence, MockExam, Readiness, Submission, assess
from drill.schedule.days import day_start, study_day
from drill.store.layout import parse_at

SUBMISSIONS = "submissions"
EXAMS = "exams"
READINESS_LOG = "readiness"


@dataclass(frozen=True)
class DrillInfo:
    id: str
    title: str
    category: str
    skills: tuple[str, ...]
    time_budget_min: int = 60
    parent: str | None = None  # for a variant: its drill


@dataclass
class Content:
    """The parts of decks and exercises progress needs."""

    cards: dict  # id → Card (id, skills, resource, order, topic)
    drills: dict[str, DrillInfo] = field(default_factory=dict)


def load_drills() -> dict[str, DrillInfo]:
    """Every drill, by id (its instances share it) (empty when the exercises cannot be loaded)."""
    try:
        from drill.content.exercises import exercises_root, load_exercises

        loaded = load_exercises(exercises_root()).exercises
    except Exception:  # noqa: BLE001 - exercises are another engineer's module, still growing
        return {}
    out: dict[str, DrillInfo] = {}
    for ex in loaded.values():
        out[ex.id] = DrillInfo(ex.id, ex.title, ex.category, tuple(ex.skills), ex.time_budget_min)
    return out


def card_categories(cards: Iterable, skills: dict) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    cats: dict[str, tuple[str, ...]] = {}
    card_skills: dict[str, tuple[str, ...]] = {}
    for card in cards:
        found = []
        for s in card.skills:
            c = getattr(skills.get(s), "category", "none")
            if c in CATEGORIES and c not in found:
                found.append(c)
        cats[card.id] = tuple(found)
        card_skills[card.id] = tuple(card.skills)
    return cats, card_skills


def parse_submission(raw: dict) -> Submission | None:
    try:
        drill = raw.get("drill_id") or raw.get("variant") or raw.get("drill")
        score = raw.get("score")
        if not isinstance(drill, str) or isinstance(score, bool) or not isinstance(score, (int, float)):
            return None
        return Submission(drill, float(score), utc(parse_at(raw["at"])))
    except (KeyError, ValueError, TypeError):
        return None


def parse_exam(raw: dict) -> MockExam | None:
    """A finished mock exam (``drill.exam.Exam``) as evidence: each attempted task's best score.

    A running exam is not evidence yet, and a task never submitted says nothing about the
    category (the learner may have ended the exam early), so it is left out.
    """
    from drill.exam import Exam

    exam = raw if isinstance(raw, Exam) else Exam.model_validate(raw)  # invalid: the caller's DataError
    if exam.ended_at is None:
        return None
    scores = {task.category: float(task.best) for task in exam.tasks if task.submissions}
    minutes = (exam.ended_at - exam.started_at).total_seconds() / 60
    return MockExam(exam.ended_at, scores, minutes) if scores else None


def submissions(store, since: datetime | None = None) -> list[Submission]:
    out = []
    return list(store.records(SUBMISSIONS, since=since, parse=strict_submission))


def strict_submission(raw: dict) -> Submission:
    """A stored submission as evidence; one that does not parse is an error, never skipped."""
    sub = parse_submission(raw)
    if sub is None:
        raise ValueError("a submission needs a drill id, a numeric score and a time 'at'")
    return sub


def exams(store) -> list[MockExam]:
    out = []
    from drill.exam import Exam

    for raw in store.all(EXAMS, parse=Exam.model_validate).values():
        exam = parse_exam(raw)
        if exam is not None:
            out.append(exam)
    return out


def item_states(store) -> dict[str, ItemState]:
    return store.all("items", parse=ItemState.model_validate)  # an invalid state: DataError naming it


def build_evidence(store, settings: Settings, cards: dict, drills: dict[str, DrillInfo], now: datetime,
                   states: dict[str, ItemState] | None = None, subs: list[Submission] | None = None) -> Evidence:
    from drill.content.skills import load_skills

    skills = load_skills()
    cats, card_skills = card_categories(cards.values(), skills)
    return Evidence(
        now=now,
        exam_date=settings.exam_date,
        settings=settings,
        card_categories=cats,
        card_skills=card_skills,
        skill_categories={k: v.category for k, v in skills.items()},
        drill_categories={k: d.category for k, d in drills.items()},
        drill_skills={k: d.skills for k, d in drills.items()},
        drill_titles={k: d.title for k, d in drills.items()},
        states=item_states(store) if states is None else states,
        submissions=_cached_submissions(store, settings) if subs is None else subs,
        exams=exams(store),
    )


def _cached_submissions(store, settings: Settings) -> list[Submission]:
    from drill.progress.daily import load_daily

    # Only the submissions log: readiness needs no review days (flat however long the history)
    return load_daily(store.home, settings, logs=(SUBMISSIONS,)).submissions


def snapshot(store, settings: Settings, result: Readiness) -> None:
    """Keep one readiness record per study day (rewritten in place through the day)."""
    day = study_day(result.at, settings)
    record = {
        "id": f"day-{day.isoformat()}",
        "at": day_start(day, settings).isoformat(),
        "day": day.isoformat(),
        "expected": round(result.expected_percent, 2),
        "low": round(result.low_percent, 2),
        "high": round(result.high_percent, 2),
        "pass": round(result.pass_probability, 4),
        "categories": {c.category: round(c.expected, 3) for c in result.categories},
    }
    store.append(READINESS_LOG, record)


def snapshots(store, since: date | None = None, settings: Settings | None = None) -> list[dict]:
    start = day_start(since, settings) - timedelta(days=1) if since and settings else None
    return list(store.records(READINESS_LOG, since=start))


def readiness_for(store, settings: Settings, cards: dict, now: datetime, *, save: bool = True,
                  drills: dict[str, DrillInfo] | None = None) -> Readiness:
    """Assess readiness now (and keep today's snapshot)."""
    result = assess(build_evidence(store, settings, cards, load_drills() if drills is None else drills, now))
    if save:
        try:
            snapshot(store, settings, result)
        except Exception:  # noqa: BLE001 - a snapshot is a nicety; never fail the reading for it
            pass
    return result
