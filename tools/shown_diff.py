"""Which judged unseen-news events one model pair shows and another does not, and which features lift them.

    .venv/bin/python tools/shown_diff.py OLD NEW [--min-confidence 0.35] [--top 6] [--split heldout]

Both pairs (folders with an `event_detector` and an `event_verifier`, as `benchmarks/event_models.py` reads them)
code the same cached documents of the hand-labelled news (`news_candidates.jsonl`, the `heldout` half by default).
For every judged event shown (confidence at or above the threshold) by one pair and not the other, one line: the
article, type, label, whether it is right, the two confidences, and the terms of the new verifier's log-odds of the
shown type against NONE that moved most from the old verifier's (`feature new-old`, with the intercept's and the
calibration's share), so a retrain's extra events can be traced to the weights that lift them rather than guessed.
Then the counts: shown by both, by OLD only, by NEW only, and how many of each are right.

Why a script and not `event_models.py`: that benchmark gives figures; this gives the events behind a difference in
them (the fifteenth and sixteenth sessions' retrains each showed five more news events, none right).
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import event_models as em
from dateline.events import detect, linear, verify
from dateline.events.linear import LinearModel
from dateline.events.verify import NONE, candidate_features, unverified, verify_event
from dateline.model import Document, Event
from detector_sources import recode
from event_sources import news_labeller
from news_candidates import article, default_shared, read_labels


@dataclass(frozen=True)
class Shown:
    """One judged event a pair shows: where, what it was judged, and the verifier's reading of its candidate."""

    article: str
    trigger: int
    type: str
    label: str
    confidence: float
    raw: float  # the verifier's probability of the type, before calibration
    features: tuple[str, ...]
    text: str

    @property
    def key(self) -> tuple[str, int, str]:
        return self.article, self.trigger, self.type

    @property
    def right(self) -> bool:
        return self.label == self.type


def pair(folder: Path) -> tuple[LinearModel, LinearModel]:
    """The detector and verifier in `folder`."""
    return (linear.read_model(folder, detect.MODEL_NAME, detect.FEATURE_VERSION),
            linear.read_model(folder, verify.MODEL_NAME, verify.FEATURE_VERSION))


def shown_events(docs: list[Document], folder: Path, labels: list[dict[str, Any]], threshold: float
                 ) -> dict[tuple[str, int, str], Shown]:
    """The judged events the pair in `folder` shows at `threshold`, by (article, trigger start, type)."""
    detector, verifier = pair(folder)
    with unverified():
        raw = recode([replace(d, events=[]) for d in docs], [detector] * 5)
    out = {}
    for doc in raw:
        label = news_labeller([item for item in labels if item["article"] == doc.article.id])
        rows = [candidate_features(e, doc.parsed) for e in doc.events]
        for event, row, probs in zip(doc.events, rows, verifier.probabilities_of_many(rows), strict=True):
            by_class = dict(zip(verifier.classes, map(float, probs), strict=True))
            kept = verify_event(event, by_class, verifier)
            if kept is None or kept.confidence < threshold:
                continue
            said = [x for x in (label(replace(kept, evidence=m)) for m in [kept.evidence, *kept.mentions])
                    if x is not None]
            if not said:
                continue
            start = kept.evidence.trigger_start or 0
            out[(doc.article.id, start, kept.type)] = Shown(
                doc.article.id, start, kept.type, said[0], kept.confidence, by_class.get(kept.type, 0.0),
                tuple(row), doc.article.text[start:start + 30].replace("\n", " "))
    return out


def log_odds_terms(model: LinearModel, features: tuple[str, ...], type_name: str) -> dict[str, float]:
    """Each term of the model's log-odds of `type_name` against NONE for one row: one per feature in the
    vocabulary, and the intercept's under "(intercept)"."""
    if type_name not in model.classes:
        return {}
    row, base = model.classes.index(type_name), model.classes.index(NONE)
    terms = {"(intercept)": float(model.intercept[row] - model.intercept[base])}
    for name in sorted(set(features)):
        i = model.vocabulary.get(name)
        if i is not None:
            terms[name] = float(model.coef[row, i] - model.coef[base, i])
    return terms


def calibration_term(model: LinearModel, raw: float) -> float:
    """How much the Platt calibration adds to the log-odds of a raw probability (0 without one)."""
    p = min(max(raw, 1e-6), 1 - 1e-6)
    logit = math.log(p / (1 - p))
    a, b = model.calibration
    return a * logit + b - logit


def moved_terms(old: LinearModel, new: LinearModel, event: Shown, top: int) -> list[tuple[str, float]]:
    """The `top` terms of the event's log-odds that moved most between the two verifiers (new minus old)."""
    before, after = log_odds_terms(old, event.features, event.type), log_odds_terms(new, event.features, event.type)
    moved = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in set(before) | set(after)}
    return sorted(moved.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--min-confidence", type=float, default=verify.DEFAULT_MIN_CONFIDENCE)
    parser.add_argument("--top", type=int, default=6)
    parser.add_argument("--split", choices=("heldout", "all"), default="heldout")
    args = parser.parse_args()
    labels = em.labels_of_split(read_labels(), args.split)
    ids = sorted({item["article"] for item in labels})
    docs = em.cached_documents(f"news-{args.split}", [article(default_shared(), i) for i in ids])
    old = shown_events(docs, args.old, labels, args.min_confidence)
    new = shown_events(docs, args.new, labels, args.min_confidence)
    old_v, new_v = pair(args.old)[1], pair(args.new)[1]
    for side, events, other in (("NEW only", new, old), ("OLD only", old, new)):
        for key in sorted(set(events) - set(other)):
            e = events[key]
            before = other_confidence(docs, key, args.old if side == "NEW only" else args.new)
            terms = moved_terms(old_v, new_v, e, args.top)
            terms.append(("(calibration)", calibration_term(new_v, e.raw) - calibration_term(old_v, e.raw)))
            print(f"{side}\t{e.article}\t{e.type}\tlabel={e.label}\tright={e.right}\t"
                  f"{before:.2f}->{e.confidence:.2f}\t{e.text!r}\t"
                  + ", ".join(f"{k} {v:+.2f}" for k, v in terms))
    both = set(old) & set(new)
    print(f"both {len(both)} (right {sum(old[k].right for k in both)}); "
          f"old only {len(set(old) - both)} (right {sum(old[k].right for k in set(old) - both)}); "
          f"new only {len(set(new) - both)} (right {sum(new[k].right for k in set(new) - both)})")


def other_confidence(docs: list[Document], key: tuple[str, int, str], folder: Path) -> float:
    """The confidence the pair in `folder` gives the candidate at `key` (0 when it rejects or never proposes it)."""
    detector, verifier = pair(folder)
    doc = next(d for d in docs if d.article.id == key[0])
    with unverified():
        raw = recode([replace(doc, events=[])], [detector] * 5)[0]
    best = 0.0
    for event in raw.events:
        if (event.evidence.trigger_start or 0) != key[1]:
            continue
        row = candidate_features(event, raw.parsed)
        probs = dict(zip(verifier.classes, map(float, verifier.probabilities_of_many([row])[0]), strict=True))
        kept: Event | None = verify_event(event, probs, verifier)
        if kept is not None and kept.type == key[2]:
            best = max(best, kept.confidence)
    return best


if __name__ == "__main__":
    main()
