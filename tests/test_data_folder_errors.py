"""Data-folder errors are the store's messages with a --home hint (issue 13 item 3), and a store
whose drill.json vanished while its history remains is refused, not started empty (issue 12)."""

from __future__ import annotations

import errno
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from drill.cli import main


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exit_:
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_drill_home_pointing_at_a_file(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    for home in (blocker, blocker / "inside"):
        monkeypatch.setenv("DRILL_HOME", str(home))
        code, _, err = _run("hours")
        assert code == 2 and f"{blocker} is a file, not a folder" in err and "--home" in err, err
        assert "Traceback" not in err
    assert blocker.read_text() == "x"


@pytest.mark.parametrize("error", [errno.EROFS, errno.EACCES])
def test_a_read_only_parent(tmp_path, monkeypatch, error):
    home = tmp_path / "ro" / "drill"
    monkeypatch.setenv("DRILL_HOME", str(home))

    def refuse(self, *args, **kwargs):  # the test runs as root, where chmod would not stop mkdir
        raise OSError(error, "Read-only file system" if error == errno.EROFS else "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, _, err = _run("log", "--list")
    assert code == 2 and f"cannot create or use the data folder {home}" in err and "--home" in err, err


def test_no_home_and_no_passwd_entry(monkeypatch):
    import platformdirs

    monkeypatch.delenv("DRILL_HOME")
    monkeypatch.delenv("HOME", raising=False)

    def no_home(*args, **kwargs):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(platformdirs, "user_data_dir", no_home)
    code, _, err = _run("hours")
    assert code == 2 and "cannot work out a data folder" in err and "--home" in err, err
    code, out, err = _run("lint")  # needs no data folder: checks the shipped content
    assert code in (0, 1) and "cannot work out" not in err and out


def test_lint_doctor_help_and_version_create_no_data_folder(tmp_path, monkeypatch):
    home = tmp_path / "fresh"
    monkeypatch.setenv("DRILL_HOME", str(home))
    assert _run("lint")[0] in (0, 1)
    assert _run("--help")[0] == 0
    assert _run("--version")[0] == 0
    assert _run("hours", "--help")[0] == 0
    from drill.doctor import check_resources

    findings = check_resources(home)
    assert any(f.name == "data folder" and f.status == "ok" and "first use" in f.detail for f in findings)
    assert not home.exists()
    assert _run("hours")[0] == 0 and home.is_dir()  # a command that needs it creates it


def test_a_vanished_drill_json_with_history_is_refused_with_the_way_back(drill_home):
    assert _run("log", "1h", "--date", "2026-11-20")[0] == 0
    snapshots = list((drill_home / "backups").iterdir())
    assert snapshots
    (drill_home / "drill.json").unlink()
    code, _, err = _run("hours")
    assert code == 2 and "drill.json is missing" in err and "will not start an empty store" in err, err
    assert "backup" in err and str(snapshots[0] / "drill.json") in err
    assert not (drill_home / "drill.json").exists()  # nothing written over the history
    shutil.copy2(snapshots[0] / "drill.json", drill_home / "drill.json")  # the hint's way back
    code, out, _ = _run("log", "--list")
    assert code == 0 and "1h" in out


def test_a_vanished_drill_json_with_only_day_files_is_refused(drill_home):
    assert _run("log", "1h", "--date", "2026-11-20")[0] == 0
    shutil.rmtree(drill_home / "backups")
    (drill_home / "drill.json").unlink()
    code, _, err = _run("log", "--list")
    assert code == 2 and "1 day file(s) of logs" in err


def test_a_first_run_still_starts_empty(drill_home):
    assert _run("log", "--list")[0] == 0
