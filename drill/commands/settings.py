"""``drill settings``: show the study settings, or change them (validated; nothing written on error)."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--exam-date", metavar="D", help="exam day YYYY-MM-DD ('none' clears it)")
    parser.add_argument("--hours-per-day", metavar="H", help="study hours a day (0–16)")
    parser.add_argument("--path", metavar="P", help="learning path: repetition (one resource across topics) or depth")
    parser.add_argument("--new-per-day", metavar="N", help="new cards a day without an exam date")
    parser.add_argument("--reviews-per-day", metavar="N", help="review limit a day")
    parser.add_argument("--retention", metavar="R", help="desired retention 0.7–0.99")
    parser.add_argument("--exam-weight", metavar="CATEGORY=W", action="append",
                        help="weight of a mock-exam task, e.g. series=2 (repeatable; categories weigh 1 unless set)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _changes(args: argparse.Namespace, today) -> dict:
    from datetime import date

    from drill.errors import UsageError

    changes: dict = {}
    if args.exam_date is not None:
        if args.exam_date.strip().lower() in ("none", ""):
            changes["exam_date"] = None
        else:
            try:
                day = date.fromisoformat(args.exam_date.strip())
            except ValueError:
                raise UsageError(f"cannot read the exam date {args.exam_date!r}", hint="write it as YYYY-MM-DD") from None
            if day < today:
                raise UsageError(f"the exam date {day} is in the past (today is {today})")
            changes["exam_date"] = day.isoformat()
    for name, field, kind in (("hours_per_day", "hours_per_day", float), ("new_per_day", "new_per_day", int),
                              ("reviews_per_day", "reviews_per_day", int), ("retention", "desired_retention", float)):
        value = getattr(args, name)
        if value is not None:
            try:
                changes[field] = kind(value)
            except ValueError:
                raise UsageError(f"--{name.replace('_', '-')} {value!r} is not a number") from None
    for item in args.exam_weight or []:
        from drill.models import CATEGORIES

        category, _, weight = item.partition("=")
        if category not in CATEGORIES:
            raise UsageError(f"unknown exam category {category!r}", hint=f"use one of {', '.join(CATEGORIES)}")
        try:
            value = float(weight)
        except ValueError:
            raise UsageError(f"--exam-weight {item!r}: the weight is not a number", hint="write it like series=2") from None
        if value <= 0:
            raise UsageError(f"--exam-weight {item!r}: a weight must be above 0")
        changes.setdefault("exam_weights", {})[category] = value
    if args.path is not None:
        if args.path not in ("repetition", "depth"):
            raise UsageError(f"unknown path {args.path!r}", hint="use repetition or depth")
        changes["path"] = args.path
    return changes


def _apply(args: argparse.Namespace, store):
    """Read the settings, apply the command line's changes, save; return (settings, changed)."""
    from drill.schedule.days import study_day
    from drill.session import SETTINGS, load_settings, utc_now

    settings = load_settings(store)
    changes = _changes(args, study_day(utc_now(), settings))
    if "exam_weights" in changes:
        changes["exam_weights"] = {**settings.exam_weights, **changes["exam_weights"]}
    if changes:
        from pydantic import ValidationError

        from drill.errors import UsageError
        from drill.models import Settings

        try:
            settings = Settings.model_validate({**settings.model_dump(), **changes})
        except ValidationError as error:
            first = error.errors()[0]
            raise UsageError(f"setting {'.'.join(map(str, first['loc']))}: {first['msg']}") from error
        store.put(SETTINGS, SETTINGS, settings.model_dump(mode="json"))
    return settings, bool(changes)


def run(args: argparse.Namespace) -> int:
    from drill.store import Store

    store = Store.open(args.home)
    try:
        with store.batch():  # read-modify-write under the writer lock
            settings, changed = _apply(args, store)
        data = settings.model_dump(mode="json")
        if args.json:
            print(json.dumps(data, indent=2))
        else:
            if changed:
                print("saved")
            width = max(map(len, data))
            for key, value in data.items():
                print(f"{key:<{width}}  {value if value is not None else '-'}")
        return 0
    finally:
        store.close()
