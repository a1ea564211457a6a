"""Notes search speed: 500 notes of 60 lines, one query, median of N runs (target: well under 50 ms).

    python bench/bench_notes_search.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from drill.content.notes import Note, search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    body = "\n".join(f"line {i} about layers, tensors and training loops" for i in range(60))
    notes = [
        Note(id=f"n{i}", title=f"Note number {i}", body=body + ("\nthe rare word lstm" if i % 7 == 0 else ""),
             skills=(), path=Path(f"n{i}.md"), body_line=7)
        for i in range(500)
    ]
    search(notes, "warm up")
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        search(notes, "lstm training")
        times.append((time.perf_counter() - start) * 1000)
    print(f"notes search, 500 notes: median {statistics.median(times):.1f} ms (min {min(times):.1f}, {args.runs} runs)")


if __name__ == "__main__":
    main()
