"""``drill watch [DRILL]``: re-check your open attempt every time you save it, as rustlings does.

Each save runs the fast lane first (``drill.check.fastlane``: syntax, imports, forbidden layers,
the input shape, then the model built without training) and, when it passes, the full check.
Saves within 200 ms count as one (the watcher debounces); a newer save stops a running check
and starts over. TensorFlow loads once, in the warm worker (``drill.check.warm``), which both
lanes fork from: after the first check a save costs no TensorFlow import (cold where fork is
unsafe: macOS, Windows, a visible GPU, DRILL_WARM=0). The file watcher is watchfiles, polling on file systems that send no events
(``--poll`` forces it). Ctrl+C stops watching.
"""

from __future__ import annotations

import argparse
import sys
import threading
from datetime import datetime

from drill.errors import UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("drill", metavar="DRILL", nargs="?", help="drill id (default: your most recent open attempt)")
    parser.add_argument("--poll", action="store_true", help="poll the file instead of waiting for file-system events")
    parser.add_argument("--fast-only", action="store_true", help="run only the fast lane (no training)")


def _attempt(home, drill_id: str | None):
    from drill.attempts import Attempts
    from drill.store import Store

    with Store.open(home) as store:
        attempts = [a for a in Attempts(store, home).all(drill_id) if a.is_open]
    if not attempts:
        what = f"at {drill_id!r}" if drill_id else "at any drill"
        raise UsageError(f"no open attempt {what}", hint=f"start one with `drill new {drill_id or 'DRILL'}`")
    return attempts[-1]


def say(text: str) -> None:
    print(text, flush=True)


def cycle(spec, attempt, home, cancel: threading.Event, fast_only: bool) -> None:
    """One save: the fast lane, then (when it passes) the full check, recorded as a submission."""
    from drill.check.events import Epoch
    from drill.check.fastlane import run_fastlane
    from drill.coach import coach
    from drill.commands.check import _record, show_result

    from drill.check.warm import WarmPool

    WarmPool.start()  # at once when it runs; again after it stopped itself on a long pause
    say(f"\n{datetime.now():%H:%M:%S} {attempt.solution.name} saved: fast lane…")
    fast = run_fastlane(spec, attempt.solution, cancel=cancel, build=True)
    if fast.cancelled or cancel.is_set():
        return
    if not fast.ok:
        say(f"fast lane ({fast.stage}, {fast.duration_s:.1f} s) found:")
        for problem in fast.problems:
            say(f"  ✗ {problem.message}" + (f"\n    fix: {problem.hint}" if problem.hint else ""))
        say("no training started; save again when it is fixed.")
        return
    say(f"fast lane passed in {fast.duration_s:.1f} s" + ("." if fast_only else "; full check…"))
    if fast_only:
        return
    from drill.check.console import LiveView
    from drill.check.runner import run_check

    epochs: list = []
    with LiveView(spec, attempt.solution) as view:
        def on_event(event) -> None:
            if isinstance(event, Epoch):
                epochs.append(event)
            view.on_event(event)

        result = run_check(spec, attempt.solution, on_event=on_event, cancel=cancel)
    if result.error_kind == "cancelled":
        return
    boosted = _record(home, attempt, result, spec)
    show_result(result, spec, coach(epochs, stopped_early=result.stopped_early), boosted)


def run(args: argparse.Namespace) -> int:
    from drill.content.exercises import find_spec
    from drill.watch import needs_polling, watch_file

    from drill.attempts import Attempts
    from drill.commands.hint import attempt_spec
    from drill.store import Store

    attempt = _attempt(args.home, args.drill)
    with Store.open(args.home) as store:
        spec = attempt_spec(Attempts(store, args.home), attempt, None) or find_spec(attempt.drill_id)
    from drill.check.warm import WarmPool

    poll = args.poll or needs_polling(attempt.solution)
    warm = WarmPool.start() is not None  # TensorFlow loads once, in the background, for every check
    say(f"watching {attempt.solution}\n({'polling' if poll else 'file-system events'}; every save re-checks; Ctrl+C stops)")
    if warm:
        say("TensorFlow loads once in a warm worker: the first check waits for it, later saves do not.")
    changed, stop = threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch_file, args=(attempt.solution, stop, changed.set), kwargs={"poll": poll}, daemon=True)
    watcher.start()
    changed.set()  # check once at the start, as rustlings does
    worker: threading.Thread | None = None
    cancel = threading.Event()
    try:
        while True:
            while not changed.wait(0.5):
                pass
            changed.clear()
            if worker is not None and worker.is_alive():
                cancel.set()
                say("a newer save: the running check stops.")
                worker.join()
            cancel = threading.Event()
            worker = threading.Thread(target=cycle, args=(spec, attempt, args.home, cancel, args.fast_only), daemon=True)
            worker.start()
    except KeyboardInterrupt:
        cancel.set()
        stop.set()
        if worker is not None:
            worker.join(timeout=10)
        WarmPool.stop()
        print("stopped watching.", file=sys.stderr)
        return 0
