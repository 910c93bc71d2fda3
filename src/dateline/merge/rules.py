"""The hard rules of cross-article merging: what two article-level events must not disagree on.

Two events of different articles can be one happening only when nothing about them conflicts
(`conflict_reason`): the same PLOVER type, modes that agree (or one unset, or both read from one wording), not one
negated and the other not, date spans that overlap (`dateline.merge.spans`: each read from the TIMEX3 value,
widened by its `date_mod` and by a day of slack for day and week values), parties and places that
do not contradict each other. Whether they then *are* one happening is weighed by
`dateline.merge.link`.

Parties and places are coded from the text, and the coding errs: a party is given the wrong country
("army" read as the US army), an implicit agent is guessed ("authorities of USA" for "2 men
charged"), a country is lent by the context ("workers" given the article's focus country: for the grouping
only, `conflict_between(lent=False)`), a place is carried over from elsewhere in the article. So only
what the sentences themselves say counts here: a party or place conflicts only when the text names it (a
party with its text, a place whose name is in the evidence sentence) and the other sentence does not hold that
text — so two copies of one sentence (wire copy, a page's list of stories) are one report whatever the
coder made of each (the party rules: `dateline.merge.parties`). Statuses: a fact, a plan and a hypothetical may
tell one happening ("is to be released Monday" / "was released Monday": the modality reader often errs between them); a
negation and a fact may not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import sys
from dataclasses import dataclass
from typing import NamedTuple

from dateline.merge.parties import NamedParty, lent_country, party_conflict, read_by_reference
from dateline.merge.quotes import quoted_runs
from dateline.merge.spans import COPY_DAYS as COPY_DAYS
from dateline.merge.spans import DATE_SLACK_DAYS, date_span, merge_span, past_day
from dateline.merge.text import (
    CLOSE_WORDING,
    evidence_dice,
    sentence_fingerprint,
    sentence_names,
    sentence_numbers,
    sentence_words,
    trigger_stem,
)
from dateline.model import Event, Location, Party
from dateline.timex3 import Interval
from dateline.words import word_set

#: Types whose parties are all actors (PLOVER: reciprocal events list everyone as actor).
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Statements have no physical place: a place found near one neither conflicts nor agrees.
PLACELESS_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
#: Greatest distance (km) between the places of one happening, by the coarser place's precision.
SAME_PLACE_KM = {"point": 50.0, "admin": 250.0}
#: Places of these GeoNames feature codes (seas, gulfs, regions) are as coarse as a country.
COARSE_PLACE_CODES = word_set("merge_coarse_places")


@dataclass(frozen=True)
class MentionCounts:
    """How often a happening was reported: mentions (sentences), articles and distinct sources."""

    mentions: int
    articles: int
    sources: int


def mention_counts(event: Event) -> MentionCounts:
    """The counts of a (merged) event read from its mentions; an event without mentions is one mention.

    A mention with no source counts as its own source (an article read from a file names none).
    """
    mentions = event.mentions or [event.evidence]
    articles = {m.article_id or event.article_id for m in mentions}
    sources = {m.source or f"article:{m.article_id or event.article_id}" for m in mentions}
    return MentionCounts(len(mentions), len(articles), len(sources))


class PartyKey(NamedTuple):
    """What the merge reads of one party (`Party`'s fields of those names, and the words of its name): a few
    shared strings, not the party, so a report kept between merge steps holds little."""

    name: str
    country: str | None
    sector: str | None
    words: frozenset[str]  # `sentence_words` of its name (or text)


class PlaceKey(NamedTuple):
    """What the merge reads of an event's place (`Location`'s fields of those names)."""

    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None
    feature_code: str | None
    text: str | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class Report:
    """What the merge reads of one article-level event, read once (`report_of`): a merge compares each report with
    many others, and reading its words, spans and parties again for every pair cost more than comparing them.

    Everything the merge decides from (links, groups, their representative and counts) is here, in plain values
    with interned words, so a report needs no event behind it: the store keeps thousands between merge steps
    (`dateline.merge.cache`) and drops their events (`without_event`); `event` is kept for callers that want the
    events of a group back (`groups_of`)."""

    event: Event | None
    id: str
    article_id: str | None
    article_date: dt.date | None
    key: tuple[dt.date, str, int, int, str]  # `canonical_key`
    type: str
    mode: str | None
    status: str
    negated: bool  # status "negated": the one status that conflicts with the others
    confidence: float
    date: str | None
    date_mod: str | None
    date_precision: str | None
    dated: bool  # dated by the text itself: a value with no `date_mod` (an undated event has its article's date)
    span: Interval | None  # `date_span`
    reach: Interval | None  # `merge_span`: None when too vague to merge
    past_day: int | None  # `spans.past_day`: the day (ordinal) it retells, told well after it
    sentence: str
    trigger: str  # `text.trigger_stem`: the act its trigger names
    words: frozenset[str]  # `sentence_words`
    numbers: frozenset[str]  # `sentence_numbers`
    own_names: frozenset[str]  # names less party words: two reports' shared names are exactly what these share
    quoted: frozenset[tuple[str, ...]]  # `quotes.quoted_runs`: the runs of words its sentence quotes (mostly none)
    roles: tuple[tuple[str, tuple[PartyKey, ...]], ...]  # per role, its parties
    #: per role: (country, text, own words give the country, read by reference) of each party named, and their
    #: countries (`parties.party_conflict`)
    named: tuple[tuple[str, tuple[NamedParty, ...], frozenset[str]], ...]
    place: PlaceKey | None
    place_in_sentence: bool  # `place_in_sentence`
    mentions: int  # sentences it stands for (its mentions, or its evidence alone)
    sources: tuple[str, ...]  # its mentions' sources (`source`, else `article:ID`), as a merged event counts them


def report_of(event: Event) -> Report:
    """The event as the merge compares it (read from the event as it is now: build it again after a change)."""
    sentence, parties = event.evidence.sentence, event.actors + event.recipients
    named = [(role, tuple((sys.intern(p.country), sys.intern(p.text), not lent_country(p), read_by_reference(p))
                          for p in members if p.country and p.text))
             for role, members in _roles(event)]
    party_text = " ".join(f"{p.name} {p.text or ''}" for p in parties)
    party_words = frozenset(word.lower() for word in party_text.split())
    mentions = event.mentions or [event.evidence]
    return Report(event=event, id=event.id, article_id=event.article_id, article_date=event.article_date,
                  key=canonical_key(event), type=sys.intern(event.type), mode=_interned(event.mode),
                  status=sys.intern(event.status), negated=event.status == "negated", confidence=event.confidence,
                  date=_interned(event.date), date_mod=_interned(event.date_mod),
                  date_precision=_interned(event.date_precision),
                  dated=event.date is not None and event.date_mod is None, span=date_span(event),
                  reach=merge_span(event), past_day=past_day(event), sentence=sentence,
                  trigger=trigger_stem(event.evidence.trigger),
                  words=sentence_words(sentence),
                  numbers=sentence_numbers(sentence), own_names=_own_names(sentence, party_words),
                  quoted=quoted_runs(sentence),
                  roles=tuple((role, tuple(_party_key(p) for p in members)) for role, members in _roles(event)),
                  named=tuple((role, coded, _countries(frozenset(coded_party[0] for coded_party in coded)))
                              for role, coded in named),
                  place=_place_key(event.location), place_in_sentence=place_in_sentence(event),
                  mentions=len(mentions),
                  sources=tuple(sorted({m.source or f"article:{m.article_id}" for m in mentions})))


def without_event(report: Report) -> Report:
    """The report alone, its event let go: what a cache of reports keeps (everything the merge reads stays)."""
    return dataclasses.replace(report, event=None)


def _own_names(sentence: str, party_words: frozenset[str]) -> frozenset[str]:
    """The sentence's names less its parties' words (the set the text reader keeps, when no party word is among
    them: one set for the sentence, not one more per report)."""
    names = sentence_names(sentence)
    return names - party_words if names & party_words else names


def _interned(text: str | None) -> str | None:
    """One copy of a string many reports hold (a date, a country, a party's or a place's name), not one each."""
    return sys.intern(text) if text is not None else None


#: One copy of each set of party countries (few distinct sets, held by every report).
_COUNTRY_SETS: dict[frozenset[str], frozenset[str]] = {}


def _countries(countries: frozenset[str]) -> frozenset[str]:
    return _COUNTRY_SETS.setdefault(countries, countries)


def _party_key(party: Party) -> PartyKey:
    return PartyKey(sys.intern(party.name), _interned(party.country), _interned(party.sector), _name_words(party))


def _place_key(loc: Location | None) -> PlaceKey | None:
    if loc is None:
        return None
    return PlaceKey(_interned(loc.name), loc.geonameid, loc.lat, loc.lon, _interned(loc.country_code),
                    _interned(loc.feature_code), _interned(loc.text), _interned(loc.precision))


def canonical_key(event: Event) -> tuple[dt.date, str, int, int, str]:
    """The order in which events are clustered (earliest article first), independent of ingest order."""
    day = event.article_date or dt.date.min
    return (day, event.article_id or "", event.evidence.start, event.evidence.trigger_start or -1, event.id)


def party_countries(event: Event) -> frozenset[str]:
    """Every country a party of the event names (the candidate index is keyed on them)."""
    return frozenset(p.country for p in event.actors + event.recipients if p.country)


def _roles(event: Event) -> list[tuple[str, list[Party]]]:
    if event.type in RECIPROCAL_TYPES:
        return [("parties", event.actors + event.recipients)]
    return [("actors", event.actors), ("recipients", event.recipients)]


def _name_words(party: Party) -> frozenset[str]:
    return sentence_words(party.name or party.text or "")


def same_party(p: Party, q: Party) -> bool:
    """Two parties are one when their countries do not differ and they share a name word or a sector."""
    return _same_party(p, _name_words(p), q, _name_words(q))


def _same_party(p: Party | PartyKey, p_words: frozenset[str], q: Party | PartyKey, q_words: frozenset[str]) -> bool:
    if p.country and q.country and p.country != q.country:
        return False
    if p_words & q_words:
        return True
    return bool(p.country and p.sector and p.country == q.country and p.sector == q.sector)


def location_precision(loc: Location | PlaceKey) -> str:
    """How much a place says (`point`, `admin`, `country`), from its own field or its GeoNames feature code. A sea,
    gulf or region counts as a country whatever its field says: it does not pin an event down either (the Gulf of
    Mexico given as a "point" at its centre is 700 km from Louisiana, on whose coast the spill was)."""
    code = loc.feature_code or ""
    if code.startswith("PCL") or code in COARSE_PLACE_CODES:
        return "country"
    if loc.precision:
        return loc.precision
    return "admin" if code.startswith("ADM") else "point"


def km_between(a: Location | PlaceKey, b: Location | PlaceKey) -> float | None:
    """Great-circle distance in km between two located places; None when either has no coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2, dl = math.radians(a.lat), math.radians(b.lat), math.radians(b.lon - a.lon)  # type: ignore[arg-type]
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def place_in_sentence(event: Event) -> bool:
    """Whether the event's place is named in its evidence sentence, not carried over from elsewhere in the article
    (a place with no text, given by a caller rather than read, is taken at its word)."""
    loc = event.location
    return bool(loc and (loc.text is None or loc.text in event.evidence.sentence))


