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


CONTENT_FOLDERS = ("decks", "exercises", "notes")


def content_root() -> Path:
    """Return the folder holding ``decks/``, ``exercises/`` and ``notes/``.

    ``$DRILL_CONTENT`` overrides it (tests and people with their own content use that). In a
    source checkout (an editable install) the content is the repository's top-level folders; in
    an installed wheel the build copied them into the package as ``drill/_content``. There is one
    copy in the repository either way.

    Raises:
        ContentError: no folder with the content was found, so the app would open empty.
    """
    from drill.errors import ContentError

    if os.environ.get(ENV_CONTENT):
        root = Path(os.environ[ENV_CONTENT]).expanduser()
        if not any((root / name).is_dir() for name in CONTENT_FOLDERS):
            raise ContentError(
                f"${ENV_CONTENT} is {root}, which has none of {', '.join(CONTENT_FOLDERS)}.",
                f"point ${ENV_CONTENT} at a folder with decks/, exercises/ and notes/, or unset it",
            )
        return root
    package = Path(__file__).resolve().parent
    for root in (package / "_content", package.parent):
        if all((root / name).is_dir() for name in CONTENT_FOLDERS):
            return root
    raise ContentError(
        f"drill's cards, drills and notes are missing (looked in {package / '_content'} and {package.parent}).",
        "reinstall drill (pip install --force-reinstall drill, or pip install -e . in a checkout)",
    )
