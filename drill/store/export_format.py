"""The full-backup format (``drill export``): its marker and the check an import must pass.

Pure: a backup is validated completely before the store touches anything, so a refused file
changes nothing.
"""

from __future__ import annotations

from typing import Any

from drill.errors import DataError
from drill.store import migrations
from drill.store.atomic import dumps
from drill.store.layout import check_name, parse_at

EXPORT_FORMAT = "drill-backup"


def _refuse(reason: str, hint: str = "export the data again with `drill export` and import that file") -> DataError:
    return DataError(f"cannot import: {reason}; nothing was changed", hint=hint)


def validate_export(data: Any) -> int:
    """Check an export fully; return its schema version. Raises DataError with the reason."""
    if not isinstance(data, dict):
        raise _refuse(f"expected a JSON object, got {type(data).__name__}")
    if data.get("format") != EXPORT_FORMAT:
        raise _refuse(f"not a drill backup (format marker is {data.get('format')!r}, expected {EXPORT_FORMAT!r})")
    expected = {"format", "schema_version", "exported_at", "tables", "logs"}
    if missing := sorted(expected - data.keys()):
        raise _refuse(f"missing {', '.join(missing)}")
    if extra := sorted(set(data) - expected):
        raise _refuse(f"unexpected keys {', '.join(map(str, extra))}")
    version = data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise _refuse(f"schema_version {version!r} is not a version number")
    latest = migrations.latest_version()
    if version > latest:
        raise _refuse(
            f"it comes from a newer drill (data schema {version}; this drill reads up to {latest})",
            hint="upgrade drill (pip install --upgrade drill), then import again",
        )
    try:
        parse_at(data["exported_at"])
    except ValueError as exc:
        raise _refuse(f"exported_at: {exc}") from None
    tables, logs = data["tables"], data["logs"]
    if not isinstance(tables, dict):
        raise _refuse("'tables' is not an object")
    for name, docs in tables.items():
        try:
            check_name("table", name)
        except ValueError as exc:
            raise _refuse(str(exc)) from None
        if not isinstance(docs, dict):
            raise _refuse(f"table {name!r} is not an object of documents")
        for key, doc in docs.items():
            if not key or not isinstance(doc, dict):
                raise _refuse(f"document {name}/{key!r} is not an object with a non-empty key")
    if not isinstance(logs, dict):
        raise _refuse("'logs' is not an object")
    for name, recs in logs.items():
        try:
            check_name("log", name)
        except ValueError as exc:
            raise _refuse(str(exc)) from None
        if not isinstance(recs, list):
            raise _refuse(f"log {name!r} is not a list of records")
        seen: set[str] = set()
        for i, rec in enumerate(recs):
            if not isinstance(rec, dict):
                raise _refuse(f"log {name!r} record {i} is not an object")
            rid = rec.get("id")
            if not isinstance(rid, str) or not rid:
                raise _refuse(f"log {name!r} record {i} has no string 'id'")
            if rid in seen:
                raise _refuse(f"log {name!r} has two records with id {rid!r}")
            seen.add(rid)
            try:
                parse_at(rec.get("at"))
            except ValueError as exc:
                raise _refuse(f"log {name!r} record {rid!r}: {exc}") from None
    try:
        dumps(data)
    except (TypeError, ValueError) as exc:
        raise _refuse(f"not plain JSON data: {exc}") from None
    return version
