"""Where things live: the one function that picks the data folder, and the content roots."""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "DRILL_HOME"
ENV_CONTENT = "DRILL_CONTENT"


def data_home(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the learner's data folder: ``--home``, else ``$DRILL_HOME``, else the platform's.

    The folder is created if missing.
    """
    if override:
        home = Path(override)
    elif os.environ.get(ENV_HOME):
        home = Path(os.environ[ENV_HOME])
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir("drill", appauthor=False))
    home = home.expanduser()
    home.mkdir(parents=True, exist_ok=True)
    return home


def content_root() -> Path:
    """Return the folder holding ``decks/``, ``exercises/`` and ``notes/``.

    ``$DRILL_CONTENT`` overrides it (tests and people with their own content use that).
    """
    if os.environ.get(ENV_CONTENT):
        return Path(os.environ[ENV_CONTENT]).expanduser()
    return Path(__file__).resolve().parent.parent
