"""Coding drills as data: the schema of ``exercises/<id>/exercise.toml`` and its loader.

A bad exercise is reported (file, line where it can be found, what is wrong) and skipped;
it never hides the others. The format is documented in ``exercises/README.md``.

Variants: ``[[variants]]`` entries reuse the drill's files unless they bring their own, found
(first match wins) by an explicit key (``starter = "starter_f.py"``), then in
``variants/<variant id>/`` (``starter.py``, ``solution.py``, ``heldout.py``, ``task.md``), then
the drill's own file. A variant may override metric bars and contract fields.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from drill.content.cards import Problem
from drill.content.skills import load_skills
from drill.errors import ContentError
from drill.models import Category

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MetricName = Literal["mse", "mae", "accuracy"]
LOWER_IS_BETTER = {"mse", "mae"}
FILES = ("task.md", "starter.py", "solution.py", "heldout.py")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metric(_Strict):
    """How the held-out predictions are scored, and the value each score 1–5 needs."""

    name: MetricName
    bars: list[float] = Field(min_length=5, max_length=5)

    @model_validator(mode="after")
    def _ordered(self) -> Metric:
        pairs = list(zip(self.bars, self.bars[1:]))
        if self.lower_is_better and not all(a > b for a, b in pairs):
            raise ValueError(f"bars for {self.name} must fall strictly from score 1 to 5 (lower is better), got {self.bars}")
        if not self.lower_is_better and not all(a < b for a, b in pairs):
            raise ValueError(f"bars for {self.name} must rise strictly from score 1 to 5, got {self.bars}")
        return self

    @property
    def lower_is_better(self) -> bool:
        return self.name in LOWER_IS_BETTER


class Contract(_Strict):
    """What the saved model must look like before it is scored.

    Shapes are per example (batch dimension left out); 0 in a shape means "any size".
    """

    input_shape: list[int] = Field(default_factory=list)
    input_dtype: str | None = None  # e.g. "float32", "string"; None: not checked
    output_shape: list[int] = Field(default_factory=list)
    max_size_mb: float = Field(20, gt=0)
    forbid_layers: list[str] = Field(default_factory=lambda: ["Lambda"])
    require_layers: list[str] = Field(default_factory=list)
    require_early_stop: bool = False
    timeout_s: float = Field(300, gt=0)
    memory_mb: int = Field(4000, gt=0)


class Variant(_Strict):
    """The same drill on other data or sizes."""

    id: str
    title: str
    note: str = ""
    task: str | None = None
    starter: str | None = None
    solution: str | None = None
    heldout: str | None = None
    bars: list[float] | None = None
    hints: list[str] | None = None
    contract: dict[str, object] = Field(default_factory=dict)
    time_budget_min: int | None = Field(None, gt=0)

    _id = field_validator("id")(lambda v: _check_id(v))


class Exercise(_Strict):
    """One coding drill as loaded from its folder."""

    id: str
    title: str
    category: Category
    skills: list[str] = Field(min_length=1)
    time_budget_min: int = Field(gt=0)
    source: str
    metric: Metric
    contract: Contract = Field(default_factory=Contract)
    hints: list[str] = Field(default_factory=list)
    variants: list[Variant] = Field(default_factory=list)
    folder: Path = Field(exclude=True)

    _id = field_validator("id")(lambda v: _check_id(v))

    def spec(self, variant_id: str | None = None) -> DrillSpec:
        """This drill as one variant sees it (None or the drill's own id: the drill itself)."""
        if variant_id in (None, self.id):
            return DrillSpec(self.id, None, self.title, self.category, self.metric, self.contract,
                             self.time_budget_min, tuple(self.hints), *(self.folder / n for n in FILES))
        for v in self.variants:
            if v.id == variant_id:
                metric = self.metric if v.bars is None else Metric(name=self.metric.name, bars=v.bars)
                contract = Contract(**{**self.contract.model_dump(), **v.contract})
                files = []
                for name in FILES:
                    explicit = getattr(v, name.split(".")[0])
                    candidate = self.folder / "variants" / v.id / name
                    files.append(self.folder / explicit if explicit else candidate if candidate.exists() else self.folder / name)
                hints = tuple(self.hints if v.hints is None else v.hints)
                return DrillSpec(self.id, v.id, v.title, self.category, metric, contract,
                                 v.time_budget_min or self.time_budget_min, hints, *files)
        known = ", ".join(v.id for v in self.variants) or "none"
        raise ContentError(f"drill {self.id!r} has no variant {variant_id!r} (variants: {known})", exit_code=2)

    @property
    def variant_ids(self) -> list[str]:
        return [self.id, *(v.id for v in self.variants)]


def _check_id(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError(f"id {value!r} must be lowercase words joined by dashes")
    return value


@dataclass(frozen=True)
class DrillSpec:
    """One drill or variant, resolved: what an attempt and a check need."""

    drill_id: str
    variant: str | None
    title: str
    category: str
    metric: Metric
    contract: Contract
    time_budget_min: int
    hints: tuple[str, ...]
    task: Path
    starter: Path
    solution: Path
    heldout: Path

    @property
    def id(self) -> str:
        """The id a learner types: the variant's when there is one."""
        return self.variant or self.drill_id


@dataclass
class ExerciseSet:
    """Every drill that loaded, keyed by id, and every problem found."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def exercise_folders(root: Path) -> list[Path]:
    """Folders under ``root`` that hold an ``exercise.toml``, sorted by name."""
    if not root.is_dir():
        return []
    return sorted(p.parent for p in root.glob("*/exercise.toml"))


def _line_of(text: str, loc: tuple) -> int:
    """Best-effort line of the key an error points at (1 when it cannot be found)."""
    keys = [k for k in loc if isinstance(k, str)]
    for key in reversed(keys):
        match = re.search(rf"^\s*\[?\[?\s*{re.escape(key)}\s*[\]=]", text, re.M)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return 1


def load_exercise(folder: Path, skill_ids: set[str] | None = None) -> tuple[Exercise | None, list[Problem]]:
    """Load one drill folder; return it (or None) and the problems found."""
    path = folder / "exercise.toml"
    skill_ids = set(load_skills()) if skill_ids is None else skill_ids
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except OSError as error:
        return None, [Problem(path, 1, f"cannot read: {error.strerror or error}")]
    except tomllib.TOMLDecodeError as error:
        m = re.search(r"line (\d+)", str(error))
        return None, [Problem(path, int(m.group(1)) if m else 1, f"not valid TOML: {error}")]
    contract = raw.get("contract")
    if isinstance(contract, dict) and "hints" in contract and "hints" not in raw:
        # TOML puts keys written after [contract] inside it; the README's example does just that
        raw["hints"] = contract.pop("hints")
    try:
        exercise = Exercise.model_validate({**raw, "folder": folder})
    except ValidationError as error:
        problems = []
        for e in error.errors():
            where = ".".join(str(p) for p in e["loc"]) or "(file)"
            msg = e["msg"].removeprefix("Value error, ")
            if e["type"] == "extra_forbidden":
                msg = "unknown field (see exercises/README.md for the format)"
            problems.append(Problem(path, _line_of(text, e["loc"]), f"{where}: {msg}"))
        return None, problems
    problems = []
    if exercise.id != folder.name:
        problems.append(Problem(path, _line_of(text, ("id",)), f"id {exercise.id!r} must equal the folder name {folder.name!r}"))
    for skill in exercise.skills:
        if skill not in skill_ids:
            problems.append(Problem(path, _line_of(text, ("skills",)), f"unknown skill id {skill!r} (see CHECKLIST.md)"))
    for name in FILES:
        if not (folder / name).is_file():
            problems.append(Problem(folder / name, 1, f"missing: every drill needs {', '.join(FILES)}"))
    seen = {exercise.id}
    for v in exercise.variants:
        if v.id in seen:
            problems.append(Problem(path, _line_of(text, ("variants",)), f"variant id {v.id!r} is used twice"))
        seen.add(v.id)
        try:
            spec = exercise.spec(v.id)
        except (ValidationError, ValueError, TypeError) as error:
            problems.append(Problem(path, _line_of(text, ("variants",)), f"variant {v.id!r}: {error}"))
            continue
        for name, file in zip(FILES, (spec.task, spec.starter, spec.solution, spec.heldout)):
            if not file.is_file():
                problems.append(Problem(path, _line_of(text, ("variants",)), f"variant {v.id!r}: {name} not found at {file}"))
    return (None if problems else exercise), problems


def load_exercises(*roots: Path) -> ExerciseSet:
    """Load every drill under the given roots; bad ones are reported and skipped."""
    skill_ids = set(load_skills())
    result = ExerciseSet()
    for root in roots:
        for folder in exercise_folders(root):
            exercise, problems = load_exercise(folder, skill_ids)
            result.problems.extend(problems)
            if exercise is None:
                continue
            if exercise.id in result.exercises:
                first = result.exercises[exercise.id].folder
                result.problems.append(Problem(folder / "exercise.toml", 1, f"drill id {exercise.id!r} already used by {first}"))
                continue
            result.exercises[exercise.id] = exercise
    return result


def exercises_root() -> Path:
    from drill.paths import content_root

    return content_root() / "exercises"


def find_spec(drill_id: str, *roots: Path) -> DrillSpec:
    """Find a drill or one of its variants by id.

    Raises ContentError naming the problems when the drill exists but does not load, or
    listing the known ids when it does not exist.
    """
    loaded = load_exercises(*(roots or (exercises_root(),)))
    for exercise in loaded.exercises.values():
        if drill_id in exercise.variant_ids:
            return exercise.spec(drill_id)
    mine = [p for p in loaded.problems if drill_id in p.path.parts]
    if mine:
        raise ContentError(f"drill {drill_id!r} does not load: " + "; ".join(str(p) for p in mine), exit_code=2)
    known = ", ".join(sorted(loaded.exercises)) or "none"
    raise ContentError(f"no drill {drill_id!r}", hint=f"known drills: {known}", exit_code=2)
