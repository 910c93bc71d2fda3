"""Event figures on whole articles and on the development sets; a helper module of `events.py`.

* `gold_figures`: events-gold through the real pipeline (`dateline.pipeline.process`), scored by
  `../shared/tools/event_score.py`: the lexicon alone, the shipped verifier (trained on these very
  articles, so in-sample), and the verifier under 5-fold cross-validation grouped by article (each
  fold's model trained without its articles); the display threshold that maximises the cross-validated
  F0.5 (the default view's criterion), the lowest one reaching precision 0.85, a reliability table of the
  cross-validated confidences, and per source the ROC AUC and average precision of the verifier's score
  under cross-validation grouped by document (`cv_by_source`).
* `devset_figures`: RAMS and WikiEvents dev (share of gold political events found in their
  sentence; WikiEvents precision), MUC-4 no-incident documents and CrisisLex disaster tweets (share
  of documents with a conflict event shown: a false alarm); `dev_articles` reads those sets.

The event detector is trained on events-gold, RAMS and WikiEvents, so on those sets every document's
proposals come from the detector fold model trained without it (`tools/detector_sources.recode`);
MUC-4 is held out of all training and runs the shipped models. (The verifier on RAMS and WikiEvents
is the shipped one, trained on their candidates, as before.)
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tools"))

from dateline.events.coder import after_verification  # noqa: E402
from dateline.events.group import grouping  # noqa: E402
from dateline.events.thread_parties import using_model as using_thread_model  # noqa: E402
from dateline.events.verify import unverified, using_verifier, verify_events  # noqa: E402
from dateline.model import Article, Document  # noqa: E402
from dateline.pipeline import process  # noqa: E402
from detector_sources import recode  # noqa: E402
from dev_articles import DEV, crisis_tweet_articles, muc_articles, rams_articles, wikievents_articles  # noqa: E402
from event_sources import DEFAULT_ROWS, SOURCES, TRAINED_ON, cache_rows, source_file  # noqa: E402
from train_event_detector import cross_fitted_detectors  # noqa: E402
from train_event_model import (  # noqa: E402
    calibrated,
    cross_validate_gold,
    per_source_cv,
    whole_article_folds,
)
from verifier_figures import reliability  # noqa: E402

GOLD = SHARED / "data" / "events-gold"
SCORER = SHARED / "tools" / "event_score.py"
CONFLICT = frozenset({"ASSAULT", "COERCE"})
#: Types WikiEvents' KAIROS ontology annotates wherever they occur: precision is judged on these.
KAIROS_TYPES = frozenset({"ASSAULT", "PROTEST", "THREATEN", "REQUEST", "CONSULT", "COERCE"})
TARGET_PRECISION = 0.85
#: The default view's criterion: F-beta with beta 0.5 (a reader pays for a wrong line twice what a missed one costs).
READER_BETA = 0.5


def progress(msg: str) -> None:
    """A progress line on standard error, flushed at once."""
    print(msg, file=sys.stderr, flush=True)


def _shown(events: Iterable[Any], threshold: float) -> list[Any]:
    return [e for e in events if not e.negated and not e.hypothetical and e.confidence >= threshold]


def score(readings: list[dict[str, Any]], min_confidence: float = 0.0, errors: bool = False) -> dict[str, Any]:
    """The scorer's figures for some readings of the gold articles."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in readings))
    cmd = [sys.executable, str(SCORER), str(GOLD / "gold.json"), str(GOLD / "articles.jsonl"), fh.name,
           "--min-confidence", str(min_confidence)] + (["--errors"] if errors else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    if errors:
        sys.stderr.write(out.stderr)
    Path(fh.name).unlink()
    return json.loads(out.stdout.strip().splitlines()[-1])


def _brief(figures: dict[str, Any]) -> dict[str, Any]:
    keys = ("system_events", "precision", "recall", "f1", "fully_correct_precision", "parties_acc")
    return {k: figures[k] for k in keys}


def events_gold_articles(limit: int) -> list[Article]:
    """events-gold's articles, the first `limit` of them (all for 0)."""
    lines = (GOLD / "articles.jsonl").read_text(encoding="utf-8").splitlines()[: limit or None]
    return [Article(id=a["id"], date=dt.date.fromisoformat(a["date"][:10]), text=a["text"], source=a.get("source"))
            for a in map(json.loads, lines)]


def training_rows(kind: str = DEFAULT_ROWS) -> list[Any]:
    """The verifier's labelled candidates of every training source (cached by `tools/event_sources.py`), of the row
    kind `kind` (`event_sources.ROW_KINDS`: the recipe's `--rows`)."""
    detectors = cross_fitted_detectors(GOLD, DEV)
    return [r for name in TRAINED_ON
            for r in cache_rows(name, source_file(name, GOLD, DEV), SOURCES[name][0], 0, False, detectors, kind)]


def cv_readings(raw_docs: list[Document], kind: str = DEFAULT_ROWS) -> list[dict[str, Any]]:
    """Gold readings whose events are verified by fold models that never saw their article.

    Each fold's calibration (`train_event_model.calibrated`) is fitted on the out-of-fold probabilities of the
    other folds' articles only (nested), so the confidences shown are honest too. The fold verifiers learn from
    rows of the kind `kind`.
    """
    rows = training_rows(kind)
    oof = cross_validate_gold(rows)
    folds = whole_article_folds(rows)
    threads = _thread_models(folds)
    readings = []
    from train_event_model import fit

    for k, held in enumerate(folds):
        progress(f"  gold CV fold {k + 1}/{len(folds)}")
        model = fit([r for r in rows if (r.source, r.group) not in held])
        model = calibrated(model, rows, oof, held)
        with using_thread_model(threads[k]):
            for doc in raw_docs:
                if ("gold", doc.article.id) in held:
                    readings.append(_verified_reading(doc, model))
    return readings


def _thread_models(folds: list[set[tuple[str, str]]]) -> list[Any]:
    """Per fold, the story-thread party model (`events.thread_parties`) fitted on the other folds' articles only:
    the shipped one learned every events-gold article, so in force it would read the held ones in-sample."""
    from train_thread_parties import read_rows, trained_model

    progress("  thread-party rows (events-gold through the pipeline)")
    x, y, slots, matched, mods = read_rows(GOLD)
    articles = sorted({m.article for m in matched})
    return [trained_model(x, y, slots, matched, [a for a in articles if ("gold", a) not in held], mods["event_score"])
            for held in folds]


def _verified_reading(doc: Document, model: Any) -> dict[str, Any]:
    """The reading of `doc` as the coder makes it with `model` in force: its mentions (coded with grouping off)
    verified one by one, re-typed readings' parties re-read, then grouped, in `coder.code_events`'s order (`doc`
    keeps its mentions). Verifying groups formed on the lexicon's confidences instead judged each happening by the
    mention the lexicon was surest of (`tools/calibration_stages.py`)."""
    with using_verifier(model):
        verified = verify_events(replace(doc, events=list(doc.events)))
    return grouped_copy(verified).to_json()


def grouped_copy(doc: Document) -> Document:
    """The coder's steps after the verifier (`coder.code_events`) on a copy of `doc`'s verified mentions."""
    return after_verification(replace(doc, events=list(doc.events)))


def right_in_sentence(reading: dict[str, Any], gold: dict[str, list[dict[str, Any]]], text: str) -> list[bool]:
    """Per shown event: is there a gold fact event of its type in the sentence holding its trigger?"""
    spans = []
    for g in gold.get(reading["article"]["id"], []):
        i = text.find(g["sentence"])
        if i >= 0 and g.get("status", "fact") == "fact":
            spans.append((i, i + len(g["sentence"]), g["type"]))
    out = []
    for e in reading["events"]:
        at = e["evidence"].get("trigger_start") or 0
        out.append(any(s <= at < end and t == e["type"] for s, end, t in spans))
    return out


def calibration_table(readings: list[dict[str, Any]], articles: list[Article]) -> tuple[list[dict[str, Any]], float]:
    gold = {g["id"]: g["events"] for g in json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))}
    texts = {a.id: a.text for a in articles}
    pairs = []
    for r in readings:
        factual = [e for e in r["events"] if not e["negated"] and not e["hypothetical"]]
        rights = right_in_sentence({**r, "events": factual}, gold, texts[r["article"]["id"]])
        pairs += [(e["confidence"], ok) for e, ok in zip(factual, rights, strict=True)]
    return reliability(pairs)


