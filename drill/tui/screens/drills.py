"""Drills: every coding drill (one row each, whatever its data instances), what is due, best scores; Enter opens an attempt."""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from drill.attempts import Attempts
from drill.content.exercises import DrillSpec, exercises_root, load_exercises
from drill.models import CATEGORIES, ItemState, Settings
from drill.schedule.studyday import due_on, is_due, study_day
from drill.tui.screens.help import HelpScreen, keys_of
from drill.wording import count


def drill_rows(specs: list[DrillSpec], states: dict[str, ItemState], attempts: Attempts, now,
               settings: Settings | None = None, planned: Collection[str] = ()) -> list[tuple]:
    """(spec, status, best, last) rows: in progress, due, planned today (``planned``: the agenda's
    drills for today), never tried, then the rest, by category.

    "due" and "in N d" follow the study-day rule (``drill.schedule.studyday``).
    """
    settings = settings or Settings()
    today = study_day(now, settings)
    rows = []
    every = attempts.all()  # one read of the store, not one per drill
    for spec in specs:
        state = states.get(spec.drill_id)
        tried = [a for a in every if a.drill_id == spec.drill_id]
        best = max((a.best_score for a in tried), default=None)
        open_attempt = any(a.is_open for a in tried)
        if open_attempt:
            status, rank = "in progress", 0
        elif state is not None and is_due(state, now, settings):
            status, rank = "due", 1
        elif not tried and spec.drill_id in planned:
            status, rank = "planned", 2
        elif not tried:
            status, rank = "new", 3
        else:
            day = due_on(state, settings) if state else None
            days = max((day - today).days, 0) if day else 0
            status, rank = f"in {days} d" if state else "done", 4
        rows.append((rank, CATEGORIES.index(spec.category), spec, status, best, tried[-1].started_at if tried else None))
    rows.sort(key=lambda r: (r[0], r[1], r[2].id))
    return [(spec, status, best, last) for _, _, spec, status, best, last in rows]


WIDE = 100  # from this width on the table has a category column; below it the rows' order and the detail line say it


def _columns(width: int) -> tuple[str, ...]:
    return ("drill", "category", "status", "best", "title") if width >= WIDE else ("drill", "status", "best", "title")


def _short_title(title: str, width: int) -> str:
    """The title cut at a word boundary with an ellipsis to fit what is left of ``width`` after
    the other columns (57 with their padding and the margin, 45 without the category column, 2 more
    for a scrollbar), never mid-word; the detail line under the table shows it whole."""
    from drill.wording import shorten

    return shorten(title, max(12, width - (57 if width >= WIDE else 45)))


def detail_line(spec: DrillSpec, exercise) -> Text:
    """The highlighted drill in full: its whole title, category, data sets, time budget and skills."""
    sets = len(exercise.all_instances)
    return Text.assemble((spec.title, "bold"), f"\n{spec.category} · {count(sets, 'data set')} · about "
                         f"{spec.time_budget_min} min · skills {', '.join(exercise.skills)}")


