"""Every source's figures for the lexicon's candidates, from cached parses, in one run.

    .venv/bin/python tools/lexicon_eval.py [--detector] [--only NAME,...] [--errors NAME] [--refresh]

Changing the lexicon changes nothing the parser does, so each source is parsed once and its spaCy
parses kept in a DocBin under the cache folder; every later run only re-runs the stages after the
parse. The view is the lexicon alone (`unverified()`, no learned detector; `--detector` adds the
shipped detector's proposals). Figures, one JSON line on stdout:

* `gold`: events-gold every-event precision and recall at `--min-confidence 0` (the shared scorer);
* `ngec`: share of NGEC synthetic stories (MIT, NGEC's training data) whose lead sentence gets an event of
  the story's PLOVER label;
* `rams`, `wikievents`: share of gold political events (AIDA/KAIROS mapped to PLOVER) found in their
  sentence, and WikiEvents precision over the KAIROS-annotated types (as `benchmarks/event_sets.py`);
* `muc4`, `crisislex`: share of no-incident / disaster documents with an ASSAULT or COERCE event;
* `short`: `benchmarks/short_reports.py` figures for the lexicon alone;
* `gsr`: PLOVER GSR type F1 of events at confidence 0.5 or more (`benchmarks/events.py`).

`--rules PATTERNS` prints, per lexicon entry whose rule holds one of the patterns, its right/wrong events per
source (gold: a gold fact event of its type in its sentence; RAMS: a gold event hit; WikiEvents: judged KAIROS
types; MUC-4 and CrisisLex: conflict events in false-alarm documents; short reports; GSR at confidence 0.5).

`--errors NAME` prints that source's misses (gold sentence, its type, what was coded there) to stderr,
the material for classifying why a gold event had no candidate.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tools")]

from cache_keys import cache_folder  # noqa: E402
from dateline.events.detect import undetected  # noqa: E402
from dateline.events.verify import unverified  # noqa: E402
from dateline.model import Article, Document  # noqa: E402
from dateline.nlp import load_model  # noqa: E402
from dateline.pipeline import STAGES, run_stages  # noqa: E402
from event_sets import (  # noqa: E402
    CONFLICT,
    KAIROS_TYPES,
    crisis_tweet_articles,
    found_at,
    muc_articles,
    rams_articles,
    score,
    wikievents_articles,
)
from events import DCT, GSR, count_types, f1, load_gold  # noqa: E402
from short_reports import load_reports  # noqa: E402
from short_reports import score as short_score  # noqa: E402

GOLD_ARTICLES = ROOT.parent / "shared" / "data" / "events-gold" / "articles.jsonl"
#: The parse caches, beside the training scripts' (`cache_keys.cache_folder`: $DATELINE_CACHE, else XDG's).
CACHE = cache_folder().parent / "lexicon-eval"
#: (entry that fired, source, "right" / "wrong") -> events: which lexicon entries earn or cost each source.
BY_RULE: Counter = Counter()


def tally(source: str, event: Any, right: bool) -> None:
    """Count one judged event under the lexicon entry that fired it (the first note of its rule)."""
    BY_RULE[(event.evidence.rule.split(";")[0], source, "right" if right else "wrong")] += 1


def _in_span(event: Any, start: int, end: int) -> bool:
    return start <= (event.evidence.trigger_start or -1) < end


def parsed(name: str, articles: list[Article], refresh: bool) -> list[Any]:
    """The spaCy parses of a source's articles, from the DocBin cache when there."""
    from spacy.tokens import DocBin

    nlp = load_model()
    texts = hashlib.sha256("".join(a.id + "\0" + a.text for a in articles).encode()).hexdigest()[:12]
    path = CACHE / f"{name}-{len(articles)}-{texts}.spacy"  # another reading of the source is parsed again
    if path.exists() and not refresh:
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def coded(name: str, articles: list[Article], refresh: bool) -> list[Document]:
    """The articles through every stage after the parse."""
    return [run_stages(Document(article=a, parsed=p), STAGES) for a, p in zip(articles, parsed(name, articles, refresh),
                                                                               strict=True)]


