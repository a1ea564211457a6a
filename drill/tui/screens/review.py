"""Review: one card at a time, front → reveal → rate; undo, suspend, bury, edit."""

from __future__ import annotations

import time

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from drill.errors import DrillError
from drill.tui.editor import open_in_editor
from drill.tui.screens.help import HelpScreen, keys_of
from drill.tui.widgets.card_view import CardView
from drill.tui.widgets.rating_bar import RatingBar
from drill.wording import count


class ReviewScreen(Screen[None]):
    """Works through today's queue; every answer is stored before the next card shows."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer"),
        # The rating buttons show these keys and intervals; the footer keeps room for the rest.
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("u", "undo", "Undo"),
        Binding("s", "suspend", "Suspend"),
        Binding("b", "bury", "Bury"),
        Binding("e", "edit", "Edit card"),
        # Shown only when nothing is left and an exam date lies ahead (check_action).
        Binding("c", "cram", "Review ahead"),
        Binding("S", "suspended", "Suspended list", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q,escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    ReviewScreen #progress { height: 1; margin: 0 2; color: $text-muted; }
    ReviewScreen #done { display: none; margin: 2 4; height: auto; }
    ReviewScreen.-done #done { display: block; }
    ReviewScreen.-done CardView, ReviewScreen.-done RatingBar, ReviewScreen.-done #reveal-hint { display: none; }
    ReviewScreen RatingBar { display: none; }
    ReviewScreen.-revealed RatingBar { display: block; }
    ReviewScreen.-revealed #reveal-hint { display: none; }
    ReviewScreen #reveal-hint { height: 3; content-align: center middle; width: 100%; color: $text-muted; }
    """

    CRAM = False  # CramScreen: review ahead of the exam instead of today's queue

    card_id: reactive[str | None] = reactive(None)
    revealed: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="progress")
        yield CardView()
        yield Static("Space or Enter shows the answer", id="reveal-hint")
        yield RatingBar()
        with Vertical(id="done"):
            yield Static(id="done-text")
        yield Footer()

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.title = "Review ahead (cram)" if self.CRAM else "Review"
        self.next_card()

    def next_card(self, card_id: str | None = None) -> None:
        """Show ``card_id``, or the head of the queue; the done view when nothing is left."""
        if self.CRAM:
            self._next_cram(card_id)
            return
        from drill.progress.today import agenda_for

        agenda = agenda_for(self.session)  # the header's counts are Today's (one agenda)
        if card_id is None:
            card_id = next((i for i in agenda.queue_ids if i in self.session.cards), None)
        self._show(card_id)
        self.query_one("#progress", Label).update(agenda.counts_line())
        if card_id is None:
            later = f"\n{agenda.later_today} learning cards come back later today." if agenda.later_today else ""
            ahead = "\n\nPress c to review ahead: the cards weakest on exam day." if self._can_cram() else ""
            limit = f"\n\n{escape(agenda.limit_warning)}" if agenda.limit_warning else ""  # the same sentence as Today's
            self.query_one("#done-text", Static).update(
                f"[b]All done for now.[/b]\n\n{count(agenda.done_today, 'answer')} today, streak {count(self.session.streak(), 'day')}.{later}"
                f"{limit}\n\nNext: {escape(agenda.next.in_app(back='q'))}.{ahead}\n\nPress q to go back."
            )
            return
        self.query_one(CardView).show(self.session.cards[card_id], position=card_id)
        self._shown_at = time.monotonic()

    def _show(self, card_id: str | None) -> None:
        self.card_id = card_id
        self.revealed = False
        self.set_class(card_id is None, "-done")
        self.refresh_bindings()

    def _can_cram(self) -> bool:
        from drill.schedule.cram import exam_morning

        return not self.CRAM and exam_morning(self.session.clock(), self.session.settings) is not None

    def _next_cram(self, card_id: str | None) -> None:
        """Review-ahead mode: the cards weakest on exam day, answered as (flagged) early reviews."""
        ahead = self.session.cram_queue()
        if card_id is None:
            card_id = next((i for i in ahead if i in self.session.cards), None)
        self._show(card_id)
        exam = self.session.settings.exam_date
        when = f" for the exam on {exam:%a %d %b}" if exam else ""
        self.query_one("#progress", Label).update(f"review ahead{when} · {count(len(ahead), 'card')} left, weakest first")
        if card_id is None and exam is None:
            self.query_one("#done-text", Static).update(
                "[b]Review ahead needs an exam date.[/b]\n\nSet one with `drill settings --exam-date YYYY-MM-DD`."
                "\n\nPress q to go back."
            )
            return
        if card_id is None:
            self.query_one("#done-text", Static).update(
                "[b]Nothing to review ahead.[/b]\n\nEvery card you have seen is predicted above your target "
                "retention on exam day, or was answered today.\n\nPress q to go back."
            )
            return
        self.query_one(CardView).show(self.session.cards[card_id], position=card_id)
        self._shown_at = time.monotonic()

    def watch_revealed(self, revealed: bool) -> None:
        self.set_class(revealed, "-revealed")
        if self.is_mounted:
            self.query_one(CardView).revealed = revealed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"reveal", "suspend", "bury", "edit"}:
            return self.card_id is not None and (action != "reveal" or not self.revealed)
        if action == "rate":
            return self.card_id is not None and self.revealed
        if action == "undo":
            return self.session.can_undo
        if action == "cram":
            return self.card_id is None and self._can_cram()
        return True

    def watch_card_id(self) -> None:
        self.refresh_bindings()

    def action_reveal(self) -> None:
        if self.card_id is None or self.revealed:
            return
        self.revealed = True
        self.query_one(RatingBar).show_intervals(self.session.intervals(self.card_id))
        self.refresh_bindings()

    def on_rating_bar_rated(self, message: RatingBar.Rated) -> None:
        self.action_rate(message.rating)

    def action_rate(self, rating: int) -> None:
        if self.card_id is None or not self.revealed:
            return
        elapsed = int((time.monotonic() - self._shown_at) * 1000)
        try:
            self.session.answer(self.card_id, rating, duration_ms=elapsed, cram=self.CRAM)
        except DrillError as error:
            self.notify(str(error), title="Answer not saved", severity="error", timeout=10)
            return
        self.next_card()

    def action_suspended(self) -> None:
        self.app.open_screen("suspended")  # type: ignore[attr-defined]

    def action_cram(self) -> None:
        self.app.open_screen("cram")  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        what = self.session.undo_label
        try:
            card_id = self.session.undo()
        except DrillError as error:
            self.notify(str(error), title="Undo failed", severity="error")
            return
        if card_id is None:
            self.notify("Nothing to undo in this session.")
            return
        self.notify({"answer": "Last answer undone.", "suspend": f"Suspend undone: {card_id} is back.",
                     "bury": f"Bury undone: {card_id} is back.", "unsuspend": f"{card_id} is suspended again."}.get(what or "", "Undone."))
        self.next_card(card_id if card_id in self.session.cards else None)

    def _flag(self, what: str) -> None:
        assert self.card_id is not None
        try:
            getattr(self.session, what)(self.card_id)
        except DrillError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(("Buried until tomorrow: " if what == "bury" else "Suspended: ") + self.card_id)
        self.next_card()

    def action_suspend(self) -> None:
        self._flag("suspend")

    def action_bury(self) -> None:
        self._flag("bury")

    def action_edit(self) -> None:
        if self.card_id is None:
            return
        card = self.session.cards[self.card_id]
        path, line = card.path, card.line
        own_decks = self.session.store.home / "decks"
        if not card.path.resolve().is_relative_to(own_decks.resolve()):
            # a shipped card: edit a copy in your own deck (same id, progress kept); drill's files never change
            from drill.content.decks import override_card

            try:
                path, line = override_card(card, own_decks)
            except OSError as error:
                self.notify(f"Could not copy the card to your deck: {error}", severity="error")
                return
            self.notify(f"Editing your copy in {path}; it replaces the shipped card (same id, progress kept).", timeout=6)
        if not open_in_editor(self.app, path, line):
            return
        self.session.reload_content()
        if self.card_id in self.session.cards:
            self.next_card(self.card_id)
        else:
            self.notify("The card's id changed or it has a problem now; `drill lint` says why.", severity="warning")
            self.next_card()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Review", keys_of(self), "Rate how well you recalled: 1 forgot, 2 hard, 3 good, 4 easy."))

    def action_back(self) -> None:
        self.app.pop_screen()


class CramScreen(ReviewScreen):
    """Review ahead before the exam (``drill review --cram``, or c when nothing is due)."""

    CRAM = True
    ACTIVITY = "review"  # study time counts as review (drill.progress.activity)
