"""Recompute the card counts of docs/content-audit.md from git: the decks at one commit
against the decks at another (default: before the issue-14 rewrite against the working tree).

    python bench/content_counts.py                 # 4494266 (before) -> working tree
    python bench/content_counts.py BEFORE AFTER    # any two commits

Counts: cards, ids kept and removed, new ids, kept cards rewritten (text changed beyond a removed
``Front: `` label), label-only changes, ``Front:`` questions and over-long answers (the lint's
own rules) on each side, and cards split. A split is found by content, not declared: a new
card counts as split off an old one when at least half of its distinctive words (4+ letters,
outside the boilerplate below) were in one old card's text, and that old card is kept; the old
card with the most shared words is the parent. It is a measurement with a threshold, so the
script prints the threshold next to the figure.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from drill.content.decks import load_decks
from drill.content.style import card_form_problems

BEFORE = "4494266"  # the parent of 8223d6b, "Content in own words, one fact per card ..." (issue 14)
SPLIT_SHARE = 0.5
_WORD = re.compile(r"[a-z][a-z0-9_]{3,}")
_LABEL = re.compile(r"^\s*(\*\*)?Front\s*:(\*\*)?\s*", re.M)
_COMMON = {"what", "which", "with", "that", "this", "from", "does", "when", "each", "into", "keras", "layers",
           "model", "python", "import", "true", "false", "none", "return", "then", "they", "them", "their"}


def decks_at(commit: str | None, into: Path) -> Path:
    """The decks/ folder at ``commit`` (None: the working tree) as a folder on disk."""
    root = Path(__file__).resolve().parents[1]
    if commit is None:
        return root / "decks"
    files = subprocess.run(["git", "-C", str(root), "ls-tree", "--name-only", commit, "decks/"],
                           capture_output=True, text=True, check=True).stdout.split()
    folder = into / commit / "decks"
    folder.mkdir(parents=True)
    for name in files:
        blob = subprocess.run(["git", "-C", str(root), "show", f"{commit}:{name}"], capture_output=True, check=True).stdout
        (folder / Path(name).name).write_bytes(blob)
    return folder


def words(card) -> set[str]:
    return {w for w in _WORD.findall(f"{card.front}\n{card.back}".lower()) if w not in _COMMON}


def normalised(card) -> str:
    return " ".join(_LABEL.sub("", f"{card.front}\n---\n{card.back}").split())


def form_counts(cards) -> Counter:
    """Front: questions, and cards with at least one over-long-answer finding (prose or code)."""
    found = Counter(front_label=sum(1 for c in cards.values() if _LABEL.match(c.front)))
    long_cards = set()
    for path in {c.path for c in cards.values()}:
        for _, _, message, code in card_form_problems(path, cards.values()):
            if code == "long-answer":
                long_cards.add(message.split("'")[1])
    found["long_cards"] = len(long_cards)
    return found


def main(argv: list[str]) -> int:
    before_ref = argv[0] if argv else BEFORE
    after_ref = argv[1] if len(argv) > 1 else None
    with tempfile.TemporaryDirectory() as tmp:
        old = load_decks(decks_at(before_ref, Path(tmp))).cards
        new = load_decks(decks_at(after_ref, Path(tmp))).cards
        kept = old.keys() & new.keys()
        added = [i for i in new if i not in old]
        removed = [i for i in old if i not in new]
        rewritten = [i for i in kept if normalised(old[i]) != normalised(new[i])]
        label_only = [i for i in kept if old[i].front != new[i].front and normalised(old[i]) == normalised(new[i])]
        parents: dict[str, str] = {}
        for i in added:
            mine = words(new[i])
            if not mine:
                continue
            best = max(kept, key=lambda k: len(mine & words(old[k])))
            if len(mine & words(old[best])) >= SPLIT_SHARE * len(mine):
                parents[i] = best
        split = set(parents.values())
        f_old, f_new = form_counts(old), form_counts(new)
    print(f"decks {before_ref} -> {after_ref or 'working tree'}")
    print(f"cards before -> after            {len(old)} -> {len(new)}")
    print(f"ids kept                         {len(kept)} of {len(old)} (removed: {len(removed)} {removed})")
    print(f"new ids                          {len(added)}")
    print(f"kept cards rewritten             {len(rewritten)}")
    print(f"kept cards changed only by label {len(label_only)}")
    print(f"cards split (old cards with >=1 new card holding >= {SPLIT_SHARE:.0%} of its words): {len(split)}"
          f"; new cards so attributed: {len(parents)} of {len(added)}")
    print(f"questions starting 'Front:'      {f_old['front_label']} -> {f_new['front_label']}")
    print(f"cards with an over-long answer   {f_old['long_cards']} -> {f_new['long_cards']} (the lint's rule: > 40 words of prose or a code block > 12 lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
