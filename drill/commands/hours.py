"""``drill hours [--week|--month] [--json] [--csv FILE]``: study hours by day, topic and resource."""

from __future__ import annotations

import argparse
import json
from drill.wording import count
from datetime import timedelta
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    span = parser.add_mutually_exclusive_group()
    span.add_argument("--week", action="store_true", help="the last 7 study days")
    span.add_argument("--month", action="store_true", help="the last 30 study days")
    parser.add_argument("--json", action="store_true", help="machine-readable output (hours)")
    parser.add_argument("--csv", metavar="FILE", help="write the entries of the period to FILE as CSV")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


BAR = 24  # the longest bar, in columns, where the terminal has room for it


def _bars(title: str, minutes: dict[str, float], width: int | None = None) -> list[str]:
    """One bar per key, the longest ``BAR`` columns, shorter when ``width`` leaves less room."""
    from drill.hours import format_minutes

    if not minutes:
        return []
    top = max(minutes.values()) or 1
    key_w = max(len(k) for k in minutes)
    bar = BAR if width is None else max(4, min(BAR, width - key_w - 13))
    lines = [title]
    for key, value in minutes.items():
        lines.append(f"  {key:<{key_w}}  {format_minutes(value):>7}  {'█' * max(1, round(bar * value / top))}")
    return lines


def run(args: argparse.Namespace) -> int:
    from drill.commands.log import open_book
    from drill.hours import format_minutes, hours_report

    store, book = open_book(args)
    try:
        today = book.today
        first = today - timedelta(days=6) if args.week else today - timedelta(days=29) if args.month else None
        entries = book.entries(first, today)
        report = hours_report(entries, today, first)
        if args.csv:
            written = book.write_csv(Path(args.csv), entries)
            if not args.json:
                print(f"wrote {count(written, 'entry')} to {args.csv}")
        from drill.progress.today import agenda_for
        from drill.session import StudySession

        agenda = agenda_for(StudySession(store))  # Today's "of … planned" (one agenda)
        if args.json:
            today_json = {"hours_done": round(agenda.minutes_done / 60, 2), "hours_planned": round(agenda.minutes_planned / 60, 2)}
            print(json.dumps({**report.as_json(), "today": today_json}, indent=2))
            return 0
        period = "last 7 days" if args.week else "last 30 days" if args.month else "all time"
        from drill.textout import output_width, wrap

        width = output_width(args.wide)
        print("\n".join(wrap(f"Study hours, {period}: {format_minutes(report.total)} in {count(len(report.by_day), 'day')}", width)))
        print("\n".join(wrap(f"{agenda.hours_line()} (of {book.settings.hours_per_day:g} h available a day)", width)))
        for title, data in (("By day", report.by_day), ("By topic", report.by_topic),
                            ("By resource", report.by_resource), ("By activity", report.by_activity)):
            lines = _bars(title, data, width)
            if lines:
                print()
                print("\n".join(lines))
        return 0
    finally:
        store.close()
