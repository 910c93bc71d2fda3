"""Parties the story thread gives: an actor no word of the event's clause names, taken from the story so far.

About half of the wrong parties of hand-coded articles are acts whose clause names no agent or no target
("All three were arrested", "the first day of demonstrations", "The warning ... said it reflected the
anti-Russian policy"): a reader takes the party from the story told so far, most often the country the story
is about, or the one named just before. Which country a reader takes is a learned decision, not a rule: each
country named in a sentence before the event's, by words other than the event's other side's own
(`_named_apart`), is a candidate (a country only its own sentence names is the parse's to take or leave: "agreed
to resign without returning to Syria" has no recipient). A logistic model scores each candidate on what a reader
weighs (`candidate_features`: how much of the story so far names it, whether it leads, how many sentences back
it was last named, whether the event's sentence names it too, whether it was a subject just before, whether it
already fills the event's other role, whether earlier events had it as actor or recipient); the model is
`data/models/thread_parties.json`, trained by `tools/train_thread_parties.py` on events-gold's parties with
cross-validation by article. The best candidate fills the empty role when its probability reaches the model's
threshold, as the country itself (named as the story named it alone, else by its code), with no text span: no
word of the clause names it. Its entry says it came from the thread, with what probability and where the country
was last named, so `dateline show` tells it apart from a party the clause names.

Runs after grouping (`coder.after_verification`), on the final events: it neither adds nor drops an event,
nor moves a confidence, a date or a place. The features read the events before any is filled, so an earlier
fill never feeds a later one (the training rows are read the same way). Only actors are filled (`ROLES`); the
code reads any role, so that recipients can be measured again (a reciprocal type's never: PLOVER lists its
parties as actors).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from dateline.config import package_data
from dateline.events.group import grouping
from dateline.events.party_records import bare_country
from dateline.events.same_happening import RECIPROCAL_TYPES  # whose parties are all actors: no recipient is sought
from dateline.model import Actor, Document, Event, Party

MODEL_PATH = package_data("models") / "thread_parties.json"
#: Bumped whenever `candidate_features` changes: a model trained on other features is refused.
FEATURE_VERSION = 4
FEATURES = ("share", "leads", "gap", "in_sentence", "recent_subject", "other_role", "other_filled",
            "earlier_actor", "earlier_recipient")
#: The roles filled. Actors only: an empty actor role of a matched events-gold event had a gold party 24 times in
#: 28, an empty recipient role 36 in 54; filled alone under cross-validation, actors gained on both sources
#: (GWN +2, t17 +1 events with both parties right) and recipients lost on both (-2, -2): many acts have no
#: recipient ("the militias were evacuated"), and the story's country is then a wrong one.
ROLES = ("actors",)
#: Dependencies of a mention's head that make it its clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How many sentences before the event's own a subject counts as just named (`recent_subject`).
RECENT_SENTENCES = 2
#: The words at the head of a filled party's entry, for the reader (`unfilled` reads `Party.thread_filled`).
ENTRY_MARK = "story thread"


@dataclass(frozen=True)
class Candidate:
    """One country that could fill an event's empty role, with the mention that would stand for it."""

    event: int  # position in doc.events
    role: str  # "actors" or "recipients"
    country: str
    mention: Actor  # the country's latest mention before the event (or in its sentence)
    features: tuple[float, ...]


def fill_thread_parties(doc: Document) -> Document:
    """Fill each event's empty role with the thread's country the model scores highest, when it reaches the
    model's threshold; without a model file, or with the trainer's threshold above 1 (its fills did not hold up on
    held-out articles), `doc` is returned as it is, no candidate read. It fills final events only: with grouping
    off (`grouping.off()`, how the benchmarks collect mentions to verify and group later) nothing is filled, so that
    the grouping they run sees the parties `extract`'s grouping sees."""
    model = _IN_FORCE[-1] if _IN_FORCE else load_model()
    if model is None or model.threshold > 1.0 or not doc.events or doc.parsed is None or not grouping.on:
        return doc
    best: dict[tuple[int, str], tuple[float, Candidate]] = {}
    for candidate in thread_candidates(doc):
        p = model.probability(candidate.features)
        key = (candidate.event, candidate.role)
        if p >= model.threshold and (key not in best or p > best[key][0]):
            best[key] = (p, candidate)
    for (at, role), (p, candidate) in sorted(best.items()):
        event = doc.events[at]
        doc.events[at] = replace(event, **{role: [_thread_party(candidate, p)]})
    return doc


