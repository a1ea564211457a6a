"""Data instances of a coding drill: the same skill on another data set.

A drill lists its instances as ``[[instances]]`` in ``exercise.toml`` (format in
``exercises/README.md``). Each has an id, a one-line description, its own bars and the facts its
task text needs. A fresh attempt picks one (``pick_instance``), writes its id into the workspace's
starter (the line ``INSTANCE = "..."``) and renders the task for it (``render_task``). The
starter's data function returns that instance's training rows; the grader scores the saved model
on the same instance's held-out rows (``drill.check.grader.heldout_split``).

Pure functions only: no store, no clock of its own, no TensorFlow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
INSTANCE_LINE_RE = re.compile(r'^INSTANCE\s*=\s*["\']([^"\']*)["\'].*$', re.M)
FactValue = str | int | float | bool | list[int] | list[str]


class Instance(BaseModel):
    """One data set (or one seeded generated task) a drill can be done on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str = Field(min_length=1)
    seed: int | None = None  # the generator's seed; None for real data
    bars: list[float] | None = None  # None: the drill's [metric] bars
    facts: dict[str, FactValue] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)  # old ids (a former [[variants]] id) that still find it
    hints: list[str] | None = None  # None: the drill's hints
    contract: dict[str, object] = Field(default_factory=dict)  # fields that differ from the drill's contract
    time_budget_min: int | None = Field(None, gt=0)
    # own files in the drill folder, when the instance needs more than another data set
    task: str | None = None
    starter: str | None = None
    solution: str | None = None
    heldout: str | None = None

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError(f"instance id {value!r} must be lowercase words joined by dashes")
        return value


def placeholders(text: str) -> set[str]:
    """Every ``{{name}}`` a template uses."""
    return set(PLACEHOLDER_RE.findall(text))


def render(text: str, values: Mapping[str, object]) -> str:
    """Fill ``{{name}}`` placeholders; an unknown name raises KeyError (the loader reports it)."""

    def one(match: re.Match) -> str:
        value = values[match.group(1)]
        if isinstance(value, float):
            return f"{value:g}"
        if isinstance(value, (list, tuple)):
            return "(" + ", ".join(str(v) for v in value) + ("," if len(value) == 1 else "") + ")"
        return str(value)

    return PLACEHOLDER_RE.sub(one, text)


def bars_table(metric: str, bars: list[float], lower_is_better: bool) -> str:
    """The Markdown table of the value each score needs."""
    label = f"{metric.upper()} at most" if lower_is_better else f"{metric} at least"
    cells = " | ".join(f"{b:g}" for b in bars)
    return f"| score | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n| {label} | {cells} |"


def template_values(drill_id: str, instance: Instance, metric: str, bars: list[float], lower_is_better: bool) -> dict[str, object]:
    """What a task template may use: the instance's facts, its id, description, seed and bars."""
    values: dict[str, object] = dict(instance.facts)
    values.update(drill=drill_id, instance=instance.id, description=instance.description,
                  seed="" if instance.seed is None else instance.seed,
                  bars_table=bars_table(metric, bars, lower_is_better))
    values.update({f"bar{i}": b for i, b in enumerate(bars, start=1)})
    return values


def set_instance_line(code: str, instance_id: str) -> str:
    """The starter (or solution) with its ``INSTANCE = "..."`` line set to ``instance_id``."""
    return INSTANCE_LINE_RE.sub(lambda m: m.group(0).replace(m.group(1), instance_id, 1), code, count=1)


def instance_in_code(code: str) -> str | None:
    """The instance a solution file names in its ``INSTANCE = "..."`` line, if any."""
    match = INSTANCE_LINE_RE.search(code)
    return match.group(1) if match else None


def pick_instance(instance_ids: list[str], history: Iterable[tuple[str, datetime, bool]]) -> str:
    """The instance a fresh attempt takes.

    ``history``: (instance id, when the attempt started, whether it reached 5/5) for the
    learner's earlier attempts at this drill. Never-solved instances come first (in the drill's
    order, the ones never tried before the ones tried and failed), then the one solved longest
    ago. The instance of the latest attempt is skipped whenever another exists, so two fresh
    attempts in a row never meet the same data.
    """
    if not instance_ids:
        raise ValueError("a drill has at least one instance")
    history = sorted(history, key=lambda h: h[1])
    last = history[-1][0] if history else None
    candidates = [i for i in instance_ids if i != last] or list(instance_ids)
    solved_at: dict[str, datetime] = {}
    tried_at: dict[str, datetime] = {}
    for inst, at, solved in history:
        tried_at[inst] = at
        if solved:
            solved_at[inst] = at
    order = {inst: n for n, inst in enumerate(instance_ids)}

    def key(inst: str):
        if inst not in solved_at:  # never solved: untried first, then tried longest ago
            return (0, inst in tried_at, tried_at.get(inst, datetime.min.replace(tzinfo=None)).timestamp() if inst in tried_at else 0.0, order[inst])
        return (1, False, solved_at[inst].timestamp(), order[inst])

    return min(candidates, key=key)