def gold_figures(refresh: bool, errors: bool) -> dict[str, Any]:
    from dateline.read import read_articles  # the CLI's reader: the same article ids and texts as extract
    from dateline.read.base import ReadReport

    articles = list(read_articles([str(GOLD_ARTICLES)], ReadReport()))
    docs = coded("gold", articles, refresh)
    if errors:
        _print_gold_misses(docs)
    _tally_gold(docs)
    got = score([d.to_json(with_text=True) for d in docs], 0.0, False)
    return {k: got[k] for k in ("system_events", "precision", "recall")}


def _tally_gold(docs: list[Document]) -> None:
    """Each factual event right when its sentence holds a gold fact event of its type."""
    gold = {g["id"]: g["events"] for g in json.loads((GOLD_ARTICLES.parent / "gold.json").read_text(encoding="utf-8"))}
    for doc in docs:
        spans = [(doc.article.text.find(g["sentence"]), len(g["sentence"]), g["type"])
                 for g in gold.get(doc.article.id, []) if g.get("status", "fact") == "fact"]
        for e in doc.events:
            if not e.negated and not e.hypothetical:
                tally("gold", e, any(_in_span(e, s, s + n) and t == e.type for s, n, t in spans))


def _print_gold_misses(docs: list[Document]) -> None:
    """Each gold fact event with no candidate of its type in its sentence, and what was coded there."""
    gold = {g["id"]: g["events"] for g in json.loads((GOLD_ARTICLES.parent / "gold.json").read_text(encoding="utf-8"))}
    for doc in docs:
        text = doc.article.text
        for g in gold.get(doc.article.id, []):
            if g.get("status", "fact") != "fact":
                continue
            start = text.find(g["sentence"])
            end = start + len(g["sentence"])
            there = [f"{e.type}:{e.evidence.trigger}" for e in doc.events
                     if start <= (e.evidence.trigger_start or -1) < end]
            if not any(x.startswith(g["type"] + ":") for x in there):
                print(f"MISS {doc.article.id} {g['type']} [{g['trigger']}] got {there} | {g['sentence']}",
                      file=sys.stderr)


def found_figures(name: str, load: Callable[[int], Any], refresh: bool, errors: bool) -> dict[str, Any]:
    articles, golds = load(0)
    docs = coded(name, articles, refresh)
    if errors:
        _print_misses(docs, golds)
    for doc in docs:
        for e in doc.events:
            hit = any(_in_span(e, s, end) and t == e.type for s, end, t in golds.get(doc.article.id, []))
            if not e.negated and not e.hypothetical and (hit or (name == "wikievents" and e.type in KAIROS_TYPES)):
                tally(name, e, hit)
    return found_at(docs, golds, 0.0, KAIROS_TYPES if name == "wikievents" else None)


def _print_misses(docs: list[Document], golds: dict[str, list[tuple[int, int, str]]]) -> None:
    for doc in docs:
        for s, e, t in golds.get(doc.article.id, []):
            there = [f"{ev.type}:{ev.evidence.trigger}" for ev in doc.events
                     if s <= (ev.evidence.trigger_start or 0) < e]
            if not any(x.startswith(t + ":") for x in there):
                text = doc.article.text[s:e].replace("\n", " ")
                print(f"MISS {doc.article.id} {t} got {there} | {text}", file=sys.stderr)


NGEC = ROOT.parent / "shared" / "data" / "events-dev" / "ngec_synthetic_events.csv"