def f_beta(precision: float, recall: float, beta: float = READER_BETA) -> float:
    """F-beta of a precision and a recall (beta < 1 weighs precision more)."""
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0


#: F0.5 values this close to the best are a tie on a curve of a few hundred candidates (about one event).
F_TIE = 0.01


def pick_threshold(readings: list[dict[str, Any]]) -> tuple[float, dict[str, Any], list[dict[str, float]]]:
    """The confidence threshold (0.05 steps) for the default view, its figures, and the curve over the
    thresholds tried: the lowest threshold whose F0.5 is within F_TIE of the best, so that among
    equally good cuts the one that shows more events wins."""
    curve, scored = [], []
    for step in range(0, 20):
        t = round(step * 0.05, 2)
        got = score(readings, t)
        f = f_beta(got["precision"], got["recall"])
        curve.append({"min_confidence": t, "precision": got["precision"], "recall": got["recall"],
                      "f0.5": round(f, 4)})
        if got["system_events"] >= 5:
            scored.append((t, got, f))
    if not scored:
        return 1.0, got, curve
    best = max(f for _, _, f in scored)
    t, got, _ = next(entry for entry in scored if entry[2] >= best - F_TIE)
    return t, got, curve


def gold_figures(limit: int, errors: bool, kind: str = DEFAULT_ROWS) -> tuple[dict[str, Any], float]:
    """Figures on events-gold, and the proposed display threshold (from the cross-validation of verifiers trained
    on rows of the kind `kind`)."""
    articles = events_gold_articles(limit)
    progress(f"events-gold: {len(articles)} articles, shipped pipeline")
    shipped = [d.to_json() for d in process(articles)]
    with unverified():  # mentions of the lexicon and of fold detectors that never saw the article, grouped later
        with grouping.off():
            raw_docs = recode(list(process(articles)), cross_fitted_detectors(GOLD, DEV))
        lexicon = [grouped_copy(d).to_json() for d in raw_docs]
    cv = cv_readings(raw_docs, kind)
    threshold, at_threshold, curve = pick_threshold(cv)
    table, ece = calibration_table(cv, articles)
    progress("reliability of cross-validated confidences on events-gold (factual events):")
    for row in table:
        progress(f"  {row['bin']}  n={row['count']:4d}  mean conf {row['mean_confidence']:.3f}  "
                  f"right {row['share_right']:.3f}")
    _, shipped_ece = calibration_table(shipped, articles)
    out = {"gold_lexicon": _brief(score(lexicon)),
           "gold_shipped_in_sample": _brief(score(shipped, threshold, errors)),
           "gold_cv_all": _brief(score(cv)), "gold_cv_at_threshold": _brief(at_threshold),
           "proposed_min_confidence": threshold, "gold_cv_ece": ece, "gold_shipped_in_sample_ece": shipped_ece,
           "gold_cv_reliability": table, "gold_cv_curve": curve,
           "gold_cv_lowest_reaching_precision_0.85": next(
               (c["min_confidence"] for c in curve if c["precision"] >= TARGET_PRECISION), None),
           "cv_by_source": per_source_cv(training_rows(kind))}
    return out, threshold


