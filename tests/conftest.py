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


@pytest.fixture(autouse=True, scope="session")
def _private_data_folder(tmp_path_factory):
    """Tests never write into the user's real data folder (GeoNames imports live there)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("DATELINE_DATA", str(tmp_path_factory.mktemp("dateline-data")))
    yield
    mp.undo()
