"""Screen names → where their class lives; imported only when first opened (fast start)."""

from __future__ import annotations

import importlib

ROUTES: dict[str, tuple[str, str]] = {
    "today": ("drill.tui.screens.today", "TodayScreen"),
    "review": ("drill.tui.screens.review", "ReviewScreen"),
    "stats": ("drill.tui.screens.stats", "StatsScreen"),
    "plan": ("drill.tui.screens.plan", "PlanScreen"),
    "notes": ("drill.tui.screens.notes", "NotesScreen"),
    "drills": ("drill.tui.screens.drills", "DrillsScreen"),
    "exam": ("drill.tui.screens.exam", "ExamScreen"),
    "cram": ("drill.tui.screens.review", "CramScreen"),
    "suspended": ("drill.tui.screens.suspended", "SuspendedScreen"),
    "settings": ("drill.tui.screens.settings", "SettingsScreen"),
}

TITLES: dict[str, str] = {
    "today": "Today",
    "review": "Review cards",
    "drills": "Coding drills",
    "notes": "Notes shelf",
    "stats": "Statistics",
    "plan": "Study plan",
    "exam": "Mock exam",
    "cram": "Review ahead (cram)",
    "suspended": "Suspended cards and drills",
    "settings": "Settings",
}


def screen_class(name: str):
    """The Screen class for a route name (KeyError for an unknown one)."""
    module, cls = ROUTES[name]
    return getattr(importlib.import_module(module), cls)
