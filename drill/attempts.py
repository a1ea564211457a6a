"""Use cases of a coding drill: start an attempt, submit, reveal a hint, close and rate it.

An attempt is a fresh workspace (``<home>/workspaces/<drill>/<attempt id>/solution.py``, copied
from the starter; stored relative to the data folder, so a copied or restored folder uses its own), the checks run on it (each stored as a submission with a copy of the code),
the hints revealed, and, once closed, the FSRS rating its outcome earned.

Storage (``drill.store.Store`` API): table ``attempts`` keyed by attempt id; table ``items``
keyed by drill id (``ItemState``, kind "drill"; a variant shares its drill's schedule); log
``submissions``. The clock is passed in, so tests run on fixed time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pydantic import Field, PrivateAttr, field_validator

from drill.content.exercises import DrillSpec, Exercise
from drill.content.instances import pick_instance
from drill.errors import ContentError, UsageError
from drill.models import ItemState, Record, Review, Settings, utc

ATTEMPTS = "attempts"
ITEMS = "items"
SUBMISSIONS = "submissions"
REVIEWS = "reviews"
SOLUTION_FILE = "solution.py"
WORKSPACES = "workspaces"
MAX_CODE_BYTES = 200_000  # a submission keeps at most this much of the code


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Attempt(Record):
    """One go at a drill, on one of its instances."""

    id: str
    drill_id: str
    variant: str | None = None  # records from before instances: the former variant id (an instance alias)
    instance: str | None = None  # None on records from before instances: the drill's first instance
    seed: int | None = None  # the generator's seed of a generated instance, recorded for reproducibility
    workspace: str  # relative to the data folder ("workspaces/<drill>/<id>"); old records: absolute
    started_at: datetime
    closed_at: datetime | None = None
    time_budget_min: int = Field(gt=0)
    hints_used: int = Field(0, ge=0)
    submissions: int = Field(0, ge=0)
    best_score: int = Field(0, ge=0, le=5)
    last_score: int | None = None
    rating: int | None = Field(None, ge=1, le=4)

    _utc = field_validator("started_at", "closed_at")(lambda v: None if v is None else utc(v))
    _home: Path | None = PrivateAttr(None)

    def in_home(self, home: Path) -> Attempt:
        """This attempt with its workspace resolved against the data folder ``home``."""
        self._home = Path(home)
        return self

    @property
    def workspace_path(self) -> Path:
        """The workspace folder: relative paths resolve in the data folder; an absolute one from an
        older version resolves there too when it has a ``workspaces`` part (a moved folder)."""
        path = Path(self.workspace)
        if self._home is None:
            return path
        if not path.is_absolute():
            return self._home / path
        parts = path.parts
        if WORKSPACES in parts:
            return self._home.joinpath(*parts[len(parts) - 1 - parts[::-1].index(WORKSPACES):])
        return path

    @property
    def solution(self) -> Path:
        return self.workspace_path / SOLUTION_FILE

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Submission(Record):
    """One check of an attempt's code (log ``submissions``)."""

    id: str
    at: datetime
    attempt_id: str
    drill_id: str
    variant: str | None = None
    instance: str | None = None
    score: int = Field(ge=0, le=5)
    error_kind: str | None = None
    code: str
    result: dict

    _utc = field_validator("at")(lambda v: utc(v))


def rate_outcome(best_score: int, hints_used: int, submissions: int, elapsed: timedelta, budget: timedelta) -> int:
    """FSRS rating (1 Again … 4 Easy) an attempt's outcome earns.

    =========================================================  ==========
    outcome                                                     rating
    =========================================================  ==========
    never reached 5/5 (or never checked)                        1 Again
    5/5 with ≥ 2 hints, or > 5 checks, or over 1.5 × budget     2 Hard
    5/5 with 1 hint, or 3–5 checks, or over the budget          3 Good
    5/5, no hint, ≤ 2 checks, within the budget                 4 Easy
    =========================================================  ==========

    The first row that matches wins (so 5/5 with 2 hints is Hard even when quick).
    """
    if best_score < 5 or submissions < 1:
        return 1
    if hints_used >= 2 or submissions > 5 or elapsed > budget * 1.5:
        return 2
    if hints_used == 1 or submissions > 2 or elapsed > budget:
        return 3
    return 4


