"""``drill anki FILE.apkg`` and ``drill import-cards FILE.csv``: cards in and out of drill."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    if parser.prog.endswith("anki"):
        parser.add_argument("--topic", action="append", choices=["dev", "nn", "img", "nlp", "ts"], help="only this topic (repeatable)")
        parser.add_argument("--skill", action="append", metavar="ID", help="only cards training this skill id (repeatable)")
        parser.add_argument("--name", default="drill — TensorFlow certificate", help="the deck's name in Anki")
    else:
        parser.add_argument("--deck", metavar="NAME", help="deck file name in your data folder's decks/ (default: imported-<file>)")


def cards(n: int) -> str:
    from drill.wording import count

    return count(n, "card")


def run(args: argparse.Namespace) -> int:
    from drill.content.decks import load_decks
    from drill.session import deck_folders

    if args.command == "anki":
        decks = load_decks(*deck_folders(args.home))
        from drill.interop.anki import export_apkg, select

        chosen = select(decks.cards.values(), topics=set(args.topic or []), skills=set(args.skill or []))
        count = export_apkg(chosen, args.file, args.name)
        print(f"Wrote {cards(count)} to {args.file}: import it in Anki (File → Import); exporting again updates the same notes.")
        return 0
    from drill.interop.csv_cards import deck_name_for, import_cards
    from drill.store import Store

    deck = deck_name_for(args.file, args.deck)  # refuse a bad name before touching anything
    store = Store.open(args.home)
    try:
        with store.batch():  # the writer lock: imports into one deck append one after another
            known = set(load_decks(*deck_folders(args.home)).cards)
            target, count = import_cards(args.file, args.home, known, deck)
    finally:
        store.close()
    print(f"Imported {cards(count)} into {target}; they join your queue as new cards.")
    return 0
