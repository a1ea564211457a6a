"""``drill note [TITLE]``: write a note of your own in $EDITOR; ``drill note --list`` lists the shelf.

Your notes live in ``<data folder>/notes/`` and show beside the shipped ones, marked as yours.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
from datetime import date
from pathlib import Path
from drill.wording import count

TEMPLATE = """---
title: {title}
topic:
skills:
kind: note
runnable: no
---

# {title}

Written {today}. What I learned, in my own words:

- 

```python
# the code I want to remember
```
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", nargs="*", metavar="TITLE", help="the note's title (default: 'My note')")
    parser.add_argument("--list", action="store_true", help="list every note, shipped and yours")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def slug(title: str) -> str:
    """File-name stem for a title: lowercase words joined by '-'."""
    words = re.findall(r"[\w]+", title.lower())
    return "-".join(words)[:60].strip("-") or "note"


def new_note(folder: Path, title: str, today: date | None = None) -> Path:
    """Create ``folder/<slug>.md`` from the template (``-2``, ``-3`` … if taken); return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = slug(title)
    path = folder / f"{stem}.md"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.md"
        counter += 1
    text = TEMPLATE.format(title=title.replace("\n", " "), today=(today or date.today()).isoformat())
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path


def run(args: argparse.Namespace) -> int:
    from drill.paths import data_home

    home = Path(args.home) if getattr(args, "home", None) else data_home()
    if getattr(args, "list", False):
        return _list(home, getattr(args, "wide", False))
    title = " ".join(getattr(args, "title", None) or []).strip() or "My note"
    path = new_note(home / "notes", title)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        print(f"Created {path}\nSet $EDITOR to open it automatically; for now, open it yourself.")
        return 0
    try:
        status = subprocess.run([*shlex.split(editor), str(path)], check=False).returncode
    except OSError as error:
        print(f"Created {path}\nCould not start the editor {editor!r} ({error.strerror}); open it yourself.")
        return 0
    print(f"Saved {path}" if status == 0 else f"The editor exited with {status}; the note is at {path}")
    return 0


def _list(home: Path, wide: bool = False) -> int:
    from drill.content.notes import load_all_notes
    from drill.textout import output_width, table, wrap

    width = output_width(wide)
    shelf = load_all_notes(home)
    rows = [(note.id, "mine" if note.own else note.kind, note.title) for note in shelf.notes]
    print("\n".join(table(rows, width=width)))  # titles cut at a word boundary; --wide: whole
    mine = sum(n.own for n in shelf.notes)
    print("\n".join(wrap(f"{count(len(shelf.notes), 'note')} ({mine} yours, in {home / 'notes'})", width)))
    for problem in shelf.problems:
        print("\n".join(wrap(f"problem: {problem}", width)))
    return 0
