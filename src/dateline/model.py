"""The one data model of dateline, its JSON form and the JSON Schema of that form.

Every stage reads and writes these types; every face (CLI, API, store) speaks them.
The JSON form is the output contract documented in DESIGN.md: field names and shapes
here must not change without changing that contract.

Each type is defined once, as a plain dataclass (cheap to build: stages make thousands
per article). Its JSON form follows from its fields: a field is serialised under its own
name unless its metadata says otherwise (`INTERNAL`: parse positions and bookkeeping
that are not part of the contract, and take no part in `==`; `OMITTED_IF_NONE`: keys
that appear only when set; `rounded()`: floats rounded in JSON). `to_json()`,
`from_json()` and `extract_schema()` all read that one description (`dateline.jsonform`),
so they cannot drift apart; and `T.from_json(x.to_json()) == x` whenever the rounded floats were already round.

Offsets (`start`, `end`) are always character offsets into `Article.text`. The closed vocabularies the fields
take (event types, statuses, precisions, the kinds of text left out) are defined in `dateline.vocabulary`, and the
stable article and event ids in `dateline.ids`; both are named here too, so every stage imports them from the model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.ids import content_id, event_id
from dateline.jsonform import INTERNAL, OMITTED_IF_NONE, JsonForm, optional_key, rounded, schema_of
from dateline.spans import first_holding, span_reach
from dateline.timex3 import DateMod
from dateline.vocabulary import (
    NAMED_KIND_NOTE,
    NEARBY_AREA_BASIS,
    DatePrecision,
    EventStatus,
    EventType,
    ExclusionKind,
    LocationPrecision,
    PlaceFinding,
    TimexMod,
    TimexType,
)


@dataclass
class Article(JsonForm):
    """A dated news article: the unit that is read, processed and stored."""

    id: str
    date: dt.date
    text: str = field(metadata=optional_key(missing=""))  # left out by `to_json(with_text=False)` (`extract --no-text`)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    raw_date: str | None = None  # the date as the input gave it ("Wed, 23 Nov 2016 16:58:00 -0500")
    origin: str | None = field(default=None, compare=False, metadata=INTERNAL)  # where it was read from (path[:line])

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        """The article's JSON form; the text comes last (it is long), or not at all."""
        out = super().to_json()
        text = out.pop("text")
        if with_text:
            out["text"] = text
        return out


@dataclass
class Timex(JsonForm):
    """A temporal expression normalised to a TIMEX3 value relative to the article date.

    `value` is a TimeML value (`2018-09-17`, `2017`, `2018-W37`, `2018-09-16TEV`,
    `PAST_REF`, `P3M`); `type` is DATE, TIME, DURATION or SET. `mod` carries TIMEX3
    modifiers (BEFORE, AFTER, START, END, APPROX, ...) and `quant`/`freq` describe SETs.
    `token_start`/`token_end` locate the expression in the parse (not serialised).
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: TimexMod | None = field(default=None, metadata=OMITTED_IF_NONE)
    quant: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    freq: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    token_start: int | None = field(default=None, compare=False, metadata=INTERNAL)
    token_end: int | None = field(default=None, compare=False, metadata=INTERNAL)


@dataclass
class Place(JsonForm):
    """A toponym in the text resolved to a gazetteer entry (GeoNames ids and codes)."""

    text: str
    start: int
    end: int
    geonameid: int | None
    name: str | None
    lat: float | None = field(metadata=rounded(5))
    lon: float | None = field(metadata=rounded(5))
    country_code: str | None
    admin1: str | None
    feature_code: str | None
    confidence: float = field(metadata=rounded(3))
    token_start: int | None = field(default=None, compare=False, metadata=INTERNAL)
    token_end: int | None = field(default=None, compare=False, metadata=INTERNAL)
    precision: LocationPrecision | None = field(default=None, metadata=OMITTED_IF_NONE)
    #: How the place was found when not by its own name ("not in the gazetteer: the enclosing ...").
    basis: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    #: The compass part of the area the text names ("southern Iraq"), where an event placed here is put.
    part: Location | None = field(default=None, compare=False, metadata=INTERNAL)
    #: How a name with no reading of its own was placed (None: by its name), and whether the text names its kind.
    found_by: PlaceFinding | None = field(default=None, compare=False, metadata=INTERNAL)
    kind_named: bool = field(default=False, compare=False, metadata=INTERNAL)

    def as_location(self, basis: str | None = None) -> Location:
        """The place as an event's location (its compass part when the text names one); `basis` says why."""
        why = "; ".join(b for b in (basis, self.basis) if b) or None
        if self.part is not None:
            return replace(self.part, basis="; ".join(b for b in (why, self.part.basis) if b))
        return Location(
            name=self.name, geonameid=self.geonameid, lat=self.lat, lon=self.lon,
            country_code=self.country_code, feature_code=self.feature_code, text=self.text,
            precision=self.precision, basis=why,
        )


