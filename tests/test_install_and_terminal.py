"""Installs and reads right everywhere: content in the wheel, any locale, no or a dumb terminal,
and a test run that stops on the first Ctrl+C."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drill.commands.open_app import terminal_problem
from drill.errors import ContentError
from drill.textout import HANDLER, ascii_for, can_encode

REPO = Path(__file__).resolve().parent.parent


def run_drill(*argv: str, env_extra: dict[str, str] | None = None, cwd: str | Path | None = None, stdin=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "drill", *argv], capture_output=True, text=False, env=env,
        cwd=cwd or REPO, stdin=stdin if stdin is not None else subprocess.DEVNULL, timeout=120,
    )


# --- content ---------------------------------------------------------------------------------

def test_content_root_found_in_a_checkout(monkeypatch):
    from drill.paths import content_root

    monkeypatch.delenv("DRILL_CONTENT", raising=False)
    root = content_root()
    assert (root / "decks").is_dir() and (root / "exercises").is_dir() and (root / "notes").is_dir()


def test_missing_content_is_an_error_not_an_empty_app(monkeypatch, tmp_path):
    from drill.paths import content_root

    monkeypatch.setenv("DRILL_CONTENT", str(tmp_path))
    with pytest.raises(ContentError) as caught:
        content_root()
    assert str(tmp_path) in caught.value.message and "DRILL_CONTENT" in (caught.value.hint or "")


def test_missing_content_gives_a_message_and_exit_2(tmp_path):
    result = run_drill("new", "linear-dense", env_extra={"DRILL_CONTENT": str(tmp_path)})
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "decks" in err


@pytest.mark.slow
def test_wheel_carries_the_content_and_works_from_root(tmp_path, drill_home):
    """Build the wheel (no isolation: the build backend comes with the dev extra), install it
    without dependencies into a scratch target, and run it from / where no checkout is near."""
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("drill-*.whl")
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stderr
    env = {k: v for k, v in os.environ.items() if k != "DRILL_CONTENT"}
    env.update(PYTHONPATH=str(target), DRILL_HOME=str(drill_home))

    def drill(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "drill", *argv], capture_output=True, text=True,
                              env=env, cwd="/", timeout=300, stdin=subprocess.DEVNULL)

    where = subprocess.run([sys.executable, "-c", "import drill.paths as p; print(p.__file__); print(p.content_root())"],
                           capture_output=True, text=True, env=env, cwd="/")
    module_file, root = where.stdout.split()
    assert module_file.startswith(str(target)) and root.startswith(str(target)), where.stdout + where.stderr

    version = drill("--version")
    assert version.returncode == 0 and version.stdout.startswith("drill "), version.stderr
    lint = drill("lint", "--coverage")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "no skill" not in lint.stdout.lower() or "uncovered" not in lint.stdout.lower()
    new = drill("new", "linear-dense")
    assert new.returncode == 0, new.stdout + new.stderr
    starter = [line for line in new.stdout.split() if line.endswith((".py", "/")) or "/" in line]
    assert starter and any(Path(token.rstrip(".,")).exists() for token in starter), new.stdout


# --- locale ----------------------------------------------------------------------------------

def test_ascii_stand_ins_for_drawing_characters():
    assert ascii_for("╭") == "+" and ascii_for("─") == "-" and ascii_for("│") == "|"
    assert ascii_for("█") == "#" and ascii_for("→") == "->" and ascii_for("…") == "..."
    assert ascii_for("é") == "e"
    assert "╭─ x ─╮ █ → ≤".encode("latin-1", errors=HANDLER) == b"+- x -+ # -> <="
    assert can_encode("utf-8") and not can_encode("latin-1")


LATIN1 = {"PYTHONIOENCODING": "iso-8859-1", "LANG": "en_US.ISO-8859-1", "LC_ALL": "en_US.ISO-8859-1"}


@pytest.mark.parametrize("argv", [("hours",), ("readiness",), ("plan",), ("log", "--list"), ("--help",), ("settings",)])
def test_text_commands_under_a_latin1_locale(argv):
    result = run_drill(*argv, env_extra=LATIN1)
    err = result.stderr.decode("latin-1")
    assert "Traceback" not in err and "UnicodeEncodeError" not in err, err
    assert result.returncode in (0, 1), err
    result.stdout.decode("latin-1")  # it is valid in the terminal's encoding by construction


def _read_for(fd: int, seconds: float) -> bytes:
    seen, end = b"", time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def _app_in_a_pty(env_extra: dict[str, str], seconds: float = 6.0) -> tuple[bytes, int]:
    env = {**os.environ, **env_extra, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(REPO)
        os.execvpe(sys.executable, [sys.executable, "-m", "drill"], env)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = _read_for(fd, seconds)
    os.write(fd, b"q")
    seen += _read_for(fd, 2.0)
    try:
        os.kill(pid, signal.SIGINT)
    except ProcessLookupError:
        pass
    seen += _read_for(fd, 1.0)
    _, status = os.waitpid(pid, 0)
    return seen, status


def test_app_under_a_latin1_locale_draws_ascii_not_escapes():
    screen, _ = _app_in_a_pty(LATIN1)
    text = screen.decode("latin-1")
    assert "\\u25" not in text and "Traceback" not in text, text[-800:]
    assert "Today" in text or "due" in text, text[-800:]


# --- terminal --------------------------------------------------------------------------------

class _Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_terminal_problem_names_what_is_missing():
    tty = (_Stream(True), _Stream(True))
    assert terminal_problem({"TERM": "xterm"}, tty) is None
    assert "TERM=dumb" in terminal_problem({"TERM": "dumb"}, tty)
    assert "input is not" in terminal_problem({"TERM": "xterm"}, (_Stream(False), _Stream(True)))
    assert "output is not" in terminal_problem({"TERM": "xterm"}, (_Stream(True), _Stream(False)))
    assert "error output is not" in terminal_problem({"TERM": "xterm"}, (_Stream(True), _Stream(True), _Stream(False)))


def test_app_without_a_terminal_exits_2_with_a_message(tmp_path):
    out = tmp_path / "out"
    with out.open("wb") as handle:
        result = subprocess.run([sys.executable, "-m", "drill"], stdin=subprocess.DEVNULL, stdout=handle,
                                stderr=subprocess.PIPE, cwd=REPO, timeout=60)
    assert result.returncode == 2
    assert out.read_bytes() == b""  # no escape codes written into the file
    err = result.stderr.decode()
    assert "needs a terminal" in err and "drill --help" in err and "Traceback" not in err


def test_app_in_a_dumb_terminal_exits_2_with_a_message():
    env = {**os.environ, "TERM": "dumb"}
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(REPO)
        os.execvpe(sys.executable, [sys.executable, "-m", "drill"], env)
    seen = _read_for(fd, 8.0)
    _, status = os.waitpid(pid, 0)
    text = seen.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 2, text
    assert "TERM=dumb" in text and "Traceback" not in text


# --- Ctrl+C ----------------------------------------------------------------------------------

def test_main_leaves_ctrl_c_to_the_caller(monkeypatch):
    """In-process callers (this test suite) get the KeyboardInterrupt back, so pytest stops on the
    first Ctrl+C; only the console script turns it into exit 130."""
    from drill import cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr("drill.commands.hours.run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["hours"])


def test_console_script_turns_ctrl_c_into_exit_130(monkeypatch, capsys):
    from drill import cli

    def interrupted(argv=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    with pytest.raises(SystemExit) as caught:
        cli.entry()
    assert caught.value.code == 130
    assert "interrupted" in capsys.readouterr().err
