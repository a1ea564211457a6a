"""The record of one check: JSON-able, stored with the submission, printed by ``--json``."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from drill.check.contract import Problem

ErrorKind = Literal[
    "syntax", "import", "no_solution_model", "not_a_model", "crashed", "exit", "nan_loss",
    "no_model_file", "load_failed", "contract", "predict_failed", "timeout", "memory",
    "cancelled", "killed", "heldout_failed", "internal",
]


class BarRow(BaseModel):
    score: int
    bar: float
    met: bool


class CheckResult(BaseModel):
    """Score 0–5 and everything that explains it."""

    drill_id: str
    variant: str | None = None  # results from before instances
    instance: str | None = None  # the data instance graded (its held-out rows and bars)
    score: int = Field(0, ge=0, le=5)
    metric: str
    value: float | None = None
    lower_is_better: bool
    bars: list[float]
    table: list[BarRow] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    error_kind: ErrorKind | None = None
    error_message: str = ""
    error_hint: str = ""
    started_at: datetime
    duration_s: float = 0.0
    device: str = ""
    tf_version: str = ""
    epochs_seen: int = 0
    epochs_asked: int = 0
    stopped_early: bool = False
    model_file: str | None = None
    model_size_mb: float | None = None
    peak_memory_mb: float = 0.0
    exit_code: int | None = None
    output_tail: str = ""
    output_bytes: int = 0
    protection: str = ""  # how the learner's data was kept from its code: drill.check.confine.WORDS; "" in old records

    @property
    def passed(self) -> bool:
        return self.score == 5

    @property
    def summary(self) -> str:
        """One line for lists and logs."""
        if self.error_kind:
            return f"{self.score}/5 — {self.error_message}"
        if self.problems:
            return f"{self.score}/5 — {self.problems[0].message}"
        return f"{self.score}/5 — {self.metric} {self.value:.4g}" if self.value is not None else f"{self.score}/5"
