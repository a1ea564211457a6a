"""Small builders shared by tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from drill.content.decks import load_decks

DECK = """# Deck: test
## t-fit
skills: nn.build
resource: course

What does `fit` do?

```python
model.fit(x, y, epochs=5)
```

---

It trains the model.

## t-conv
skills: img.conv
resource: course

What does a Conv2D layer learn?

---

Small filters that slide over the image.

## t-window
skills: ts.windows
resource: book

Trailing or centred window for forecasting?

---

Trailing: a centred one peeks at the future.
"""


class Clock:
    """A settable clock for sessions under test."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def write_deck(folder: Path, text: str = DECK, name: str = "test.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def make_decks(tmp_path: Path):
    return load_decks(write_deck(tmp_path / "decks").parent)


def heldout_data():
    """The grader-only held-out helpers (``exercises/_grader/drill_heldout.grader.py``), loaded the way
    the grading process loads them: by path, never by an import path a learner's file has."""
    from drill.check.grader import HELPERS, load_helpers
    from drill.content.exercises import exercises_root

    return load_helpers(exercises_root() / HELPERS)


async def settle(pilot) -> None:
    """Wait until the screen's thread workers (Today's agenda and readiness) have shown their results."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
