"""Personal FSRS parameters from the learner's own review log, kept only when they predict better.

Pure: review records and settings in, a :class:`Fit` out (no store, no clock). The fitting is
fsrs-rs-python's (FSRS-rs, the optimizer Anki uses, as a 585 kB wheel; imported only here and
only when asked). The check is a time split: parameters are fitted on the earlier
``TRAIN_SHARE`` of the log and both the current and the new parameters predict the later
reviews; the new ones are kept only when their log loss there is lower.

Each review becomes, as in fsrs-rs's examples, the card's history up to it in whole study days
(``delta_t`` 0 for a same-day step). Only cards count: drills are reviews of a coding skill,
a different memory process, and too few to fit on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from drill.models import Settings
from drill.schedule.days import study_day

MIN_REVIEWS = 1000
TRAIN_SHARE = 0.8


class OptimizerMissing(RuntimeError):
    """fsrs-rs-python is not installed."""


@dataclass(frozen=True)
class Fit:
    reviews: int  # card reviews in the log
    kept: bool
    message: str
    train: int = 0  # histories fitted on
    test: int = 0  # later histories the two parameter sets were compared on
    current_loss: float | None = None
    new_loss: float | None = None
    parameters: tuple[float, ...] = field(default=())  # the new ones (kept or not)

    def as_json(self) -> dict:
        return {"reviews": self.reviews, "kept": self.kept, "message": self.message, "train": self.train,
                "test": self.test, "current_log_loss": self.current_loss, "new_log_loss": self.new_loss,
                "parameters": list(self.parameters)}


def histories(reviews: Iterable[dict], settings: Settings) -> list[tuple[datetime, list[tuple[int, int]]]]:
    """One (time, [(rating, days since the review before)…]) per card review after the first day.

    ``reviews`` are review-log records (``Review`` dumps). A history ends at each review on a
    later study day than the one before it, which is what FSRS predicts.
    """
    by_item: dict[str, list[tuple[datetime, int]]] = {}
    for r in reviews:
        if r.get("kind", "card") != "card":
            continue
        at = r["at"] if isinstance(r["at"], datetime) else datetime.fromisoformat(r["at"])
        by_item.setdefault(r["item_id"], []).append((at, int(r["rating"])))
    out = []
    for log in by_item.values():
        log.sort()
        steps: list[tuple[int, int]] = []
        last: date | None = None
        for at, rating in log:
            day = study_day(at, settings)
            delta = 0 if last is None else (day - last).days
            steps.append((rating, delta))
            if delta > 0:
                out.append((at, list(steps)))
            last = day
    out.sort(key=lambda h: h[0])
    return out


def within_bounds(params: Sequence[float]) -> tuple[float, ...]:
    """``params`` clamped into py-fsrs's bounds (fsrs-rs's are close but not always the same)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    return tuple(min(max(float(p), lo), hi) for p, lo, hi in zip(params, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS))


def fit(reviews: Sequence[dict], settings: Settings, *, min_reviews: int = MIN_REVIEWS) -> Fit:
    """Fit parameters on the earlier reviews; keep them only if they beat the current ones later.

    Raises:
        OptimizerMissing: fsrs-rs-python is not installed.
    """
    count = sum(1 for r in reviews if r.get("kind", "card") == "card")
    if count < min_reviews:
        return Fit(count, False, f"{count} card reviews so far: personal parameters need at least {min_reviews:,} "
                   "to beat FSRS's defaults reliably; keeping the current ones")
    try:
        import fsrs_rs_python as rs
    except ImportError as error:
        raise OptimizerMissing("fsrs-rs-python is not installed") from error
    items = histories(reviews, settings)
    cut = int(len(items) * TRAIN_SHARE)

    def to_items(part):
        made = [rs.FSRSItem([rs.FSRSReview(rating, delta) for rating, delta in steps]) for _, steps in part]
        return [i for i in made if i.long_term_review_cnt() > 0]

    train, test = to_items(items[:cut]), to_items(items[cut:])
    if not train or not test:
        return Fit(count, False, "the log has too few reviews on later days to fit and check parameters; "
                   "keeping the current ones", len(train), len(test))
    new = within_bounds(rs.FSRS([]).compute_parameters(train))
    current = tuple(settings.fsrs_parameters or rs.DEFAULT_PARAMETERS)
    current_loss = float(rs.FSRS(list(current)).evaluate(test).log_loss)
    new_loss = float(rs.FSRS(list(new)).evaluate(test).log_loss)
    which = "your personal parameters" if settings.fsrs_parameters else "FSRS's defaults"
    kept = new_loss < current_loss
    if kept:
        message = (f"new parameters kept: on your later {len(test)} reviews they predict recall better than "
                   f"{which} (log loss {new_loss:.4f} against {current_loss:.4f})")
    else:
        message = (f"kept {which}: the new parameters predict your later {len(test)} reviews no better "
                   f"(log loss {new_loss:.4f} against {current_loss:.4f})")
    return Fit(count, kept, message, len(train), len(test), current_loss, new_loss, new)
