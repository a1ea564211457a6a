"""The shared bench for writing and checking a solution: task, code, live check, score.

``AttemptScreen`` (drills) and ``ExamTaskScreen`` (mock exam) build on it and decide where the
code lives, what a check result is recorded as, and what the status line says.

The file on disk is the truth: the screen watches solution.py (``drill.watch``), reloads it
when the buffer is clean, and asks when both changed; a save never writes over an edit made
outside the app without asking. Quitting with unsaved code saves it (or asks, on a conflict).
Checks run in a thread worker (``run_check`` spawns the training subprocess); events come back
as messages, so the screen stays responsive and Esc cancels a running check.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Markdown, TabbedContent, TabPane, TextArea

from drill.check.events import Epoch
from drill.check.result import CheckResult
from drill.coach import coach
from drill.content.exercises import DrillSpec
from drill.tui.editor import open_in_editor
from drill.tui.screens.help import HelpScreen, keys_of
from drill.tui.watch_mode import WatchMode
from drill.tui.widgets.code_editor import EDITOR_KEYS, CodeEditor
from drill.tui.widgets.score_panel import ScorePanel
from drill.tui.widgets.training_progress import TrainingProgress


class CheckEvent(Message):
    def __init__(self, event) -> None:
        super().__init__()
        self.event = event


class CheckDone(Message):
    def __init__(self, result: CheckResult) -> None:
        super().__init__()
        self.result = result


class DiskChanged(Message):
    """The watcher saw solution.py change (maybe by this screen's own save)."""


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class WorkbenchScreen(WatchMode, Screen[None]):
    """Task, Code and Check tabs over one solution file."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "check", "Check"),
        Binding("ctrl+e", "edit", "$EDITOR", show=False),  # in the help (F1): the footer keeps room at 80 columns
        Binding("f6", "toggle_watch", "Watch"),
        Binding("f1", "help", "Help"),
        Binding("escape", "back", "Back"),  # also cancels a running check (said in the help)
    ]

    DEFAULT_CSS = """
    WorkbenchScreen #bench-bar { height: 1; margin: 0 1; color: $text-muted; }
    WorkbenchScreen #tabs { height: 1fr; }
    WorkbenchScreen TabPane { height: 1fr; padding: 0; }
    WorkbenchScreen TextArea { height: 1fr; }
    """

    checking: reactive[bool] = reactive(False)
    watching: reactive[bool] = reactive(False)  # watch mode (drill.tui.watch_mode): every save re-checks, fast lane first
    help_note = "Write solution_model() in the Code tab; ctrl+r trains it and scores it on held-out data."
    bar_interval_s = 30.0  # the status line's clock counts minutes; the exam's counts seconds

    def __init__(self, spec: DrillSpec) -> None:
        super().__init__()
        self.spec = spec
        self.cancel = threading.Event()
        self.stop_watching = threading.Event()
        self.disk_text: str | None = None  # the file's text as last read or written here
        self._asking = False
        self.epochs: list[Epoch] = []  # the running check's curve, for the coach

    # -- hooks for subclasses -------------------------------------------------------------------
    def solution_path(self) -> Path:
        raise NotImplementedError

    def status_text(self) -> str:
        return self.spec.id

    def can_check(self) -> str | None:
        """None when a check may start, else the reason it may not."""
        return None

    def record(self, result: CheckResult) -> None:
        """Store a finished (not cancelled) check."""

    def check_options(self) -> dict:
        return {}

    def extra_tabs(self) -> ComposeResult:
        yield from ()

    def extra_panels(self) -> ComposeResult:
        """Widgets under the tabs, in view whatever tab is open (the hint panel)."""
        yield from ()

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="bench-bar")
        with TabbedContent(id="tabs"):
            with TabPane("Task", id="tab-task"):
                with VerticalScroll():
                    yield Markdown(self.spec.task_text())
            with TabPane("Code", id="tab-code"):
                yield CodeEditor(id="code")
            with TabPane("Check", id="tab-check"):
                with VerticalScroll():
                    yield TrainingProgress()
                    yield ScorePanel(id="score")
            yield from self.extra_tabs()
        yield from self.extra_panels()
        yield Footer()

    @property
    def editor(self) -> CodeEditor:
        return self.query_one("#code", CodeEditor)

    def on_mount(self) -> None:
        self.title = self.spec.title
        getattr(self.app, "warm_checks", lambda: None)()  # checks fork from a warm TensorFlow
        path = self.solution_path()
        self.disk_text = read_text(path)
        self.editor.load(self.disk_text or "")
        self.update_bar()
        self.set_interval(self.bar_interval_s, self.update_bar)
        self._watch_disk(path)

    def update_bar(self) -> None:
        state = ["checking…" if self.checking else "", "● unsaved" if self.is_mounted and self.editor.dirty else "",
                 ("watching" if self.watch_runs_full_check else "watching: fast lane only") if self.watching else ""]
        # the markers lead: at 80 columns the end of a long status line is cut off
        self.query_one("#bench-bar", Label).update(" · ".join(filter(None, [*state, self.status_text()])))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-code":
            self.editor.focus()  # the Code tab is for typing: no extra key to reach the editor

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._show_dirty()

    def _show_dirty(self) -> None:
        tab = self.query_one(TabbedContent).get_tab("tab-code")
        label = "Code ●" if self.editor.dirty else "Code"
        if str(tab.label) != label:
            tab.label = label
            self.update_bar()

    # -- the file on disk -----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="disk-watch")
    def _watch_disk(self, path: Path) -> None:
        from drill.watch import watch_file

        watch_file(path, self.stop_watching, lambda: self.post_message(DiskChanged()))

    def on_disk_changed(self, _message: DiskChanged) -> None:
        self.sync_from_disk()

    def on_screen_resume(self) -> None:
        if self.disk_text is not None:
            self.sync_from_disk()  # a file system that sends no events still gets caught here

    def sync_from_disk(self) -> None:
        """Take an outside change of the file: reload a clean buffer, ask about a dirty one."""
        disk = read_text(self.solution_path())
        if disk is None or disk == self.disk_text:
            return
        if not self.editor.dirty or self.editor.text == disk:
            self.editor.load(disk)
            self.disk_text = disk
            self._show_dirty()
            self.notify(f"{self.solution_path().name} changed on disk; reloaded.", timeout=3)
            self.after_disk_change()
        else:
            self.ask_conflict()

    def after_disk_change(self) -> None:
        """The file changed on disk and the editor took it: watch mode re-checks."""
        if self.watching:
            self.recheck()

    def ask_conflict(self, then: Callable[[], None] | None = None, action: str = "") -> None:
        from drill.tui.screens.disk_conflict import DiskConflictScreen

        if self._asking:
            return
        self._asking = True

        def decided(choice: str | None) -> None:
            self._asking = False
            if choice == "mine":
                self.disk_text = read_text(self.solution_path())
                self.save(then)
            elif choice == "disk":
                disk = read_text(self.solution_path()) or ""
                self.editor.load(disk)
                self.disk_text = disk
                self._show_dirty()
                if then is not None:
                    then()

        self.app.push_screen(DiskConflictScreen(self.solution_path().name, action), decided)

    def save(self, then: Callable[[], None] | None = None, announce: bool = False, action: str = "") -> bool:
        """Write the buffer, unless the file changed on disk since it was read here (then ask).

        Returns True when the file now holds the buffer; ``then`` runs after a successful save
        (at once, or once the learner has answered the question).
        """
        path = self.solution_path()
        text = self.editor.text
        disk = read_text(path)
        if disk is not None and self.disk_text is not None and disk not in (self.disk_text, text):
            if self.editor.dirty:
                self.ask_conflict(then, action)
                return False
            self.sync_from_disk()  # only the file changed: take it, never write the stale buffer
            text = disk
        if disk != text:
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as error:
                self.notify(f"Could not save {path}: {error.strerror}", severity="error")
                return False
        self.disk_text = text
        self.editor.mark_saved(text)
        self._show_dirty()
        if announce:
            self.notify(f"Saved {path.name} ({len(text.splitlines())} lines).", timeout=2)
        if then is not None:
            then()
        return True

    def save_for_quit(self) -> bool:
        """Called by the app before it quits: True when nothing is lost by quitting now."""
        if not self.editor.dirty:
            return True
        answered_later = {"yes": False}

        def quit_after_answer() -> None:
            if answered_later["yes"]:
                self.app.exit()

        saved = self.save(then=quit_after_answer, action="quitting")
        answered_later["yes"] = True
        return saved

    def action_save(self) -> None:
        self.save(then=self.recheck if self.watching else None, announce=True)

    def action_edit(self) -> None:
        def edit() -> None:
            if open_in_editor(self.app, self.solution_path()):
                self.sync_from_disk()

        self.save(then=edit, action="opening $EDITOR")

    # -- checking -------------------------------------------------------------------------------
    def action_check(self) -> None:
        if self.checking:
            self.notify("A check is already running; Esc cancels it.")
            return
        refusal = self.can_check()
        if refusal:
            self.notify(refusal, severity="warning")
            return
        self.save(then=self.start_check, action="the check")

    def start_check(self) -> None:
        self.checking = True
        self._lane = "full"
        self.cancel = threading.Event()
        self.query_one(TrainingProgress).reset()
        self.query_one(ScorePanel).clear()
        self.epochs: list[Epoch] = []
        self.query_one(TabbedContent).active = "tab-check"
        self.update_bar()
        self._run_check(self.solution_path(), self.check_options())

    @work(thread=True, exclusive=True, group="check")
    def _run_check(self, solution: Path, options: dict) -> None:
        from drill.check.runner import run_check

        result = run_check(self.spec, solution, on_event=lambda e: self.post_message(CheckEvent(e)), cancel=self.cancel, **options)
        self.post_message(CheckDone(result))

    def on_check_event(self, message: CheckEvent) -> None:
        if isinstance(message.event, Epoch):
            self.epochs.append(message.event)
        self.query_one(TrainingProgress).apply(message.event)

    def on_check_done(self, message: CheckDone) -> None:
        self.checking = False
        result = message.result
        cancelled = result.error_kind == "cancelled"
        self.query_one(TrainingProgress).finish("cancelled" if cancelled else f"finished in {result.duration_s:.0f} s")
        self.query_one(ScorePanel).show(result, self.spec, coach(self.epochs, stopped_early=result.stopped_early))
        if not cancelled:
            self.record(result)
        self.update_bar()
        if self._recheck_pending:
            self._recheck_pending = False
            self.recheck()

    def on_unmount(self) -> None:
        self.cancel.set()  # leaving the screen or quitting ends a running check's process group
        self.stop_watching.set()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.spec.id, keys_of(self) + EDITOR_KEYS, self.help_note))

    def action_back(self) -> None:
        if self.checking:
            self.cancel.set()
            self.notify("Cancelling the check…")
            return
        self.save(then=self.app.pop_screen, action="leaving")
