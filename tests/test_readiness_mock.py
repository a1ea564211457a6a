"""How a finished mock exam counts in readiness: by how long it ran, submitted tasks only, one rule."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from drill.models import CATEGORIES, Settings
from drill.readiness import Evidence, MockExam, Submission, assess, mock_rule_text, mock_weight

NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)


def evidence(exams=()) -> Evidence:
    """A learner with a strong regression drill (5/5 yesterday) and nothing else drilled."""
    return Evidence(
        now=NOW, exam_date=None, settings=Settings(enable_fuzzing=False),
        card_categories={}, card_skills={}, skill_categories={}, drill_categories={"reg": "regression", "cls": "classic"},
        submissions=[Submission("reg", 5.0, NOW - timedelta(days=1))], exams=list(exams),
    )


def test_weight_grows_with_the_time_the_sitting_ran_and_halves_in_two_weeks():
    assert mock_weight(300) == 0.6 and abs(mock_weight(60) - 0.12) < 1e-12
    assert mock_weight(1) < 0.003 and mock_weight(900) == 0.6
    assert abs(mock_weight(300, age_days=14) - 0.3) < 1e-12


def test_a_one_minute_mini_exam_with_one_rough_submission_barely_moves_a_category():
    before = assess(evidence()).category("regression").expected
    rough = MockExam(NOW, {"regression": 1.0}, minutes=1)
    after = assess(evidence([rough])).category("regression").expected
    assert before - after < 0.02  # was a drop from 4.5 to 1.8 when every sitting weighed 60 %
    full = MockExam(NOW, {"regression": 1.0}, minutes=300)
    assert before - assess(evidence([full])).category("regression").expected > 1.5  # a full exam is strong evidence


def test_tried_and_untried_categories_follow_one_rule():
    """Only submitted tasks are evidence, in every exam: untried categories are untouched either way."""
    exam = MockExam(NOW, {"regression": 2.0}, minutes=300)
    plain, with_exam = assess(evidence()), assess(evidence([exam]))
    for category in CATEGORIES:
        if category != "regression":
            assert with_exam.category(category).expected == plain.category(category).expected
    assert with_exam.category("regression").expected < plain.category("regression").expected


def test_a_short_sitting_does_not_set_the_next_action():
    quick = assess(evidence([MockExam(NOW, {"regression": 0.0}, minutes=10)]))
    assert "mock exam scored" not in quick.next_action


def test_the_result_screen_sentence_names_the_weight():
    text = mock_rule_text(60)
    assert "60 of 300 min" in text and "12 % now" in text and "count neither way" in text  # "12 %" as every other percentage
