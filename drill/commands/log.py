"""``drill log DURATION [--topic T] [--resource R] [--note TEXT] [--date D]``: log study time by hand.

``--list`` lists entries, ``--delete ID`` removes one, ``--edit ID [DURATION] [--topic …]`` changes one.
"""

from __future__ import annotations

import argparse
import json

from drill.vocab import RESOURCES, TOPICS  # not drill.models: the parser stays free of pydantic


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("duration", nargs="?", metavar="DURATION", help="time studied: 1h30m, 90m, 1.5h, 45, 1:30")
    parser.add_argument("--topic", metavar="T", help=f"checklist section: {', '.join(TOPICS)}")
    parser.add_argument("--resource", metavar="R", help=f"what you studied with: {', '.join(RESOURCES)}")
    parser.add_argument("--note", metavar="TEXT", help="what you did (e.g. 'ch. 16')")
    parser.add_argument("--date", metavar="D", help="study day it counts for: YYYY-MM-DD, today, yesterday (default today)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="list the entries (newest last)")
    group.add_argument("--delete", metavar="ID", help="delete an entry")
    group.add_argument("--edit", metavar="ID", help="change an entry (give the new DURATION and/or options)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def open_book(args):
    from drill.progress.timebook import TimeBook
    from drill.session import load_settings
    from drill.store import Store

    store = Store.open(args.home)
    try:
        return store, TimeBook(store, load_settings(store))
    except BaseException:
        store.close()
        raise


HEADER = ("id", "day", "time", "topic", "resource", "note")
ALIGN = "<<><<<"


def _cells(e, wide: bool = False) -> tuple[str, ...]:
    """An entry's columns; the id's first 12 characters (enough for --edit and --delete) unless ``wide``."""
    from drill.hours import entry_resource, format_minutes

    return (e.id if wide else e.id[:12], str(e.day), format_minutes(e.minutes), e.topic or "-",
            e.activity or entry_resource(e), e.note)


def _line(e, verb: str, width: int | None) -> str:
    """``logged <the entry>``: the note wraps under itself to fit ``width`` (None: one line)."""
    from drill.textout import table

    lines = table([_cells(e, width is None)], width=None if width is None else width - len(verb) - 1, align=ALIGN,
                  wrap_flex=True)
    return "\n".join([f"{verb} {lines[0]}", *(" " * (len(verb) + 1) + rest for rest in lines[1:])])


def run(args: argparse.Namespace) -> int:
    from drill.errors import UsageError

    from drill.textout import output_width

    width = output_width(args.wide)
    store, book = open_book(args)
    try:
        if args.list:
            entries = book.entries()
            if args.json:
                print(json.dumps([e.model_dump(mode="json") for e in entries], indent=2))
            else:
                from drill.textout import table
                from drill.wording import count

                # notes are the learner's own words: wrapped under themselves, never shortened
                print("\n".join(table([_cells(e, width is None) for e in entries], HEADER, width=width, align=ALIGN,
                                       wrap_flex=True)))
                print(count(len(entries), "entry"))
            return 0
        if args.delete:
            entry = book.delete(args.delete)
            print(_line(entry, "deleted", width))
            return 0
        if args.edit:
            entry = book.edit(args.edit, duration=args.duration, topic=args.topic, resource=args.resource,
                              note=args.note, day=args.date)
            print(json.dumps(entry.model_dump(mode="json")) if args.json else _line(entry, "changed", width))
            return 0
        if not args.duration:
            raise UsageError("give the time you studied, e.g. `drill log 1h30m --topic nlp --resource book`")
        entry = book.log(args.duration, topic=args.topic, resource=args.resource, note=args.note or "", day=args.date)
        print(json.dumps(entry.model_dump(mode="json")) if args.json else _line(entry, "logged", width))
        return 0
    finally:
        store.close()
