"""Mock exam: five tasks (one per category), a countdown that survives restarts, best scores.

The real exam: five model-building tasks, five hours, unlimited "submit and test", a 0–5 score
per task from a hidden test set, 90 % overall to pass. Here each task is a drill (on one of its data instances) the
learner has not seen recently. Pure rules first (no IO, the clock passed in), then ``ExamBook``,
which keeps exams in the store's "exams" table.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pydantic import Field

from drill.errors import UsageError
from drill.models import CATEGORIES, Category, Record, utc
from drill.wording import count

PASS_PERCENT = 90.0
EXAMS = "exams"


class ExamSubmission(Record):
    at: datetime
    score: int = Field(ge=0, le=5)
    value: float | None = None
    sample_seed: int
    error: str = ""


class ExamTask(Record):
    category: Category
    drill_id: str
    variant: str | None = None  # exams from before instances: a former variant id (an instance alias)
    instance: str | None = None  # the data instance of this task
    weight: float = Field(1.0, gt=0)
    submissions: list[ExamSubmission] = Field(default_factory=list)

    @property
    def spec_id(self) -> str:
        """The drill id (instances share it)."""
        return self.drill_id

    @property
    def instance_name(self) -> str | None:
        """The instance to load (an old exam's variant id is an alias of one)."""
        return self.instance or self.variant

    @property
    def best(self) -> int:
        """The best score counts, as in the exam (unlimited submissions)."""
        return max((s.score for s in self.submissions), default=0)


class Exam(Record):
    """One sitting. ``ended_at`` is set when time runs out or the learner ends it."""

    id: str
    started_at: datetime
    duration_min: int = Field(300, gt=0, le=600)
    ended_at: datetime | None = None
    tasks: list[ExamTask]

    @property
    def deadline(self) -> datetime:
        return self.started_at + timedelta(minutes=self.duration_min)

    def remaining(self, now: datetime) -> timedelta:
        """Time left; the clock keeps running while the app is closed, like the real one."""
        if self.ended_at is not None:
            return timedelta(0)
        return max(self.deadline - utc(now), timedelta(0))

    def is_over(self, now: datetime) -> bool:
        return self.ended_at is not None or utc(now) >= self.deadline

    def percent(self) -> float:
        """Weighted total: each task's best score out of 5, weighted, as a percentage."""
        total = sum(t.weight for t in self.tasks)
        return 100.0 * sum(t.weight * t.best / 5 for t in self.tasks) / total

    def passed(self) -> bool:
        return self.percent() >= PASS_PERCENT - 1e-9

    def time_used(self, now: datetime) -> timedelta:
        end = self.ended_at or min(utc(now), self.deadline)
        return end - self.started_at


def choose_tasks(
    candidates: Mapping[Category, Iterable[tuple[str, str | None]]],
    last_seen: Mapping[str, datetime],
    rng: random.Random,
    weights: Mapping[str, float] | None = None,
) -> list[ExamTask]:
    """One task per category: the drill seen least recently (never seen first).

    Args:
        candidates: category → (drill id, instance id or None) pairs available; the instance is
            the one the drill's next fresh attempt would take.
        last_seen: drill id → when it was last attempted.
        rng: Breaks ties, so two exams differ.
        weights: category → weight (equal when missing).

    Raises:
        UsageError: a category has no drill at all.
    """
    tasks = []
    for category in CATEGORIES:
        options = list(candidates.get(category, []))
        if not options:
            raise UsageError(f"no drill in the {category!r} category, so no mock exam can be built", hint="check `drill lint`")
        rng.shuffle(options)
        never = datetime.min.replace(tzinfo=timezone.utc)
        drill_id, instance = min(options, key=lambda o: last_seen.get(o[0], never))
        tasks.append(ExamTask(category=category, drill_id=drill_id, instance=instance, weight=(weights or {}).get(category, 1.0)))
    return tasks


def review_lines(exam: Exam) -> list[str]:
    """A short review of what cost points, task by task."""
    lines = []
    never = [t.category for t in exam.tasks if not t.submissions]
    if never:  # one line for all of them, not the same sentence five times
        lines.append(f"{', '.join(never)}: never submitted, so 0/5 {'each ' if len(never) > 1 else ''}in this exam's "
                     f"score (even a rough model is worth points there); readiness leaves {'them' if len(never) > 1 else 'it'} out.")
    for task in exam.tasks:
        if task.best == 5 or not task.submissions:
            continue
        last_error = next((s.error for s in reversed(task.submissions) if s.error), "")
        why = f" The last problem was: {last_error}" if last_error else ""
        lines.append(f"{task.category}: best {task.best}/5 after {count(len(task.submissions), 'submission')}.{why}")
    if not lines:
        lines.append("Full marks on every task.")
    return lines


class ExamBook:
    """Exams in the store: start, the one running, submissions, the end, past results."""

    def __init__(self, store, clock):
        self.store = store
        self.clock = clock

    def all(self) -> list[Exam]:
        exams = list(self.store.all(EXAMS, parse=Exam.model_validate).values())
        return sorted(exams, key=lambda e: e.started_at)

    def current(self) -> Exam | None:
        """The exam still running (its clock kept going while drill was closed)."""
        now = self.clock()
        for exam in reversed(self.all()):
            if exam.ended_at is None:
                if exam.is_over(now):  # time ran out while the app was closed: close it now
                    self.end(exam.id, at=exam.deadline)
                    return None
                return exam
        return None

    def start(self, tasks: list[ExamTask], duration_min: int = 300) -> Exam:
        if self.current() is not None:
            raise UsageError("a mock exam is already running", hint="finish it or end it early first")
        exam = Exam(id=uuid.uuid4().hex[:12], started_at=self.clock(), duration_min=duration_min, tasks=tasks)
        self._save(exam)
        return exam

    def submit(self, exam_id: str, category: str, score: int, value: float | None, sample_seed: int, error: str = "") -> Exam:
        exam = self._get(exam_id)
        if exam.is_over(self.clock()):
            raise UsageError("the exam is over: time ran out or it was ended", hint="start a new mock exam")
        task = next((t for t in exam.tasks if t.category == category), None)
        if task is None:
            raise UsageError(f"this exam has no {category!r} task")
        task.submissions.append(ExamSubmission(at=self.clock(), score=score, value=value, sample_seed=sample_seed, error=error[:300]))
        self._save(exam)
        return exam

    def end(self, exam_id: str, at: datetime | None = None) -> Exam:
        exam = self._get(exam_id)
        if exam.ended_at is None:
            exam.ended_at = min(at or self.clock(), exam.deadline)
            self._save(exam)
        return exam

    def _get(self, exam_id: str) -> Exam:
        exam = self.store.get(EXAMS, exam_id, parse=Exam.model_validate)
        if exam is None:
            raise UsageError(f"no exam {exam_id!r}")
        return exam

    def _save(self, exam: Exam) -> None:
        self.store.put(EXAMS, exam.id, exam.model_dump(mode="json"))


def task_workspace(home: Path, exam: Exam, task: ExamTask, spec) -> Path:
    """The task's folder (``<home>/exams/<exam id>/<category>/``) with the instance's starter and
    task written in once (``spec``: the task's ``DrillSpec``)."""
    folder = Path(home) / "exams" / exam.id / task.category
    solution = folder / "solution.py"
    if not solution.exists():
        folder.mkdir(parents=True, exist_ok=True)
        solution.write_text(spec.starter_text(), encoding="utf-8")
        if spec.task.is_file():
            (folder / "task.md").write_text(spec.task_text(), encoding="utf-8")
    return solution


def last_seen(attempts: Iterable, exams: Iterable[Exam]) -> dict[str, datetime]:
    """Spec id → when the learner last met it, in an attempt or an exam."""
    seen: dict[str, datetime] = {}
    for attempt in attempts:
        key = attempt.drill_id
        seen[key] = max(seen.get(key, attempt.started_at), attempt.started_at)
    for exam in exams:
        for task in exam.tasks:
            seen[task.spec_id] = max(seen.get(task.spec_id, exam.started_at), exam.started_at)
    return seen
