"""Settings: human names, plain-language refusals, +7d/today exam dates, the app's Settings screen."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from drill.cli import main
from drill.session import StudySession
from drill.settings_spec import FIELDS, changes_from_text, parse_exam_date, validate
from drill.tui.app import DrillApp
from helpers import Clock, make_decks, settle

README = Path(__file__).resolve().parents[1] / "README.md"
TODAY = date(2026, 11, 24)


def test_exam_date_takes_days_from_today_today_and_none():
    assert parse_exam_date("+7d", TODAY) == "2026-12-01"
    assert parse_exam_date("+7", TODAY) == "2026-12-01"
    assert parse_exam_date("today", TODAY) == "2026-11-24"
    assert parse_exam_date("2026-12-24", TODAY) == "2026-12-24"
    assert parse_exam_date("none", TODAY) is None


def test_cli_prints_human_names_and_the_countdown(capsys):
    assert main(["settings", "--exam-date", "+7d", "--hours-per-day", "10"]) == 0
    out = capsys.readouterr().out
    assert "Exam date" in out and "(in 7 days)" in out and "Study hours a day" in out
    assert "desired_retention" not in out  # human names, not field names
    for spec in FIELDS:
        assert spec.name in out


def test_a_refused_value_says_the_range_in_words_and_writes_nothing(capsys, store):
    for argv, words in ((["--retention", "1.5"], "Desired retention must be 0.70 to 0.99"),
                        (["--hours-per-day", "20"], "Study hours a day must be more than 0 and at most 16"),
                        (["--rollover-hour", "25"], "must be 0 to 23"),
                        (["--learning-steps", "0,5"], "Learning steps (minutes) must be positive minutes"),
                        (["--new-per-day", "lots"], "is not a whole number"),
                        (["--timezone", "Mars/Base"], "unknown time zone"),
                        (["--exam-date", "2001-01-01"], "is in the past")):
        assert main(["settings", *argv]) == 2
        err = capsys.readouterr().err
        assert words in err, err
        assert "Input should" not in err and "validation error" not in err and "Traceback" not in err
    assert store.get("settings", "settings") is None


def test_every_setting_and_option_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for spec in FIELDS:
        assert f"--{spec.flag}" in text, spec.flag
    assert "--exam-weight" in text and "drill today" in text


def test_the_app_changes_only_what_was_typed_and_refuses_bad_values(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    current = session.settings
    texts = {"hours_per_day": "12", "new_per_day": "20", "exam_date": "+7d"}
    assert changes_from_text(current, texts, TODAY) == {"hours_per_day": 12.0, "exam_date": "2026-12-01"}
    assert validate(current, {"hours_per_day": 12.0}).hours_per_day == 12.0


async def test_settings_screen_from_today_saves_and_refuses(store, tmp_path, now):
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    app = DrillApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SettingsScreen"
        screen.query_one("#set-hours_per_day").value = "30"
        await pilot.press("ctrl+s")
        message = str(screen.query_one("#message").render())
        assert "Study hours a day must be more than 0 and at most 16" in message
        assert store.get("settings", "settings") is None  # nothing written
        screen.query_one("#set-hours_per_day").value = "11"
        screen.query_one("#set-exam_date").value = "+7d"
        await pilot.press("ctrl+s")
        assert store.get("settings", "settings")["hours_per_day"] == 11.0
        assert store.get("settings", "settings")["exam_date"] == (now.date() + timedelta(days=7)).isoformat()
        assert "Saved" in str(screen.query_one("#message").render())
        await pilot.press("escape")
        await settle(pilot)
        assert "in 7 days" in str(app.screen.query_one("#status").render())


def test_building_the_argument_parser_imports_no_pydantic():
    import subprocess
    import sys

    code = "import sys; from drill.cli import build_parser; build_parser(); print(any(m.startswith('pydantic') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_the_vocabularies_agree_with_the_models():
    from drill import models, vocab

    assert (vocab.RESOURCES, vocab.TOPICS, vocab.CATEGORIES) == (models.RESOURCES, models.TOPICS, models.CATEGORIES)
