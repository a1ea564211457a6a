"""The training-curve coach: what the epoch history of a check shows, in plain words.

Pure: it takes the ``Epoch`` events a check streamed (``drill.check.events``) and returns
findings, each with the note or card that explains the fix. The rules (docs/coach.md) look at
the last ``fit`` call, since that is the one that trained the saved model:

=================  ====================================================================  =========
finding            rule                                                                  severity
=================  ====================================================================  =========
nan                a loss is NaN or infinite                                              problem
diverging          final training loss > 1.5 × the first, or > 3 × the lowest             problem
flat               ≥ 3 epochs and the training loss moved < 1 % of its first value       problem
overfitting        validation loss ≥ 10 % above its best while training loss kept         problem
                   falling past the best epoch, or (≥ 5 epochs) validation loss > 2 ×
                   training loss at the end, validation stalled (< 1 % better over the
                   last quarter) while training still fell > 5 %
underfitting       the validation loss (training loss without validation) still fell     advice
                   > 5 % over the last quarter of the epochs, and no problem above
wasted_epochs      ≥ 3 epochs (and ≥ 25 % of them) after the best epoch (validation       advice
                   loss, else training loss within 0.1 %) and no early stop
no_validation      no ``val_loss`` in the history                                         advice
healthy            none of the problems above, and not underfitting                       fine
=================  ====================================================================  =========
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

OVERFIT_RISE = 1.10  # validation loss this far above its best counts as rising
GAP_RATIO = 2.0  # final validation loss over final training loss
FLAT_CHANGE = 0.01  # relative change of the training loss below which it is flat
STILL_FALLING = 0.05  # relative drop over the last quarter: the model was still learning
WASTED_MIN = 3  # epochs after the best one before they count as wasted …
WASTED_SHARE = 0.25  # … and this share of all epochs


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str  # "problem", "advice" or "fine"
    message: str
    links: tuple[str, ...] = field(default_factory=tuple)  # "note:<id>" or "card:<id>"


@dataclass(frozen=True)
class Point:
    """One epoch of the curve: training loss and validation loss (None when not measured)."""

    epoch: int
    loss: float | None
    val_loss: float | None


def curve_of(epochs: Iterable) -> list[Point]:
    """The points of the last ``fit`` call from Epoch events (or dicts of the same fields)."""
    items = [e if isinstance(e, dict) else e.model_dump() for e in epochs]
    if not items:
        return []
    last_fit = max(int(e.get("fit", 1)) for e in items)
    points = {}
    for e in items:
        if int(e.get("fit", 1)) == last_fit:
            metrics = e.get("metrics") or {}
            points[int(e["epoch"])] = Point(int(e["epoch"]), e.get("loss"), metrics.get("val_loss"))
    return [points[k] for k in sorted(points)]


def _finite(values: Sequence[float | None]) -> bool:
    return all(v is not None and math.isfinite(v) for v in values)


def _best(values: Sequence[float]) -> int:
    return min(range(len(values)), key=lambda i: values[i])


def coach(epochs: Iterable, *, stopped_early: bool = False) -> list[Finding]:
    """Findings about a training curve, most important first (empty when no epoch was seen)."""
    curve = curve_of(epochs)
    if not curve:
        return []
    loss = [p.loss for p in curve]
    val = [p.val_loss for p in curve]
    has_val = all(v is not None for v in val)
    n = len(curve)
    epochs_run = curve[-1].epoch - curve[0].epoch + 1  # n, unless fast epochs were sampled
    if not _finite(loss) or (has_val and not _finite(val)):
        bad = next(p.epoch for p in curve if not _finite([p.loss]) or (has_val and not _finite([p.val_loss])))
        return [Finding("nan", "problem", f"The loss became NaN or infinite at epoch {bad}: the learning rate is too high, "
                        "or the inputs are not scaled (divide pixels by 255, normalise large numbers).",
                        ("note:troubleshooting/loss-is-nan", "card:nn-build-nan-loss"))]
    findings: list[Finding] = []
    first, low, last = loss[0], min(loss), loss[-1]
    if n >= 2 and (last > 1.5 * first or last > 3 * low > 0):
        findings.append(Finding("diverging", "problem", f"The training loss grew from {_num(first)} (lowest {_num(low)}) to {_num(last)}: "
                                "the steps overshoot. Lower the learning rate (by 10×), or scale the inputs.",
                                ("card:ts-lr-why", "note:snippets/lr-sweep")))
    elif n >= 3 and (max(loss) - low) <= FLAT_CHANGE * max(abs(first), 1e-12):
        findings.append(Finding("flat", "problem", f"The training loss stayed at about {_num(first)} for {epochs_run} epochs: nothing was learnt. "
                                "Try a higher learning rate, check the inputs are scaled and the labels match the loss "
                                "and the output layer.", ("card:ts-lr-why", "note:troubleshooting/accuracy-below-target")))
    if has_val and n >= 2:
        vals = [float(v) for v in val]  # type: ignore[arg-type]
        best = _best(vals)
        rising = vals[-1] >= OVERFIT_RISE * vals[best] and best < n - 1 and loss[-1] < loss[best]
        # a wide gap counts once validation has stalled while training still improves
        gap = (n >= 5 and vals[-1] > GAP_RATIO * loss[-1] > 0
               and _drop(vals, n) < FLAT_CHANGE and _drop(loss, n) > STILL_FALLING)
        if rising or gap:
            why = (f"validation loss was best at epoch {curve[best].epoch} ({_num(vals[best])}) and rose to {_num(vals[-1])} "
                   "while the training loss kept falling" if rising else
                   f"validation loss ends at {_num(vals[-1])}, more than twice the training loss {_num(loss[-1])}")
            findings.append(Finding("overfitting", "problem", f"Overfitting: {why}. Add dropout or augmentation, use a smaller "
                                    "model, or stop at the best epoch (EarlyStopping with restore_best_weights=True).",
                                    ("note:troubleshooting/overfitting", "card:nn-overfit-triage")))
    if not findings and n >= 4:
        watched = [float(v) for v in val] if has_val else loss  # type: ignore[arg-type]
        quarter = max(n // 4, 1)
        if _drop(watched, n) > STILL_FALLING:
            what = "validation loss" if has_val else "training loss"
            findings.append(Finding("underfitting", "advice", f"The {what} was still falling at the end ({_num(watched[-1 - quarter])} → "
                                    f"{_num(watched[-1])} over the last {quarter} epochs): the model had more to learn. Train "
                                    "longer, raise the learning rate a little, or give the model more capacity.",
                                    ("note:troubleshooting/accuracy-below-target",)))
    if not stopped_early and n >= 2 and not any(f.kind in ("diverging", "flat") for f in findings):
        series = [float(v) for v in val] if has_val else loss  # type: ignore[arg-type]
        best = _best(series)
        if not has_val:  # on training loss only, tiny late gains do not count
            best = next(i for i, v in enumerate(series) if v <= series[best] * 1.001 + 1e-12)
        # by epoch number: the check streams fast epochs sampled (at most ten a second), not every one
        after = curve[-1].epoch - curve[best].epoch
        if after >= WASTED_MIN and after >= WASTED_SHARE * epochs_run:
            what = "validation loss" if has_val else "training loss"
            findings.append(Finding("wasted_epochs", "advice", f"{after} of {epochs_run} epochs came after the best {what} (epoch "
                                    f"{curve[best].epoch}) and added nothing: EarlyStopping(patience=3, "
                                    "restore_best_weights=True) saves that time and keeps the best weights.",
                                    ("note:snippets/callbacks-early-stopping", "card:nn-callbacks-restore-best")))
    if not has_val:
        findings.append(Finding("no_validation", "advice", "No validation data: pass validation_data (or validation_split) "
                                "to fit, so the curve can show overfitting and early stopping has something to watch.",
                                ("card:nn-callbacks-missing-val", "note:troubleshooting/overfitting")))
    if not any(f.severity == "problem" or f.kind == "underfitting" for f in findings):
        findings.insert(0, Finding("healthy", "fine", f"The curve looks healthy: the training loss fell from {_num(first)} to "
                                   f"{_num(last)}" + (f" and validation loss followed it ({_num(val[-1])})." if has_val else ".")))
    return findings


def _drop(values: Sequence[float], n: int) -> float:
    """Relative fall of ``values`` over the last quarter of the epochs (negative when it rose)."""
    quarter = max(n // 4, 1)
    before = values[-1 - quarter] if n > quarter else values[0]
    return (before - values[-1]) / before if before > 0 else 0.0


def _num(value: float | None) -> str:
    """Enough digits for any scale: 0.0123, 1.2e-11, 3.5e+04."""
    if value is None:
        return "—"
    return f"{value:.3g}" if 1e-3 <= abs(value) < 1e4 or value == 0 else f"{value:.2e}"


def findings_text(findings: list[Finding]):
    """The findings as rich Text: one paragraph each, with its links (the app and ``drill check``)."""
    from rich.text import Text

    text = Text()
    marks = {"problem": ("!", "bold yellow"), "advice": ("·", "cyan"), "fine": ("✓", "green")}
    for n, finding in enumerate(findings):
        mark, style = marks[finding.severity]
        text.append(("\n" if n else "") + f"{mark} ", style=style)
        text.append(finding.message)
        if finding.links:
            text.append("\n  see " + ", ".join(finding.links), style="dim")
    return text
