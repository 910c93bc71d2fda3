"""Property-based fuzzing of every reader and of the pipeline (hypothesis, bounded for CI).

The property everywhere: an input gives articles or a clear per-input skip reason, never an
exception and never a silent drop, so articles read + inputs skipped = inputs given. Inputs are
hostile but realistic: random bytes, invalid UTF-8, text in UTF-16/32 with a byte-order mark,
NUL and control characters, huge lines, broken HTML, JSON Lines with values of the wrong type,
dates in every bad shape and text that is not English. Each property runs a bounded number of
examples, so the file stays well under a minute (no per-example deadline: timing on a shared
machine is not a property of the code).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.pipeline import Failure, process
from dateline.read import ReadReport, read_articles, read_bytes
from dateline.read.base import ReadError, decode_bytes

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
SLOW = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: Characters a hostile input is made of: controls and NUL, line ends of every kind, other scripts, markup.
HOSTILE_CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["\x00", "\x07", "\x1b", "\r", "\n", "\u2028", "\u0085", "\ufeff", "\ufffd", "<", ">",
                     "&", "[", "]", "{", "}", '"', "\\", "\t"]),
    st.sampled_from(list("Беларусь中国الشرقעבריתनेपाल")),
)
HOSTILE_TEXT = st.text(HOSTILE_CHARS, max_size=300)

#: Dates in the shapes a feed or a scraper gives: good, impossible, ambiguous, out of range, junk.
BAD_DATES = st.one_of(
    st.sampled_from(["2018-02-30", "2018-13-01", "9999-12-31", "0000-00-00", "03/04/2016", "1900-01-01",
                     "2100-01-01", "yesterday", "", " ", "Wed, 23 Nov 2016 16:58:00 -0500", "2016-11-23T25:61:00Z",
                     "20161123", "1e308", "NaN", "-1", "12/31/99", "31.12.2016", "2016年11月23日"]),
    st.dates().map(str),
    st.text(st.sampled_from("0123456789-/:.TZ+ "), max_size=30),
    HOSTILE_TEXT,
)

#: JSON values of every type, for the fields that should be strings.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)

RECORDS = st.fixed_dictionaries({}, optional={
    "text": st.one_of(HOSTILE_TEXT, JSON_VALUES), "date": st.one_of(BAD_DATES, JSON_VALUES),
    "time": BAD_DATES, "id": JSON_VALUES, "title": JSON_VALUES, "url": JSON_VALUES,
})


def read_all(data: bytes, name: str) -> tuple[list, ReadReport]:
    """The articles and report of reading `data` as a file called `name`."""
    report = ReadReport()
    return list(read_bytes(data, name, report, Path(name))), report


def assert_accounted(articles: list, report: ReadReport, inputs: int) -> None:
    """Every input became an article or a skip with a reason; nothing was dropped in silence."""
    assert len(articles) == report.read
    assert report.read + len(report.skipped) == inputs, (report.read, report.skipped)
    assert all(reason.strip() for _, reason in report.skipped)
    for article in articles:
        assert article.text.strip() and article.date is not None


@FAST
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a", "a.json"]))
def test_random_bytes_are_read_or_reported(data, name):
    articles, report = read_all(data, name)
    assert report.read + len(report.skipped) >= 1, "an input vanished without a word"
    assert len(articles) == report.read


@FAST
@given(text=HOSTILE_TEXT, encoding=st.sampled_from(["utf-16", "utf-32", "utf-8-sig"]))
def test_unicode_with_a_byte_order_mark_is_decoded_not_refused(text, encoding):
    data = text.encode(encoding)  # Python writes the BOM for utf-16, utf-32 and utf-8-sig
    if not text.strip() or (encoding == "utf-16" and text.startswith("\x00")):
        return  # blank; or FF FE 00 00, which is the UTF-32 mark: the bytes cannot tell
    if encoding == "utf-8-sig" and "\x00" in text:
        with pytest.raises(ReadError, match=r"^binary"):
            decode_bytes(data)
        return
    assert decode_bytes(data) == text


def test_each_byte_order_mark_decodes_to_the_same_text():
    text = "date 2018-09-19 Turkey and Russia agreed on Monday to make Idlib a demilitarised zone."
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        data = "\ufeff".encode(encoding) + text.encode(encoding)
        articles, report = read_all(data, "idlib.txt")
        assert [a.text for a in articles] == [text.removeprefix("date 2018-09-19 ")], (encoding, report.skipped)


@pytest.mark.parametrize("data", [b"\xfe\xff", b"\xef\xbb\xbf\n", "\u00a0\n\u2028".encode(), b"\xff\xfe \x00"])
@pytest.mark.parametrize("name", ["feed.jsonl", "story.txt"])
def test_a_file_of_blank_characters_is_reported_empty(data, name, tmp_path):
    articles, report = read_all(data, name)
    assert not articles and [reason.split(":")[0] for _, reason in report.skipped] == ["empty"]
    (tmp_path / name).write_bytes(data)  # the streamed JSON Lines road too
    report = ReadReport()
    assert not list(read_articles([tmp_path / name], report))
    assert [reason.split(":")[0] for _, reason in report.skipped] == ["empty"]


@FAST
@given(good=HOSTILE_TEXT, bad=st.binary(min_size=1, max_size=20))
def test_mixed_encodings_are_refused_with_the_byte_that_breaks(good, bad):
    data = ("date 2018-09-19 " + good).encode("utf-8") + b"\xff" + bad
    try:
        decode_bytes(data)
    except ReadError as err:
        assert err.reason.split(":")[0] in {"invalid UTF-8", "binary", "empty",
                                            "UTF-16 without a byte-order mark"}
    else:
        pytest.fail("0xff is never UTF-8, yet the bytes decoded")


@FAST
@given(date=BAD_DATES, body=HOSTILE_TEXT, eol=st.sampled_from(["\n", "\r\n", "\r", " "]))
def test_dateline_text_with_any_date_gives_one_article_or_one_reason(date, body, eol):
    articles, report = read_all(f"date {date}{eol}{body}".encode(), "story.txt")
    assert_accounted(articles, report, 1)


@FAST
@given(records=st.lists(st.one_of(RECORDS, JSON_VALUES), max_size=8), crlf=st.booleans(),
       garbage=st.lists(st.text(st.characters(exclude_characters="\x00"), max_size=20), max_size=3))
def test_json_lines_with_wrong_types_account_for_every_line(records, crlf, garbage):
    lines = [json.dumps(r) for r in records] + [g for g in garbage if g.strip()]
    lines = [line for line in lines if "\n" not in line and line.strip()]
    if not lines:
        return
    eol = "\r\n" if crlf else "\n"
    articles, report = read_all(("{}" + eol + eol.join(lines)).encode(), "feed.jsonl")
    assert_accounted(articles, report, len(lines) + 1)


@FAST
@given(first=RECORDS, rest=st.lists(st.one_of(RECORDS, JSON_VALUES), max_size=8))
def test_a_json_array_accounts_for_every_record(first, rest):
    records = [first, *rest]  # an array opening with an object; `[1, ...` or `[Reuters]` is read as text
    articles, report = read_all(json.dumps(records).encode(), "dump.json")
    assert_accounted(articles, report, len(records))


HTML_PIECES = st.sampled_from([
    "<html>", "<head>", "</head>", "<body>", "</body>", "<p>", "</p>", "<div", ">", "<!--", "-->", "<script>",
    "</script>", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "<title>", "<article>", "</article>",
    '<script type="application/ld+json">{"datePublished": ', "}</script>",
])


@FAST
@given(pieces=st.lists(st.one_of(HTML_PIECES, HOSTILE_TEXT), max_size=25), date=BAD_DATES)
def test_broken_html_gives_one_article_or_one_reason(pieces, date):
    meta = f'<meta property="article:published_time" content="{date}">'
    page = "<html><head>" + meta + "".join(pieces)
    articles, report = read_all(page.encode(), "page.html")
    assert_accounted(articles, report, 1)


@FAST
@given(line=st.sampled_from(["Russia attacked Idlib. ", "9" * 50, "Жители протестовали. ", "x"]),
       repeat=st.integers(1, 20_000))
def test_huge_lines_are_read_or_refused_by_length(line, repeat):
    report = ReadReport()
    articles = list(read_bytes(f"date 2018-09-19 {line * repeat}".encode(), "long.txt", report,
                               Path("long.txt"), max_chars=100_000))
    assert_accounted(articles, report, 1)
    if len(line) * repeat > 100_000:
        assert report.skipped[0][1].startswith("too long")


@SLOW
@given(files=st.lists(st.tuples(st.sampled_from([".txt", ".html", ".jsonl", ""]), st.binary(max_size=300)),
                      min_size=1, max_size=5))
def test_a_folder_reports_every_file(files, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "sub").mkdir()
    for n, (suffix, data) in enumerate(files):
        (folder / ("sub" if n % 2 else ".") / f"f{n}{suffix}").write_bytes(data)
    report = ReadReport()
    articles = list(read_articles([folder], report))
    assert len(articles) == report.read
    touched = {origin.split(":")[0].split("[")[0] for origin, _ in report.skipped} | {a.origin.split(":")[0]
                                                                                       for a in articles}
    assert len(touched) == len(files), "a file was dropped without a word"


SENTENCES = st.sampled_from([
    "Russia attacked Idlib on Monday.", "Protesters marched in Kyiv yesterday.", "\x00\x07",
    "Турция и Россия договорились.", "中国与日本会谈。", "[/bold] [video]", "Police arrested 5 people in Lagos.",
    "On 31 December 9999 the army shelled Aleppo.", "In December ministers met in Paris.", "9" * 200,
])


@pytest.mark.filterwarnings("ignore")
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(parts=st.lists(st.one_of(SENTENCES, HOSTILE_TEXT), min_size=1, max_size=6), date=st.dates())
def test_the_pipeline_gives_a_document_or_a_named_failure_for_each_article(parts, date):
    from dateline.model import Article

    text = " ".join(parts)
    if not text.strip():
        return
    articles = [Article(id=f"a{n}", date=date, text=text[n:] or text, origin=f"a{n}.txt") for n in range(2)]
    failures: list[Failure] = []
    docs = list(process(articles, on_failure=failures.append, article_seconds=30))
    assert len(docs) + len(failures) == len(articles)
    assert not failures, failures  # a short text must never make a stage raise
    for doc in docs:
        for event in doc.events:
            assert 0 <= event.evidence.start <= event.evidence.end <= len(doc.article.text)


INJECTIONS = ["' OR 1=1 --",
              "'; DROP TABLE events; --", '" OR ""="', "%", "_", "\\", "%' UNION SELECT id FROM articles --",
              "1) OR (1=1", "\x00", "é" * 3000, "$1", "?", "*/ SELECT 1 /*"]
FILTERS = ["type", "actor", "country", "place", "text", "article", "since", "until", "near", "cursor", "min_confidence"]


@pytest.mark.filterwarnings("ignore")
def test_injection_strings_in_every_filter_and_path_match_nothing_and_break_nothing(store_target):
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from dateline.api import create_app
    from dateline.store import open_store
    from test_api import corpus

    with open_store(store_target) as store:
        store.add(corpus())
        before = store.counts()
    client = TestClient(create_app(store_target), raise_server_exceptions=False)
    for value in INJECTIONS:
        for route in ("/events", "/stats", "/actors", "/places"):
            for name in FILTERS:
                response = client.get(route, params={name: value, "all": "true"})
                assert response.status_code < 500, (route, name, value, response.text[:200])
                if route == "/events" and response.status_code == 200 and value not in "%_\\":
                    assert response.json()["events"] == [], (name, value)  # a quote never widens a filter
        for path in ("/events/", "/articles/"):
            response = client.get(path + quote(value, safe=""))
            assert response.status_code in (404, 405, 422), (path, value, response.status_code)
    with open_store(store_target, read_only=True) as store:
        assert store.counts() == before
