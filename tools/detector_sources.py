"""Token-labelled text for the event detector: each source read, parsed once, cached, labelled by token.

The verifier learns from the lexicon's candidates (`event_sources.py`); the detector must learn where
the lexicon found nothing, so it needs labels on tokens, not on candidates. A reader yields
`(Article, spans, scope)`: `spans` are `(start, end, label)` character spans of annotated triggers
(label a PLOVER type, NONE, or None when the annotation's type has no clear PLOVER reading) and
`scope` says what an unannotated token is:

* "all": every event is annotated (events-gold: every political event; WikiEvents: every KAIROS
  event; CrisisLex disaster tweets: none), so an unannotated content token is NONE;
* "spans": only the annotated trigger is known (RAMS: one event per window);
* "lead": a story label on the lead sentence (NGEC): the lexicon candidate of that type in the lead,
  else the lead's root verb, carries the label; nothing else is known.

Each source goes through the real pipeline once with the verifier and the detector off (the lexicon's
own candidates are features); the parse (spaCy `DocBin`) and the documents' JSON are kept under the cache
folder, so feature changes retrain without parsing again.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cache_keys import DOCUMENT_FORM, cache_folder, cached_document, document_from_cache, pipeline_fingerprint
from dateline.config import settings
from dateline.events.detect import undetected, using_detector
from dateline.events.verify import NONE, unverified
from dateline.model import Article, Document
from dateline.nlp import load_model
from dateline.pipeline import process, run_stages
from dev_texts import (
    ATTACK_CRISES,
    TWEETS_PER_CRISIS,
    crisis_day,
    gsr_sentences,
    map_aida,
    rams_windows,
    wikievents_documents,
)

Span = tuple[int, int, "str | None"]
Labelled = tuple[Article, list[Span], str]
#: Bumped whenever a reader changes, so cached parses are made again.
SOURCE_VERSION = 2
#: The parse caches written in this run: a later read of the same source in the run takes them as they are.
_PARSED_AGAIN: set[Path] = set()


def read_gold(folder: Path, limit: int) -> Iterator[Labelled]:
    """events-gold: every political event's trigger, found inside its sentence."""
    gold = {g["id"]: g["events"] for g in json.loads((folder / "gold.json").read_text(encoding="utf-8"))}
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[: limit or None]:
        a = json.loads(line)
        text = a["text"]
        spans: list[Span] = []
        for g in gold.get(a["id"], []):
            at = text.find(g["sentence"])
            where = g["sentence"].find(g.get("trigger") or "\0") if at >= 0 else -1
            if where >= 0:
                spans.append((at + where, at + where + len(g["trigger"]), g["type"]))
        art = Article(id=a["id"], date=dt.date.fromisoformat(a["date"][:10]), text=text, source=a.get("source"))
        yield art, spans, "all"


def read_wikievents(path: Path, limit: int) -> Iterator[Labelled]:
    """WikiEvents dev: every KAIROS trigger, its type mapped to PLOVER."""
    for art, spans in wikievents_documents(path, limit):
        yield art, spans, "all"


def read_rams(path: Path, limit: int) -> Iterator[Labelled]:
    """RAMS dev: the one annotated trigger of each window."""
    for i, (d, tokens, starts) in enumerate(rams_windows(path, limit)):
        s, e, kinds = d["evt_triggers"][0]
        spans = [(starts[s], starts[e] + len(tokens[e]), map_aida(kinds[0][0]))]
        yield Article(id=f"rams-{i}", date=dt.date(2016, 6, 1), text=" ".join(tokens)), spans, "spans"


def read_ngec(path: Path, limit: int) -> Iterator[Labelled]:
    """NGEC synthetic stories: the lead paragraph and the story's label (placed on a token later)."""
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if limit and i >= limit:
                break
            lead = row["text"].strip().split("\n\n")[0]
            yield Article(id=f"ngec-{i}", date=dt.date(2021, 6, 1), text=lead), [(0, 0, row["label"])], "lead"


