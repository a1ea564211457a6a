"""Live view of a training check: phase, device, epoch bar, loss and metrics, elapsed, output.

Nothing here runs while no check does: the elapsed-time timer starts with a check and stops
when it ends, and the bar (whose indeterminate mode animates at 15 frames a second) is shown
only while a check runs or once it has a real total.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar, RichLog

from drill.check import events as ev


class TrainingProgress(Vertical):
    """Feed it check events with ``apply``; it shows what a learner watches while training runs."""

    DEFAULT_CSS = """
    TrainingProgress { height: auto; border: round $secondary; padding: 0 1; }
    TrainingProgress #tp-status { text-style: bold; }
    TrainingProgress #tp-numbers { color: $text-muted; }
    TrainingProgress ProgressBar { margin: 0 0; }
    TrainingProgress RichLog { height: 6; border: none; background: $surface; }
    TrainingProgress #tp-bar.-idle { display: none; }
    TrainingProgress RichLog.-empty { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Label("No check yet: ctrl+r saves the file and runs one.", id="tp-status")
        yield ProgressBar(total=None, show_eta=False, id="tp-bar", classes="-idle")
        yield Label("", id="tp-numbers")
        # hidden until the learner's code prints: an empty box would push the score off an 80x24 screen
        yield RichLog(id="tp-output", max_lines=200, wrap=False, markup=False, classes="-empty")

    def on_mount(self) -> None:
        self.started = time.monotonic()
        self.device = ""
        self.timer = None
        self.phase = "done"
        self.last_numbers = ""

    def reset(self) -> None:
        """A new check starts: clear the last one's numbers and output, start the clock."""
        self.started = time.monotonic()
        self.device = ""
        self.phase = "starting"
        self.last_numbers = ""
        bar = self.query_one("#tp-bar", ProgressBar)
        bar.update(total=None, progress=0)
        bar.remove_class("-idle")
        self.query_one("#tp-numbers", Label).update("")
        self.query_one("#tp-output", RichLog).clear().add_class("-empty")
        if self.timer is None:
            self.timer = self.set_interval(0.5, self._tick)
        self._status()

    def _tick(self) -> None:
        if self.phase not in ("done", "stopped"):
            self._status()

    def _status(self) -> None:
        elapsed = time.monotonic() - self.started
        device = f" on {self.device}" if self.device else ""
        self.query_one("#tp-status", Label).update(f"{self.phase}{device} · {elapsed:.0f} s")

    def apply(self, event: ev.Event) -> None:
        """Update the view from one event of the check."""
        bar = self.query_one("#tp-bar", ProgressBar)
        if isinstance(event, ev.Phase):
            self.phase = event.name
        elif isinstance(event, ev.Device):
            self.device = event.device
        elif isinstance(event, ev.Epoch):
            self.phase = "training"
            bar.update(total=event.epochs, progress=event.epoch)
            metrics = "  ".join(f"{k} {v:.4g}" for k, v in event.metrics.items() if k != "loss")
            loss = f"loss {event.loss:.4g}  " if event.loss is not None else ""
            fit = f"fit {event.fit} · " if event.fit > 1 else ""
            self.query_one("#tp-numbers", Label).update(f"{fit}epoch {event.epoch}/{event.epochs}  {loss}{metrics}")
        elif isinstance(event, ev.Batch) and event.steps:
            self.query_one("#tp-numbers", Label).update(
                f"epoch {event.epoch}/{event.epochs} · step {event.step}/{event.steps}"
                + (f"  loss {event.loss:.4g}" if event.loss is not None else "")
            )
        elif isinstance(event, ev.Output):
            self.query_one("#tp-output", RichLog).write(event.text).remove_class("-empty")
        self._status()

    def finish(self, text: str) -> None:
        """The check ended: stop the clock; an epoch-less bar stops animating (it hides)."""
        self.phase = "done"
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        bar = self.query_one("#tp-bar", ProgressBar)
        if bar.total is None:
            bar.add_class("-idle")
        self.query_one("#tp-status", Label).update(text)
