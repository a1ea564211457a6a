"""``drill note``: a learner note from the template, opened in $EDITOR or its path printed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drill.commands import note as command
from drill.content.notes import load_notes


def _args(home: Path, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    command.configure(parser)
    args = parser.parse_args(list(argv))
    args.home = home
    return args


def test_creates_from_template_and_prints_path_without_editor(drill_home, monkeypatch, capsys):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    assert command.run(_args(drill_home, "LSTM", "tricks")) == 0
    path = drill_home / "notes" / "lstm-tricks.md"
    assert str(path) in capsys.readouterr().out
    shelf = load_notes(None, drill_home / "notes")
    assert shelf.problems == []
    assert [(n.id, n.title, n.own) for n in shelf.notes] == [("mine/lstm-tricks", "LSTM tricks", True)]


def test_never_overwrites(drill_home, monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "")
    command.run(_args(drill_home, "Same"))
    (drill_home / "notes" / "same.md").write_text("# mine, edited\n")
    command.run(_args(drill_home, "Same"))
    assert (drill_home / "notes" / "same.md").read_text() == "# mine, edited\n"
    assert (drill_home / "notes" / "same-2.md").exists()


def test_opens_the_editor(drill_home, monkeypatch, tmp_path, capsys):
    log = tmp_path / "opened.txt"
    script = tmp_path / "fake_editor.py"
    script.write_text(f"import sys\nopen({str(log)!r}, 'w').write(sys.argv[1])\n")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert command.run(_args(drill_home)) == 0
    assert log.read_text() == str(drill_home / "notes" / "my-note.md")
    assert "Saved" in capsys.readouterr().out


def test_list_marks_own_notes(drill_home, monkeypatch, capsys, tmp_path):
    content = tmp_path / "content"
    (content / "notes").mkdir(parents=True)
    (content / "notes" / "exam-day.md").write_text("---\ntitle: Exam day\nkind: guide\n---\n")
    (drill_home / "notes").mkdir()
    (drill_home / "notes" / "x.md").write_text("# Mine\n")
    monkeypatch.setenv("DRILL_CONTENT", str(content))
    assert command.run(_args(drill_home, "--list")) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["exam-day", "guide", "Exam", "day"]
    assert out[1].split() == ["mine/x", "mine", "Mine"]
    assert out[2].startswith("2 notes (1 yours")
