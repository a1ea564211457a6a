"""Coding drills as data: the schema of ``exercises/<id>/exercise.toml`` and its loader.

A bad exercise is reported (file, line where it can be found, what is wrong) and skipped;
it never hides the others. The format is documented in ``exercises/README.md``.

Instances: ``[[instances]]`` entries (``drill.content.instances.Instance``) are the data sets a
drill is done on; each has its own bars and the facts its task text needs, and may bring its own
files (``starter = "starter_f.py"``) or contract fields. A drill without any has one instance,
``main``, on its own files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from drill.content.cards import Problem
from drill.content.instances import Instance, render, set_instance_line, template_values
from drill.content.skills import load_skills
from drill.errors import ContentError
from drill.models import Category

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MetricName = Literal["mse", "mae", "accuracy"]
LOWER_IS_BETTER = {"mse", "mae"}
FILES = ("task.md", "starter.py", "solution.py", "heldout.py")
DEFAULT_INSTANCE = "main"


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
    require_layers: list[str] = Field(default_factory=list)  # any one of these
    # every entry must be present; an entry that is a list is satisfied by any one of its names
    require_all_layers: list[str | list[str]] = Field(default_factory=list)
    frozen_base: str | None = None  # a shipped base (drill/data/assets/<name>.keras) whose weights training must leave unchanged
    min_augmentation: float = Field(0.0, ge=0)  # a geometric augmentation layer at least this strong (fraction of size / turn)
    require_early_stop: bool = False
    # the learner's file defines its own keras.callbacks.Callback subclass (the built-in ones do not count)
    require_custom_callback: bool = False
    # names the learner's file must use (e.g. "LearningRateScheduler": the sweep a task asks for)
    require_source_names: list[str] = Field(default_factory=list)
    min_layer_counts: dict[str, int] = Field(default_factory=dict)  # layer class → at least this many (e.g. Dense = 2: a hidden layer)
    timeout_s: float = Field(300, gt=0)
    memory_mb: int = Field(4000, gt=0)


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
    instances: list[Instance] = Field(default_factory=list)
    folder: Path = Field(exclude=True)

    _id = field_validator("id")(lambda v: _check_id(v))

    @property
    def all_instances(self) -> list[Instance]:
        """The drill's instances; a drill that lists none has one, ``main``, on its own files."""
        return self.instances or [Instance(id=DEFAULT_INSTANCE, description=self.title)]

    @property
    def instance_ids(self) -> list[str]:
        return [i.id for i in self.all_instances]

    def instance(self, name: str | None) -> Instance:
        """The instance called ``name`` (or with that alias); None: the first."""
        if name is None:
            return self.all_instances[0]
        for inst in self.all_instances:
            if name == inst.id or name in inst.aliases:
                return inst
        raise ContentError(f"drill {self.id!r} has no instance {name!r}", hint=f"its instances: {', '.join(self.instance_ids)}",
                           exit_code=2)

    def spec(self, instance: str | None = None) -> DrillSpec:
        """This drill on one instance (None: its first)."""
        inst = self.instance(instance)
        metric = self.metric if inst.bars is None else Metric(name=self.metric.name, bars=inst.bars)
        contract = Contract(**{**self.contract.model_dump(), **inst.contract}) if inst.contract else self.contract
        files = []
        for name in FILES:
            explicit = getattr(inst, name.split(".")[0])
            files.append(self.folder / explicit if explicit else self.folder / name)
        hints = tuple(self.hints if inst.hints is None else inst.hints)
        return DrillSpec(self.id, inst, self.title, self.category, metric, contract,
                         inst.time_budget_min or self.time_budget_min, hints, *files)


