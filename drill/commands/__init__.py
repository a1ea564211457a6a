"""Subcommands of the ``drill`` command line: name → module.

Each module has ``configure(parser)`` and ``run(args) -> int`` and is imported only when its
command runs, so ``drill --help`` and the app start stay fast (and TensorFlow-free).
"""

COMMANDS: dict[str, str] = {
    "doctor": "drill.commands.doctor",
    "check": "drill.commands.check", "new": "drill.commands.new",
    "anki": "drill.commands.cards_io",
    "import-cards": "drill.commands.cards_io",
    "review": "drill.commands.open_app",
    "exam": "drill.commands.open_app",
    "drills": "drill.commands.open_app",
    "notes": "drill.commands.open_app",
    "stats": "drill.commands.open_app",
    "plan": "drill.commands.plan_cmd",
    "export": "drill.commands.backup",
    "import": "drill.commands.backup",
    "lint": "drill.commands.lint",
    "note": "drill.commands.note",
    "log": "drill.commands.log",
    "hours": "drill.commands.hours",
    "readiness": "drill.commands.readiness",
    "settings": "drill.commands.settings",
}

HELP: dict[str, str] = {
    "anki": "export concept cards to an Anki .apkg deck (all, or by --topic / --skill)",
    "import-cards": "import cards from a CSV/TSV file (front, back, skills, resource[, id]) into your own deck",
    "review": "open the app on the card review",
    "exam": "open the app on the mock exam (five tasks, a countdown, the 90 % bar)",
    "drills": "open the app on the coding drills",
    "notes": "open the app on the notes shelf",
    "stats": "open the app on the statistics",
    "plan": "the day-by-day study plan to the exam date (--json; --open for the Plan screen)",
    "export": "write a full JSON backup of your data to FILE",
    "import": "restore your data from a JSON backup FILE (replaces current data)",
    "check": "run a training check of a drill solution in the terminal",
    "new": "create a fresh attempt workspace from a drill's starter",
    "lint": "check decks, notes and exercises for problems",
    "note": "write a note of your own in $EDITOR",
    "log": "log study time done outside the app (or --list, --edit ID, --delete ID)",
    "hours": "study hours by day, topic and resource (--week, --month, --json, --csv FILE)",
    "readiness": "exam readiness per category and overall (--json)",
    "settings": "show or change study settings: exam date, hours a day, path, new cards a day",
    "doctor": "check Python, TensorFlow, Keras, GPU, disk and memory, and run two tiny trainings",
}