#: The display thresholds every per-source curve is read at (the default view is one of them).
THRESHOLDS = tuple(round(step * 0.05, 2) for step in range(20))


def found_curve(docs: list[Document], golds: dict[str, list[tuple[int, int, str]]],
                judged: frozenset[str] | None = None) -> list[dict[str, float]]:
    """`found_at` at every threshold of THRESHOLDS, with F0.5 where precision is judged."""
    curve = []
    for t in THRESHOLDS:
        got = found_at(docs, golds, t, judged)
        if "precision" in got:
            got["f0.5"] = round(f_beta(got["precision"], got["recall"]), 4)
        curve.append({"min_confidence": t, **got})
    return curve


def joint_threshold(curves: dict[str, list[dict[str, float]]]) -> tuple[float, dict[str, float]]:
    """The display threshold for every source at once: the lowest whose mean F0.5 over the sources' curves is
    within F_TIE of the best mean, and that mean's parts. Each curve lists `min_confidence` and `f0.5` at
    THRESHOLDS (events-gold cross-validated, the GSR cross-validated, WikiEvents)."""
    means = []
    for n, t in enumerate(THRESHOLDS):
        parts = {name: curve[n]["f0.5"] for name, curve in curves.items()}
        means.append((t, sum(parts.values()) / len(parts), parts))
    best = max(m for _, m, _ in means)
    t, mean, parts = next(entry for entry in means if entry[1] >= best - F_TIE)
    return t, {"mean_f0.5": round(mean, 4), **parts}


