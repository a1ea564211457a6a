"""Notes search: case-insensitive, every word must match, title hits above body hits, fast."""

from __future__ import annotations

from pathlib import Path

from drill.content.notes import Note, search


def _note(note_id: str, title: str, body: str, skills=(), body_line: int = 7) -> Note:
    return Note(id=note_id, title=title, body=body, skills=tuple(skills), path=Path(f"{note_id}.md"), body_line=body_line)


NOTES = [
    _note("a", "Plotting history", "Use matplotlib.\nOverfitting shows as curves parting.\n"),
    _note("b", "Overfitting checklist", "Dropout and augmentation.\n"),
    _note("c", "Callbacks", "EarlyStopping fights OVERFITTING too.\nOverfitting again, overfitting.\n"),
    _note("d", "Shapes", "Nothing relevant.\n", skills=("nn.overfit",)),
]


def test_title_hits_rank_above_body_hits():
    ids = [hit.note.id for hit in search(NOTES, "overfitting")]
    assert ids[0] == "b"
    assert set(ids) == {"a", "b", "c"}
    assert ids.index("c") < ids.index("a")       # more body hits rank higher among body hits


def test_case_insensitive_and_all_words_required():
    assert [h.note.id for h in search(NOTES, "EARLYSTOPPING")] == ["c"]
    assert [h.note.id for h in search(NOTES, "overfitting dropout")] == ["b"]
    assert search(NOTES, "overfitting zebra") == []
    assert search(NOTES, "   ") == []


def test_skills_match_between_title_and_body():
    ids = [h.note.id for h in search(NOTES, "overfit")]
    assert ids[0] == "b" and ids[1] == "d"


def test_snippet_is_the_matching_line_with_its_file_line():
    hit = search(NOTES, "earlystopping")[0]
    assert hit.snippet == "EarlyStopping fights OVERFITTING too." and hit.line == 7
    hit = search(NOTES, "curves")[0]
    assert hit.snippet == "Overfitting shows as curves parting." and hit.line == 8
    title_only = search(NOTES, "shapes")[0]
    assert title_only.snippet == "Shapes"


def test_limit():
    assert len(search(NOTES, "overfitting", limit=2)) == 2


def test_hundreds_of_notes_every_match_found():
    """Correctness at scale; the speed of this search is a benchmark (bench/bench_notes_search.py),
    not a timed assertion, since this machine is shared and noisy."""
    body = "\n".join(f"line {i} about layers, tensors and training loops" for i in range(60))
    many = [_note(f"n{i}", f"Note number {i}", body + ("\nthe rare word lstm" if i % 7 == 0 else "")) for i in range(500)]
    hits = search(many, "lstm training")
    assert len(hits) == 72 and {h.note.id for h in hits} == {f"n{i}" for i in range(0, 500, 7)}
