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
