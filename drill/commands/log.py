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


def _line(e) -> str:
    from drill.hours import entry_resource, format_minutes

    what = e.activity or entry_resource(e)
    return f"{e.id:<12}  {e.day}  {format_minutes(e.minutes):>6}  {e.topic or '-':<4}  {what:<9}  {e.note}".rstrip()


def run(args: argparse.Namespace) -> int:
    from drill.errors import UsageError

    store, book = open_book(args)
    try:
        if args.list:
            entries = book.entries()
            if args.json:
                print(json.dumps([e.model_dump(mode="json") for e in entries], indent=2))
            else:
                print(f"{'id':<12}  {'day':<10}  {'time':>6}  {'topic':<4}  {'resource':<9}  note")
                for e in entries:
                    print(_line(e))
                print(f"{len(entries)} entries")
            return 0
        if args.delete:
            entry = book.delete(args.delete)
            print(f"deleted {_line(entry)}")
            return 0
        if args.edit:
            entry = book.edit(args.edit, duration=args.duration, topic=args.topic, resource=args.resource,
                              note=args.note, day=args.date)
            print(json.dumps(entry.model_dump(mode="json")) if args.json else f"changed {_line(entry)}")
            return 0
        if not args.duration:
            raise UsageError("give the time you studied, e.g. `drill log 1h30m --topic nlp --resource book`")
        entry = book.log(args.duration, topic=args.topic, resource=args.resource, note=args.note or "", day=args.date)
        print(json.dumps(entry.model_dump(mode="json")) if args.json else f"logged {_line(entry)}")
        return 0
    finally:
        store.close()
