"""Every data file kind × every way of damaging it × every command and screen (issue 12 item 5).

A damaged data file must end in the store's message (exit 2, the file named, what is wrong, the
newest good backup) or, where only a cache or a file the command does not read was damaged,
give exactly the output of the undamaged folder. Aggregations that leave a damaged day file out
say so (file, how much) on stderr and in ``--json``, and exit 2. Never a traceback, never a
silently different figure.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from corruption import FILE_MUTATIONS, VALUE_CASES, build_home, copy_home, file_case
from drill.cli import main

FILE_KINDS = ("drill.json", "journal", "reviews-today", "reviews-old", "time-day", "submissions-day",
              "readiness-day", "cache", "user-deck", "user-note")
CASES = {f"{kind} {mutation}": file_case(kind, mutation) for kind in FILE_KINDS for mutation in FILE_MUTATIONS}
CASES.update(VALUE_CASES)
COMMANDS = (
    ("export", "{out}"),
    ("readiness", "--json"),
    ("plan", "--json"),
    ("hours", "--json"),
    ("log", "--list", "--json"),
    ("settings", "--json"),
)
# one case per kind of outcome runs in the quick suite; the whole matrix is marked slow (minutes)
QUICK = {"drill.json truncate", "reviews-today garbage", "reviews-old bad-utf8", "time-day wrong-shape", "cache garbage",
         "journal garbage", "user-deck empty", "settings: unknown time zone", "items: due 'never'", "time: minutes -500"}


QUICK_APP = {"reviews-today garbage", "settings: unknown time zone", "cache wrong-shape"}


def _params(cases, quick=QUICK) -> list:
    return [pytest.param(c, marks=() if c in quick else pytest.mark.slow) for c in cases]


# content, not data: a learner's deck or note that does not parse is reported by `drill lint`
# and the app's problem count; the data commands go on without it
CONTENT_KINDS = ("user-deck", "user-note")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict[str, Path], list[tuple[int, str, str]]]:
    home = tmp_path_factory.mktemp("template") / "home"
    files = build_home(home)
    baseline_home = tmp_path_factory.mktemp("baseline") / "home"
    copy_home(home, baseline_home)
    return home, files, _run_all(baseline_home)


def _normalise(text: str) -> str:
    """Times that differ between two runs a moment apart (export stamp, snapshot times)."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", "<time>", text)


def _run_all(home: Path) -> list[tuple[int, str, str]]:
    results = []
    for command in COMMANDS:
        argv = ["--home", str(home), *(a.format(out=home.parent / "export.json") for a in command)]
        (home.parent / "export.json").unlink(missing_ok=True)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(argv)
        text = out.getvalue()
        if command[0] == "export" and code == 0:
            text = (home.parent / "export.json").read_text(encoding="utf-8")
        results.append((code, _normalise(text), err.getvalue()))
    return results


@pytest.mark.parametrize("case", _params(CASES))
def test_every_command_on_a_damaged_file_gives_the_message_or_the_same_result(case, template, tmp_path):
    source, files, baseline = template
    home = tmp_path / "home"
    copy_home(source, home)
    damaged = CASES[case](home, files)
    for command, (code, out, err), (base_code, base_out, _) in zip(COMMANDS, _run_all(home), baseline):
        where = f"{case} / drill {' '.join(command)}"
        assert "Traceback" not in err and "unexpected error" not in err, f"{where}: {err}"
        content = any(case.startswith(k) for k in CONTENT_KINDS)
        if code == 2:
            assert str(damaged) in err, f"{where}: the message does not name {damaged}: {err}"
            assert content or "backup" in err, f"{where}: no word on a backup: {err}"
            if command[-1] == "--json" and "left out" in err:
                assert str(damaged) in json.dumps(json.loads(out)["left_out"]), f"{where}: --json lacks left_out"
        elif command[0] == "export" and case in VALUE_CASES:
            assert code == 0  # export is the rescue path: a faithful copy, bad value included
        else:
            assert (code, out) == (base_code, base_out), f"{where}: exit {code}, silently different output; stderr: {err}"
    if case.startswith("cache"):  # a pure cache is rebuilt in silence
        assert [r[0] for r in _run_all(home)] == [b[0] for b in baseline]


def _app_cases() -> list[str]:
    # every file kind and value case once (the app reads the same files as the commands)
    return [f"{kind} garbage" for kind in FILE_KINDS] + [f"{kind} wrong-shape" for kind in FILE_KINDS] + list(VALUE_CASES)


@pytest.mark.parametrize("case", _params(_app_cases(), QUICK_APP))
def test_every_screen_on_a_damaged_file_exits_with_the_message_or_works(case, template, tmp_path):
    from drill.errors import DataError
    from drill.session import StudySession
    from drill.store import Store
    from drill.tui.app import DrillApp
    from drill.tui.routes import ROUTES

    source, files, _ = template
    home = tmp_path / "home"
    copy_home(source, home)
    damaged = CASES[case](home, files)
    try:
        store = Store.open(home)
    except DataError as error:  # refused before the app: the CLI edge prints it (exit 2)
        assert str(damaged) in str(error)
        return
    try:
        try:
            session = StudySession(store)
        except DataError as error:
            assert str(damaged) in str(error)
            return
        app = DrillApp(session)

        async def visit() -> list[str]:
            seen = []
            async with app.run_test(size=(100, 30)) as pilot:
                for name in ROUTES:
                    if app.fatal_error is not None or not app.is_running:
                        break
                    app.open_screen(name)
                    await pilot.pause()
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    seen.append(name)
                    if name != "today" and len(app.screen_stack) > 1:
                        app.pop_screen()
                        await pilot.pause()
            return seen

        asyncio.run(visit())
    finally:
        store.close()
    if app.fatal_error is not None:
        assert isinstance(app.fatal_error, DataError), f"{case}: {app.fatal_error!r}"
        assert str(damaged) in str(app.fatal_error)
        assert app.return_code == 2
    else:
        assert app.return_code in (0, None)
