"""``drill readiness [--json]``: exam readiness per category and overall (see docs/readiness.md)."""

from __future__ import annotations

import argparse
import json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def render(result, exam_date, width: int = 78) -> str:
    """The readiness report as plain text (also used by the stats screen), at most ``width``
    columns: the table is sized for 80, prose lines wrap at word boundaries."""
    import textwrap

    when = f"on exam day {exam_date}" if exam_date else "if the exam were today (no exam date: `drill settings --exam-date`)"
    mock = any(c.mock is not None for c in result.categories)
    lines = [
        *textwrap.wrap(f"Readiness {when}", width, subsequent_indent="  "),
        f"  expected score  {result.expected_percent:.0f} %  (range {result.low_percent:.0f}–{result.high_percent:.0f} %)",
        f"  chance of ≥ 90 %  {result.pass_probability:.0%}  (range {result.pass_low:.0%}–{result.pass_high:.0%})",
        "",
        f"  {'category':<11}{'score/5':>7}  {'range':<8} {'best drill':<19}{'recall':>7}{'cards':>8}{'skills':>7}"
        + (f"{'mock':>6}" if mock else ""),
    ]
    for c in result.categories:
        drill = f"{c.best_drill or '-'} ({c.drill_score:.1f})" if c.best_drill else "never drilled"
        if len(drill) > 18:  # keep the score: shorten the drill id with an ellipsis
            drill = f"{(c.best_drill or '-')[: 18 - len(f' ({c.drill_score:.1f})') - 1]}… ({c.drill_score:.1f})"
        lines.append(
            f"  {c.category:<11}{c.expected:>7.1f}  {f'{c.low:.1f}–{c.high:.1f}':<8} {drill:<19}"
            f"{c.concept_recall:>7.0%}{f'{c.cards_seen}/{c.cards}':>8}{c.coverage:>7.0%}"
            + ((f"{c.mock:>6g}" if c.mock is not None else f"{'-':>6}") if mock else "")
        )
    lines += ["", f"  weakest: {result.weakest}"]
    lines += textwrap.wrap(f"  next: {result.next_action}", width, subsequent_indent="        ")
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
            print(render(result, settings.exam_date))
            code = warn_left_out(store.home, settings, decks=decks)
        return code
    finally:
        store.close()
