"""The event stream of a check: what the harness reports while it runs, one JSON line each.

The harness writes these on a dedicated pipe (never stdout: learner code prints freely); the
runner parses them and hands them to ``on_event`` on the thread that called ``run_check``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field, TypeAdapter

PhaseName = Literal["starting", "importing", "training", "grading", "done"]


class Started(BaseModel):
    """The subprocess exists (its pid leads its own process group)."""

    kind: Literal["started"] = "started"
    pid: int
    timeout_s: float
    memory_mb: int


class Phase(BaseModel):
    kind: Literal["phase"] = "phase"
    name: PhaseName
    elapsed_s: float = 0.0


class Device(BaseModel):
    kind: Literal["device"] = "device"
    device: str  # "GPU: NVIDIA H100" or "CPU: <model name>"
    gpu: bool
    tf_version: str
    keras_version: str = ""


class Epoch(BaseModel):
    """End of one epoch of one ``fit`` call (epochs are 1-based)."""

    kind: Literal["epoch"] = "epoch"
    fit: int = 1
    epoch: int
    epochs: int
    loss: float | None = None
    metrics: dict[str, float] = Field(default_factory=dict)
    elapsed_s: float = 0.0


class Batch(BaseModel):
    """Progress inside a long epoch (throttled)."""

    kind: Literal["batch"] = "batch"
    fit: int = 1
    epoch: int
    epochs: int
    step: int
    steps: int | None = None
    loss: float | None = None
    elapsed_s: float = 0.0


class TrainEnd(BaseModel):
    kind: Literal["train_end"] = "train_end"
    fit: int = 1
    epochs_seen: int
    epochs_asked: int
    stopped_early: bool
    nan_loss: bool = False


class Output(BaseModel):
    """A line the learner's code printed (only the first ones; the rest is counted)."""

    kind: Literal["output"] = "output"
    text: str


class Report(BaseModel):
    """The harness's last word: what happened, for the runner to turn into a CheckResult."""

    kind: Literal["report"] = "report"
    error_kind: str | None = None
    error_message: str = ""
    error_hint: str = ""
    value: float | None = None
    problems: list[dict[str, Any]] = Field(default_factory=list)
    facts: dict[str, Any] | None = None
    epochs_seen: int = 0
    epochs_asked: int = 0
    stopped_early: bool = False
    nan_loss: bool = False


Event = Annotated[Union[Started, Phase, Device, Epoch, Batch, TrainEnd, Output, Report], Field(discriminator="kind")]
EVENT = TypeAdapter(Event)


def parse_event(line: str | bytes) -> Event:
    """Parse one JSON line (raises pydantic.ValidationError on anything else)."""
    return EVENT.validate_json(line)