def found_at(docs: Iterable[Document], golds: dict[str, list[tuple[int, int, str]]], threshold: float,
           judged: frozenset[str] | None = None) -> dict[str, float]:
    """Recall of gold (start, end, type) sentence spans by shown events; precision over `judged` types.

    An event stands in every sentence it cites: its own trigger and the mentions grouped into it (an event
    that joined a sentence's mention to an earlier one still reports that sentence's happening)."""
    hits = total = right = shown = 0

    def cites(event: Any, start: int, end: int) -> bool:
        return any(start <= (m.trigger_start or 0) < end for m in (event.evidence, *event.mentions))

    for doc in docs:
        gold = golds.get(doc.article.id, [])
        events = _shown(doc.events, threshold)
        total += len(gold)
        hits += sum(any(e.type == t and cites(e, s, end) for e in events) for s, end, t in gold)
        if judged is not None:
            mine = [e for e in events if e.type in judged]
            shown += len(mine)
            right += sum(any(e.type == t and cites(e, s, end) for s, end, t in gold) for e in mine)
    out = {"gold": total, "recall": round(hits / max(total, 1), 4)}
    if judged is not None:
        out.update(shown=shown, precision=round(right / max(shown, 1), 4))
    return out


def _false_alarms(articles: list[Article], threshold: float) -> dict[str, Any]:
    docs = list(process(articles))
    out = alarm_rate(docs, threshold)
    out["curve"] = [{"min_confidence": t, "false_alarm_rate": alarm_rate(docs, t)["false_alarm_rate"]}
                    for t in THRESHOLDS]
    return out


def alarm_rate(docs: list[Document], threshold: float) -> dict[str, Any]:
    """The share of documents showing a `CONFLICT` event at `threshold`: on texts with none, false alarms."""
    flagged = sum(any(e.type in CONFLICT for e in _shown(d.events, threshold)) for d in docs)
    return {"documents": len(docs), "false_alarm_rate": round(flagged / max(len(docs), 1), 4)}


def devset_figures(limit: int, threshold: float) -> dict[str, Any]:
    """Recall on RAMS and WikiEvents, WikiEvents precision, false alarms on MUC-4 and CrisisLex."""
    out: dict[str, Any] = {}
    sets: list[tuple[str, Callable[[int], Any]]] = [("rams", rams_articles), ("wikievents", wikievents_articles)]
    for name, load in sets:
        articles, golds = load(limit)
        progress(f"{name}: {len(articles)} documents")
        detectors = cross_fitted_detectors(GOLD, DEV)  # the detector was trained on these sets: fold models
        docs = recode(list(process(articles)), detectors)
        with unverified():
            raw = recode(list(process(articles)), detectors)
        judged = KAIROS_TYPES if name == "wikievents" else None
        out[name] = found_at(docs, golds, threshold, judged)
        out[f"{name}_curve"] = found_curve(docs, golds, judged)
        out[f"{name}_lexicon"] = found_at(raw, golds, 0.0, judged)
    for name, load in (("muc4_no_incident", muc_articles), ("crisislex_disasters", crisis_tweet_articles)):
        articles = load(limit)
        progress(f"{name}: {len(articles)} documents")
        out[name] = _false_alarms(articles, threshold)
        with unverified():
            out[f"{name}_lexicon"] = alarm_rate(list(process(articles)), 0.0)
    return out
