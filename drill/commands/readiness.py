"""``drill readiness [--json]``: exam readiness per category and overall (see docs/readiness.md)."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    print("readiness: coming in this build")
    return 0
