"""``drill readiness [--json]``: exam readiness per category and overall (see docs/readiness.md)."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def render(result, exam_date, width: int | None = 78, heading: bool = True) -> str:
    """The readiness report as plain text (also used by the stats screen), at most ``width``
    columns: prose wraps between words, and the best drill's id is shortened at a word boundary
    (its score kept) when the table would not fit; ``width=None`` prints everything whole. The
    stats screen leaves out the ``heading`` (its tab names it)."""
    from drill.textout import table, wrap
    from drill.wording import shorten

    when = f"on exam day {exam_date:%a %d %b %Y}" if exam_date else "if the exam were today (no exam date: `drill settings --exam-date`)"
    mock = any(c.mock is not None for c in result.categories)
    header = ("category", "score/5", "range", "best drill", "recall", "cards", "skills") + (("mock",) if mock else ())
    rows = [[c.category, f"{c.expected:.1f}", f"{c.low:.1f}–{c.high:.1f}", "", f"{c.concept_recall:.0%}",
             f"{c.cards_seen}/{c.cards}", f"{c.coverage:.0%}"] + ([f"{c.mock:g}" if c.mock is not None else "-"] if mock else [])
            for c in result.categories]
    # the room the other columns leave the best drill, so its score stays and only the id shortens
    others = 2 + sum(max(len(r[i]) for r in [*rows, header]) for i in range(len(header)) if i != 3) + 2 * (len(header) - 1)
    room = None if width is None else max(len("never drilled"), width - others)
    for row, c in zip(rows, result.categories):
        score = f" ({c.drill_score:.1f})"
        row[3] = "never drilled" if not c.best_drill else (
            (c.best_drill if room is None else shorten(c.best_drill, room - len(score))) + score)
    lines = [
        *(wrap(f"Readiness {when}", width) if heading else []),
        f"  expected score  {result.expected_percent:.0f} %  (range {result.low_percent:.0f}–{result.high_percent:.0f} %)",
        f"  chance of ≥ 90 %  {100 * result.pass_probability:.0f} %  (range {100 * result.pass_low:.0f}–{100 * result.pass_high:.0f} %)",
        "",
        *table(rows, header, width=None, align="<><<>>>>", indent="  "),
        "", f"  weakest: {result.weakest}",
        *wrap(f"next: {result.next_action}", width, indent="  ", hanging="        "),
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from drill.content.decks import load_decks
    from drill.progress.evidence import readiness_for
    from drill.session import deck_folders, load_settings, utc_now
    from drill.store import Store

    store = Store.open(args.home)
    try:
        settings = load_settings(store)
        decks = load_decks(*deck_folders(store.home))
        cards = decks.cards
        result = readiness_for(store, settings, cards, utc_now())
        from drill.progress.daily import warn_left_out

        if args.json:
            data = result.as_json()
            data["exam_date"] = settings.exam_date.isoformat() if settings.exam_date else None
            code = warn_left_out(store.home, settings, data, decks)  # damaged day files: said, never skipped in silence
            print(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            from drill.textout import output_width

            print(render(result, settings.exam_date, output_width(args.wide)))
            code = warn_left_out(store.home, settings, decks=decks)
        return code
    finally:
        store.close()
