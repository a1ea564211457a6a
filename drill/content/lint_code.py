"""The python code in content for ``drill lint``: blocks and exercise files that do not parse, and the
runnable cards' code gathered into units to run (``drill.content.lint_run``)."""

from __future__ import annotations

import importlib
from pathlib import Path

from drill.content.cards import CLOZE, KNOWN_KEYS, META, Card
from drill.content.lint_report import LintProblem, Runnable
from drill.content.notes import CodeBlock, extract_code_blocks


def deck_code(path: Path, cards: dict[str, Card]) -> tuple[list[Runnable], list[LintProblem]]:
    """Syntax problems of every python block in a deck file, and its runnable cards' code."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [], []  # the deck loader has reported it
    lines = text.splitlines()
    headers = [
        i + 1 for i, line in enumerate(lines)
        if line.startswith("## ") and i + 1 < len(lines)
        and (m := META.match(lines[i + 1])) is not None and m.group(1) in KNOWN_KEYS
    ]
    by_line = {card.line: card for card in cards.values() if card.path == path}
    groups: dict[int, list[CodeBlock]] = {h: [] for h in headers}
    loose: list[CodeBlock] = []
    for block in extract_code_blocks(text):
        owner = max((h for h in headers if h < block.line), default=None)
        (groups[owner] if owner is not None else loose).append(block)
    problems = syntax_problems(path, loose)
    runnables = []
    for header, blocks in groups.items():
        card = by_line.get(header)
        if card is not None and card.type == "cloze":
            blocks = [CodeBlock(b.lang, CLOZE.sub(lambda m: m.group(1), b.code), b.line) for b in blocks]
        problems += syntax_problems(path, blocks)
        python = tuple(b for b in blocks if b.is_python)
        if card is not None and card.runnable:
            if any(syntax_error(b.code) for b in python):
                pass  # reported above; running it would only repeat the syntax error
            elif python:
                runnables.append(Runnable(f"card {card.id!r}", path, card.line, python))
            else:
                problems.append(LintProblem(path, card.line, f"card {card.id!r} is marked runnable but has no ```python block", "deck"))
    return runnables, problems


def syntax_problems(path: Path, blocks) -> list[LintProblem]:
    problems = []
    for block in blocks:
        if not block.is_python:
            continue
        error = syntax_error(block.code)
        if error is not None:
            line, message = error
            problems.append(
                LintProblem(path, block.line + line - 1, f"python block does not parse: {message} "
                            "(tag a block that is broken on purpose ```text)", "syntax")
            )
    return problems


def syntax_error(code: str) -> tuple[int, str] | None:
    """(line within ``code``, message) of the first syntax error, or None when it parses."""
    try:
        compile(code, "<block>", "exec", dont_inherit=True)
    except SyntaxError as error:
        return max(error.lineno or 1, 1), error.msg
    except ValueError as error:  # null bytes
        return 1, str(error)
    return None


def exercises_problems(folder: Path) -> tuple[list[LintProblem], bool]:
    """Problems of ``exercises/``: its loader's (when drill.content.exercises exists) and any
    ``*.py`` file that does not parse. Returns (problems, whether the loader ran)."""
    problems: list[LintProblem] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*/*.py")):
            try:
                error = syntax_error(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(LintProblem(path, 1, f"cannot read: {exc}", "exercise"))
                continue
            if error is not None:
                problems.append(LintProblem(path, error[0], f"python file does not parse: {error[1]}", "syntax"))
    try:
        module = importlib.import_module("drill.content.exercises")
    except ModuleNotFoundError as error:
        if error.name in ("drill.content.exercises",):
            return problems, False
        raise
    loader = getattr(module, "load_exercises", None)
    if loader is None or not folder.is_dir():
        return problems, False
    try:
        loaded = loader(folder)
    except TypeError:
        loaded = loader()
    found = getattr(loaded, "problems", None)
    if found is None and isinstance(loaded, tuple) and len(loaded) == 2:
        found = loaded[1]
    for item in found or []:
        problems.append(
            LintProblem(Path(getattr(item, "path", folder)), int(getattr(item, "line", 1) or 1), str(getattr(item, "message", item)), "exercise")
        )
    return problems, True
