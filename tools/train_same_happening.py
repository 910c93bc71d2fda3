"""Train the pair model of `events/same_happening`: are two mentions in an article one happening?

    python tools/train_same_happening.py GOLD.json ARTICLES.jsonl T17_DIR [--cache FILE] [--write]
        [--sample SEED=CAPTURE.pkl ...]

Labelled pairs come from two places, and a third when asked (`--sample`):

* the `same_as` links of hand-coded articles (GOLD.json, ARTICLES.jsonl: events-gold): every pair
  of coder mentions (the pipeline run one event per mention, the verifier on: what the grouping
  sees) that map onto gold fact mentions of their sentence and type
  (the scorer's matching) is one happening when their gold mentions are linked;
* `tools/train_same_happening_pairs.jsonl`: pairs of same-type mentions from Timeline17 articles of
  other outlets and stories (CNN on Egypt and Thailand, the Guardian on Iraq and Sudan, the BBC on
  Haiti), labelled by hand by reading both sentences; "same" when both tell one act by one actor on
  one occasion, a headline and the story's sentence, or a quote retold. The first 85 are every
  same-type, same-status pair the pipeline produced in 14 articles; the next 101 come from articles
  drawn at random (seed 44, 1,500-5,000 characters, not in events-gold) from the EgyptianProtest_cnn,
  IraqWar_guardian and haiti_bbc topics: every fact pair of 9 of them (41), and 60 drawn at random
  (seed 7) among the pairs of 9 more that share a sentence, a trigger's first four letters or a
  confidence of at least 0.3 on both sides (the pairs a grouping can get wrong; the rest are apart).
  The next 100 (23 same) are every such pair of 12 more articles, 6 per topic, drawn by
  `tools/train_same_happening_draw.py ../shared/corpus/t17 EgyptianProtest_cnn IraqWar_guardian --per-topic 6
  --seed 1081 --exclude ../shared/data/events-gold/articles.jsonl tools/news_candidates.jsonl` (pipeline at
  c61052e); a wave of protests told in general ("the protests have been driven by ...") counts as one
  happening with each telling of it, a day's protest within it ("they're all out protesting today") not.
  Rows marked `"heldout": true` are never fitted on nor used to choose the threshold: 85 pairs from 16
  articles of two outlets no other label comes from (Fox News and the Washington Post on the BP oil spill,
  drawn at random with seed 67 among those of 1,500-5,000 characters naming Obama, Congress, the
  administration or the government), every same-type fact pair that shares a sentence, a trigger's first
  four letters or a confidence of at least 0.3 on both sides, plus one pair the grouping joined outside
  them; "same" when both words refer to one occurrence (most of these mentions are not political events).
  A second held-out sample (`"sample": "t17-heldout-2"`, 37 pairs, labelled before any model was run on
  it): 16 articles drawn with seed 81 among those of 1,500-5,000 characters naming Obama, Congress, the
  administration, the government, a minister or a president, 8 from the BBC on the BP spill and 8 from the
  Guardian on H1N1 (outlets and stories no fitted label comes from), every same-type fact pair sharing a
  sentence, a trigger's first four letters or a confidence of at least 0.3 on both sides, bar 3 left
  undecided. A third (`"sample": "t17-heldout-3"`, 39 pairs, 15 links), drawn by
  `tools/train_same_happening_draw.py ../shared/corpus/t17 bpoil_reuters H1N1_reuters --per-topic 8 --seed 108
  --sample t17-heldout-3 --exclude ../shared/data/events-gold/articles.jsonl tools/news_candidates.jsonl`
  (Reuters: no hand pair came from it, 2 of the 28 events-gold articles did; 16 articles drawn, 8 of them
  holding pairs worth labelling) and
  labelled from the two sentences alone before any model was run on them. Each held-out sample is grouped
  by the model fitted on all the other labels and reported
  apart (`heldout`: `all` pairs, and the pairs whose two mentions reach the default view, `shown`), and so
  by the shipped model (`heldout_shipped`).
* `--sample SEED=CAPTURE.pkl`: a grouping sample's happening keys (`benchmarks/data/grouping_t17_<SEED>.jsonl`,
  every mention of every shown event of 40 unseen articles) as pairs, the mentions read from a capture of it
  (`tools/grouping_sample.py capture`; `same_happening_samples`); samples 2020 and 2121 are held out like the
  hand pairs above (never fitted, reported apart). Not in the shipped model (see BENCHMARKS.md, twenty-first
  session: fitted with samples 1414-1919 it did not join more right than wrong at any threshold).

A logistic regression over `pair_features` is cross-validated grouped by article (leave one
article out): each held-out article is grouped by `events.group.cluster` with a model that never saw
it, and pair precision and recall are counted on its labelled pairs; the same is reported
(`cv_grouping_*`) for the whole grouping the pipeline makes (`events.group.happenings`, which also joins a
borrowed-type mention to the surer mention of its sentence). The join threshold is the
lowest (0.05 steps) whose cross-validated precision of that whole grouping (what the pipeline runs) on
both sets together is at least 0.9, the
goal out of sample (a wrong join loses an event), keeping a quarter of the links; short of it, the one
with the best F0.5. The weights are fitted with the directions `same_happening.FEATURE_SIGNS` fixes.
Figures are printed per source (events-gold by outlet, the hand pairs). Pairs that `same_happening.clash`
rules out are left out of the fit: the grouping never asks the model about them. `--write` ships the model
fitted on all pairs as plain numbers (`src/dateline/data/models/same_happening.json`). The parse-heavy step
is cached (`--cache`).
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dateline.events.group import (
    cluster,
    happenings,
    headline_and_lead,
    mention_cues,
    mentions_of,
    sentence_ordinals,
    ungrouped,
)
from dateline.events.same_happening import (
    FEATURE_SIGNS,
    FEATURE_VERSION,
    MODEL_PATH,
    PairModel,
    clash,
    load_pair_model,
    pair_features,
)
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.model import Article
from dateline.pipeline import process
from dateline.read import read_articles
from same_happening_gold import gold_labels
from same_happening_samples import read_samples

HAND_PAIRS = Path(__file__).resolve().parent / "train_same_happening_pairs.jsonl"
#: Where the grouping samples' keys live (`grouping_t17_<seed>.jsonl`, read by `same_happening_samples`).
SAMPLES = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
#: The source of hand pairs kept out of fitting and threshold choice (outlets no other label comes from).
HELD_OUT = "t17-heldout"
TARGET_PRECISION = 0.9
MIN_RECALL = 0.25
THRESHOLDS = [round(0.05 * k, 2) for k in range(6, 20)]


def parsed_articles(docs: Any) -> list[dict[str, Any]]:
    """Per article: its mentions (one event each), their cues, the headline/lead and the date."""
    out = []
    with ungrouped():
        for doc in docs:
            events = sorted(doc.events, key=lambda e: (e.evidence.trigger_start or 0, e.type))
            ordinals = sentence_ordinals(doc.parsed)
            out.append({"id": doc.article.id, "text": doc.article.text, "date": doc.article.date, "events": events,
                        "outlet": (doc.article.source or "t17").split("/")[0],
                        "cues": [mention_cues(e, doc.parsed, ordinals, doc.timexes, doc.places) for e in events],
                        "lead": headline_and_lead(doc.parsed)})
    return out


def hand_labels(article: dict[str, Any], rows: list[dict[str, Any]]) -> dict[tuple[int, int], bool]:
    """Labels of the hand-labelled pairs of an article, found by trigger offset and type."""
    at = {(e.evidence.trigger_start, e.type): i for i, e in enumerate(article["events"])}
    labels = {}
    for row in rows:
        i, j = at.get((row["a"], row["type"])), at.get((row["b"], row["type"]))
        if i is not None and j is not None:
            labels[(min(i, j), max(i, j))] = bool(row["same"])
    return labels


def collect(gold_path: Path, articles_path: Path, t17: Path) -> list[dict[str, Any]]:
    """The labelled articles of both sources (parsed once; the caller caches them)."""
    gold = {str(g["id"]): g["events"] for g in json.loads(gold_path.read_text(encoding="utf-8"))}
    out = []
    for art in parsed_articles(process(read_articles([articles_path]))):
        labels = gold_labels(art, gold.get(art["id"], []))
        out.append(art | {"source": f"events-gold/{art['outlet']}", "labels": labels})
    rows = [json.loads(line) for line in HAND_PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_article = collections.defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    articles = []
    for article_id in sorted(by_article):
        topic, number = article_id.rsplit("-", 1)
        for line in (t17 / topic / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if str(record["id"]) == number:
                articles.append(Article(id=article_id, date=_day(record["time"]), text=record["text"]))
    for art in parsed_articles(process(articles)):
        rows_of = by_article[art["id"]]
        held = [row.get("sample", HELD_OUT) for row in rows_of if row.get("heldout")]
        source = held[0] if held else "t17-hand"
        out.append(art | {"source": source, "labels": hand_labels(art, rows_of)})
    return out


def _day(value: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value[:10])


def pair_rows(article: dict[str, Any]) -> list[tuple[list[float], bool]]:
    """The features and label of every labelled pair the model decides (of one type and status, no clash)."""
    mentions = mentions_of(article["events"], article["cues"], article["date"])
    rows = []
    for (i, j), same in article["labels"].items():
        a, b = mentions[i], mentions[j]
        features = pair_features(a, b, article["lead"])
        if a.type == b.type and a.status == b.status and not clash(features):
            rows.append((list(features.values()), same))
    return rows


def fit(articles: list[dict[str, Any]]) -> tuple[list[str], list[float], float]:
    """Feature names, weights and intercept of a logistic regression on the articles' labelled pairs, each
    weight held to the direction `same_happening.FEATURE_SIGNS` gives it (0: held at zero)."""
    articles = [art for art in articles if not is_held_out(art)]
    rows = [r for art in articles for r in pair_rows(art)]
    names = _feature_names(articles)
    weights, intercept = _bounded_logistic([f for f, _ in rows], [float(y) for _, y in rows],
                                           [_bounds(FEATURE_SIGNS.get(n)) for n in names])
    return names, weights, intercept


def _bounds(sign: int | None) -> tuple[float | None, float | None]:
    return {1: (0.0, None), -1: (None, 0.0), 0: (0.0, 0.0)}.get(sign, (None, None))  # type: ignore[arg-type]


def _bounded_logistic(x: list[list[float]], y: list[float], bounds: list[tuple[float | None, float | None]],
                      c: float = 1.0) -> tuple[list[float], float]:
    """L2-regularised logistic regression (scikit-learn's objective at C=`c`: half the squared weights plus `c`
    times the log loss, the intercept unpenalised) with box bounds on the weights, by L-BFGS-B."""
    import numpy as np
    from scipy.optimize import minimize

    features, labels = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    signs = 2.0 * labels - 1.0

    def loss(theta: Any) -> tuple[float, Any]:
        w, b = theta[:-1], theta[-1]
        margin = signs * (features @ w + b)
        value = 0.5 * w @ w + c * np.logaddexp(0.0, -margin).sum()
        slope = -c * signs / (1.0 + np.exp(margin))
        return float(value), np.append(w + features.T @ slope, slope.sum())

    start = np.zeros(features.shape[1] + 1)
    found = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=[*bounds, (None, None)])
    return [float(v) for v in found.x[:-1]], float(found.x[-1])


def _feature_names(articles: list[dict[str, Any]]) -> list[str]:
    for art in articles:
        mentions = mentions_of(art["events"], art["cues"], art["date"])
        if len(mentions) >= 2:
            return list(pair_features(mentions[0], mentions[1]).keys())
    raise ValueError("no article with two mentions")


def judged(article: dict[str, Any], model: PairModel, whole: bool = False, shown: bool = False) -> collections.Counter:
    """tp/fp/fn/tn on one article's labelled pairs of the pair model's grouping (`cluster`), or with `whole`
    of the grouping the pipeline makes (`happenings`: borrowed-type mentions joined beside a surer one too);
    with `shown` only the pairs whose two mentions reach the default view."""
    group = happenings if whole else cluster
    groups = group(article["events"], article["cues"], article["date"], article["lead"], model)
    group_of = {i: n for n, (members, *_) in enumerate(groups) for i in members}
    counts: collections.Counter = collections.Counter()
    events = article["events"]
    for (i, j), same in article["labels"].items():
        if shown and min(events[i].confidence, events[j].confidence) < DEFAULT_MIN_CONFIDENCE:
            continue
        joined = group_of[i] == group_of[j]
        counts["tp" if same and joined else "fp" if joined else "fn" if same else "tn"] += 1
    return counts


def figures(counts: collections.Counter) -> dict[str, Any]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"links": tp + fn, "joined": tp + fp, "precision": round(tp / max(tp + fp, 1), 4),
            "recall": round(tp / max(tp + fn, 1), 4)}


Results = dict[float, dict[str, collections.Counter]]


def cross_validate(articles: list[dict[str, Any]]) -> tuple[Results, Results]:
    """Counts per threshold and source, each article grouped by a model fitted without it: of the pair
    model's own grouping (what the threshold is chosen on) and of the pipeline's whole grouping."""
    pairs: Results = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    whole: Results = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for k, held in enumerate(articles):
        if not held["labels"] or is_held_out(held):
            continue
        names, weights, intercept = fit([a for n, a in enumerate(articles) if n != k])
        for threshold in THRESHOLDS:
            model = PairModel(dict(zip(names, weights, strict=True)), intercept, threshold)
            pairs[threshold][held["source"]].update(judged(held, model))
            whole[threshold][held["source"]].update(judged(held, model, whole=True))
    return pairs, whole


def is_held_out(article: dict[str, Any]) -> bool:
    """Whether an article's labels belong to a held-out sample (never fitted, never used for the threshold)."""
    return str(article["source"]).startswith(HELD_OUT)


