"""Which sentences tell a day: the most central of the sentences about it, without saying a thing twice.

A day's candidates are the sentences that name it and the opening sentences of articles published
on it that name no other day (news opens with what happened). Each candidate is a TF-IDF vector over
the whole input (so words every article uses count little); its score is its cosine to the centroid
of the day's candidates (what most of them say, as DATEWISE's centroid summariser does), raised by
the salience of the events it reports. Sentences are taken best first, skipping any too like one
already on the timeline (any day), too short to stand alone or too long to read.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dateline.timeline.dates import event_weight
from dateline.timeline.sources import SourceArticle, SourceSentence

_WORD = re.compile(r"[^\W_]+")
#: Opening sentences of an article taken as telling its publication day (when they name no other day).
LEAD_SENTENCES = 5
#: A sentence whose cosine to one already chosen reaches this says the same thing again.
REDUNDANCY = 0.5
#: Sentences shorter or longer than these (in words) are not timeline entries.
MIN_WORDS, MAX_WORDS = 6, 60

Vector = dict[str, float]


def words(text: str) -> list[str]:
    """The lower-cased words of a text (letters and digits)."""
    return _WORD.findall(text.lower())


class Vectoriser:
    """TF-IDF vectors (L2-normalised) with document frequencies taken over every input sentence."""

    def __init__(self, sentences: Iterable[SourceSentence]) -> None:
        df: Counter[str] = Counter()
        total = 0
        for sentence in sentences:
            df.update(set(words(sentence.text)))
            total += 1
        self.idf = {w: math.log((1 + total) / (1 + n)) + 1 for w, n in df.items()}

    def vector(self, text: str) -> Vector:
        counts = Counter(words(text))
        vec = {w: (1 + math.log(n)) * self.idf.get(w, 1.0) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def day_candidates(articles: Iterable[SourceArticle]) -> dict[str, list[SourceSentence]]:
    """Every day's candidate sentences: those naming it, and openings of articles published on it."""
    by_day: dict[str, list[SourceSentence]] = defaultdict(list)
    for art in articles:
        published = art.date.isoformat()
        for sentence in art.sentences:
            if not MIN_WORDS <= len(words(sentence.text)) <= MAX_WORDS:
                continue
            for day in sentence.days:
                by_day[day].append(sentence)
            if not sentence.days and sentence.position < LEAD_SENTENCES:
                by_day[published].append(sentence)
    return by_day


@dataclass
class ScoredSentence:
    """A candidate with its vector and score."""

    sentence: SourceSentence
    vector: Vector
    score: float


def score_candidates(day: str, candidates: list[SourceSentence], vectoriser: Vectoriser,
                     event_boost: float = 0.5) -> list[ScoredSentence]:
    """Score a day's candidates: centrality among them, raised by the events they report; best first."""
    unique = list({(s.article.id, s.start): s for s in candidates}.values())
    vectors = [vectoriser.vector(s.text) for s in unique]
    centroid: Vector = defaultdict(float)
    for vec in vectors:
        for w, v in vec.items():
            centroid[w] += v / len(vectors)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centroid = {w: v / norm for w, v in centroid.items()}
    scored = []
    for sentence, vec in zip(unique, vectors, strict=True):
        events = sum(event_weight(e) for e in sentence.events if (e.date or "")[:10] == day)
        scored.append(ScoredSentence(sentence, vec, cosine(vec, centroid) * (1 + event_boost * math.log1p(events))))
    return sorted(scored, key=lambda s: (-s.score, s.sentence.article.id, s.sentence.start))


def pick_sentences(scored: list[ScoredSentence], k: int, chosen: list[Vector]) -> list[ScoredSentence]:
    """The best `k` sentences that repeat none already chosen (`chosen` grows with the picks)."""
    picked: list[ScoredSentence] = []
    for candidate in scored:
        if len(picked) >= k:
            break
        if any(cosine(candidate.vector, vec) >= REDUNDANCY for vec in chosen):
            continue
        picked.append(candidate)
        chosen.append(candidate.vector)
    return picked
