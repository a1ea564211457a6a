"""Exam readiness, pure: per-category evidence → expected score and the chance of 90 % (docs/readiness.md).

Inputs are plain data (item states, cards' categories, drill submissions, mock exams) and the
clock; the output is a :class:`Readiness` with the reasons. Identical inputs give identical
results. The formula, its constants and the assumptions behind them are in docs/readiness.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from drill.models import CATEGORIES, ItemState, Settings
from drill.schedule.memory import retrievability

RECENT = timedelta(days=30)  # a drill score this recent counts in full …
STALE_FACTOR = 0.8  # … an older best counts at 80 %
FORGET_FLOOR = 0.5  # a drill forgotten by the exam still earns half its score (you rebuild it slower)
CONCEPT_SHARE = 0.4  # concept knowledge closes up to 40 % of the gap a drill score leaves
MOCK_WEIGHT = 0.6  # a fresh, full-length (5 h) mock-exam score weighs 60 % against the model …
MOCK_FULL_MINUTES = 300.0  # … a shorter sitting in proportion to the time it ran (1 h mini: 12 %) …
MOCK_HALF_LIFE_DAYS = 14.0  # … halving every two weeks
MOCK_ACTION_WEIGHT = 0.1  # a sitting this heavy (≥ 50 fresh minutes) may set the next action
UNCERTAINTY = 0.3  # width of the range with no repeated evidence, shrinking as 1/sqrt(1 + n)
PASS_POINTS = 23  # 90 % of 5 tasks × 5 points = 22.5 → 23 whole points
TASK_POINTS = 5


@dataclass(frozen=True)
class Submission:
    """One graded drill attempt."""

    drill_id: str
    score: float  # 0–5
    at: datetime


@dataclass(frozen=True)
class MockExam:
    """A mock exam's result: best score 0–5 per category with at least one submission.

    ``minutes`` is how long the sitting ran (end − start): the evidence weighs in proportion.
    """

    at: datetime
    scores: Mapping[str, float]
    minutes: float = MOCK_FULL_MINUTES


def mock_weight(minutes: float, age_days: float = 0.0) -> float:
    """How much a mock exam's category score pulls the category (see docs/readiness.md)."""
    share = min(max(minutes, 0.0) / MOCK_FULL_MINUTES, 1.0)
    return MOCK_WEIGHT * share * 0.5 ** (max(age_days, 0.0) / MOCK_HALF_LIFE_DAYS)


def mock_rule_text(minutes: float) -> str:
    """The sentence the exam's result screen shows: how this sitting counts in readiness."""
    w = mock_weight(minutes)
    return (f"How this counts in readiness: each task you submitted is evidence for its category, "
            f"alongside your drills and cards, weighted by how long the sitting ran — this one "
            f"{minutes:.0f} of {MOCK_FULL_MINUTES:.0f} min, so {100 * w:.0f} % now, halving every "
            f"{MOCK_HALF_LIFE_DAYS:.0f} days. Tasks you never submitted count neither way, in every exam.")


@dataclass(frozen=True)
class Evidence:
    """Everything readiness reads. Cards and drills map to exam categories (a card may feed several)."""

    now: datetime
    exam_date: date | None
    settings: Settings
    card_categories: Mapping[str, tuple[str, ...]]  # card id → categories
    card_skills: Mapping[str, tuple[str, ...]]  # card id → skill ids
    skill_categories: Mapping[str, str]  # skill id → category ("none" for dev.*)
    drill_categories: Mapping[str, str]  # drill (and variant) id → category
    drill_skills: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    drill_titles: Mapping[str, str] = field(default_factory=dict)
    states: Mapping[str, ItemState] = field(default_factory=dict)
    submissions: Sequence[Submission] = ()
    exams: Sequence[MockExam] = ()

    @property
    def target(self) -> datetime:
        """When readiness is measured: the morning of the exam day (or now without a date)."""
        if self.exam_date is None:
            return self.now
        return max(self.now, datetime.combine(self.exam_date, time(9), tzinfo=timezone.utc))


