"""The Textual app: it routes between screens and turns errors into toasts. No domain logic."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
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
    BINDINGS = [Binding("ctrl+c", "quit", "Quit", show=False, priority=True)]

    def __init__(self, session, start: str = "today", **services) -> None:
        super().__init__()
        self.session = session
        self.services = services
        self.start = start

    def on_mount(self) -> None:
        self.push_screen(screen_class("today")())
        if self.start != "today":
            self.open_screen(self.start)

    def has_route(self, name: str) -> bool:
        return name in ROUTES

    def open_screen(self, name: str) -> None:
        """Open a screen by route name (unknown or failing ones become a toast)."""
        if name not in ROUTES:
            self.notify(f"The {TITLES.get(name, name)} screen is not part of this build yet.", severity="warning")
            return
        try:
            self.push_screen(screen_class(name)())
        except DrillError as error:
            self.notify(str(error), severity="error", timeout=10)

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
