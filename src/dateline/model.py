"""The one data model of dateline and its JSON form.

Every stage reads and writes these types; every face (CLI, API, store) speaks them.
The JSON form is the output contract documented in DESIGN.md: field names and
shapes here must not change without changing that contract.

Offsets (`start`, `end`) are always character offsets into `Article.text`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


def content_id(text: str, date: dt.date | None = None) -> str:
    """A stable article id from its content, for sources that carry none.

    Computed on the text stripped and with CRLF line ends as LF, so the same content keeps
    its id however it is wrapped (leading blank lines, Windows line ends), while offsets
    keep pointing into the text as given.
    """
    h = hashlib.sha256()
    h.update((date.isoformat() if date else "").encode())
    h.update(b"\0")
    h.update(text.strip().replace("\r\n", "\n").encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


@dataclass
class Article:
    """A dated news article: the unit that is read, processed and stored."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    raw_date: str | None = None  # the date as the input gave it ("Wed, 23 Nov 2016 16:58:00 -0500")
    origin: str | None = None  # where it was read from (path[:line]); not part of the contract

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "raw_date": self.raw_date,
        }
        if with_text:
            out["text"] = self.text
        return out


@dataclass
class Timex:
    """A temporal expression normalised to a TIMEX3 value relative to the article date.

    `value` is a TimeML value (`2018-09-17`, `2017`, `2018-W37`, `2018-09-16TEV`,
    `PAST_REF`, `P3M`); `type` is DATE, TIME, DURATION or SET. `mod` carries TIMEX3
    modifiers (BEFORE, AFTER, START, END, APPROX, ...) and `quant`/`freq` describe SETs.
    `token_start`/`token_end` locate the expression in the parse (not serialised).
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    token_start: int | None = None
    token_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text, "start": self.start, "end": self.end,
            "type": self.type, "value": self.value,
        }
        for key in ("mod", "quant", "freq"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass
class Place:
    """A toponym in the text resolved to a gazetteer entry (GeoNames ids and codes)."""

    text: str
    start: int
    end: int
    geonameid: int | None
    name: str | None
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature_code: str | None
    confidence: float
    token_start: int | None = None
    token_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "geonameid": self.geonameid, "name": self.name,
            "lat": _round(self.lat), "lon": _round(self.lon),
            "country_code": self.country_code, "admin1": self.admin1,
            "feature_code": self.feature_code, "confidence": round(self.confidence, 3),
        }

    def as_location(self) -> Location:
        return Location(
            name=self.name, geonameid=self.geonameid, lat=self.lat, lon=self.lon,
            country_code=self.country_code, feature_code=self.feature_code, text=self.text,
        )


@dataclass
class Actor:
    """A mention of a political actor resolved to a name, ISO-3 country and sector.

    `country` is ISO-3166 alpha-3 or a PLOVER pseudo-country (IGO, UNO, EUR, ...);
    `sector` a PLOVER/Phoenix code (GOV, MIL, REB, COP, OPP, IGO, ...). `code` keeps the
    full Phoenix/CAMEO actor code (`TURGOV`) and `entry` the dictionary entry that
    resolved it, so `dateline show` can explain the coding.
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    code: str | None = None
    entry: str | None = None
    token_start: int | None = None
    token_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "name": self.name, "country": self.country, "sector": self.sector,
        }

    def as_party(self) -> Party:
        return Party(name=self.name, country=self.country, sector=self.sector,
                     text=self.text, start=self.start, end=self.end, entry=self.entry)


@dataclass
class Party:
    """An actor or recipient of an event: who, as resolved, and where it was said."""

    name: str
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    entry: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country": self.country, "sector": self.sector}
        if self.text is not None:
            out.update(text=self.text, start=self.start, end=self.end)
        if self.entry is not None:
            out["entry"] = self.entry
        return out


@dataclass
class Location:
    """Where an event happened: a resolved place, trimmed to what an event needs."""

    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    feature_code: str | None = None
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "geonameid": self.geonameid,
            "lat": _round(self.lat), "lon": _round(self.lon),
            "country_code": self.country_code, "feature_code": self.feature_code,
            "text": self.text,
        }


@dataclass
class Evidence:
    """The sentence that reports an event, so a person can check the coding."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    rule: str | None = None  # the lexicon entry / pattern that fired

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence, "start": self.start, "end": self.end,
            "trigger": self.trigger, "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end, "rule": self.rule,
        }


@dataclass
class Event:
    """One PLOVER event: who did what to whom, where and when, with its evidence."""

    id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    quad: int | None = None
    intensity: float | None = None
    cameo: str | None = None
    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None  # granularity of `date`: day, week, month, season, quarter, year ...
    date_mod: str | None = None  # TIMEX3 relation to `date`: BEFORE, ON_OR_BEFORE, AFTER; None = on it
    location: Location | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    article_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "contexts": list(self.contexts),
            "quad": self.quad, "intensity": self.intensity, "cameo": self.cameo,
            "actors": [p.to_json() for p in self.actors],
            "recipients": [p.to_json() for p in self.recipients],
            "date": self.date, "date_precision": self.date_precision, "date_mod": self.date_mod,
            "location": self.location.to_json() if self.location else None,
            "negated": self.negated, "hypothetical": self.hypothetical,
            "evidence": self.evidence.to_json(),
            "confidence": round(self.confidence, 3),
        }


def event_id(article_id: str, type_: str, trigger_start: int | None, sentence_start: int) -> str:
    """A deterministic event id, so re-extracting an article yields the same ids."""
    raw = f"{article_id}:{type_}:{sentence_start}:{trigger_start}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


@dataclass
class Document:
    """An article on its way through the pipeline, with what each stage found.

    `parsed` holds the spaCy `Doc` (never serialised). Stages add to `timexes`,
    `places`, `actors` and `events` in pipeline order and touch nothing else.
    """

    article: Article
    parsed: Any = None
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        return {
            "article": self.article.to_json(with_text),
            "timexes": [t.to_json() for t in self.timexes],
            "places": [p.to_json() for p in self.places],
            "actors": [a.to_json() for a in self.actors],
            "events": [e.to_json() for e in self.events],
        }


def _round(x: float | None, nd: int = 5) -> float | None:
    return None if x is None else round(float(x), nd)


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from a dict, ignoring keys it does not know."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


__all__ = [
    "Actor", "Article", "Document", "Event", "Evidence", "Location", "Party", "Place",
    "Timex", "asdict", "content_id", "event_id", "from_dict",
]