@dataclass(frozen=True)
class CategoryReadiness:
    category: str
    expected: float  # points out of 5
    low: float
    high: float
    drill_score: float  # best drill evidence, 0–5 (after staleness and forgetting)
    best_drill: str | None
    drill_retention: float  # recall odds of that drill on the exam date
    attempts: int
    concept_recall: float  # mean retrievability of the category's cards on the exam date (unseen = 0)
    coverage: float  # share of the category's skills touched by a seen card or an attempted drill
    cards: int
    cards_seen: int
    mock: float | None
    mock_weight: float = 0.0


@dataclass(frozen=True)
class Readiness:
    at: datetime
    target: datetime
    categories: tuple[CategoryReadiness, ...]
    expected_percent: float
    low_percent: float
    high_percent: float
    pass_probability: float
    pass_low: float
    pass_high: float
    weakest: str
    next_action: str

    def category(self, name: str) -> CategoryReadiness:
        return next(c for c in self.categories if c.category == name)

    def as_json(self) -> dict:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        data["target"] = self.target.isoformat()
        return _round(data)


def _round(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_round(v) for v in value]
    return value


# ------------------------------------------------------------------------------ the model
def _drill_retention(ev: Evidence, drill_id: str, last: datetime) -> float:
    state = ev.states.get(drill_id)
    if state is not None and state.last_review is not None and state.stability:
        return retrievability(state, ev.target, ev.settings)
    # no memory state yet: assume a drill once done is recalled like a new FSRS item (S ≈ 3 days)
    days = max((ev.target - last).total_seconds() / 86400, 0.0)
    return (1 + days / (9 * 3.0)) ** -1


def _drill_evidence(ev: Evidence, category: str) -> tuple[float, str | None, float, int]:
    """Best expected drill score in the category: (score, drill, retention, attempts)."""
    by_drill: dict[str, list[Submission]] = {}
    for sub in ev.submissions:
        if ev.drill_categories.get(sub.drill_id) == category and sub.at <= ev.now:
            by_drill.setdefault(sub.drill_id, []).append(sub)
    best = (0.0, None, 0.0)
    for drill_id, subs in sorted(by_drill.items()):
        recent = max((s.score for s in subs if ev.now - s.at <= RECENT), default=0.0)
        score = max(recent, STALE_FACTOR * max(s.score for s in subs))
        score = min(max(score, 0.0), TASK_POINTS)
        r = _drill_retention(ev, drill_id, max(s.at for s in subs))
        expected = score * (FORGET_FLOOR + (1 - FORGET_FLOOR) * r)
        if expected > best[0] or best[1] is None:
            best = (expected, drill_id, r)
    return best[0], best[1], best[2], sum(len(v) for v in by_drill.values())


def _concepts(ev: Evidence, category: str) -> tuple[float, float, int, int]:
    """(mean recall on the exam date, skill coverage, cards, cards seen)."""
    cards = [cid for cid, cats in ev.card_categories.items() if category in cats]
    recall = 0.0
    seen = 0
    touched: set[str] = set()
    for cid in cards:
        state = ev.states.get(cid)
        if state is None or state.last_review is None:
            continue
        seen += 1
        recall += retrievability(state, ev.target, ev.settings)
        touched.update(ev.card_skills.get(cid, ()))
    attempted = {s.drill_id for s in ev.submissions if s.at <= ev.now}
    for did in attempted:
        if ev.drill_categories.get(did) == category:
            touched.update(ev.drill_skills.get(did, ()))
    skills = {s for s, c in ev.skill_categories.items() if c == category}
    coverage = len(touched & skills) / len(skills) if skills else 0.0
    return (recall / len(cards) if cards else 0.0), coverage, len(cards), seen


def _mock(ev: Evidence, category: str) -> tuple[float | None, float]:
    """Latest mock-exam score for the category and its weight (0 when the category was not submitted)."""
    latest = max((e for e in ev.exams if category in e.scores and e.at <= ev.now), key=lambda e: e.at, default=None)
    if latest is None:
        return None, 0.0
    age = max((ev.now - latest.at).total_seconds() / 86400, 0.0)
    return min(max(float(latest.scores[category]), 0.0), TASK_POINTS), mock_weight(latest.minutes, age)


