"""Which days matter: the salience of each day from how the input speaks of it.

As DATEWISE (Ghalandari and Ifrim, 2020) found, the days a timeline needs are the days the news keeps
referring to: a day named by many sentences across many articles ("on 25 January", "last Tuesday")
is a day something happened. Beside those references come the articles published on the day and the
events dated to it (their confidence and how many mentions report them, so a merged event told by
ten outlets weighs more than a passing one). Each count enters on a log scale with a learned weight
(`SalienceWeights`, fitted by `tools/train_timeline.py` with cross-validation across topics).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.timeline.sources import EventFacts, SourceArticle


@dataclass(frozen=True)
class SalienceWeights:
    """Weights of a day's evidence in its salience, each applied to log(1 + count)."""

    references: float = 1.0  # sentences that name the day
    referring_articles: float = 1.0  # distinct articles that name it
    publications: float = 0.5  # articles published on it
    events: float = 0.5  # summed weight of events dated to it


@dataclass
class DayEvidence:
    """What the input says about one day."""

    day: str
    references: int = 0
    referring_articles: int = 0
    publications: int = 0
    event_count: int = 0
    event_weight: float = 0.0

    def salience(self, weights: SalienceWeights) -> float:
        """The day's salience: the weighted log counts of its evidence."""
        return (weights.references * math.log1p(self.references)
                + weights.referring_articles * math.log1p(self.referring_articles)
                + weights.publications * math.log1p(self.publications)
                + weights.events * math.log1p(self.event_weight))


def event_weight(event: EventFacts) -> float:
    """How much an event says a day mattered: its confidence times the mentions that report it."""
    return event.confidence * max(1, event.mentions)


def event_day(event: EventFacts) -> str | None:
    """The ISO day an event is dated to, when its date is a day (not a month, not 'before')."""
    if not event.date or event.date_mod or event.date_precision not in ("day", "part_of_day", "time"):
        return None
    return event.date[:10]


def day_evidence(articles: Iterable[SourceArticle], since: str | None = None,
                 until: str | None = None) -> dict[str, DayEvidence]:
    """Count, for every day in [since, until], the references, publications and events that point at it."""
    found: dict[str, DayEvidence] = {}

    def entry(day: str) -> DayEvidence | None:
        if (since and day < since) or (until and day > until):
            return None
        return found.setdefault(day, DayEvidence(day))

    for art in articles:
        if (published := entry(art.date.isoformat())) is not None:
            published.publications += 1
        named = Counter(day for sentence in art.sentences for day in sentence.days)
        for day, count in named.items():
            if (ev := entry(day)) is not None:
                ev.references += count
                ev.referring_articles += 1
        for event in art.events:
            day = event_day(event)
            if day and (ev := entry(day)) is not None:
                ev.event_count += 1
                ev.event_weight += event_weight(event)
    return found


def rank_days(evidence: dict[str, DayEvidence], weights: SalienceWeights) -> list[tuple[str, float]]:
    """Days by salience, highest first (ties: the earlier day first)."""
    scored = [(day, ev.salience(weights)) for day, ev in evidence.items()]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))
