"""Two checks of ``drill lint`` beyond well-formedness: cards made to be remembered, and
content that is the project's own.

- **Card form** (every deck, shipped and the learner's): one fact per card, so an answer a
  learner can recall and check in a few seconds. An answer over ``MAX_ANSWER_WORDS`` words of
  prose, or with a code block over ``MAX_CODE_LINES`` lines, is reported; so is a question
  or answer that starts with a literal ``Front:``/``Back:`` label (the format needs none).
- **Copied text** (shipped decks, notes and exercises): the distinctive sentences of the
  certificate exam's starter files and the signatures and lines of the course's helpers that
  were once copied here. Facts and conventions may carry over; wording and code may not.

Pure functions: text in, ``(path, line, message, code)`` tuples out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from drill.content.cards import FENCE, Card

MAX_ANSWER_WORDS = 40
MAX_CODE_LINES = 12

Found = tuple[Path, int, str, str]

_LABEL = re.compile(r"^\s*(\*\*)?(Front|Back)\s*:(\*\*)?(\s|$)")

# (pattern, where it comes from). Patterns are matched per line, case-insensitively, with
# runs of whitespace treated alike. Keep each one distinctive: ordinary API usage must pass.
COPIED_PHRASES: tuple[tuple[str, str], ...] = (
    (r"there are 5 questions in this exam", "the certificate exam's starter header"),
    (r"weight of the grade for the question is relative", "the certificate exam's starter header"),
    (r"save your model as a \.h5 like this", "the certificate exam's starter footer"),
    (r"submit and test button", "the certificate exam's starter footer"),
    (r"def windowed_dataset\(\s*series\s*,\s*window_size\s*,\s*batch_size", "the course's windowed_dataset signature"),
    (r"def model_forecast\(\s*model\s*,\s*series\s*,\s*window_size", "the course's model_forecast signature"),
    (r"csv\.reader\(\s*csvfile", "the course's Sunspots CSV loop"),
    (r"\.append\(\s*float\(\s*row\[2\]\s*\)\s*\)", "the course's Sunspots CSV loop"),
    (r"time_step\.append\(\s*int\(\s*row\[0\]", "the course's Sunspots CSV loop"),
    (r"lambda window\s*:\s*\(\s*window\[:-1\]\s*,\s*window\[-1\]\s*\)", "the course's windowed_dataset body"),
    # the course's windowing helper under another name: its parameter list, its chain's lines
    (r"\(\s*series\s*,\s*window_size\s*,\s*batch_size\s*,\s*shuffle_buffer\s*\)", "the course's windowed_dataset parameters"),
    (r"flat_map\(\s*lambda window\s*:\s*window\.batch\(\s*window_size\s*\+\s*1\s*\)", "the course's windowed_dataset body"),
    (r"dataset\.window\(\s*window_size\s*\+\s*1\s*,\s*shift\s*=\s*1", "the course's windowed_dataset body"),
    (r"def plot_series\(\s*time\s*,\s*series\s*,\s*format", "the course's plot_series"),
    (r"np\.cos\(\s*season_time\s*\*\s*2\s*\*\s*np\.pi\s*\)", "the course's seasonal_pattern"),
    (r"lr_schedule\s*=\s*(tf\.)?keras\.callbacks\.LearningRateScheduler\(", "the course's learning-rate sweep line"),
    (r"lambda epoch\s*:\s*1e-8\s*\*\s*10\s*\*\*\s*\(\s*epoch\s*/\s*20\s*\)", "the course's learning-rate sweep line"),
    (r"so cancelling training", "the course's accuracy callback message"),
    (r"local_weights_file|pre_trained_model\.get_layer\(", "the course's InceptionV3 transfer code"),
    (r"i love my (dog|cat)|do you think my dog is amazing", "the course's Tokenizer example sentences"),
    (r"granny starting to fear spiders|game of thrones season finale", "the course's sarcasm example headlines"),
)
_COMPILED = tuple((re.compile(p, re.I), source) for p, source in COPIED_PHRASES)
SCANNED_FOLDERS: tuple[str, ...] = ("decks", "notes", "exercises")
_SCANNED_SUFFIXES = {".md", ".py", ".toml", ".txt", ".json", ".csv"}
_MAX_SCAN_BYTES = 2_000_000


def prose_words(markdown: str) -> int:
    """Words outside code blocks: whitespace-separated tokens with a letter or digit in them
    (so list bullets and lone punctuation do not count; `inline code` counts as one word)."""
    words = 0
    fence: str | None = None
    for line in markdown.splitlines():
        marker = FENCE.match(line)
        if marker and (fence is None or marker.group(1) == fence):
            fence = marker.group(1) if fence is None else None
        elif fence is None:
            words += sum(1 for token in line.split() if re.search(r"\w", token))
    return words


def card_form_problems(path: Path, cards: Iterable[Card]) -> list[Found]:
    """Leftover Front:/Back: labels and over-long answers of the cards loaded from ``path``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # the deck loader has reported it
    mine = sorted((c for c in cards if c.path == path), key=lambda c: c.line)
    found: list[Found] = []
    for index, card in enumerate(mine):
        end = mine[index + 1].line - 1 if index + 1 < len(mine) else len(lines)
        found += _one_card(path, card, lines, card.line, end)
    return found


