"""``drill`` and ``drill review|drills|notes|stats|plan``: open the app on a screen."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults()
    if parser.prog.endswith(" review"):
        parser.add_argument("--cram", action="store_true",
                            help="review ahead before the exam: the cards weakest on exam day (logged as cram)")


def terminal_problem(environ: dict[str, str] | None = None, streams=None) -> str | None:
    """Why this terminal cannot show the app, or None when it can.

    The app needs a real, cursor-addressable terminal: with input or output redirected it
    would write escape codes into a file and wait for keys that never come, and a ``TERM=dumb``
    terminal cannot draw it. Textual draws on stderr, so that stream counts as output too.
    """
    import os
    import sys

    environ = os.environ if environ is None else environ
    stdin, stdout, *rest = streams if streams is not None else (sys.stdin, sys.stdout, sys.stderr)
    for name, stream in (("input", stdin), ("output", stdout), *(("error output", s) for s in rest)):
        try:
            is_tty = stream is not None and stream.isatty()
        except (ValueError, OSError):
            is_tty = False
        if not is_tty:
            return f"the app needs a terminal, but its {name} is not one (redirected or piped)"
    if environ.get("TERM", "") in ("dumb", "unknown"):
        return f"this terminal (TERM={environ.get('TERM')}) cannot draw the app"
    return None


NO_TERMINAL_HINT = (
    "the command line works anywhere: drill today, drill plan, drill hours, drill readiness, "
    "drill new DRILL, drill check DRILL (see drill --help)"
)


def session_factory(store):
    """What the app calls for its session: after the first frame, in Today's worker.

    The day's backup comes first (seconds at a million reviews, so not before the first frame),
    and before anything the session can write; a damaged file it finds ends the app with the
    store's message, as ``Store.open`` would have.
    """

    def make_session():
        from drill.session import StudySession

        store.daily_backup()
        return StudySession(store)

    return make_session


def run(args: argparse.Namespace) -> int:
    from drill.errors import UsageError

    from drill.store import Store
    from drill.tui.app import DrillApp

    store = Store.open(args.home, backup=False)
    make_session = session_factory(store)
    try:
        with store.session_lock():
            # After the lock, so a second drill is told the app is open whatever its terminal.
            problem = terminal_problem()
            if problem is not None:
                raise UsageError(f"{problem}.", NO_TERMINAL_HINT)
            app = DrillApp(make_session, start="cram" if getattr(args, "cram", False) else args.command)
            app.run()
            if app.failure is not None:
                raise app.failure
    finally:
        store.close()
    if app.fatal_error is not None:  # reported by the CLI edge (drill.errors.message_for), exit non-zero
        raise app.fatal_error
    return app.return_code or 0
