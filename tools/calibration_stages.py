"""Where the events-gold confidence loses its calibration between the verifier and the shown event.

    nice .venv/bin/python tools/calibration_stages.py [--limit N]

The cross-validated reliability table of `benchmarks/events.py` (`event_sets.calibration_table`) scores each
shown event by "a gold fact event of its type in its sentence". This tool reads the same gold articles with
the same fold verifiers (each trained and calibrated without the article, `event_sets.cv_readings`'s recipe)
along two orders, and prints a reliability table, ECE and the scorer's precision/recall at a few thresholds
at each step, so the step that moves events into over-confident bins can be named:

* `benchmark`: what `benchmarks/events.py` scores: the mentions grouped with the verifier off (on the lexicon's
  confidences), then each group verified through its evidence mention only;
* `mentions`: the production order's first step: every mention verified on its own (grouping off);
* `grouped`: the production order (`coder.code_events`): verified mentions, parties re-read, then grouped,
  each group taking the largest confidence of its mentions (`group_merge.merge_mentions`).

Each step is judged two ways: `sentence` is the benchmark table's "a gold fact event of its type in its sentence";
`scorer` is the project scorer's own judgement (`../shared/tools/event_score.py`: events taken in falling
confidence, an event is right only if it matches a happening not matched yet, so a second event of one happening
is a duplicate, wrong). Beside each ECE, the ECE that perfectly calibrated confidences would show on the same
events by chance (`null_ece`: outcomes drawn with probability equal to each confidence), so a bin that looks
off can be told from noise. For `grouped` it also tallies groups by their number of mentions (how often a
several-mention group is right, against its mean confidence). Progress on stderr; one JSON object on stdout;
`--pairs FILE` keeps every (step, judgement, confidence, right, mentions) for other tables.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402

from dateline.events.coder import after_verification  # noqa: E402
from dateline.events.group import grouping  # noqa: E402
from dateline.events.verify import unverified, using_verifier, verify_events  # noqa: E402
from dateline.model import Document  # noqa: E402
from dateline.pipeline import process  # noqa: E402
from detector_sources import recode  # noqa: E402
from event_sets import DEV, GOLD, events_gold_articles, progress, right_in_sentence, score, training_rows  # noqa: E402
from train_event_detector import cross_fitted_detectors  # noqa: E402
from train_event_model import calibrated, cross_validate_gold, fit, whole_article_folds  # noqa: E402
from verifier_figures import reliability  # noqa: E402

THRESHOLDS = (0.35, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
SCORER = ROOT.parent / "shared" / "tools" / "event_score.py"
#: Draws of the chance ECE of perfectly calibrated confidences.
NULL_DRAWS = 2000


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("event_score", SCORER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def scorer_judgements(events: list[dict[str, Any]], text: str, gold_events: list[dict[str, Any]],
                      scorer: Any) -> list[bool]:
    """Per factual event (in the order given), right as the scorer judges it with every event shown: taken in
    falling confidence, right when a gold fact of its type in its sentence tells a happening not matched yet."""
    spans = [scorer.find_sentence(text, g["sentence"]) for g in gold_events]
    cluster = [scorer.root(gold_events, i) for i in range(len(gold_events))]
    matched: set[int] = set()
    right = [False] * len(events)
    for n in sorted(range(len(events)), key=lambda k: -(events[k].get("confidence") or 0)):
        at = scorer.trigger_at(events[n])
        fresh = [i for i, sp in enumerate(spans) if sp and at is not None and sp[0] <= at < sp[1]
                 and gold_events[i]["type"] == events[n].get("type") and gold_events[i].get("status", "fact") == "fact"
                 and cluster[i] not in matched]
        if fresh:
            matched.add(cluster[fresh[0]])
            right[n] = True
    return right


def null_ece(confidences: list[float], draws: int = NULL_DRAWS, seed: int = 0) -> tuple[float, float]:
    """Mean and 95th percentile of the ECE that confidences which are perfectly calibrated would show on these
    events by chance (each outcome drawn right with probability its confidence): the table's noise floor."""
    rng = np.random.default_rng(seed)
    conf = np.asarray(confidences, dtype=float)
    eces = [reliability(list(zip(conf.tolist(), (rng.random(len(conf)) < conf).tolist(), strict=True)))[1]
            for _ in range(draws)]
    return round(float(np.mean(eces)), 4), round(float(np.percentile(eces, 95)), 4)


def _copy(doc: Document) -> Document:
    return replace(doc, events=list(doc.events))


def production_order(doc: Document, model: Any) -> tuple[Document, Document]:
    """The verified mentions of `doc` (coded with grouping off), and the same after the coder's later steps."""
    with using_verifier(model):
        mentions = verify_events(_copy(doc))
    grouped = after_verification(_copy(mentions))
    return mentions, grouped


