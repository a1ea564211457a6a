"""The command line's contract: exit codes, messages instead of tracebacks, backup round trip."""

import json
import subprocess
import sys
import textwrap

import pytest

from drill import __version__
from drill.cli import main
from drill.session import StudySession
from drill.store import Store
from helpers import Clock, make_decks


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0 and capsys.readouterr().out.strip() == f"drill {__version__}"


def test_help_works_for_drill_and_every_command(capsys):
    from drill.commands import COMMANDS

    for argv in (["--help"], *([name, "--help"] for name in COMMANDS)):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0, argv
    assert "usage: drill" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def seeded_home(home, tmp_path, now):
    store = Store.open(home)
    session = StudySession(store, decks=make_decks(tmp_path), clock=Clock(now))
    session.answer("t-fit", 3)
    session.answer("t-conv", 1)
    session.suspend("t-window")
    session.save_settings(new_per_day=7)
    store.close()


def test_export_import_round_trip_is_equal(drill_home, tmp_path, now, capsys):
    seeded_home(drill_home, tmp_path, now)
    backup = tmp_path / "backup.json"
    assert main(["export", str(backup)]) == 0
    other = tmp_path / "other-home"
    assert main(["--home", str(other), "import", str(backup)]) == 0
    again = tmp_path / "again.json"
    assert main(["--home", str(other), "export", str(again)]) == 0
    first, second = json.loads(backup.read_text()), json.loads(again.read_text())
    first.pop("exported_at", None), second.pop("exported_at", None)
    assert first == second
    assert len(first["logs"]["reviews"]) == 2 if "logs" in first else True


def test_export_refuses_to_overwrite(drill_home, tmp_path, capsys):
    target = tmp_path / "exists.json"
    target.write_text("keep me")
    assert main(["export", str(target)]) == 2
    assert target.read_text() == "keep me"
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not a JSON file"),
        ("[1, 2, 3]", "not a drill backup"),
        ('{"format": "anki", "cards": []}', ""),
    ],
)
def test_import_of_malformed_or_foreign_file_changes_nothing(drill_home, tmp_path, now, capsys, content, reason):
    seeded_home(drill_home, tmp_path, now)
    before = Store.open(drill_home)
    snapshot = before.export_all()
    before.close()
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("drill: ") and "Traceback" not in err and reason in err
    after = Store.open(drill_home)
    snapshot_after = after.export_all()
    after.close()
    snapshot.pop("exported_at", None), snapshot_after.pop("exported_at", None)
    assert snapshot == snapshot_after


def test_corrupt_data_file_is_reported_and_left_untouched(drill_home, tmp_path, now, capsys):
    seeded_home(drill_home, tmp_path, now)
    main_db = drill_home / "drill.json"
    main_db.write_bytes(b'{"items": {"1": {"id": "t-fit", ')  # torn write from some other tool
    damaged = main_db.read_bytes()
    code = main(["export", str(tmp_path / "x.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(main_db) in err and "backup" in err and "Traceback" not in err
    assert main_db.read_bytes() == damaged


def test_second_app_is_refused_with_a_clear_message(drill_home):
    store = Store.open(drill_home)
    with store.session_lock():
        result = subprocess.run(
            [sys.executable, "-m", "drill", "review"], capture_output=True, text=True, timeout=60,
            env={**__import__("os").environ, "DRILL_HOME": str(drill_home)},
        )
    store.close()
    assert result.returncode == 2
    assert "already open" in result.stderr and "Traceback" not in result.stderr


def test_app_process_never_imports_tensorflow(drill_home, tmp_path):
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from drill.cli import build_parser
        build_parser()  # every command module is imported for --help
        from drill.session import StudySession
        from drill.store import Store
        from drill.tui.app import DrillApp
        store = Store.open({str(drill_home)!r})
        app = DrillApp(StudySession(store))
        async def go():
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press("r", "space", "3", "q")
                from drill.tui.routes import ROUTES
                for name in ROUTES:  # every screen, drills and exam included
                    if name != "today":
                        app.open_screen(name)
                        await pilot.pause()
                        app.pop_screen()
                        await pilot.pause()
        asyncio.run(go())
        leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras"))
        print("LEAKED", leaked)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "LEAKED []" in result.stdout