def assess_category(ev: Evidence, category: str) -> CategoryReadiness:
    drill, best, r, attempts = _drill_evidence(ev, category)
    recall, coverage, cards, seen = _concepts(ev, category)
    knowledge = recall * coverage
    expected = drill + (TASK_POINTS - drill) * CONCEPT_SHARE * knowledge
    mock, weight = _mock(ev, category)
    if mock is not None:
        expected = (1 - weight) * expected + weight * mock
    n = attempts + seen / 10 + (3 * weight / MOCK_WEIGHT if mock is not None else 0)
    width = UNCERTAINTY / math.sqrt(1 + n)
    p = expected / TASK_POINTS
    low = p * (1 - width)
    high = p + (1 - p) * width if n > 0 else p
    return CategoryReadiness(
        category=category, expected=expected, low=low * TASK_POINTS, high=high * TASK_POINTS,
        drill_score=drill, best_drill=best, drill_retention=r, attempts=attempts,
        concept_recall=recall, coverage=coverage, cards=cards, cards_seen=seen, mock=mock, mock_weight=weight,
    )


def pass_probability(points: Sequence[float]) -> float:
    """P(total ≥ 23 of 25) when each task's score is Binomial(5, expected/5), independently."""
    dist = [1.0]
    for expected in points:
        p = min(max(expected / TASK_POINTS, 0.0), 1.0)
        task = [math.comb(TASK_POINTS, k) * p**k * (1 - p) ** (TASK_POINTS - k) for k in range(TASK_POINTS + 1)]
        new = [0.0] * (len(dist) + TASK_POINTS)
        for i, a in enumerate(dist):
            if a:
                for k, b in enumerate(task):
                    new[i + k] += a * b
        dist = new
    return min(max(sum(dist[PASS_POINTS:]), 0.0), 1.0)


def next_action(ev: Evidence, c: CategoryReadiness) -> str:
    if c.mock is not None and c.mock < TASK_POINTS and c.mock <= c.expected and c.mock_weight >= MOCK_ACTION_WEIGHT:
        return f"{c.category}: your mock exam scored {c.mock:g}/5 — redo a {c.category} drill until it scores 5/5"
    if c.attempts == 0:
        options = sorted(d for d, cat in ev.drill_categories.items() if cat == c.category)
        which = f" (try `drill new {options[0]}`)" if options else ""
        return f"{c.category}: never drilled — build a {c.category} model from scratch{which}"
    raw_best = max((s.score for s in ev.submissions if s.drill_id == c.best_drill), default=0)
    if raw_best < TASK_POINTS:
        return f"{c.category}: best {c.best_drill} score is {raw_best:g}/5 — retry it until 5/5"
    if c.drill_retention < 0.85:
        return f"{c.category}: redo {c.best_drill} — you may have forgotten it by the exam ({c.drill_retention:.0%} recall)"
    if c.cards_seen < c.cards:
        return f"{c.category}: study its {c.cards - c.cards_seen} unseen cards"
    if c.concept_recall < 0.9:
        return f"{c.category}: review its cards (recall on exam day {c.concept_recall:.0%})"
    return "take a mock exam to confirm"


def assess(ev: Evidence) -> Readiness:
    """Readiness for every exam category and overall (equal weights: one task each)."""
    cats = tuple(assess_category(ev, c) for c in CATEGORIES)
    weakest = min(cats, key=lambda c: (c.expected, CATEGORIES.index(c.category)))  # type: ignore[arg-type]
    total = TASK_POINTS * len(cats)
    return Readiness(
        at=ev.now,
        target=ev.target,
        categories=cats,
        expected_percent=100 * sum(c.expected for c in cats) / total,
        low_percent=100 * sum(c.low for c in cats) / total,
        high_percent=100 * sum(c.high for c in cats) / total,
        pass_probability=pass_probability([c.expected for c in cats]),
        pass_low=pass_probability([c.low for c in cats]),
        pass_high=pass_probability([c.high for c in cats]),
        weakest=weakest.category,
        next_action=next_action(ev, weakest),
    )