@dataclass
class Actor(JsonForm):
    """A mention of a political actor resolved to a name, ISO-3 country and sector.

    `country` is ISO-3166 alpha-3 or a PLOVER pseudo-country (IGO, UNO, EUR, ...);
    `sector` a PLOVER/Phoenix code (GOV, MIL, REB, COP, OPP, IGO, ...). `code` keeps the
    full Phoenix/CAMEO actor code (`TURGOV`) and `entry` the dictionary entry that
    resolved it, so `dateline show` can explain the coding; both are stored, and are not
    part of `extract`'s JSON.
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    code: str | None = field(default=None, compare=False, metadata=INTERNAL)
    entry: str | None = field(default=None, compare=False, metadata=INTERNAL)
    token_start: int | None = field(default=None, compare=False, metadata=INTERNAL)
    token_end: int | None = field(default=None, compare=False, metadata=INTERNAL)

    def as_party(self) -> Party:
        """The actor as a party of an event, keeping where it was said and its dictionary entry."""
        return Party(name=self.name, country=self.country, sector=self.sector,
                     text=self.text, start=self.start, end=self.end, entry=self.entry)


@dataclass
class Party(JsonForm):
    """An actor or recipient of an event: who, as resolved, and where it was said (when it was)."""

    name: str
    country: str | None = None
    sector: str | None = None
    text: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    start: int | None = field(default=None, metadata=OMITTED_IF_NONE)
    end: int | None = field(default=None, metadata=OMITTED_IF_NONE)
    entry: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    thread_filled: bool = field(default=False, compare=False, metadata=INTERNAL)  # by `events/thread_parties`


@dataclass
class Location(JsonForm):
    """Where an event happened: a resolved place, trimmed to what an event needs."""

    name: str | None
    geonameid: int | None
    lat: float | None = field(metadata=rounded(5))
    lon: float | None = field(metadata=rounded(5))
    country_code: str | None
    feature_code: str | None = None
    text: str | None = None
    precision: LocationPrecision | None = field(default=None, metadata=OMITTED_IF_NONE)
    basis: str | None = field(default=None, metadata=OMITTED_IF_NONE)  # why the event is placed there


@dataclass
class Evidence(JsonForm):
    """The sentence that reports an event, so a person can check the coding."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    rule: str | None = None  # the lexicon entry / pattern that fired
    #: why this mention was joined to its event's other mentions (`events/group`); None for the first
    joined: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    #: the reporting article, for mentions gathered from several articles (cross-article merging)
    article_id: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    #: the reporting article's source (outlet) and date, set on the mentions of a merged event
    source: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    article_date: dt.date | None = field(default=None, metadata=OMITTED_IF_NONE)


@dataclass
class Event(JsonForm):
    """One PLOVER event: who did what to whom, where and when, with its evidence.

    `article_id`, `article_date` and `article_title` say which article reported the event;
    they are not part of `extract`'s JSON (the event sits inside its article there) and
    are added to it by `to_json(with_article=True)`, the form of a stored event listing.
    """

    id: str
    type: EventType
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    quad: int | None = None
    intensity: float | None = None
    cameo: str | None = None
    actors: list[Party] = field(default_factory=list)
    recipients: list[Party] = field(default_factory=list)
    date: str | None = None  # a TIMEX3 date value: 2018-09-17, 2018-W37, 2017-SU, 2017 ...
    date_precision: DatePrecision | None = None  # granularity of `date`
    date_mod: DateMod | None = None  # relation to `date` when the text gives only a bound; None = on it
    #: why the event has that date (`dateline show`); events stored before it lack it, so it is not compared
    date_basis: str | None = field(default=None, compare=False, metadata=OMITTED_IF_NONE)
    location: Location | None = None
    negated: bool = False  # status == "negated" (kept for the contract)
    hypothetical: bool = False  # status is "hypothetical" or "future" (kept for the contract)
    evidence: Evidence = field(kw_only=True)
    confidence: float = field(default=0.5, metadata=rounded(3))
    status: EventStatus = "fact"
    #: every mention of this happening in the article, by position; `evidence` is one of them
    mentions: list[Evidence] = field(default_factory=list)
    article_id: str | None = field(default=None, compare=False, metadata=INTERNAL)
    article_date: dt.date | None = field(default=None, compare=False, metadata=INTERNAL)
    article_title: str | None = field(default=None, compare=False, metadata=INTERNAL)

    def __post_init__(self) -> None:
        """Keep `status` and the contract's booleans in step, whichever of them was given:
        an explicit status sets the booleans; otherwise the booleans say the status."""
        if self.status != "fact":
            self.negated, self.hypothetical = self.status == "negated", self.status in ("hypothetical", "future")
        elif self.negated:
            self.status, self.hypothetical = "negated", False
        elif self.hypothetical:
            self.status = "hypothetical"

    def to_json(self, with_article: bool = False) -> dict[str, Any]:
        """The event's JSON form; `with_article` adds the reporting article's id, date and title."""
        out = super().to_json()
        if with_article:
            out.update(article_id=self.article_id, article_title=self.article_title,
                       article_date=self.article_date.isoformat() if self.article_date else None)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """Read an event back from its JSON form, with the article keys if it has them."""
        event = super().from_json(data)
        event.article_id = data.get("article_id")
        event.article_title = data.get("article_title")
        if data.get("article_date"):
            event.article_date = dt.date.fromisoformat(data["article_date"])
        return event


