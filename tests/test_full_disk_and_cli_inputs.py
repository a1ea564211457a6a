"""A full disk at the first start of a day blocks nothing that fits; bad CLI numbers and dates
are messages (issue 12 item 7 and the "141 bad CLI inputs")."""

from __future__ import annotations

import errno
import io
import json
import shutil
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drill.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's own usage message (exit 2)
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def full_disk_for_backups(drill_home, monkeypatch):
    """Data from earlier days, no snapshot yet today, and every backup write failing with ENOSPC."""
    assert _run("log", "1h", "--date", "2026-11-20")[0] == 0
    shutil.rmtree(drill_home / "backups")  # so the next start is the day's first: it takes a snapshot
    from drill.store import backups

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "_copy_durable", no_space)
    monkeypatch.setattr(backups.os, "link", no_space)
    return drill_home


@pytest.mark.parametrize("argv", [["hours", "--json"], ["log", "--list"], ["readiness", "--json"], ["plan", "--json"], ["settings"]])
def test_a_failed_daily_backup_is_a_warning_for_reading(full_disk_for_backups, argv):
    code, out, err = _run(*argv)
    assert code == 0, err
    assert "warning: today's backup could not be written (No space left on device)" in err
    assert out


def test_export_to_another_disk_and_a_write_that_fits_still_work(full_disk_for_backups, tmp_path):
    target = tmp_path / "elsewhere" / "export.json"
    target.parent.mkdir()
    code, _, err = _run("export", str(target))
    assert code == 0 and "backup could not be written" in err
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "drill-backup"
    code, _, err = _run("log", "30m", "--date", "2026-11-21")
    assert code == 0, err
    code, out, _ = _run("log", "--list", "--json")
    assert sorted(e["minutes"] for e in json.loads(out)) == [30.0, 60.0]
    assert not list((full_disk_for_backups / "backups").glob("*"))  # no half-written snapshot left


def test_the_app_shows_the_backup_warning(full_disk_for_backups):
    import asyncio

    from drill.session import StudySession
    from drill.store import Store
    from drill.tui.app import DrillApp

    with Store.open(full_disk_for_backups) as store:
        app = DrillApp(StudySession(store))

        async def run():
            async with app.run_test() as pilot:
                await pilot.pause()
                return [n.message for n in app._notifications]

        messages = asyncio.run(run())
    assert any("backup could not be written" in m for m in messages)


BAD_INPUTS = [
    ["log", "999999999999999999999999999999"],
    ["log", "99999999999999999999h99m"],
    ["log", "1e400"],
    ["log", "nan"],
    ["log", "-inf"],
    ["log", "0"],
    ["log", "1h", "--date", "0001-01-01"],
    ["log", "1h", "--date", "9999-12-31"],
    ["log", "1h", "--date", "2026-02-30"],
    ["log", "1h", "--date", "99999999999999999999-01-01"],
    ["log", "--edit", "zzzz", "1h"],
    ["log", "--delete", ""],
    ["settings", "--exam-date", "0001-01-01"],
    ["settings", "--exam-date", "10000-01-01"],
    ["settings", "--hours-per-day", "nan"],
    ["settings", "--hours-per-day", "1e309"],
    ["settings", "--new-per-day", "99999999999999999999999"],
    ["settings", "--reviews-per-day", "-1"],
    ["settings", "--retention", "inf"],
    ["settings", "--exam-weight", "vision=nan"],
    ["settings", "--exam-weight", "vision=1e400"],
]


@pytest.mark.parametrize("argv", BAD_INPUTS, ids=[" ".join(a) for a in BAD_INPUTS])
def test_bad_numbers_and_dates_are_a_message_and_change_nothing(argv, drill_home):
    code, _, err = _run(*argv)
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert code == 2 and ("drill: " in err or "drill log: error" in err), (code, err)
    assert "drill.json" not in err  # a refused input, not a damaged file


NUMBERISH = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.from_regex(r"-?\d{1,25}(\.\d{0,5})?(h|m|:\d\d)?(\d{1,3}m)?", fullmatch=True),
    st.from_regex(r"\d{1,6}-\d{1,3}-\d{1,3}", fullmatch=True),
    st.text(max_size=12),
)


@settings(max_examples=60, deadline=None)
@given(value=NUMBERISH, where=st.sampled_from([
    ("log", "{v}"), ("log", "1h", "--date", "{v}"), ("settings", "--exam-date", "{v}"), ("settings", "--hours-per-day", "{v}"),
    ("settings", "--new-per-day", "{v}"), ("settings", "--retention", "{v}"), ("settings", "--exam-weight", "text={v}"),
]))
def test_fuzzed_numeric_and_date_arguments_never_crash(value, where, tmp_path_factory):
    home = tmp_path_factory.mktemp("cli")
    argv = ["--home", str(home), *(a.format(v=value) for a in where)]
    if value.startswith("-") and "{v}" in where[-1] and where[-1] == "{v}":
        argv.insert(-1, "--")  # argparse reads a leading '-' as an option otherwise
    code, _, err = _run(*argv)
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert code in (0, 2), (code, err)
