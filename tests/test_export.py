"""Exports on both store backends: every format read back by its reader (DuckDB for the tables, a JSON
Schema of RFC 7946 for GeoJSON), with filters applied, the documented columns, and the report counts of
an event reported by several articles."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import Document, Event, Evidence, Location
from dateline.store import EventFilter, open_store
from dateline.store.export import ExportError, export_events, mentions_path, stream_events
from dateline.store.export_rows import FLAT_COLUMNS, GDELT_COLUMNS, GDELT_MENTION_COLUMNS, POLECAT_COLUMNS
from store_worker import make_document

README = Path(__file__).resolve().parents[1] / "README.md"
SOCHI = Location("Sochi", 491422, 43.59699, 39.72477, "RU", "PPLA2", precision="point")
RUSSIA = Location("Russia", 2017370, 60.0, 100.0, "RU", "PCLI", precision="country")
NOWHERE = Location("Narnia", None, None, None, None)

#: RFC 7946 as far as these exports use it: a FeatureCollection of Features with Point geometries whose
#: coordinates are [longitude, latitude] in range, and no `crs` member (removed by RFC 7946).
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "properties": {"type": ["object", "null"]},
                "geometry": {
                    "type": "object", "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"const": "Point"},
                        "coordinates": {"type": "array", "minItems": 2, "maxItems": 3, "prefixItems": [
                            {"type": "number", "minimum": -180, "maximum": 180},
                            {"type": "number", "minimum": -90, "maximum": 90}]},
                    },
                },
            },
        }},
    },
}


def _reported_twice() -> Document:
    """Article b2 (Reuters) holding an event also reported by article b1 (AP): two mentions, two articles."""
    text = "Putin and Erdogan met in Sochi on Monday, officials said."
    first = Evidence("Erdogan met Putin in Sochi on Monday.", 0, 38, "met", 8, 11, article_id="b1")
    second = Evidence(text, 0, len(text), "met", 18, 21, article_id="b2")
    doc = make_document("b2", "CONSULT", "2018-09-17", location=SOCHI, text=text)
    doc.article.source, doc.article.url = "Reuters", "https://www.reuters.com/world/b2"
    event = doc.events[0]
    event.evidence, event.mentions, event.intensity, event.cameo = second, [first, second], 2.5, "040"
    return doc


@pytest.fixture
def store(store_target):
    """A store holding: a1 AGREE in Idlib (2018-09-17); b1 (apnews.com, no source name) and b2 (Reuters)
    with one CONSULT in Sochi mentioned by both; c1 an ASSAULT in Russia in 2017 (year precision); d1 a
    negated ASSAULT; e1 a PROTEST placed where the gazetteer has no coordinates (2018-10-02)."""
    b1 = make_document("b1", "CONSULT", "2018-09-17", location=SOCHI, text="Erdogan met Putin in Sochi on Monday.")
    b1.article.url, b1.events = "https://apnews.com/b1", []  # no source name: its URL's host stands for it
    c1 = make_document("c1", "ASSAULT", "2017", location=RUSSIA)
    c1.events[0].date_precision = "year"
    docs = [make_document("a1"), b1, _reported_twice(), c1,
            make_document("d1", "ASSAULT", "2018-09-16", negated=True),
            make_document("e1", "PROTEST", "2018-10-02", location=NOWHERE)]
    with open_store(store_target) as s:
        s.add(docs)
        yield s


def _export(store, fmt: str, **filters) -> str:
    buf = io.StringIO()
    export_events(store, fmt, EventFilter(**filters), stdout=buf)
    return buf.getvalue()


def _table(path: Path, **options) -> tuple[list[str], list[dict]]:
    """Column names and rows of a delimited file as DuckDB reads it."""
    rel = duckdb.read_csv(str(path), header=True, all_varchar=True, **options)
    return rel.columns, [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]


def test_gdelt_events_and_mentions_read_back_with_the_documented_columns(store, tmp_path):
    summary = export_events(store, "gdelt", EventFilter(since=dt.date(2018, 1, 1)), tmp_path / "ev.tsv")
    assert summary.files == [tmp_path / "ev.tsv", tmp_path / "ev.mentions.tsv"] and summary.events == 3
    columns, rows = _table(tmp_path / "ev.tsv", delimiter="\t", quotechar="")
    assert tuple(columns) == GDELT_COLUMNS
    assert sorted((r["SQLDATE"], r["EventCode"], r["Actor1CountryCode"]) for r in rows) == [
        ("20180917", "040", "TUR"), ("20180917", "057", "TUR"), ("20181002", "057", "TUR")]
    consult = next(r for r in rows if r["EventCode"] == "040")
    assert (consult["Actor1Code"], consult["Actor2Code"], consult["Actor2Name"]) == ("TURGOV", "RUSGOV", "Russia")
    assert (consult["NumMentions"], consult["NumArticles"], consult["NumSources"]) == ("2", "2", "2")
    assert (consult["GoldsteinScale"], consult["QuadClass"], consult["EventRootCode"]) == ("2.5", "1", "04")
    assert (consult["ActionGeo_Type"], consult["ActionGeo_Long"], consult["ActionGeo_FeatureID"]) == (
        "4", "39.72477", "491422")
    assert consult["SOURCEURL"] == "https://www.reuters.com/world/b2" and consult["DATEADDED"] == "20180919000000"
    assert rows[2]["ActionGeo_Type"] == "0" and rows[2]["ActionGeo_Lat"] is None  # a place without coordinates
    columns, mentions = _table(tmp_path / "ev.mentions.tsv", delimiter="\t", quotechar="")
    assert tuple(columns) == GDELT_MENTION_COLUMNS
    reports = [(m["MentionSourceName"], m["MentionIdentifier"], m["Actor1CharOffset"]) for m in mentions
               if m["GlobalEventID"] == consult["GlobalEventID"]]
    assert reports == [("apnews.com", "https://apnews.com/b1", "-1"), ("Reuters", "https://www.reuters.com/world/b2",
                                                                        "0")]


def test_gdelt_mentions_alone_and_a_country_level_place(store):
    lines = _export(store, "gdelt", type="ASSAULT").splitlines()
    row = dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert len(lines) == 2 and (row["SQLDATE"], row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == (
        "20170101", "1", "RU")
    mentions = _export(store, "gdelt-mentions", actor="Reuters").splitlines()
    assert mentions[0].split("\t") == list(GDELT_MENTION_COLUMNS) and len(mentions) == 1  # no party is Reuters


def test_polecat_reads_back_with_parties_and_story_ids(store, tmp_path):
    (tmp_path / "p.tsv").write_text(_export(store, "polecat", country="RU"), encoding="utf-8")
    columns, rows = _table(tmp_path / "p.tsv", delimiter="\t", quotechar="")
    assert tuple(columns) == POLECAT_COLUMNS
    assert [r["Event Type"] for r in rows] == ["ASSAULT", "CONSULT"]  # located in Russia; oldest first
    consult = rows[1]
    assert (consult["Actor Name"], consult["Actor Country"], consult["Primary Actor Sector"]) == (
        "Turkey; Russia", "TUR; RUS", "GOV; GOV")
    assert (consult["Story IDs"], consult["Placename"], consult["GeoNames ID"]) == ("b1; b2", "Sochi", "491422")
    assert consult["Contexts"] == "military" and consult["Event Text"].startswith("Putin and Erdogan met")


def test_csv_reads_back_with_a_date_range(store, tmp_path):
    (tmp_path / "e.csv").write_text(_export(store, "csv", since=dt.date(2018, 9, 17), until=dt.date(2018, 9, 30)),
                                    encoding="utf-8")
    columns, rows = _table(tmp_path / "e.csv")
    assert tuple(columns) == tuple(name for name, _ in FLAT_COLUMNS)
    assert sorted((r["type"], r["article_id"], r["num_articles"]) for r in rows) == [("AGREE", "a1", "1"),
                                                                                    ("CONSULT", "b2", "2")]
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert consult["actor_names"] == "Turkey; Russia" and consult["sentence"].endswith("officials said.")


def test_jsonl_reads_back_as_events_near_a_point(store, tmp_path):
    (tmp_path / "e.jsonl").write_text(_export(store, "jsonl", near=(43.6, 39.7, 50)), encoding="utf-8")
    (record,) = duckdb.read_json(str(tmp_path / "e.jsonl"), format="newline_delimited").fetchall()
    assert record is not None
    data = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    event = Event.from_json(data)
    assert event.type == "CONSULT" and [m.article_id for m in event.mentions] == ["b1", "b2"]
    assert (data["article_id"], data["article_source"], data["num_sources"]) == ("b2", "Reuters", 2)


def test_parquet_is_partitioned_by_event_year_and_month(store, tmp_path):
    folder = tmp_path / "pq"
    summary = export_events(store, "parquet", EventFilter(include_negated=True), folder)
    assert summary.events == 5
    parts = sorted(str(p.relative_to(folder).parent) for p in folder.rglob("*.parquet"))
    assert parts == ["year=2017/month=1", "year=2018/month=10", "year=2018/month=9"]
    rel = duckdb.sql(f"SELECT year, month, type, actor_countries, date_first, negated FROM read_parquet("
                     f"'{folder}/**/*.parquet', hive_partitioning = true) ORDER BY date_first, type")
    rows = rel.fetchall()
    assert rows[0] == (2017, 1, "ASSAULT", ["TUR", "RUS"], dt.date(2017, 1, 1), False)
    assert [(r[1], r[2], r[5]) for r in rows[1:]] == [(9, "ASSAULT", True), (9, "AGREE", False),
                                                      (9, "CONSULT", False), (10, "PROTEST", False)]  # by type
    with pytest.raises(ExportError, match="not an empty folder"):
        export_events(store, "parquet", EventFilter(), folder)
    with pytest.raises(ExportError, match="--output FOLDER"):
        export_events(store, "parquet", EventFilter())


def test_geojson_is_an_rfc7946_feature_collection_of_located_events(store):
    collection = json.loads(_export(store, "geojson", text="Sochi"))
    jsonschema.validate(collection, GEOJSON_SCHEMA)
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [39.72477, 43.59699]  # longitude first
    assert feature["properties"]["evidence"]["sentence"].startswith("Putin and Erdogan met")
    everything = json.loads(_export(store, "geojson", include_negated=True))
    jsonschema.validate(everything, GEOJSON_SCHEMA)
    assert {f["properties"]["type"] for f in everything["features"]} == {"AGREE", "CONSULT", "ASSAULT"}  # e1 left out
    with pytest.raises(jsonschema.ValidationError):  # the schema does catch latitude first
        jsonschema.validate({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [35.9, 136.6]}}]},
            GEOJSON_SCHEMA)


def test_streaming_in_small_pages_gives_the_same_events_in_date_order(store):
    undated = make_document("f1", "AID", None)
    undated.events[0].date_precision = None
    store.add([undated])
    whole = [item.event.id for item in stream_events(store, EventFilter(include_negated=True))]
    paged = [item.event.id for item in stream_events(store, EventFilter(include_negated=True), page=2)]
    assert paged == whole and len(whole) == 6
    types = [item.event.type for item in stream_events(store, EventFilter(include_negated=True), page=1)]
    assert types[0] == "ASSAULT" and types[-1] == "AID"  # 2017 first, the undated event last
    assert len(list(stream_events(store, EventFilter(include_negated=True, limit=3), page=2))) == 3


def test_an_export_limit_of_zero_writes_none_and_a_negative_one_is_refused(store):
    """As in `Store.events`: 0 means no events, not all of them; -1 is named in the error, not an islice message."""
    assert list(stream_events(store, EventFilter(include_negated=True, limit=0))) == []
    with pytest.raises(ValueError, match="limit must be 0 or more"):
        list(stream_events(store, EventFilter(limit=-1)))


def test_cli_export_to_standard_output_and_to_a_file(store, store_target, tmp_path):
    runner = CliRunner()
    done = runner.invoke(app, ["export", "--format", "gdelt", "--db", store_target, "--type", "AGREE"])
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines()[0].startswith("GlobalEventID\tSQLDATE") and len(done.stdout.splitlines()) == 2
    out = tmp_path / "out" / "events.geojson"
    done = runner.invoke(app, ["export", "--format", "geojson", "--db", store_target, "--output", str(out)])
    assert done.exit_code == 0 and "3 events written" in done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    done = runner.invoke(app, ["export", "--format", "parquet", "--db", store_target])
    assert done.exit_code == 2 and "--output FOLDER" in done.stderr
    assert mentions_path(Path("x/events")) == Path("x/events.mentions.tsv")


def _documented_columns(heading: str) -> list[str]:
    """The column list the README gives under a heading of its Exports section (a `text` block, one line)."""
    section = README.read_text(encoding="utf-8").split("### Exports", 1)[1]
    block = re.search(re.escape(heading) + r".*?```text\n(.*?)\n```", section, re.S)
    assert block, f"README has no column list under {heading!r}"
    return [name.strip() for name in block.group(1).replace("\n", " ").split("|")]


def test_the_readme_lists_every_column_of_every_format():
    assert _documented_columns("`gdelt`") == list(GDELT_COLUMNS)
    assert _documented_columns("`gdelt-mentions`") == list(GDELT_MENTION_COLUMNS)
    assert _documented_columns("`polecat`") == list(POLECAT_COLUMNS)
    assert _documented_columns("`csv` and `parquet`") == [name for name, _ in FLAT_COLUMNS]


def test_an_event_merged_across_articles_is_exported_once_with_every_report(store_target):
    """Two outlets report one meeting: the store merges them, and every format shows one event of two reports."""
    docs = []
    for aid, source in (("m1", "AP"), ("m2", "Reuters")):
        doc = make_document(aid, "CONSULT", "2018-09-17", location=SOCHI,
                            text=f"Erdogan met Putin in Sochi on Monday, {source} reported.")
        doc.article.source = source
        docs.append(doc)
    with open_store(store_target) as store:
        store.add(docs)
        (item,) = stream_events(store)
        assert (item.num_mentions, item.num_articles, item.num_sources) == (2, 2, 2)
        assert [m.article_id for m in item.event.mentions] == ["m1", "m2"]
        lines = _export(store, "gdelt-mentions").splitlines()
    assert [line.split("\t")[12] for line in lines[1:]] == ["m1", "m2"]  # ArticleID
