"""``drill settings``: show the study settings by their human names, or change them.

Every setting has an option (the table is ``drill.settings_spec.FIELDS``); a refused value gets a
plain-language message naming the allowed range, and nothing is written.
"""

from __future__ import annotations

import argparse
import json

from drill.settings_spec import FIELDS


def configure(parser: argparse.ArgumentParser) -> None:
    for spec in FIELDS:
        parser.add_argument(f"--{spec.flag}", dest=spec.key, metavar="VALUE", help=f"{spec.name}: {spec.rule}")
    parser.add_argument("--exam-weight", metavar="CATEGORY=W", action="append",
                        help="weight of a mock-exam task, e.g. series=2 (repeatable; categories weigh 1 unless set)")
    parser.add_argument("--default-fsrs-parameters", action="store_true",
                        help="forget the personal FSRS parameters from `drill optimize`")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def _changes(args: argparse.Namespace, today) -> dict:
    from drill.errors import UsageError

    changes: dict = {}
    for spec in FIELDS:
        value = getattr(args, spec.key, None)
        if value is not None:
            try:
                changes[spec.key] = spec.parse(value, today)
            except UsageError as error:
                raise UsageError(f"--{spec.flag}: {error.message}", hint=error.hint or f"{spec.name}: {spec.rule}") from None
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
    if args.default_fsrs_parameters:
        changes["fsrs_parameters"] = None
    return changes


def _apply(args: argparse.Namespace, store):
    """Read the settings, apply the command line's changes, save; return (settings, changed, today)."""
    from drill.schedule.days import study_day
    from drill.session import SETTINGS, load_settings, utc_now
    from drill.settings_spec import validate

    settings = load_settings(store)
    today = study_day(utc_now(), settings)
    changes = _changes(args, today)
    if "exam_weights" in changes:
        changes["exam_weights"] = {**settings.exam_weights, **changes["exam_weights"]}
    if changes:
        settings = validate(settings, changes)
        store.put(SETTINGS, SETTINGS, settings.model_dump(mode="json"))
    return settings, bool(changes), today


def render(settings, today, width: int | None = None) -> str:
    """Every setting by its human name, with the option that changes it; a value too long for
    ``width`` columns wraps under itself between words (None: one line each)."""
    from drill.settings_spec import BY_KEY, NAMES, show
    from drill.textout import table

    rows = []
    for key, value in settings.model_dump(mode="json").items():
        spec = BY_KEY.get(key)
        flag = f"--{spec.flag}" if spec else "--exam-weight" if key == "exam_weights" else "drill optimize" if key == "fsrs_parameters" else ""
        rows.append((NAMES.get(key, key), flag, show(key, value, today)))
    return "\n".join(table(rows, width=width, wrap_flex=True, min_flex=20))


def run(args: argparse.Namespace) -> int:
    from drill.store import Store

    store = Store.open(args.home)
    try:
        with store.batch():  # read-modify-write under the writer lock
            settings, changed, today = _apply(args, store)
        if args.json:
            print(json.dumps(settings.model_dump(mode="json"), indent=2))
        else:
            if changed:
                print("saved")
            from drill.textout import output_width

            print(render(settings, today, output_width(args.wide)))
        return 0
    finally:
        store.close()
