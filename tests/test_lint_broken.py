"""The content check on deliberately broken fixture content: every problem at its exact file:line."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from drill.content.lint import coverage, coverage_problems, format_coverage, lint
from drill.content.skills import SKILLS_FILE

FIXTURE = Path(__file__).parent / "fixtures" / "broken_decks"


def _where(report, code=None):
    return sorted(
        (p.path.relative_to(FIXTURE).as_posix(), p.line, p.code)
        for p in report.problems
        if code is None or p.code == code
    )


@pytest.fixture(scope="module")
def report():
    return lint(FIXTURE, FIXTURE / "home", coverage_checks=False)


def test_every_static_problem_at_its_line(report):
    assert _where(report) == [
        ("decks/alpha.md", 14, "deck"),       # unknown skill nn.nope
        ("decks/alpha.md", 30, "syntax"),     # '[' never closed, reported at the block's line 2
        ("decks/beta.md", 1, "deck"),         # duplicate id fx-good
        ("home/notes/my-own.md", 5, "syntax"),  # the learner's notes are checked too
        ("notes/bad-note.md", 4, "note"),     # unknown skill nn.unknown
        ("notes/bad-note.md", 5, "note"),     # unknown front-matter key
        ("notes/bad-note.md", 19, "syntax"),  # def f(:
        ("notes/no-front-matter.md", 1, "note"),
    ]
    assert not report.ok


def test_messages_say_what_is_wrong(report):
    text = "\n".join(str(p) for p in report.problems)
    assert "unknown skill id 'nn.nope'" in text
    assert "duplicate card id 'fx-good'" in text and "alpha.md:3" in text
    assert "unknown front-matter key 'colour'" in text
    assert "does not parse" in text


def test_text_blocks_and_cloze_gaps_are_not_syntax_errors(report):
    lines = {(p.path.name, p.line) for p in report.problems}
    assert ("alpha.md", 58) not in lines            # ```text block broken on purpose
    assert not any(p.path.name == "beta.md" and p.code == "syntax" for p in report.problems)


def test_learner_decks_load_beside_shipped(report):
    assert "fx-mine" in report.cards
    assert any(n.own and n.id == "mine/my-own" for n in report.notes)


def test_runnables_found_and_unparsable_ones_left_out(report):
    labels = sorted(r.label for r in report.runnables)
    assert labels == ["card 'fx-runs-badly'", "note 'fails'"]   # bad-note does not parse


def test_run_reports_the_failing_line(report):
    ran = lint(FIXTURE, None, run=True, coverage_checks=False, timeout_s=60)
    assert _where(ran, "run") == [("decks/alpha.md", 46, "run"), ("notes/fails.md", 14, "run")]
    messages = [p.message for p in ran.problems if p.code == "run"]
    assert "RuntimeError: boom on purpose" in messages[0]
    assert "IndexError" in messages[1]
    assert ran.ran == 2


def test_timeout_is_a_problem(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "slow.md").write_text(
        "---\ntitle: Slow\nkind: snippet\nrunnable: yes\n---\n\n```python\nimport time\ntime.sleep(30)\n```\n"
    )
    result = lint(tmp_path, None, run=True, coverage_checks=False, timeout_s=1)
    assert [(p.line, p.code) for p in result.problems] == [(8, "run")]
    assert "ran past its 1 s limit" in result.problems[0].message


def test_coverage_problems_point_into_skills_toml():
    cards = list(lint(FIXTURE, None, coverage_checks=False).cards.values())
    problems = coverage_problems(cards)
    lines = SKILLS_FILE.read_text().splitlines()
    # loaded: fx-good (nn.build, course in alpha; the nn.tf2 one in beta is the duplicate),
    # fx-bad-python (docs), fx-runs-badly, fx-broken-on-purpose (practice), fx-cloze-ok (course)
    assert not any("'nn.build'" in p.message for p in problems)
    tf2 = next(p for p in problems if "'nn.tf2'" in p.message)
    assert tf2.path == SKILLS_FILE and lines[tf2.line - 1].startswith('"nn.tf2"')
    assert "has 0 card(s), needs at least 3" in tf2.message
    nn = next(p for p in problems if "section 'nn'" in p.message)
    assert lines[nn.line - 1].startswith("nn =") and "has no book card" in nn.message
    img = next(p for p in problems if "section 'img'" in p.message)
    assert "no course/book/docs/practice card" in img.message
    assert coverage(cards)["nn.build"] == {"course": 2, "book": 0, "docs": 1, "practice": 2}
    table = format_coverage(cards)
    assert table.splitlines()[-1].split() == ["all", "cards", "2", "0", "1", "2", "5"]


def test_exercise_python_files_must_parse(tmp_path):
    folder = tmp_path / "exercises" / "broken-drill"
    folder.mkdir(parents=True)
    (folder / "starter.py").write_text("def solution_model():\n    return (\n")
    result = lint(tmp_path, None, coverage_checks=False)
    assert [(p.path.name, p.code) for p in result.problems] == [("starter.py", "syntax")]


# --- the command ----------------------------------------------------------------------------


def _args(home: Path, *argv: str) -> argparse.Namespace:
    from drill.commands import lint as command

    parser = argparse.ArgumentParser()
    command.configure(parser)
    args = parser.parse_args(list(argv))
    args.home = home
    return args


def test_command_exit_codes_and_output(monkeypatch, capsys, tmp_path, drill_home):
    from drill.commands import lint as command

    monkeypatch.setenv("DRILL_CONTENT", str(FIXTURE))
    assert command.run(_args(drill_home)) == 1
    out = capsys.readouterr().out
    assert "decks/alpha.md:14: unknown skill id 'nn.nope'" in out

    clean = tmp_path / "clean"
    shutil.copytree(FIXTURE / "decks", clean / "decks")
    (clean / "decks" / "alpha.md").unlink()
    (clean / "decks" / "beta.md").write_text("## fx-one\nskills: nn.build\nresource: course\n\nQ\n\n---\n\nA\n")
    monkeypatch.setenv("DRILL_CONTENT", str(clean))
    assert command.run(_args(drill_home, "--json")) == 1           # coverage: far too few cards
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["cards"] == 1
    assert {p["code"] for p in data["problems"]} == {"skill-cards", "section-resource"}


def test_command_coverage_json(monkeypatch, capsys, drill_home):
    from drill.commands import lint as command

    monkeypatch.setenv("DRILL_CONTENT", str(FIXTURE))
    command.run(_args(FIXTURE / "home", "--coverage", "--json"))
    data = json.loads(capsys.readouterr().out)
    assert data["coverage"]["nn.build"] == {"course": 2, "book": 1, "docs": 1, "practice": 2}  # book: fx-mine
    assert data["totals"] == {"course": 2, "book": 1, "docs": 1, "practice": 2}


def test_through_the_cli(monkeypatch, capsys):
    from drill.cli import main

    monkeypatch.setenv("DRILL_CONTENT", str(FIXTURE))
    assert main(["--home", str(FIXTURE / "home"), "lint"]) == 1
    out = capsys.readouterr().out
    assert "notes/bad-note.md:19: python block does not parse" in out
    assert out.rstrip().splitlines()[-1].endswith("problems: 6 cards, 4 notes, 2 runnable (add --run to run them)")
