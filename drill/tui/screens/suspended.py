"""Suspended: every suspended card and drill; u (or Enter) brings one back, z undoes that."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label

from drill.errors import DrillError
from drill.schedule.studyday import due_on
from drill.tui.screens.help import HelpScreen, keys_of


class SuspendedScreen(Screen[None]):
    """The suspended list (Review's S, Stats' u, the command palette, `drill suspended`)."""

    BINDINGS = [
        Binding("u", "unsuspend", "Unsuspend"),  # Enter: the table's row-selected, same action
        Binding("z", "undo", "Undo"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q,escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    SuspendedScreen DataTable { height: 1fr; }
    SuspendedScreen #suspended-note { color: $text-muted; margin: 0 1; height: auto; width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="suspended-note")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="suspended")
        yield Footer()

    @property
    def session(self):
        return self.app.session  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.title = "Suspended"
        self.query_one(DataTable).add_columns("id", "kind", "due", "what")
        self.refresh_rows()
        self.query_one(DataTable).focus()

    def refresh_rows(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        table.clear()
        items = self.session.suspended()
        # "what" gets the width the id, kind and due columns leave (each padded by 2, a margin and
        # a scrollbar's 2 on top), cut between words: whole questions on a wide terminal
        id_w = max((len(s.id) for s in items), default=2)
        room = max(16, self.app.size.width - (id_w + 2) - 6 - 8 - 2 - 3)
        for s in items:
            day = due_on(s, self.session.settings)
            table.add_row(s.id, s.kind, f"{day:%d %b}" if day else "new", self.session.label(s.id, room), key=s.id)
        if select is not None and select in {s.id for s in items}:
            table.move_cursor(row=table.get_row_index(select))
        self.query_one("#suspended-note", Label).update(
            f"{len(items)} suspended. u or Enter brings one back with its schedule as it was; z undoes."
            if items else "Nothing is suspended. In Review, s suspends a card; z here undoes an unsuspend."
        )
        self.refresh_bindings()

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unsuspend":
            return self.is_mounted and self._selected() is not None
        if action == "undo":
            return self.session.undo_label == "unsuspend"
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_unsuspend()

    def action_unsuspend(self) -> None:
        item_id = self._selected()
        if item_id is None:
            return
        try:
            self.session.unsuspend(item_id)
        except DrillError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(f"Back in the queues: {item_id}", timeout=3)
        self.refresh_rows()

    def action_undo(self) -> None:
        if self.session.undo_label != "unsuspend":
            return
        item_id = self.session.undo()
        self.notify(f"Suspended again: {item_id}", timeout=3)
        self.refresh_rows(select=item_id)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Suspended", keys_of(self), "Suspended items stay out of every queue and count."))

    def action_back(self) -> None:
        self.app.pop_screen()
