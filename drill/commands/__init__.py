"""Subcommands of the ``drill`` command line: name → module.

Each module has ``configure(parser)`` and ``run(args) -> int``. All of them are imported to
build the parser, so their top-level imports stay light: anything heavy is imported inside
``run`` (and TensorFlow never, outside the check subprocess and ``drill doctor``'s probe).
"""

COMMANDS: dict[str, str] = {
    "review": "drill.commands.open_app",
    "drills": "drill.commands.open_app",
    "notes": "drill.commands.open_app",
    "stats": "drill.commands.open_app",
    "plan": "drill.commands.plan_cmd",
    "today": "drill.commands.today",
    "exam": "drill.commands.open_app",
    "check": "drill.commands.check",
    "new": "drill.commands.new",
    "instances": "drill.commands.instances",
    "log": "drill.commands.log",
    "hours": "drill.commands.hours",
    "readiness": "drill.commands.readiness",
    "settings": "drill.commands.settings",
    "lint": "drill.commands.lint",
    "note": "drill.commands.note",
    "doctor": "drill.commands.doctor",
    "anki": "drill.commands.cards_io",
    "import-cards": "drill.commands.cards_io",
    "suspended": "drill.commands.suspended",
    "unsuspend": "drill.commands.suspended",
    "optimize": "drill.commands.optimize",
    "export": "drill.commands.backup",
    "import": "drill.commands.backup",
}

HELP: dict[str, str] = {
    "review": 'open the app on the card review',
    "drills": 'open the app on the coding drills',
    "notes": 'open the app on the notes shelf',
    "stats": 'open the app on the statistics',
    "today": "today's agenda: cards due, new cards, drills, hours, the next step (--json)",
    "plan": 'the day-by-day study plan to the exam date (--json; --open for the Plan screen)',
    "exam": 'open the app on the mock exam (five tasks, a countdown, the 90 % bar)',
    "check": 'run a training check of a drill solution in the terminal',
    "new": "create a fresh attempt workspace from a drill's starter, on a data instance not solved lately",
    "instances": "a drill's data instances with your best score on each (--json)",
    "log": 'log study time done outside the app (or --list, --edit ID, --delete ID)',
    "hours": 'study hours by day, topic and resource (--week, --month, --json, --csv FILE)',
    "readiness": 'exam readiness per category and overall (--json)',
    "settings": 'show or change study settings: exam date, hours a day, path, new cards a day',
    "lint": 'check decks, notes and exercises for problems',
    "note": 'write a note of your own in $EDITOR',
    "doctor": 'check Python, TensorFlow, Keras, GPU, disk and memory, and run two tiny trainings',
    "anki": 'export concept cards to an Anki .apkg deck (all, or by --topic / --skill)',
    "import-cards": 'import cards from a CSV/TSV file (front, back, skills, resource[, id]) into your own deck',
    "suspended": 'list suspended cards and drills (--json)',
    "unsuspend": 'bring a suspended card or drill back into the queues',
    "optimize": 'fit personal FSRS parameters from your review log (from 1,000 reviews on)',
    "export": 'write a full JSON backup of your data to FILE',
    "import": 'restore your data from a JSON backup FILE (replaces current data)',
}
