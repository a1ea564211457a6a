"""Readiness: properties (more practice never lowers it, a blank category caps the pass chance,
determinism) and simulated learners landing in the bands written in docs/readiness.md."""

from __future__ import annotations

import pytest
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from drill.content.skills import load_skills
from drill.models import CATEGORIES, Settings
from drill.progress.evidence import card_categories, parse_exam, parse_submission
from drill.readiness import Evidence, MockExam, Submission, assess, pass_probability
from drill.schedule.memory import review_item

SETTINGS = Settings(enable_fuzzing=False, timezone="UTC")
START = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
EXAM = date(2026, 11, 9)  # day 8 of a 7-day sprint
SKILLS = load_skills()
# two cards per skill of every exam category, one per skill of dev.*
CARDS = [
    SimpleNamespace(id=f"{s}-{i}", skills=(s,))
    for s, skill in SKILLS.items()
    for i in range(1 if skill.category == "none" else 2)
]
CARD_CATS, CARD_SKILLS = card_categories(CARDS, SKILLS)
DRILLS = {f"{c}-drill": c for c in CATEGORIES}
DRILL_SKILLS = {
    f"{c}-drill": tuple(s for s, k in SKILLS.items() if k.category == c) for c in CATEGORIES
}


def evidence(states=None, subs=(), exams=(), now=None, exam_date=EXAM) -> Evidence:
    return Evidence(
        now=now or datetime(2026, 11, 8, 20, tzinfo=timezone.utc),
        exam_date=exam_date,
        settings=SETTINGS,
        card_categories=CARD_CATS,
        card_skills=CARD_SKILLS,
        skill_categories={k: v.category for k, v in SKILLS.items()},
        drill_categories=DRILLS,
        drill_skills=DRILL_SKILLS,
        states=states or {},
        submissions=tuple(subs),
        exams=tuple(exams),
    )


class Learner:
    """Replays a study history through FSRS, as the app would."""

    def __init__(self):
        self.states = {}
        self.subs: list[Submission] = []

    def review(self, item, rating, at, kind="card"):
        self.states[item] = review_item(self.states.get(item), item, kind, rating, at, SETTINGS)

    def study_day(self, day: int, new_cards=(), drills=(), drill_score=5):
        at = START + timedelta(days=day)
        for item, state in sorted(self.states.items()):  # due reviews first, all recalled
            if state.due <= at + timedelta(hours=12):
                self.review(item, 3, max(at, state.due), state.kind)
        for i, card in enumerate(new_cards):
            t = at + timedelta(minutes=i)
            self.review(card, 3, t)
            self.review(card, 3, t + timedelta(minutes=1))  # learning steps the same day
            self.review(card, 3, t + timedelta(minutes=11))
        for i, drill in enumerate(drills):
            t = at + timedelta(hours=6, minutes=i * 60)
            self.subs.append(Submission(drill, drill_score, t))
            self.review(drill, 4 if drill_score == 5 else 2 if drill_score >= 3 else 1, t, "drill")

    def evidence(self, **kw):
        return evidence(dict(self.states), self.subs, **kw)


