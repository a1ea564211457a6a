"""Plain-terminal view of a check (``drill check``): live progress, then a result panel (rich)."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from drill.check import events as ev
from drill.check.result import CheckResult
from drill.content.exercises import DrillSpec

PHASES = {"importing": "loading TensorFlow", "training": "training", "grading": "grading the saved model", "done": "done"}


class LiveView:
    """Context manager whose ``on_event`` drives a live display: a status line, a bar per fit."""

    def __init__(self, spec: DrillSpec, file: Path, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.spec, self.file = spec, file
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(bar_width=30), MofNCompleteColumn(),
            TextColumn("{task.fields[info]}"), console=self.console,
        )
        self.phase, self.device, self.limits = "starting", "", ""
        self.epoch_task: int | None = None
        self.fit = 0
        self.t0 = time.monotonic()
        self.live = Live(self, console=self.console, refresh_per_second=8, transient=False)

    def __rich__(self) -> Group:
        elapsed = time.monotonic() - self.t0
        status = Text.assemble((f"{self.phase}", "bold"), f"  {elapsed:5.1f} s", (f"  {self.device}", "dim"), (f"  {self.limits}", "dim"))
        return Group(status, self.progress) if self.epoch_task is not None else Group(status)

    def __enter__(self) -> LiveView:
        self.plain = not self.console.is_terminal  # a pipe or a log gets plain lines, no redrawn status
        self.console.print(f"[bold]drill check[/] {self.spec.id} — {self.spec.title}", soft_wrap=True)
        self.console.print(str(self.file), style="dim", soft_wrap=True, markup=False)
        if not self.plain:
            self.live.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.plain:
            self.live.stop()
        self.console.file.flush()

    def _plain_line(self, event: ev.Event) -> None:
        """One whole line per phase change and per epoch, for a pipe."""
        if isinstance(event, ev.Phase):
            self.console.print(f"{PHASES.get(event.name, event.name)} · {event.elapsed_s:.1f} s", soft_wrap=True, markup=False)
        elif isinstance(event, ev.Device):
            self.console.print(f"device {event.device} · TensorFlow {event.tf_version}", soft_wrap=True, markup=False)
        elif isinstance(event, ev.Epoch):
            numbers = "  ".join(f"{k} {v:.4g}" for k, v in ({"loss": event.loss} | event.metrics).items() if v is not None)
            fit = f"fit {event.fit} " if event.fit > 1 else ""
            self.console.print(f"{fit}epoch {event.epoch}/{event.epochs}  {numbers}", soft_wrap=True, markup=False)
        elif isinstance(event, ev.Output):
            self.console.print(event.text, soft_wrap=True, markup=False, style="dim")

    def on_event(self, event: ev.Event) -> None:
        if getattr(self, "plain", False):
            self._plain_line(event)
            return
        p = self.progress
        if isinstance(event, ev.Started):
            self.limits = f"limits {event.timeout_s:g} s, {event.memory_mb} MB"
        elif isinstance(event, ev.Phase):
            self.phase = PHASES.get(event.name, event.name)
        elif isinstance(event, ev.Device):
            self.device, self.limits = f"{event.device} · TensorFlow {event.tf_version}", ""
        elif isinstance(event, (ev.Epoch, ev.Batch)):
            if event.fit != self.fit or self.epoch_task is None:
                self.fit = event.fit
                self.epoch_task = p.add_task("epochs" if event.fit == 1 else f"fit {event.fit}", total=event.epochs, info="")
            done = event.epoch if isinstance(event, ev.Epoch) else event.epoch - 1
            info = "" if event.loss is None else f"loss {event.loss:.4g}"
            if isinstance(event, ev.Epoch) and event.metrics:
                info += "  " + "  ".join(f"{k} {v:.4g}" for k, v in list(event.metrics.items())[:3])
            p.update(self.epoch_task, completed=done, info=info)
        elif isinstance(event, ev.TrainEnd) and self.epoch_task is not None and event.stopped_early:
            p.update(self.epoch_task, info=p.tasks[-1].fields["info"] + "  [yellow]stopped early[/]")
        elif isinstance(event, ev.Output):
            self.console.print(Text(event.text, style="dim"))


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.4g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.2e}"


def result_colour(result: CheckResult) -> str:
    return "green" if result.passed else "yellow" if result.score >= 3 else "red"


def result_group(result: CheckResult, spec: DrillSpec) -> Group:
    """Score, metric against each bar, what to fix: shared by ``drill check`` and the app."""
    colour = result_colour(result)
    head = Text.assemble((f"{result.score}/5", f"bold {colour}"), f"  {spec.id}  ·  {result.metric} ", (_fmt(result.value), "bold"))
    table = Table(box=None, padding=(0, 2), show_header=True, header_style="dim")
    table.add_column("score")
    table.add_column(f"{result.metric} {'≤' if result.lower_is_better else '≥'}")
    table.add_column("")
    for row in result.table:
        marker = "[green]✓[/]" if row.met else "[dim]·[/]"
        here = "  ← you" if row.score == result.score and result.score else ""
        table.add_row(str(row.score), _fmt(row.bar), marker + here)
    parts: list = [head, table]
    if result.error_kind:
        fix = Text(f"\n{result.error_message}", style="bold red")
        if result.error_hint:
            fix.append(f"\nfix: {result.error_hint}", style="")
        parts.append(fix)
        for problem in result.problems[1:]:
            parts.append(Text(f"also: {problem.message}" + (f" — {problem.hint}" if problem.hint else "")))
    elif not result.passed:
        nxt = spec.metric.bars[result.score] if result.score < 5 else None
        parts.append(Text(f"\nnext bar: {result.metric} {'≤' if result.lower_is_better else '≥'} {_fmt(nxt)}"))
    from drill.wording import count

    epochs = count(result.epochs_seen, "epoch") + (" (stopped early)" if result.stopped_early else "")
    parts.append(Text(f"\n{result.duration_s:.1f} s · {result.device or 'device unknown'} · TF {result.tf_version or '?'} · "
                      f"{epochs} · peak {result.peak_memory_mb:.0f} MB", style="dim"))
    if result.protection:
        from drill.check.confine import WORDS

        parts.append(Text(f"your data: {WORDS.get(result.protection, result.protection)}", style="dim"))
    return Group(*parts)


def render_result(result: CheckResult, spec: DrillSpec, console: Console | None = None) -> None:
    """Print the result panel (and the end of the output when the code crashed)."""
    console = console or Console()
    console.print(Panel(result_group(result, spec), title="drill check", border_style=result_colour(result)))
    if result.error_kind in ("crashed", "import", "killed") and result.output_tail.strip():
        console.print(Panel(Text(result.output_tail[-3000:]), title="output (end)", border_style="dim"))
