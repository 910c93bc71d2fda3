"""Labelled candidates for the event verifier: each training source read, run and labelled.

A source reader yields `(Article, labeller)` pairs. The article goes through the real pipeline
with the verifier off; the labeller says, for each lexicon candidate, what the trigger reports
according to the source's annotation: a PLOVER type, NONE (no political event), or None (the
annotation does not say: the candidate is left out). How each source is read:

* gold (events-gold): the candidate's sentence holds gold events; the label is the candidate's
  type when a gold event of that type is there (a fact, for a factual candidate), else the type
  of a gold fact event of that sentence whose trigger words the candidate's trigger overlaps (a
  re-typing target); a candidate of another type beside a gold fact, off its words, is labelled BESIDE
  (the coder marked one trigger per event, so whether that word reports another event the gold does
  not say; but shown with its type it is not a gold event of that sentence, and the scorer counts it
  wrong); NONE where the sentence holds no gold fact. Before LABEL_VERSION 5 any gold fact of the
  sentence was the target: a quarter of the gold rows taught a word a type it does not report
  ("killing" ACCUSE beside a trial, "arrived" COERCE beside a search, "homicide" CONCEDE beside an
  acquittal), which the GSR's and the news labels (on the marked words) never did. Labelling those
  rows NONE instead (measured as LABEL_VERSION 4) made the verifier show less on every source
  (BENCHMARKS.md, Candidate recall, thirteenth session). Left out altogether (LABEL_VERSION 5), they were
  missing from the pairs the calibration is fitted on, though shown and judged wrong at run time: the
  confidences of events-gold CV came out too high in the middle band (ECE 0.062 -> 0.093). Since
  LABEL_VERSION 6 they are kept as BESIDE rows, which `train_event_model` can read as NONE at a lower weight
  (`BESIDE_WEIGHT`) and as wrong calibration pairs (`BESIDE_IN_CALIBRATION`); both off by default, as measured
  (BENCHMARKS.md, Event verifier and calibrated confidence, fourteenth session).
* ngec (NGEC synthetic stories): a candidate of the lead sentence whose lexicon type is the story's
  label is labelled with it; other candidates are left out (a lead also reports sayings and
  background, so a story label does not make them wrong: giving them the label taught the model
  that the lexicon is mostly wrong, and it then rejected RAMS's correct attacks).
* rams (RAMS dev): one annotated event per window; the candidate on its trigger gets the AIDA type
  mapped to PLOVER (`map_aida`), NONE for disasters and non-violent deaths; others are left out.
* wikievents (WikiEvents dev): the candidate on an annotated trigger gets its KAIROS type mapped to PLOVER;
  others are left out. WikiEvents marks each event once, not every mention of it: read by hand, 15 of 20
  ASSAULT/PROTEST candidates on no annotated trigger were real political events ("the Taliban claimed
  the attack", "IS attacks", "anti-government street protests"), so labelling them NONE (as before
  LABEL_VERSION 3) taught the verifier that attacks in news are no event.
* gsr (the PLOVER gold-standard sentences, CAMEO manual examples): one sentence per document; a
  candidate of a type the sentence is labelled with gets it; a candidate on a word of the record's
  marked event text (`eventText`) gets the sentence's type (a re-typing target); others are NONE.
  Labels of the older PLOVER draft are mapped to today's types (`GSR_LABELS`).
* crisislex (CrisisLex T26, disasters and accidents only; the two shootings/bombings left out):
  a sample of tweets per crisis; every conflictual candidate is NONE.
* news (`news_candidates.jsonl` beside this script: every candidate of 24 whole GWN and T17 articles
  labelled by hand, `news_candidates.py` says how drawn; the `train` half only): the candidate on a
  labelled trigger gets its label as the gold labeller gives it (the type, or NONE for a factual
  candidate of an event the coder read as negated, hypothetical or future); others are left out.
* shown (the judged shown events of the Timeline17 samples up to seed 1818, `shown_source.py`): the candidate on a
  judged trigger gets the verdict read as a news label (right: the shown type; no political event: NONE; wrong type
  and duplicates left out); others are left out. Not in `TRAINED_ON`: read with `train_event_model.py --sources`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from cache_keys import DOCUMENT_FORM, cache_folder, pipeline_fingerprint
from dateline.events.verify import FEATURE_VERSION, NONE, candidate_features
from dateline.model import Article, Document, Event
from dev_texts import (
    ATTACK_CRISES,
    TWEETS_PER_CRISIS,
    crisis_day,
    gsr_sentences,
    map_aida,
    rams_windows,
    wikievents_documents,
)

Labeller = Callable[[Event], "str | None"]
Reader = Callable[[Path, int], Iterator[tuple[Article, Labeller]]]
CONFLICT = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "PROTEST", "SANCTION"})
#: Bumped whenever a labeller changes, so cached rows are labelled again.
LABEL_VERSION = 6
#: What a training row is a candidate of (`train_event_model.py --rows`). "mentions": every trigger mention as
#: `coder.code_mentions` gives it, the events `verify_events` scores in `dateline extract`, before parties are re-read
#: and mentions grouped. "groups": the events the stage ends with when unverified, one per group led by the lexicon's
#: most confident mention, its roles perhaps filled from the thread (the shipped recipe's rows, every session): the
#: other mentions of a group, scored at run time, were never rows, and a leader's parties were not those it is scored
#: with. Measured in the nineteenth session (BENCHMARKS.md, Event models, nineteenth session): "mentions" ties with
#: "groups" on unseen news (50 right shown at 0.35 each) and is calibrated a little worse (news ECE 0.057 -> 0.074,
#: gold CV 0.045 -> 0.051), so the shipped recipe's rows stay the default. The kind is a value each caller hands to
#: `cache_rows` (from `--rows`), never a module setting, so two runs in one process cannot read each other's kind.
DEFAULT_ROWS = "groups"
ROW_KINDS = ("mentions", "groups")
#: The label of a gold candidate of another type beside a gold fact, off the coder's words: not its type there,
#: whether it reports an event the coder left uncoded unknown (`_gold_labeller`). Never a class of the model.
BESIDE = "BESIDE"


@dataclass(frozen=True)
class Row:
    """One labelled candidate: where from, its features, the lexicon's type and the label."""

    source: str
    group: str  # the document: cross-validation keeps a document's candidates together
    trigger_start: int
    coded: str
    factual: bool
    label: str
    features: list[str]
    sentence: str = ""  # the candidate's sentence: its embedding is the row's dense part (`attach_embeddings`)
    dense: Any = field(default_factory=list)  # that embedding, attached after reading (never in the row cache)

    @property
    def key(self) -> tuple[str, int, str]:
        return self.group, self.trigger_start, self.coded


