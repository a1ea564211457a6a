"""Your code against the reference solution: a real line diff (difflib), pure and testable.

Two layouts of one diff: ``unified_lines`` (one column, for a narrow terminal and for
``drill solution``) and ``side_by_side_rows`` (aligned rows, for a wide one). Both come from
the same ``SequenceMatcher`` opcodes, so they never disagree about what changed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

SIDE_BY_SIDE_MIN_WIDTH = 120  # below this a pane would be narrower than most code lines


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "mine" (only in yours), "ref" (only in the reference), "hunk" (a @@ header)
    text: str


@dataclass(frozen=True)
class SideRow:
    kind: str  # "same", "change", "mine", "ref", "gap" (unchanged lines left out)
    left_no: int | None
    left: str
    right_no: int | None
    right: str


def _opcodes(mine: list[str], ref: list[str]):
    return difflib.SequenceMatcher(a=mine, b=ref, autojunk=False).get_grouped_opcodes(3)


def unified_lines(mine: str, reference: str) -> list[DiffLine]:
    """Changed hunks with 3 lines of context, as ``diff -u`` shows them (no file header)."""
    a, b = mine.splitlines(), reference.splitlines()
    out: list[DiffLine] = []
    for group in _opcodes(a, b):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        out.append(DiffLine("hunk", f"@@ yours {i1 + 1}-{i2} · reference {j1 + 1}-{j2} @@"))
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                out.extend(DiffLine("same", f"  {line}") for line in a[a1:a2])
                continue
            out.extend(DiffLine("mine", f"- {line}") for line in a[a1:a2])
            out.extend(DiffLine("ref", f"+ {line}") for line in b[b1:b2])
    return out


def side_by_side_rows(mine: str, reference: str) -> list[SideRow]:
    """Aligned rows: a replaced block pairs line by line, the longer side's rest stands alone."""
    a, b = mine.splitlines(), reference.splitlines()
    rows: list[SideRow] = []
    for n, group in enumerate(_opcodes(a, b)):
        if n:
            rows.append(SideRow("gap", None, "⋯", None, "⋯"))
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                rows.extend(SideRow("same", a1 + k + 1, a[a1 + k], b1 + k + 1, b[b1 + k]) for k in range(a2 - a1))
                continue
            for k in range(max(a2 - a1, b2 - b1)):
                left = a1 + k < a2
                right = b1 + k < b2
                kind = "change" if left and right else "mine" if left else "ref"
                rows.append(SideRow(kind, a1 + k + 1 if left else None, a[a1 + k] if left else "",
                                    b1 + k + 1 if right else None, b[b1 + k] if right else ""))
    return rows


def diff_stats(mine: str, reference: str) -> tuple[int, int]:
    """(lines only in yours, lines only in the reference)."""
    lines = unified_lines(mine, reference)
    return sum(1 for d in lines if d.kind == "mine"), sum(1 for d in lines if d.kind == "ref")