def thread_candidates(doc: Document) -> list[Candidate]:
    """Every (event, empty role, country) the thread offers, with its features, read on the events as they
    stand (none filled yet)."""
    mentions = sorted((a for a in doc.actors if a.country), key=lambda a: a.start)
    if not mentions:
        return []
    sentences = _sentence_starts(doc)
    stories = _stories(doc, mentions, sentences)
    out = []
    for at, event in enumerate(doc.events):
        story = stories[at]
        for role in ROLES:
            if getattr(event, role) or (role == "recipients" and event.type in RECIPROCAL_TYPES):
                continue
            apart = _named_apart(mentions[:story.told], event.recipients if role == "actors" else event.actors)
            earlier = {a.country for a in apart if a.country and a.start < event.evidence.start}
            out += [Candidate(at, role, country, _latest(apart, country, event),
                              candidate_features(event, role, country, story))
                    for country in sorted(earlier)]
    return out


def _named_apart(told: list[Actor], other: list[Party]) -> list[Actor]:
    """The mentions that are not the words of the event's other side: "Ugandan rebels surrendered" offers no
    recipient, as the only Ugandan named is the actor itself; a domestic arrest's country is named elsewhere too."""
    taken = {p.start for p in other if p.start is not None}
    return [a for a in told if a.start not in taken]


@dataclass(frozen=True)
class Story:
    """What the article has said by the end of one event's sentence, as `candidate_features` reads it."""

    told: int  # how many of the sorted country mentions lie before the sentence's end
    counts: Counter[str]  # mentions per country so far
    last: dict[str, int]  # the sentence each country was last named in
    sentence: int  # the event's own sentence
    subjects: frozenset[str]  # countries a clause's subject in the last `RECENT_SENTENCES` sentences or this one
    earlier_actors: frozenset[str]  # countries of actors of events whose trigger comes before this one's
    earlier_recipients: frozenset[str]


def _stories(doc: Document, mentions: list[Actor], sentences: list[int]) -> list[Story]:
    """The `Story` of each event of `doc.events`, in one walk over the mentions and one over the events."""
    starts = [a.start for a in mentions]
    placed = [_sentence_of(sentences, a.start) for a in mentions]
    subject = [_is_subject(doc, a) for a in mentions]
    begins = [_begin(e) for e in doc.events]
    by_begin = sorted(range(len(doc.events)), key=lambda n: begins[n])
    sorted_begins = [begins[n] for n in by_begin]
    out = []
    for event, begin in zip(doc.events, begins, strict=True):
        told = bisect_right(starts, event.evidence.end - 1)
        own = _sentence_of(sentences, event.evidence.start)
        counts = Counter(a.country for a in mentions[:told] if a.country)
        last = {a.country: s for a, s in zip(mentions[:told], placed, strict=False) if a.country}
        recent = frozenset(a.country for a, s, subj in zip(mentions[:told], placed, subject, strict=False)
                           if subj and a.country and s >= own - RECENT_SENTENCES)
        earlier = [doc.events[n] for n in by_begin[:bisect_right(sorted_begins, begin - 1)]]
        out.append(Story(told, counts, last, own, recent,
                         frozenset(p.country for e in earlier for p in e.actors if p.country),
                         frozenset(p.country for e in earlier for p in e.recipients if p.country)))
    return out


