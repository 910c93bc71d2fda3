"""PostgreSQL end to end: the CLI ingests into and lists from a PostgreSQL database named by
--db or DATELINE_DB, and stores exactly what it stores in a DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

SEED = Path(__file__).parent / "data" / "seed.txt"


def cli(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def listed(db: str, *options: str) -> list[dict]:
    result = cli("events", "--db", db, "--format", "json", "--all", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_cli_stores_the_same_events_in_postgresql_as_in_duckdb(postgres_url, tmp_path):
    duck = str(tmp_path / "seed.duckdb")
    for db in (postgres_url, duck):
        first = cli("ingest", str(SEED), "--db", db)
        assert first.exit_code == 0 and "1 article added" in first.stderr
        again = cli("ingest", str(SEED), "--db", db)
        assert "0 articles added (0 events), 1 already stored" in again.stderr
    in_postgres = listed(postgres_url)
    assert in_postgres and in_postgres == listed(duck)  # same events, same order
    assert listed(postgres_url, "--type", "CONSULT", "--near", "43.6,39.7,50") == listed(
        duck, "--type", "CONSULT", "--near", "43.6,39.7,50")
    shown = cli("show", in_postgres[0]["id"][:8], "--db", postgres_url)
    assert shown.exit_code == 0 and in_postgres[0]["evidence"]["sentence"][:40] in shown.stdout.replace("\n", " ")


def test_dateline_db_names_a_postgresql_database(postgres_url):
    assert cli("ingest", str(SEED), env={"DATELINE_DB": postgres_url}).exit_code == 0
    result = cli("events", "--format", "json", env={"DATELINE_DB": postgres_url})
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 3