def _overlaps(event: Event, spans: list[tuple[int, int, Any]]) -> list[Any]:
    at = event.evidence.trigger_start or 0
    end = event.evidence.trigger_end or at + 1
    return [label for s, e, label in spans if s < end and at < e]


def read_gold(folder: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    gold = {g["id"]: g["events"] for g in json.loads((folder / "gold.json").read_text(encoding="utf-8"))}
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[: limit or None]:
        a = json.loads(line)
        art = Article(id=a["id"], date=dt.date.fromisoformat(a["date"][:10]), text=a["text"], source=a.get("source"))
        spans = []
        for g in gold.get(a["id"], []):
            i = a["text"].find(g["sentence"])
            if i >= 0:
                spans.append(GoldSpan(i, i + len(g["sentence"]), g["type"], g.get("status", "fact"),
                                      trigger_span(a["text"], i, g["sentence"], g.get("trigger") or "")))
        yield art, _gold_labeller(spans)


@dataclass(frozen=True)
class GoldSpan:
    """A gold event as the labeller reads it: its sentence's offsets, type, status and trigger's offsets."""

    start: int
    end: int
    type: str
    status: str
    trigger: tuple[int, int] | None  # None when the coder's trigger words are not found in the sentence


def trigger_span(text: str, sentence_start: int, sentence: str, trigger: str) -> tuple[int, int] | None:
    """Where the coder's trigger words stand in the text: their first occurrence in the gold sentence, case aside."""
    at = sentence.lower().find(trigger.strip().lower()) if trigger.strip() else -1
    return None if at < 0 else (sentence_start + at, sentence_start + at + len(trigger.strip()))


def _gold_labeller(spans: list[GoldSpan]) -> Labeller:
    def label(event: Event) -> str | None:
        at = event.evidence.trigger_start or 0
        end = event.evidence.trigger_end or at + 1
        here = [g for g in spans if g.start <= at < g.end]
        factual = not (event.negated or event.hypothetical)
        if any(g.type == event.type and (g.status == "fact" or not factual) for g in here):
            return event.type
        # a re-typing target only where the candidate stands on the gold event's own words; beside them, BESIDE
        facts = [g for g in here if g.status == "fact"]
        on = next((g.type for g in facts if g.trigger is not None and g.trigger[0] < end and at < g.trigger[1]), None)
        return on if on is not None else (BESIDE if facts else NONE)
    return label


def read_ngec(path: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    with open(path, encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if limit and i >= limit:
                break
            lead = row["text"].strip().split("\n\n")[0]
            art = Article(id=f"ngec-{i}", date=dt.date(2021, 6, 1), text=lead)
            yield art, _lead_labeller(row["label"], lead)


def _lead_labeller(label: str, text: str) -> Labeller:
    def lab(event: Event) -> str | None:
        lead = event.evidence.start == 0 or text[: event.evidence.start].strip() == ""
        return label if lead and event.type == label else None
    return lab


def read_rams(path: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    for i, (d, tokens, starts) in enumerate(rams_windows(path, limit)):
        text = " ".join(tokens)
        s, e, kinds = d["evt_triggers"][0]
        spans = [(starts[s], starts[e] + len(tokens[e]), map_aida(kinds[0][0]))]
        art = Article(id=f"rams-{i}", date=dt.date(2016, 6, 1), text=text)
        yield art, lambda ev, spans=spans: next(iter(_overlaps(ev, spans)), None)


def read_wikievents(path: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    for art, spans in wikievents_documents(path, limit):
        yield art, _wiki_labeller(spans)


def _wiki_labeller(spans: list[tuple[int, int, str | None]]) -> Labeller:
    """The mapped type of the annotated trigger the candidate sits on; None (left out) off the annotation."""
    def label(event: Event) -> str | None:
        return next(iter(_overlaps(event, spans)), None)
    return label


def read_gsr(path: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    """The GSR sentences as articles of 2000-01-01, each with a labeller of its gold types and event words."""
    for item in gsr_sentences(path, limit):
        art = Article(id=f"gsr-{item['id']}", date=dt.date(2000, 1, 1), text=item["text"])
        yield art, _gsr_labeller(item["types"], item["words"])


def _gsr_labeller(types: set[str], words: set[str]) -> Labeller:
    def label(event: Event) -> str:
        if event.type in types:
            return event.type
        trigger = set((event.evidence.trigger or "").lower().split())
        return min(types) if trigger & words else NONE
    return label


def read_news(path: Path, limit: int, split: str = "train",
              shared: Path | None = None) -> Iterator[tuple[Article, Labeller]]:
    """The hand-labelled news articles of one split, their texts read from `shared` (the shared data folder beside
    the checkout unless given)."""
    from news_candidates import article, default_shared, read_labels

    by_article: dict[str, list[dict[str, Any]]] = {}
    for item in read_labels(path):
        if item["split"] == split:
            by_article.setdefault(item["article"], []).append(item)
    for i, (article_id, items) in enumerate(sorted(by_article.items())):
        if limit and i >= limit:
            break
        yield article(shared or default_shared(), article_id), news_labeller(items)


def news_labeller(items: list[dict[str, Any]]) -> Labeller:
    """A candidate's label from the labelled trigger it overlaps (None when it overlaps none)."""
    spans = [(s, e, (label, status)) for item in items
             for (s, e), label, status in [(item["trigger_span"], item["label"], item["status"])]]

    def label(event: Event) -> str | None:
        found = _overlaps(event, spans)
        if not found:
            return None
        kind, status = found[0]
        factual = not (event.negated or event.hypothetical)
        return NONE if kind == NONE or (factual and status != "fact") else kind
    return label


def read_crisislex(folder: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    for crisis in sorted(p for p in folder.iterdir() if p.is_dir()):
        if any(crisis.name.endswith(a) for a in ATTACK_CRISES):
            continue
        desc = json.loads(next(crisis.glob("*event_description.json")).read_text(encoding="utf-8"))
        day = crisis_day(desc["time"])
        with open(next(crisis.glob("*labeled.csv")), encoding="utf-8", newline="") as fh:
            tweets = [r[1] for r in csv.reader(fh)][1:]
        step = max(1, len(tweets) // TWEETS_PER_CRISIS)
        for j, text in enumerate(tweets[::step][: limit or TWEETS_PER_CRISIS]):
            art = Article(id=f"crisis-{crisis.name}-{j}", date=day, text=text)
            yield art, lambda ev: NONE if ev.type in CONFLICT else None


def read_shown(path: Path, limit: int) -> Iterator[tuple[Article, Labeller]]:
    """The judged shown events of the samples up to the one at `path` (`shown_source.read_shown`)."""
    from shown_source import read_shown as read

    yield from read(path, limit)


SOURCES: dict[str, tuple[Reader, str]] = {
    "gold": (read_gold, "."),
    "ngec": (read_ngec, "ngec_synthetic_events.csv"),
    "rams": (read_rams, "rams_dev.jsonlines"),
    "wikievents": (read_wikievents, "wikievents_dev.jsonl"),
    "crisislex": (read_crisislex, "crisislex-t26"),
    "gsr": (read_gsr, "PLOVER_GSR_CAMEO.txt"),
    "news": (read_news, "news_candidates.jsonl"),
    "shown": (read_shown, "shown_t17_labels_1818.jsonl"),
}
#: The sources the shipped verifier learns from. The GSR can be read (`train_event_model.py --sources`) but is
#: left out: trained with it, 5-fold CV gave events-gold ROC AUC 0.788 (0.820 without) and WikiEvents 0.502
#: (0.575), and it keeps the GSR benchmark out of sample. The hand-labelled news candidates give their `train`
#: half only (their `heldout` half is `benchmarks/event_models.py`'s unseen-news check).
TRAINED_ON = ("gold", "ngec", "rams", "wikievents", "crisislex", "news")


def source_file(name: str, gold: Path, dev: Path) -> Path:
    """Where a training source lives: events-gold, the PLOVER folder beside events-dev (GSR), the labels beside
    this script (news), the last trained shown sample's labels under `benchmarks/data` (shown), or events-dev."""
    rel = SOURCES[name][1]
    if name == "news":
        return Path(__file__).resolve().parent / rel
    if name == "shown":
        return Path(__file__).resolve().parents[1] / "benchmarks" / "data" / rel
    return gold / rel if name == "gold" else dev.parent / "plover" / rel if name == "gsr" else dev / rel


def source_mtime(name: str, path: Path) -> float:
    """The latest modification time of the files a source's reader reads at `path`, for the caches' keys: the file
    itself, and for `shown` every sample's labels up to it (`shown_source.samples_up_to`). Keyed by the last
    sample's file alone, rows made from an earlier sample's older judgements would be read back after a correction."""
    files = [path]
    if name == "shown":
        from shown_source import samples_up_to

        files = samples_up_to(path)
    return max(f.stat().st_mtime for f in files)


def labelled_rows(name: str, docs: list[Document], labellers: dict[str, Labeller]) -> Iterator[Row]:
    """Label each candidate of a source's documents (coded with the verifier off)."""
    for doc in docs:
        for event in doc.events:
            label = labellers[doc.article.id](event)
            if label is not None:
                yield Row(name, doc.article.id, event.evidence.trigger_start or 0, event.type,
                          not (event.negated or event.hypothetical), label,
                          candidate_features(event, doc.parsed), event.evidence.sentence)


def cache_rows(name: str, path: Path, reader: Reader, limit: int, refresh: bool, detectors: list[Any],
               kind: str = DEFAULT_ROWS) -> list[Row]:
    """The labelled rows of a source, from the cache when the source, features and detectors are unchanged.

    Each document's candidates come from the lexicon and the fold's detector in `detectors` that never saw
    it (`detector_sources.recoded`), so the verifier learns from proposals as they come on unseen news; they are
    the mentions or the grouped events as `kind` (of `ROW_KINDS`) says (the key says which, "groups" keeping the
    old key).
    """
    from detector_sources import recoded

    if kind not in ROW_KINDS:
        raise ValueError(f"row kind {kind!r} is none of {ROW_KINDS}")
    weights = hashlib.sha256(b"".join(m.coef.tobytes() for m in detectors)).hexdigest()[:12]
    raw = (f"{path.resolve()}:{source_mtime(name, path)}:{limit}:{FEATURE_VERSION}:{LABEL_VERSION}:{weights}:"
           f"{pipeline_fingerprint()}:{DOCUMENT_FORM}" + ("" if kind == "groups" else f":{kind}"))
    key = hashlib.sha256(raw.encode()).hexdigest()[:12]
    cache = cache_folder() / f"{name}-{key}.jsonl"
    if cache.exists() and not refresh:
        return [Row(**json.loads(line)) for line in cache.read_text(encoding="utf-8").splitlines()]
    labellers = {art.id: labeller for art, labeller in reader(path, limit)}
    rows = list(labelled_rows(name, recoded(name, path, detectors, limit, refresh, kind == "mentions"), labellers))
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps({**asdict(r), "dense": []}) + "\n" for r in rows), encoding="utf-8")
    tmp.replace(cache)
    return rows


def attach_embeddings(rows: list[Row]) -> list[Row]:
    """The rows with their sentence's MiniLM embedding as the dense part, each sentence embedded once ever: the
    embeddings are kept under the cache folder by the SHA-256 of the sentence (and of the weights), so a re-run, or
    rows coded again after a lexicon change, embed only sentences not seen before."""
    import numpy as np

    from dateline.embed import WEIGHTS_SHA256, WIDTH, embed_sentences

    folder = cache_folder().parent / f"sentence-embeddings-{WEIGHTS_SHA256[:12]}"
    keys_path, vectors_path = folder / "keys.json", folder / "vectors.npy"
    keys: list[str] = json.loads(keys_path.read_text(encoding="utf-8")) if keys_path.exists() else []
    # the vectors are saved before the keys: rows past the keys are of a run stopped between the two, and would shift
    # every later sentence's embedding by one if kept
    vectors = (np.load(vectors_path) if vectors_path.exists() else np.zeros((0, WIDTH), np.float32))[: len(keys)]
    where = {k: i for i, k in enumerate(keys)}
    digest = {r.sentence: hashlib.sha256(r.sentence.encode("utf-8")).hexdigest() for r in rows}
    missing = sorted({s for s, k in digest.items() if k not in where})
    if missing:
        vectors = np.concatenate([vectors, embed_sentences(missing)])
        for s in missing:
            where[digest[s]] = len(keys)
            keys.append(digest[s])
        folder.mkdir(parents=True, exist_ok=True)
        np.save(vectors_path, vectors)
        keys_path.write_text(json.dumps(keys), encoding="utf-8")
    return [replace(r, dense=vectors[where[digest[r.sentence]]].astype(np.float64)) for r in rows]


def describe(rows: list[Row]) -> dict[str, Any]:
    """Counts of labels and lexicon agreement in some rows (for progress messages)."""
    return {"rows": len(rows), "agree": sum(r.coded == r.label for r in rows)}
