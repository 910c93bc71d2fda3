"""Train the event detector (`dateline.events.detect`) from token-labelled news and report it per source.

    .venv/bin/python tools/train_event_detector.py --gold ../shared/data/events-gold \\
        --dev ../shared/data/events-dev [--out src/dateline/data/models] [--limit N] [--refresh]

Every verb and noun the lexicon did not code (the tokens the detector is asked about at run time) is a
row: its `detector_features` and its label from the source's annotation (`detector_sources.py`: a
PLOVER type, NONE, or unknown and left out). The model is a multinomial logistic regression
(scikit-learn, a development dependency only) written as plain numbers: an `.npz` of coefficients and
a JSON of vocabulary, classes, threshold and figures.

Cross-validation is grouped by document (`document_fold`, the verifier's all-source folds). Reported
on stderr and stored in the metadata, per source: of the annotated political triggers, the share
proposed with the right type (recall), and on the fully annotated sources the share of proposals that
are right (precision). The proposal threshold is the one (0.05 steps) with the best F1 of the
out-of-fold proposals on the fully annotated news (events-gold and WikiEvents): the verifier filters
what the detector proposes, so the detector's cut balances the two.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cache_keys import cache_folder, pipeline_fingerprint
from dateline.events import linear
from dateline.events.coder import find_triggers
from dateline.events.detect import (
    FEATURE_VERSION,
    MODEL_NAME,
    NONE,
    detector_features,
    is_candidate,
)
from dateline.events.lexicon import load_lexicon
from dateline.events.linear import LinearModel
from dateline.model import Document
from dateline.syntax import REPORTING_VERBS
from detector_sources import SOURCE_VERSION, SOURCES, Span, parsed_source, token_label
from event_sources import source_file, source_mtime
from train_event_model import FOLDS, SEED, document_fold, fit_linear

#: How much one row of each source counts: events-gold is the target domain; NGEC's label sits on a guessed
#: token (the lead's root verb); CrisisLex tweets are many and alike.
SOURCE_WEIGHT = {"gold": 3.0, "wikievents": 1.0, "rams": 1.0, "ngec": 0.3, "crisislex": 0.3}
MIN_COUNT = 2
C = 0.5
#: Bumped whenever the token labels change (`sentence_rows`, `_lead_target`), so cached rows are labelled again
#: (the parses, keyed by `detector_sources.SOURCE_VERSION`, are kept).
LABEL_VERSION = 2
#: Sources where every event is annotated: proposals there can be judged right or wrong.
JUDGED = ("gold", "wikievents")


@dataclass(frozen=True)
class TokenRow:
    """One verb or noun the lexicon left alone: its document, features and label."""

    source: str
    group: str
    label: str
    features: list[str]
    lexical: bool  # a lexicon trigger: trained on, but the detector is asked only about the other tokens


def sentence_rows(name: str, doc: Document, spans: list[Span], scope: str) -> Iterable[TokenRow]:
    """The labelled rows of one document's tokens (left out: tokens in text that is not the story)."""
    lexicon = load_lexicon()
    sents = list(doc.parsed.sents)
    for n, sent in enumerate(sents):
        lexicon_types = {t.token.i: t.entry.type for t in find_triggers(sent, lexicon)}
        target = _lead_target(sent, lexicon_types, spans) if scope == "lead" and n == 0 else None
        for token in sent:
            if not is_candidate(token) or doc.excluded_at(token.idx) is not None:
                continue
            if scope == "lead":
                label = spans[0][2] if target is not None and token.i == target else None
            else:
                label = token_label(token, spans, scope)
            if label is not None:
                yield TokenRow(name, doc.article.id, label, detector_features(token, lexicon_types),
                               token.i in lexicon_types)


