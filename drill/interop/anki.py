"""Export concept cards to an Anki ``.apkg`` deck (genanki), code highlighted, for phone review.

Each note's guid comes from the card id, so exporting again updates the notes in Anki rather
than duplicating them.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

import genanki
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer, TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from drill.content.cards import Card
from drill.errors import UsageError

# Fixed ids: Anki matches decks and note types by id across imports.
MODEL_ID = 1_724_500_101
DECK_ID = 1_724_500_202

CSS = """
.card { font-family: -apple-system, 'Segoe UI', sans-serif; font-size: 18px; text-align: left; color: #222; background: #fff; }
.meta { color: #888; font-size: 13px; margin-bottom: 8px; }
pre { background: #f6f8fa; padding: 8px; border-radius: 6px; overflow-x: auto; font-size: 14px; }
code { font-family: Menlo, Consolas, monospace; }
.nightMode .card { color: #eee; background: #1e1e1e; }
.nightMode pre { background: #2d2d2d; }
"""

MODEL = genanki.Model(
    MODEL_ID,
    "drill concept card",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Meta"}, {"name": "DrillId"}],
    templates=[{
        "name": "Card 1",
        "qfmt": '<div class="meta">{{Meta}}</div>{{Front}}',
        "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
    }],
    css=CSS,
    sort_field_index=3,
)


def _highlight(code: str, lang: str, _attrs: str) -> str:
    try:
        lexer = get_lexer_by_name(lang) if lang else TextLexer()
    except ClassNotFound:
        lexer = PythonLexer() if lang in ("py", "python3") else TextLexer()
    # Inline styles: Anki on a phone has no stylesheet for Pygments classes.
    return highlight(code, lexer, HtmlFormatter(noclasses=True, nowrap=True, style="friendly"))


_MARKDOWN = MarkdownIt("commonmark", {"highlight": _highlight, "html": False})


def to_html(markdown: str) -> str:
    """Markdown with highlighted code blocks, as HTML for an Anki field."""
    return _MARKDOWN.render(markdown).strip()


def select(cards: Iterable[Card], *, topics: set[str] | None = None, skills: set[str] | None = None) -> list[Card]:
    """The cards to export: all, or those of the given topics and/or skills."""
    chosen = []
    for card in cards:
        if topics and card.topic not in topics:
            continue
        if skills and not skills.intersection(card.skills):
            continue
        chosen.append(card)
    return chosen


def note_for(card: Card) -> genanki.Note:
    tags = [re.sub(r"[^A-Za-z0-9_.:-]", "_", t) for t in (*card.skills, card.resource, f"topic:{card.topic}")]
    return genanki.Note(
        model=MODEL,
        fields=[to_html(card.question()), to_html(card.answer()), f"{card.topic} · {card.resource} · {', '.join(card.skills)}", card.id],
        tags=tags,
        guid=genanki.guid_for("drill", card.id),
    )


def export_apkg(cards: list[Card], path: Path, deck_name: str = "drill — TensorFlow certificate") -> int:
    """Write ``cards`` to ``path`` as an .apkg; returns the number of notes written.

    Raises:
        UsageError: nothing to export, or the path cannot be written (nothing is left behind).
    """
    if not cards:
        raise UsageError("no cards match that selection", hint="check the --topic / --skill values (`drill lint --coverage` lists them)")
    if path.suffix != ".apkg":
        raise UsageError(f"{path} should end in .apkg", hint="Anki imports .apkg files")
    if not path.parent.is_dir():
        raise UsageError(f"folder {path.parent} does not exist", hint="create it first or pick another path")
    deck = genanki.Deck(DECK_ID, deck_name)
    for card in cards:
        deck.add_note(note_for(card))
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # unique: runs in parallel never share it
        os.close(fd)
        tmp = Path(name)
        genanki.Package(deck).write_to_file(str(tmp))
        os.replace(tmp, path)
    except OSError as error:
        if "tmp" in locals():
            tmp.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {error.strerror or error}", hint="check the folder is writable") from error
    return len(cards)
