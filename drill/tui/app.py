"""The Textual app: it routes between screens and turns errors into toasts. No domain logic."""

from __future__ import annotations

import sys
import threading

from functools import partial

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import Hit, Hits, Provider

from drill.errors import DrillError
from drill.tui.routes import ROUTES, TITLES, screen_class


class ScreenCommands(Provider):
    """Command palette entries: 'Go to <screen>' for every installed screen."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app: DrillApp = self.app  # type: ignore[assignment]
        for name in ROUTES:
            title = f"Go to {TITLES.get(name, name)}"
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(app.open_screen, name), help=f"drill {name}")


class DrillApp(App[None]):
    """drill's terminal app. ``session`` is the StudySession every screen works through."""

    CSS_PATH = "drill.tcss"
    TITLE = "drill"
    COMMANDS = App.COMMANDS | {ScreenCommands}
    # Not a priority binding: a focused editor or input takes Ctrl+C as copy first.
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False)]
    # Screens get a width class; drill.tcss tightens the footer below 100 columns (see there).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(self, session, start: str = "today") -> None:
        """``session`` is a StudySession, or a callable that makes one: then it is made when first
        needed (Today's worker, after the first frame), so start-up does not wait for the decks."""
        super().__init__()
        import threading

        self._session = None if callable(session) else session
        self._make_session = session if callable(session) else None
        self._session_lock = threading.Lock()
        self.start = start
        self.failure: DrillError | None = None  # why the app had to stop (the command line reports it)

    @property
    def session(self):
        if self._session is None:
            with self._session_lock:  # Today's worker and a key press may both ask first
                if self._session is None:
                    self._session = self._make_session()  # type: ignore[misc]
                    self._store_warnings(self._session)
        return self._session

    @session.setter
    def session(self, value) -> None:
        self._session = value

    def fail(self, error: DrillError) -> None:
        """The data cannot be read (say, an invalid settings file): leave the app and say why."""
        self.failure = error
        self.exit(return_code=error.exit_code)

    fatal_error: BaseException | None = None  # what ended the app; open_app reports it at the CLI edge

    def _handle_exception(self, error: Exception) -> None:
        """Errors end the app with drill's message, never Textual's traceback (drill.errors.message_for).

        A DrillError that is not about the data (a refused action) is a toast and the app goes on.
        """
        from textual.worker import WorkerFailed

        from drill.errors import BusyError, DataError

        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, DrillError) and not isinstance(cause, (DataError, BusyError)):
            self.notify(str(cause), severity="error", timeout=10)
            return
        if self.fatal_error is not None:
            return  # the first error is the one to report; the rest follow from it
        self.fatal_error = cause
        if isinstance(cause, DrillError):
            self.failure = cause  # the same report as fail(): open_app raises it at the CLI edge
        else:  # a bug: tests under run_test still see it raised
            self._exception = cause
        self._exception_event.set()  # lets a Pilot waiting on the screen stop waiting
        self._exit = True
        self._return_code = getattr(cause, "exit_code", 1)
        self._close_messages_no_wait()  # as Textual does for a fatal error, minus the traceback

    def on_mount(self) -> None:
        if self._session is not None:  # else said when the session is made (after the first frame)
            self._store_warnings(self._session)
        self.push_screen(screen_class("today")())
        if self.start != "today":
            self.open_screen(self.start)
        self.set_interval(60, self.flush_time)

    # -- study-time tracking (drill.hours.ActivityTracker; the screen says what is being done) ---
    @property
    def tracker(self):
        if getattr(self, "_tracker", None) is None:
            from drill.hours import ActivityTracker

            self._tracker = ActivityTracker()
        return self._tracker

    def _activity(self) -> tuple[str | None, str | None]:
        from drill.progress.activity import activity_of

        return activity_of(self.screen, getattr(self.session, "cards", {}))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)) and getattr(self, "_running", False) and self.failure is None:
            try:
                now = self.session.clock()
                self.tracker.set_activity(now, *self._activity())
                self.tracker.input(now)
            except Exception:  # noqa: BLE001 - tracking never breaks the app
                pass
        await super().on_event(event)

    def flush_time(self, stop: bool = False) -> None:
        """Write the tracked spans (every minute, on screen change and on quit)."""
        if self._session is None or self.failure is not None:  # nothing studied before the session exists
            return
        try:
            now = self.session.clock()
            if not stop:
                self.tracker.set_activity(now, *self._activity())
            spans = self.tracker.stop(now) if stop else self.tracker.flush(now)
            if spans:
                self.time_book().save_spans(spans)
        except DrillError as error:
            self.notify(f"Study time not saved: {error.message}", severity="warning")
        except Exception:  # noqa: BLE001
            pass

    def on_unmount(self) -> None:
        self.flush_time(stop=True)
        if "drill.check.warm" in sys.modules:  # the warm check worker ends with the app
            sys.modules["drill.check.warm"].WarmPool.stop()

    def warm_checks(self) -> None:
        """Start the warm check worker in the background (drill.check.warm; no-op where unsafe)."""
        import threading

        from drill.check.warm import WarmPool

        threading.Thread(target=WarmPool.start, name="drill-warm-start", daemon=True).start()

    def time_book(self):
        from drill.progress.timebook import TimeBook

        return TimeBook(self.session.store, self.session.settings, self.session.clock)

    def progress_overview(self):
        """Stats, readiness, the day's plan and agenda for the screens (drill.progress)."""
        from drill.progress.daily import left_out_message
        from drill.progress.overview import overview
        from drill.progress.today import agenda_for, planner_of, shipped_drills

        session = self.session
        now = session.clock()
        data = overview(session.store, session.settings, session.cards, now, drills=shipped_drills(),
                        plan=planner_of(session).plan(now), agenda=agenda_for(session, now))
        message = left_out_message(data.left_out)
        if message:  # figures without a damaged day file: said on screen, never in silence
            self.notify_any_thread(message[0].upper() + message[1:], severity="warning", timeout=20)
        return data

    def _store_warnings(self, session) -> None:
        """The store's warnings from opening (e.g. today's backup failed on a full disk) as toasts."""
        for warning in getattr(getattr(session, "store", None), "warnings", ()):
            self.notify_any_thread(warning[0].upper() + warning[1:], severity="warning", timeout=20)

    def notify_any_thread(self, message: str, **kwargs) -> None:
        """``notify`` from the UI thread or from a worker thread."""
        if threading.get_ident() == self._thread_id:
            self.notify(message, **kwargs)
        else:
            self.call_from_thread(self.notify, message, **kwargs)

    async def action_quit(self) -> None:
        """Quit (Ctrl+C outside an editor, Ctrl+Q, the palette): unsaved code is saved first.

        A screen with a ``save_for_quit`` hook (the workbench) saves its buffer; where the file
        also changed on disk it asks what to keep and quits after the answer.
        """
        for screen in reversed(self.screen_stack):
            save_for_quit = getattr(screen, "save_for_quit", None)
            if save_for_quit is not None and not save_for_quit():
                return
        self.exit()

    def has_route(self, name: str) -> bool:
        return name in ROUTES

    def open_screen(self, name: str) -> None:
        """Open a screen by route name (unknown or failing ones become a toast)."""
        if name not in ROUTES:
            self.notify(f"The {TITLES.get(name, name)} screen is not part of this build yet.", severity="warning")
            return
        self.flush_time()
        try:
            self.push_screen(screen_class(name)())
            self.call_after_refresh(self.flush_time)  # the new screen's activity starts now
        except DrillError as error:
            self.notify(str(error), severity="error", timeout=10)
