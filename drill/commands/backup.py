"""``drill export FILE`` and ``drill import FILE``: the full JSON backup and its restore."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from drill.errors import DataError, UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the backup file (JSON)")
    if parser.prog.endswith("export"):
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    from drill.store import Store

    store = Store.open(args.home)
    try:
        if args.command == "export":
            return _export(store, args.file, args.force)
        return _import(store, args.file)
    finally:
        store.close()


def _export(store, path: Path, force: bool) -> int:
    if path.exists() and not force:
        raise UsageError(f"{path} already exists", hint="pick another name or add --force to overwrite it")
    data = store.export_all()
    from drill.store.atomic import write_bytes_atomic

    try:  # a unique temp name beside FILE, fsynced, then renamed over it
        write_bytes_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}", hint="check the folder exists and is writable") from error
    print(f"Exported your data to {path}")
    return 0


def _import(store, path: Path) -> int:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise UsageError(f"{path} does not exist") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError(f"{path} is not a JSON file ({error})", hint="give a file written by `drill export`; nothing was changed") from error
    if not isinstance(data, dict):
        raise DataError(f"{path} is not a drill backup (top level is not an object)", hint="nothing was changed")
    from drill.interop.values import check_folder

    store.import_all(data, check=check_folder)  # the values, with the live store's models
    from drill.progress.daily import load_daily
    from drill.session import load_settings

    load_daily(store.home, load_settings(store))  # the per-day cache now, so the next start needs no rebuild
    print(f"Imported {path}: your previous data were replaced (a backup of them is in {store.home / 'backups'}).")
    return 0
