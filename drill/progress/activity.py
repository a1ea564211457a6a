"""Which tracked activity and topic a screen stands for (review, drill, notes, exam, or none)."""

from __future__ import annotations

ACTIVITY_BY_SCREEN = {
    "ReviewScreen": "review",
    "DrillsScreen": "drill",
    "AttemptScreen": "drill",
    "DrillScreen": "drill",
    "NotesScreen": "notes",
    "NoteScreen": "notes",
    "ExamScreen": "exam",
}
from drill.schedule.planner import CATEGORY_TOPIC  # the plan files a drill's hours under the same topic


def activity_of(screen, cards) -> tuple[str | None, str | None]:
    """(activity, topic) of ``screen``: a screen may set ``ACTIVITY`` and ``topic`` itself."""
    activity = getattr(screen, "ACTIVITY", None) or ACTIVITY_BY_SCREEN.get(type(screen).__name__)
    if activity is None:
        return None, None
    topic = getattr(screen, "topic", None)
    if not isinstance(topic, str):
        card = cards.get(getattr(screen, "card_id", None) or "")
        topic = getattr(card, "topic", None)
        if topic is None:  # a drill's topic follows its category (the workbench holds it in its spec)
            category = getattr(screen, "category", None) or getattr(getattr(screen, "spec", None), "category", None)
            topic = CATEGORY_TOPIC.get(category or "")
    return activity, topic if topic in ("dev", "nn", "img", "nlp", "ts") else None
