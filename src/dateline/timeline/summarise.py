"""The timeline summariser: L days by salience, K sentences for each, every sentence citing its article.

`summarise_sources` is the algorithm over timeline material (`sources`); `summarise` is the one entry
point the faces call: over a store (`stored.py` reads its articles, timexes and events) or over
documents processed in memory (`inputs.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from functools import cache
from pathlib import Path

from dateline.model import Document
from dateline.store import Store
from dateline.timeline.dates import SalienceWeights, day_evidence, rank_days
from dateline.timeline.model import CitedSentence, Timeline, TimelineDate, TimelineQuery
from dateline.timeline.sentences import ScoredSentence, Vectoriser, day_candidates, pick_sentences, score_candidates
from dateline.timeline.sources import EventFacts, SourceArticle, from_document

#: The salience weights fitted by `tools/train_timeline.py` (cross-validated across Timeline17 topics).
WEIGHTS_FILE = Path(__file__).parent.parent / "data" / "models" / "timeline_weights.json"


@cache
def default_weights() -> SalienceWeights:
    """The shipped salience weights, or the built-in defaults when no fitted file is there."""
    if not WEIGHTS_FILE.is_file():
        return SalienceWeights()
    stored = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
    return SalienceWeights(**{f.name: float(stored[f.name]) for f in fields(SalienceWeights) if f.name in stored})


def event_matches(event: EventFacts, query: TimelineQuery) -> bool:
    """Whether an event answers the query's event filters (as `dateline events` reads them) and is shown."""
    if event.negated or event.hypothetical or event.confidence < query.min_confidence:
        return False
    if query.type and event.type != query.type.upper():
        return False
    if query.actor:
        wanted = query.actor.lower()
        if not any(wanted in (name or "").lower() or wanted == (country or "").lower()
                   for name, country in event.parties):
            return False
    if query.country:
        code = query.country.upper()
        if event.place_country != code and not any(country == code for _, country in event.parties):
            return False
    return not query.place or query.place.lower() in (event.place or "").lower()


def narrow(articles: Iterable[SourceArticle], query: TimelineQuery) -> list[SourceArticle]:
    """The articles a query is about, each keeping only the events that answer it.

    A text query keeps articles that contain the text; event filters keep articles reporting an event
    that answers them (and only such events count towards salience).
    """
    kept = []
    for art in articles:
        if query.text and not any(query.text.lower() in s.text.lower() for s in art.sentences):
            continue
        art.events = [e for e in art.events if event_matches(e, query)]
        for sentence in art.sentences:
            if sentence.events:  # a sentence without events may be shared with other queries: left as it is
                sentence.events = [e for e in sentence.events if event_matches(e, query)]
        if query.filters_events and not art.events:
            continue
        kept.append(art)
    return kept


def cite(scored: ScoredSentence) -> CitedSentence:
    """A chosen sentence as the timeline shows it: its text, its article and its events."""
    s = scored.sentence
    return CitedSentence(" ".join(s.text.split()), s.article.id, s.start, s.end, s.article.date.isoformat(),
                         s.article.title, s.article.url, scored.score, [e.id for e in s.events])


def summarise_sources(articles: Iterable[SourceArticle], query: TimelineQuery,
                      weights: SalienceWeights | None = None) -> Timeline:
    """Choose `query.dates` days by salience and `query.per_date` sentences for each."""
    material = narrow(articles, query)
    evidence = day_evidence(material, query.since, query.until)
    candidates = day_candidates(material)
    vectoriser = Vectoriser.of_articles(material)
    chosen_vectors: list[dict[str, float]] = []
    days: list[TimelineDate] = []
    for day, salience in rank_days(evidence, weights or default_weights()):
        if len(days) >= query.dates:
            break
        if not candidates.get(day):
            continue
        picked = pick_sentences(score_candidates(day, candidates[day], vectoriser), query.per_date, chosen_vectors)
        if not picked:
            continue
        ev = evidence[day]
        days.append(TimelineDate(day, salience, ev.references, ev.publications, ev.event_count,
                                 [cite(p) for p in picked]))
    return Timeline(query, sorted(days, key=lambda d: d.date), len(material))


def summarise(query: TimelineQuery, *, store: Store | None = None, documents: Iterable[Document] | None = None,
              weights: SalienceWeights | None = None, within: frozenset[str] | None = None) -> Timeline:
    """The timeline answering `query`, from a store (`dateline.store.Store`) or from processed documents.

    Exactly one of `store` and `documents` is given. The faces (CLI, API) call this and nothing else. A store's
    timelines are kept until the store changes (`dateline.timeline.stored`): the same query is answered once;
    the object returned may be shared, so callers read it and do not change it. `within` (store only): only
    events with a report among these ids, and the articles reporting them (a zone's, `dateline.zones`).
    """
    if (store is None) == (documents is None):
        raise ValueError("summarise needs either a store or documents, not both or neither")
    if documents is not None:
        if within is not None:
            raise ValueError("`within` narrows stored events by id: give a store, not documents")
        return summarise_sources((from_document(doc) for doc in documents), query, weights)
    from dateline.timeline.stored import stored_material, stored_sources

    kept = stored_material(store)
    key = (json.dumps(query.to_json(), sort_keys=True), weights, within)
    return kept.timeline(key, lambda: summarise_sources(stored_sources(store, query, kept, within), query, weights))
