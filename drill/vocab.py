"""The fixed vocabularies (resources, topics, exam categories), free of pydantic.

``drill.models`` builds its Literal types from the same words; the argument parser reads them
from here so that building it never imports pydantic (start-up: docs/benchmarks.md).
"""

RESOURCES = ("course", "book", "docs", "practice")
TOPICS = ("dev", "nn", "img", "nlp", "ts")
CATEGORIES = ("regression", "classic", "vision", "text", "series")