def pairs_of(readings: list[dict[str, Any]], texts: dict[str, str], gold: dict[str, Any],
             scorer: Any) -> dict[str, list[tuple[float, bool, int]]]:
    """(confidence, right, mentions) of every factual event, right as the benchmark's reliability table has it
    (`sentence`) and as the scorer has it (`scorer`)."""
    out: dict[str, list[tuple[float, bool, int]]] = {"sentence": [], "scorer": []}
    for r in readings:
        aid = r["article"]["id"]
        factual = [e for e in r["events"] if not e["negated"] and not e["hypothetical"]]
        sizes = [len(e.get("mentions") or [None]) for e in factual]
        judged = {"sentence": right_in_sentence({**r, "events": factual}, gold, texts[aid]),
                  "scorer": scorer_judgements(factual, texts[aid], gold.get(aid, []), scorer)}
        for name, rights in judged.items():
            out[name] += [(e["confidence"], ok, n) for e, ok, n in zip(factual, rights, sizes, strict=True)]
    return out


def summary(name: str, readings: list[dict[str, Any]], texts: dict[str, str], gold: dict[str, Any],
            scorer: Any) -> dict[str, Any]:
    """Reliability tables (10 and 5 bins), ECE and its chance floor under both judgements, and the scorer's
    precision and recall at `THRESHOLDS`, of one step's readings."""
    judged = pairs_of(readings, texts, gold, scorer)
    out: dict[str, Any] = {"pairs": judged}
    for how, pairs in judged.items():
        table, ece = reliability([(c, ok) for c, ok, _ in pairs])
        coarse, coarse_ece = reliability([(c, ok) for c, ok, _ in pairs], bins=5)
        floor = null_ece([c for c, _, _ in pairs])
        out[how] = {"ece": ece, "null_ece_mean_p95": floor, "table": table, "ece_5_bins": coarse_ece,
                    "table_5_bins": coarse, "by_mentions": by_size(pairs)}
        progress(f"{name}, judged by {how}: ECE {ece} (chance floor {floor[0]}, p95 {floor[1]}), 5 bins "
                  f"{coarse_ece}, {len(pairs)} factual events")
        for row in table + coarse:
            progress(f"  {row['bin']}  n={row['count']:4d}  mean conf {row['mean_confidence']:.3f}  "
                      f"right {row['share_right']:.3f}")
        progress(f"  by mentions: {out[how]['by_mentions']}")
    at = {}
    for t in THRESHOLDS:
        got = score(readings, t)
        at[str(t)] = {k: got[k] for k in ("system_events", "precision", "recall", "fully_correct_precision")}
    for t, got in at.items():
        progress(f"  >= {t}: {got}")
    out["at"] = at
    return out


def by_size(pairs: list[tuple[float, bool, int]]) -> list[dict[str, Any]]:
    """Groups of one mention against groups of several: count, mean confidence, share right."""
    out = []
    for label, keep in (("1", lambda n: n == 1), ("2", lambda n: n == 2), ("3+", lambda n: n >= 3)):
        inside = [(c, ok) for c, ok, n in pairs if keep(n)]
        if inside:
            out.append({"mentions": label, "count": len(inside),
                        "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                        "share_right": round(sum(ok for _, ok in inside) / len(inside), 3)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--pairs", type=Path, help="write every (step, judgement, confidence, right, mentions) here")
    args = parser.parse_args()
    articles = events_gold_articles(args.limit)
    texts = {a.id: a.text for a in articles}
    gold = {g["id"]: g["events"] for g in json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))}
    detectors = cross_fitted_detectors(GOLD, DEV)
    with unverified():
        grouped_raw = recode(list(process(articles)), detectors)
        with grouping.off():
            mention_raw = recode(list(process(articles)), detectors)
    rows = training_rows()
    oof = cross_validate_gold(rows)
    readings: dict[str, list[dict[str, Any]]] = {"benchmark": [], "mentions": [], "grouped": []}
    for k, held in enumerate(whole_article_folds(rows)):
        progress(f"fold {k + 1}")
        model = calibrated(fit([r for r in rows if (r.source, r.group) not in held]), rows, oof, held)
        for bench_doc, doc in zip(grouped_raw, mention_raw, strict=True):
            if ("gold", doc.article.id) not in held:
                continue
            with using_verifier(model):
                readings["benchmark"].append(verify_events(_copy(bench_doc)).to_json())
            mentions, grouped = production_order(doc, model)
            readings["mentions"].append(mentions.to_json())
            readings["grouped"].append(grouped.to_json())
    scorer = _scorer()
    out = {name: summary(name, r, texts, gold, scorer) for name, r in readings.items()}
    if args.pairs:
        args.pairs.write_text("".join(json.dumps([step, how, *p]) + "\n" for step, s in out.items()
                                      for how, pairs in s["pairs"].items() for p in pairs), encoding="utf-8")
    print(json.dumps({n: {k: v for k, v in s.items() if k != "pairs"} for n, s in out.items()}))


if __name__ == "__main__":
    main()