def held_out(articles: list[dict[str, Any]], threshold: float, model: PairModel | None = None) -> dict[str, Any]:
    """The whole grouping's figures on each held-out sample, by `model` or the one fitted on every other label:
    all its pairs, and those whose two mentions reach the default view (a wrong join there hides a shown event)."""
    if model is None:
        names, weights, intercept = fit(articles)
        model = PairModel(dict(zip(names, weights, strict=True)), intercept, threshold)
    out = {}
    for sample in sorted({art["source"] for art in articles if is_held_out(art)}):
        held = [art for art in articles if art["source"] == sample]
        every = sum((judged(art, model, whole=True) for art in held), collections.Counter())
        shown = sum((judged(art, model, whole=True, shown=True) for art in held), collections.Counter())
        out[sample] = {"all": figures(every), "shown": figures(shown)}
    return out


def _shipped_held_out(articles: list[dict[str, Any]], threshold: float) -> dict[str, Any] | str:
    """The held-out figures of the shipped model, or why there are none (trained on other features)."""
    try:
        model = load_pair_model()
    except ValueError as error:
        return str(error).split(":")[0]
    return held_out(articles, threshold, model)


def choose(results: Results) -> float:
    """The lowest threshold whose pooled precision reaches the target while keeping a quarter of the links;
    short of it, the one with the best F0.5 (precision weighs twice: a wrong join loses an event)."""
    scored = []
    for threshold in THRESHOLDS:
        got = figures(sum(results[threshold].values(), collections.Counter()))
        if got["precision"] >= TARGET_PRECISION and got["recall"] >= MIN_RECALL:
            return threshold
        p, r = got["precision"], got["recall"]
        scored.append((1.25 * p * r / (0.25 * p + r) if p + r else 0.0, -threshold, threshold))
    return max(scored)[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("t17", type=Path, help="the Timeline17 folder (topic/articles.jsonl) of the hand-labelled pairs")
    ap.add_argument("--cache", type=Path, help="pickle of the parsed, labelled articles (reused when present)")
    ap.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    ap.add_argument("--sample", action="append", default=[], metavar="SEED=CAPTURE.pkl",
                    help="a grouping sample's keys as labelled pairs, its mentions from a grouping_sample.py capture")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        articles = pickle.loads(args.cache.read_bytes())
    else:
        articles = collect(args.gold, args.articles, args.t17)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(articles))
    articles += read_samples(args.sample, SAMPLES, HELD_OUT)
    results, whole = cross_validate(articles)
    threshold = choose(whole)
    heldout = held_out(articles, threshold)
    chosen = {source: figures(c) for source, c in sorted(results[threshold].items())}
    pooled = figures(sum(results[threshold].values(), collections.Counter()))
    names, weights, intercept = fit(articles)
    report = {"threshold": threshold, "cv_pooled": pooled, "cv_by_source": chosen,
              "cv_grouping_pooled": figures(sum(whole[threshold].values(), collections.Counter())),
              "cv_grouping_by_source": {source: figures(c) for source, c in sorted(whole[threshold].items())},
              "heldout": heldout, "heldout_shipped": _shipped_held_out(articles, threshold),
              "pairs": {s: sum(len(a["labels"]) for a in articles if a["source"] == s)
                        for s in sorted({a["source"] for a in articles})},
              "weights": {n: round(w, 3) for n, w in zip(names, weights, strict=True)},
              "intercept": round(intercept, 3)}
    print(json.dumps(report))
    if args.write:
        MODEL_PATH.write_text(json.dumps({
            "feature_version": FEATURE_VERSION, "weights": dict(zip(names, weights, strict=True)),
            "intercept": intercept, "threshold": threshold,
            "trained_by": "tools/train_same_happening.py", "cv": {"pooled": pooled, "by_source": chosen},
            "heldout": heldout,
            "training_pairs": report["pairs"]}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
