"""Persistence: TinyDB behind a small, crash-safe, multi-process API (see docs/storage.md)."""

from drill.store.migrations import SCHEMA_VERSION
from drill.store.store import Store

__all__ = ["SCHEMA_VERSION", "Store"]
