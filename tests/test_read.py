"""Readers: every accepted format, and every kind of bad input named with its reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.read import ReadReport, read_articles

SEED = Path(__file__).parent / "data" / "seed.txt"


def read(*paths: Path | str, max_chars: int = 1_000_000) -> tuple[list, ReadReport]:
    report = ReadReport()
    return list(read_articles(paths, report, max_chars=max_chars)), report


def test_dateline_text_with_text_on_the_date_line():
    (art,), report = read(SEED)
    assert art.date == dt.date(2018, 9, 19)
    assert art.text.startswith("Turkish President Recep Tayyip Erdogan")
    assert report.read == 1 and not report.skipped


def test_dateline_text_with_text_on_the_next_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("\n\ndate 2020-01-02\nPolice arrested ten protesters.\n", encoding="utf-8")
    (art,), _ = read(p)
    assert art.date == dt.date(2020, 1, 2) and art.text == "Police arrested ten protesters."


def test_jsonl_with_time_and_date_fields_and_optional_metadata(tmp_path):
    p = tmp_path / "a.jsonl"
    rows = [{"id": "a1", "time": "2011-02-11 00:00:00", "text": "Protests went on."},
            {"date": "2012-03-04", "text": "Talks began.", "title": "T", "url": "http://x", "source": "S"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (a, b), report = read(p)
    assert (a.id, a.date) == ("a1", dt.date(2011, 2, 11))
    assert (b.title, b.url, b.source, b.date) == ("T", "http://x", "S", dt.date(2012, 3, 4))
    assert len(b.id) == 16 and report.read == 2


def test_jsonl_bad_lines_are_named_by_line_number_and_the_rest_is_read(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"date": "2012-03-04", "text": "ok"}\n{"text": "no date"}\nnot json\n'
                 '{"date": "2018-02-30", "text": "bad day"}\n{"date": "2012-03-05", "text": "ok too"}\n',
                 encoding="utf-8")
    arts, report = read(p)
    assert [a.text for a in arts] == ["ok", "ok too"]
    reasons = dict(report.skipped)
    assert reasons[f"{p}:2"].startswith("no date")
    assert reasons[f"{p}:3"].startswith("bad JSON")
    assert reasons[f"{p}:4"].startswith("invalid date: 2018-02-30")


def test_folder_tree_takes_the_date_from_the_path(tmp_path):
    d = tmp_path / "InputDocs" / "2011-04-21"
    d.mkdir(parents=True)
    (d / "50.htm.txt").write_text("Rebels shelled the town.", encoding="utf-8")
    (art,), _ = read(tmp_path / "InputDocs")
    assert art.date == dt.date(2011, 4, 21) and art.text == "Rebels shelled the town."


def test_html_page_main_text_title_and_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Talks in Geneva</title>"
        "<meta property='article:published_time' content='2019-03-04T10:00:00Z'></head>"
        "<body><nav>Home | World</nav><article><h1>Talks in Geneva</h1>"
        "<p>Diplomats from both sides met in Geneva on Monday and agreed to continue talks next week.</p>"
        "<p>The United Nations envoy said the meeting was constructive and urged a ceasefire.</p>"
        "</article></body></html>", encoding="utf-8")
    (art,), _ = read(p)
    assert art.date == dt.date(2019, 3, 4)
    assert "met in Geneva on Monday" in art.text and "Home | World" not in art.text
    assert art.title == "Talks in Geneva"


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"date 2018-09-19 Iran condemned the strike.")))
    (art,), _ = read("-")
    assert art.text == "Iran condemned the strike." and art.origin == "<stdin>"


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n ", "empty"),
    "binary.bin": (bytes(range(256)) * 4, "binary"),
    "nodate.txt": (b"Troops entered the city on Monday.", "no date"),
    "baddate.txt": (b"date 2018-02-30 Troops entered the city.", "invalid date: 2018-02-30"),
    "latin1.txt": ("date 2018-09-19 Troops entered Bogotá.".encode("latin-1"), "invalid UTF-8"),
    "onlydate.txt": (b"date 2018-09-19", "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_inputs_are_named_with_their_reason_and_the_rest_is_read(tmp_path, name):
    data, reason = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    arts, report = read(bad, SEED)
    assert len(arts) == 1 and arts[0].date == dt.date(2018, 9, 19)
    assert report.skipped[0][0] == str(bad)
    assert report.skipped[0][1].startswith(reason), report.skipped


def test_a_20_mb_article_is_refused_with_the_limit_named(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("date 2018-09-19 " + "Troops advanced. " * (20 * 1024 * 1024 // 17), encoding="utf-8")
    arts, report = read(big, SEED)
    assert len(arts) == 1
    (origin, reason), = report.skipped
    assert origin == str(big) and reason.startswith("too long") and "--max-chars" in reason


def test_missing_paths_and_summary(tmp_path):
    arts, report = read(tmp_path / "nope.txt", SEED)
    assert len(arts) == 1
    assert report.summary() == "1 read, 1 skipped (1 no such file or folder)"
