"""Compare event model pairs (detector and verifier) on the evaluation sets, from parses made once.

    .venv/bin/python benchmarks/event_models.py MODELS [MODELS ...] [--min-confidence 0.35] [--news-pool 5-9]

Each MODELS folder holds an `event_detector` and an `event_verifier` (`src/dateline/data/models` is the shipped
pair; a training run's `--out` another). Every set is parsed and run through the stages once, with the lexicon
alone (cached under `$DATELINE_CACHE/event-models/`); each pair then codes the cached documents again with its
detector and verifies them with its verifier, so a comparison costs minutes, not a `benchmarks/events.py` run.
Per pair, at the fixed view 0.35 (or `--min-confidence`) and at the verifier's own view (`view`: stored with it by
the training script, `tools/model_view.py`; keys ending `_at_view`, and the news keys named by that threshold), so a
retrain is judged at its own operating point as well as at the old one: false alarms on MUC-4 no-incident
documents and CrisisLex disaster tweets (`event_sets`), the short reports' found and false-alarm shares
(`short_reports`), GSR type F1 (`events`), RAMS recall, WikiEvents recall and precision. The detector is the
pair's own everywhere (on RAMS and WikiEvents, which both models learn from, the figures are in-sample; MUC-4,
the CrisisLex test tweets, the short reports and the GSR are out of sample). Unseen news: the `heldout` half of
the hand-labelled candidates of whole GWN and T17 articles (`tools/news_candidates.jsonl`, eight draws of 24
articles a draw), at 0.35 and 0.45 and the threshold given: of the shown events on a labelled trigger, the share
that is a real political event of the shown type and status (`news_precision_*`, with `news_shown_*` its n and
`news_interval_*` its Wilson 95 % interval), of the labelled factual events the share shown so (`news_found_*`),
and how many shown events sit on no labelled trigger (another detector's proposals, not judged); for all draws
together (`news_*`), each alone (`news_round<r>_*`, as many as the label file holds) and rounds 1-3 together
(`news_rounds1to3_*`, the `news_*` of every session before round 4 was added), and each span of rounds asked for with
`--news-pool 5-8` together (`news_rounds5to8_*`: a pooled figure, such as the rounds no rule and no map saw, from
this command and not a script of one's own); the calibration error of the events' confidence in five bands likewise
(`news_ece`, `news_round<r>_ece`, `news_rounds1to3_ece`, `news_rounds5to8_ece`). `--news-split all` judges
both halves: honest only for the rounds whose `train` half the pair never saw (read `news_round<r>_*` of those
alone; the shipped pair of 3efa4ff saw no line of round 3). events-gold is not here: its honest figure is the
recipe's cross-validation (`train_event_model.py`, `benchmarks/events.py`).

One JSON line per pair on stdout; `--news-only` gives the unseen-news figures alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import event_sets as sets
import events as gsr
import short_reports as shorts
from cache_keys import DOCUMENT_FORM, cache_folder, cached_document, document_from_cache, pipeline_fingerprint
from dateline.events import detect, linear, verify
from dateline.events.detect import using_detector
from dateline.events.group import grouping
from dateline.events.linear import LinearModel
from dateline.events.verify import unverified, using_verifier, verify_events
from dateline.events.view import FALLBACK_VIEW, view_of
from dateline.model import Article, Document
from dateline.nlp import load_model
from dateline.pipeline import process
from detector_sources import recode
from event_sources import news_labeller
from news_candidates import article, default_shared, label_round, read_labels
from verifier_figures import reliability

#: The rounds of the news candidates judged together as `news_*` until the eighteenth session added round 4 (drawn
#: to calibrate on: `news_candidates.py`); their figure stays reported as `news_rounds1to3_*`, comparable.
EARLIER_ROUNDS = 3
#: A verifier alone, or with its refiner (the cascade's second stage, None when the folder has none).
Verifier = LinearModel | tuple[LinearModel, LinearModel | None]


def cached_documents(name: str, articles: list[Article]) -> list[Document]:
    """The articles through every stage with the lexicon alone (no detector, no verifier), parses kept on them;
    cached by the articles' ids and texts and the package's code and data (`pipeline_fingerprint`).

    Always read back from the cache, even in the run that writes it, so that every pair is judged on the same
    documents. The stored copy once lost its actors' dictionary entries (JSON leaves them out), so the first pair
    of the first run, judged on fresh documents, scored otherwise than every later pair (shipped pair, unseen news
    at 0.35: 0.382 of 68 shown against 0.379 of 66; RAMS 0.533 against 0.552); `cache_keys.cached_document` now
    keeps them, and a stored document is coded as a fresh one is."""
    from spacy.tokens import DocBin

    key = hashlib.sha256(("".join(a.id + "\0" + a.text for a in articles) + pipeline_fingerprint()
                          + str(DOCUMENT_FORM)).encode()
                         ).hexdigest()[:12]
    base = cache_folder().parent / "event-models" / f"{name}-{key}"
    paths = [base.with_suffix(s) for s in (".spacy", ".jsonl")]
    if not all(p.exists() for p in paths):
        with unverified(), using_detector(None):
            made = list(process(articles, article_seconds=0))
        base.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=[d.parsed for d in made], store_user_data=False).to_disk(paths[0])
        paths[1].write_text("".join(json.dumps(cached_document(d)) + "\n" for d in made), encoding="utf-8")
    parses = list(DocBin().from_disk(paths[0]).get_docs(load_model().vocab))
    lines = paths[1].read_text(encoding="utf-8").splitlines()
    return [document_from_cache(json.loads(line), parsed) for line, parsed in zip(lines, parses, strict=True)]


def coded(docs: list[Document], detector: LinearModel, verifier: Verifier) -> list[Document]:
    """The documents coded again by the lexicon and `detector`, in `extract`'s order: each mention verified by
    `verifier` (a model, or a verifier with its refiner: the cascade's two stages), then grouped
    (`event_sets.grouped_copy`, as `benchmarks/events.py`'s CV does).

    Coded with grouping on and verified after, each group was formed on the lexicon's confidences, which rise with
    the parties found, and then took the verifier's score of that one mention: an ASSAULT told as fact four times
    took the score of its one mention with a party, a suspicion's clause (WikiEvents, 0.663 -> 0.227)."""
    with unverified(), grouping.off():
        raw = recode([replace(d, events=[]) for d in docs], [detector] * 5)
    with using_verifier(*(verifier if isinstance(verifier, tuple) else (verifier,))):
        return [sets.grouped_copy(verify_events(replace(d, events=list(d.events)))) for d in raw]


def short_report_figures(detector: LinearModel, verifier: Verifier, views: dict[str, float]) -> dict[str, Any]:
    """Found and false-alarm shares of the short reports at each view of `views` (key suffix -> threshold)."""
    reports = shorts.load_reports()
    articles = [Article(id=r["id"], date=dt.date.fromisoformat(r["date"]), text=r["text"]) for r in reports]
    docs = coded(cached_documents("short", articles), detector, verifier)
    out: dict[str, Any] = {}
    for suffix, threshold in views.items():
        got = shorts.score(reports, docs, threshold)
        out |= {f"short_found{suffix}": got["found"], f"short_false_alarm{suffix}": got["false_alarm"]}
    return out


def gsr_type_f1(detector: LinearModel, verifier: Verifier, views: dict[str, float]) -> dict[str, float]:
    """Type micro-F1 of the factual events at or above each view of `views` on the PLOVER gold-standard sentences,
    keyed `gsr_type_f1` plus the view's suffix."""
    gold = gsr.load_gold(gsr.GSR)
    articles = [Article(id=g["id"], date=gsr.DCT, text=g["text"]) for g in gold]
    docs = coded(cached_documents("gsr", articles), detector, verifier)
    out = {}
    for suffix, threshold in views.items():
        counts: Counter = Counter()
        for g, doc in zip(gold, docs, strict=True):
            shown = [e for e in doc.events if not e.negated and not e.hypothetical and e.confidence >= threshold]
            gsr.count_types(g, shown, counts, "type")
        out[f"gsr_type_f1{suffix}"] = gsr.f1(counts["type_tp"], counts["type_fp"], counts["type_fn"])["f1"]
    return out


def news_figures(detector: LinearModel, verifier: Verifier, thresholds: list[float],
                 split: str = "heldout", pools: tuple[tuple[int, int], ...] = ()) -> dict[str, Any]:
    """Precision (with its Wilson interval), found share and unjudged count of the shown events on the labelled
    news articles of `split` ("heldout", or "all" for both halves): of every draw together (`news_*`), of each
    draw alone (`news_round<r>_*`, round 1 the seventh session's) and of each span of rounds in `pools`."""
    labels = labels_of_split(read_labels(), split)
    ids = sorted({item["article"] for item in labels})
    docs = coded(cached_documents(f"news-{split}", [article(default_shared(), i) for i in ids]), detector, verifier)
    out: dict[str, Any] = {}
    for prefix, subset in news_parts(labels, pools).items():
        chosen = {item["article"] for item in subset}
        out[f"news_{prefix}articles"] = len(chosen)
        for t in sorted(set(thresholds)):
            got = judged_news([d for d in docs if d.article.id in chosen], subset, t)
            got["interval"] = wilson_interval(got.pop("right"), got["shown"])
            out.update({f"news_{prefix}{k}_{t}": v for k, v in got.items()})
        out[f"news_{prefix}ece"] = news_reliability([d for d in docs if d.article.id in chosen], subset)[1]
    out["news_reliability"] = news_reliability(docs, labels)[0]
    return out


def news_reliability(docs: list[Document], labels: list[dict[str, Any]], bands: int = 5
                     ) -> tuple[list[dict[str, Any]], float]:
    """How often the events of each confidence band are right on the labelled news (every event judged as
    `judged_news` judges it, whatever its confidence; those on no labelled trigger left out): the reliability table
    and its calibration error, in `bands` bands (a few hundred events: ten bands are mostly noise)."""
    pairs = []
    for doc in docs:
        label = news_labeller([item for item in labels if item["article"] == doc.article.id])
        for event in doc.events:
            said = [x for x in (label(replace(event, evidence=m)) for m in [event.evidence, *event.mentions])
                    if x is not None]
            if said:
                pairs.append((event.confidence, said[0] == event.type))
    return reliability(pairs, bands)


def wilson_interval(right: int, n: int, z: float = 1.96) -> list[float]:
    """The Wilson score interval (95 % at the default z) of a share `right` of `n`: unlike the normal one it stays
    inside [0, 1] and is honest at the few dozen judged events a round gives; [0, 1] when nothing was judged."""
    if n == 0:
        return [0.0, 1.0]
    share, spread = right / n, z * z / n
    centre = (share + spread / 2) / (1 + spread)
    half = z * ((share * (1 - share) + spread / 4) / n) ** 0.5 / (1 + spread)
    return [round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)]


def labels_of_split(labels: list[dict[str, Any]], split: str) -> list[dict[str, Any]]:
    """The labels of one half ("train", "heldout") or of both ("all": for rounds the pair never saw a line of)."""
    return [item for item in labels if split == "all" or item["split"] == split]


def news_parts(labels: list[dict[str, Any]], pools: tuple[tuple[int, int], ...] = ()
               ) -> dict[str, list[dict[str, Any]]]:
    """The labels judged together (key "") and each draw's alone (key "round<r>_"), so a figure can be compared
    with the one its round gave before another round was added; with a round after `EARLIER_ROUNDS`, also those
    rounds together (key "rounds1to3_"), the figure every session before the fourth round reported as `news_*`;
    and the rounds `first`-`last` of each pool in `pools` together (key "rounds<first>to<last>_")."""
    rounds = sorted({label_round(item) for item in labels})
    parts = {"": labels} | {f"round{r}_": [item for item in labels if label_round(item) == r] for r in rounds}
    if rounds and rounds[-1] > EARLIER_ROUNDS:
        parts[f"rounds1to{EARLIER_ROUNDS}_"] = [item for item in labels if label_round(item) <= EARLIER_ROUNDS]
    for first, last in pools:
        parts[f"rounds{first}to{last}_"] = [item for item in labels if first <= label_round(item) <= last]
    return parts


def round_span(text: str) -> tuple[int, int]:
    """A `--news-pool` span, "5-8", as (5, 8); refused unless it is two round numbers in order."""
    first, sep, last = text.partition("-")
    if not (sep and first.isdigit() and last.isdigit() and int(first) <= int(last)):
        raise argparse.ArgumentTypeError(f"a span of rounds is FIRST-LAST, such as 5-8 (got {text!r})")
    return int(first), int(last)


def judged_news(docs: list[Document], labels: list[dict[str, Any]], threshold: float) -> dict[str, Any]:
    """The shown events (confidence at or above `threshold`) judged by the labelled trigger one of their mentions
    sits on: `precision` the share whose type is the label (a fact shown for a negated, hypothetical or future
    happening is wrong), `found` the share of labelled factual events some shown event carries with the right
    type, `shown`, `right` and `unjudged` (on no labelled trigger) the counts."""
    shown = right = unjudged = 0
    found: set[tuple[str, int]] = set()
    for doc in docs:
        label = news_labeller([item for item in labels if item["article"] == doc.article.id])
        for event in (e for e in doc.events if e.confidence >= threshold):
            mentions = [event.evidence, *event.mentions]
            said = [label(replace(event, evidence=m)) for m in mentions]
            judged = [x for x in said if x is not None]
            if not judged:
                unjudged += 1
                continue
            shown += 1
            right += judged[0] == event.type
            found |= {(doc.article.id, m.trigger_start or 0) for m, x in zip(mentions, said, strict=True)
                      if x == event.type}
    true = {(i["article"], i["trigger_span"][0]) for i in labels if i["label"] != verify.NONE and i["status"] == "fact"}
    return {"precision": round(right / max(shown, 1), 3), "found": round(len(found & true) / max(len(true), 1), 3),
            "shown": shown, "right": right, "unjudged": unjudged}


def pair_figures(folder: Path, threshold: float, news_only: bool = False, news_split: str = "heldout",
                 news_pools: tuple[tuple[int, int], ...] = ()) -> dict[str, Any]:
    """Every figure of the pair in `folder` at `threshold` and at the verifier's own view (`view`, stored with it
    by the training script; `FALLBACK_VIEW` for a verifier trained before views were stored), the latter's keys
    ending `_at_view` (the unseen-news ones alone when `news_only`, whose keys name their threshold), the news
    judged on the labelled articles of `news_split`, with the pooled rounds of `news_pools`."""
    detector = linear.read_model(folder, detect.MODEL_NAME, detect.FEATURE_VERSION)
    verifier = (linear.read_model(folder, verify.MODEL_NAME, verify.FEATURE_VERSION),
                linear.installed_model(folder, verify.REFINER_NAME, verify.FEATURE_VERSION))
    stored = view_of(verifier[0].meta)
    own = FALLBACK_VIEW if stored is None else stored
    views = {"": threshold, "_at_view": own}
    out: dict[str, Any] = {"models": str(folder), "min_confidence": threshold, "view": own,
                           "view_stored": stored is not None}
    news_at = [FALLBACK_VIEW, 0.45, threshold, own]
    if news_only:
        return out | news_figures(detector, verifier, news_at, news_split, news_pools)
    for name, load in (("muc4_false_alarm", sets.muc_articles), ("crisislex_false_alarm", sets.crisis_tweet_articles)):
        docs = coded(cached_documents(name, load(0)), detector, verifier)
        out |= {f"{name}{suffix}": sets.alarm_rate(docs, t)["false_alarm_rate"] for suffix, t in views.items()}
    out.update(short_report_figures(detector, verifier, views))
    out.update(news_figures(detector, verifier, news_at, news_split, news_pools))
    out.update(gsr_type_f1(detector, verifier, views))
    for name, load, judged in (("rams", sets.rams_articles, None),
                               ("wikievents", sets.wikievents_articles, sets.KAIROS_TYPES)):
        articles, golds = load(0)
        docs = coded(cached_documents(name, articles), detector, verifier)
        for suffix, t in views.items():
            found = sets.found_at(docs, golds, t, judged)
            out[f"{name}_recall{suffix}"] = found["recall"]
            if judged:
                out[f"{name}_precision{suffix}"] = found["precision"]
    return out


def main() -> None:
    """Print one JSON line of figures per model folder given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", type=Path, nargs="+", help="folders with event_detector.* and event_verifier.*")
    parser.add_argument("--min-confidence", type=float, default=FALLBACK_VIEW,
                        help=f"the fixed view every pair is judged at beside its own (default {FALLBACK_VIEW}, the "
                             "one every session before the twenty-second used)")
    parser.add_argument("--news-only", action="store_true",
                        help="only the unseen-news figures (a few minutes, not the dev sets)")
    parser.add_argument("--news-split", choices=("heldout", "all"), default="heldout",
                        help="judge the held-out half of every round (default) or both halves (honest only for "
                             "rounds the pair saw no line of)")
    parser.add_argument("--news-pool", type=round_span, action="append", default=[], metavar="FIRST-LAST",
                        help="also judge rounds FIRST to LAST together (news_rounds<FIRST>to<LAST>_*); repeatable")
    args = parser.parse_args()
    for folder in args.models:
        figures = pair_figures(folder, args.min_confidence, args.news_only, args.news_split, tuple(args.news_pool))
        print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    sys.exit(main())
