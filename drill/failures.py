"""Failures feed the cards: a failed or low check brings the cards of the skills it exposed forward.

Each failure kind a check can end in maps to checklist skills (and a few cards written for
exactly that trap). ``boost_for`` picks up to ``PER_CHECK`` cards of those skills and stores a
boost for each (table ``boosts``, keyed by card id) and a line in the ``boost_log`` log, so the
history says why a card came up early; the review itself is an ordinary FSRS review. The
queue (``drill.schedule.queue.with_boosts``) puts boosted cards first until each is reviewed
once after its boost, or the boost is ``BOOST_DAYS`` old.

``keep_card`` writes a card made from the failure (the learner's error and the fix) into the
learner's own deck ``<home>/decks/from-checks.md``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

FAILURE_SKILLS: dict[str, tuple[str, ...]] = {
    "shape": ("nn.input-shape", "nn.output-shape", "nn.test-shape"),
    "lambda": ("dev.save",),
    "reload": ("dev.save", "dev.versions"),
    "loss_string": ("dev.save", "dev.versions"),
    "under_bar": (),  # the drill's own skills
    "no_early_stop": ("nn.callbacks",),
    "timeout": ("dev.model-size", "nn.batching"),
    "memory": ("dev.model-size", "nn.batching"),
    "size": ("dev.model-size",),
    "nan": ("nn.preprocess", "ts.lr"),
    "code": ("dev.python", "dev.errors"),
    "no_model_file": ("dev.save",),
}
# Cards written for exactly one trap go first when they exist.
FAILURE_CARDS: dict[str, tuple[str, ...]] = {
    "loss_string": ("dev-save-mse-h5-trap",),
    "lambda": ("dev-save-lambda-refused",),
    "reload": ("dev-save-roundtrip", "dev-save-formats-keras3"),
    "no_early_stop": ("nn-callbacks-early-stopping-cloze", "nn-callbacks-restore-best"),
    "shape": ("nn-input-shape-what", "nn-output-shape-by-task", "nn-test-shape-same-treatment"),
    "size": ("dev-size-flatten-trap", "dev-save-check-size"),
    "nan": ("nn-build-nan-loss",),
    "no_model_file": ("dev-save-exam-h5",),
}
SHAPE_CODES = {"inputs", "input_shape", "input_dtype", "outputs", "output_shape"}
PER_CHECK = 3
BOOST_DAYS = 7
BOOSTS, BOOST_LOG = "boosts", "boost_log"


def skills_of(spec) -> tuple[str, ...]:
    """The checklist skills a drill trains (from its exercise.toml)."""
    skills = getattr(spec, "skills", None)
    if skills:
        return tuple(skills)
    from drill.content.exercises import exercises_root, load_exercises

    exercise = load_exercises(exercises_root()).exercises.get(spec.drill_id)
    return tuple(exercise.skills) if exercise is not None else ()


def failure_kinds(result) -> list[str]:
    """The failure kinds of a ``CheckResult`` (empty for a 5/5 or a cancelled check)."""
    kind = result.error_kind
    if kind == "cancelled" or (kind is None and result.score >= 5 and not result.problems):
        return []
    codes = {p.code for p in result.problems}
    text = f"{result.error_message} {result.output_tail[-2000:] if kind in ('crashed', 'exit') else ''}"
    kinds: list[str] = []
    if codes & SHAPE_CODES or (kind in ("crashed", "predict_failed") and re.search(r"shape|Shapes? .* incompatible", text)):
        kinds.append("shape")
    if "forbidden_layer" in codes or "Lambda" in text:
        kinds.append("lambda")
    if "early_stop" in codes:
        kinds.append("no_early_stop")
    if "size" in codes:
        kinds.append("size")
    if kind == "load_failed":
        kinds.append("loss_string" if re.search(r"\b(mse|mae)\b|Could not locate function", text) else "reload")
    simple = {"timeout": "timeout", "memory": "memory", "killed": "memory", "nan_loss": "nan", "no_model_file": "no_model_file",
              "syntax": "code", "import": "code", "no_solution_model": "code", "crashed": "code", "exit": "code"}
    if kind in simple and simple[kind] not in kinds and not (kind == "crashed" and kinds):
        kinds.append(simple[kind])
    if kind is None and result.score < 5:
        kinds.append("under_bar")
    return kinds


def cards_for(kinds: list[str], drill_skills: tuple[str, ...], cards: Mapping, states: Mapping, limit: int = PER_CHECK) -> list[str]:
    """Up to ``limit`` card ids for these failures: the trap's own cards, then cards of its skills
    (seen ones due soonest first, then unseen in deck order); suspended cards never."""
    def usable(card_id: str) -> bool:
        state = states.get(card_id)
        return card_id in cards and not (state is not None and state.suspended)

    chosen: list[str] = []
    for kind in kinds:
        chosen += [c for c in FAILURE_CARDS.get(kind, ()) if usable(c) and c not in chosen]
    skills = {s for kind in kinds for s in (FAILURE_SKILLS.get(kind) or drill_skills)}
    related = [c for c in cards.values() if skills & set(c.skills) and usable(c.id) and c.id not in chosen]

    def rank(card) -> tuple:
        state = states.get(card.id)
        seen = state is not None and state.last_review is not None
        return (0, state.due.timestamp(), card.order) if seen else (1, 0.0, card.order)

    chosen += [c.id for c in sorted(related, key=rank)]
    return chosen[:limit]


def boost_for(store, result, drill_skills: tuple[str, ...], cards: Mapping, states: Mapping, now: datetime) -> list[str]:
    """Store boosts for the cards a failed check exposed; returns their ids (empty for a pass)."""
    kinds = failure_kinds(result)
    if not kinds:
        return []
    ids = cards_for(kinds, drill_skills, cards, states)
    if not ids:
        return []
    at = now.isoformat()
    reason = f"{result.drill_id}: " + ", ".join(kinds)
    with store.batch():
        for card_id in ids:
            store.put(BOOSTS, card_id, {"card_id": card_id, "at": at, "drill_id": result.drill_id, "kinds": kinds, "reason": reason})
        store.append(BOOST_LOG, {"id": uuid.uuid4().hex, "at": at, "drill_id": result.drill_id, "kinds": kinds, "cards": ids, "score": result.score})
    return ids


def active_boosts(boosts: Mapping[str, dict], states: Mapping, now: datetime) -> list[str]:
    """Boosted card ids still waiting, oldest boost first: not reviewed since, not expired, not suspended."""
    waiting = []
    for card_id, boost in boosts.items():
        at = datetime.fromisoformat(boost["at"])
        state = states.get(card_id)
        reviewed = state is not None and state.last_review is not None and state.last_review >= at
        hidden = state is not None and (state.suspended or (state.buried_until is not None and state.buried_until > now))
        if reviewed or now - at > timedelta(days=BOOST_DAYS) or hidden:
            continue
        waiting.append((at, card_id))
    return [card_id for _, card_id in sorted(waiting)]


def failure_card_text(card_id: str, spec, result, kinds: list[str]) -> str:
    """A deck block for the learner's own deck: what went wrong in this drill and the fix."""
    skills = sorted({s for k in kinds for s in (FAILURE_SKILLS.get(k) or skills_of(spec))}) or list(skills_of(spec))
    what = result.error_message or (result.problems[0].message if result.problems else f"{result.metric} {result.value}")
    fix = result.error_hint or (result.problems[0].hint if result.problems else "") or f"reach the next bar of {spec.id}"
    return (f"## {card_id}\nskills: {', '.join(skills)}\nresource: practice\n\n"
            f"In drill `{spec.id}` my check failed with: {what.strip()}\n\nWhat was wrong, and what fixes it?\n\n---\n\n"
            f"{fix.strip()}\n")


def keep_card(home: Path, spec, result, now: datetime) -> tuple[Path, str]:
    """Append a card made from this failure to ``<home>/decks/from-checks.md``; returns (file, card id)."""
    from drill.content.cards import parse_deck
    from drill.content.skills import load_skills
    from drill.errors import DataError
    from drill.store.atomic import write_bytes_atomic

    kinds = failure_kinds(result) or ["under_bar"]
    card_id = f"mine-{spec.id}-{kinds[0].replace('_', '-')}-{now:%Y%m%d%H%M%S}"
    target = Path(home) / "decks" / "from-checks.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.read_text(encoding="utf-8") if target.exists() else "# Deck: from my checks\n"
    text = old.rstrip("\n") + "\n\n" + failure_card_text(card_id, spec, result, kinds)
    _cards, problems = parse_deck(text, target, set(load_skills()))
    if problems:
        raise DataError(f"the card would not load: {problems[0]}", hint="nothing was written")
    write_bytes_atomic(target, text.encode("utf-8"))
    return target, card_id