def _place_conflict(a: Report, b: Report) -> str | None:
    first, second = a.place, b.place
    if first is None or second is None or a.type in PLACELESS_TYPES or first.geonameid == second.geonameid:
        return None
    if not (a.place_in_sentence and b.place_in_sentence):
        return None  # a place taken from the story's scene is a guess about this sentence
    if first.text and second.text and first.text in b.sentence and second.text in a.sentence:
        return None  # both sentences name both places: one text, coded two ways
    if first.text and second.text and _leads(first.text, second.text):
        return None  # one name read whole and by its first words ("Gulf" / "Gulf Coast"): one place, coded two ways
    if first.country_code and second.country_code and first.country_code != second.country_code:
        return f"places {first.name} ({first.country_code}) and {second.name} ({second.country_code})"
    coarser = max(location_precision(first), location_precision(second), key=["point", "admin", "country"].index)
    km = km_between(first, second)
    if coarser == "country" or km is None:
        return None  # a country holds the town: no contradiction
    if km > SAME_PLACE_KM[coarser]:
        return f"places {first.name} and {second.name} are {km:.0f} km apart"
    return None


def _leads(first: str, second: str) -> bool:
    """Whether one place text is the other's first words ("Gulf" of "Gulf of Mexico" or "Gulf Coast"): the geoparser
    read a shortened name as a place of its own (the Persian Gulf), though the report meant the longer one. Whole
    words only: "Niger" does not lead "Nigeria", nor "Guinea" "Guinea-Bissau", nor "Sudan" "South Sudan"."""
    shorter, longer = sorted((first.split(), second.split()), key=len)
    return longer[:len(shorter)] == shorter