def candidate_features(event: Event, role: str, country: str, story: Story) -> tuple[float, ...]:
    """What a reader weighs in taking `country` for the empty `role` of `event` (`FEATURES`, in order): the share
    of the story's country mentions so far that name it and whether it leads them, how many sentences back it
    was last named (log), whether the event's sentence names it, whether it was a clause's subject in the last
    `RECENT_SENTENCES` sentences, whether it is already the other role's country and whether that role is
    filled, and whether an earlier event had it as actor or as recipient. (`role` says which is the other.)"""
    other = event.recipients if role == "actors" else event.actors
    return (
        story.counts[country] / sum(story.counts.values()),
        float(story.counts[country] == max(story.counts.values())),
        math.log1p(max(story.sentence - story.last[country], 0)),
        float(story.last[country] >= story.sentence),
        float(country in story.subjects),
        float(any(p.country == country for p in other)),
        float(bool(other)),
        float(country in story.earlier_actors),
        float(country in story.earlier_recipients),
    )


def unfilled(event: Event) -> Event:
    """`event` without the parties this stage filled (what the features and the training rows read)."""
    def keep(parties: list[Party]) -> list[Party]:
        return [p for p in parties if not p.thread_filled]
    return replace(event, actors=keep(event.actors), recipients=keep(event.recipients))


def _thread_party(candidate: Candidate, p: float) -> Party:
    """The country as a party of its own, not the mention that last named it: no word of the clause names it,
    and the last mention may be anyone of that country (a place, the other side of a domestic act)."""
    named = candidate.mention
    name = named.name if bare_country(named.as_party()) else candidate.country
    return Party(name=name, country=candidate.country, entry=f"{ENTRY_MARK} (no party in its clause; p={p:.2f}): "
                 f"the story's {candidate.country}, last named as '{named.text}' at {named.start}", thread_filled=True)


def _latest(told: list[Actor], country: str, event: Event) -> Actor:
    """The mention that last named `country`: the latest before the trigger, else the first after it in its
    sentence; a mention naming the country alone ("Bolivia") is preferred, as it names the party as filled."""
    named = [a for a in told if a.country == country]
    before = [a for a in named if a.start < _begin(event)] or named[:1]
    alone = [a for a in before if bare_country(a.as_party())]
    return (alone or before)[-1]


def _begin(event: Event) -> int:
    return event.evidence.trigger_start if event.evidence.trigger_start is not None else event.evidence.start


def _sentence_starts(doc: Document) -> list[int]:
    return [s.start_char for s in doc.parsed.sents] if doc.parsed is not None else [0]


def _sentence_of(starts: list[int], char: int) -> int:
    return max(bisect_right(starts, char) - 1, 0)


def _is_subject(doc: Document, mention: Actor) -> bool:
    """Whether the mention's head is its clause's subject (as the parse hangs it)."""
    if doc.parsed is None or mention.token_start is None or mention.token_end is None:
        return False
    span = doc.parsed[mention.token_start:mention.token_end]
    return len(span) > 0 and span.root.dep_ in SUBJECT_DEPS


@dataclass(frozen=True)
class ThreadModel:
    """The fitted logistic weights (`FEATURES` order), intercept and the probability a fill needs."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


#: Models put in force by `using_model` (the last wins), before the shipped one.
_IN_FORCE: list[ThreadModel | None] = []


@contextmanager
def using_model(model: ThreadModel | None) -> Iterator[None]:
    """Fill with another model (None: fill nothing) inside the block: a cross-validation fold's, fitted on other
    articles than those it reads."""
    _IN_FORCE.append(model)
    try:
        yield
    finally:
        _IN_FORCE.pop()


@lru_cache(maxsize=1)
def load_model() -> ThreadModel | None:
    """The shipped model, or None when the file is missing; a file of other features is refused loudly."""
    if not MODEL_PATH.exists():
        return None
    return model_from(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def model_from(data: dict[str, Any]) -> ThreadModel:
    """A `ThreadModel` from the JSON the trainer writes, checking its feature version and names."""
    if data.get("feature_version") != FEATURE_VERSION or tuple(data.get("features", ())) != FEATURES:
        raise ValueError(f"{MODEL_PATH.name} was trained on other features (version {data.get('feature_version')}); "
                         f"retrain it with tools/train_thread_parties.py")
    weights = data["weights"]
    return ThreadModel(tuple(float(weights[name]) for name in FEATURES), float(data["intercept"]),
                       float(data["threshold"]))
