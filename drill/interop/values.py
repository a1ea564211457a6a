"""Value rules for ``drill import``: every document and record checked with the live models.

The store checks an export's structure (``drill.store.export_format``); this checks its values
with the same pydantic models the app reads them with (``ItemState``, ``Review``, ``Settings``,
``Attempt``, ``Submission``, ``Exam``, ``TimeEntry``), plus the keys: a document's key is its
``id``, a day entry's key a date. It runs on the staged, migrated folder, before the swap, so a
refused import changes nothing. Tables and logs drill does not know are left as they are
(another drill version's data passes through).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from drill.errors import DataError
from drill.store.layout import MAIN_FILE, RECORDS_TABLE, log_names, partitions
from drill.store.parsing import PARSE_ERRORS, describe


def _refuse(where: str, reason: str) -> DataError:
    return DataError(f"cannot import: {where}: {reason}; nothing was changed",
                     hint="fix that value in the file (or export again from a working drill) and import again")


def _keyed(parse: Callable[[Any], Any], fixed_key: str | None = None) -> Callable[[str, Any], None]:
    def check(key: str, doc: Any) -> None:
        value = parse(doc)
        expected = fixed_key if fixed_key is not None else getattr(value, "id", key)
        if key != expected:
            raise ValueError(f"the key {key!r} does not match the document's id {expected!r}")

    return check


def _day_record(rec: Any) -> None:
    from drill.store.layout import parse_at

    if not isinstance(rec, dict) or set(rec) != {"id", "at"}:
        raise ValueError("a study-day record is {'id': <YYYY-MM-DD>, 'at': <first answer>}")
    date.fromisoformat(rec["id"])
    parse_at(rec["at"])


def _snapshot(rec: Any) -> None:
    if not isinstance(rec, dict):
        raise TypeError("a readiness snapshot is an object")
    date.fromisoformat(rec["day"])
    for name in ("expected", "low", "high"):
        value = rec[name]
        if type(value) not in (int, float) or not 0 <= value <= 100:
            raise ValueError(f"{name} must be a percentage 0–100, got {value!r}")
    if type(rec["pass"]) not in (int, float) or not 0 <= rec["pass"] <= 1:
        raise ValueError(f"pass must be a probability 0–1, got {rec['pass']!r}")
    if not isinstance(rec["categories"], dict):
        raise ValueError("categories must map a category to its expected score")


def table_rules() -> dict[str, Callable[[str, Any], None]]:
    from drill.attempts import Attempt
    from drill.exam import Exam
    from drill.models import ItemState, Settings
    from drill.progress.planning import parse_baseline

    return {
        "items": _keyed(ItemState.model_validate),
        "settings": _keyed(Settings.model_validate, "settings"),
        "attempts": _keyed(Attempt.model_validate),
        "exams": _keyed(Exam.model_validate),
        "plan": _keyed(parse_baseline, "baseline"),
    }


def log_rules() -> dict[str, Callable[[Any], Any]]:
    from drill.attempts import Submission
    from drill.hours import TimeEntry
    from drill.models import Review

    return {"reviews": Review.model_validate, "time": TimeEntry.model_validate,
            "submissions": Submission.model_validate, "readiness": _snapshot, "days": _day_record}


def check_folder(folder: Path) -> None:
    """Validate every known document and record of a staged data folder; DataError on the first bad one."""
    main = json.loads((folder / MAIN_FILE).read_bytes())
    for table, check in table_rules().items():
        for key, doc in (main.get(table) or {}).items():
            try:
                check(key, doc)
            except PARSE_ERRORS as exc:
                raise _refuse(f"{table} {key!r}", describe(exc)) from exc
    rules = log_rules()
    for log in log_names(folder):
        parse = rules.get(log)
        if parse is None:
            continue
        for _, path in partitions(folder, log):
            records = json.loads(path.read_bytes()).get(RECORDS_TABLE, {})
            for rid, rec in records.items():
                try:
                    parse(rec)
                except PARSE_ERRORS as exc:
                    raise _refuse(f"{log} record {rid!r}", describe(exc)) from exc