def _lead_target(sent: Any, lexicon_types: dict[int, str], spans: list[Span]) -> int | None:
    """NGEC: the lexicon's trigger of the story's type in the lead carries the label, else the lead's reported act.

    The act is the root verb, or, when the root is a verb of saying that reports no act of its own ("officials
    said", "the ministry announced that ..."), the verb of the clause it reports (`reported_act`). Labelling the
    saying itself taught the detector that "said" and "announced" are CONCEDE or ACCUSE (story types NGEC leads
    often report): on the GSR it then proposed 23 such events, shown at 0.6-0.85, on sentences whose act the
    lexicon had already coded."""
    coded = next((i for i, t in lexicon_types.items() if t == spans[0][2]), None)
    if coded is not None:
        return coded
    act = reported_act(sent.root, lexicon_types)
    return act.i if act is not None and is_candidate(act) else None


def reported_act(verb: Any, lexicon_types: dict[int, str]) -> Any | None:
    """The act a clause reports: the verb itself, or, past verbs of saying the lexicon reads as no act ("said",
    "announced"; not "denied", a REJECT), the head of the clause they report (None when such a verb reports no
    clause: "the ministry said in a statement")."""
    while verb.lemma_.lower() in REPORTING_VERBS and verb.i not in lexicon_types:
        verb = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if verb is None:
            return None
    return verb


def load_rows(gold: Path, dev: Path, names: Iterable[str], limit: int = 0, refresh: bool = False) -> list[TokenRow]:
    """The labelled token rows of each source in `names`, in the sources' and documents' order."""
    rows: list[TokenRow] = []
    for name in names:
        path = source_file(name, gold, dev)
        if not path.exists():
            print(f"{name}: {path} missing, skipped", file=sys.stderr)
            continue
        got = source_rows(name, path, limit, refresh)
        labels = dict(Counter(r.label for r in got).most_common(6))
        print(f"{name}: {len(got)} tokens, labels {labels}", file=sys.stderr)
        rows += got
    return rows


def source_rows(name: str, path: Path, limit: int, refresh: bool) -> list[TokenRow]:
    """One source's token rows, from the row cache when the source, the features and every stage's code and data
    (`pipeline_fingerprint`) are unchanged.

    Reading a source's parses back and walking every token takes minutes (NGEC, CrisisLex); the rows are small,
    so they are kept."""
    raw = (f"{path.resolve()}:{source_mtime(name, path)}:{limit}:{SOURCE_VERSION}:{LABEL_VERSION}:{FEATURE_VERSION}:"
           f"{pipeline_fingerprint()}")
    key = hashlib.sha256(raw.encode()).hexdigest()[:12]
    cache = cache_folder().parent / "event-detect" / f"rows-{name}-{key}.jsonl"
    if cache.exists() and not refresh:  # rows cached before the parser-vector path went carry an empty "dense"
        return [TokenRow(**{k: v for k, v in json.loads(line).items() if k != "dense"})
                for line in cache.read_text(encoding="utf-8").splitlines()]
    got = [r for doc, spans, scope in parsed_source(name, path, limit, refresh)
           for r in sentence_rows(name, doc, spans, scope)]
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(asdict(r)) + "\n" for r in got), encoding="utf-8")
    tmp.replace(cache)
    return got


def fit(rows: list[TokenRow], c: float = C, threshold: float = 0.5) -> LinearModel:
    """A detector trained on `rows` by the shared trainer (one that proposes nothing without event labels)."""
    return replace(fit_linear(rows, c, SOURCE_WEIGHT, False, MIN_COUNT), threshold=threshold)


def fold_models(rows: list[TokenRow], c: float = C, threshold: float = 0.5) -> list[LinearModel]:
    """One detector per fold of `document_fold`, each trained without that fold's documents."""
    return [fit([r for r in rows if document_fold(r.group) != k], c, threshold) for k in range(FOLDS)]


def out_of_fold(rows: list[TokenRow], models: list[LinearModel]) -> list[tuple[str, float]]:
    """Each row's best class and its probability from the model that never saw its document."""
    out: list[tuple[str, float]] = [(NONE, 0.0)] * len(rows)
    folds = [document_fold(r.group) for r in rows]
    for k, model in enumerate(models):
        test = [i for i, f in enumerate(folds) if f == k]
        probs = model.probabilities_of_many([rows[i].features for i in test])
        for i, p in zip(test, probs, strict=True):
            best = int(np.argmax(p))
            out[i] = (model.classes[best], float(p[best]))
    return out


