"""Benchmark of the store (run on demand: ``python bench/bench_store.py``; not a test).

* one durable answer (batch: put item state + append review) with 1,000 and with 100,000
  reviews already in the log, side by side, and their ratio;
* plain TinyDB JSONStorage insert with 50,000 documents, for comparison;
* reading every record of a 200,000-review log (~3 years of day files), and the last 30 days;
* ``--scale``: the real answer path (``StudySession.answer``: item state, review, study-day log)
  and Today's reads (``StudySession.summary``) at 1k, 100k and 1M reviews of history, side by
  side in one run, with 1 % of the reviews dated after today (a clock that went back).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drill.store import Store  # noqa: E402

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=timezone.utc)
ITEMS = 300
YEARS_DAYS = 3 * 365


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def item_state(item_id: str, at: datetime, rng: random.Random) -> dict:
    return {
        "id": item_id,
        "kind": "card",
        "state": 2,
        "step": None,
        "stability": round(rng.uniform(0.5, 120), 4),
        "difficulty": round(rng.uniform(1, 10), 4),
        "due": iso(at + timedelta(days=rng.randint(1, 60))),
        "last_review": iso(at),
        "introduced": iso(at - timedelta(days=rng.randint(0, 300))),
        "suspended": False,
        "buried_until": None,
    }


def review(at: datetime, rng: random.Random) -> dict:
    item_id = f"card-{rng.randrange(ITEMS):04d}"
    return {
        "id": uuid.UUID(int=rng.getrandbits(128)).hex,
        "item_id": item_id,
        "kind": "card",
        "rating": rng.randint(1, 4),
        "at": iso(at),
        "duration_ms": rng.randint(1500, 30000),
        "before": item_state(item_id, at - timedelta(days=3), rng),
        "after": item_state(item_id, at, rng),
    }


def history(n: int, rng: random.Random) -> list[dict]:
    """``n`` reviews before today over the last ~3 years, study days with 80-200 answers
    (when ``n`` is small, only the most recent study days)."""
    out: list[dict] = []
    day = 1
    while len(out) < n:
        count = min(rng.randint(80, 200), n - len(out))
        start = (NOW - timedelta(days=day)).replace(hour=7, minute=0, second=0, microsecond=0)
        out.extend(review(start + timedelta(seconds=i * 20), rng) for i in range(count))
        # skip days so that 100k reviews span about three years
        day += 1 + (rng.random() < 0.4) * rng.randint(1, 2)
    return out


def seeded_home(n: int, rng: random.Random) -> tuple[Path, Store]:
    home = Path(tempfile.mkdtemp(prefix=f"drill-bench-{n}-"))
    store = Store.open(home, now=NOW)
    data = store.export_all()
    data["tables"] = {
        "items": {f"card-{i:04d}": item_state(f"card-{i:04d}", NOW - timedelta(days=2), rng) for i in range(ITEMS)},
        "settings": {"settings": {"new_per_day": 20, "reviews_per_day": 200}},
    }
    data["logs"] = {"reviews": history(n, rng)}
    t0 = time.perf_counter()
    store.import_all(data)
    took = time.perf_counter() - t0
    files = sum(1 for _ in (home / "log").rglob("*.json"))
    print(f"  seeded {n:>7,} reviews in {files:>4} day files ({took:.1f} s via import_all)")
    return home, store


def time_answers(store: Store, answers: int, rng: random.Random) -> list[float]:
    """Answer ``answers`` times today (today's day file grows from 0 to ``answers``)."""
    out = []
    for i in range(answers):
        rev = review(NOW + timedelta(seconds=i * 15), rng)
        t0 = time.perf_counter()
        with store.batch():
            store.put("items", rev["item_id"], rev["after"])
            store.append("reviews", rev)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_answers(answers: int) -> None:
    print(f"Durable answer (batch: put item state + append review), {answers} answers each:")
    rng = random.Random(1)
    results = {}
    homes = []
    for n in (1_000, 100_000):
        home, store = seeded_home(n, rng)
        homes.append(home)
        results[n] = (home, store)
    # interleave rounds so machine noise hits both alike
    times: dict[int, list[float]] = {n: [] for n in results}
    rounds = 4
    for _ in range(rounds):
        for n, (_, store) in results.items():
            times[n].extend(time_answers(store, answers // rounds, rng))
    for n, ts in times.items():
        ts.sort()
        print(
            f"  {n:>7,} reviews in history: median {statistics.median(ts):6.2f} ms"
            f"   p90 {ts[int(0.9 * len(ts))]:6.2f} ms   max {ts[-1]:6.2f} ms"
        )
    m1, m2 = (statistics.median(times[n]) for n in (1_000, 100_000))
    print(f"  ratio 100k / 1k (median): {m2 / m1:.2f}x")
    for _, store in results.values():
        store.close()
    for home in homes:
        shutil.rmtree(home, ignore_errors=True)


def bench_plain_tinydb(n: int) -> None:
    from tinydb import TinyDB
    from tinydb.storages import JSONStorage

    rng = random.Random(2)
    folder = Path(tempfile.mkdtemp(prefix="drill-bench-tinydb-"))
    db = TinyDB(folder / "db.json", storage=JSONStorage)
    db.insert_multiple(history(n, rng))
    ts = []
    for _ in range(3):
        rev = review(NOW, rng)
        t0 = time.perf_counter()
        db.insert(rev)  # rewrites the whole file, in place, without fsync
        ts.append((time.perf_counter() - t0) * 1000)
    db.close()
    size = (folder / "db.json").stat().st_size / 1e6
    print(f"Plain TinyDB JSONStorage, one insert with {n:,} documents ({size:.0f} MB file): median {statistics.median(ts):.0f} ms")
    shutil.rmtree(folder, ignore_errors=True)


def bench_read(n: int) -> None:
    rng = random.Random(3)
    home, store = seeded_home(n, rng)
    store.close()
    store = Store.open(home, now=NOW)
    t0 = time.perf_counter()
    count = sum(1 for _ in store.records("reviews"))
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    recent = sum(1 for _ in store.records("reviews", since=NOW - timedelta(days=30)))
    month = time.perf_counter() - t0
    print(f"Read all {count:,} records (time order): {full:.2f} s; last 30 days ({recent:,} records): {month * 1000:.0f} ms")
    store.close()
    shutil.rmtree(home, ignore_errors=True)


def _write_log(home: Path, log: str, records: list[dict]) -> None:
    """Lay records out as day files directly (seeding a million reviews through import_all would
    need gigabytes of memory; the files are what the store itself writes)."""
    import json

    from drill.store.layout import RECORDS_TABLE, parse_at, partition_relpath

    by_day: dict = {}
    for rec in records:
        by_day.setdefault(parse_at(rec["at"]).date(), {})[rec["id"]] = rec
    for day, recs in by_day.items():
        path = home / partition_relpath(log, day)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({RECORDS_TABLE: recs}, separators=(",", ":")))


def scale_home(n: int, card_ids: list[str], rng: random.Random) -> Path:
    """A version-2 data folder with ``n`` reviews before today (80-200 a study day, going back as
    far as needed), their study-day records, and n/100 reviews dated in the next 60 days."""
    import json

    from drill.store.migrations import SCHEMA_VERSION

    home = Path(tempfile.mkdtemp(prefix=f"drill-scale-{n}-"))
    items = {cid: {"id": cid, "kind": "card", "state": 2, "step": None, "stability": round(rng.uniform(1, 90), 3),
                   "difficulty": round(rng.uniform(1, 10), 3), "due": iso(NOW + timedelta(days=rng.randint(-3, 40))),
                   "last_review": iso(NOW - timedelta(days=2)), "introduced": iso(NOW - timedelta(days=300))}
             for cid in card_ids}
    main_doc = {"meta": {"store": {"schema_version": SCHEMA_VERSION}}, "items": items,
                "settings": {"settings": {"timezone": "UTC", "rollover_hour": 4}}}
    (home / "drill.json").write_text(json.dumps(main_doc))
    done, day, chunk, days = 0, 1, [], []
    while done < n:
        count = min(rng.randint(80, 200), n - done)
        start = (NOW - timedelta(days=day)).replace(hour=7, minute=0, second=0, microsecond=0)
        days.append({"id": (start.date()).isoformat(), "at": iso(start)})
        chunk.extend({"id": uuid.UUID(int=rng.getrandbits(128)).hex, "item_id": rng.choice(card_ids), "kind": "card",
                      "rating": rng.randint(1, 4), "at": iso(start + timedelta(seconds=i * 20)), "duration_ms": 4000,
                      "before": None} for i in range(count))
        done += count
        day += 1 + (rng.random() < 0.4) * rng.randint(1, 2)
        if len(chunk) > 200_000:
            _write_log(home, "reviews", chunk)
            chunk = []
    future = [{"id": uuid.UUID(int=rng.getrandbits(128)).hex, "item_id": rng.choice(card_ids), "kind": "card", "rating": 3,
               "at": iso(NOW + timedelta(days=rng.randint(1, 60), minutes=rng.randint(0, 600))), "duration_ms": 4000,
               "before": None} for _ in range(n // 100)]
    _write_log(home, "reviews", chunk + future)
    _write_log(home, "days", days)
    return home


def bench_scale(sizes: list[int], reps: int) -> None:
    """Answer and Today at each size, interleaved round by round so machine noise hits all alike.

    Today is timed twice: ``StudySession.summary`` (the session's own figures) and the whole of
    what Today's worker computes after the first frame (``agenda_for``: the queue, plan, hours,
    drills; then ``readiness_for``: the readiness panel, from the per-day cache)."""
    from drill.content.decks import load_decks
    from drill.paths import content_root
    from drill.progress.evidence import readiness_for
    from drill.progress.today import agenda_for, shipped_drills
    from drill.session import StudySession

    decks = load_decks(content_root() / "decks")
    card_ids = list(decks.cards)[:300]
    drills = shipped_drills()
    rng = random.Random(7)
    sessions = {}

    def today_screen(session, parts: list | None = None) -> None:
        t0 = time.perf_counter()
        agenda_for(session)
        t1 = time.perf_counter()
        readiness_for(session.store, session.settings, session.cards, session.clock(), drills=drills)
        if parts is not None:
            parts.append(((t1 - t0) * 1000, (time.perf_counter() - t1) * 1000))

    for n in sizes:
        t0 = time.perf_counter()
        home = scale_home(n, card_ids, rng)
        files = sum(1 for _ in (home / "log").rglob("*.json"))
        seeded = time.perf_counter() - t0
        t0 = time.perf_counter()
        store = Store.open(home, now=NOW)
        opened = time.perf_counter() - t0
        clock = [NOW + timedelta(hours=1)]
        session = StudySession(store, decks=decks, clock=lambda c=clock: c[0])
        t0 = time.perf_counter()
        today_screen(session)  # the first read ever fills the per-day cache (in Today's worker: no freeze)
        first = time.perf_counter() - t0
        sessions[n] = (home, store, session, clock)
        print(f"  seeded {n:>9,} reviews ({n // 100:,} of them after today) in {files:,} day files, {seeded:.0f} s; "
              f"Store.open (first of the day: backup) {opened:.2f} s; first Today (fills the cache) {first:.2f} s")
    answer: dict[int, list[float]] = {n: [] for n in sizes}
    today: dict[int, list[float]] = {n: [] for n in sizes}
    screen: dict[int, list[float]] = {n: [] for n in sizes}
    split: dict[int, list] = {n: [] for n in sizes}
    for r in range(reps):
        for n, (_, _, session, clock) in sessions.items():
            for i in range(10):
                clock[0] += timedelta(seconds=20)
                t0 = time.perf_counter()
                session.answer(card_ids[(r * 10 + i) % len(card_ids)], 3)
                answer[n].append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            session.summary()
            today[n].append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            today_screen(session, split[n])
            screen[n].append((time.perf_counter() - t0) * 1000)
    base = sizes[0]
    med = statistics.median
    print(f"  {'reviews':>9}  {'answer median':>13}  {'x 1k':>5}  {'Today (summary)':>15}  {'x 1k':>5}  "
          f"{'Today screen (agenda+readiness)':>31}  {'x 1k':>5}")
    for n in sizes:
        a, t, w = med(answer[n]), med(today[n]), med(screen[n])
        print(f"  {n:>9,}  {a:>10.2f} ms  {a / med(answer[base]):>4.2f}x  {t:>12.1f} ms  {t / med(today[base]):>4.2f}x  "
              f"{w:>28.1f} ms  {w / med(screen[base]):>4.2f}x   (agenda {med(x[0] for x in split[n]):.1f} ms, "
              f"readiness {med(x[1] for x in split[n]):.1f} ms)")
    for home, store, _, _ in sessions.values():
        store.close()
        shutil.rmtree(home, ignore_errors=True)


def bench_open(sizes: list[int]) -> None:
    """Store.open (before the app's first frame) at each size: the first open ever (the day's
    snapshot copies every file), the first of a new day (hard links to yesterday's), again."""
    from drill.content.decks import load_decks
    from drill.paths import content_root

    card_ids = list(load_decks(content_root() / "decks").cards)[:300]
    for n in sizes:
        home = scale_home(n, card_ids, random.Random(7))
        files = sum(1 for _ in (home / "log").rglob("*.json"))
        took = []
        for now in (NOW - timedelta(days=1), NOW, NOW + timedelta(hours=1), NOW + timedelta(days=1)):
            t0 = time.perf_counter()
            Store.open(home, now=now).close()
            took.append(time.perf_counter() - t0)
        print(f"  {n:>9,} reviews, {files:>6,} day files: first open ever {took[0]:6.2f} s · first of a new day "
              f"{took[1]:5.2f} s, {took[3]:5.2f} s · again the same day {took[2]:5.2f} s")
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--no-tinydb", action="store_true", help="skip the plain TinyDB comparison")
    parser.add_argument("--scale", action="store_true", help="only the answer/Today scale run (1k, 100k, 1M reviews)")
    parser.add_argument("--sizes", default="1000,100000,1000000", help="history sizes for --scale")
    parser.add_argument("--reps", type=int, default=10, help="rounds for --scale (10 answers + one Today each)")
    parser.add_argument("--open", action="store_true", help="only Store.open with its daily backup at --sizes")
    args = parser.parse_args()
    if args.open:
        print("Store.open (before the first frame), with the day's backup:")
        bench_open([int(s) for s in args.sizes.split(",")])
        return
    if args.scale:
        print(f"Answer (StudySession.answer) and Today (StudySession.summary), {args.reps} rounds:")
        bench_scale([int(s) for s in args.sizes.split(",")], args.reps)
        return
    bench_answers(args.answers)
    if not args.no_tinydb:
        bench_plain_tinydb(50_000)
    bench_read(200_000)


if __name__ == "__main__":
    main()
