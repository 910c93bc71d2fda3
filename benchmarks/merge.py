"""Cross-article merging on Timeline17: how much merging reduces, how right it is, and how fast it stays.

Ingests the T17 topics (each `TOPIC/articles.jsonl`; article ids are made unique as `TOPIC/ID`
and the outlet, the part of the topic name after `_`, becomes the article's source) into a new
DuckDB store and prints one JSON line with:

* article-level events (before merging), their mentions, merged events (after), the reduction
  against mentions (goal >= 30%), mentions and articles per merged event, per topic family. Two views:
  `reduction_vs_mentions` counts every stored event, whatever its confidence or status (what
  `dateline events --min-confidence 0 --all` lists); `listed_reduction_vs_mentions` counts what a user is shown by
  default (the merged events `dateline events`, exports and the API list: those holding a fact at or above
  `DEFAULT_MIN_CONFIDENCE`) against the mentions of the facts shown;
* merge time per 1,000 articles (the time spent in `merge_new_events` inside the batches' writes), wall and
  CPU (on shared cores the wall time mostly measures the load);
* merge precision and recall (plain, and weighted by stratum population) on the hand-labelled pairs of
  `benchmarks/data/merge_pairs.jsonl` (first sample), `merge_pairs_population.jsonl` (a stratified
  sample of every candidate pair), `merge_pairs_background.jsonl` (a stratified sample of the pairs
  the background reach added), `merge_pairs_past_day.jsonl` (of the pairs retelling one past day),
  `merge_pairs_disputed.jsonl` (of the links two link models dispute: `merge_disputed`),
  `merge_pairs_unsure_1515.jsonl` (one act just short of a link: `merge_missed.unsure_pairs`),
  `merge_paraphrases_18.jsonl` (the low-link paraphrases, by merged events: `merge_paraphrases`; goals 0.9, 0.7) and
  `merge_paraphrases_1820.jsonl` (a fresh draw of them, held out from the feature read from the first), each
  side found by its anchor (`merge_anchors`); `--draw-pairs FILE` draws a new population sample into FILE instead
  (`--past-days`: a past-day sample; see `merge_pairs.draw_pairs`); `--missed` lists the labelled same pairs kept
  apart, with why; and on the merged events of `merge_events_1515.jsonl` labelled to join another (`merge_events`),
  how many the store joins, by mechanism, and the merged events estimated still to remove;
* incremental ingest time per article at 1k, 10k and 100k stored events (`--sizes`; alone with
  `--incremental-only`): a store is filled with synthetic events (`merge_incremental`, written as an
  ingest writes them) and then real articles are added one at a time.

Processing the articles is the slow part (about 0.3-2 articles/s): `--cache DIR` keeps the output of
`dateline extract` per topic (`TOPIC.jsonl`, or `TOPIC.*.jsonl` for a part of a topic) and reads it
back instead; topics without a cache file are processed and cached.

    .venv/bin/python benchmarks/merge.py --cache /tmp/merge15/t17 [--topics bpoil_bbc ...] [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import dateline.store.sql as store_sql
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.merge import mention_counts
from dateline.model import Document, event_id
from dateline.store import EventFilter, open_store
from merge_anchors import read_labels
from merge_events import event_scores
from merge_incremental import incremental
from merge_pairs import draw_pairs, missed_pairs, pair_scores

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"
#: The labelled pairs scored: the first sample (merged pairs and near misses, by the rules' author) and the
#: population sample (every candidate pair, stratified by sentence similarity; also the link model's training data).
PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs.jsonl"
POPULATION_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_population.jsonl"
#: Pairs the background reach added (merge spans overlap, own date spans do not), drawn and labelled the same way.
BACKGROUND_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_background.jsonl"
#: Pairs retelling one past day (`merge_pairs.past_day`), drawn and labelled the same way (twelfth session).
PAST_DAY_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_past_day.jsonl"
#: Links the shipped model of the twelfth session made and its retrain did not (`merge_disputed`, thirteenth session).
DISPUTED_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_disputed.jsonl"
#: Pairs of one act the shipped model weighed just short of a link (`merge_missed.unsure_pairs`, fifteenth session).
UNSURE_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_unsure_1515.jsonl"
#: The low-link paraphrases, one pair per merged event, labelled cold (`merge_paraphrases`, eighteenth session).
PARAPHRASE_PAIRS = Path(__file__).resolve().parent / "data" / "merge_paraphrases_18.jsonl"
#: A fresh draw of the same population (seed 1820), labelled before `dated_to_page_day` was read: its held-out check.
HELD_OUT_PARAPHRASE_PAIRS = Path(__file__).resolve().parent / "data" / "merge_paraphrases_1820.jsonl"
#: Merged events drawn and labelled by whether they should have joined another (`merge_events`, fifteenth session).
EVENT_SAMPLES = (Path(__file__).resolve().parent / "data" / "merge_events_1515.jsonl",)
#: The confidence from which `dateline events` lists an event by default (the verifier's threshold).
LISTED = DEFAULT_MIN_CONFIDENCE


def renamed(doc: Document, topic: str) -> Document:
    """The document with a corpus-unique article id (`TOPIC/ID`), its outlet as source, and event ids to match."""
    aid = f"{topic}/{doc.article.id}"
    doc.article.id, doc.article.source = aid, topic.rsplit("_", 1)[-1]
    for ev in doc.events:
        ev.id = event_id(aid, ev.type, ev.evidence.trigger_start, ev.evidence.start)
        ev.article_id, ev.article_date = aid, doc.article.date
    return doc


def cached_documents(cache: Path, topics: list[str]) -> dict[str, list[Document]]:
    """Each topic's processed documents, read from the cache (processing and caching what is missing)."""
    out: dict[str, list[Document]] = {}
    for topic in topics:
        files = sorted(cache.glob(f"{topic}.jsonl")) or sorted(cache.glob(f"{topic}.*.jsonl"))
        if not files:
            files = [_process_topic(cache, topic)]
        lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        out[topic] = [renamed(Document.from_json(json.loads(line)), topic) for line in lines]
    return out