class Attempts:
    """Drill attempts over a store (``Store.open(home)``), with workspaces under ``home``."""

    def __init__(self, store, home: Path, clock: Callable[[], datetime] = utc_now):
        self.store = store
        self.home = Path(home)
        self.clock = clock

    # --- reading --------------------------------------------------------------------------
    def get(self, attempt_id: str) -> Attempt:
        attempt = self.store.get(ATTEMPTS, attempt_id, parse=Attempt.model_validate)
        if attempt is None:
            raise UsageError(f"no attempt {attempt_id!r}")
        return attempt.in_home(self.home)

    def all(self, drill_id: str | None = None) -> list[Attempt]:
        """Attempts (of one drill, or all), oldest first; an invalid record is a DataError naming it."""
        out = []
        for attempt in self.store.all(ATTEMPTS, parse=Attempt.model_validate).values():
            attempt = attempt.in_home(self.home)
            if drill_id is None or drill_id in (attempt.drill_id, attempt.variant):
                out.append(attempt)
        return sorted(out, key=lambda a: a.started_at)

    def latest(self, drill_id: str) -> Attempt | None:
        """The most recent attempt at a drill (or variant id), open or closed."""
        attempts = self.all(drill_id)
        return attempts[-1] if attempts else None

    def submissions(self, attempt_id: str) -> list[Submission]:
        attempt = self.get(attempt_id)
        out = []
        for sub in self.store.records(SUBMISSIONS, since=attempt.started_at, parse=Submission.model_validate):
            if sub.attempt_id == attempt_id:
                out.append(sub)
        return out

    def instance_of(self, attempt: Attempt, exercise: Exercise) -> str:
        """The instance an attempt was on (records from before instances: by alias, else the first)."""
        name = attempt.instance or attempt.variant
        try:
            return exercise.instance(name).id
        except ContentError:
            return exercise.instance_ids[0]

    def best_by_instance(self, exercise: Exercise) -> dict[str, int | None]:
        """The learner's best score on each instance (None: never attempted)."""
        best: dict[str, int | None] = dict.fromkeys(exercise.instance_ids)
        for attempt in self.all(exercise.id):
            inst = self.instance_of(attempt, exercise)
            best[inst] = max(best[inst] or 0, attempt.best_score)
        return best

    def fresh_spec(self, exercise: Exercise, instance: str | None = None) -> DrillSpec:
        """The drill on the instance a fresh attempt takes: ``instance`` when given, else the one
        least recently solved (``drill.content.instances.pick_instance``)."""
        if instance is not None:
            return exercise.spec(instance)
        history = [(self.instance_of(a, exercise), a.started_at, a.best_score >= 5) for a in self.all(exercise.id)]
        return exercise.spec(pick_instance(exercise.instance_ids, history))

    # --- use cases ------------------------------------------------------------------------
    def start(self, spec: DrillSpec) -> Attempt:
        """A fresh workspace with the starter copied in; any open attempt at the drill stays open."""
        now = self.clock()
        attempt_id = f"{now.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        relative = Path(WORKSPACES, spec.id, attempt_id)
        workspace = self.home / relative
        workspace.mkdir(parents=True, exist_ok=False)
        (workspace / SOLUTION_FILE).write_text(spec.starter_text(), encoding="utf-8")
        if spec.task.is_file():
            (workspace / "task.md").write_text(spec.task_text(), encoding="utf-8")
        attempt = Attempt(id=attempt_id, drill_id=spec.drill_id, instance=spec.instance_id, seed=spec.instance.seed,
                          workspace=relative.as_posix(), started_at=now,
                          time_budget_min=spec.time_budget_min).in_home(self.home)
        self.store.put(ATTEMPTS, attempt.id, attempt.model_dump(mode="json"))
        return attempt

    def record_submission(self, attempt_id: str, result, code: str | None = None) -> Attempt:
        """Store a check's result with a copy of the code checked; update the attempt's scores.

        ``result`` is a ``CheckResult``; ``code`` defaults to the workspace's solution file now.
        A cancelled check is not a submission: it is ignored.
        """
        if result.error_kind == "cancelled":
            return self.get(attempt_id)
        with self.store.batch():  # read-modify-write of the attempt under the writer lock
            return self._record_submission(self.get(attempt_id), result, code)

    def _record_submission(self, attempt: Attempt, result, code: str | None) -> Attempt:
        if code is None:
            code = attempt.solution.read_text(encoding="utf-8", errors="replace") if attempt.solution.is_file() else ""
        now = self.clock()
        sub = Submission(id=uuid.uuid4().hex, at=now, attempt_id=attempt.id, drill_id=attempt.drill_id, variant=attempt.variant,
                         instance=attempt.instance,
                         score=result.score, error_kind=result.error_kind, code=code[:MAX_CODE_BYTES],
                         result=result.model_dump(mode="json", exclude={"output_tail"}))
        updated = attempt.model_copy(update={"submissions": attempt.submissions + 1, "last_score": result.score,
                                             "best_score": max(attempt.best_score, result.score)})
        with self.store.batch():
            self.store.append(SUBMISSIONS, sub.model_dump(mode="json"))
            self.store.put(ATTEMPTS, attempt.id, updated.model_dump(mode="json"))
        return updated

    def reveal_hint(self, attempt_id: str, spec: DrillSpec) -> tuple[Attempt, str]:
        """Reveal the next hint; return the attempt and that hint (the last one again when all are out)."""
        with self.store.batch():  # read-modify-write under the writer lock
            return self._reveal_hint(self._open(attempt_id), spec)

    def _reveal_hint(self, attempt: Attempt, spec: DrillSpec) -> tuple[Attempt, str]:
        if not spec.hints:
            raise UsageError(f"drill {spec.id!r} has no hints")
        index = min(attempt.hints_used, len(spec.hints) - 1)
        if attempt.hints_used < len(spec.hints):
            attempt = attempt.model_copy(update={"hints_used": attempt.hints_used + 1})
            self.store.put(ATTEMPTS, attempt.id, attempt.model_dump(mode="json"))
        return attempt, spec.hints[index]

    def close(self, attempt_id: str, settings: Settings | None = None) -> tuple[Attempt, ItemState]:
        """Close the attempt, rate its outcome and review the drill's FSRS item with that rating."""
        with self.store.batch():  # read-modify-write under the writer lock
            return self._close(self._open(attempt_id), settings)

    def _close(self, attempt: Attempt, settings: Settings | None) -> tuple[Attempt, ItemState]:
        now = self.clock()
        settings = settings or self._settings()
        rating = rate_outcome(attempt.best_score, attempt.hints_used, attempt.submissions,
                              now - attempt.started_at, timedelta(minutes=attempt.time_budget_min))
        closed = attempt.model_copy(update={"closed_at": now, "rating": rating})
        before = self._state(attempt.drill_id)
        after = review_drill(before, attempt.drill_id, rating, now, settings)
        review = Review(id=uuid.uuid4().hex, item_id=attempt.drill_id, kind="drill", rating=rating, at=now,
                        duration_ms=int((now - attempt.started_at).total_seconds() * 1000), before=before)
        with self.store.batch():
            self.store.put(ATTEMPTS, closed.id, closed.model_dump(mode="json"))
            self.store.put(ITEMS, attempt.drill_id, after.model_dump(mode="json"))
            self.store.append(REVIEWS, review.model_dump(mode="json"))
        return closed, after

    # --- helpers --------------------------------------------------------------------------
    def _open(self, attempt_id: str) -> Attempt:
        attempt = self.get(attempt_id)
        if not attempt.is_open:
            raise UsageError(f"attempt {attempt_id} is closed", hint="start a new one with `drill new DRILL`")
        return attempt

    def _state(self, drill_id: str) -> ItemState | None:
        return self.store.get(ITEMS, drill_id, parse=ItemState.model_validate)

    def _settings(self) -> Settings:
        from drill.session import load_settings

        return load_settings(self.store)


def close_summary(closed: Attempt, state: ItemState, settings: Settings) -> str:
    """What closing earned, in one line (the app's toast and ``drill close`` say the same)."""
    from drill.schedule.memory import RATINGS
    from drill.schedule.studyday import due_on
    from drill.wording import count

    return (f"Rated {RATINGS[closed.rating or 1]} (best {closed.best_score}/5, {count(closed.hints_used, 'hint')}, "
            f"{count(closed.submissions, 'check')}). Next due {due_on(state, settings):%a %d %b}.")


def review_drill(previous: ItemState | None, drill_id: str, rating: int, now: datetime, settings: Settings) -> ItemState:
    """The drill's next FSRS state after a rating (``drill.schedule.memory.review_item``)."""
    from drill.schedule.memory import review_item

    return review_item(previous, drill_id, "drill", rating, now, settings)
