"""Cross-article merging: the events of several articles that report one happening become one event.

GDELT counts one abduction many times because each report makes its own row. Here each stored
(article-level) event is compared with the events of other articles that could be the same
happening, and those that are become one merged event whose mentions are every report of it.

Two article-level events are **linked** (`link_reason`) when nothing about them conflicts and
enough agrees:

* no conflict (`conflict_reason`): other articles; the same PLOVER type, modes that agree (or one
  unset), statuses that may describe one happening (a fact and an announced plan may; a negation
  and a fact may not); party countries of which one side's are a subset of the other's (per role;
  all parties together for reciprocal types); date spans that overlap, each span read from the
  TIMEX3 value (`dateline.timex3.interval`), widened by the value's `date_mod` and by a day of
  slack for day and week values (`DATE_SLACK_DAYS`); places that are not apart by more than their
  precision allows (a country-level place does not contradict a town inside it);
* enough agreement (`support`): points for shared parties (per role), the same day, the same
  place and similar evidence sentences (shared content words); a link needs `LINK_POINTS`, and
  sentences that share words (a day, a capital and "protesters" are shared by many happenings):
  some words when both are dated to the same day, many when either date is vaguer (an undated
  "protesters demand ..." recurs every day of a protest wave, a repeated sentence does not).

This is pure: it reads two events and nothing else, so a link does not depend on what else is
stored or on the order articles came in. Clusters are then made from the links of a connected
group of events by `cluster`: the events in canonical order (article date, article id, offset,
id), each joining the first cluster it has a link to and no conflict with any member of, so a
chain of links cannot join two events that contradict each other. Because the links are pure and
the order canonical, the same set of articles gives the same clusters whatever order they were
ingested in; a cluster's id is the id of its earliest event. The store keeps the links and redoes
the clustering of the group a new article touches (`dateline.store.merged`).

A background reference ("the 2017 deal", mentioned a year later) is an event dated `2017`: its
span holds the original's day, and its parties are the original's, so it links to it.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from dateline.model import Event, Location, Party
from dateline.timex3 import Interval, interval
from dateline.words import word_set

#: Types whose parties are all actors (PLOVER: reciprocal events list everyone as actor).
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Statements have no physical place: a place found near one neither conflicts nor agrees.
PLACELESS_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
#: Days two date spans may lie apart, by precision: reports of one day disagree by a day (time
#: zones, "yesterday" read from a late edition); coarser values are already wide.
DATE_SLACK_DAYS = {"time": 1, "part_of_day": 1, "day": 1, "week": 1}
#: How far back an open span ("before 2018-09-19", "by Monday") reaches: news tells what is recent
#: (the same week as an undated event; a month joined reports of different days of one protest wave).
OPEN_SPAN_DAYS = 7
#: An undated event is taken to lie in this many days up to its article's date.
UNDATED_DAYS = 7
#: Events whose span is longer (a decade, PAST_REF) are too vague to merge; a year with its slack fits.
MAX_MERGE_SPAN_DAYS = 366 + 2 * OPEN_SPAN_DAYS
#: Greatest distance (km) between the places of one happening, by the coarser place's precision.
SAME_PLACE_KM = {"point": 50.0, "admin": 250.0}
#: Points a link needs (see `support`), and the sentence similarities that earn one, two and three points
#: (the last: a sentence repeated nearly word for word, as wire copy and live blogs repeat a report).
LINK_POINTS = 3
SIMILAR_SENTENCES = (0.2, 0.4, 0.7)
#: Words left out of the sentence comparison.
STOPWORDS = word_set("merge_stopwords")
_WORD = re.compile(r"[^\W\d_]{3,}")


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


def canonical_key(event: Event) -> tuple[dt.date, str, int, int, str]:
    """The order in which events are clustered (earliest article first), independent of ingest order."""
    day = event.article_date or dt.date.min
    return (day, event.article_id or "", event.evidence.start, event.evidence.trigger_start or -1, event.id)


def date_span(event: Event, reference: dt.date | None = None) -> Interval | None:
    """The days an event may have happened on: its date's interval, widened by `date_mod` and precision slack.

    `reference` is the article date (default: the event's own `article_date`); an undated event lies
    in the days up to it. None only for an event with neither a calendar date nor a reference.
    """
    return _span(event.date, event.date_mod, event.date_precision, reference or event.article_date)


@functools.lru_cache(maxsize=65536)
def _span(date: str | None, date_mod: str | None, precision: str | None, reference: dt.date | None) -> Interval | None:
    """`date_span` of these values (cached: a merge compares each event with many)."""
    span = interval(date, reference) if date else None
    if span is None:
        return Interval(reference - dt.timedelta(days=UNDATED_DAYS), reference) if reference else None
    first, last = span.first, span.last
    if date_mod in ("BEFORE", "ON_OR_BEFORE"):
        first = _shift(first, -OPEN_SPAN_DAYS)
    elif date_mod == "AFTER":
        last = _shift(last, OPEN_SPAN_DAYS)
    # widened at its end only: two spans widened so overlap when their days are at most `slack` apart
    return Interval(first, _shift(last, DATE_SLACK_DAYS.get(precision or "", 0)))


def _shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held inside the calendar (PAST_REF starts at its first day)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def merge_span(event: Event, reference: dt.date | None = None) -> Interval | None:
    """The event's `date_span`, or None when it spans too many days to be told apart from others
    (a decade, "in the past"): such events are never merged, and never slow the candidate search."""
    span = date_span(event, reference)
    if span is None or (span.last - span.first).days > MAX_MERGE_SPAN_DAYS:
        return None
    return span


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
    if p.country and q.country and p.country != q.country:
        return False
    if _name_words(p) & _name_words(q):
        return True
    return bool(p.country and p.sector and p.country == q.country and p.sector == q.sector)


def _status_conflict(a: Event, b: Event) -> str | None:
    kinds = {a.status, b.status}
    if len(kinds) == 1 or kinds == {"fact", "future"}:
        return None  # "will meet" on Sunday and "met" on Monday can be one meeting
    return f"one is {a.status}, the other {b.status}"


def _party_conflict(a: Event, b: Event) -> str | None:
    """Parties conflict when each event names a country the other does not (per role)."""
    for (role, first), (_, second) in zip(_roles(a), _roles(b), strict=True):
        mine = {p.country for p in first if p.country}
        theirs = {p.country for p in second if p.country}
        if not (mine <= theirs or theirs <= mine):
            return f"{role} {'/'.join(sorted(mine))} and {'/'.join(sorted(theirs))}"
    return None


def location_precision(loc: Location) -> str:
    """How much a place says (`point`, `admin`, `country`), from its own field or its GeoNames feature code."""
    if loc.precision:
        return loc.precision
    code = loc.feature_code or ""
    if code.startswith("PCL"):
        return "country"
    return "admin" if code.startswith("ADM") else "point"


def km_between(a: Location, b: Location) -> float | None:
    """Great-circle distance in km between two located places; None when either has no coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2, dl = math.radians(a.lat), math.radians(b.lat), math.radians(b.lon - a.lon)  # type: ignore[arg-type]
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _place_conflict(a: Event, b: Event) -> str | None:
    first, second = a.location, b.location
    if first is None or second is None or a.type in PLACELESS_TYPES or first.geonameid == second.geonameid:
        return None
    if first.country_code and second.country_code and first.country_code != second.country_code:
        return f"places {first.name} ({first.country_code}) and {second.name} ({second.country_code})"
    coarser = max(location_precision(first), location_precision(second), key=["point", "admin", "country"].index)
    km = km_between(first, second)
    if coarser == "country" or km is None:
        return None  # a country holds the town: no contradiction
    if km > SAME_PLACE_KM[coarser]:
        return f"places {first.name} and {second.name} are {km:.0f} km apart"
    return None


def conflict_reason(a: Event, b: Event) -> str | None:
    """Why two article-level events cannot be one happening, or None when nothing about them conflicts."""
    if a.article_id == b.article_id:
        return "one article (its own grouping kept them apart)"
    if a.type != b.type:
        return f"types {a.type} and {b.type}"
    if a.mode and b.mode and a.mode != b.mode:
        return f"modes {a.mode} and {b.mode}"
    clash = _status_conflict(a, b) or _party_conflict(a, b)
    if clash:
        return clash
    first, second = merge_span(a), merge_span(b)
    if first is None or second is None:
        return "a date too vague to merge"
    if not first.overlaps(second.first, second.last):
        return f"dates {a.date or 'undated'} and {b.date or 'undated'}"
    return _place_conflict(a, b)


@functools.lru_cache(maxsize=65536)
def sentence_words(sentence: str) -> frozenset[str]:
    """The content words of a sentence, lower-cased (what two reports of one happening share)."""
    return frozenset(w.lower() for w in _WORD.findall(sentence)) - STOPWORDS


def sentence_similarity(a: str, b: str) -> float:
    """The Dice coefficient of the two sentences' content words (0: nothing shared, 1: the same words)."""
    first, second = sentence_words(a), sentence_words(b)
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def _shared_parties(a: Event, b: Event) -> list[str]:
    """Per role, the names of a's parties that are also b's."""
    shared = []
    for (_, first), (_, second) in zip(_roles(a), _roles(b), strict=True):
        names = [p.name for p in first if any(same_party(p, q) for q in second)]
        if names:
            shared.append(", ".join(dict.fromkeys(names)))
    return shared


def _same_day(a: Event, b: Event) -> bool:
    fine = set(DATE_SLACK_DAYS)
    if a.date_mod or b.date_mod or a.date_precision not in fine or b.date_precision not in fine:
        return False
    first, second = date_span(a), date_span(b)
    return bool(first and second and first.overlaps(second.first, second.last))


def _same_place(a: Event, b: Event) -> bool:
    first, second = a.location, b.location
    if first is None or second is None or a.type in PLACELESS_TYPES:
        return False
    if first.geonameid is not None and first.geonameid == second.geonameid:
        return location_precision(first) != "country"  # a shared country says little
    km = km_between(first, second)
    both_points = location_precision(first) == location_precision(second) == "point"
    return both_points and km is not None and km <= SAME_PLACE_KM["point"]


def support(a: Event, b: Event) -> tuple[int, list[str]]:
    """Points for a and b being one happening, with what earned them (the words of an explanation)."""
    points, why = 0, []
    for names in _shared_parties(a, b):
        points += 1
        why.append(f"parties {names} in both")
    if _same_day(a, b):
        points += 1
        why.append(f"same day ({a.date} / {b.date})")
    if _same_place(a, b):
        points += 1
        why.append(f"same place ({a.location.name})")  # type: ignore[union-attr]
    similarity = sentence_similarity(a.evidence.sentence, b.evidence.sentence)
    earned = sum(similarity >= level for level in SIMILAR_SENTENCES)
    if earned:
        points += earned
        why.append(f"sentences share {similarity:.0%} of their words")
    return points, why


def link_reason(a: Event, b: Event) -> str | None:
    """Why a and b (of different articles) report one happening, or None when they may not or need not.

    Symmetric up to the wording: `link_reason(a, b)` is None exactly when `link_reason(b, a)` is.
    """
    if conflict_reason(a, b):
        return None
    points, why = support(a, b)
    similarity = sentence_similarity(a.evidence.sentence, b.evidence.sentence)
    needed = SIMILAR_SENTENCES[0] if _same_day(a, b) else SIMILAR_SENTENCES[1]
    if points < LINK_POINTS or similarity < needed:
        return None  # a city, a day and a party are shared by many happenings; two reports share their words

    return f"same type {a.type}; " + "; ".join(why)


def cluster(events: Iterable[Event], links: Mapping[frozenset[str], str]) -> dict[str, tuple[str, str | None]]:
    """Clusters of linked events: for each event id, (cluster id, why it joined; None for the first).

    `links` maps pairs of event ids to the reason they were linked. Events are taken in canonical
    order; each joins the first cluster it is linked to at least half of the members of and
    conflicts with none of, else starts its own (a majority rather than one link, so a wave of
    similar reports does not chain into one event). The cluster id is the id of its first event.
    """
    clusters: list[list[Event]] = []
    out: dict[str, tuple[str, str | None]] = {}
    for event in sorted(events, key=canonical_key):
        for members in clusters:
            linked = [m for m in members if frozenset((m.id, event.id)) in links]
            if 2 * len(linked) >= len(members) and not any(conflict_reason(event, m) for m in members):
                first = linked[0]
                why = f"joined {first.id[:8]} (article {first.article_id}): {links[frozenset((first.id, event.id))]}"
                members.append(event)
                out[event.id] = (members[0].id, why)
                break
        else:
            clusters.append([event])
            out[event.id] = (event.id, None)
    return out


__all__ = ["LINK_POINTS", "MentionCounts", "canonical_key", "cluster", "conflict_reason", "date_span",
           "link_reason",
           "mention_counts", "merge_span", "party_countries", "same_party", "sentence_similarity", "support"]
