"""Shared fixtures: one spaCy model per test session, and parsed Documents on demand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.model import Article, Document, content_id
from dateline.nlp import load_model

HERE = Path(__file__).parent
DATA = HERE / "data"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once."""
    return load_model()


@pytest.fixture(scope="session")
def make_doc(nlp) -> Callable[..., Document]:
    """Build a parsed Document (no stages run) from a text and an ISO date."""

    def make(text: str, date: str = "2018-09-19") -> Document:
        day = dt.date.fromisoformat(date)
        art = Article(id=content_id(text, day), date=day, text=text)
        return Document(article=art, parsed=nlp(text))

    return make


@pytest.fixture
def staged(make_doc) -> Callable[..., Document]:
    """Parse a text and run the places and actors stages on it (what the party tests read)."""
    from dateline.actors import tag_actors
    from dateline.geo import tag_places

    def run(text: str, date: str = "2011-02-03") -> Document:
        return tag_actors(tag_places(make_doc(text, date)))

    return run


@pytest.fixture(autouse=True, scope="session")
def _private_data_folder(tmp_path_factory):
    """Tests never write into the user's real data folder (GeoNames imports live there)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("DATELINE_DATA", str(tmp_path_factory.mktemp("dateline-data")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session, started on first use (see tests/pg.py); FAILS without the binaries."""
    from pg import INSTALL_HINT, PostgresServer, postgres_bin, skip_postgres

    if skip_postgres():
        pytest.skip("DATELINE_SKIP_PG=1: PostgreSQL tests skipped")
    bindir = postgres_bin()
    if bindir is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = PostgresServer(bindir).start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of a new, empty PostgreSQL database on the session's server."""
    return postgres_server.new_database()


@pytest.fixture(params=["duckdb", "postgresql"])
def store_target(request, tmp_path) -> str:
    """A new store's target on each backend: a DuckDB file, then a PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_target):
    """A new, open store on each backend (`store_target`), closed after the test."""
    from dateline.store import open_store

    opened = open_store(store_target)
    yield opened
    opened.close()