def _check_id(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError(f"id {value!r} must be lowercase words joined by dashes")
    return value


@dataclass(frozen=True)
class DrillSpec:
    """One drill on one of its instances, resolved: what an attempt and a check need."""

    drill_id: str
    instance: Instance | None  # None (a spec built by hand): the drill's own files, instance "main"
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
        """The id a learner types: the drill's (instances share it)."""
        return self.drill_id

    def __post_init__(self) -> None:
        if self.instance is None:
            object.__setattr__(self, "instance", Instance(id=DEFAULT_INSTANCE, description=self.title or self.drill_id))

    @property
    def instance_id(self) -> str:
        return self.instance.id

    def task_text(self) -> str:
        """The task, written for this instance (its facts, description and bars filled in)."""
        text = self.task.read_text(encoding="utf-8") if self.task.is_file() else ""
        return render(text, template_values(self.drill_id, self.instance, self.metric.name, list(self.metric.bars),
                                            self.metric.lower_is_better))

    def starter_text(self) -> str:
        """The starter a fresh workspace gets: its ``INSTANCE`` line names this instance."""
        return set_instance_line(self.starter.read_text(encoding="utf-8"), self.instance.id)

    def solution_text(self) -> str:
        """The reference solution for this instance."""
        return set_instance_line(self.solution.read_text(encoding="utf-8"), self.instance.id)


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
    if "variants" in raw:
        return None, [Problem(path, _line_of(text, ("variants",)), "[[variants]] are now [[instances]] "
                                                                  "(see exercises/README.md for the format)")]
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
    problems.extend(_instance_problems(exercise, path, text))
    return (None if problems else exercise), problems


def _instance_problems(exercise: Exercise, path: Path, text: str) -> list[Problem]:
    """Ids used twice, files missing, bars out of order, task placeholders no instance fills."""
    problems = []
    line = _line_of(text, ("instances",))
    seen: set[str] = set()
    for inst in exercise.instances:
        for name in (inst.id, *inst.aliases):
            if name in seen:
                problems.append(Problem(path, line, f"instance id {name!r} is used twice"))
            seen.add(name)
        try:
            spec = exercise.spec(inst.id)
        except (ValidationError, ValueError, TypeError) as error:
            problems.append(Problem(path, line, f"instance {inst.id!r}: {error}"))
            continue
        for name, file in zip(FILES, (spec.task, spec.starter, spec.solution, spec.heldout)):
            if not file.is_file():
                problems.append(Problem(path, line, f"instance {inst.id!r}: {name} not found at {file}"))
        if spec.task.is_file():
            try:
                spec.task_text()
            except KeyError as error:
                problems.append(Problem(spec.task, 1, f"instance {inst.id!r} has no fact {error.args[0]!r} the task uses "
                                                      f"(add it to the instance's facts)"))
        if spec.starter.is_file() and len(exercise.instances) > 1 and "INSTANCE" not in spec.starter.read_text(encoding="utf-8"):
            problems.append(Problem(spec.starter, 1, 'a drill with instances needs the line INSTANCE = "..." in its starter'))
    return problems


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


def find_spec(drill_id: str, *roots: Path, instance: str | None = None) -> DrillSpec:
    """Find a drill by id (or by an instance's alias, such as a former variant id).

    ``instance`` picks one of its instances (None: the alias's, else the first). Raises
    ContentError naming the problems when the drill exists but does not load, or listing the
    known ids when it does not exist.
    """
    loaded = load_exercises(*(roots or (exercises_root(),)))
    exercise = find_exercise(loaded, drill_id)
    if exercise is not None:
        alias = None if drill_id == exercise.id else drill_id
        return exercise.spec(instance or alias)
    mine = [p for p in loaded.problems if drill_id in p.path.parts]
    if mine:
        raise ContentError(f"drill {drill_id!r} does not load: " + "; ".join(str(p) for p in mine), exit_code=2)
    known = ", ".join(sorted(loaded.exercises)) or "none"
    raise ContentError(f"no drill {drill_id!r}", hint=f"known drills: {known}", exit_code=2)


def find_exercise(loaded: ExerciseSet, name: str) -> Exercise | None:
    """The drill with this id, or whose instance has this alias (a former variant id)."""
    if name in loaded.exercises:
        return loaded.exercises[name]
    for exercise in loaded.exercises.values():
        if any(name in inst.aliases for inst in exercise.instances):
            return exercise
    return None
