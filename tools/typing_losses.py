"""Where a model pair loses what the lexicon had: each lost gold type classified by mechanism, with the features
that drive it.

    .venv/bin/python tools/typing_losses.py [--models DIR] [--sources gsr,rams,wikievents] [--min-confidence 0.35]
        [--examples N]

A *case* is a gold event of one PLOVER type in a stretch of text: a GSR sentence's labelled type (the whole
sentence), a RAMS window's mapped event or a WikiEvents mention (their sentence). The lexicon *had* a case when
one of its own candidates (no detector, no verifier) of that type, factual, stands in the stretch: on the GSR at
the lexicon's cut (confidence 0.5, `benchmarks/events.py`'s "lexicon alone" reading), elsewhere at any
confidence. The pair *has* it when a shown event (factual, confidence at or above the view) of that type cites
the stretch. Every case the lexicon had and the pair lost is put in one class, by what happened to the lexicon's
candidates of that type once the pair's detector proposed its own and the verifier judged them all:

* `displaced`: no candidate of the type is left among the pair's candidates (a detector proposal took the
  trigger, or the grouping folded it into an event of another type);
* `retyped`: the verifier gave the candidate another type (its probability at least `RETYPE_MIN`);
* `rejected`: dropped outright (calibrated confidence below `REJECT_BELOW`);
* `none_wins`: kept at its type below the view, NONE the verifier's most probable class for it;
* `below_view`: kept at its type below the view, its type more probable than NONE (the calibration or another
  type's share holds it down).

A case the lexicon never had is counted `lexicon_missed_found` when the pair shows it, else by where the pair
lost it (`miss_class`): `no_candidate` in the stretch at all, `other_type` candidates only, one of the type read
as negated or hypothetical (`modality`), or the verifier's verdict as above: what limits candidate recall.

The same run lists the pair's false types on the GSR (a type shown that neither the gold nor the lexicon's
reading has) by where they came from (a detector proposal, a lexicon candidate below the lexicon's cut, a
re-typing), and, for the lost cases, the features whose pull (weight for the type minus weight for NONE)
is most negative summed over them, next to that feature's mean pull on the cases the pair kept: the features
that push real events towards NONE on text the model never learnt from.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tools")]

import event_models as em  # noqa: E402
import event_sets as sets  # noqa: E402
import events as gsr  # noqa: E402
from dateline.events import detect, linear, verify  # noqa: E402
from dateline.events.verify import NONE, unverified  # noqa: E402
from dateline.model import Article, Document, Event  # noqa: E402
from detector_sources import recode  # noqa: E402

#: The lexicon's own cut on the GSR (`benchmarks/events.py` MIN_CONFIDENCE): its "lexicon alone" reading.
GSR_LEXICON_CUT = 0.5
Case = tuple[str, int, int, str]  # document id, start, end of the stretch, gold type


def gsr_cases() -> tuple[list[Article], list[Case]]:
    """The GSR sentences as articles, and one case per labelled type (the stretch is the whole sentence)."""
    gold = gsr.load_gold(gsr.GSR)
    articles = [Article(id=g["id"], date=gsr.DCT, text=g["text"]) for g in gold]
    return articles, [(g["id"], 0, len(g["text"]) + 1, t) for g in gold for t in sorted(g["types"])]


def span_cases(load: Any) -> tuple[list[Article], list[Case]]:
    """RAMS or WikiEvents (`event_sets` readers): one case per gold political event in its sentence."""
    articles, golds = load(0)
    return articles, [(doc, s, e, t) for doc, spans in sorted(golds.items()) for s, e, t in spans]


def cites(event: Event, start: int, end: int) -> bool:
    """Whether one of the event's mentions has its trigger in [start, end)."""
    return any(start <= (m.trigger_start or 0) < end for m in (event.evidence, *event.mentions))


def factual(event: Event) -> bool:
    return not event.negated and not event.hypothetical


