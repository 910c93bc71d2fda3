"""Which candidate pairs a merge must weigh in full: an exact bound on the link model's score, for many at once.

A new report's candidates are every stored report of its type whose days overlap its own (`dateline.store.merged`),
thousands in a busy story, and nearly all of them share a word or two with it and nothing more. The link model
(`dateline.merge.link`) is linear in what two reports share, so its score can be computed for all candidates at once
from counts: shared words (hence the Dice), shared numbers, shared names, both dated, the background reach, one past
day retold, one act on days the texts give — each read exactly, by posting lists of the candidates' word sets — and
the shared parties, the one feature left costly, taken at its best (shared in every role both reports fill). A pair
whose best score stays below the threshold is never linked unless the two carry one quotation
(`link.quotation_between`), so only the pairs that may reach it, or may share a quotation, are weighed by
`link_between` (rules, features, reason); the links are the same as weighing every pair.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from dateline.merge.link import CLOSE_WORDING, FEATURES, NAMES_CAP, LinkModel
from dateline.merge.quotes import sentence_runs
from dateline.merge.rules import Report
from dateline.merge.text import UNSEEN_WORDS_PER_SENTENCE

#: Slack for the rounding of the score, so the bound never rejects a pair at the threshold.
_ROUNDING = 1e-6


def _postings(sets: Sequence[frozenset[str]]) -> dict[str, np.ndarray]:
    """For each word, the rows whose set holds it."""
    rows: dict[str, list[int]] = {}
    for row, words in enumerate(sets):
        for word in words:
            rows.setdefault(word, []).append(row)
    return {word: np.array(found, dtype=np.int64) for word, found in rows.items()}


def _filled(report: Report) -> list[bool]:
    """Which of the (at most two) roles the report has parties in."""
    return [bool(parties) for _, parties in report.roles] + [False] * (2 - len(report.roles))


def _ordinal(day: object, missing: int) -> int:
    return day.toordinal() if day is not None else missing  # type: ignore[attr-defined]


class LinkBound:
    """The reports of one merge step, indexed for `LinkBound.may_link`: the best link score each can reach with a
    given report."""

    def __init__(self, reports: Sequence[Report], model: LinkModel) -> None:
        self.model = model
        self.floor = math.log(model.threshold / (1.0 - model.threshold)) - _ROUNDING
        self.weights = dict(zip(FEATURES, model.weights, strict=True))
        self.words, self.numbers, self.names = (_postings([getattr(r, field) for r in reports])
                                                for field in ("words", "numbers", "own_names"))
        self.word_count = np.array([len(r.words) for r in reports], dtype=np.float64)
        self.dated = np.array([r.dated for r in reports], dtype=bool)
        self.has_span = np.array([r.span is not None for r in reports], dtype=bool)
        self.first = np.array([_ordinal(r.span and r.span.first, 0) for r in reports], dtype=np.int64)
        self.last = np.array([_ordinal(r.span and r.span.last, 0) for r in reports], dtype=np.int64)
        self.trigger = np.array([r.trigger for r in reports], dtype=object)  # `text.trigger_stem`
        self.past_day = np.array([r.past_day or 0 for r in reports], dtype=np.int64)  # 0: none (`spans.past_day`)
        self.filled = np.array([_filled(r) for r in reports], dtype=bool).reshape(len(reports), 2)
        self.reports = reports  # their sentences and quoted runs, read for the few pairs that may share a quotation
        self.quoting = np.array([bool(r.quoted) for r in reports], dtype=bool)

    def _shared(self, postings: dict[str, np.ndarray], words: frozenset[str], rows: np.ndarray) -> np.ndarray:
        """How many of `words` each of `rows` holds."""
        counts = np.zeros(len(self.word_count), dtype=np.float64)
        for word in words:
            found = postings.get(word)
            if found is not None:
                counts[found] += 1
        return counts[rows]

    def may_link(self, report: Report, rows: Sequence[int]) -> list[int]:
        """Those of `rows` whose link with `report` may reach the threshold (the others never do)."""
        if not rows:
            return []
        at = np.asarray(rows, dtype=np.int64)
        shared = self._shared(self.words, report.words, at)
        total = self.word_count[at] + len(report.words)
        dice = np.where(shared > 0, 2 * shared / (total + 2 * UNSEEN_WORDS_PER_SENTENCE), 0.0)  # `evidence_dice`
        names = np.minimum(self._shared(self.names, report.own_names, at), NAMES_CAP) / NAMES_CAP
        numbers = (self._shared(self.numbers, report.numbers, at) > 0).astype(np.float64)
        reaches = np.zeros(len(at), dtype=bool)
        if (span := report.span) is not None:  # both have a span, and they do not overlap (`link.features_between`)
            overlap = (self.last[at] >= span.first.toordinal()) & (self.first[at] <= span.last.toordinal())
            reaches = self.has_span[at] & ~overlap
        roles = self.filled[at] & _filled(report)
        w = self.weights
        score = (self.model.intercept + w["dice"] * dice + w["close_wording"] * (dice >= CLOSE_WORDING)
                 + w["shared_number"] * numbers + w["shared_names"] * names
                 + np.maximum(w["shared_roles"] * roles.sum(axis=1), 0.0)
                 + w["both_dated"] * (self.dated[at] & report.dated) + w["reaches_back"] * reaches
                 + w["same_past_day"] * ((self.past_day[at] == report.past_day) if report.past_day else 0.0)
                 + w["dated_same_act"] * (self.dated[at] & report.dated & (self.trigger[at] == report.trigger)))
        return [int(row) for row in at[(score >= self.floor) | self._may_quote(report, at)]]

    def _may_quote(self, report: Report, at: np.ndarray) -> np.ndarray:
        """Which of the rows may share a quotation with the report (`quotes.shared_quote`: a quoted run of one that
        the other writes): the rows that quote, read in full; and, when the report quotes, the rows that hold as many
        of its quoted runs' words as the least of its runs holds (`quotes.QUOTE_WINDOW_WORDS` at least; counted from
        the word postings: a sentence that writes a run holds its words), read in full."""
        runs, found = sentence_runs(report.sentence), np.zeros(len(at), dtype=bool)
        for n in np.flatnonzero(self.quoting[at]):
            found[n] = bool(self.reports[int(at[n])].quoted & runs)
        if report.quoted:
            least = min(len(report.words.intersection(run)) for run in report.quoted)
            quoted_words = report.words.intersection(word for run in report.quoted for word in run)
            near = self._shared(self.words, quoted_words, at) >= least
            for n in np.flatnonzero(near & ~found):
                found[n] = bool(report.quoted & sentence_runs(self.reports[int(at[n])].sentence))
        return found


__all__ = ["LinkBound"]
