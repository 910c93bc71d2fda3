"""Cross-article merging on Timeline17: how much merging reduces, how right it is, and how fast it stays.

Ingests the T17 topics (each `TOPIC/articles.jsonl`; article ids are made unique as `TOPIC/ID`
and the outlet, the part of the topic name after `_`, becomes the article's source) into a new
DuckDB store and prints one JSON line with:

* article-level events (before merging), their mentions, merged events (after), the reduction
  against mentions (goal >= 30%), mentions and articles per merged event, per topic family;
* merge time per 1,000 articles (the time spent in `merge_new_events` inside the batches' writes), wall and
  CPU (on shared cores the wall time mostly measures the load);
* merge precision and recall (plain, and weighted by stratum population) on the hand-labelled pairs of
  `benchmarks/data/merge_pairs.jsonl` (first sample), `merge_pairs_population.jsonl` (a stratified
  sample of every candidate pair) and `merge_pairs_background.jsonl` (a stratified sample of the pairs
  the background reach added; goals 0.9 and 0.7); `--draw-pairs FILE` draws a new population
  sample into FILE instead (see `draw_pairs`); `--missed` lists the labelled same pairs kept apart, with why;
* incremental ingest time per article at 1k, 10k and 100k stored events (`--sizes`; alone with
  `--incremental-only`): a store is filled with synthetic events (`synthetic_document`, written as an
  ingest writes them) and then real articles are added one at a time.

Processing the articles is the slow part (about 0.3-2 articles/s): `--cache DIR` keeps the output of
`dateline extract` per topic (`TOPIC.jsonl`, or `TOPIC.*.jsonl` for a part of a topic) and reads it
back instead; topics without a cache file are processed and cached.

    .venv/bin/python benchmarks/merge.py --cache /tmp/merge15/t17 [--topics bpoil_bbc ...] [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import dateline.store.sql as store_sql
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.merge import conflict_reason, link_probability, mention_counts, sentence_similarity
from dateline.merge.rules import shared_parties
from dateline.model import Article, Document, Event, Evidence, Location, Party, event_id
from dateline.store import EventFilter, open_store
from dateline.store.rows import document_rows, stored_event, table_columns
from dateline.store.sql import SQLStore

T17 = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "t17"
#: The labelled pairs scored: the first sample (merged pairs and near misses, by the rules' author) and the
#: population sample (every candidate pair, stratified by sentence similarity; also the link model's training data).
PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs.jsonl"
POPULATION_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_population.jsonl"
#: Pairs the background reach added (merge spans overlap, own date spans do not), drawn and labelled the same way.
BACKGROUND_PAIRS = Path(__file__).resolve().parent / "data" / "merge_pairs_background.jsonl"
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


#: Strata of the population sample: (name, lowest Dice of the two sentences, below which, pairs drawn). Below 0.1
#: the pairs are also split by whether any party is shared, so the few same pairs there have a smaller haystack.
STRATA = (("dice<0.1,no-shared-party", 0.0, 0.1, 25), ("dice<0.1,shared-party", 0.0, 0.1, 25),
          ("dice 0.1-0.2", 0.1, 0.2, 30), ("dice 0.2-0.3", 0.2, 0.3, 30), ("dice 0.3-0.5", 0.3, 0.5, 30),
          ("dice 0.5-0.8", 0.5, 0.8, 25), ("dice>=0.8", 0.8, 1.01, 20))


def _stratum(first: Event, second: Event) -> str:
    dice = sentence_similarity(first.evidence.sentence, second.evidence.sentence)
    name = next(name for name, low, high, _ in STRATA[1:] if low <= dice < high)
    if name.startswith("dice<0.1"):
        name = "dice<0.1,shared-party" if shared_parties(first, second) else "dice<0.1,no-shared-party"
    return name


def draw_pairs(db: Path, seed: int = 2711) -> list[dict[str, object]]:
    """A stratified random sample of the whole candidate population, for labelling by hand.

    The population is every pair of events of different articles with the same type whose merge spans
    overlap, or that print one sentence up to `COPY_DAYS` apart (what the candidate index offers: pairs sharing a
    key, merged or not). It is split into `STRATA` by the Dice similarity of the two evidence sentences, and each
    stratum is sampled uniformly (seeded); each record keeps its stratum's population, so population-weighted
    figures estimate the whole.
    """
    with open_store(db, read_only=True) as store:
        pairs = store.rows("SELECT DISTINCT x.event_id, y.event_id FROM merge_keys x JOIN merge_keys y "
                           "ON x.window_key = y.window_key AND x.lo <= y.hi AND y.lo <= x.hi "
                           "AND x.event_id < y.event_id "
                           "JOIN events ex ON ex.id = x.event_id JOIN events ey ON ey.id = y.event_id "
                           "WHERE ex.article_id <> ey.article_id ORDER BY x.event_id, y.event_id")
        events = {row[0]: stored_event(*row[1:]) for row in store.rows(
            "SELECT e.id, e.event, e.article_id, a.date, a.title FROM events e JOIN articles a ON a.id = e.article_id")}
    strata: dict[str, list[tuple[str, str]]] = {}
    for a, b in pairs:
        strata.setdefault(_stratum(events[a], events[b]), []).append((a, b))
    rng = random.Random(seed)
    out = []
    for name, _, _, n in STRATA:
        for a, b in rng.sample(strata.get(name, []), min(n, len(strata.get(name, [])))):
            rec: dict[str, object] = {"pair": f"{a}:{b}", "stratum": name, "population": len(strata[name])}
            for side, key in (("a", a), ("b", b)):
                event = events[key].to_json(with_article=True)
                event.pop("mentions", None)
                rec[side] = {"event": key, "article": events[key].article_id, "json": event}
            rec["label"] = None
            out.append(rec)
    return out


def pair_scores(db: Path, pairs: list[dict[str, object]]) -> dict[str, object]:
    """Merge precision and recall on the labelled pairs (label `same` or `different`).

    Plain figures count each labelled pair once; `weighted` ones weight each pair by its stratum's
    population over the pairs labelled in it, estimating the figures over all candidate pairs.
    """
    with open_store(db, read_only=True) as store:
        merged_of = dict(store.rows("SELECT id, merged_id FROM events"))
    labelled = [r for r in pairs if r.get("label") in ("same", "different")
                and r["a"]["event"] in merged_of and r["b"]["event"] in merged_of]  # type: ignore[index]
    drawn = Counter(str(r["stratum"]) for r in labelled)
    plain: Counter[str] = Counter()
    weighted: Counter[str] = Counter()
    for rec in labelled:
        predicted = merged_of[rec["a"]["event"]] == merged_of[rec["b"]["event"]]  # type: ignore[index]
        outcome = ("tp" if rec["label"] == "same" else "fp") if predicted else (
            "fn" if rec["label"] == "same" else "tn")
        plain[outcome] += 1
        weighted[outcome] += int(rec["population"]) / drawn[str(rec["stratum"])]  # type: ignore[call-overload]

    def rates(c: Counter[str]) -> dict[str, float]:
        return {"precision": round(c["tp"] / max(c["tp"] + c["fp"], 1e-9), 3),
                "recall": round(c["tp"] / max(c["tp"] + c["fn"], 1e-9), 3)}

    return {"labelled_pairs": len(labelled), **rates(plain), **{k: plain[k] for k in ("tp", "fp", "fn", "tn")},
            "weighted": rates(weighted), "by_stratum": dict(drawn)}


def missed_pairs(db: Path, pairs: list[dict[str, object]]) -> Counter[str]:
    """The pairs labelled `same` that the merge kept apart, each with why (on stderr), and their count per class:
    a rule's conflict (`conflict_reason`: parties, places, dates ...), a link too weak (`low link p`), or linked
    but kept apart by the grouping (`linked, grouped apart`: the average linkage over the group's other reports)."""
    with open_store(db, read_only=True) as store:
        merged_of = dict(store.rows("SELECT id, merged_id FROM events"))
        linked = {frozenset(row) for row in store.rows("SELECT a, b FROM event_links")}
        events = {row[0]: stored_event(*row[1:]) for row in store.rows(
            "SELECT e.id, e.event, e.article_id, a.date, a.title FROM events e JOIN articles a ON a.id = e.article_id")}
    classes: Counter[str] = Counter()
    for rec in pairs:
        if rec.get("label") != "same":
            continue
        a, b = rec["a"]["event"], rec["b"]["event"]  # type: ignore[index]
        if a not in events or b not in events or merged_of[a] == merged_of[b]:
            continue
        why = conflict_reason(events[a], events[b])
        kind = f"conflict: {why.split()[0]}" if why else (
            "linked, grouped apart" if frozenset((a, b)) in linked else "low link p")
        classes[kind] += 1
        print(f"missed ({kind}; p={link_probability(events[a], events[b]) or 0:.2f}) {why or ''}\n"
              f"    {events[a].evidence.sentence[:140]}\n    {events[b].evidence.sentence[:140]}", file=sys.stderr)
    return classes


TYPES = ("ASSAULT", "CONSULT", "PROTEST", "ACCUSE", "AGREE", "COERCE", "REQUEST", "SUPPORT", "MOBILIZE", "AID")
COUNTRIES = ("USA", "RUS", "CHN", "GBR", "FRA", "SYR", "IRQ", "IRN", "TUR", "ISR", "EGY", "UKR", "IND", "PAK",
             "AFG", "NGA", "MEX", "BRA", "DEU", "JPN")


#: Where the synthetic events near the T17 articles timed lie (2008-2010); the others lie in `far_from` them.
NEAR_PROBES = (dt.date(2008, 1, 1), 3 * 365)


def far_from(docs: list[Document], years: int = 15) -> tuple[dt.date, int]:
    """`years` of days (first day, number of days) ending before the earliest year the documents or any of their
    events is dated in. A background event dated by its year alone ("in 1990") has a merge span of that whole
    year, so every same-type synthetic event of that year is its candidate: synthetic events in years a timed
    article mentions make its work grow with their density there, not with the store's size."""
    stated = [doc.article.date.year for doc in docs if doc.article.date]
    stated += [int(ev.date[:4]) for doc in docs for ev in doc.events if ev.date and ev.date[:4].isdigit()]
    return dt.date(min(stated) - years - 1, 1, 1), years * 365


def synthetic_document(n: int, rng: random.Random, days: tuple[dt.date, int] = NEAR_PROBES) -> Document:
    """A synthetic stored article with two events: types, countries and dates drawn from skewed distributions
    (a few types and countries dominate, as in news), dates spread over `days` (first day, number of days),
    sentences of random words (so they are candidates for real events of their type, days and countries, but
    not the same)."""
    day = days[0] + dt.timedelta(days=rng.randrange(days[1]))
    aid = f"synthetic/{n}"
    events = []
    for k in range(2):
        type_ = TYPES[min(int(rng.expovariate(0.4)), len(TYPES) - 1)]
        first, second = (COUNTRIES[min(int(rng.expovariate(0.2)), len(COUNTRIES) - 1)] for _ in range(2))
        words = " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(10))
        sentence = f"Synthetic report: {words}."  # its own words: other happenings, as most stored events are
        events.append(Event(id=event_id(aid, type_, k, k * 100), type=type_,
                            actors=[Party(first, first, "GOV")], recipients=[Party(second, second, "GOV")],
                            date=(day - dt.timedelta(days=rng.randrange(3))).isoformat(), date_precision="day",
                            location=Location("Somewhere", None, rng.uniform(-40, 60), rng.uniform(-100, 120), None),
                            evidence=Evidence(sentence, k * 100, k * 100 + len(sentence), "event", k, k + 5),
                            confidence=0.7))
    return Document(article=Article(id=aid, date=day, text=f"synthetic article {n}", source="synthetic"),
                    events=events)


def fill_unmerged(store: SQLStore, docs: list[Document]) -> None:
    """Write the documents' rows exactly as an ingest writes them, without merging them with each other (the
    synthetic events have their own random words, so they would stay apart; merging each batch of them against
    100k others made the fill itself take over an hour)."""
    rows = [document_rows(doc) for doc in docs]
    with store._writing() as con:  # a benchmark's bulk fill: private on purpose
        for table in table_columns():
            store._insert(con, table, [row for doc in rows for row in doc[table]])


def incremental(sizes: list[int], docs: list[Document], probes: int, near: int | None = None) -> dict[str, object]:
    """Seconds per real article added one at a time to stores already holding `size` synthetic events.

    The same articles (after one warm-up article) are timed at every size, each size on a copy of the filled store
    (`_time_articles`).
    With `near`, only that many of the synthetic events lie in the years of the articles timed, the rest in years
    none of them or their events is dated in (`far_from`): the store grows, the events a new article may merge
    with do not. Without, every synthetic event lies in those years, so their density grows with the store, and so
    do the candidates of each new event."""
    rng = random.Random(17)
    out: dict[str, object] = {}
    sample = random.Random(3).sample(docs, min(probes + 1, len(docs)))
    far = far_from(sample)
    with tempfile.TemporaryDirectory() as tmp:
        db, probed = Path(tmp) / "grow.duckdb", Path(tmp) / "probed.duckdb"
        stored = 0
        for size in sorted(sizes):
            with open_store(db) as store:
                while stored < size:
                    days = NEAR_PROBES if near is None or stored < near else far
                    batch = [synthetic_document(stored // 2 + i, rng, days)
                             for i in range(min(1000, (size - stored) // 2))]
                    fill_unmerged(store, batch)
                    stored += 2 * len(batch)
            shutil.copyfile(db, probed)  # the articles timed at one size are not stored at the next (they would link)
            out[str(size)] = _time_articles(probed, sample, f"@{size}")
            probed.unlink()
    return out


def _time_articles(db: Path, docs: list[Document], suffix: str) -> dict[str, float]:
    """Add the documents one at a time (their ids suffixed) and time each; the first only warms the caches. Median
    and mean wall time, and median CPU time of this process (DuckDB's threads included), per article."""
    wall, cpu = [], []
    with open_store(db) as store:
        for doc in docs:
            doc.article.id = doc.article.id.split("@")[0] + suffix
            start, start_cpu = time.perf_counter(), time.process_time()
            store.add([renamed_again(doc)])
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    wall, cpu = wall[1:], cpu[1:]
    return {"median": round(statistics.median(wall), 4), "mean": round(statistics.fmean(wall), 4),
            "cpu_median": round(statistics.median(cpu), 4)}


def renamed_again(doc: Document) -> Document:
    """The document's events re-identified after its article id changed."""
    for ev in doc.events:
        ev.id = event_id(doc.article.id, ev.type, ev.evidence.trigger_start, ev.evidence.start)
        ev.article_id = doc.article.id
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True, help="folder of `dateline extract` output per topic")
    ap.add_argument("--topics", nargs="*", help="T17 topics (default: every topic with a cache file)")
    ap.add_argument("--draw-pairs", type=Path, help="draw a population sample of pairs into this file, unlabelled")
    ap.add_argument("--pairs", type=Path, nargs="*", default=[PAIRS, POPULATION_PAIRS, BACKGROUND_PAIRS],
                    help="labelled pair files")
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
        result: dict[str, object] = {"benchmark": "merge", "topics": topics, **reduction(db, docs),
                                     "store_seconds_per_1000_articles": round(1000 * total / len(flat), 2),
                                     "merge_seconds_per_1000_articles": round(1000 * merging / len(flat), 2),
                                     "merge_cpu_seconds_per_1000_articles": round(1000 * merging_cpu / len(flat), 2)}
        if args.draw_pairs:
            pairs = draw_pairs(db)
            args.draw_pairs.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs),
                                       encoding="utf-8")
            print(f"{len(pairs)} pairs drawn into {args.draw_pairs}; label them (same/different)", file=sys.stderr)
        for path in (p for p in args.pairs if p.exists()):
            pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            result[f"pairs:{path.name}"] = pair_scores(db, pairs)
            if args.missed:
                result[f"missed:{path.name}"] = dict(missed_pairs(db, pairs))
        if args.order_check:
            result["order_check"] = order_check(db, flat, Path(tmp))
    if args.sizes:
        result["incremental_seconds_per_article"] = incremental(args.sizes, flat, args.probes, args.near)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
