"""The command-line edge: parse arguments, run one command, turn errors into messages.

``drill`` with no command opens the app on Today. Exit codes (DESIGN.md): 0 ok, 1 a check
below 5/5 or a failed command, 2 usage or data error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from drill import __version__
from drill.commands import COMMANDS, HELP
from drill.errors import message_for


def build_parser(commands: dict[str, str] | None = None) -> argparse.ArgumentParser:
    """The full parser; each subcommand's module adds its own arguments."""
    commands = COMMANDS if commands is None else commands
    parser = argparse.ArgumentParser(
        prog="drill",
        description="Study TensorFlow/Keras to certificate level: FSRS cards, coding drills "
        "checked by real training, study hours and exam readiness.",
        epilog="Data folder: --home, else $DRILL_HOME, else the platform's user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"drill {__version__}")
    parser.add_argument("--home", metavar="DIR", help="data folder (overrides $DRILL_HOME)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_path in commands.items():
        module = importlib.import_module(module_path)
        text = HELP.get(name, "").replace("%", "%%")  # argparse formats help strings with %
        command_parser = sub.add_parser(name, help=text, description=text)
        command_parser.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS, help="data folder")
        module.configure(command_parser)
        command_parser.set_defaults(_module=module)
    return parser


WITHOUT_STORE = ("lint", "doctor")  # commands that work (and say so) without a data folder


def _plain_start(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments of a bare ``drill [--home DIR]``, else None (the full parser handles the rest)."""
    rest = list(sys.argv[1:] if argv is None else argv)
    home = None
    if rest[:1] == ["--home"] and len(rest) == 2:
        home, rest = rest[1], []
    elif len(rest) == 1 and rest[0].startswith("--home="):
        home, rest = rest[0].split("=", 1)[1], []
    if rest:
        return None
    return argparse.Namespace(home=home, command=None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``drill`` with ``argv``; return the exit code.

    Ctrl+C is not caught here but in :func:`entry`, the console script: code that calls
    ``main`` in-process (the test suite) keeps its own interrupt, so a test run stops on the
    first Ctrl+C instead of recording it as a failed command.
    """
    args = _plain_start(argv)  # `drill` alone opens the app without building every subcommand's parser
    if args is None:
        args = build_parser().parse_args(argv)
    try:
        from drill.errors import DataError
        from drill.paths import data_home

        try:  # resolves the folder only; the store creates it when a command needs it
            args.home = data_home(args.home)
        except DataError:
            if args.command not in WITHOUT_STORE:
                raise
            args.home = None  # lint checks shipped content; doctor reports the folder problem
        if args.command is None:
            from drill.commands import open_app

            args.command = "today"
            return open_app.run(args)
        return int(args._module.run(args) or 0)
    except BrokenPipeError:  # `drill list | head`: the reader left, which is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # the one edge: every error becomes a message (Ctrl+C: entry())
        text, code = message_for(error)
        print(text, file=sys.stderr)
        return code


def entry() -> None:
    """The ``drill`` console script and ``python -m drill``: :func:`main` plus the edges of a
    real terminal (an output encoding that may not carry box characters, Ctrl+C)."""
    from drill.textout import degrade_unencodable_output

    degrade_unencodable_output()
    try:
        code = main()
    except KeyboardInterrupt:
        print("drill: interrupted. Everything saved before this moment is kept.", file=sys.stderr)
        code = 130
    raise SystemExit(code)
