"""``drill doctor``: check Python, TensorFlow/Keras, GPU, disk, memory and run two tiny trainings."""

from __future__ import annotations

import argparse

MARKS = {"ok": "[green]✓[/]", "warn": "[yellow]![/]", "fail": "[red]✗[/]", "info": "[blue]·[/]"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--quick", action="store_true", help="skip the TensorFlow import and the two tiny trainings")
    from drill.textout import add_wide_flag

    add_wide_flag(parser)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from drill.doctor import as_json, passed, run_doctor

    from drill.textout import output_width

    # the terminal's width (80 in a pipe), words wrapped whole by rich; --wide: one line per finding
    console = Console(width=output_width(getattr(args, "wide", False)) or 10_000)
    if args.json:
        findings = run_doctor(args.home, runs=not args.quick)
        print(as_json(findings))
        return 0 if passed(findings) else 1
    with console.status("Checking this machine (the two tiny trainings take a few seconds)…"):
        findings = run_doctor(args.home, runs=not args.quick)
    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("")
    table.add_column("check")
    table.add_column("result", overflow="fold")  # a path wider than the column folds, whole, not "…"
    for finding in findings:
        detail = finding.detail + (f"\n[dim]→ {finding.hint}[/]" if finding.hint else "")
        table.add_row(MARKS[finding.status], finding.name, detail)
    console.print(table)
    ok = passed(findings)
    console.print("[bold green]Ready.[/] Everything drill's training runs need is here (the · lines are notes, not problems)." if ok
                  else "[bold red]Not ready.[/] Fix the ✗ lines (hints above), then run `drill doctor` again.")
    return 0 if ok else 1
