"""Watch mode of the workbench (F6): every save re-checks, the fast lane first.

A save (Ctrl+S, or the file changed on disk and the editor took it) runs the fast lane
(``drill.check.fastlane``: syntax, imports, the contract on a model built without training,
forked from the warm worker the app keeps); when it passes, the full check follows. A newer
save stops what runs and starts over. In a mock exam (``watch_runs_full_check = False``) a save
runs only the fast lane: a submission happens only on the explicit key (Ctrl+R, "Submit"), and
a save during a running submission does not stop it (the fast lane looks at the save after it).

A mixin of ``WorkbenchScreen``, which owns the ``watching`` reactive, ``checking``, ``cancel``,
``start_check`` and the widgets used here.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widgets import TabbedContent

from drill.tui.widgets.score_panel import ScorePanel
from drill.tui.widgets.training_progress import TrainingProgress


class FastDone(Message):
    """The fast lane of watch mode finished (``drill.check.fastlane.FastResult``)."""

    def __init__(self, result) -> None:
        super().__init__()
        self.result = result


class WatchMode:
    """Watch mode's part of the workbench screen."""

    # a save that passes the fast lane starts the full check (and so a recorded submission); the
    # exam turns this off, since there a save must never become a submission
    watch_runs_full_check = True
    _recheck_pending = False  # a save came while a check ran
    _lane = ""  # what runs now: "fast" (the fast lane) or "full" (the training check)

    def action_toggle_watch(self) -> None:
        self.watching = not self.watching
        off = "Watch off: ctrl+r " + ("checks." if self.watch_runs_full_check else "submits.")
        self.notify(self.watch_note() if self.watching else off, timeout=5)
        self.update_bar()
        if self.watching:
            self.save(then=self.recheck, action="the check")

    def watch_note(self) -> str:
        if self.watch_runs_full_check:
            return "Watch on: every save runs the fast lane (no training), then the full check."
        return "Watch on: every save runs the fast lane (no training, nothing submitted); ctrl+r submits."

    def recheck(self) -> None:
        """A save in watch mode: a running check stops and this one starts over."""
        if self.can_check():
            self.notify(self.can_check() or "", severity="warning")
            return
        if self.checking:
            self._recheck_pending = True
            if self.watch_runs_full_check or self._lane == "fast":
                self.cancel.set()  # the newer save wins
            else:  # an exam submission the learner asked for runs to its end; the fast lane follows
                self.notify("A submission is running: the fast lane looks at this save after it.", timeout=4)
            return
        self.checking = True
        self._lane = "fast"
        self.cancel = threading.Event()
        progress = self.query_one(TrainingProgress)
        progress.reset()
        progress.phase = "fast lane"
        self.query_one(ScorePanel).clear()
        self.update_bar()
        getattr(self.app, "warm_checks", lambda: None)()  # again, if the worker stopped on a long pause
        self._run_fastlane(self.solution_path())

    @work(thread=True, exclusive=True, group="check")
    def _run_fastlane(self, solution: Path) -> None:
        from drill.check.fastlane import run_fastlane

        self.post_message(FastDone(run_fastlane(self.spec, solution, cancel=self.cancel)))

    def on_fast_done(self, message: FastDone) -> None:
        fast = message.result
        self.checking = False
        if fast.cancelled or self._recheck_pending:
            self._recheck_pending = False
            self.query_one(TrainingProgress).finish("stopped: a newer save")
            self.recheck()
            return
        if fast.ok and self.watch_runs_full_check:
            self.start_check()
            return
        if fast.ok:
            self.query_one(TrainingProgress).finish(f"fast lane passed ({fast.duration_s:.1f} s), nothing submitted: ctrl+r submits")
            self.notify("Fast lane passed. Nothing was submitted: ctrl+r submits.", timeout=4)
            self.update_bar()
            return
        self.query_one(TrainingProgress).finish(f"fast lane ({fast.stage}, {fast.duration_s:.1f} s): no training started")
        self.query_one(ScorePanel).show_problems(fast.problems)
        self.query_one(TabbedContent).active = "tab-check"
        self.update_bar()
