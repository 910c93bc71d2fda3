"""Readers: every accepted format, and every kind of bad input named with its reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.read import DateError, ReadReport, parse_article_date, read_articles

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
    # The header (blank lines, `date`, the date and its line end) is not text; the rest is, unchanged.
    assert art.date == dt.date(2020, 1, 2) and art.text == "Police arrested ten protesters.\n"
    assert art.raw_date == "2020-01-02"


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


# --- dates as the world writes them --------------------------------------------------------------

ACCEPTED_DATES = {
    "2016-11-23": dt.date(2016, 11, 23),
    "2011-02-11 00:00:00": dt.date(2011, 2, 11),
    "2016-11-23T16:58:00Z": dt.date(2016, 11, 23),
    # The calendar date as written, not converted to UTC (which would be the 24th).
    "2016-11-23T23:30:00-05:00": dt.date(2016, 11, 23),
    "2016-11-23T23:30:00.125+0100": dt.date(2016, 11, 23),
    "Wed, 23 Nov 2016 23:58:00 -0500": dt.date(2016, 11, 23),
    "Sun, 06 Nov 1994 08:49:37 GMT": dt.date(1994, 11, 6),
    "24 November 2016": dt.date(2016, 11, 24),
    "November 24, 2016": dt.date(2016, 11, 24),
    "Wed Nov 23, 2016 | 4:58pm EST": dt.date(2016, 11, 23),
    "2016/03/04": dt.date(2016, 3, 4),  # year first is always year-month-day
    "13/04/2016": dt.date(2016, 4, 13),  # valid one way only: no order needed
    "04/13/2016": dt.date(2016, 4, 13),
}


@pytest.mark.parametrize("raw", sorted(ACCEPTED_DATES))
def test_article_dates_in_the_forms_feeds_and_scrapes_use(raw):
    assert parse_article_date(raw) == ACCEPTED_DATES[raw]


REFUSED_DATES = {
    "03/04/2016": ("ambiguous date: '03/04/2016' is 4 March 2016 read month first and 3 April 2016 read day first",
                   "--dayfirst or --monthfirst"),
    "November 2016": ("partial date: 'November 2016' has no day", "full date"),
    "24 November": ("partial date: '24 November' has no year", "full date"),
    "2018-02-30": ("invalid date: 2018-02-30 does not exist", "day is out of range"),
    "last Tuesday": ("bad date: 'last Tuesday' is not a date", "ISO date"),
    "": ("bad date: the value is empty", "ISO date"),
}


@pytest.mark.parametrize("raw", sorted(REFUSED_DATES))
def test_dates_that_would_need_a_guess_are_refused_with_the_fix(raw):
    start, fix = REFUSED_DATES[raw]
    with pytest.raises(DateError) as caught:
        parse_article_date(raw)
    assert caught.value.reason.startswith(start) and fix in caught.value.reason


def test_the_date_order_decides_ambiguous_numeric_dates():
    assert parse_article_date("03/04/2016", "dayfirst") == dt.date(2016, 4, 3)
    assert parse_article_date("03/04/2016", "monthfirst") == dt.date(2016, 3, 4)
    assert parse_article_date("13/04/2016", "monthfirst") == dt.date(2016, 4, 13)
    with pytest.raises(ValueError, match="date_order must be one of"):
        parse_article_date("03/04/2016", "yearfirst")  # type: ignore[arg-type]


def test_jsonl_dates_in_every_form_keep_the_raw_value_and_ambiguous_lines_are_named(tmp_path):
    p = tmp_path / "feed.jsonl"
    rows = [{"date": "Wed, 23 Nov 2016 16:58:00 -0500", "text": "Talks began."},
            {"time": "2016-11-23T23:30:00-05:00", "text": "Talks went on."},
            {"date": "03/04/2016", "text": "Talks ended."}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (a, b), report = read(p)
    assert (a.date, a.raw_date) == (dt.date(2016, 11, 23), "Wed, 23 Nov 2016 16:58:00 -0500")
    assert (b.date, b.raw_date) == (dt.date(2016, 11, 23), "2016-11-23T23:30:00-05:00")
    ((where, reason),) = report.skipped
    assert where == f"{p}:3" and reason.startswith("ambiguous date") and "--dayfirst" in reason
    report = ReadReport()
    (*_, c) = read_articles([p], report, date_order="dayfirst")
    assert c.date == dt.date(2016, 4, 3) and not report.skipped


def test_dateline_text_with_a_written_date_alone_on_its_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("date Wed, 23 Nov 2016 16:58:00 -0500\r\nTalks began.\r\n", encoding="utf-8")
    (art,), _ = read(p)
    assert (art.date, art.raw_date, art.text) == (dt.date(2016, 11, 23), "Wed, 23 Nov 2016 16:58:00 -0500",
                                                  "Talks began.\r\n")


def test_dateline_text_with_a_datetime_token_and_the_text_on_the_same_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("date 2016-11-23T16:58:00Z  Talks began.", encoding="utf-8")
    (art,), _ = read(p)
    assert (art.date, art.raw_date, art.text) == (dt.date(2016, 11, 23), "2016-11-23T16:58:00Z", "Talks began.")


def test_a_written_date_followed_by_text_on_the_same_line_is_refused_with_the_layout_named(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("date 24 November 2016 Talks began.", encoding="utf-8")
    _, report = read(p, SEED)
    ((_, reason),) = report.skipped
    assert reason.startswith("bad date") and "alone on the `date` line" in reason


def test_folder_dates_follow_the_same_rules(tmp_path):
    ambiguous = tmp_path / "03-04-2016"
    ambiguous.mkdir()
    (ambiguous / "a.txt").write_text("Rebels shelled the town.", encoding="utf-8")
    _, report = read(ambiguous)
    assert report.skipped[0][1].startswith("ambiguous date in the path") and "--dayfirst" in report.skipped[0][1]
    report = ReadReport()
    (art,) = read_articles([ambiguous], report, date_order="monthfirst")
    assert (art.date, art.raw_date) == (dt.date(2016, 3, 4), "03-04-2016")


def test_html_page_date_as_written_in_its_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Talks</title>"
        "<meta name='pubdate' content='Wed, 23 Nov 2016 23:30:00 -0500'></head>"
        "<body><article><p>Diplomats from both sides met in Geneva on Monday and agreed to continue talks.</p>"
        "<p>The United Nations envoy said the meeting was constructive and urged a ceasefire.</p>"
        "</article></body></html>", encoding="utf-8")
    (art,), _ = read(p)
    assert (art.date, art.raw_date) == (dt.date(2016, 11, 23), "Wed, 23 Nov 2016 23:30:00 -0500")


def test_an_ambiguous_html_page_date_is_refused_not_guessed(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><meta property='article:published_time' content='03/04/2016'></head>"
        "<body><article><p>Diplomats from both sides met in Geneva on Monday and agreed to continue talks.</p>"
        "</article></body></html>", encoding="utf-8")
    _, report = read(p)
    assert report.skipped[0][1].startswith("ambiguous page date") and "--monthfirst" in report.skipped[0][1]


# --- the text as given -----------------------------------------------------------------------------

def test_jsonl_records_are_split_on_newlines_only(tmp_path):
    p = tmp_path / "a.jsonl"
    text = "Talks began\u2028in Geneva.\u0085Both sides\u2029agreed."
    p.write_text(json.dumps({"date": "2016-11-23", "text": text}, ensure_ascii=False) + "\n"
                 + "not json\n", encoding="utf-8")
    (art,), report = read(p)
    assert art.text == text
    assert report.skipped == [(f"{p}:2", "bad JSON: Expecting value at column 1")]


def test_readers_keep_leading_whitespace_and_crlf_and_drop_only_the_bom(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + json.dumps({"date": "2016-11-23", "text": "\n\n Talks\r\nbegan. "}).encode()
                  + b"\r\n")
    (art,), _ = read(p)
    assert art.text == "\n\n Talks\r\nbegan. "


def test_the_id_of_the_same_content_does_not_depend_on_its_wrapping(tmp_path):
    plain, wrapped = tmp_path / "plain.txt", tmp_path / "wrapped.txt"
    plain.write_bytes(b"date 2016-11-23 Talks began.\nBoth sides agreed.")
    wrapped.write_bytes(b"\xef\xbb\xbf\r\ndate 2016-11-23\r\n\r\n  Talks began.\r\nBoth sides agreed.\r\n\r\n")
    (a, b), _ = read(plain, wrapped)
    assert a.text != b.text and a.id == b.id