def conflict_reason(a: Event, b: Event) -> str | None:
    """Why two article-level events cannot be one happening, or None when nothing about them conflicts."""
    return conflict_between(report_of(a), report_of(b))


def conflict_between(a: Report, b: Report, lent: bool = True, one_article: bool = True) -> str | None:
    """`conflict_reason` of two events' reports (`report_of`: what the rules read of each, read once). With `lent`
    false, a party's country lent by the context (`lent_country`) makes no conflict: what the grouping counts
    against joining two groups (a guess about one report does not split a happening), where a link needs none.
    With `one_article` false (the grouping too), two reports of one article are compared on what they say: its own
    grouping keeping them apart is a decision tuned for precision, not a contradiction (of 20 such pairs read in
    merged groups, 15 told one happening, often one sentence printed twice in the article)."""
    if one_article and a.article_id == b.article_id:
        return "one article (its own grouping kept them apart)"
    if a.type != b.type:
        return f"types {a.type} and {b.type}"
    if a.mode and b.mode and a.mode != b.mode and not _one_wording(a, b):
        return f"modes {a.mode} and {b.mode}"
    if a.negated != b.negated:  # a fact, a plan and a hypothetical may be one; a denial is not
        return f"one is {a.status}, the other {b.status}"
    first, second = a.reach, b.reach
    if first is None or second is None:
        return "a date too vague to merge"
    if not first.overlaps(second.first, second.last) and not copied(a, b):
        return f"dates {a.date or 'undated'} and {b.date or 'undated'}"
    return party_conflict(a, b, lent) or _place_conflict(a, b)


