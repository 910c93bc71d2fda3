"""One event per happening: the mentions of one happening in an article become one Event.

News repeats itself: the headline and the lead tell the same agreement, "imposed sanctions"
is followed by "the sanctions", a sentence says "agreed" and then "the agreement". Coded
mention by mention, each would be a separate event, and a reader would count the agreement
twice. `group_events` joins such mentions into one Event whose `mentions` lists every
mention (sentence, offsets, trigger) in text order, each saying why it was joined.

Two mentions are one happening when nothing about them conflicts and a cue says they are
the same:

* no conflict: the same PLOVER type and status, modes that agree (or one unset), parties
  of which one side names no party the other lacks (per role; for reciprocal events all
  parties together), dates whose TIMEX3 intervals overlap (read with `dateline.timex3`,
  date_mod bounds included), and places that are not far apart in different countries;
* a cue: the two are in one sentence (a verb and its noun: "agreed ... the agreement");
  the later one is a definite noun pointing back ("the sanctions", "this attack"); they share
  a trigger stem ("met" / "meeting", "sanctions" as the object of "imposed" / "the sanctions")
  and name the same parties; or they are the headline and the lead.

A mention joins the earliest group any of whose members gives a cue and none of whose members
conflicts with it (so a chain of cues cannot join two mentions that contradict each other).
The grouping rule was validated against the `same_as` links of hand-coded articles
(`tools/group_eval.py`). The grouped event keeps the most confident mention as its
`evidence` and fills its date and place from the other mentions when it has none (or a
coarser one). This is the within-article step a cross-article merge builds on: a mention
can carry its article id.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.model import Document, Event, Evidence, Party
from dateline.timex3 import Interval, interval
from dateline.words import word_set

#: Determiners that make a nominal trigger refer back ("the sanctions", "this attack").
ANAPHORIC_DETERMINERS = word_set("anaphoric_determiners")
#: Types whose parties are all actors (PLOVER: reciprocal events list everyone as actor).
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Statements have no physical place (the guideline codes none): a place found near one is no conflict.
PLACELESS_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
#: Dependents that introduce a noun by what follows it ("the request to meet", "the assistance of
#: the PSC"): such a definite noun is a first mention, not one pointing back. (Validated: leaving
#: prepositions other than "of" out of this class joined one wrong pair more on the gold.)
RESTRICTIVE_DEPS = frozenset({"acl", "relcl", "prep"})
#: Places of one happening in different sub-country places lie at most this far apart.
SAME_PLACE_KM = 100.0
#: Feature codes of places that contain others (a country, a first-order division).
CONTAINER_FEATURES = ("PCL", "ADM1")
#: Two trigger lemmas share a stem when they agree on this many leading letters at least ...
MIN_STEM = 4
#: ... and on all but this many letters of the shorter one ("agree"/"agreement", "seize"/"seizure").
STEM_SLACK = 3

#: Characters that close a sentence of running text: a first line ending otherwise is a headline.
HEADLINE_ENDS = frozenset('.!?"”’\'')

_ENABLED = [True]


@contextmanager
def ungrouped() -> Iterator[None]:
    """Run the coder without grouping: one event per mention (what `tools/group_eval.py` scores)."""
    _ENABLED.append(False)
    try:
        yield
    finally:
        _ENABLED.pop()


@dataclass(frozen=True)
class Cues:
    """What the parse says about one mention: its sentence, the stems of its trigger, and
    whether it is a definite noun that points back."""

    sentence: int
    stems: frozenset[str]
    definite: bool = False
    trigger: str = ""


def mention_cues(event: Event, parsed: Any) -> Cues:
    """The cues of an event's mention, read from the parse at its trigger (none without a parse)."""
    ev = event.evidence
    token = _token_at(parsed, ev.trigger_start)
    if token is None:
        return Cues(sentence=ev.start, stems=frozenset({ev.trigger.lower()}), trigger=ev.trigger)
    stems = {token.lemma_.lower()}
    if token.pos_ == "VERB":  # "imposed sanctions": the object names the event too
        stems |= {c.lemma_.lower() for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"}
    definite = token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC_DETERMINERS for c in token.children) and not any(
        c.dep_ in RESTRICTIVE_DEPS for c in token.children)
    return Cues(sentence=token.sent.start, stems=frozenset(stems), definite=definite, trigger=token.text)


