"""Text output that survives any locale: characters the terminal's encoding cannot carry
degrade to ASCII look-alikes instead of raising ``UnicodeEncodeError``.

drill draws boxes, bars, arrows and dashes. Under a UTF-8 locale they pass through untouched;
under, say, ``LANG=en_US.ISO-8859-1`` Python's stdout would raise on the first ``╭``. One codec
error handler, installed on stdout and stderr at the console-script edge, maps each such
character to the closest ASCII (``╭─╮`` → ``+-+``, ``█`` → ``#``, ``→`` → ``->``) and anything
else to ``?``. The app's screen goes through the same streams, so it degrades the same way.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata

HANDLER = "drill-ascii"

# Explicit look-alikes for the characters drill draws; box drawing is handled by name below.
_ASCII = {
    "…": "...", "—": "-", "–": "-", "·": "*", "•": "*", "→": "->", "←": "<-", "↑": "^",
    "↓": "v", "▶": ">", "◀": "<", "▸": ">", "✓": "ok", "✔": "ok", "✗": "x", "✘": "x",
    "×": "x", "≤": "<=", "≥": ">=", "≈": "~", "±": "+/-", "°": "deg", "’": "'", "‘": "'",
    "“": '"', "”": '"', "█": "#", "▇": "#", "▆": "#", "▅": "=", "▄": "=", "▃": "-",
    "▂": "_", "▁": "_", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "|", "▎": "|",
    "▏": "|", "░": ".", "▒": ":", "▓": "#", "■": "#", "□": "o", "●": "o", "○": "o",
    "⚠": "!", "❯": ">", "⏵": ">", "\u00a0": " ",
}


def ascii_for(char: str) -> str:
    """The ASCII stand-in for one character (``?`` when nothing fits)."""
    if char in _ASCII:
        return _ASCII[char]
    name = unicodedata.name(char, "")
    if name.startswith("BOX DRAWINGS"):
        # Corners and joints become '+', runs become '-' or '|' by their direction.
        if any(word in name for word in ("DOWN", "UP")) and any(w in name for w in ("LEFT", "RIGHT")):
            return "+"
        if "VERTICAL" in name:
            return "+" if "HORIZONTAL" in name else "|"
        if "HORIZONTAL" in name or "DASH" in name:
            return "-"
        return "+"
    if name.startswith(("BLOCK", "LOWER", "UPPER", "LEFT", "RIGHT", "FULL")) and "BLOCK" in name:
        return "#"
    if name.startswith("BRAILLE PATTERN"):
        return "." if char != "\u2800" else " "
    decomposed = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return decomposed or "?"


def _handle(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(ascii_for(char) for char in text), error.end


codecs.register_error(HANDLER, _handle)


def can_encode(encoding: str | None, text: str = "╭─╮█→…") -> bool:
    """True when ``encoding`` carries drill's drawing characters."""
    try:
        text.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def degrade_unencodable_output() -> None:
    """Install the ASCII fallback on stdout and stderr when their encoding needs it."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if stream is None or can_encode(encoding):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=HANDLER)


# -- widths: every command's table fits the terminal, or prints whole with --wide -------------


def add_wide_flag(parser) -> None:
    """The ``--wide`` option every command with a table or list takes (one wording everywhere)."""
    parser.add_argument("--wide", action="store_true",
                        help="print every column in full, however wide the lines get (for pipes and grep)")


def output_width(wide: bool = False) -> int | None:
    """The columns a command's text may use: the terminal's (``$COLUMNS`` first, 80 in a pipe),
    or None with ``--wide`` (nothing is cut)."""
    import shutil

    return None if wide else shutil.get_terminal_size((80, 24)).columns


def wrap(text: str, width: int | None, indent: str = "", hanging: str = "  ") -> list[str]:
    """``text`` as lines of at most ``width`` columns, broken only between words (a word longer
    than the line stays whole); one line when ``width`` is None."""
    import textwrap

    if width is None:
        return [indent + text]
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=hanging,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def table(rows, header=None, *, width: int | None, flex: int = -1, align: str = "",
          wrap_flex: bool = False, indent: str = "", gap: int = 2, min_flex: int = 12) -> list[str]:
    """Rows of text cells as aligned lines that fit ``width`` columns.

    Every column is as wide as its widest cell except the ``flex`` one (a title, a description,
    a note), which gets what the others leave: its cells are shortened at a word boundary with an
    ellipsis (:func:`drill.wording.shorten`), or with ``wrap_flex`` wrapped between words onto
    continuation lines under it. It keeps at least ``min_flex`` columns, so on a very narrow
    terminal a shortened line runs over rather than showing nothing; wrapped text that would get
    less goes on the lines below its row instead, indented by 4. ``width=None`` (``--wide``)
    prints every cell whole. ``align`` holds one ``<`` or ``>`` per column (default ``<``).
    """
    from drill.wording import shorten

    rows = [tuple(str(cell) for cell in row) for row in rows]
    every = ([tuple(header)] if header else []) + rows
    if not every:
        return []
    ncols = len(every[0])
    flex %= ncols
    widths = [max(len(row[i]) for row in every) for i in range(ncols)]
    below = False  # wrapped text too narrow beside the other columns: under its row instead
    if width is not None:
        others = len(indent) + sum(w for i, w in enumerate(widths) if i != flex) + gap * (ncols - 1)
        below = wrap_flex and width - others < min_flex and widths[flex] > width - others
        widths[flex] = 0 if below else min(widths[flex], max(min_flex, width - others))
    sides = (align or "") + "<" * ncols
    space = " " * gap

    def line(cells) -> str:
        return (indent + space.join(f"{c:{sides[i]}{widths[i]}}" for i, c in enumerate(cells))).rstrip()

    out = []
    for number, row in enumerate(every):
        text = row[flex]
        if below and not (header and number == 0):
            out.append(line(row[:flex] + ("",) + row[flex + 1:]))
            out += wrap(text, width, indent=indent + "    ", hanging=indent + "    ") if text else []
        elif len(text) <= widths[flex] or (header and number == 0):
            out.append(line(row))
        elif not wrap_flex:
            out.append(line(row[:flex] + (shorten(text, widths[flex]),) + row[flex + 1:]))
        else:
            parts = wrap(text, widths[flex], hanging="")
            out.append(line(row[:flex] + (parts[0],) + row[flex + 1:]))
            blank = ("",) * ncols
            out += [line(blank[:flex] + (part,) + blank[flex + 1:]) for part in parts[1:]]
    return out
