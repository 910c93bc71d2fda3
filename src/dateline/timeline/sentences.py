"""Which sentences tell a day: the most central of the sentences about it, without saying a thing twice.

A day's candidates are the sentences that name it and the opening sentences of articles published
on it that name no other day (news opens with what happened). Each candidate is a TF-IDF vector over
the whole input (so words every article uses count little); its score is its cosine to the centroid
of the day's candidates (what most of them say, as DATEWISE's centroid summariser does), raised by
the salience of the events it reports. Sentences are taken best first, skipping any too like one
already on the timeline (any day), too short to stand alone or too long to read.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from dateline.timeline.dates import event_weight
from dateline.timeline.sources import IndexedFrequencies, SourceArticle, SourceSentence, words

#: Opening sentences of an article taken as telling its publication day (when they name no other day).
LEAD_SENTENCES = 5
#: A sentence whose cosine to one already chosen reaches this says the same thing again.
REDUNDANCY = 0.5
#: Sentences shorter or longer than these (in words) are not timeline entries.
MIN_WORDS, MAX_WORDS = 6, 60

Vector = dict[str, float]


def _idf(frequency: int, total: int) -> float:
    """The inverse document frequency of a word found in `frequency` of `total` sentences (smoothed)."""
    return math.log((1 + total) / (1 + frequency)) + 1


class IndexedIdf(Mapping[str, float]):
    """Inverse document frequencies from word-id arrays: the articles' counts summed with one `bincount`, each
    word's value worked out when asked (exactly as the dictionary road does)."""

    def __init__(self, parts: list[IndexedFrequencies], total: int) -> None:
        self.vocabulary = parts[0].vocabulary
        ids = np.concatenate([p.ids for p in parts])
        counts = np.concatenate([p.counts for p in parts])
        self.frequencies = np.bincount(ids, weights=counts, minlength=len(self.vocabulary)).astype(np.int64)
        self.total = total
        self._listed: list[int] = self.frequencies.tolist()  # read a word at a time: plain ints, not numpy scalars
        self._known: dict[str, float | None] = {}  # the values worked out so far (None: not in these articles)

    def get(self, word: str, default: float | None = None) -> float | None:  # type: ignore[override]
        known = self._known.get(word, ...)
        if known is ...:
            index = self.vocabulary.get(word)
            found = self._listed[index] if index is not None and index < len(self._listed) else 0
            known = self._known[word] = _idf(found, self.total) if found else None
        return default if known is None else known

    def __getitem__(self, word: str) -> float:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __iter__(self) -> Iterator[str]:
        return (w for w, i in self.vocabulary.items() if i < len(self.frequencies) and self.frequencies[i])

    def __len__(self) -> int:
        return int(np.count_nonzero(self.frequencies))


class Vectoriser:
    """TF-IDF vectors (L2-normalised) with document frequencies taken over every input sentence."""

    def __init__(self, sentences: Iterable[SourceSentence]) -> None:
        df: Counter[str] = Counter()
        total = 0
        for sentence in sentences:
            df.update(set(words(sentence.text)))
            total += 1
        self.idf: Mapping[str, float] = {w: _idf(n, total) for w, n in df.items()}
        self._weights = _Weights(self.idf)

    def _weigh(self) -> _Weights:
        """The word weights of the current `idf` (it may be replaced after the vectoriser is made)."""
        self._weights = _Weights(self.idf)
        return self._weights

    @classmethod
    def of_articles(cls, articles: Iterable[SourceArticle]) -> Vectoriser:
        """The vectoriser over every sentence of `articles`, from each article's word frequencies (kept between
        requests on the store road, so no sentence is tokenised again, and summed as arrays there)."""
        chosen = list(articles)
        made = cls(())
        total = sum(len(art.sentences) for art in chosen)
        indexed = [art.indexed_frequencies for art in chosen]
        if chosen and all(f is not None and f.vocabulary is indexed[0].vocabulary for f in indexed):
            made.idf = IndexedIdf(indexed, total)  # type: ignore[arg-type]  # none is None (checked above)
            return made
        df: Counter[str] = Counter()
        for art in chosen:
            df.update(art.word_frequencies())
        made.idf = {w: _idf(n, total) for w, n in df.items()}
        return made

    def vector(self, text: str) -> Vector:
        weights = self._weights if self._weights.idf is self.idf else self._weigh()
        vec = {w: (1 + math.log(n)) * weights[w] for w, n in word_counts(text)}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


class _Weights(dict[str, float]):
    """A word's IDF weight (1.0 for a word no input sentence has), looked up once per word and query: a vector is
    made for every candidate sentence, and asking a word-id `IndexedIdf` each time was a third of a timeline's
    CPU. A plain dictionary lookup once a word is known; the same values as `idf.get(word, 1.0)`."""

    def __init__(self, idf: Mapping[str, float]) -> None:
        super().__init__()
        self.idf = idf

    def __missing__(self, word: str) -> float:
        value = self[word] = self.idf.get(word, 1.0)
        return value


@functools.lru_cache(maxsize=1 << 14)
def word_counts(text: str) -> tuple[tuple[str, int], ...]:
    """A sentence's words with how often each occurs, in order of first use; the last 16,384 sentences' are kept
    (about 2 KB each), since a store's sentences are kept between requests and the queries that reach one
    vectorise it again (tokenising was a tenth of a timeline's CPU). Only the IDF weights depend on the query."""
    return tuple(Counter(words(text)).items())


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
            if not MIN_WORDS <= sentence.n_words <= MAX_WORDS:
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