def _token_at(parsed: Any, start: int | None) -> Any | None:
    if parsed is None or start is None:
        return None
    span = parsed.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def same_stem(a: str, b: str) -> bool:
    """True when two lemmas are one word or a verb and its nominalisation ("agree"/"agreement")."""
    if a == b:
        return True
    shared = len(_common_prefix(a, b))
    return shared >= MIN_STEM and shared >= min(len(a), len(b)) - STEM_SLACK


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def conflict(a: Event, b: Event, reference: dt.date | None = None, parties: bool = True) -> str | None:
    """Why two mentions cannot be one happening, or None when nothing about them conflicts.

    `parties=False` leaves the parties out: for a verb and its own noun in one sentence
    ("were arrested ... their arrest") a party mismatch says more about the parse than the world.
    """
    if a.type != b.type:
        return f"types {a.type} and {b.type}"
    if a.status != b.status:
        return f"one is {a.status}, the other {b.status}"
    if a.mode and b.mode and a.mode != b.mode:
        return f"modes {a.mode} and {b.mode}"
    clash = _party_conflict(a, b) if parties else None
    if clash:
        return clash
    first, second = _date_span(a, reference), _date_span(b, reference)
    if first and second and (first.last < second.first or second.last < first.first):
        return f"dates {a.date} and {b.date}"
    return _place_conflict(a, b)


def _party_keys(parties: list[Party]) -> frozenset[str]:
    """The countries a role names: a party without one (an unresolved name) could be anyone."""
    return frozenset(p.country for p in parties if p.country)


def _party_conflict(a: Event, b: Event) -> str | None:
    """Parties conflict when each mention names a party the other does not (per role)."""
    if a.type in RECIPROCAL_TYPES:
        roles = [("parties", _party_keys(a.actors + a.recipients), _party_keys(b.actors + b.recipients))]
    else:
        roles = [("actors", _party_keys(a.actors), _party_keys(b.actors)),
                 ("recipients", _party_keys(a.recipients), _party_keys(b.recipients))]
    for role, first, second in roles:
        if not (first <= second or second <= first):
            return f"{role} {'/'.join(sorted(first))} and {'/'.join(sorted(second))}"
    return None


def _date_span(event: Event, reference: dt.date | None) -> Interval | None:
    """The days an event may have happened on: its date's interval, widened by its date_mod."""
    span = interval(event.date, reference)
    if span is None:
        return None
    if event.date_mod == "BEFORE":
        return Interval(dt.date.min, span.first - dt.timedelta(days=1)) if span.first > dt.date.min else None
    if event.date_mod == "ON_OR_BEFORE":
        return Interval(dt.date.min, span.last)
    if event.date_mod == "AFTER":
        return Interval(span.last + dt.timedelta(days=1), dt.date.max) if span.last < dt.date.max else None
    return span


def _place_conflict(a: Event, b: Event) -> str | None:
    first, second = a.location, b.location
    if first is None or second is None or first.geonameid == second.geonameid or a.type in PLACELESS_TYPES:
        return None
    if first.country_code and second.country_code and first.country_code != second.country_code:
        return f"places {first.name} ({first.country_code}) and {second.name} ({second.country_code})"
    if any((p.feature_code or "").startswith(CONTAINER_FEATURES) for p in (first, second)):
        return None  # a country or province holds the other place
    if None in (first.lat, first.lon, second.lat, second.lon):
        return None
    if _km(first.lat, first.lon, second.lat, second.lon) > SAME_PLACE_KM:  # type: ignore[arg-type]
        return f"places {first.name} and {second.name} are far apart"
    return None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def cue(a: Event, b: Event, ca: Cues, cb: Cues, lead: tuple[int, int] | None = None) -> str | None:
    """Why the later mention `b` repeats `a`, or None when nothing says it does.

    `lead` holds the start tokens of the article's first two sentences (headline and lead).
    """
    if ca.sentence == cb.sentence:
        return f"same sentence as '{ca.trigger}'"
    if cb.definite:
        return f"definite '{cb.trigger}' refers back to '{ca.trigger}'"
    if _same_parties(a, b):
        stem = any(same_stem(x, y) for x in ca.stems for y in cb.stems)
        return f"'{cb.trigger}' {'repeats' if stem else 'restates'} '{ca.trigger}' with the same parties"
    if lead is not None and (ca.sentence, cb.sentence) == lead:
        return f"headline and lead ('{ca.trigger}')"
    return None


