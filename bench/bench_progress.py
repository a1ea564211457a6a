"""Progress benchmark: stats, plan and readiness over three years of heavy use.

Builds a data folder with 200,000 reviews, 2,000 drill submissions and 5,000 time entries
spread over 3 years (written straight into the day-partitioned log format), then times:
the first (cold) read that fills the daily cache, warm reads, each of stats / readiness / plan,
and opening the stats screen headless at 80×24. Targets: ≤ 300 ms for the computations,
≤ 0.5 s for the screen.

    python bench/bench_progress.py [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

REVIEWS, SUBMISSIONS, TIME_ENTRIES, DAYS = 200_000, 2_000, 5_000, 3 * 365
NOW = datetime(2029, 11, 20, 12, tzinfo=timezone.utc)


def build(home: Path) -> None:
    from drill.content.decks import load_decks
    from drill.models import Settings
    from drill.progress.evidence import load_drills
    from drill.schedule.memory import review_item
    from drill.session import deck_folders
    from drill.store import Store
    from drill.store.atomic import write_json_atomic
    from drill.store.layout import partition_relpath

    rng = random.Random(7)
    settings = Settings(enable_fuzzing=False, timezone="UTC", exam_date=(NOW + timedelta(days=10)).date())
    cards = list(load_decks(*deck_folders(home)).cards)
    items = cards + [f"syn-{i}" for i in range(2000 - len(cards))]
    drills = [d for d, info in load_drills().items() if info.parent is None] or ["linear-dense"]
    start = NOW - timedelta(days=DAYS)
    logs: dict[str, dict] = {"reviews": {}, "submissions": {}, "time": {}}

    def add(log: str, rec: dict) -> None:
        day = datetime.fromisoformat(rec["at"]).date()
        logs[log].setdefault(day, {})[rec["id"]] = rec

    states = {}
    for i in range(REVIEWS):
        at = start + timedelta(seconds=rng.randrange(DAYS * 86400))
        item = rng.choice(items)
        before = states.get(item)
        rating = rng.choices((1, 2, 3, 4), (1, 1, 8, 1))[0]
        rec = {"id": uuid.UUID(int=rng.getrandbits(128)).hex, "item_id": item, "kind": "card", "rating": rating,
               "at": at.isoformat(), "duration_ms": rng.randrange(2000, 30000),
               "before": None if before is None else before.model_dump(mode="json")}
        add("reviews", rec)
        if i % 50 == 0 or before is None:  # keep state realistic without 200k FSRS calls
            states[item] = review_item(before if before and before.last_review and before.last_review <= at else None,
                                       item, "card", rating, at, settings)
    for i in range(SUBMISSIONS):
        at = start + timedelta(seconds=rng.randrange(DAYS * 86400))
        add("submissions", {"id": uuid.uuid4().hex, "drill_id": rng.choice(drills), "score": rng.randrange(6),
                            "at": at.isoformat()})
    for i in range(TIME_ENTRIES):
        at = start + timedelta(seconds=rng.randrange(DAYS * 86400))
        add("time", {"id": uuid.uuid4().hex[:12], "at": at.isoformat(), "day": at.date().isoformat(),
                     "minutes": rng.randrange(10, 180), "source": "manual", "activity": None,
                     "topic": rng.choice(("dev", "nn", "img", "nlp", "ts")),
                     "resource": rng.choice(("course", "book", "docs", "practice")), "note": ""})
    with Store.open(home, now=NOW) as store:
        with store.batch():
            store.put("settings", "settings", settings.model_dump(mode="json"))
            for item, state in states.items():
                store.put("items", item, state.model_dump(mode="json"))
    for log, days in logs.items():
        for day, recs in days.items():
            path = home / partition_relpath(log, day)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_json_atomic(path, {"records": recs}, sync_dir=False)


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the data folder here")
    args = parser.parse_args()
    home = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="drill-bench-"))
    try:
        if not (home / "drill.json").exists():
            t0 = time.perf_counter()
            build(home)
            print(f"built {home} in {time.perf_counter() - t0:.1f}s")
        from drill.content.decks import load_decks
        from drill.progress.daily import LOGS, cache_file, load_daily
        from drill.progress.evidence import build_evidence, load_drills
        from drill.progress.overview import overview
        from drill.readiness import assess
        from drill.session import StudySession, deck_folders, load_settings
        from drill.store import Store

        store = Store.open(home, now=NOW)
        settings = load_settings(store)
        cards = load_decks(*deck_folders(home)).cards
        drills = load_drills()
        for log in LOGS:
            (home / cache_file(log)).unlink(missing_ok=True)
        t0 = time.perf_counter()
        daily = load_daily(home, settings)
        print(f"cold daily aggregate (reads every day file once): {(time.perf_counter() - t0) * 1000:.0f} ms "
              f"[{sum(a['n'] for a in daily.reviews.values())} reviews, {len(daily.submissions)} submissions, "
              f"{sum(1 for _ in daily.time)} study days with time]")
        rows = {
            "daily aggregate (warm cache)": lambda: load_daily(home, settings),
            "readiness (evidence + assess)": lambda: assess(build_evidence(
                store, settings, cards, drills, NOW, subs=load_daily(home, settings).submissions)),
            "stats + readiness + plan (overview)": lambda: overview(store, settings, cards, NOW, drills=drills, save=False),
        }
        for name, fn in rows.items():
            med, worst = timed(fn, args.runs)
            print(f"{name:<40} median {med:6.0f} ms   max {worst:6.0f} ms")

        from drill.tui.app import DrillApp

        class Clock:
            def __call__(self):
                return NOW

        async def open_stats() -> float:
            app = DrillApp(StudySession(store, clock=Clock()))
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                t0 = time.perf_counter()
                app.open_screen("stats")
                await pilot.pause()
                elapsed = time.perf_counter() - t0
                assert type(app.screen).__name__ == "StatsScreen"
            return elapsed * 1000

        samples = [asyncio.run(open_stats()) for _ in range(max(2, args.runs // 2))]
        print(f"{'stats screen open (80x24, headless)':<40} median {statistics.median(samples):6.0f} ms   "
              f"max {max(samples):6.0f} ms")
        store.close()
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