@dataclass
class ExcludedSpan(JsonForm):
    """A stretch of the article text that is not the story, so no event is read from it.

    `kind` says what it is, `cue` what gave it away (the cue phrase or line shape), so a reader
    of the JSON sees what was left out and why; the text itself is never changed.
    """

    kind: ExclusionKind
    start: int
    end: int
    text: str
    cue: str


def excluded_index(spans: list[ExcludedSpan]) -> tuple[list[int] | None, list[int]]:
    """`span_reach` of excluded spans sorted by start, for `Document.excluded_at`; (None, []) if unsorted."""
    starts = [span.start for span in spans]
    if starts != sorted(starts):
        return None, []
    return span_reach((span.start, span.end) for span in spans)


@dataclass
class Document(JsonForm):
    """An article on its way through the pipeline, with what each stage found.

    `parsed` holds the spaCy `Doc` (never serialised). Stages add to `timexes`,
    `places`, `actors` and `events` in pipeline order and touch nothing else.
    Its JSON form is one line of `dateline extract`.
    """

    article: Article
    parsed: Any = field(default=None, compare=False, metadata=INTERNAL)
    excluded: list[ExcludedSpan] = field(default_factory=list)  # text that is not the story (story stage)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: The day the text shows it was written, when later than `article.date` (time stage, `time.writing_day`).
    written: dt.date | None = field(default=None, metadata=OMITTED_IF_NONE)

    def with_events_at_least(self, min_confidence: float) -> Document:
        """The same document showing only the events at or above `min_confidence`: the default view
        that `extract`, listings and exports share (negated and hypothetical events keep their flags)."""
        if min_confidence <= 0:
            return self
        return replace(self, events=[e for e in self.events if e.confidence >= min_confidence])

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        """One object of `dateline extract`'s output; `with_text=False` leaves the article text out."""
        out = super().to_json()
        out["article"] = self.article.to_json(with_text)
        return out

    def excluded_at(self, offset: int) -> ExcludedSpan | None:
        """The span that is not story text and holds character `offset`, if any (stages skip what is in one).

        The first such span in list order, found by binary search in an index of `excluded` built once per
        list (a scan per offset made the events stage quadratic on long articles: 37 s of 71 at 1M characters).
        """
        spans = self.excluded
        index = self.__dict__.get("_excluded_index")
        if index is None or index[0] is not spans or index[1] != len(spans):
            index = (spans, len(spans), *excluded_index(spans))
            self.__dict__["_excluded_index"] = index
        starts, reach = index[2], index[3]
        if starts is None:  # not sorted by start (not the story stage's order): scan
            return next((span for span in spans if span.start <= offset < span.end), None)
        first = first_holding(starts, reach, offset)
        return spans[first] if first is not None else None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        """Read a document back from `extract`'s JSON; the events learn their article's id, date and title."""
        doc = super().from_json(data)
        for event in doc.events:
            event.article_id = event.article_id or doc.article.id
            event.article_date = event.article_date or doc.article.date
            event.article_title = event.article_title or doc.article.title
        return doc


def extract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one object of `dateline extract`'s output."""
    schema = schema_of(Document)
    schema["title"] = "dateline extract: one article with its timexes, places, actors and events"
    schema["$comment"] = "Generated from dateline.model; print it with `dateline schema`."
    return schema


__all__ = [
    "NAMED_KIND_NOTE", "NEARBY_AREA_BASIS", "Actor", "Article", "DateMod", "DatePrecision", "Document", "Event",
    "EventStatus", "EventType", "Evidence", "ExcludedSpan", "ExclusionKind", "Location", "LocationPrecision", "Party",
    "Place", "PlaceFinding", "Timex", "TimexMod", "TimexType", "content_id", "event_id", "extract_schema",
]
