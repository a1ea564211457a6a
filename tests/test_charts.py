"""Text charts carry their scales: y ticks with units, dates, the goal line, month labels."""

from __future__ import annotations

from datetime import date, timedelta

from drill.charts import GOAL, column_chart, day_labels, heatmap, horizontal_bars

TODAY = date(2026, 11, 24)


def test_column_chart_has_a_y_scale_with_units_and_dates_below():
    days = [TODAY - timedelta(days=i) for i in range(13, -1, -1)]
    values = [0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6.0]
    lines = column_chart(values, day_labels(days, 4), height=6, unit="h", col_width=3)
    assert lines[0].startswith("6h ┤") or lines[0].lstrip().startswith("6h ┤")
    assert lines[-3].lstrip().startswith("0h ┤")
    assert lines[-2].lstrip().startswith("└")
    assert "11-11" in lines[-1] and "11-24" in lines[-1]
    assert all(len(line) <= 80 for line in lines)


def test_goal_line_is_drawn_and_labelled_where_columns_do_not_cover_it():
    lines = column_chart([1.0, 2.0, 8.0], height=8, unit="h", goal=6.0)
    goal_rows = [line for line in lines if "goal 6h" in line]
    assert len(goal_rows) == 1
    row = goal_rows[0]
    plot = row.split("┤", 1)[1]
    assert plot[0] == GOAL and plot[1] == GOAL and plot[2] == "█"


def test_tallest_column_reaches_the_top_tick_and_zero_draws_nothing():
    lines = column_chart([0.0, 10.0], height=4)
    assert lines[0].split("┤", 1)[1] == " █"
    assert lines[3].split("┤", 1)[1] == " █"


def test_y_axis_top_is_a_round_number():
    lines = column_chart([12.0], height=4)
    assert lines[0].lstrip().startswith("15 ┤")


def test_day_labels_never_overlap():
    days = [TODAY + timedelta(days=i) for i in range(30)]
    line = column_chart([1.0] * 30, day_labels(days, 7), height=2, col_width=2)[-1]
    assert "11-24" in line and "12-23" in line
    assert "  " in line  # labels are separated, never run together


def test_heatmap_has_month_labels_and_a_legend():
    minutes = {(TODAY - timedelta(days=i)).isoformat(): 60.0 * (i % 5) for i in range(200)}
    rows = heatmap(minutes, TODAY, 26)
    assert rows[0].split() == ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"]
    assert [r[:3] for r in rows[1:8]] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert "none" in rows[8] and "up to 4h" in rows[8]
    # Days after today are blank, not "no study".
    assert rows[1 + 6][4 + 25] == " "  # Sunday of this week (today is a Tuesday)


def test_heatmap_with_no_study_says_so():
    rows = heatmap({}, TODAY, 8)
    assert "no study logged yet" in rows[-1]


def test_horizontal_bars_scale_to_the_largest():
    lines = horizontal_bars({"nlp": 30.0, "ts": 15.0}, width=10)
    assert lines[0].endswith("█" * 10) and lines[1].endswith("█" * 5) and not lines[1].endswith("█" * 6)
