"""A data folder whose drill.json is gone while its history is still there is not a first run.

Before this, a deleted ``drill.json`` (a hostile or careless script, a sync tool, a half-restored
copy) made drill start an empty store over the learner's logs and backups: hours 0, readiness
0 %, nothing said. Now that state is refused with the way back.
"""

from __future__ import annotations

import os
from pathlib import Path

from drill.errors import DataError
from drill.store import backups
from drill.store.layout import JOURNAL_FILE, MAIN_FILE, data_files


def check_not_vanished(home: Path) -> None:
    """DataError when ``drill.json`` is missing but a journal, backups or day files remain."""
    if (home / MAIN_FILE).exists():
        return
    evidence = []
    try:
        if os.path.getsize(home / JOURNAL_FILE) > 0:
            evidence.append(f"a write-ahead journal ({JOURNAL_FILE})")
    except OSError:
        pass
    days = len(data_files(home))
    if days:
        evidence.append(f"{days} day file(s) of logs (log/)")
    snaps = backups.backup_dirs(home)
    if snaps:
        evidence.append(f"{len(snaps)} backup(s)")
    if not evidence:
        return  # a first run
    newest = snaps[0] if snaps else None
    restore = (f"restore the newest backup: copy {newest / MAIN_FILE} and {newest / 'log'} into {home}"
               if newest is not None and (newest / MAIN_FILE).is_file()
               else "restore drill.json from your own copy")
    raise DataError(
        f"{home / MAIN_FILE} is missing, but the data folder still holds {', '.join(evidence)}: "
        "drill will not start an empty store over your history",
        hint=f"{restore}; or move {home} aside and `drill import` a file written by `drill export`; "
             "to really start afresh, move it aside (or pass --home NEWDIR)",
    )
