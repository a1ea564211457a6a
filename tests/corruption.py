"""A data folder with every kind of data file, and the ways a file gets damaged (for the matrix).

``build_home`` fills a folder through drill's own use cases (answers, time log, attempts and
submissions, a finished mock exam, readiness snapshots, settings with an exam date, the daily
cache, a learner's deck and note). ``CASES`` names each damage: a whole-file mutation of one
data file, or a bad value inside a valid file.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from drill.store.layout import partition_relpath

USER_DECK = """# Deck: mine
## my-own-card
skills: nn.build
resource: book

What does `model.summary()` print?

---

Each layer's output shape and parameter count.
"""

USER_NOTE = "# My note\n\nEarly stopping watches val_loss.\n"


def build_home(home: Path) -> dict[str, Path]:
    """Fill ``home`` with real data; return the data files by kind (paths relative to ``home``)."""
    from drill.attempts import ATTEMPTS, Attempt, Submission
    from drill.cli import main
    from drill.exam import EXAMS, Exam, ExamSubmission, ExamTask
    from drill.progress.timebook import TimeBook
    from drill.session import StudySession, load_settings
    from drill.store import Store

    now = datetime.now(timezone.utc)
    old = now - timedelta(days=3)
    assert main(["--home", str(home), "settings", "--exam-date", (now + timedelta(days=40)).date().isoformat()]) == 0
    with Store.open(home) as store:
        for when in (old, now):
            session = StudySession(store, clock=lambda when=when: when)
            for card in list(session.queue(when).new)[:3]:
                session.answer(card.id if hasattr(card, "id") else card, 3)
        book = TimeBook(store, load_settings(store), clock=lambda: now)
        book.log("1h", topic="nn", resource="book", day=old.date().isoformat())
        started = old - timedelta(hours=1)
        attempt = Attempt(id="a1", drill_id="linear-dense", workspace=str(home / "workspaces" / "a1"),
                          started_at=started, time_budget_min=30, submissions=1, best_score=4, last_score=4)
        store.put(ATTEMPTS, attempt.id, attempt.model_dump(mode="json"))
        sub = Submission(id="s1", at=old, attempt_id="a1", drill_id="linear-dense", score=4, code="x = 1\n", result={})
        store.append("submissions", sub.model_dump(mode="json"))
        tasks = [ExamTask(category=c, drill_id="linear-dense") for c in ("regression", "classic", "vision", "text", "series")]
        tasks[0].submissions.append(ExamSubmission(at=old, score=3, sample_seed=1))
        exam = Exam(id="e1", started_at=started, ended_at=old, tasks=tasks)
        store.put(EXAMS, exam.id, exam.model_dump(mode="json"))
    for argv in (["readiness"], ["plan"]):  # a readiness snapshot, the plan baseline, the daily cache
        assert main(["--home", str(home), *argv]) in (0,)
    (home / "decks").mkdir(exist_ok=True)
    (home / "decks" / "mine.md").write_text(USER_DECK, encoding="utf-8")
    (home / "notes").mkdir(exist_ok=True)
    (home / "notes" / "mine.md").write_text(USER_NOTE, encoding="utf-8")
    (home / "journal.jsonl").write_text("", encoding="utf-8")
    return {
        "drill.json": Path("drill.json"),
        "journal": Path("journal.jsonl"),
        "reviews-today": partition_relpath("reviews", now.date()),
        "reviews-old": partition_relpath("reviews", old.date()),
        "time-day": partition_relpath("time", (old.replace(hour=12)).date()),
        "submissions-day": partition_relpath("submissions", old.date()),
        "readiness-day": sorted((home / "log" / "readiness").rglob("*.json"))[-1].relative_to(home),
        "cache": Path("cache", "progress-v1-reviews.json"),
        "days-day": sorted((home / "log" / "days").rglob("*.json"))[-1].relative_to(home),
        "user-deck": Path("decks", "mine.md"),
        "user-note": Path("notes", "mine.md"),
    }


FILE_MUTATIONS: dict[str, Callable[[bytes], bytes]] = {
    "truncate": lambda b: b[: max(1, len(b) // 2)] if b else b"{",
    "garbage": lambda b: b"\x00\x13 not json {{{" + bytes(range(1, 40)),
    "empty": lambda b: b"",
    "bad-utf8": lambda b: (b[:12] + b"\xff\xfe\xfd" + b[12:]) if len(b) > 12 else b"\xff\xfe\xfd",
    "wrong-shape": lambda b: b"[1, 2, 3]\n",
}


def _json_edit(rel: str, edit: Callable[[dict], None]) -> Callable[[Path, dict[str, Path]], Path]:
    def apply(home: Path, files: dict[str, Path]) -> Path:
        path = home / files[rel]
        data = json.loads(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return apply


def _first(d: dict) -> dict:
    return d[next(iter(d))]


def _set_record(field: str, value) -> Callable[[dict], None]:
    return lambda data: _first(data["records"]).__setitem__(field, value)


VALUE_CASES: dict[str, Callable[[Path, dict[str, Path]], Path]] = {
    "items: due 'never'": _json_edit("drill.json", lambda d: _first(d["items"]).__setitem__("due", "never")),
    "items: a string, not a document": _json_edit("drill.json", lambda d: d["items"].__setitem__(next(iter(d["items"])), "x")),
    "settings: unknown time zone": _json_edit("drill.json", lambda d: d["settings"]["settings"].__setitem__("timezone", "Mars/Olympus_Mons")),
    "settings: new cards a day -5": _json_edit("drill.json", lambda d: d["settings"]["settings"].__setitem__("new_per_day", -5)),
    "attempts: best score 9": _json_edit("drill.json", lambda d: d["attempts"]["a1"].__setitem__("best_score", 9)),
    "exams: tasks 'none'": _json_edit("drill.json", lambda d: d["exams"]["e1"].__setitem__("tasks", "none")),
    "plan baseline: total 'lots'": _json_edit("drill.json", lambda d: _first(d["plan"]).__setitem__("total", "lots")),
    "days: not a study day": _json_edit("days-day", _set_record("id", "someday")),
    "reviews: rating 9": _json_edit("reviews-today", _set_record("rating", 9)),
    "reviews (old day): at 'yesterday'": _json_edit("reviews-old", _set_record("at", "yesterday")),
    "time: minutes -500": _json_edit("time-day", _set_record("minutes", -500)),
    "submissions: score 'high'": _json_edit("submissions-day", _set_record("score", "high")),
    "readiness: categories garbage": _json_edit("readiness-day", _set_record("categories", 7)),
    "cache: wrong-shape entries": _json_edit("cache", lambda d: d.__setitem__("logs", {"reviews": {"2020-01-01": [1]}, "time": 3})),
}


def file_case(kind: str, mutation: str) -> Callable[[Path, dict[str, Path]], Path]:
    def apply(home: Path, files: dict[str, Path]) -> Path:
        path = home / files[kind]
        path.write_bytes(FILE_MUTATIONS[mutation](path.read_bytes()))
        return path

    return apply


def copy_home(template: Path, home: Path) -> None:
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(template, home, symlinks=True)
