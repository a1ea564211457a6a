"""Anki export and CSV/TSV card import: valid output, per-row errors, nothing half-imported."""

import sqlite3
import zipfile

import pytest

from drill.cli import main
from drill.content.decks import load_decks
from drill.errors import DataError, UsageError
from drill.interop.anki import export_apkg, select
from drill.interop.csv_cards import import_cards
from helpers import make_decks


def open_apkg(path, tmp_path):
    with zipfile.ZipFile(path) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", tmp_path / "unzipped")
    return sqlite3.connect(tmp_path / "unzipped" / "collection.anki2")


def test_apkg_is_sqlite_in_zip_with_one_note_per_card(tmp_path):
    cards = list(make_decks(tmp_path).cards.values())
    target = tmp_path / "out.apkg"
    assert export_apkg(cards, target) == 3
    db = open_apkg(target, tmp_path)
    rows = db.execute("select guid, flds, tags from notes order by sfld").fetchall()
    assert len(rows) == 3
    fields = {r[1].split("\x1f")[3]: r for r in rows}
    assert set(fields) == {"t-fit", "t-conv", "t-window"}
    front, back = fields["t-fit"][1].split("\x1f")[:2]
    assert "<pre><code" in front and "style=" in front  # code block highlighted inline
    assert "trains the model" in back
    assert "nn.build" in fields["t-fit"][2] and "topic:nn" in fields["t-fit"][2]


def test_reexport_keeps_note_guids(tmp_path):
    cards = list(make_decks(tmp_path).cards.values())
    export_apkg(cards, tmp_path / "a.apkg")
    export_apkg(cards, tmp_path / "b.apkg")
    guids_a = {r[0] for r in open_apkg(tmp_path / "a.apkg", tmp_path / "x").execute("select guid from notes")}
    guids_b = {r[0] for r in open_apkg(tmp_path / "b.apkg", tmp_path / "y").execute("select guid from notes")}
    assert guids_a == guids_b


def test_selection_by_topic_and_skill(tmp_path):
    cards = make_decks(tmp_path).cards.values()
    assert [c.id for c in select(cards, topics={"ts"})] == ["t-window"]
    assert [c.id for c in select(cards, skills={"img.conv"})] == ["t-conv"]
    assert select(cards, topics={"nlp"}) == []


@pytest.mark.parametrize("name", ["missing-folder/out.apkg", "out.zip"])
def test_bad_apkg_target_is_refused(tmp_path, name):
    cards = list(make_decks(tmp_path).cards.values())
    with pytest.raises(UsageError):
        export_apkg(cards, tmp_path / name)
    assert not (tmp_path / "out.zip").exists()


def test_unwritable_apkg_folder_is_refused_cleanly(tmp_path):
    cards = list(make_decks(tmp_path).cards.values())
    target = tmp_path / "is-a-dir.apkg"
    target.mkdir()  # replacing a folder fails even for root
    with pytest.raises(UsageError, match="cannot write"):
        export_apkg(cards, target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


CSV = "front,back,skills,resource,id\nWhat is an epoch?,One pass over the training data.,nn.build,course,my-epoch\n\"Which layer, for images?\",Conv2D,\"img.conv, nn.build\",book,\n"


def test_csv_import_writes_a_valid_deck_of_your_own(drill_home, tmp_path):
    source = tmp_path / "mine.csv"
    source.write_text(CSV, encoding="utf-8")
    target, count = import_cards(source, drill_home, existing_ids=set())
    assert count == 2 and target == drill_home / "decks" / "imported-mine.md"
    decks = load_decks(drill_home / "decks")
    assert decks.problems == []
    assert decks.cards["my-epoch"].answer() == "One pass over the training data."
    other = next(c for c in decks.cards.values() if c.id != "my-epoch")
    assert other.skills == ("img.conv", "nn.build") and other.resource == "book" and other.id.startswith("my-which-layer-for-images")


def test_tsv_import(drill_home, tmp_path):
    source = tmp_path / "cards.tsv"
    source.write_text("front\tback\tskills\tresource\nQ1\tA1\tts.mae\tdocs\n", encoding="utf-8")
    _, count = import_cards(source, drill_home, existing_ids=set())
    assert count == 1


def test_bad_rows_are_listed_by_row_and_nothing_is_written(drill_home, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text(
        "front,back,skills,resource,id\n"
        "ok front,ok back,nn.build,course,fine-id\n"
        ",no front,nn.build,course,\n"
        "Q,A,nn.wrong,podcast,\n"
        "Q2,A2,nn.build,course,fine-id\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as error:
        import_cards(source, drill_home, existing_ids=set())
    message = error.value.message
    assert "3 of 4 rows" in message
    assert "row 3: front is empty" in message
    assert "row 4: unknown skill id(s) nn.wrong; resource must be one of course, book, docs, practice, got 'podcast'" in message
    assert "row 5: id 'fine-id' is already used by another card" in message
    assert not (drill_home / "decks").exists()


def test_missing_columns_and_bad_encoding(drill_home, tmp_path):
    missing = tmp_path / "missing.csv"
    missing.write_text("question,answer\nQ,A\n", encoding="utf-8")
    with pytest.raises(DataError, match="lacks the column"):
        import_cards(missing, drill_home, existing_ids=set())
    latin = tmp_path / "latin.csv"
    latin.write_bytes("front,back,skills,resource\nCaf\xe9,A,nn.build,course\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        import_cards(latin, drill_home, existing_ids=set())


def test_clashing_with_a_shipped_id_is_refused(drill_home, tmp_path):
    source = tmp_path / "clash.csv"
    source.write_text("front,back,skills,resource,id\nQ,A,nn.build,course,t-fit\n", encoding="utf-8")
    with pytest.raises(DataError, match="already used"):
        import_cards(source, drill_home, existing_ids=set(make_decks(tmp_path).cards))


def test_cli_round(drill_home, tmp_path, capsys):
    source = tmp_path / "mine.csv"
    source.write_text(CSV, encoding="utf-8")
    assert main(["import-cards", str(source)]) == 0
    assert main(["anki", str(tmp_path / "all.apkg"), "--topic", "img"]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert main(["import-cards", str(tmp_path / "nope.csv")]) == 2
