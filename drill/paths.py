"""Where things live: the one function that picks the data folder, and the content roots."""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "DRILL_HOME"
ENV_CONTENT = "DRILL_CONTENT"


HOME_HINT = "choose a folder with --home DIR (or set DRILL_HOME=DIR)"
RESOLVED_HOMES: set[Path] = set()  # every data folder this process worked out: checks hide them (drill.check.confine)


def data_home(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the learner's data folder: ``--home``, else ``$DRILL_HOME``, else the platform's.

    Nothing is created here: the store creates the folder when a command first needs it
    (``drill lint``, ``doctor``, ``--help`` never do). Raises DataError when no folder can be
    worked out (no HOME and no passwd entry).
    """
    from drill.errors import DataError

    if override:
        home = Path(override)
    elif os.environ.get(ENV_HOME):
        home = Path(os.environ[ENV_HOME])
    else:
        try:
            from platformdirs import user_data_dir

            home = Path(user_data_dir("drill", appauthor=False))
        except (RuntimeError, KeyError, OSError) as error:
            raise DataError(f"cannot work out a data folder: no HOME is set and this user has no home directory ({error})",
                            hint=HOME_HINT) from error
    home = home.expanduser()
    if str(home).startswith("~"):  # expanduser found no home directory either
        raise DataError(f"cannot work out a data folder: {home} names a home directory this user does not have",
                        hint=HOME_HINT)
    RESOLVED_HOMES.add(home)
    return home


def data_folder_error(home: Path, error: OSError):
    """A DataError saying why ``home`` cannot be created or used, with the --home hint."""
    import errno

    from drill.errors import DataError

    blocker = next((p for p in [home, *home.parents] if p.exists() and not p.is_dir()), None)
    if blocker is not None or error.errno in (errno.EEXIST, errno.ENOTDIR):
        what = f"{blocker or home} is a file, not a folder"
        return DataError(f"cannot use the data folder {home}: {what}", hint=f"move that file away, or {HOME_HINT}")
    reason = error.strerror or str(error)
    return DataError(f"cannot create or use the data folder {home}: {reason}",
                     hint=f"give yourself write access to {error.filename or home}, or {HOME_HINT}")


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
