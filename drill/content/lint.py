"""The content check behind ``drill lint``: decks, notes and exercises, each problem at file:line.

What it reports:
- every problem the deck and note loaders find (unknown skills, duplicate ids, bad metadata …);
- a skill with fewer than ``min_cards`` cards, and a section with no card of some resource
  (both placed at their line in ``skills.toml``);
- a ```python block that does not parse (in cards, notes and exercise ``*.py`` files);
- an over-long answer or a leftover ``Front:`` label, and text copied from the exam or the
  course (``drill.content.style``);
- with ``run=True``: a runnable card or note whose python blocks fail when run, in order, in a
  fresh interpreter with a time limit (the slow part).

Everything is pure data in, data out, except the optional run, which uses subprocesses.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from drill.content.cards import CLOZE, KNOWN_KEYS, META, Card
from drill.content.decks import deck_files, load_decks
from drill.content.notes import CodeBlock, Note, extract_code_blocks, load_notes
from drill.content.skills import SKILLS_FILE, load_skills
from drill.content.style import card_form_problems, copied_problems
from drill.models import RESOURCES, TOPICS

MIN_CARDS = 3
RUN_TIMEOUT_S = 120
RESULT_MARK = "@@drill-lint-result@@"


@dataclass(frozen=True)
class LintProblem:
    """One problem: where, what, and a short code to group by (deck, note, skill-cards …)."""

    path: Path
    line: int
    message: str
    code: str

    def __str__(self) -> str:
        return f"{_show(self.path)}:{self.line}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"path": str(self.path), "line": self.line, "message": self.message, "code": self.code}


@dataclass(frozen=True)
class Runnable:
    """Code to run as one unit: a runnable card's or note's python blocks, in file order."""

    label: str
    path: Path
    line: int
    blocks: tuple[CodeBlock, ...]


@dataclass
class LintReport:
    """The outcome of one check."""

    problems: list[LintProblem] = field(default_factory=list)
    cards: dict[str, Card] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    runnables: list[Runnable] = field(default_factory=list)
    ran: int = 0
    exercises_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "problems": [p.to_json() for p in self.problems],
            "cards": len(self.cards),
            "notes": len(self.notes),
            "runnable": len(self.runnables),
            "ran": self.ran,
            "exercises_checked": self.exercises_checked,
        }


def lint(
    content: Path,
    home: Path | None = None,
    *,
    run: bool = False,
    timeout_s: float = RUN_TIMEOUT_S,
    jobs: int = 1,
    min_cards: int = MIN_CARDS,
    coverage_checks: bool = True,
    progress: Callable[[int, int, Runnable], None] | None = None,
) -> LintReport:
    """Check the content under ``content`` (decks/, notes/, exercises/) and the learner's own
    decks and notes under ``home``.

    Args:
        content: The content root (``drill.paths.content_root()``).
        home: The data folder, or None to check shipped content only.
        run: Also run every runnable card and note (slow: a fresh interpreter each).
        timeout_s: Time limit for one runnable.
        jobs: How many runnables run at once.
        min_cards: Fewest cards a skill may have.
        coverage_checks: Check cards per skill and resources per section (off for partial
            content such as a single fixture deck).
        progress: Called before each runnable starts, with (index, total, runnable).
    """
    report = LintReport()
    deck_dirs = [content / "decks"] + ([home / "decks"] if home is not None else [])
    decks = load_decks(*deck_dirs)
    report.cards = decks.cards
    report.problems += [LintProblem(p.path, p.line, p.message, "deck") for p in decks.problems]

    notes = load_notes(content / "notes", home / "notes" if home is not None else None)
    report.notes = notes.notes
    report.problems += [LintProblem(p.path, p.line, p.message, "note") for p in notes.problems]

    if coverage_checks:
        report.problems += coverage_problems(decks.cards.values(), min_cards)

    for path in deck_files(*deck_dirs):
        runnable, problems = _deck_code(path, decks.cards)
        report.runnables += runnable
        report.problems += problems
        report.problems += [LintProblem(*found) for found in card_form_problems(path, decks.cards.values())]
    report.problems += [LintProblem(*found) for found in copied_problems(content)]
    for note in notes.notes:
        report.problems += _syntax_problems(note.path, note.code_blocks())
        if note.runnable:
            blocks = tuple(b for b in note.code_blocks() if b.is_python)
            if blocks and not any(syntax_error(b.code) for b in blocks):
                report.runnables.append(Runnable(f"note {note.id!r}", note.path, blocks[0].line, blocks))

    exercise_problems, checked = exercises_problems(content / "exercises")
    report.problems += exercise_problems
    report.exercises_checked = checked

    if run:
        report.problems += run_all(report.runnables, timeout_s=timeout_s, jobs=jobs, progress=progress)
        report.ran = len(report.runnables)
    report.problems.sort(key=lambda p: (str(p.path), p.line))
    return report


# --- coverage -------------------------------------------------------------------------------


def coverage(cards) -> dict[str, dict[str, int]]:
    """Skill id → resource → number of cards training it (a card counts for each of its skills)."""
    table = {skill: dict.fromkeys(RESOURCES, 0) for skill in load_skills()}
    for card in cards:
        for skill in card.skills:
            if skill in table:
                table[skill][card.resource] += 1
    return table


def coverage_totals(cards) -> dict[str, int]:
    """Resource → number of distinct cards."""
    totals = dict.fromkeys(RESOURCES, 0)
    for card in cards:
        totals[card.resource] += 1
    return totals


def format_coverage(cards) -> str:
    """The coverage table as aligned text: one row per skill, then the totals."""
    cards = list(cards)
    table = coverage(cards)
    width = max(len(s) for s in table)
    head = f"{'skill':<{width}}  " + "  ".join(f"{r:>8}" for r in RESOURCES) + f"  {'total':>6}"
    rows = [head, "-" * len(head)]
    for skill, counts in table.items():
        mark = "  <" if sum(counts.values()) < MIN_CARDS else ""
        rows.append(f"{skill:<{width}}  " + "  ".join(f"{counts[r]:>8}" for r in RESOURCES) + f"  {sum(counts.values()):>6}{mark}")
    totals = coverage_totals(cards)
    rows.append("-" * len(head))
    rows.append(f"{'all cards':<{width}}  " + "  ".join(f"{totals[r]:>8}" for r in RESOURCES) + f"  {len(cards):>6}")
    return "\n".join(rows)


def coverage_problems(cards, min_cards: int = MIN_CARDS) -> list[LintProblem]:
    """Skills with too few cards, and sections missing a resource, at their skills.toml line."""
    cards = list(cards)
    lines = _skills_toml_lines()
    problems = []
    for skill, counts in coverage(cards).items():
        total = sum(counts.values())
        if total < min_cards:
            problems.append(
                LintProblem(SKILLS_FILE, lines.get(skill, 1), f"skill {skill!r} has {total} card(s), needs at least {min_cards}", "skill-cards")
            )
    for topic in TOPICS:
        have = {card.resource for card in cards if card.topic == topic}
        missing = [r for r in RESOURCES if r not in have]
        if missing:
            problems.append(
                LintProblem(
                    SKILLS_FILE, lines.get(f"[{topic}]", 1),
                    f"section {topic!r} has no {'/'.join(missing)} card (every section needs each resource level)",
                    "section-resource",
                )
            )
    return problems


def _skills_toml_lines() -> dict[str, int]:
    lines: dict[str, int] = {}
    section = ""
    for number, line in enumerate(SKILLS_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        elif section == "[sections]" and "=" in stripped:
            lines[f"[{stripped.split('=', 1)[0].strip()}]"] = number
        elif section == "[skills]" and stripped.startswith('"'):
            lines[stripped.split('"')[1]] = number
    return lines


# --- code blocks ----------------------------------------------------------------------------


def _deck_code(path: Path, cards: dict[str, Card]) -> tuple[list[Runnable], list[LintProblem]]:
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
    problems = _syntax_problems(path, loose)
    runnables = []
    for header, blocks in groups.items():
        card = by_line.get(header)
        if card is not None and card.type == "cloze":
            blocks = [CodeBlock(b.lang, CLOZE.sub(lambda m: m.group(1), b.code), b.line) for b in blocks]
        problems += _syntax_problems(path, blocks)
        python = tuple(b for b in blocks if b.is_python)
        if card is not None and card.runnable:
            if any(syntax_error(b.code) for b in python):
                pass  # reported above; running it would only repeat the syntax error
            elif python:
                runnables.append(Runnable(f"card {card.id!r}", path, card.line, python))
            else:
                problems.append(LintProblem(path, card.line, f"card {card.id!r} is marked runnable but has no ```python block", "deck"))
    return runnables, problems


def _syntax_problems(path: Path, blocks) -> list[LintProblem]:
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


# --- exercises ------------------------------------------------------------------------------


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


# --- running --------------------------------------------------------------------------------

_HARNESS = r'''
import json, os, sys, traceback
payload = json.load(open(sys.argv[1], encoding="utf-8"))
path = payload["path"]
if any("tensorflow" in b["code"] or "keras" in b["code"] for b in payload["blocks"]):
    # TensorFlow prints start-up noise on fd 2 from C++: hide it around the import only.
    sys.stderr.flush()
    saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        import tensorflow
    except Exception:
        pass
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
namespace = {"__name__": "__main__"}
for block in payload["blocks"]:
    try:
        exec(compile("\n" * (block["line"] - 1) + block["code"], path, "exec"), namespace)
    except SystemExit as stop:
        if stop.code in (None, 0):
            break
        result = {"line": block["line"], "error": f"exited with {stop.code!r}"}
    except BaseException as error:
        frames = traceback.extract_tb(error.__traceback__)
        line = next((f.lineno for f in reversed(frames) if f.filename == path), block["line"])
        traceback.print_exc()
        result = {"line": line, "error": traceback.format_exception_only(type(error), error)[-1].strip()}
    else:
        continue
    sys.stdout.flush()
    print("\n" + MARK + json.dumps(result), flush=True)
    sys.exit(1)
'''


def run_one(item: Runnable, timeout_s: float = RUN_TIMEOUT_S) -> LintProblem | None:
    """Run one runnable in a fresh interpreter in a temp folder; a problem when it fails."""
    with tempfile.TemporaryDirectory(prefix="drill-lint-") as tmp:
        script = Path(tmp, "_harness.py")
        script.write_text(f"MARK = {RESULT_MARK!r}\n" + _HARNESS, encoding="utf-8")
        payload = Path(tmp, "_payload.json")
        payload.write_text(json.dumps({"path": str(item.path), "blocks": [asdict(b) for b in item.blocks]}), encoding="utf-8")
        work = Path(tmp, "work")
        work.mkdir()
        env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1"}
        try:
            done = subprocess.run(
                [sys.executable, str(script), str(payload)], cwd=work, env=env, capture_output=True,
                text=True, timeout=timeout_s, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return LintProblem(item.path, item.line, f"{item.label} ran past its {timeout_s:g} s limit", "run")
    if done.returncode == 0:
        return None
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            result = json.loads(line[len(RESULT_MARK):])
            return LintProblem(item.path, int(result["line"]), f"{item.label} fails: {result['error']}", "run")
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return LintProblem(item.path, item.line, f"{item.label} fails (exit {done.returncode}): {tail}", "run")


def run_all(
    items: list[Runnable], *, timeout_s: float = RUN_TIMEOUT_S, jobs: int = 1,
    progress: Callable[[int, int, Runnable], None] | None = None,
) -> list[LintProblem]:
    """Run every item (``jobs`` at a time); the problems of those that fail."""

    def one(pair: tuple[int, Runnable]) -> LintProblem | None:
        index, item = pair
        if progress is not None:
            progress(index, len(items), item)
        return run_one(item, timeout_s)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return [p for p in pool.map(one, enumerate(items, start=1)) if p is not None]


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