def sprint(skip: str | None = None, drill: bool = True) -> Learner:
    """The 7-day repetition plan: cards on days 0–3, drills on days 4–5 (again on 6), review on day 6."""
    cards = [c.id for c in CARDS if not (skip and skip in CARD_CATS[c.id])]
    quarter = -(-len(cards) // 4)
    drills = [d for d, c in DRILLS.items() if c != skip] if drill else []
    learner = Learner()
    for day in range(4):
        learner.study_day(day, cards[day * quarter:(day + 1) * quarter])
    learner.study_day(4, drills=drills[:3])
    learner.study_day(5, drills=drills[3:])
    learner.study_day(6, drills=drills)
    return learner


# --------------------------------------------------------------------------- simulated learners
def test_learner_following_the_7_day_plan_passing_every_drill():
    result = assess(sprint().evidence())
    assert 90 <= result.expected_percent <= 100
    assert 0.75 <= result.pass_probability <= 1.0
    assert all(c.expected >= 4.5 for c in result.categories)


def test_learner_skipping_time_series():
    result = assess(sprint(skip="series").evidence())
    assert 70 <= result.expected_percent <= 85
    assert result.pass_probability == 0 and result.pass_high == 0
    assert result.weakest == "series" and "never drilled" in result.next_action


def test_learner_only_reviewing_cards_never_drilling():
    result = assess(sprint(drill=False).evidence())
    assert 25 <= result.expected_percent <= 45
    assert result.pass_probability < 0.001
    assert all(c.expected <= 2.0 for c in result.categories)


def test_nothing_studied_is_zero():
    result = assess(evidence())
    assert result.expected_percent == 0 and result.pass_probability == 0 and result.pass_high == 0


# --------------------------------------------------------------------------------- properties
def test_a_never_practised_category_caps_the_pass_probability():
    now = datetime(2026, 11, 8, 20, tzinfo=timezone.utc)
    perfect = MockExam(now, {c: 5 for c in CATEGORIES if c != "vision"})
    result = assess(sprint(skip="vision").evidence(exams=[perfect]))
    assert result.category("vision").expected == 0
    assert result.pass_probability == 0 and result.pass_high == 0
    assert pass_probability([5, 5, 5, 5, 0]) == 0
    assert pass_probability([5, 5, 5, 5, 5]) == 1
    assert 0.6 < pass_probability([5, 5, 5, 5, 3]) < 0.7  # a 3/5 task is a gamble: it must score 3+ of 5


def test_identical_histories_give_identical_results():
    assert assess(sprint().evidence()) == assess(sprint().evidence())


event = st.tuples(
    st.sampled_from([c.id for c in CARDS[::7]] + list(DRILLS)),  # item
    st.integers(min_value=0, max_value=20 * 24),  # hours after START
    st.integers(min_value=1, max_value=4),  # rating, or drill score 0–5
)


def replay(events) -> Learner:
    learner = Learner()
    for item, hours, value in sorted(events, key=lambda e: (e[1], e[0])):
        at = START + timedelta(hours=hours)
        if item in DRILLS:
            learner.subs.append(Submission(item, value + 1 if value > 2 else value - 1, at))
            learner.review(item, value, at, "drill")
        elif learner.states.get(item) is None or learner.states[item].last_review <= at:
            learner.review(item, value, at)
    return learner


NOW = START + timedelta(days=21)


@hsettings(max_examples=60, deadline=None)
@given(st.lists(event, max_size=25), event, st.sampled_from(["submission", "review"]))
def test_more_practice_never_lowers_readiness(events, extra, kind):
    learner = replay(events)
    before = assess(learner.evidence(now=NOW, exam_date=date(2026, 11, 25)))
    item, hours, value = extra
    at = START + timedelta(hours=hours)
    if kind == "submission":
        drill = item if item in DRILLS else "text-drill"
        learner.subs.append(Submission(drill, value, at))  # a new attempt, any score, states unchanged
    else:
        card = item if item not in DRILLS else CARDS[0].id
        state = learner.states.get(card)
        if state is not None and (state.state != 2 or state.last_review > at):
            at = max(state.last_review, state.due)  # a successful review once it is due
            if state.state != 2:
                return
        learner.review(card, 3, min(at, NOW))
    after = assess(learner.evidence(now=NOW, exam_date=date(2026, 11, 25)))
    assert after.expected_percent >= before.expected_percent - 1e-9
    assert after.pass_probability >= before.pass_probability - 1e-12
    for a, b in zip(after.categories, before.categories):
        assert a.expected >= b.expected - 1e-9


@given(st.lists(st.floats(min_value=0, max_value=5), min_size=5, max_size=5), st.integers(0, 4), st.floats(0, 5))
def test_pass_probability_rises_with_any_task(points, index, more):
    higher = list(points)
    higher[index] = max(points[index], more)
    assert pass_probability(higher) >= pass_probability(points) - 1e-12


def test_mock_exam_is_the_strongest_evidence():
    learner = sprint()
    now = datetime(2026, 11, 8, 20, tzinfo=timezone.utc)
    bad = MockExam(now, {"text": 2})
    result = assess(learner.evidence(exams=[bad]))
    assert result.category("text").expected < 3.5 < assess(learner.evidence()).category("text").expected
    assert result.weakest == "text" and "mock exam" in result.next_action


def test_forgetting_a_drill_by_the_exam_lowers_its_evidence():
    learner = sprint()
    near = assess(learner.evidence())
    far = assess(learner.evidence(exam_date=date(2027, 3, 1)))
    assert far.expected_percent < near.expected_percent


def test_defensive_parsing_of_other_modules_records():
    assert parse_submission({"drill_id": "x", "score": 4, "at": "2026-11-01T10:00:00+00:00"}).score == 4
    assert parse_submission({"drill_id": "x", "score": "4", "at": "2026-11-01T10:00:00+00:00"}) is None
    assert parse_submission({"score": 4}) is None
    with pytest.raises(ValueError):  # not an exam record: an error the store reports, never a silent skip
        parse_exam({"at": "nope", "scores": {"text": 5}})


def test_finished_mock_exams_are_evidence_with_each_attempted_tasks_best_score():
    from drill.exam import Exam, ExamSubmission, ExamTask

    start = datetime(2026, 11, 1, 9, tzinfo=timezone.utc)
    tasks = [ExamTask(category=c, drill_id="d") for c in ("regression", "classic", "vision", "text", "series")]
    tasks[3].submissions += [ExamSubmission(at=start, score=3, sample_seed=1), ExamSubmission(at=start, score=5, sample_seed=2)]
    tasks[0].submissions.append(ExamSubmission(at=start, score=0, sample_seed=3))
    exam = Exam(id="e1", started_at=start, tasks=tasks)
    assert parse_exam(exam.model_dump(mode="json")) is None  # still running: not evidence yet
    exam.ended_at = start + timedelta(hours=2)
    parsed = parse_exam(exam.model_dump(mode="json"))
    assert parsed is not None and parsed.at == exam.ended_at
    assert parsed.scores == {"regression": 0.0, "text": 5.0}  # never-submitted tasks say nothing


def test_readiness_reads_the_submissions_cache_only(store, now):
    """The readiness panel sums the submissions log alone: a long review history is neither read
    nor re-cached for it (its cost stays flat), and the old one-file cache is cleared."""
    from drill.progress.daily import OLD_CACHE, cache_file, load_daily
    from drill.progress.evidence import _cached_submissions

    settings = Settings()
    for day in range(30):
        at = (now - timedelta(days=day)).isoformat()
        store.append("reviews", {"id": f"r{day}", "at": at, "item_id": "c1", "kind": "card", "rating": 3})
    store.append("submissions", {"id": "s1", "at": now.isoformat(), "drill_id": "linear-dense", "score": 4})
    (store.home / OLD_CACHE).parent.mkdir(parents=True, exist_ok=True)
    (store.home / OLD_CACHE).write_text("{}")
    subs = _cached_submissions(store, settings)
    assert [(s.drill_id, s.score) for s in subs] == [("linear-dense", 4.0)]
    assert (store.home / cache_file("submissions")).exists()
    assert not (store.home / cache_file("reviews")).exists()
    assert not (store.home / OLD_CACHE).exists()
    daily = load_daily(store.home, settings)  # Stats reads every log: the same submissions, and the reviews
    assert daily.submissions == subs and len(daily.reviews) == 30  # one entry a study day
    assert (store.home / cache_file("reviews")).exists()
