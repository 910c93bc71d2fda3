"""Timeline evaluation as tilse defines it (Martschat and Markert 2017, `tilse.evaluation`), rewritten here.

* ROUGE counts as ROUGE-1.5.5 gives them to tilse (`-n 2 -m -s -f A -t 2`, one reference): lower-case,
  every character that is not a letter or digit a space, SMART stop words left out (`-s`), words of more
  than three letters Porter-stemmed (`-m`), n-grams over a whole daily summary; H = clipped matches,
  P = n-grams of the prediction, M = n-grams of the reference. (ROUGE's WordNet exception table, used
  before the stemmer for irregular forms such as went -> go, is not reproduced.)
* align+ m:1 (`evaluate_align_date_content_costs_many_to_one`): every predicted date (for precision) and
  every reference date (for recall) goes to the date of the other timeline with the least cost
  (1 - 1/(|days| + 1)) x (1 - approximate ROUGE-1 F of the two summaries on their raw tokens); the
  matched counts are weighted by 1/(|days| + 1).
* date precision, recall and F1 over the sets of dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from porter import stem

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
Summary = list[str]  # the sentences of one day
TimelineText = dict[dt.date, Summary]


@cache
def stop_words() -> frozenset[str]:
    """ROUGE's SMART stop words (benchmarks/data/rouge_stopwords.txt)."""
    path = Path(__file__).parent / "data" / "rouge_stopwords.txt"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return frozenset(" ".join(lines).split())


def rouge_tokens(sentences: Summary) -> list[str]:
    """A daily summary's tokens as ROUGE-1.5.5 counts them with -m -s."""
    stops = stop_words()
    tokens = []
    for word in _NON_ALNUM.sub(" ", " ".join(sentences).lower()).split():
        if word in stops:
            continue
        tokens.append(stem(word) if len(word) > 3 else word)
    return tokens


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass
class Counts:
    """Summed numerators and denominators of precision and recall."""

    prec_num: float = 0.0
    prec_den: float = 0.0
    rec_num: float = 0.0
    rec_den: float = 0.0

    @property
    def precision(self) -> float:
        return self.prec_num / self.prec_den if self.prec_den else 0.0

    @property
    def recall(self) -> float:
        return self.rec_num / self.rec_den if self.rec_den else 0.0


def rouge_counts(pred: Summary, ref: Summary, n: int) -> tuple[int, int, int]:
    """(H, P, M) of ROUGE-n for one predicted and one reference daily summary."""
    p, r = ngrams(rouge_tokens(pred), n), ngrams(rouge_tokens(ref), n)
    return sum((p & r).values()), sum(p.values()), sum(r.values())


def approximate_rouge1(pred: Summary, ref: Summary) -> float:
    """tilse's `compute_rouge_approximation`: unigram F on whitespace tokens, no stemming, no stop list."""
    p = Counter(w for s in pred for w in s.split())
    r = Counter(w for s in ref for w in s.split())
    match = sum((p & r).values())
    precision = match / sum(p.values()) if p else 0.0
    recall = match / sum(r.values()) if r else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _closest(sources: list[dt.date], targets: list[dt.date], cost) -> list[tuple[dt.date, dt.date]]:
    """Each source date with its least-cost target date (the first on ties), as numpy's argmin picks it."""
    pairs = []
    for s in sources:
        costs = [cost(s, t) for t in targets]
        pairs.append((s, targets[costs.index(min(costs))]))
    return pairs


def align_m1(pred: TimelineText, ref: TimelineText, n: int) -> Counts:
    """ROUGE-n counts of a predicted timeline against a reference under tilse's align+ m:1."""
    counts = Counts()
    pred_dates, ref_dates = sorted(pred), sorted(ref)

    def cost(p: dt.date, r: dt.date) -> float:
        return (1 - 1 / (abs((p - r).days) + 1)) * (1 - approximate_rouge1(pred[p], ref[r]))

    if not ref_dates or not pred_dates:
        counts.prec_den = sum(rouge_counts(pred[d], [], n)[1] for d in pred_dates)
        counts.rec_den = sum(rouge_counts([], ref[d], n)[2] for d in ref_dates)
        return counts
    for p, r in _closest(pred_dates, ref_dates, cost):
        hits, peer, _ = rouge_counts(pred[p], ref[r], n)
        counts.prec_num += hits / (abs((p - r).days) + 1)
        counts.prec_den += peer
    for r, p in _closest(ref_dates, pred_dates, lambda r, p: cost(p, r)):
        hits, _, model = rouge_counts(pred[p], ref[r], n)
        counts.rec_num += hits / (abs((p - r).days) + 1)
        counts.rec_den += model
    return counts


def date_scores(pred: TimelineText, ref: TimelineText) -> tuple[float, float]:
    """Precision and recall of the predicted dates."""
    hits = len(set(pred) & set(ref))
    return (hits / len(pred) if pred else 0.0), (hits / len(ref) if ref else 0.0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
