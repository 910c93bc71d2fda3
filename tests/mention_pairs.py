"""Mentions placed by hand on a parsed text, for the within-article grouping tests (`test_group_sets`,
`test_occurrences`): an event at a trigger word, and two such mentions with their cues and pair features."""

from __future__ import annotations

import datetime as dt

from dateline.events.group import Cues, mention_cues, mentions_of, sentence_ordinals
from dateline.events.same_happening import pair_features
from dateline.model import Event, Evidence

#: The article date of every text these tests group.
DAY = dt.date(2021, 3, 2)


def mention_at(text: str, word: str, type_: str, last: bool = False) -> Event:
    """An event of `type_` whose trigger is the first (or, with `last`, the last) `word` of `text`."""
    start = text.rindex(word) if last else text.index(word)
    return Event(id=f"{word}@{start}", type=type_, confidence=0.8,
                 evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word, trigger_start=start,
                                   trigger_end=start + len(word)))


def mention_pair(make_doc, text: str, first: str, second: str, type_: str) -> tuple[list[Event], list[Cues], dict]:
    """Two mentions of `type_` (the first `first`, the last `second` of `text`), their cues and pair features."""
    doc = make_doc(text)
    events = [mention_at(text, first, type_), mention_at(text, second, type_, last=True)]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    a, b = mentions_of(events, cues, DAY)
    return events, cues, pair_features(a, b)
