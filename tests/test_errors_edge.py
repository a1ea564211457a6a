"""The one edge (drill.errors.message_for): every error a message, for the CLI and for the app."""

from __future__ import annotations


import pytest

from drill.cli import main
from drill.errors import DataError, message_for


def test_a_bug_is_one_line_and_a_crash_file_never_a_traceback(monkeypatch, capsys, tmp_path):
    import drill.commands.hours as hours

    monkeypatch.setattr(hours, "run", lambda args: 1 / 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert main(["hours"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unexpected error (ZeroDivisionError" in err
    crash = list(tmp_path.glob("drill-crash-*.txt"))
    assert len(crash) == 1 and "ZeroDivisionError" in crash[0].read_text()


def test_data_error_message_and_exit_code():
    text, code = message_for(DataError("x.json is not readable", hint="copy the backup"))
    assert code == 2 and text == "drill: x.json is not readable\n  hint: copy the backup"


def test_the_app_ending_on_a_data_error_exits_2_with_the_message(monkeypatch, drill_home, capsys):
    """open_app reports what ended the app at the CLI edge: exit 2, not 0, no traceback."""
    import drill.commands.open_app as open_app
    import drill.tui.app as app_module

    monkeypatch.setattr(open_app, "terminal_problem", lambda: None)  # as if in a terminal

    def fake_run(self):
        self.fatal_error = DataError(f"{drill_home}/drill.json is not readable drill data", hint="backup")

    monkeypatch.setattr(app_module.DrillApp, "run", fake_run)
    assert main(["review"]) == 2
    err = capsys.readouterr().err
    assert "drill.json is not readable" in err and "Traceback" not in err


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), PermissionError(13, "Permission denied", "/x")])
def test_interrupt_and_os_errors(exc):
    text, code = message_for(exc)
    assert code in (130, 1) and "Traceback" not in text
