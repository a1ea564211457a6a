"""Start-up: the first frame waits for nothing it does not show (issue 15.2; figures in docs/benchmarks.md)."""

from __future__ import annotations

import subprocess
import sys
import threading

from drill.cli import _plain_start
from drill.errors import DataError
from drill.session import StudySession
from drill.tui.app import DrillApp
from helpers import Clock, make_decks, settle


def test_a_bare_drill_skips_the_subcommand_parsers():
    assert _plain_start([]).command is None
    assert _plain_start(["--home", "/x"]).home == "/x"
    assert _plain_start(["--home=/y"]).home == "/y"
    for argv in (["--help"], ["today"], ["--version"], ["--home"], ["--home", "/x", "plan"]):
        assert _plain_start(argv) is None


def test_opening_the_app_imports_neither_pydantic_nor_the_decks_before_the_app_runs():
    code = ("import sys, drill.cli as c; a = c._plain_start([]); from drill.tui.app import DrillApp; "
            "import drill.commands.open_app; import drill.store; "
            "print(sorted(m for m in ('pydantic', 'drill.session', 'drill.content.cards') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


async def test_the_session_is_made_off_the_ui_thread_after_the_first_frame(store, tmp_path, now):
    made_on: list[str] = []

    def make():
        made_on.append(threading.current_thread().name)
        return StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))

    app = DrillApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert made_on and made_on[0] != threading.main_thread().name  # Today's worker made it
        assert app.screen.query_one("#tile-new").value == "3"


async def test_unreadable_data_ends_the_app_with_the_reason(store):
    def make():
        raise DataError("settings field 'rollover_hour' is invalid", hint="fix it with `drill settings`")

    app = DrillApp(make)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert isinstance(app.failure, DataError) and app.return_code == 2
