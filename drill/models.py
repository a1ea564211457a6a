"""Pydantic records shared by every layer: settings, scheduling state, the review log.

Everything time-like is a timezone-aware UTC ``datetime``; local time only matters for the
study day, which ``schedule.days`` works out from ``Settings.rollover_hour``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Resource = Literal["course", "book", "docs", "practice"]
RESOURCES: tuple[Resource, ...] = ("course", "book", "docs", "practice")
Topic = Literal["dev", "nn", "img", "nlp", "ts"]
TOPICS: tuple[Topic, ...] = ("dev", "nn", "img", "nlp", "ts")
Category = Literal["regression", "classic", "vision", "text", "series"]
CATEGORIES: tuple[Category, ...] = ("regression", "classic", "vision", "text", "series")
PathMode = Literal["repetition", "depth"]
ItemKind = Literal["card", "drill"]


def utc(dt: datetime) -> datetime:
    """Return ``dt`` as an aware UTC datetime (naive values are refused: they hide bugs)."""
    if dt.tzinfo is None:
        raise ValueError(f"naive datetime {dt!r}: drill stores aware UTC datetimes only")
    return dt.astimezone(timezone.utc)


class Record(BaseModel):
    """Base for stored records: unknown fields are errors, so a hand-edited file is caught."""

    # NaN and infinity are refused: JSON cannot store them and no stored quantity is one
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Settings(Record):
    """The learner's study settings (one document in the store)."""

    desired_retention: float = Field(0.9, ge=0.7, le=0.99)
    learning_steps_min: list[float] = Field(default_factory=lambda: [1.0, 10.0])
    relearning_steps_min: list[float] = Field(default_factory=lambda: [10.0])
    new_per_day: int = Field(20, ge=0, le=1000)
    reviews_per_day: int = Field(200, ge=0, le=10000)
    rollover_hour: int = Field(4, ge=0, le=23)
    path: PathMode = "repetition"
    exam_date: date | None = None
    hours_per_day: float = Field(8.0, gt=0, le=16)
    enable_fuzzing: bool = True
    exam_weights: dict[Category, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)  # missing weigh 1
    timezone: str | None = None  # IANA name; None means the machine's local zone
    # No interval is longer than this (with an exam date ahead, the exam cuts sooner; schedule.horizon).
    maximum_interval_days: int = Field(365, ge=1, le=36500)
    # Personal FSRS weights from `drill optimize` (21 for FSRS 6); None: FSRS's defaults.
    fsrs_parameters: list[float] | None = None

    @field_validator("learning_steps_min", "relearning_steps_min")
    @classmethod
    def _positive_steps(cls, steps: list[float]) -> list[float]:
        if any(s <= 0 for s in steps):
            raise ValueError("every step must be a positive number of minutes")
        return steps

    @field_validator("fsrs_parameters")
    @classmethod
    def _fsrs_weights(cls, params: list[float] | None) -> list[float] | None:
        if params is None:
            return None
        from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

        if len(params) != len(LOWER_BOUNDS_PARAMETERS):
            raise ValueError(f"FSRS needs {len(LOWER_BOUNDS_PARAMETERS)} parameters, got {len(params)}; "
                             "run `drill optimize` again or clear them")
        bad = [i for i, (p, lo, hi) in enumerate(zip(params, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS))
               if not lo <= p <= hi]
        if bad:
            raise ValueError(f"FSRS parameters {bad} are out of range; run `drill optimize` again or clear them")
        return params

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str | None) -> str | None:
        # checked when read, not first when a study day is computed deep inside a screen
        if name is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"unknown time zone {name!r}: use an IANA name such as 'Europe/Berlin'") from None
        return name


class ItemState(Record):
    """FSRS memory state of one card or drill, plus the learner's own flags.

    ``state`` follows ``fsrs.State`` (1 learning, 2 review, 3 relearning).
    """

    id: str
    kind: ItemKind = "card"
    state: int = Field(1, ge=1, le=3)
    step: int | None = Field(0, ge=0)
    stability: float | None = Field(None, gt=0)  # FSRS keeps it ≥ 0.001 days
    difficulty: float | None = Field(None, ge=1, le=10)  # FSRS clamps it to [1, 10]
    due: datetime
    last_review: datetime | None = None
    introduced: datetime
    suspended: bool = False
    buried_until: datetime | None = None
    reps: int = Field(0, ge=0)  # answers so far: seeds the fuzz with the id (as Anki's card id + reps)

    _utc = field_validator("due", "last_review", "introduced", "buried_until")(
        lambda v: None if v is None else utc(v)
    )


class Review(Record):
    """One answer in the review log.

    ``before`` is the state it replaced (None: a new item), which is what undo restores and
    what retention statistics read; the state after lives in the items table.
    """

    id: str
    item_id: str
    kind: ItemKind = "card"
    rating: int = Field(ge=1, le=4, strict=True)  # strict: True or "3" would pass here and fail the sums
    at: datetime
    duration_ms: int | None = Field(None, ge=0)
    before: ItemState | None = None
    cram: bool = False  # a review-ahead answer before the exam: a normal (early) FSRS review, flagged

    _utc = field_validator("at")(lambda v: utc(v))
