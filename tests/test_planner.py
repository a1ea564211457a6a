"""Exam-date planner: everything introduced before the final day when time allows, honest when not."""

import json
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from drill.cli import main
from drill.models import RESOURCES, TOPICS, Settings
from drill.schedule.memory import review_item
from drill.schedule.planner import Unit, make_plan, pace, path_units, review_load

TODAY = date(2026, 11, 24)


def units(n_cards: int, n_drills: int = 0) -> list[Unit]:
    out = [Unit(f"c{i}", "card", TOPICS[i % 5], RESOURCES[(i // 5) % 4], i) for i in range(n_cards)]
    out += [Unit(f"d{i}", "drill", TOPICS[1 + i % 4], "practice", 1000 + i, 60.0) for i in range(n_drills)]
    return out


def settings(**kw) -> Settings:
    return Settings(enable_fuzzing=False, timezone="UTC", **kw)


@hsettings(max_examples=60, deadline=None)
@given(st.integers(0, 400), st.integers(0, 6), st.integers(2, 30), st.sampled_from(["repetition", "depth"]))
def test_everything_is_introduced_before_the_final_day_when_time_allows(n_cards, n_drills, days_left, path):
    s = settings(exam_date=TODAY + timedelta(days=days_left), hours_per_day=16, path=path, new_per_day=1000)
    need_h = (n_cards * 6 + n_drills * 60) / 60 + 10
    if need_h > 16 * (days_left - 1) * 0.6:
        return  # not the case under test
    plan = make_plan(TODAY, s, units(n_cards, n_drills), [])
    assert plan.feasible, plan.message
    introduced = [u for d in plan.days for u in (*d.cards, *d.drills)]
    assert sorted(introduced) == sorted(u.id for u in units(n_cards, n_drills))
    assert len(plan.days) == days_left
    assert plan.days[-1].review_day and not plan.days[-1].cards and not plan.days[-1].drills
    assert all(d.day < s.exam_date for d in plan.days)
    # path order is kept across days
    day_of = {u: i for i, d in enumerate(plan.days) for u in (*d.cards, *d.drills)}
    order = [day_of[u.id] for u in path_units(units(n_cards, n_drills), path)]
    assert order == sorted(order)


def test_seven_day_sprint_keeps_the_last_day_for_review():
    plan = make_plan(TODAY, settings(exam_date=TODAY + timedelta(days=8), hours_per_day=10, new_per_day=1000), units(140, 5), [])
    assert plan.feasible and len(plan.days) == 8
    new = [len(d.cards) * 6 + len(d.drills) * 60 for d in plan.days]  # minutes of new work
    assert new[-1] == 0 and all(n > 0 for n in new[:-1])
    assert max(new[:-1]) - min(new[:-1]) <= 60  # spread evenly (a drill is an hour)
    assert all(d.minutes <= 600 for d in plan.days)
    assert plan.days[1].reviews > 0  # yesterday's cards come back


def test_the_new_card_limit_holds_with_an_exam_date_and_the_plan_says_what_it_needs():
    s = settings(exam_date=TODAY + timedelta(days=4), hours_per_day=16, new_per_day=20)
    plan = make_plan(TODAY, s, units(120), [])
    assert [len(d.cards) for d in plan.days] == [20, 20, 20, 0]  # never above the limit, last day for review
    assert not plan.feasible and "at 20 new cards a day, 60 of 120 new cards" in plan.message
    assert plan.new_needed_per_day == 40  # 120 cards over 3 introduction days
    lifted = make_plan(TODAY, s.model_copy(update={"new_per_day": 40}), units(120), [])
    assert lifted.feasible and lifted.new_needed_per_day == 0 and max(len(d.cards) for d in lifted.days) == 40


def test_impossible_plan_says_so_and_shows_what_fits():
    s = settings(exam_date=TODAY + timedelta(days=3), hours_per_day=1)
    plan = make_plan(TODAY, s, units(100, 2), [])
    assert not plan.feasible
    assert "not enough time" in plan.message and f"{plan.planned_cards} of 100 new cards" in plan.message
    assert 0 < plan.planned_cards < 100
    assert all(len(d.cards) * 6 + len(d.drills) * 60 <= 60 for d in plan.days)
    planned = [c for d in plan.days for c in d.cards]
    assert planned == [u.id for u in path_units(units(100), "repetition")][: len(planned)]  # a prefix of the path


def test_on_and_after_the_exam_day_the_rolling_plan_takes_over_and_says_so():
    """Before: an empty plan, so Today read '20 new' beside 'Hours today 0m of 0m planned'."""
    rolling = make_plan(TODAY, settings(new_per_day=2), units(5), [])
    for exam, when in ((TODAY, "the exam is today: "), (TODAY - timedelta(days=3), "the exam on Sat 21 Nov 2026 has passed: ")):
        plan = make_plan(TODAY, settings(exam_date=exam, new_per_day=2), units(5), [])
        assert not plan.feasible and plan.exam_date == exam and plan.pace == ""
        assert plan.message.startswith(when + "a rolling 14-day plan at 2 new cards a day")
        assert "set the next exam date" in plan.message
        assert plan.days == rolling.days and plan.days[0].minutes > 0


def test_rolling_plan_without_exam_date_uses_daily_limits():
    plan = make_plan(TODAY, settings(new_per_day=10), units(35, 1), [])
    assert plan.feasible and [len(d.cards) for d in plan.days[:5]] == [10, 10, 10, 5, 0]
    assert plan.days[0].drills == ("d0",)


def test_review_load_comes_from_fsrs_states():
    now = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    s = settings()
    state = review_item(None, "a", "card", 4, now, s)  # Easy: due in several days
    load = review_load([state], TODAY, 60, s)
    due_day = (state.due.date() - TODAY).days
    assert load[due_day] > 0 and sum(load[:due_day]) == 0
    assert 2 <= sum(1 for x in load if x) <= 4  # intervals grow


def test_replan_from_actual_state_and_pace():
    s = settings(exam_date=TODAY + timedelta(days=8))
    base = {"exam_date": s.exam_date.isoformat(), "start": TODAY.isoformat(), "total": 70}
    assert pace(TODAY + timedelta(days=2), s.exam_date, 70, base) == "behind plan by 20 items"
    assert pace(TODAY + timedelta(days=2), s.exam_date, 30, base) == "ahead of plan by 20 items"
    assert pace(TODAY + timedelta(days=2), s.exam_date, 50, base) == "on plan"
    later = make_plan(TODAY + timedelta(days=2), s, units(50), [], baseline=base)
    assert later.feasible and len(later.days) == 6 and sum(len(d.cards) for d in later.days) == 50


def test_plan_command_prints_table_and_json(capsys):
    assert main(["settings", "--exam-date", "2999-01-10"]) == 0
    capsys.readouterr()
    assert main(["plan"]) == 0
    out = capsys.readouterr().out
    assert "Exam Thu 10 Jan 2999" in out and "▶" in out
    assert main(["plan", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["exam_date"] == "2999-01-10" and data["feasible"] in (True, False) and data["days"]
    assert data["planned_cards"] == sum(d["new_cards"] for d in data["days"])


def test_the_day_before_the_exam_stays_a_review_day_when_re_planned():
    plan = make_plan(TODAY, settings(exam_date=TODAY + timedelta(days=1)), units(30, 1), [])
    assert len(plan.days) == 1 and plan.days[0].review_day and not plan.days[0].cards and not plan.days[0].drills
    assert "the exam is tomorrow: today is for review" in plan.message and "30 new cards" in plan.message
