"""Notes shelf: shipped snippets and checklists beside your own notes; search as you type."""

from __future__ import annotations

from datetime import datetime

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Markdown, OptionList
from textual.widgets.option_list import Option

from drill.content.notes import Note, load_all_notes, search
from drill.content.skills import section_titles
from drill.tui.editor import open_in_editor
from drill.textout import wrap
from drill.tui.screens.help import HelpScreen, keys_of
from drill.wording import count as counted, shorten


TITLE_WIDTH = 27  # the shelf is 34 wide: less its border, padding and scrollbar, 27 (longer lines are cropped)


class NotesScreen(Screen[None]):
    """List by topic on the left, the note rendered on the right."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
        Binding("c", "copy", "Copy code"),
        Binding("e", "edit", "Edit"),
        Binding("n", "new_note", "New note"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    NotesScreen #shelf { width: 34; border-right: vkey $primary-muted; }
    NotesScreen #search { margin: 0 0 1 0; }
    NotesScreen OptionList { height: 1fr; border: none; }
    NotesScreen #reader { padding: 0 1; }
    NotesScreen #reader-meta { color: $text-muted; height: auto; width: 1fr; }
    NotesScreen #count { color: $text-muted; height: 1; }
    """

    note_id: reactive[str | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="shelf"):
                yield Input(placeholder="search notes…", id="search")
                yield Label("", id="count")
                yield OptionList(id="list")
            with VerticalScroll(id="reader"):
                yield Label("", id="reader-meta")
                yield Markdown(id="note")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Notes"
        self.reload()
        self.query_one("#list", OptionList).focus()

    def reload(self) -> None:
        self.shelf = load_all_notes(self.app.session.store.home)  # type: ignore[attr-defined]
        if self.shelf.problems:
            self.notify(f"{counted(len(self.shelf.problems), 'note problem')}; `drill lint` lists them.", severity="warning")
        self.show_list(self.query_one("#search", Input).value)

    def show_list(self, query: str) -> None:
        options: list[Option | None] = []
        if query.strip():
            hits = search(self.shelf.notes, query)
            for hit in hits:
                # lines broken here: an option crops a line wider than the shelf instead of wrapping it
                title = "\n".join(escape(line) for line in wrap(hit.note.title, TITLE_WIDTH))
                snippet = "\n".join(escape(line) for line in wrap(shorten(hit.snippet, 60), TITLE_WIDTH, hanging=""))
                options.append(Option(f"{title}\n[dim]{snippet}[/]", id=hit.note.id))
            count = f"{len(hits)} of {len(self.shelf.notes)} notes match"
        else:
            titles = {**section_titles(), None: "General"}
            for topic, title in titles.items():
                group = [n for n in self.shelf.notes if n.topic == topic]
                if not group:
                    continue
                options.append(Option(f"[b]{title}[/b]", disabled=True))
                for note in group:
                    mark = " [dim](yours)[/]" if note.own else ""
                    # indented under its topic, wrapped lines too (a hanging indent, not a ragged edge)
                    lines = wrap(note.title, TITLE_WIDTH, indent="  ", hanging="  ")
                    options.append(Option("\n".join(escape(line) for line in lines) + mark, id=note.id))
            count = f"{len(self.shelf.notes)} notes"
        self.query_one("#count", Label).update(count)
        option_list = self.query_one("#list", OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
        if first is not None:
            option_list.highlighted = first

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_list(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#list", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.note_id = event.option.id

    def watch_note_id(self, note_id: str | None) -> None:
        note = self.current
        if note is None:
            return
        meta = " · ".join(filter(None, [note.kind, note.topic or "", ", ".join(note.skills), "yours" if note.own else ""]))
        self.query_one("#reader-meta", Label).update(meta)
        self.query_one("#note", Markdown).update(note.body)
        self.query_one("#reader", VerticalScroll).scroll_home(animate=False)

    @property
    def current(self) -> Note | None:
        return self.shelf.get(self.note_id) if self.note_id else None

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_copy(self) -> None:
        note = self.current
        code = note.python_code() if note else ""
        if not code:
            self.notify("This note has no Python code to copy.")
            return
        self.app.copy_to_clipboard(code)
        self.notify(f"Copied {counted(len(code.splitlines()), 'line')} (terminals without OSC 52 clipboard support ignore this).")

    def action_edit(self) -> None:
        note = self.current
        if note is None:
            return
        path = note.path
        if not note.own:
            # a shipped note: edit your copy at the same path in your notes (same id, it replaces
            # the shipped one); drill's own files never change
            path = self.app.session.store.home / "notes" / f"{note.id}.md"  # type: ignore[attr-defined]
            try:
                if not path.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(note.path.read_text(encoding="utf-8"), encoding="utf-8")
            except OSError as error:
                self.notify(f"Could not copy the note to your notes: {error}", severity="error")
                return
            self.notify(f"Editing your copy {path}; it replaces the shipped note.", timeout=6)
        if open_in_editor(self.app, path, note.body_line):
            self.reload()

    def action_new_note(self) -> None:
        from drill.commands.note import new_note

        folder = self.app.session.store.home / "notes"  # type: ignore[attr-defined]
        path = new_note(folder, f"My note {datetime.now():%Y-%m-%d %H%M}")
        self.notify(f"New note: {path}")
        open_in_editor(self.app, path, 9)
        self.reload()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Notes", keys_of(self), "Type to search; ↑/↓ pick a note; c copies its Python code."))

    def action_back(self) -> None:
        if self.focused is self.query_one("#search", Input) and self.query_one("#search", Input).value:
            self.query_one("#search", Input).value = ""
            return
        self.app.pop_screen()
