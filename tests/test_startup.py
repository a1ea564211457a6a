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


async def test_a_slow_readiness_read_never_freezes_the_app(store, tmp_path, now, monkeypatch):
    """The readiness panel's read (the per-day cache rebuilt after an import: seconds at a million
    reviews) runs in Today's worker: while it reads, the agenda is on screen and keys work."""
    import drill.progress.evidence as evidence
    from drill.tui.screens.help import HelpScreen
    from drill.tui.widgets.readiness_panel import ReadinessPanel

    release = threading.Event()
    real = evidence.readiness_for

    def slow(*args, **kwargs):
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(evidence, "readiness_for", slow)
    app = DrillApp(StudySession(store, decks=make_decks(tmp_path), clock=Clock(now)))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            today = app.screen
            for _ in range(200):
                await pilot.pause(0.05)
                if today.query_one("#tile-new").value == "3":
                    break
            assert today.query_one("#tile-new").value == "3", "the agenda waited for the readiness read"
            assert not today.query(ReadinessPanel)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen), "the app did not answer a key while readiness was read"
            release.set()
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is today and today.query(ReadinessPanel)
    finally:
        release.set()
