"""Text charts with scales a reader can read: a y axis with units, dates under the columns, an
optional goal line, and a calendar heatmap with month labels.

Pure functions from numbers to lines of text, so the Stats screen, tests and snapshots all see
the same thing. Drawn by hand rather than with a plotting library: the charts are small, must fit
80 columns, and must look identical in every terminal (braille plots do not).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

EIGHTHS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"
GOAL = "┄"


def _nice_top(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^k at or above ``value`` (the top of the y axis)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** len(str(int(value))) / 10 if value >= 1 else 0.1
    while magnitude > value:
        magnitude /= 10
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= value - 1e-9:
            return step * magnitude
    return 10 * magnitude


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def column_chart(
    values: Sequence[float],
    x_labels: Sequence[str] | None = None,
    *,
    height: int = 8,
    unit: str = "",
    goal: float | None = None,
    col_width: int = 1,
) -> list[str]:
    """Vertical columns over a y axis with three ticks (0, middle, top) in ``unit``.

    Args:
        values: One column per value.
        x_labels: A label per column; shown where it fits, left to right (e.g. dates).
        height: Rows of the plot area.
        unit: Suffix of the y ticks ("h", "%", "").
        goal: Draws a dashed line at this level where no column covers it, and labels it.
        col_width: Characters per column (1 fits 60 columns of data in 80).
    """
    top = _nice_top(max([*values, goal or 0.0], default=0.0))
    ticks = {height - 1: top, (height - 1) // 2: top / 2, 0: 0.0}
    tick_text = {row: f"{_fmt(v)}{unit}" for row, v in ticks.items()}
    axis_width = max(len(t) for t in tick_text.values())
    goal_row = None if goal is None else min(height - 1, max(0, round(goal / top * height - 0.5)))
    lines = []
    for row in range(height - 1, -1, -1):
        cells = []
        for value in values:
            level = value / top * height - row
            if level >= 1:
                cell = "█"
            elif level > 0:
                cell = EIGHTHS[max(1, round(level * 8))]
            else:
                cell = GOAL if row == goal_row else " "
            cells.append(cell * col_width)
        label = tick_text.get(row, "")
        suffix = f" goal {_fmt(goal)}{unit}" if row == goal_row and goal is not None else ""
        lines.append(f"{label:>{axis_width}} ┤{''.join(cells)}{suffix}")
    lines.append(" " * axis_width + " └" + "─" * (len(values) * col_width))
    if x_labels:
        lines.append(" " * (axis_width + 2) + _spread_labels(x_labels, col_width))
    return lines


def _spread_labels(labels: Sequence[str], col_width: int) -> str:
    """Place each label under its column, skipping any that would overlap the previous one."""
    out: list[str] = []
    for index, label in enumerate(labels):
        if not label:
            continue
        position = index * col_width
        if position < len(out) + (1 if out else 0):
            continue
        out.extend(" " * (position - len(out)))
        out.extend(label)
    return "".join(out)


def day_labels(days: Sequence[date], every: int) -> list[str]:
    """Short dates ("03-14") under every ``every``-th day, the last day always labelled."""
    labels = []
    for index, day in enumerate(days):
        last = index == len(days) - 1
        labels.append(day.strftime("%m-%d") if index % every == 0 or last else "")
    if len(days) > 1 and (len(days) - 1) % every and (len(days) - 1) % every < 6:
        # The last label would collide with the previous one: drop the previous one instead.
        labels[(len(days) - 1) // every * every] = ""
    return labels


def horizontal_bars(values: Mapping[str, float], width: int = 40, fmt=lambda v: f"{v:.1f}") -> list[str]:
    """Horizontal bars, one line each: ``label  value  ████``."""
    if not values:
        return ["(nothing yet)"]
    top = max(values.values()) or 1.0
    label = max(len(str(k)) for k in values)
    return [f"{k!s:<{label}}  {fmt(v):>7}  {'█' * round(width * v / top)}" for k, v in values.items()]


def heatmap(minutes_by_day: Mapping[str, float], today: date, weeks: int = 26) -> list[str]:
    """Calendar heatmap: a row of month labels, then 7 rows (Mon–Sun) × ``weeks`` columns ending
    this week, shaded by hours, then the legend with what each shade means."""
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    days = [start + timedelta(days=i) for i in range(weeks * 7)]
    top = max((minutes_by_day.get(d.isoformat(), 0.0) for d in days if d <= today), default=0.0)
    # A month's name starts above the first week that holds its 1st day (and above week 0).
    month_row = [" "] * (weeks + 3)
    free_from = 0
    for week in range(weeks):
        monday = start + timedelta(days=7 * week)
        firsts = [monday + timedelta(days=i) for i in range(7) if (monday + timedelta(days=i)).day == 1]
        if (week == 0 or firsts) and week >= free_from:
            name = (firsts[0] if firsts else monday).strftime("%b")
            month_row[week : week + 3] = list(name)
            free_from = week + 4
    rows = ["    " + "".join(month_row).rstrip()]
    for weekday, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        cells = []
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            if day > today:
                cells.append(" ")
                continue
            minutes = minutes_by_day.get(day.isoformat(), 0.0)
            cells.append(SHADES[0] if minutes <= 0 or not top else SHADES[min(4, 1 + int(3.999 * minutes / top))])
        rows.append(f"{name} {''.join(cells)}")
    if top:
        quarter = top / 60 / 4
        rows.append(f"    {SHADES[0]} none  {SHADES[1]} <{_fmt(quarter)}h  {SHADES[2]} <{_fmt(2 * quarter)}h"
                    f"  {SHADES[3]} <{_fmt(3 * quarter)}h  {SHADES[4]} up to {_fmt(top / 60)}h")
    else:
        rows.append(f"    {SHADES[0]} no study logged yet")
    return rows