def _process_topic(cache: Path, topic: str) -> Path:
    from dateline.pipeline import process
    from dateline.read import ReadReport, read_articles

    target = cache / f"{topic}.jsonl"
    docs = process(read_articles([T17 / topic / "articles.jsonl"], ReadReport()))
    target.write_text("".join(json.dumps(d.to_json()) + "\n" for d in docs), encoding="utf-8")
    return target


class MergeTimer:
    """Seconds spent merging, wall and CPU (this process's, DuckDB's threads included: on shared cores the wall time
    mostly measures the load): wraps the store's call of `merge_new_events` for the benchmark's run."""

    def __init__(self) -> None:
        self.seconds = self.cpu_seconds = 0.0
        self._inner = store_sql.merge_new_events

    def __enter__(self) -> MergeTimer:
        def timed(*args: object) -> int:
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return self._inner(*args)
            finally:
                self.seconds += time.perf_counter() - start
                self.cpu_seconds += time.process_time() - start_cpu
        store_sql.merge_new_events = timed
        return self

    def __exit__(self, *exc: object) -> None:
        store_sql.merge_new_events = self._inner


def ingest_all(db: Path, docs: list[Document], batch: int = 32,
               newest_first: bool = False) -> tuple[float, float, float]:
    """Store the documents in batches, in date order as a feed would bring them (or newest first); (total, merge,
    merge CPU) seconds."""
    ordered = sorted(docs, key=lambda d: (d.article.date, d.article.id), reverse=newest_first)
    with open_store(db) as store, MergeTimer() as timer:
        start = time.perf_counter()
        for i in range(0, len(ordered), batch):
            store.add(ordered[i:i + batch])
        return time.perf_counter() - start, timer.seconds, timer.cpu_seconds


#: What must not depend on the order articles came in: each event's merged event, why it joined, its counts; the links.
MERGE_STATE = ("SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources FROM events ORDER BY id",
               "SELECT a, b, reason FROM event_links ORDER BY a, b")


def order_check(db: Path, docs: list[Document], tmp: Path) -> dict[str, int]:
    """Ingest the documents again newest first in batches of 20 (the benchmark's run: oldest first, 32) and count the
    rows of `MERGE_STATE` that differ from `db`'s (0 and 0: the merge did not depend on the order)."""
    other = tmp / "newest-first.duckdb"
    ingest_all(other, docs, batch=20, newest_first=True)
    with open_store(db, read_only=True) as first, open_store(other, read_only=True) as second:
        return {name: len(set(first.rows(sql)) ^ set(second.rows(sql)))
                for name, sql in zip(("events_differing", "links_differing"), MERGE_STATE, strict=True)}


