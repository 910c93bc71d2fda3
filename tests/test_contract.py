"""The offset contract: every span dateline reports points into the text the user gave.

For every reader (dateline text, JSON Lines, a dated folder, HTML, standard input) and
for `extract_text`, on texts with leading blank lines, CRLF, a BOM, U+2028 and
non-ASCII names, `text[x.start:x.end] == x.text` for every timex, place, actor, event
party, trigger and evidence sentence. The CLI prints that text and agrees with the
library on ids and offsets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dateline import extract_text
from dateline.cli import app
from dateline.model import Document
from dateline.pipeline import process
from dateline.read import ReadReport, read_articles, read_bytes

BODY = (
    "Turkish President Recep Tayyip Erdoğan met Russian President Vladimir Putin in Sochi on Monday.\u2028"
    "Turkey and Russia agreed to make Idlib a demilitarised zone, the Kremlin said.\r\n\r\n"
    "Shia militias were evacuated from Foua and Kefraya last year, and Syrian troops attacked rebels "
    "near Idlib on Sunday.\r\n"
)
BOM = "\ufeff"
runner = CliRunner()


def spans(doc: Document) -> list[tuple[str, int, int, str]]:
    """Every (kind, start, end, text) the document claims about its article text."""
    found = [(kind, x.start, x.end, x.text) for kind, xs in
             (("timex", doc.timexes), ("place", doc.places), ("actor", doc.actors)) for x in xs]
    for event in doc.events:
        ev = event.evidence
        found.append(("sentence", ev.start, ev.end, ev.sentence))
        found.append(("trigger", ev.trigger_start, ev.trigger_end, ev.trigger))
        found += [("party", p.start, p.end, p.text) for p in event.actors + event.recipients if p.start is not None]
    return found


def assert_offsets_point_into_the_text(doc: Document) -> None:
    text = doc.article.text
    kinds = {kind for kind, *_ in spans(doc)}
    assert {"timex", "actor", "sentence", "trigger", "party"} <= kinds, kinds  # nothing checked vacuously
    for kind, start, end, said in spans(doc):
        assert text[start:end] == said, (kind, start, end, said, text[start:end])


def write_inputs(folder: Path) -> dict[str, Path]:
    """The same article in every file format, each wrapped the way real inputs are."""
    html = (f"<html><head><title>Idlib deal</title><meta name='pubdate' content='Wed, 19 Sep 2018 10:00:00 +0300'>"
            f"</head><body><nav>Home | World</nav><article><p>{BODY.splitlines()[0]}</p>"
            "<p>Turkey and Russia agreed to make Idlib a demilitarised zone, the Kremlin said.</p>"
            "<p>Syrian troops attacked rebels near Kefraya on Sunday.</p></article></body></html>")
    record = {"date": "Wed, 19 Sep 2018 10:00:00 +0300", "text": "\n\n " + BODY, "title": "Idlib deal"}
    dated = folder / "InputDocs" / "2018-09-19"
    dated.mkdir(parents=True)
    files = {
        "dateline text": folder / "article.txt",
        "jsonl": folder / "articles.jsonl",
        "dated folder": dated / "50.htm.txt",
        "html": folder / "page.html",
    }
    files["dateline text"].write_bytes((BOM + "\r\ndate 2018-09-19\r\n\r\n  " + BODY).encode())
    files["jsonl"].write_bytes((BOM + json.dumps(record, ensure_ascii=False) + "\r\n").encode())
    files["dated folder"].write_bytes(("\n\t" + BODY).encode())
    files["html"].write_text(html, encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def docs_by_reader(tmp_path_factory, nlp) -> dict[str, Document]:
    """One run of the real pipeline over the article as every reader and `extract_text` see it."""
    files = write_inputs(tmp_path_factory.mktemp("contract"))
    report = ReadReport()
    articles = list(read_articles([files[name] for name in files], report))
    articles += list(read_bytes((BOM + "date 2018-09-19 " + BODY).encode(), "<stdin>", report))
    assert not report.skipped and len(articles) == 5
    docs = dict(zip([*files, "stdin"], process(articles), strict=True))
    docs["extract_text"] = extract_text("\r\n  " + BODY, "2018-09-19")
    return docs


@pytest.mark.parametrize("reader", ["dateline text", "jsonl", "dated folder", "html", "stdin", "extract_text"])
def test_every_offset_points_into_the_text_the_reader_keeps(docs_by_reader, reader):
    doc = docs_by_reader[reader]
    assert doc.article.text.strip().startswith("Turkish President Recep Tayyip Erdoğan")
    assert_offsets_point_into_the_text(doc)


def test_readers_keep_the_users_text_as_given(docs_by_reader):
    assert docs_by_reader["dateline text"].article.text == "\r\n  " + BODY
    assert docs_by_reader["jsonl"].article.text == "\n\n " + BODY
    assert docs_by_reader["dated folder"].article.text == "\n\t" + BODY
    assert docs_by_reader["stdin"].article.text == BODY
    ids = {docs_by_reader[name].article.id for name in ("dateline text", "dated folder", "stdin", "extract_text")}
    assert len(ids) == 1  # same content, same date: one id however it is wrapped


def test_leading_newlines_shift_every_span_and_change_nothing_else(tmp_path, nlp):
    path = tmp_path / "a.jsonl"
    prefix = "\n\n\n"
    path.write_text("\n".join(json.dumps({"date": "2018-09-19", "text": t}) for t in (BODY, prefix + BODY)),
                    encoding="utf-8")
    plain, wrapped = process(read_articles([path]))
    shifted = [(kind, start + len(prefix), end + len(prefix), said) for kind, start, end, said in spans(plain)]
    assert spans(plain) and spans(wrapped) == shifted
    assert plain.article.id == wrapped.article.id
    assert [e.type for e in plain.events] == [e.type for e in wrapped.events]


def test_blank_lines_written_as_crlf_end_a_sentence_like_lf_ones(nlp):
    from dateline.nlp import load_model

    text = "Protesters gathered in Cairo\n\nPolice arrested ten of them."
    parse = load_model()
    assert len(list(parse(text.replace("\n", "\r\n")).sents)) == len(list(parse(text).sents)) == 2


def cli_extract(*args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, ["extract", *args], input=stdin, catch_exceptions=False)


def test_the_cli_and_extract_text_give_the_same_ids_offsets_and_text(tmp_path, nlp):
    path = tmp_path / "a.txt"
    path.write_bytes(("date 2018-09-19\n\n  " + BODY).encode())
    result = cli_extract(str(path))
    assert result.exit_code == 0, result.stderr
    (printed,) = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert printed == extract_text("\n  " + BODY, "2018-09-19").to_json()
    assert printed["article"]["text"] == "\n  " + BODY


def test_extract_prints_one_line_per_article_even_with_line_separators_in_the_text(tmp_path, nlp):
    path = tmp_path / "a.txt"
    path.write_text("date 2018-09-19 " + BODY, encoding="utf-8")
    result = cli_extract(str(path))
    (line,) = result.stdout.splitlines()  # U+2028 and friends are escaped, so any line splitter works
    assert json.loads(line)["article"]["text"] == BODY
    without = cli_extract(str(path), "--no-text")
    assert "text" not in json.loads(without.stdout)["article"]


def test_extract_reads_an_rss_date_and_refuses_an_ambiguous_one_naming_the_fix(tmp_path, nlp):
    path = tmp_path / "feed.jsonl"
    rss = {"date": "Wed, 23 Nov 2016 16:58:00 -0500", "text": "Turkey and Russia agreed on a ceasefire."}
    path.write_text(json.dumps(rss) + "\n", encoding="utf-8")
    result = cli_extract(str(path))
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert (article["date"], article["raw_date"]) == ("2016-11-23", rss["date"])

    path.write_text(json.dumps({**rss, "date": "03/04/2016"}) + "\n", encoding="utf-8")
    refused = cli_extract(str(path))
    assert refused.exit_code == 1 and not refused.stdout
    assert f"{path}:1: ambiguous date" in refused.stderr.replace("\n", "") and "--dayfirst" in refused.stderr
    accepted = cli_extract(str(path), "--dayfirst")
    assert accepted.exit_code == 0 and json.loads(accepted.stdout)["article"]["date"] == "2016-04-03"
    assert json.loads(cli_extract(str(path), "--monthfirst").stdout)["article"]["date"] == "2016-03-04"


def test_ingest_takes_the_date_order_too(tmp_path, nlp):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"date": "03/04/2016", "text": "Turkey and Russia agreed on a ceasefire."}) + "\n",
                    encoding="utf-8")
    db = str(tmp_path / "d.duckdb")
    refused = runner.invoke(app, ["ingest", str(path), "--db", db], catch_exceptions=False)
    assert refused.exit_code == 1 and "--dayfirst" in refused.stderr
    accepted = runner.invoke(app, ["ingest", str(path), "--db", db, "--monthfirst"], catch_exceptions=False)
    assert accepted.exit_code == 0 and "1 article added" in accepted.stderr