def _one_wording(a: Report, b: Report) -> bool:
    """Whether the two sentences are worded alike (`CLOSE_WORDING`: most of one report retold): then two modes are two
    readings of one wording (which of its verbs the coder took: "investigating" or "charged" of one sentence printed
    twice, "blowout" or "exploding" of one account of a blast), not two acts the texts tell apart."""
    return evidence_dice(a.words, b.words) >= CLOSE_WORDING


def copied(a: Report, b: Report) -> bool:
    """Whether the two reports are one sentence printed twice (`sentence_fingerprint`): their dates then differ only
    by the pages that carried it (a "Friday" or an undated headline read from each page's own day), not by what
    the sentence says, so they make no date conflict. The candidate index offers such pairs up to
    `COPY_DAYS` of article days apart (`dateline.store.rows.candidate_keys`)."""
    fingerprint = sentence_fingerprint(a.sentence)
    return fingerprint is not None and fingerprint == sentence_fingerprint(b.sentence)


def shared_parties(a: Event, b: Event) -> list[str]:
    """Per role, the names of a's parties that are also b's."""
    return shared_parties_between(report_of(a), report_of(b))


def shared_parties_between(a: Report, b: Report) -> list[str]:
    """`shared_parties` of two events' reports."""
    shared = []
    for (_, first), (_, second) in zip(a.roles, b.roles, strict=True):
        names = [p.name for p in first if any(_same_party(p, p.words, q, q.words) for q in second)]
        if names:
            shared.append(", ".join(dict.fromkeys(names)))
    return shared


def same_day(a: Event | Report, b: Event | Report) -> bool:
    """Both dated to a day (or finer, or a week) with no `date_mod`, and those days agree (within the slack)."""
    fine = set(DATE_SLACK_DAYS)
    if a.date_mod or b.date_mod or a.date_precision not in fine or b.date_precision not in fine:
        return False
    first, second = (x.span if isinstance(x, Report) else date_span(x) for x in (a, b))
    return bool(first and second and first.overlaps(second.first, second.last))
