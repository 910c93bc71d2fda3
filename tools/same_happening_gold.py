"""Labelled pairs from the `same_as` links of hand-coded articles (events-gold), for `tools/train_same_happening.py`.

Why apart: the trainer reads three sources (events-gold, the hand pairs, the grouping samples'
keys, `same_happening_samples`); the rules deciding which pairs of coder mentions the gold speaks to are the
longest of them and are tested on their own (`tests/test_train_same_happening.py`).
"""

from __future__ import annotations

from typing import Any

from dateline.events.group import borrowed_type
from group_eval import find_sentence, gold_clusters, gold_in_sentence, gold_of

__all__ = ["gold_labels"]


def gold_labels(article: dict[str, Any], gold: list[dict[str, Any]]) -> dict[tuple[int, int], bool]:
    """Labels of the pairs of mentions mapped onto gold fact mentions: one happening when linked by `same_as`.

    Two mentions that land on one gold mention (the scorer's matching: its sentence and type) are labelled only
    when the gold speaks to both: both triggers are words of its trigger ("imposed sanctions"), or one of them
    is a borrowed-type reading (`group.borrowed_type`: the detector's or verifier's second reading of the
    sentence the coder coded once). Otherwise one of them is a word the coder did not code (another act in
    another clause, or no event) and the gold says nothing of whether it is the same happening; labelled
    "same", such pairs taught the model that two clauses of one sentence tell one act. A pair is left unlabelled
    too when a mention may tell several happenings of its sentence (`_candidate_happenings`) that the other may
    tell as well: which one each tells, the gold does not say.
    """
    spans, roots = [find_sentence(article["text"], g["sentence"]) for g in gold], gold_clusters(gold)
    mapped = []
    for i, event in enumerate(article["events"]):
        g = gold_of(event, gold, spans, roots) if event.status == "fact" else None
        if g is not None and gold[g].get("status", "fact") == "fact":
            mapped.append((i, g, _gold_mention(event, gold, spans)))
    candidates = {i: _candidate_happenings(article["events"][i], gold, spans, roots) for i, _, _ in mapped}
    labels = {}
    for x, (i, gi, mi) in enumerate(mapped):
        for j, gj, mj in mapped[x + 1:]:
            if mi == mj and not _speaks_to_both(article["events"][i], article["events"][j], gold[mi]):
                continue
            if max(len(candidates[i]), len(candidates[j])) > 1 and candidates[i] & candidates[j]:
                continue  # the gold cannot say which of its sentence's happenings each mention tells
            labels[(i, j)] = gi == gj
    return labels


def _candidate_happenings(event: Any, gold: list[dict[str, Any]], spans: list[Any], roots: list[int]) -> set[int]:
    """The gold happenings a mention may tell: those of its sentence and type whose trigger holds its word, else all
    of its sentence and type. A sentence may tell two by one word ("Each capital is expelling the other's envoys":
    two expulsions, one by each side), and a mention of it is then either."""
    here = gold_in_sentence(event, gold, spans, facts_only=True)
    named = [k for k in here if event.evidence.trigger.lower() in gold[k]["trigger"].lower()]
    return {roots[k] for k in named or here}


def _gold_mention(event: Any, gold: list[dict[str, Any]], spans: list[Any]) -> int | None:
    """The gold mention a mention lands on (`group_eval.gold_of`'s choice, before following `same_as`)."""
    identity = list(range(len(gold)))
    return gold_of(event, gold, spans, identity)


def _speaks_to_both(first: Any, second: Any, mention: dict[str, Any]) -> bool:
    """Whether a gold mention that two mentions land on tells both: two different words both in its trigger
    (one word said twice, "expulsions ... followed by retaliatory expulsions", is coded at one of them), or one
    of them reads the sentence with a borrowed type."""
    words, triggers = mention["trigger"].lower(), {e.evidence.trigger.lower() for e in (first, second)}
    in_trigger = len(triggers) == 2 and all(t in words for t in triggers)
    return in_trigger or any(borrowed_type(e) for e in (first, second))