def _one_card(path: Path, card: Card, lines: list[str], start: int, end: int) -> list[Found]:
    found: list[Found] = []
    fence: str | None = None
    in_body = False
    back_from: int | None = None
    block_start = 0
    block_lines = 0
    first_text = {"front": True, "back": True}
    answer_at: int | None = None
    for number in range(start + 1, end + 1):
        line = lines[number - 1]
        if not in_body:
            in_body = not line.strip()  # metadata ends at the first blank line
            continue
        marker = FENCE.match(line)
        if marker and (fence is None or marker.group(1) == fence):
            if fence is None:
                fence, block_start, block_lines = marker.group(1), number, 0
            else:
                fence = None
                if back_from is not None and block_lines > MAX_CODE_LINES:
                    found.append((path, block_start, f"card {card.id!r}: a code block in the answer has {block_lines} lines, "
                                  f"more than {MAX_CODE_LINES}; show only the step the card asks about, or split the card", "long-answer"))
            continue
        if fence is not None:
            block_lines += bool(line.strip())
            continue
        if line.strip() == "---" and back_from is None:
            back_from = number
            continue
        side = "front" if back_from is None else "back"
        if line.strip() and first_text[side]:
            first_text[side] = False
            answer_at = number if side == "back" else answer_at
            label = _LABEL.match(line)
            if label:
                found.append((path, number, f"card {card.id!r}: the {side} starts with a literal '{label.group(2)}:' label, "
                              "which the learner sees; delete it (the '---' line is what separates front and back)", "card-form"))
    words = prose_words(card.back)
    if words > MAX_ANSWER_WORDS:
        found.append((path, answer_at or back_from or start, f"card {card.id!r}: the answer has {words} words of prose, more than {MAX_ANSWER_WORDS}; "
                      "keep one fact per card: split it, trim it, or make it a cloze", "long-answer"))
    return found


def copied_problems(content: Path, folders: tuple[str, ...] = SCANNED_FOLDERS) -> list[Found]:
    """Every line of the shipped content (``folders`` under ``content``) that carries a known
    copied phrase."""
    found: list[Found] = []
    for folder in folders:
        root = content / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix not in _SCANNED_SUFFIXES or not path.is_file():
                continue
            try:
                if path.stat().st_size > _MAX_SCAN_BYTES:
                    continue
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            found += copied_in_text(path, text)
    return found


def copied_in_text(path: Path, text: str) -> list[Found]:
    """The copied phrases in one file's text, one problem per line and phrase."""
    found: list[Found] = []
    for number, line in enumerate(text.splitlines(), start=1):
        flat = " ".join(line.split())
        for pattern, source in _COMPILED:
            match = pattern.search(flat)
            if match:
                found.append((path, number, f"copied from {source}: {match.group(0)!r}; "
                              "write it in the project's own words and code", "copied"))
    return found
