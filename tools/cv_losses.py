"""Where the events-gold happenings are lost out of fold: each gold fact happening sorted by mechanism.

    nice .venv/bin/python tools/cv_losses.py [--limit N] [--min-confidence 0.35] [--dump FILE] [--examples N]

The readings are `benchmarks/events.py --news 0`'s cross-validated ones (`event_sets.cv_readings`): the lexicon's
and the fold detectors' mentions of each article, coded with grouping off, verified by the fold verifier that never
saw the article (Platt map nested), then grouped as `extract` groups them. (The per-fold story-thread party model is
left out: it fills roles after the verifier and moves no type or confidence.)

A *happening* is a gold fact event with the mentions `same_as` joins to it; it is *shown* when a shown event
(factual, at or above the view) of its type cites one of its mentions' sentences (`event_sets.found_at`'s test, a
little kinder than the scorer, which reads only the event's own trigger). Every happening not shown gets one class,
by the first step that loses it:

* `no_candidate`: no candidate of any type in its sentences;
* `other_type`: candidates of other types only (`on_trigger` says whether one stands on a gold trigger word, and
  `p_gold_type` the verifier's highest probability for the gold type among them);
* `modality`: candidates of the type, none factual;
* the verifier's verdict on the best factual candidate of the type: `rejected` (dropped below `REJECT_BELOW`),
  `retyped` (given another type), `none_wins` (kept below the view, NONE its most probable class) or `below_view`
  (kept below the view, its type more probable than NONE);
* `grouping`: a verified mention of the type at or above the view cites it, but no shown event does after the
  grouping (folded into an event of another type or into an event whose mentions lie elsewhere).

Prints one JSON line: the scorer's precision and recall at the view and at the F0.5 pick (`event_sets.pick_threshold`),
overall and per source; the calibration error of the confidences (`event_sets.calibration_table`); counts by class,
overall and per source, and each class by gold type; `--dump` writes one
JSON line per lost happening (sentence, triggers, class, the candidates there) for reading one by one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tools")]

import event_sets as sets  # noqa: E402
from dateline.events import verify  # noqa: E402
from dateline.events.group import grouping  # noqa: E402
from dateline.events.verify import NONE, unverified  # noqa: E402
from dateline.model import Document, Event  # noqa: E402
from dateline.pipeline import process  # noqa: E402
from detector_sources import recode  # noqa: E402
from train_event_detector import cross_fitted_detectors  # noqa: E402
from train_event_model import calibrated, cross_validate_gold, fit, whole_article_folds  # noqa: E402
from typing_losses import cites, factual, judged_candidates  # noqa: E402

Judged = tuple[Event, list[str], dict[str, float], Event | None]


def happenings(gold_events: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The article's gold fact happenings: type, the spans of its mentions' sentences and their triggers."""
    def root(i: int) -> int:
        seen = set()
        while isinstance(gold_events[i].get("same_as"), int) and i not in seen:
            seen.add(i)
            i = gold_events[i]["same_as"]
        return i

    groups: dict[int, dict[str, Any]] = {}
    for i, g in enumerate(gold_events):
        start = text.find(g["sentence"])
        if start < 0:
            continue
        head = root(i)
        if gold_events[head].get("status", "fact") != "fact":
            continue
        entry = groups.setdefault(head, {"type": gold_events[head]["type"], "spans": [], "triggers": [],
                                         "sentence": gold_events[head]["sentence"]})
        entry["spans"].append((start, start + len(g["sentence"])))
        entry["triggers"].append((g.get("trigger") or "").lower())
    return list(groups.values())


def _cites_any(event: Event, spans: list[tuple[int, int]]) -> bool:
    return any(cites(event, s, e) for s, e in spans)


def _on_trigger(event: Event, triggers: list[str]) -> bool:
    words = (event.evidence.trigger or "").lower().split()
    return any(w and any(w in t.split() or t in w for t in triggers if t) for w in words)


def classify(case: dict[str, Any], judged: list[Judged], shown: list[Event], threshold: float) -> dict[str, Any]:
    """The class of one happening (see the module's docstring) and what it was read from."""
    kind, spans = case["type"], case["spans"]
    if any(e.type == kind and _cites_any(e, spans) for e in shown):
        return {"class": "shown"}
    here = [j for j in judged if _cites_any(j[0], spans)]
    if not here:
        return {"class": "no_candidate"}
    of_kind = [j for j in here if j[0].type == kind]
    brief = [{"trigger": j[0].evidence.trigger, "type": j[0].type, "lexconf": round(j[0].confidence, 2),
              "factual": factual(j[0]), "rule": (j[0].evidence.rule or "")[:60],
              "p_gold": round(j[2].get(kind, 0.0), 3), "p_none": round(j[2].get(NONE, 0.0), 3),
              "verified": None if j[3] is None else [j[3].type, j[3].confidence]} for j in here]
    if not of_kind:
        return {"class": "other_type", "on_trigger": any(_on_trigger(j[0], case["triggers"]) for j in here),
                "p_gold_type": max(j[2].get(kind, 0.0) for j in here), "candidates": brief}
    facts = [j for j in of_kind if factual(j[0])]
    if not facts:
        return {"class": "modality", "candidates": brief}
    best = max(facts, key=lambda j: j[2].get(kind, 0.0))
    _, _, probs, verified = best
    if verified is None:
        why = "rejected"
    elif verified.type != kind:
        why = "retyped"
    elif verified.confidence >= threshold:
        why = "grouping"
    else:
        rival = max(p for c, p in probs.items() if c != NONE)
        why = "none_wins" if probs.get(NONE, 0.0) >= rival else "below_view"
    return {"class": why, "confidence": None if verified is None else verified.confidence, "candidates": brief}