def judged_candidates(raw: Document, model: linear.LinearModel) -> list[tuple[Event, list[str], dict[str, float],
                                                                           Event | None]]:
    """Each of the pair's candidates with its features, class probabilities and what the verifier made of it."""
    out = []
    for event in raw.events:
        row = verify.candidate_features(event, raw.parsed)
        probs = model.probabilities(row)
        out.append((event, row, probs, verify.verify_event(event, probs, model)))
    return out


def loss_class(candidates: list[tuple[Event, list[str], dict[str, float], Event | None]], case: Case,
               threshold: float) -> tuple[str, tuple[Event, list[str], dict[str, float], Event | None] | None]:
    """Why the pair lost a case the lexicon had, and the candidate it is read from (None when displaced)."""
    _, start, end, kind = case
    mine = [c for c in candidates if c[0].type == kind and factual(c[0]) and cites(c[0], start, end)]
    if not mine:
        return "displaced", None
    best = max(mine, key=lambda c: c[2].get(kind, 0.0))
    _, _, probs, verified = best
    if verified is None:
        return "rejected", best
    if verified.type != kind:
        return "retyped", best
    if verified.confidence >= threshold:
        return "kept", best  # shown for this type, yet not counted: another mention's status, say
    return ("none_wins" if probs.get(NONE, 0.0) >= max(p for c, p in probs.items() if c != NONE)
            else "below_view"), best


def miss_class(candidates: list[tuple[Event, list[str], dict[str, float], Event | None]], case: Case,
               threshold: float) -> str:
    """Why the pair has no shown event of a case the lexicon never had: `no_candidate` (no candidate of any type
    cites the stretch), `other_type` (candidates of other types only), `modality` (one of the type, read as negated
    or hypothetical), else the verifier's verdict on the best candidate of the type (`loss_class`: rejected,
    retyped, none_wins, below_view)."""
    _, start, end, kind = case
    here = [c for c in candidates if cites(c[0], start, end)]
    if not here:
        return "no_candidate"
    of_kind = [c for c in here if c[0].type == kind]
    if not of_kind:
        return "other_type"
    if not any(factual(c[0]) for c in of_kind):
        return "modality"
    return loss_class(candidates, case, threshold)[0]


def pulls(model: linear.LinearModel, row: list[str], kind: str) -> dict[str, float]:
    """Each present feature's pull towards `kind` against NONE (weight difference), the intercept's as `(bias)`."""
    if kind not in model.classes:
        return {}
    t, n = model.classes.index(kind), model.classes.index(NONE)
    out = {"(bias)": float(model.intercept[t] - model.intercept[n])}
    for name in set(row):
        i = model.vocabulary.get(name)
        if i is not None:
            out[name] = float(model.coef[t, i] - model.coef[n, i])
    return out