def _same_parties(a: Event, b: Event) -> bool:
    """Both name the same countries as actors and the same other countries as recipients.

    Countries are coarse: within one country ("protesters" and "the king", both JOR) many acts
    share them, so only an act between countries ("Britain blames Russia") is told apart by them.
    """
    actors, recipients = _party_keys(a.actors), _party_keys(a.recipients)
    return (bool(actors) and bool(recipients) and not actors & recipients
            and actors == _party_keys(b.actors) and recipients == _party_keys(b.recipients))


def group_events(doc: Document) -> Document:
    """Join the mentions of each happening in `doc.events` into one Event (the coder's last step)."""
    if not _ENABLED[-1] or len(doc.events) < 1:
        return doc
    events = sorted(doc.events, key=lambda e: (e.evidence.trigger_start or e.evidence.start, e.type))
    cues = [mention_cues(e, doc.parsed) for e in events]
    groups = cluster(events, cues, doc.article.date, headline_and_lead(doc.parsed))
    doc.events = [merge_mentions([events[i] for i in members], reasons) for members, reasons in groups]
    return doc


def headline_and_lead(parsed: Any) -> tuple[int, int] | None:
    """The first two sentences when the first is a headline (no closing punctuation), else None."""
    if parsed is None:
        return None
    first_two = [s for _, s in zip(range(2), parsed.sents, strict=False)]
    if len(first_two) < 2 or first_two[0].text.rstrip()[-1:] in HEADLINE_ENDS:
        return None
    return first_two[0].start, first_two[1].start


def cluster(events: list[Event], cues: list[Cues], reference: dt.date | None = None,
            lead: tuple[int, int] | None = None) -> list[tuple[list[int], dict[int, str]]]:
    """Groups of event indices (in text order), each with why every later member was joined.

    A mention joins the first group it does not conflict with and that holds a mention it
    repeats (`cue`). Only groups that can hold such a mention are looked at (one in its sentence,
    with its parties, the headline before its lead; any group for a definite "the attack"), and a
    group checks conflicts once per kind of member (`_Group`), so an article of N mentions of one
    happening costs N, not N squared.
    """
    groups: list[_Group] = []
    by_sentence: dict[int, list[int]] = {}  # sentence -> numbers of the groups with a member in it
    by_parties: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
    for j, event in enumerate(events):
        cj, key = cues[j], _parties_key(event)
        if cj.definite:
            candidates: Iterable[int] = range(len(groups))
        else:
            found = set(by_sentence.get(cj.sentence, ())) | set(by_parties.get(key, ()) if key else ())
            if lead is not None and cj.sentence == lead[1]:
                found |= set(by_sentence.get(lead[0], ()))
            candidates = sorted(found)
        for number in candidates:
            group = groups[number]
            if group.conflicts(events, cues, j, reference):
                continue
            first = group.first_cued(cj, key, lead)
            why = cue(events[first], event, cues[first], cj, lead) if first is not None else None
            if why is not None:
                group.add(events, cues, j, why)
                break
        else:
            number = len(groups)
            groups.append(_Group())
            groups[-1].add(events, cues, j, None)
        for index, value in ((by_sentence, cj.sentence), (by_parties, key)):
            if value is not None and number not in index.setdefault(value, [number])[-1:]:
                index[value].append(number)
    return [(g.members, g.reasons) for g in groups]


def _parties_key(event: Event) -> tuple[frozenset[str], frozenset[str]] | None:
    """The actor and recipient countries `_same_parties` compares, or None when it never holds for this event."""
    actors, recipients = _party_keys(event.actors), _party_keys(event.recipients)
    return (actors, recipients) if actors and recipients and not actors & recipients else None


def _conflict_signature(event: Event) -> tuple[Any, ...]:
    """Everything `conflict` reads of an event: two events with one signature conflict with the same mentions."""
    loc = event.location
    place = (loc.geonameid, loc.country_code, loc.feature_code, loc.lat, loc.lon, loc.name) if loc else None
    return (event.type, event.status, event.mode, _party_keys(event.actors), _party_keys(event.recipients),
            event.date, event.date_mod, place)


