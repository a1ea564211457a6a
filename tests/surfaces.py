"""Read the study day's numbers from every place that shows them (app screens and commands).

Shared by the agenda tests and the simulated learner: each place's numbers must equal the
agenda's (drill.progress.agenda), which is the one source they all read.
"""

from __future__ import annotations

import json
import re

from drill.cli import main
from drill.tui.app import DrillApp
from helpers import settle


def _text(widget) -> str:
    return str(widget.render())


async def app_numbers(session, size=(120, 40)) -> dict:
    """Today's tiles and lines, the Review header, the Drills note, the Plan's row and Stats' counts."""
    out: dict = {}
    app = DrillApp(session)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        today = app.screen
        out["today"] = {k: int(today.query_one(f"#tile-{k}").value) for k in ("review", "learning", "new", "done")}
        out["today_status"] = _text(today.query_one("#status"))
        out["today_next"] = _text(today.query_one("#next"))
        out["today_warning"] = _text(today.query_one("#warning"))
        if sum(out["today"][k] for k in ("review", "learning", "new")):
            await pilot.press("r")
            await pilot.pause()
            header = _text(app.screen.query_one("#progress"))
            out["review"] = {k: int(v) for k, v in re.findall(r"(review|learning|new|done) (\d+)", header)}
            await pilot.press("q")
            await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        note = _text(app.screen.query_one("#drills-note"))
        out["drills_due"] = int(re.search(r"(\d+) due", note)[1])
        out["drills_note"] = note
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one("#days")
        row = table.get_row_at(table.cursor_row) if table.row_count else None
        labels = [str(column.label) for column in table.columns.values()]
        out["plan_row_new"] = int(row[labels.index("new")]) if row else None
        out["plan_summary"] = _text(app.screen.query_one("#summary"))
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        out["stats_counts"] = dict(app.screen.data.counts)
        out["stats_hours"] = _text(app.screen.query_one("#chart-hours"))
        await pilot.press("q")
        await settle(pilot)
    return out


def cli_numbers(capsys) -> dict:
    """`drill today --json`, `drill plan --json` and `drill hours` (same data folder, same clock)."""
    capsys.readouterr()
    assert main(["today", "--json"]) == 0
    today = json.loads(capsys.readouterr().out)
    assert main(["plan", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert main(["hours"]) == 0
    hours = capsys.readouterr().out
    row = next((d for d in plan["days"] if d["day"] == plan["today"]), None)
    return {"today": today, "plan": plan, "plan_row": row, "hours": hours}


def assert_same_everywhere(agenda, app: dict, cli: dict) -> None:
    """Every place shows the agenda's numbers, in the agenda's words."""
    mine = {"review": agenda.review, "learning": agenda.learning, "new": agenda.new, "done": agenda.done_today}
    assert app["today"] == mine
    if "review" in app:
        assert app["review"] == mine
    assert agenda.plan_line() in app["today_status"].replace("\n", " ") or agenda.plan_line() in app["today_status"]
    assert agenda.hours_line() in app["today_status"]
    assert app["drills_due"] == len(agenda.drills_due)
    planned = ", ".join(d + (" ✓" if d in agenda.drills_done else "") for d in agenda.drills_planned) or "none"
    assert f"planned today: {planned} ·" in " ".join(app["drills_note"].split())  # the same drills, ticked alike
    assert app["today_next"] == f"Next: {agenda.next.in_app()}"
    assert app["today_warning"] == agenda.limit_warning
    if app["plan_row_new"] is not None:
        assert app["plan_row_new"] == agenda.new_planned
    assert agenda.plan_line() in app["plan_summary"]
    assert f"Next: {agenda.next.in_app()}" in app["plan_summary"]  # with Today's key, which the Plan screen has too
    assert app["stats_counts"] == agenda.counts
    assert agenda.hours_line() in app["stats_hours"]
    t = cli["today"]
    assert (t["review"], t["learning"], t["new"], t["done_today"]) == (agenda.review, agenda.learning, agenda.new, agenda.done_today)
    assert (t["new_planned"], t["drills_due"], t["limit_warning"]) == (agenda.new_planned, list(agenda.drills_due), agenda.limit_warning)
    assert t["counts"] == agenda.counts and t["next"]["text"] == agenda.next.text
    if cli["plan_row"] is not None:
        assert cli["plan_row"]["new_cards"] == agenda.new_planned
        assert cli["plan_row"]["hours"] == round(agenda.minutes_planned / 60, 2)
    assert cli["plan"]["today_agenda"] == t
    assert agenda.hours_line() in cli["hours"]
    if agenda.limit_warning:
        assert agenda.limit_warning in app["plan_summary"]