def figures(rows: list[TokenRow], oof: list[tuple[str, float]], threshold: float) -> dict[str, Any]:
    """Per source: recall of annotated political triggers; on judged sources, precision of proposals."""
    report: dict[str, Any] = {}
    for name in sorted({r.source for r in rows}):
        pairs = [(r, p) for r, p in zip(rows, oof, strict=True) if r.source == name and not r.lexical]
        events = [(r, p) for r, p in pairs if r.label != NONE]
        proposed = [(r, p) for r, p in pairs if p[0] != NONE and p[1] >= threshold]
        found = sum(p[0] == r.label and p[1] >= threshold for r, p in events)
        entry = {"tokens": len(pairs), "events": len(events), "recall": round(found / max(len(events), 1), 3),
                 "proposed": len(proposed)}
        if name in JUDGED or name == "crisislex":
            right = sum(r.label == p[0] for r, p in proposed)
            entry["precision"] = round(right / max(len(proposed), 1), 3)
        report[name] = entry
    return report


def pick_threshold(rows: list[TokenRow], oof: list[tuple[str, float]]) -> float:
    """The 0.05 step with the best F1 of out-of-fold proposals on the fully annotated news."""
    best, best_f = 0.5, -1.0
    judged = [(r, p) for r, p in zip(rows, oof, strict=True) if r.source in JUDGED and not r.lexical]
    events = sum(r.label != NONE for r, _ in judged)
    for step in range(4, 19):
        t = step * 0.05
        proposed = [(r, p) for r, p in judged if p[0] != NONE and p[1] >= t]
        right = sum(r.label == p[0] for r, p in proposed)
        f = 2 * right / max(len(proposed) + events, 1)
        if f > best_f:
            best, best_f = round(t, 2), f
    return best


@lru_cache(maxsize=2)
def cross_fitted_detectors(gold: Path, dev: Path, limit: int = 0, refresh: bool = False) -> list[LinearModel]:
    """The fold detectors (one per `document_fold`, each trained without its fold) at the threshold the
    shipped detector gets: what codes each training document for the verifier and the benchmark."""
    rows = load_rows(gold, dev, SOURCES, limit, refresh)
    models = fold_models(rows)
    threshold = pick_threshold(rows, out_of_fold(rows, models))
    return [replace(m, threshold=threshold) for m in models]


def train(gold: Path, dev: Path, out: Path, sources: Iterable[str] = tuple(SOURCES), limit: int = 0,
          refresh: bool = False, c: float = C) -> LinearModel:
    """Train the detector on `sources`, pick its threshold on the out-of-fold proposals, report the CV figures per
    source on stderr and write the model to `out` (the same rows give the same files, byte for byte)."""
    rows = load_rows(gold, dev, sources, limit, refresh)
    oof = out_of_fold(rows, fold_models(rows, c))
    threshold = pick_threshold(rows, oof)
    report = figures(rows, oof, threshold)
    print(f"detector threshold {threshold}; 5-fold CV by document: {json.dumps(report)}", file=sys.stderr)
    model = fit(rows, c, threshold)
    linear.write_model(model, out, MODEL_NAME, FEATURE_VERSION,
                       {"c": c, "seed": SEED, "dense": False, "rows": dict(Counter(r.source for r in rows)),
                        "source_weight": SOURCE_WEIGHT, "cv_by_source": report})
    print(f"wrote {linear.model_files(out, MODEL_NAME)[0]} ({len(model.vocabulary)} features)", file=sys.stderr)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="events-gold folder (articles.jsonl, gold.json)")
    parser.add_argument("--dev", type=Path, required=True, help="events-dev folder (WikiEvents, RAMS, NGEC, CrisisLex)")
    parser.add_argument("--out", type=Path, default=Path("src/dateline/data/models"))
    parser.add_argument("--limit", type=int, default=0, help="at most N documents per source (0: all)")
    parser.add_argument("--refresh", action="store_true", help="parse the sources again, ignoring the cache")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--sources", default=",".join(SOURCES), help="comma-separated sources to train on")
    args = parser.parse_args()
    train(args.gold, args.dev, args.out, args.sources.split(","), args.limit, args.refresh, args.c)


if __name__ == "__main__":
    main()