def read_crisislex(folder: Path, limit: int) -> Iterator[Labelled]:
    """CrisisLex disaster and accident tweets (the two attacks left out): no political event in any."""
    for crisis in sorted(p for p in folder.iterdir() if p.is_dir()):
        if any(crisis.name.endswith(a) for a in ATTACK_CRISES):
            continue
        desc = json.loads(next(crisis.glob("*event_description.json")).read_text(encoding="utf-8"))
        with open(next(crisis.glob("*labeled.csv")), encoding="utf-8", newline="") as fh:
            tweets = [r[1] for r in csv.reader(fh)][1:]
        step = max(1, len(tweets) // TWEETS_PER_CRISIS)
        for j, text in enumerate(tweets[::step][: limit or TWEETS_PER_CRISIS]):
            yield Article(id=f"crisis-{crisis.name}-{j}", date=crisis_day(desc["time"]), text=text), [], "all"


def read_gsr(path: Path, limit: int) -> Iterator[Labelled]:
    """The PLOVER gold-standard sentences, parsed for the verifier's training: their labels name no trigger
    token, so the detector learns nothing from them (and stays honest on the GSR benchmark)."""
    for item in gsr_sentences(path, limit):
        yield Article(id=f"gsr-{item['id']}", date=dt.date(2000, 1, 1), text=item["text"]), [], "spans"


def read_news(path: Path, limit: int) -> Iterator[Labelled]:
    """The hand-labelled news articles' train half, parsed for the verifier's training: their labels sit on the
    candidates of one detector (the shipped one), not on every token, so the detector learns nothing from them."""
    from event_sources import read_news as labelled_news

    for art, _ in labelled_news(path, limit):
        yield art, [], "spans"


def read_shown(path: Path, limit: int) -> Iterator[Labelled]:
    """The judged shown events' articles (`shown_source.py`), parsed for the verifier's training: their judgements
    sit on the events the shipped models showed, not on every token, so the detector learns nothing from them."""
    from event_sources import read_shown as judged_shown

    for art, _ in judged_shown(path, limit):
        yield art, [], "spans"


SOURCES = {
    "gold": (read_gold, "."),
    "wikievents": (read_wikievents, "wikievents_dev.jsonl"),
    "rams": (read_rams, "rams_dev.jsonlines"),
    "ngec": (read_ngec, "ngec_synthetic_events.csv"),
    "crisislex": (read_crisislex, "crisislex-t26"),
    "gsr": (read_gsr, "PLOVER_GSR_CAMEO.txt"),
    "news": (read_news, "news_candidates.jsonl"),
    "shown": (read_shown, "shown_t17_labels_1818.jsonl"),
}


def parsed_source(name: str, path: Path, limit: int = 0,
                  refresh: bool = False) -> list[tuple[Document, list[Span], str]]:
    """The documents of a source, parsed and coded by the lexicon alone (cached), with their spans and scope.

    Two caches, two keys: the spaCy parse (`.spacy`) by the source file, the reader and the model, and the
    staged documents (`.jsonl`) by those and the package's code and data (`pipeline_fingerprint`). A change to
    any stage makes the documents again from the kept parses, in a fraction of a parse's time. Keyed by the
    file alone, the documents outlived the code that made them: a change to the actors or places stage left
    training rows and benchmarks reading the old stages' parties and places (twelfth session).
    """
    from spacy.tokens import DocBin

    from event_sources import source_mtime

    reader = SOURCES[name][0]
    model = settings().spacy_model
    parse_raw = f"{path.resolve()}:{source_mtime(name, path)}:{limit}:{SOURCE_VERSION}:{model}"
    parse_key = hashlib.sha256(parse_raw.encode()).hexdigest()[:12]
    docs_key = hashlib.sha256(f"{parse_raw}:{pipeline_fingerprint()}:{DOCUMENT_FORM}".encode()).hexdigest()[:12]
    folder = cache_folder().parent / "event-detect"
    parses_path, docs_path = folder / f"{name}-{parse_key}.spacy", folder / f"{name}-{docs_key}.jsonl"
    nlp = load_model()
    refresh = refresh and parses_path not in _PARSED_AGAIN  # --refresh parses a source once per run, not per reader
    if parses_path.exists() and docs_path.exists() and not refresh:
        parses = list(DocBin().from_disk(parses_path).get_docs(nlp.vocab))
        out = []
        for parsed, line in zip(parses, docs_path.read_text(encoding="utf-8").splitlines(), strict=True):
            item = json.loads(line)
            out.append((document_from_cache(item, parsed), [tuple(s) for s in item["spans"]], item["scope"]))
        return out
    read = list(reader(path, limit))
    labelled = {art.id: (spans, scope) for art, spans, scope in read}
    articles = [Article(id=art.id, date=art.date, text=art.text, source=art.source) for art, _, _ in read]
    with unverified(), undetected():
        if parses_path.exists() and not refresh:
            docs = staged_again(articles, list(DocBin().from_disk(parses_path).get_docs(nlp.vocab)))
        else:
            # no time budget: a source read on a loaded machine (or while the gazetteer is built) must lose no article
            docs = list(process(articles, on_failure=lambda f: print(f, file=sys.stderr), article_seconds=0))
            folder.mkdir(parents=True, exist_ok=True)
            DocBin(docs=[d.parsed for d in docs], store_user_data=False).to_disk(parses_path)
            _PARSED_AGAIN.add(parses_path)
    out = [(doc, *labelled[doc.article.id]) for doc in docs]
    docs_path.write_text("".join(json.dumps({**cached_document(d), "spans": s, "scope": sc})
                                 + "\n" for d, s, sc in out), encoding="utf-8")
    return out


def staged_again(articles: list[Article], parses: list[Any]) -> list[Document]:
    """The stages run again on a source's kept parses. The parse cache holds one parse per article that parsed,
    in reading order (an article whose parse failed was reported and left out), so parses are matched to
    articles by their text; an article whose stages raise is reported and left out, as `process` does."""
    by_text: dict[str, list[Any]] = {}
    for parsed in parses:
        by_text.setdefault(parsed.text, []).append(parsed)
    docs = []
    for art in articles:
        kept = by_text.get(art.text)
        if not kept:
            continue
        try:
            docs.append(run_stages(Document(article=art, parsed=kept.pop(0))))
        except Exception as exc:  # noqa: BLE001 - reported and left out, as `process` does on a first parse
            print(f"{art.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return docs


def recoded(name: str, path: Path, detectors: list[Any], limit: int = 0, refresh: bool = False,
            mentions: bool = False) -> list[Document]:
    """A source's cached documents, their events coded again with the verifier off (`recode`); with `mentions`,
    the candidate mentions the verifier scores, not the grouped events."""
    with unverified():
        return recode([doc for doc, _, _ in parsed_source(name, path, limit, refresh)], detectors, mentions)


def recode(docs: list[Document], detectors: list[Any], mentions: bool = False) -> list[Document]:
    """The documents with their events coded again by the lexicon and, for each document, the detector of
    `detectors` (one per `document_fold`) trained without it: the proposals unseen news would get. With
    `mentions`, the events are `coder.code_mentions`'s, one per trigger mention as `verify_events` scores them in
    `extract` (no parties re-read, no grouping, no roles filled from the thread); else the events stage's own."""
    from dateline.events.coder import code_events, code_mentions
    from train_event_model import document_fold

    code = code_mentions if mentions else code_events
    out = []
    for doc in docs:
        doc.events = []
        with using_detector(detectors[document_fold(doc.article.id)] if detectors else None):
            out.append(code(doc))
    return out


def token_label(token: Any, spans: list[Span], scope: str) -> str | None:
    """What a content token reports by the source's annotation: a type, NONE, or None (unknown)."""
    start, end = token.idx, token.idx + len(token.text)
    for s, e, label in spans:
        if s < end and start < e:
            if label is None:
                return None
            inside = s <= token.head.idx < e and token.head.i != token.i
            return None if inside else label  # the head word of a multiword trigger carries it
    return NONE if scope == "all" else None


def describe(items: list[tuple[Document, list[Span], str]]) -> dict[str, Any]:
    return {"documents": len(items), "spans": sum(len(s) for _, s, _ in items)}
