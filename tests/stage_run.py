"""Run every stage on a text written for a test, and pick an event out by its trigger word."""

from __future__ import annotations

import datetime as dt

from dateline.events.dating import Dating, event_dating
from dateline.events.detect import undetected
from dateline.events.modality import Modality, trigger_modality
from dateline.events.verify import unverified
from dateline.model import Actor, Article, Document, Event, Location, content_id
from dateline.pipeline import run_stages
from dateline.time import tag_timexes


def extracted(nlp, text: str, date: str = "2019-03-14") -> Document:
    """Every stage run on one text dated `date`."""
    day = dt.date.fromisoformat(date)
    doc = Document(article=Article(id=content_id(text, day), date=day, text=text), parsed=nlp(text))
    return run_stages(doc)


def candidates(nlp, text: str) -> Document:
    """Every stage run with the lexicon's own candidates (no verifier, no detector): a rule's effect alone."""
    with unverified(), undetected():
        return extracted(nlp, text)


def event_at(doc: Document, trigger: str) -> Event:
    """The first event whose evidence trigger is `trigger`."""
    return next(e for e in doc.events if e.evidence.trigger == trigger)


def location_of(nlp, text: str, trigger: str) -> Location | None:
    """Where the pipeline places the event the word `trigger` tells in `text`."""
    return event_at(extracted(nlp, text), trigger).location


def event_telling(doc: Document, trigger: str) -> Event:
    """The first event one of whose mentions has the trigger `trigger` (whichever mention leads its group)."""
    return next(e for e in doc.events if any(m.trigger == trigger for m in [e.evidence, *e.mentions]))


def types_at(doc: Document, trigger: str) -> set[str]:
    """The types of every event whose evidence trigger is `trigger`."""
    return {e.type for e in doc.events if e.evidence.trigger == trigger}


def actor(doc: Document, text: str) -> Actor:
    """The first actor mention of the article spelled `text`."""
    return next(a for a in doc.actors if a.text == text)


def token(doc: Document, text: str):
    """The first token of the parse spelled `text`."""
    return next(t for t in doc.parsed if t.text == text)


def modality_of(make_doc, text: str, trigger: str, among: str | None = None) -> Modality:
    """The modality stage's reading of the first token spelled `trigger` in `text`; `among`: another word of the
    sentence that is an event itself."""
    doc = make_doc(text)
    events = frozenset({token(doc, among).i}) if among else frozenset()
    return trigger_modality(token(doc, trigger), events)


def told_as_fact(found: Modality) -> bool:
    """Whether a modality leaves the act a plain fact (not negated, hypothetical or future)."""
    return not (found.negated or found.hypothetical or found.future)


def dating(make_doc, text: str, trigger: str, date: str = "2018-09-19", hypothetical: bool = False) -> Dating:
    """The dater's answer (date and basis) for the first token spelled `trigger`, after the time stage alone."""
    doc = tag_timexes(make_doc(text, date))
    return event_dating(doc, next(t.i for t in doc.parsed if t.text == trigger), hypothetical)
