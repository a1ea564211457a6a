"""Editing a shipped card or note makes the learner's own copy with the same id; shipped files never change."""

from __future__ import annotations

import pytest

from drill.content.decks import OVERRIDES, load_decks, override_card
from drill.content.notes import load_all_notes
from drill.paths import content_root
from drill.session import StudySession, deck_folders
from drill.tui.app import DrillApp
from drill.tui.screens.notes import NotesScreen
from drill.tui.screens.review import ReviewScreen
from helpers import Clock, write_deck

TWO = """# Deck: two
## a-one
skills: nn.build
resource: course

Front one?

---

Back one.

## a-two
skills: nn.build
resource: course

Front two?

---

Back two.
"""


def test_an_override_replaces_the_card_in_place_and_keeps_its_id(tmp_path):
    shipped = write_deck(tmp_path / "shipped", TWO, "two.md")
    before = shipped.read_text()
    cards = load_decks(shipped.parent).cards
    path, line = override_card(cards["a-one"], tmp_path / "own")
    assert path.name == OVERRIDES and path.read_text().splitlines()[line - 1] == "## a-one"
    assert "a-two" not in path.read_text()  # only that card's block
    assert override_card(cards["a-one"], tmp_path / "own") == (path, line)  # a second edit reuses the copy
    path.write_text(path.read_text().replace("Back one.", "My own words."))
    merged = load_decks(shipped.parent, tmp_path / "own")
    assert merged.problems == []
    assert list(merged.cards) == ["a-one", "a-two"]  # same place on the path
    assert merged.cards["a-one"].back.strip() == "My own words." and merged.cards["a-one"].order == cards["a-one"].order
    assert shipped.read_text() == before


def test_a_duplicate_outside_overrides_is_still_an_error(tmp_path):
    write_deck(tmp_path / "shipped", TWO, "two.md")
    write_deck(tmp_path / "own", TWO, "mine.md")
    assert any("duplicate card id" in p.message for p in load_decks(tmp_path / "shipped", tmp_path / "own").problems)


def test_an_own_note_at_a_shipped_path_replaces_it(drill_home):
    shipped = load_all_notes(drill_home)
    note = next(n for n in shipped.notes if n.id == "troubleshooting/overfitting")
    copy = drill_home / "notes" / "troubleshooting" / "overfitting.md"
    copy.parent.mkdir(parents=True)
    copy.write_text(note.path.read_text().replace("# Overfitting", "# Overfitting (my version)", 1))
    notes = load_all_notes(drill_home)
    mine = [n for n in notes.notes if n.id == "troubleshooting/overfitting"]
    assert len(mine) == 1 and mine[0].own and "(my version)" in mine[0].body


@pytest.fixture
def real_app(store, now, monkeypatch):
    edits = []

    def fake_editor(app, path, line=None):  # as if the learner typed in $EDITOR at that line
        edits.append((path, line))
        path.write_text(path.read_text() + "\n")
        return True

    monkeypatch.setattr("drill.tui.screens.review.open_in_editor", fake_editor)
    monkeypatch.setattr("drill.tui.screens.notes.open_in_editor", fake_editor)
    session = StudySession(store, clock=Clock(now))
    session.save_settings(enable_fuzzing=False)
    return DrillApp(session), session, edits


async def test_e_on_a_shipped_card_opens_an_own_copy_at_its_line(real_app, drill_home):
    app, session, edits = real_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        card = session.cards[app.screen.card_id]
        shipped_text = card.path.read_text()
        await pilot.press("space", "3")  # progress on the card
        state = session.state(card.id)
        app.screen.card_id = card.id
        await pilot.press("e")
        await pilot.pause()
        path, line = edits[-1]
        assert path == drill_home / "decks" / OVERRIDES
        assert path.read_text().splitlines()[line - 1] == f"## {card.id}"
        assert card.path.read_text() == shipped_text  # the shipped deck never changes
        assert session.cards[card.id].path == path  # the app shows the copy now
        assert session.state(card.id) == state  # same id: progress kept


async def test_e_on_a_shipped_note_edits_an_own_copy(real_app, drill_home):
    app, _session, edits = real_app
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("notes")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        note = screen.current
        assert note is not None and not note.own
        shipped_text = note.path.read_text()
        await pilot.press("e")
        await pilot.pause()
        path, _line = edits[-1]
        assert path == drill_home / "notes" / f"{note.id}.md"
        assert note.path.read_text() == shipped_text