class DrillsScreen(Screen[None]):
    """The list of coding drills."""

    BINDINGS = [
        Binding("enter", "open_attempt", "Open"),
        Binding("n", "new_attempt", "Fresh attempt"),
        Binding("s", "solution", "Your code vs reference"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q,escape", "back", "Back"),
    ]

    DEFAULT_CSS = """
    DrillsScreen DataTable { height: 1fr; }
    DrillsScreen #drills-note { color: $text-muted; margin: 0 1; height: auto; }
    DrillsScreen #drill-detail { margin: 0 1; height: auto; max-height: 3; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="drills-note")  # wraps at 80 columns (a Label would cut it)
        yield DataTable(cursor_type="row", zebra_stripes=True, id="drills")
        yield Static("", id="drill-detail")  # the highlighted drill's whole title: the table cuts it
        yield Footer()

    @property
    def attempts(self) -> Attempts:
        session = self.app.session  # type: ignore[attr-defined]
        return Attempts(session.store, session.store.home, session.clock)

    def on_mount(self) -> None:
        self.title = "Coding drills"
        getattr(self.app, "warm_checks", lambda: None)()  # checks fork from a warm TensorFlow
        loaded = load_exercises(exercises_root())
        self.exercises = loaded.exercises
        self.specs = {ex.id: ex.spec() for ex in loaded.exercises.values()}  # one row per drill, whatever its instances
        if loaded.problems:
            self.notify(f"{count(len(loaded.problems), 'drill problem')}; `drill lint` lists them.", severity="warning")
        self.refresh_rows()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def refresh_rows(self) -> None:
        session = self.app.session  # type: ignore[attr-defined]
        now = session.clock()
        from drill.progress.today import agenda_for

        agenda = agenda_for(session, now)  # the same due / planned drills as Today and `drill today`
        rows = drill_rows(list(self.specs.values()), session.states(), self.attempts, now, session.settings,
                          agenda.drills_planned)
        table = self.query_one(DataTable)
        width = self.app.size.width
        columns = _columns(width)
        kept = self._selected()  # a refresh (back from an attempt) keeps the same drill highlighted
        table.clear(columns=True)
        table.add_columns(*columns)
        scrollbar = 2 if len(rows) + 9 > self.app.size.height else 0  # the rows overflow: a scrollbar takes 2
        for spec, status, best, _last in rows:
            cells = {"drill": spec.id, "category": spec.category, "status": status,
                     "best": "–" if best is None else f"{best}/5", "title": _short_title(spec.title, width - scrollbar)}
            table.add_row(*(cells[c] for c in columns), key=spec.id)
        if kept is not None:
            table.move_cursor(row=table.get_row_index(kept.drill_id))
        elif agenda.next.drill in self.specs:  # first shown: Today's "Next: … (press d, then Enter)" opens the drill it names
            table.move_cursor(row=table.get_row_index(agenda.next.drill))
        parts = [count(len(rows), "drill"), f"{len(agenda.drills_due)} due"]
        if agenda.drills_in_progress:
            parts.append(f"{len(agenda.drills_in_progress)} in progress")
        planned = [d + (" ✓" if d in agenda.drills_done else "") for d in agenda.drills_planned]  # ✓ as on Today
        parts.append("planned today: " + (", ".join(planned) or "none"))
        self.query_one("#drills-note", Static).update(
            " · ".join(parts) + " · Enter opens (resumes one in progress), n starts fresh"
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        spec = self.specs.get(str(event.row_key.value)) if event.row_key is not None else None
        if spec is not None:
            self.query_one("#drill-detail", Static).update(detail_line(spec, self.exercises[spec.drill_id]))

    def _selected(self) -> DrillSpec | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.specs.get(str(key))

    def _open(self, fresh: bool) -> None:
        spec = self._selected()
        if spec is None:
            return
        from drill.tui.screens.attempt import AttemptScreen

        attempts = self.attempts
        current = None if fresh else next((a for a in reversed(attempts.all(spec.id)) if a.is_open), None)
        if current is not None:  # resume on the instance the attempt was started on
            exercise = self.exercises[spec.drill_id]
            spec = exercise.spec(attempts.instance_of(current, exercise))
        else:
            spec = attempts.fresh_spec(self.exercises[spec.drill_id])
        attempt = current or attempts.start(spec)
        self.app.push_screen(AttemptScreen(spec, attempt.id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(fresh=False)

    def action_open_attempt(self) -> None:
        self._open(fresh=False)

    def action_new_attempt(self) -> None:
        self._open(fresh=True)

    def action_solution(self) -> None:
        """Reopen the last closed attempt on its Reference tab (the diff); closed ones only."""
        spec = self._selected()
        if spec is None:
            return
        from drill.tui.screens.attempt import AttemptScreen

        closed = [a for a in self.attempts.all(spec.id) if not a.is_open]
        if not closed:
            self.notify("The reference opens once an attempt at this drill is closed (ctrl+x in the attempt).")
            return
        last = closed[-1]
        exercise = self.exercises[spec.drill_id]
        self.app.push_screen(AttemptScreen(exercise.spec(self.attempts.instance_of(last, exercise)), last.id))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Drills", keys_of(self)))

    def action_back(self) -> None:
        self.app.pop_screen()