def reduction(db: Path, docs: dict[str, list[Document]]) -> dict[str, object]:
    """Events before and after merging, overall and per topic family (the part before `_`)."""
    with open_store(db, read_only=True) as store:
        merged = store.events(EventFilter(include_negated=True))
        listed = store.events(EventFilter(min_confidence=LISTED))
    families: dict[str, Counter[str]] = {}
    for topic, topic_docs in docs.items():
        fam = families.setdefault(topic.split("_")[0], Counter())
        fam["articles"] += len(topic_docs)
        fam["events_before"] += sum(len(d.events) for d in topic_docs)
        fam["mentions"] += sum(max(len(e.mentions), 1) for d in topic_docs for e in d.events)
        shown = [e for d in topic_docs for e in d.events if e.confidence >= LISTED and e.status == "fact"]
        fam["listed_before"] += len(shown)
        fam["listed_mentions"] += sum(max(len(e.mentions), 1) for e in shown)
    for ev in merged:
        families[(ev.article_id or "?").split("_")[0]]["events_after"] += 1
    for ev in listed:
        families[(ev.article_id or "?").split("_")[0]]["listed_after"] += 1
    total: Counter[str] = sum(families.values(), Counter())
    counts = [mention_counts(ev) for ev in merged]

    def summary(c: Counter[str]) -> dict[str, object]:
        return {**c, "reduction_vs_mentions": round(1 - c["events_after"] / max(c["mentions"], 1), 3),
                "listed_reduction_vs_mentions": round(1 - c["listed_after"] / max(c["listed_mentions"], 1), 3)}

    return {**summary(total), "mentions_per_event": round(sum(c.mentions for c in counts) / max(len(counts), 1), 3),
            "articles_per_event": round(sum(c.articles for c in counts) / max(len(counts), 1), 3),
            "merged_events_of_2plus_articles": sum(c.articles > 1 for c in counts),
            "by_family": {name: summary(c) for name, c in sorted(families.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True, help="folder of `dateline extract` output per topic")
    ap.add_argument("--topics", nargs="*", help="T17 topics (default: every topic with a cache file)")
    ap.add_argument("--draw-pairs", type=Path, help="draw a population sample of pairs into this file, unlabelled")
    ap.add_argument("--past-days", action="store_true",
                    help="with --draw-pairs: only pairs retelling one past day (merge_pairs.PAST_DAY_STRATA)")
    ap.add_argument("--seed", type=int, default=2711, help="with --draw-pairs: the draw's seed")
    ap.add_argument("--pairs", type=Path, nargs="*", help="labelled pair files",
                    default=[PAIRS, POPULATION_PAIRS, BACKGROUND_PAIRS, PAST_DAY_PAIRS, DISPUTED_PAIRS, UNSURE_PAIRS,
                             PARAPHRASE_PAIRS, HELD_OUT_PARAPHRASE_PAIRS])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    ap.add_argument("--probes", type=int, default=20, help="articles timed at each store size")
    ap.add_argument("--near", type=int, help="synthetic events in the years of the articles timed (default: all)")
    ap.add_argument("--db", type=Path, help="keep the merged store here (default: a temporary file)")
    ap.add_argument("--missed", action="store_true", help="list the labelled same pairs kept apart, and why (stderr)")
    ap.add_argument("--incremental-only", action="store_true", help="only the incremental ingest times (--sizes)")
    ap.add_argument("--order-check", action="store_true",
                    help="ingest again newest first in other batches and count the merge rows that differ")
    args = ap.parse_args()
    topics = args.topics or sorted({p.name.split(".")[0] for p in args.cache.glob("*.jsonl")})
    docs = cached_documents(args.cache, topics)
    flat = [d for topic_docs in docs.values() for d in topic_docs]
    if args.incremental_only:
        incremental_seconds = incremental(args.sizes, flat, args.probes, args.near)
        print(json.dumps({"benchmark": "merge", "incremental_seconds_per_article": incremental_seconds}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "t17.duckdb"
        if db.exists():
            db.unlink()
        total, merging, merging_cpu = ingest_all(db, flat)
        result: dict[str, object] = {"benchmark": "merge", "topics": topics, "default_view": LISTED,
                                     **reduction(db, docs),
                                     "store_seconds_per_1000_articles": round(1000 * total / len(flat), 2),
                                     "merge_seconds_per_1000_articles": round(1000 * merging / len(flat), 2),
                                     "merge_cpu_seconds_per_1000_articles": round(1000 * merging_cpu / len(flat), 2)}
        if args.draw_pairs:
            pairs = draw_pairs(db, seed=args.seed, past_days=args.past_days)
            args.draw_pairs.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs),
                                       encoding="utf-8")
            print(f"{len(pairs)} pairs drawn into {args.draw_pairs}; label them (same/different)", file=sys.stderr)
        for path in (p for p in args.pairs if p.exists()):
            pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            result[f"pairs:{path.name}"] = pair_scores(db, pairs)
            if args.missed:
                result[f"missed:{path.name}"] = dict(missed_pairs(db, pairs))
        for path in (p for p in EVENT_SAMPLES if p.exists()):
            result[f"events:{path.name}"] = event_scores(read_labels(path), db)
        if args.order_check:
            result["order_check"] = order_check(db, flat, Path(tmp))
    if args.sizes:
        result["incremental_seconds_per_article"] = incremental(args.sizes, flat, args.probes, args.near)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
