"""Articles that are not English are found and handled as `--lang` says, in every input format (issue 15)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.read import ReadReport, read_articles
from dateline.read.lang import detect_foreign, english_share

GERMAN = ("Die Bundesregierung hat am Montag in Berlin neue Sanktionen gegen Russland beschlossen. Ein Sprecher "
          "des Auswärtigen Amtes sagte, man werde die Lage in der Ukraine weiter genau beobachten.")
FRENCH = ("Le gouvernement a annoncé lundi à Paris de nouvelles sanctions contre la Russie. Un porte-parole du "
          "ministère a déclaré que la situation en Ukraine restait très préoccupante.")
RUSSIAN = ("Правительство в понедельник объявило о новых санкциях, сообщил представитель министерства. "
           "Переговоры в Женеве продолжатся на следующей неделе.")
ENGLISH = ("Turkish troops entered the town on Monday after two days of shelling, the defence ministry said. "
           "Residents fled towards the border as the fighting spread.")
# English whose names outweigh its words: the identifier alone takes it for Turkish.
ENGLISH_TURKISH_NAMES = ("Kılıçdaroğlu, Erdoğan and Bahçeli met in Ankara; Hezbollah's Hassan Nasrallah and "
                         "Ali Akbar Velayati criticised Tel Aviv.")
SHORT_GERMAN = "Berlin beschließt Sanktionen gegen Moskau."


def _read(paths, lang="skip"):
    report = ReadReport()
    return list(read_articles(paths, report, lang=lang)), report


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr"), (RUSSIAN, "ru")])
def test_articles_in_other_languages_are_found(text, code):
    found = detect_foreign(text)
    assert found is not None and found.code == code and found.probability >= 0.95


def test_english_is_not_refused_even_with_many_foreign_names():
    from dateline.read.lang import _identifier

    assert _identifier().classify(ENGLISH_TURKISH_NAMES)[0] != "en"  # why the function words are needed
    assert english_share(ENGLISH_TURKISH_NAMES) >= 0.05
    assert detect_foreign(ENGLISH_TURKISH_NAMES) is None
    assert detect_foreign(ENGLISH) is None


def test_short_texts_are_too_short_to_tell_and_are_kept():
    assert detect_foreign(SHORT_GERMAN) is None
    assert detect_foreign("Gunmen killed 3 in Maiduguri.") is None


def _every_format(folder: Path, text: str) -> list[Path]:
    """The same article as dateline text, JSON Lines, a JSON array, an HTML page and a dated folder tree."""
    (folder / "a.txt").write_text(f"date 2019-03-04\n{text}", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"id": "b1", "date": "2019-03-04", "text": text}) + "\n",
                                    encoding="utf-8")
    (folder / "c.json").write_text(json.dumps([{"id": "c1", "date": "2019-03-04", "text": text}]), encoding="utf-8")
    (folder / "d.html").write_text("<html><head><meta property='article:published_time' content='2019-03-04'>"
                                   f"</head><body><article><p>{text}</p></article></body></html>", encoding="utf-8")
    tree = folder / "tree" / "2019-03-04"
    tree.mkdir(parents=True)
    (tree / "e.txt").write_text(text, encoding="utf-8")
    return [folder / "a.txt", folder / "b.jsonl", folder / "c.json", folder / "d.html", folder / "tree"]


def test_skip_leaves_out_every_format_and_names_each_article_and_language(tmp_path):
    paths = _every_format(tmp_path, GERMAN)
    articles, report = _read(paths)
    assert articles == [] and report.read == 0
    assert len(report.skipped) == 5
    for _, reason in report.skipped:
        assert reason.startswith("not English:") and "German (de" in reason and "--lang warn" in reason
    assert {origin.split("/")[-1] for origin, _ in report.skipped} == {"a.txt", "b.jsonl:1", "c.json[0]",
                                                                       "d.html", "e.txt"}
    assert "article b1 " in dict(report.skipped)[str(tmp_path / "b.jsonl") + ":1"]


def test_english_in_every_format_is_read_without_a_word(tmp_path):
    articles, report = _read(_every_format(tmp_path, ENGLISH_TURKISH_NAMES + " " + ENGLISH))
    assert len(articles) == 5 and report.skipped == [] and report.warnings == []


def test_warn_keeps_the_article_and_says_so(tmp_path):
    articles, report = _read(_every_format(tmp_path, FRENCH), lang="warn")
    assert len(articles) == 5 and report.read == 5 and report.skipped == []
    assert len(report.warnings) == 5 and all("French (fr" in reason for _, reason in report.warnings)


def test_keep_runs_no_check(tmp_path):
    articles, report = _read(_every_format(tmp_path, RUSSIAN), lang="keep")
    assert len(articles) == 5 and report.skipped == [] and report.warnings == []


def test_a_mixed_file_skips_only_its_foreign_lines(tmp_path):
    lines = [{"id": "en", "date": "2019-03-04", "text": ENGLISH}, {"id": "de", "date": "2019-03-04", "text": GERMAN}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    articles, report = _read([path])
    assert [a.id for a in articles] == ["en"] and report.read == 1 and len(report.skipped) == 1


def test_standard_input_is_checked_too(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"date 2019-03-04 {GERMAN}".encode())))
    articles, report = _read(["-"])
    assert articles == [] and report.skipped[0][0] == "<stdin>"


def test_an_unknown_policy_is_refused():
    with pytest.raises(ValueError, match="--lang 'drop'"):
        _read([], lang="drop")


def test_cli_extract_and_ingest_report_the_article_by_name_and_exit_1(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(f"date 2019-03-04\n{GERMAN}", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"skipped {path}: not English" in result.stderr and "German" in result.stderr
    result = runner.invoke(app, ["ingest", str(path), "--db", str(tmp_path / "t.duckdb"), "--workers", "1"])
    assert result.exit_code == 1 and "not English" in result.stderr and "0 articles added" in result.stderr
    result = runner.invoke(app, ["extract", "--lang", "nope", str(path)])
    assert result.exit_code == 2