def fold_readings(raw_docs: list[Document], threshold: float
                  ) -> dict[str, tuple[list[Judged], list[Event], dict[str, Any]]]:
    """Per article: its candidates judged by the fold verifier that never saw it, and the events shown after the
    grouping, as `event_sets.cv_readings` makes them (Platt map fitted on the other folds' out-of-fold scores)."""
    rows = sets.training_rows()
    oof = cross_validate_gold(rows)
    out = {}
    for k, held in enumerate(whole_article_folds(rows)):
        print(f"  fold {k + 1}", file=sys.stderr, flush=True)
        model = fit([r for r in rows if (r.source, r.group) not in held])
        model = calibrated(model, rows, oof, held)
        for doc in raw_docs:
            if ("gold", doc.article.id) not in held:
                continue
            judged = judged_candidates(doc, model)
            with verify.using_verifier(model):
                final = sets.grouped_copy(verify.verify_events(replace(doc, events=list(doc.events))))
            shown = [e for e in final.events if factual(e) and e.confidence >= threshold]
            out[doc.article.id] = (judged, shown, final.to_json())
    return out


def scored(readings: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    """The scorer's precision and recall of the readings at a threshold, overall and per source."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in readings))
    cmd = [sys.executable, str(sets.SCORER), str(sets.GOLD / "gold.json"), str(sets.GOLD / "articles.jsonl"), fh.name,
           "--min-confidence", str(threshold), "--by-source"]
    got = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    Path(fh.name).unlink()
    keys = ("system_events", "precision", "recall")
    return {**{k: got[k] for k in keys}, **{s: {k: f[k] for k in keys} for s, f in got["by_source"].items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--min-confidence", type=float, default=verify.DEFAULT_MIN_CONFIDENCE)
    parser.add_argument("--dump", type=Path, help="write one JSON line per lost happening here")
    args = parser.parse_args()
    articles = sets.events_gold_articles(args.limit)
    with unverified(), grouping.off():
        raw_docs = recode(list(process(articles)), cross_fitted_detectors(sets.GOLD, sets.DEV))
    readings = fold_readings(raw_docs, args.min_confidence)
    gold = {g["id"]: g["events"] for g in json.loads((sets.GOLD / "gold.json").read_text(encoding="utf-8"))}
    classes: Counter = Counter()
    by_source: dict[str, Counter] = defaultdict(Counter)
    by_type: dict[str, Counter] = defaultdict(Counter)
    lost = []
    for art in articles:
        if art.id not in readings:
            continue
        judged, shown, _ = readings[art.id]
        for case in happenings(gold.get(art.id, []), art.text):
            got = classify(case, judged, shown, args.min_confidence)
            classes[got["class"]] += 1
            by_source[(art.source or "?").split("/")[0]][got["class"]] += 1
            by_type[got["class"]][case["type"]] += 1
            if got["class"] != "shown":
                lost.append({"article": art.id, "type": case["type"], "triggers": case["triggers"],
                             "sentence": case["sentence"], **got})
    if args.dump:
        args.dump.write_text("".join(json.dumps(x) + "\n" for x in lost), encoding="utf-8")
    other = [x for x in lost if x["class"] == "other_type"]
    final = [readings[a.id][2] for a in articles if a.id in readings]
    pick, _, _ = sets.pick_threshold(final)
    _, ece = sets.calibration_table(final, articles)
    print(json.dumps({"min_confidence": args.min_confidence, "happenings": sum(classes.values()),
                      "scored": scored(final, args.min_confidence), "f0.5_pick": pick,
                      "scored_at_pick": scored(final, pick), "ece": ece,
                      "classes": dict(classes.most_common()),
                      "by_source": {s: dict(c.most_common()) for s, c in sorted(by_source.items())},
                      "other_type_on_trigger": sum(x["on_trigger"] for x in other),
                      "by_type": {c: dict(t.most_common()) for c, t in sorted(by_type.items())}}))


if __name__ == "__main__":
    main()
