"""The CLI end to end on real files and a real DuckDB file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed.txt"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """A folder with the seed, a second good article and one of every kind of bad input."""
    d = tmp_path_factory.mktemp("batch")
    shutil.copy(SEED, d / "seed.txt")
    (d / "good.jsonl").write_text(json.dumps({"id": "g1", "date": "2016-07-16", "text": (
        "Turkish authorities detained thousands of soldiers on Saturday after a failed coup attempt.")}) + "\n",
        encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (d / "nodate.txt").write_text("Troops entered the city.", encoding="utf-8")
    (d / "baddate.txt").write_text("date 2018-02-30 Troops entered the city.", encoding="utf-8")
    (d / "latin1.txt").write_bytes("date 2018-09-19 Troops entered Bogotá.".encode("latin-1"))
    (d / "big.txt").write_text("date 2018-09-19 " + "Troops advanced. " * 1_250_000, encoding="utf-8")
    return d


BAD = {"empty.txt": "empty", "binary.dat": "binary", "nodate.txt": "no date", "baddate.txt": "invalid date",
       "latin1.txt": "invalid UTF-8", "big.txt": "too long"}


def test_ingest_names_every_bad_file_stores_the_rest_and_is_idempotent(batch, tmp_path):
    db = str(tmp_path / "cli.duckdb")
    first = run("ingest", str(batch), "--db", db)
    assert first.exit_code == 1  # some inputs were skipped
    for name, reason in BAD.items():
        assert f"{batch / name}: {reason}" in first.stderr.replace("\n", ""), (name, first.stderr)
    assert "2 read, 6 skipped" in first.stderr and "2 articles added" in first.stderr
    events_before = run("events", "--db", db, "--format", "json").stdout
    assert events_before.strip()
    second = run("ingest", str(batch), "--db", db)
    assert "0 articles added" in second.stderr and "2 already stored" in second.stderr
    assert run("events", "--db", db, "--format", "json").stdout == events_before


def test_extract_prints_one_json_object_per_article_and_reports_skips(tmp_path):
    bad = tmp_path / "nodate.txt"
    bad.write_text("No date here.", encoding="utf-8")
    result = run("extract", str(SEED), str(bad), "--format", "jsonl")
    assert result.exit_code == 1
    (line,) = result.stdout.strip().splitlines()
    doc = json.loads(line)
    assert set(doc) == {"article", "excluded", "timexes", "places", "actors", "events"}
    assert doc["article"]["date"] == "2018-09-19"
    assert f"{bad}: no date" in result.stderr.replace("\n", "")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("db") / "seed.duckdb")
    assert run("ingest", str(SEED), "--db", db).exit_code == 0
    return db


def test_events_formats_and_filters(seed_db):
    rows = [json.loads(x) for x in run("events", "--db", seed_db, "--format", "json").stdout.splitlines()]
    assert rows and all(not r["negated"] and not r["hypothetical"] for r in rows)
    agree = [json.loads(x) for x in run("events", "--db", seed_db, "--type", "AGREE", "--format", "json").stdout
             .splitlines()]
    assert agree and all(r["type"] == "AGREE" for r in agree)
    csv_out = run("events", "--db", seed_db, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("id,date,date_precision,date_mod,type") and len(csv_out) == len(rows) + 1
    table = run("events", "--db", seed_db, "--actor", "RUS").stdout
    assert "events in" in table
    assert run("events", "--db", seed_db, "--near", "nonsense").exit_code == 2


def test_events_and_export_take_the_same_filters_and_select_the_same_events(seed_db, tmp_path):
    import typer.main

    def options(name: str) -> set[str]:
        command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
        return {flag for param in command.params for flag in param.opts}

    assert {"--type", "--actor", "--country", "--place", "--near", "--since", "--until", "--text", "--all",
            "--min-confidence", "--limit"} <= options("events") & options("export")
    filters = ("--since", "2014-01-01", "--min-confidence", "0", "--all", "--limit", "3")
    listed = [json.loads(x)["id"] for x in run("events", "--db", seed_db, "--format", "json", *filters).stdout
              .splitlines()]
    written = tmp_path / "out.jsonl"
    assert run("export", "--db", seed_db, "--format", "jsonl", "--output", str(written), *filters).exit_code == 0
    assert len(listed) == 3 and [json.loads(x)["id"] for x in written.read_text().splitlines()] == listed


def test_show_explains_an_event(seed_db):
    rows = [json.loads(x) for x in run("events", "--db", seed_db, "--format", "json").stdout.splitlines()]
    ev = next(r for r in rows if r["actors"])
    shown = run("show", ev["id"][:10], "--db", seed_db)
    assert shown.exit_code == 0
    text = shown.stdout
    assert ev["type"] in text and "trigger" in text and ev["evidence"]["trigger"] in text
    assert ev["actors"][0]["name"] in text
    assert run("show", "nosuchid", "--db", seed_db).exit_code == 1


def test_timeline_orders_events_by_date(seed_db):
    out = run("timeline", "--db", seed_db).stdout
    assert "Timeline" in out and "2018-09-17" in out


def test_reading_a_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "dateline ingest" in result.output and result.exception is not None


def test_console_script_reads_stdin():
    exe = Path(sys.executable).parent / "dateline"
    proc = subprocess.run([str(exe), "extract", "-"], input=SEED.read_bytes(), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["date"] == "2018-09-19"


def test_an_id_already_stored_for_another_text_is_reported_not_overwritten(tmp_path):
    db = str(tmp_path / "clash.duckdb")
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"id": "199", "date": "2011-02-11", "text": "Mubarak resigned."}) + "\n",
                     encoding="utf-8")
    assert run("ingest", str(first), "--db", db).exit_code == 0
    # the same file now says something else under that id (another file's id 199 is kept apart: test_hostile)
    first.write_text(json.dumps({"id": "199", "date": "2010-04-20", "text": "The rig exploded."}) + "\n",
                     encoding="utf-8")
    result = run("ingest", str(first), "--db", db)
    assert result.exit_code == 1
    assert f"{first}:1: id clash" in result.stderr
    from dateline.store import open_store

    with open_store(db, read_only=True) as store:
        assert store.con.execute("SELECT text FROM articles").fetchall() == [("Mubarak resigned.",)]


GEONAMES_ROWS = [  # two villages in GeoNames' dump format (19 tab-separated columns)
    ["170365", "Al Fū‘ah", "Al Fu`ah", "Foua,Fouaa", "35.98262", "36.70351", "P", "PPL", "SY", "", "12", "", "", "",
     "10000", "", "300", "Asia/Damascus", "2020-01-01"],
    ["168689", "Kafrayā", "Kafraya", "Kefraya,Kafriya", "35.99029", "36.67816", "P", "PPL", "SY", "", "12", "", "",
     "", "10000", "", "300", "Asia/Damascus", "2020-01-01"],
]


def test_gazetteer_import_and_info(tmp_path, monkeypatch):
    from dateline.geo import get_gazetteer
    from dateline.geo.gazetteer import index_path

    base = get_gazetteer().path  # copy the built index rather than build it again
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DATELINE_DATA", str(tmp_path / "data"))  # imports go to the data folder
    target = index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(base, target)
    dump = tmp_path / "SY.txt"
    dump.write_text("".join("\t".join(r) + "\n" for r in GEONAMES_ROWS), encoding="utf-8")
    result = run("gazetteer", "import", str(dump))
    assert result.exit_code == 0 and "imported: 2" in result.stdout
    imported = get_gazetteer()  # the index with the imports merged in
    assert [c.geonameid for c in imported.lookup("Kefraya")] == [168689]
    assert 168689 in [c.geonameid for c in imported.fuzzy("Kfraya")]  # a spelling the dump does not list
    info = run("gazetteer", "info")
    assert info.exit_code == 0 and "places:" in info.stdout
    assert run("gazetteer", "import", str(tmp_path / "missing.zip")).exit_code == 2


def test_extract_shows_the_default_view_and_everything_on_request():
    from dateline.events.verify import DEFAULT_MIN_CONFIDENCE

    shown = json.loads(run("extract", str(SEED), "--format", "jsonl").stdout.splitlines()[0])["events"]
    every = json.loads(run("extract", str(SEED), "--min-confidence", "0").stdout.splitlines()[0])["events"]
    assert shown and all(e["confidence"] >= DEFAULT_MIN_CONFIDENCE for e in shown)
    assert any(e["confidence"] < DEFAULT_MIN_CONFIDENCE for e in every)
    assert {e["id"] for e in shown} < {e["id"] for e in every}