@dataclass
class _Group:
    """The members of one happening, indexed for `cluster`: by sentence, by parties, and one
    representative per conflict signature (per sentence, as a verb and its own noun in one sentence
    are compared without their parties)."""

    members: list[int] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)
    in_sentence: dict[int, list[int]] = field(default_factory=dict)
    with_parties: dict[tuple[frozenset[str], frozenset[str]], int] = field(default_factory=dict)
    kinds: dict[tuple[Any, ...], dict[int, int]] = field(default_factory=dict)  # signature -> sentence -> member

    def add(self, events: list[Event], cues: list[Cues], j: int, why: str | None) -> None:
        self.members.append(j)
        if why is not None:
            self.reasons[j] = why
        self.in_sentence.setdefault(cues[j].sentence, []).append(j)
        key = _parties_key(events[j])
        if key is not None:
            self.with_parties.setdefault(key, j)
        sentences = self.kinds.setdefault(_conflict_signature(events[j]), {})
        if len(sentences) < 2:  # two sentences suffice: one of them is not the asking mention's
            sentences.setdefault(cues[j].sentence, j)

    def conflicts(self, events: list[Event], cues: list[Cues], j: int, reference: dt.date | None) -> bool:
        """Whether mention `j` conflicts with some member (as `conflict` says, member by member)."""
        cj = cues[j]
        for i in self.in_sentence.get(cj.sentence, ()):
            if conflict(events[i], events[j], reference, not _own_noun(cues[i], cj)):
                return True
        for sentences in self.kinds.values():
            other = next((i for sentence, i in sentences.items() if sentence != cj.sentence), None)
            if other is not None and conflict(events[other], events[j], reference, True):
                return True
        return False

    def first_cued(self, cj: Cues, key: tuple[frozenset[str], frozenset[str]] | None,
                   lead: tuple[int, int] | None) -> int | None:
        """The first member that `cue` finds a reason with for mention `cj` (None: no member)."""
        if cj.definite:
            return self.members[0]
        found = [self.in_sentence[cj.sentence][0]] if cj.sentence in self.in_sentence else []
        if key is not None and key in self.with_parties:
            found.append(self.with_parties[key])
        if lead is not None and cj.sentence == lead[1] and lead[0] in self.in_sentence:
            found.append(self.in_sentence[lead[0]][0])
        return min(found, default=None)


def _own_noun(ca: Cues, cb: Cues) -> bool:
    """A verb and its noun in one sentence ("were arrested ... their arrest"): one happening told twice."""
    return ca.sentence == cb.sentence and any(same_stem(x, y) for x in ca.stems for y in cb.stems)


def merge_mentions(events: list[Event], reasons: dict[int, str]) -> Event:
    """One Event from the mentions of a happening (in text order): the most confident mention is
    its evidence; a missing or coarser date, and a missing place, come from the other mentions."""
    mentions = [replace(e.evidence, joined=reasons.get(k)) for k, e in enumerate(events)]
    if len(events) == 1:
        return replace(events[0], mentions=mentions)
    primary = max(range(len(events)), key=lambda k: (events[k].confidence, -k))
    best = events[primary]
    dated = events[min(range(len(events)), key=lambda k: (*_date_rank(events[k]), k != primary))]
    located = best.location or next((e.location for e in events if e.location is not None), None)
    evidence: Evidence = mentions[primary]
    return replace(best, evidence=evidence, mentions=mentions, location=located,
                   date=dated.date, date_precision=dated.date_precision, date_mod=dated.date_mod,
                   confidence=max(e.confidence for e in events))


#: Date precisions, finest first (for choosing the most telling date among mentions).
_PRECISION_ORDER = ("time", "part_of_day", "day", "week", "month", "season", "quarter", "half", "year",
                    "decade", "century")


def _date_rank(event: Event) -> tuple[int, int]:
    """Exact dates before bounds ("on Monday" before "on or before the article date"), then finer first."""
    bound = event.date_mod is not None or event.date is None
    fine = _PRECISION_ORDER.index(event.date_precision) if event.date_precision in _PRECISION_ORDER else 99
    return int(bound), fine
