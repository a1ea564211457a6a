"""TinyDB pieces and JSON helpers of the store (kept apart so store.py stays readable)."""

from __future__ import annotations

import json
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from drill.store.atomic import dumps
from drill.store.layout import META_KEY, META_TABLE, check_key, parse_at


class KeyedTable(Table):
    """A TinyDB table whose document ids are the caller's string keys."""

    document_id_class = str

    def set(self, key: str, doc: dict[str, Any]) -> None:
        self._update_table(lambda t: t.__setitem__(key, doc))

    def discard(self, key: str) -> bool:
        if not self.contains(doc_id=key):
            return False
        self._update_table(lambda t: t.pop(key, None))
        return True


class KeyedDB(TinyDB):
    table_class = KeyedTable


def clone(value: Any) -> Any:
    """Deep copy of JSON data (faster than copy.deepcopy)."""
    if isinstance(value, dict):
        return {k: clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clone(v) for v in value]
    return value


def json_doc(doc: Any, what: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise ValueError(f"{what} must be a dict, got {type(doc).__name__}")
    try:
        return json.loads(dumps(doc))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} is not plain JSON data: {exc}") from None

def uniform_utc(ats: list[str]) -> bool:
    """True when every string is ``YYYY-MM-DDTHH:MM:SS[.ffffff]`` + the same UTC suffix, same length."""
    first = ats[0]
    suffix = "Z" if first.endswith("Z") else "+00:00" if first.endswith("+00:00") else None
    if suffix is None or len(first) < 20 or first[10] != "T":
        return False
    n = len(first)
    if not all(len(a) == n and a.endswith(suffix) and a[10] == "T" for a in ats):
        return False
    try:  # one parse proves the shape; same length + suffix makes the rest comparable
        parse_at(first)
        parse_at(ats[-1])
    except ValueError:
        return False
    return True


def check_writable(table: str, key: str) -> str:
    check_key(key)
    if table == META_TABLE and key == META_KEY:
        raise ValueError(f"{META_TABLE}/{META_KEY} is the store's own record")
    return key