def diagnose(name: str, articles: list[Article], cases: list[Case], detector: Any, model: linear.LinearModel,
             threshold: float, lexicon_cut: float, examples: int) -> dict[str, Any]:
    """Every case of one source classified; the loss classes' counts, by type, and the features behind them."""
    lexicon_docs = {d.article.id: d for d in em.cached_documents(name, articles)}
    with unverified():
        raw = {d.article.id: d for d in recode([replace(d, events=[]) for d in lexicon_docs.values()], [detector] * 5)}
    judged = {doc_id: judged_candidates(doc, model) for doc_id, doc in raw.items()}
    classes: Counter = Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    lost_pull: Counter = Counter()
    kept_pull: Counter = Counter()
    kept_n = 0
    shown_of = {doc_id: [v for _, _, _, v in cands if v is not None and factual(v) and v.confidence >= threshold]
                for doc_id, cands in judged.items()}
    printed = 0
    for case in cases:
        doc_id, start, end, kind = case
        had = any(e.type == kind and factual(e) and e.confidence >= lexicon_cut and cites(e, start, end)
                  for e in lexicon_docs[doc_id].events)
        has = any(v.type == kind and cites(v, start, end) for v in shown_of[doc_id])
        if not had:
            missed = "found" if has else miss_class(judged[doc_id], case, threshold)
            classes["lexicon_missed_" + missed] += 1
            continue
        if has:
            classes["kept"] += 1
            got = [c for c in judged[doc_id] if c[3] is not None and c[3].type == kind and cites(c[0], start, end)]
            if got:
                kept_n += 1
                kept_pull.update(pulls(model, got[0][1], kind))
            continue
        why, cand = loss_class(judged[doc_id], case, threshold)
        classes[why] += 1
        by_type[kind][why] += 1
        if cand is not None:
            lost_pull.update(pulls(model, cand[1], kind))
            if printed < examples:
                printed += 1
                event, _, probs, verified = cand
                top = sorted(probs.items(), key=lambda p: -p[1])[:3]
                print(f"[{name}] {why} {kind} '{event.evidence.trigger}' lexconf {event.confidence:.2f} -> "
                      f"{'dropped' if verified is None else f'{verified.type} {verified.confidence:.2f}'} "
                      f"{[(c, round(p, 2)) for c, p in top]} :: {event.evidence.sentence[:160]}", file=sys.stderr)
    lost_n = sum(v for k, v in classes.items() if k != "kept" and not k.startswith("lexicon_missed"))
    drivers = sorted(lost_pull.items(), key=lambda p: p[1])[:15]
    return {"cases": len(cases), "classes": dict(classes.most_common()),
            "lost_by_type": {k: dict(v) for k, v in sorted(by_type.items())},
            "drivers": [{"feature": f, "lost_mean_pull": round(s / max(lost_n, 1), 3),
                         "kept_mean_pull": round(kept_pull.get(f, 0.0) / max(kept_n, 1), 3)} for f, s in drivers]}


def gsr_false_types(articles: list[Article], detector: Any, model: linear.LinearModel,
                    threshold: float) -> dict[str, int]:
    """The pair's shown GSR types that neither the gold nor the lexicon's reading holds, by where they came from."""
    gold = {g["id"]: g["types"] for g in gsr.load_gold(gsr.GSR)}
    lexicon_docs = em.cached_documents("gsr", articles)
    with unverified():
        raw = recode([replace(d, events=[]) for d in lexicon_docs], [detector] * 5)
    out: Counter = Counter()
    for lex, doc in zip(lexicon_docs, raw, strict=True):
        lexicon_types = {e.type for e in lex.events if factual(e) and e.confidence >= GSR_LEXICON_CUT}
        for event, _, _, verified in judged_candidates(doc, model):
            if verified is None or not factual(verified) or verified.confidence < threshold:
                continue
            if verified.type in gold[doc.article.id] or verified.type in lexicon_types:
                continue
            origin = ("retyped" if verified.type != event.type
                      else "detector" if (event.evidence.rule or "").startswith(detect.RULE_PREFIX)
                      else "lexicon_below_cut" if event.confidence < GSR_LEXICON_CUT else "lexicon")
            out[origin] += 1
    return dict(out.most_common())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, default=verify.MODEL_DIR)
    parser.add_argument("--sources", default="gsr,rams,wikievents")
    parser.add_argument("--min-confidence", type=float, default=verify.DEFAULT_MIN_CONFIDENCE)
    parser.add_argument("--examples", type=int, default=0, help="print up to N lost cases per source to stderr")
    args = parser.parse_args()
    detector = linear.read_model(args.models, detect.MODEL_NAME, detect.FEATURE_VERSION)
    model = verify.read_model(args.models)
    out: dict[str, Any] = {"models": str(args.models), "min_confidence": args.min_confidence}
    for name in args.sources.split(","):
        if name == "gsr":
            articles, cases = gsr_cases()
            out[name] = diagnose(name, articles, cases, detector, model, args.min_confidence, GSR_LEXICON_CUT,
                                 args.examples)
            out[name]["false_types"] = gsr_false_types(articles, detector, model, args.min_confidence)
        else:
            load = {"rams": sets.rams_articles, "wikievents": sets.wikievents_articles}[name]
            articles, cases = span_cases(load)
            out[name] = diagnose(name, articles, cases, detector, model, args.min_confidence, 0.0, args.examples)
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