def ngec_leads(limit: int = 0) -> tuple[list[Article], dict[str, list[tuple[int, int, str]]]]:
    """The lead sentence of each NGEC synthetic story, its PLOVER label as the gold of the whole sentence."""
    import csv
    import datetime as dt

    articles, golds = [], {}
    with open(NGEC, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if limit and i >= limit:
                break
            text = row["text"].strip()
            lead = text[: text.find(". ") + 1] if ". " in text else text
            articles.append(Article(id=f"ngec-{i}", date=dt.date(2020, 1, 1), text=lead))
            golds[f"ngec-{i}"] = [(0, len(lead), row["label"])]
    return articles, golds


def alarm_figures(name: str, load: Callable[[int], list[Article]], refresh: bool, errors: bool) -> dict[str, Any]:
    docs = coded(name, load(0), refresh)
    flagged = [d for d in docs if any(e.type in CONFLICT and not e.negated and not e.hypothetical for e in d.events)]
    for d in flagged:
        for e in d.events:
            if e.type in CONFLICT and not e.negated and not e.hypothetical:
                tally(name, e, False)
    if errors:
        for d in flagged:
            hits = [f"{e.type}:{e.evidence.trigger}" for e in d.events if e.type in CONFLICT]
            print(f"ALARM {d.article.id} {hits} | {d.article.text[:200]!r}", file=sys.stderr)
    return {"documents": len(docs), "false_alarm_rate": round(len(flagged) / max(len(docs), 1), 4)}


def short_figures(refresh: bool, errors: bool) -> dict[str, Any]:
    import datetime as dt

    reports = load_reports()
    articles = [Article(id=r["id"], date=dt.date.fromisoformat(r["date"]), text=r["text"]) for r in reports]
    docs = coded("short", articles, refresh)
    for report, doc in zip(reports, docs, strict=True):
        for e in doc.events:
            if report["type"] is None or e.type == report["type"]:
                tally("short", e, e.type == report["type"])
    return short_score(reports, docs, 0.0, errors)


def gsr_figures(refresh: bool, errors: bool) -> dict[str, Any]:
    gold = load_gold(GSR)
    docs = coded("gsr", [Article(id=g["id"], date=DCT, text=g["text"]) for g in gold], refresh)
    counts: Counter = Counter()
    for g, doc in zip(gold, docs, strict=True):
        shown = [e for e in doc.events if not e.negated and not e.hypothetical and e.confidence >= 0.5]
        types = count_types(g, shown, counts, "type")
        for e in shown:
            tally("gsr", e, e.type in g["types"])
        if errors and types != g["types"]:
            print(f"GSR {g['id']} gold {sorted(g['types'])} got {sorted(types)} | {g['text']}", file=sys.stderr)
    return {"type_f1": f1(counts["type_tp"], counts["type_fp"], counts["type_fn"])["f1"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detector", action="store_true", help="add the shipped detector's proposals")
    parser.add_argument("--only", default="", help="comma-separated sources (default: all)")
    parser.add_argument("--errors", default="", help="comma-separated sources whose misses to print")
    parser.add_argument("--refresh", action="store_true", help="parse again")
    parser.add_argument("--rules", default="", help="print right/wrong events per source of the entries whose rule "
                        "holds one of these comma-separated strings")
    args = parser.parse_args()
    jobs: dict[str, Callable[[bool, bool], dict[str, Any]]] = {
        "gold": gold_figures,
        "rams": lambda r, e: found_figures("rams", rams_articles, r, e),
        "wikievents": lambda r, e: found_figures("wikievents", wikievents_articles, r, e),
        "ngec": lambda r, e: found_figures("ngec", ngec_leads, r, e),
        "muc4": lambda r, e: alarm_figures("muc4", muc_articles, r, e),
        "crisislex": lambda r, e: alarm_figures("crisislex", crisis_tweet_articles, r, e),
        "short": short_figures, "gsr": gsr_figures}
    wanted = [n for n in (args.only.split(",") if args.only else jobs) if n]
    errors = set(args.errors.split(","))
    out: dict[str, Any] = {}
    with unverified():
        for name in wanted:
            if args.detector:
                out[name] = jobs[name](args.refresh, name in errors)
            else:
                with undetected():
                    out[name] = jobs[name](args.refresh, name in errors)
            print(name, out[name], file=sys.stderr, flush=True)
    if args.rules:
        print_rules(args.rules.split(","))
    print(json.dumps(out))


def print_rules(patterns: list[str]) -> None:
    """Per lexicon entry matching a pattern, right/wrong events on each source, to stderr."""
    rules = sorted({r for r, _, _ in BY_RULE if any(p in r for p in patterns)})
    for rule in rules:
        cells = [f"{src} {BY_RULE[(rule, src, 'right')]}/{BY_RULE[(rule, src, 'wrong')]}"
                 for src in ("gold", "rams", "wikievents", "ngec", "muc4", "crisislex", "short", "gsr")
                 if BY_RULE[(rule, src, "right")] or BY_RULE[(rule, src, "wrong")]]
        print(f"RULE {rule}: " + ", ".join(cells) + "  (right/wrong)", file=sys.stderr)


if __name__ == "__main__":
    main()
