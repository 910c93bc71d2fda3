"""Why gold events of RAMS and WikiEvents get no candidate, and which trigger lemmas the lexicon lacks.

    .venv/bin/python tools/mine_triggers.py [--list N]

Reads the gold triggers of RAMS and WikiEvents dev (AIDA/KAIROS types mapped to PLOVER by
`event_sources.map_aida`), finds each trigger's token in the cached parse (`lexicon_eval.parsed`), codes the
documents with the lexicon alone and sorts every gold event into one class:

* `found`: an event of the gold type was coded in its sentence;
* `modality`: coded there, but read as negated or hypothetical;
* `merged`: coded, and grouped as a mention into an event whose own trigger is in another sentence (the
  benchmarks' sentence test misses it);
* `no_entry_verb` / `no_entry_noun` / `no_entry_other`: the lexicon has no entry for the trigger token;
* `entry_other_type`: the trigger token has an entry, of another type;
* `entry_dropped`: an entry of the gold type, but no event of it (the non-political frame, the story stage,
  or grouping dropped or moved it).

Prints a JSON line of counts per source and class, and with `--list N` the N most frequent missed
(type, lemma, part of speech) per source on stderr: the candidates for new lexicon entries.

`--propose` learns those candidates instead and checks them on held-out documents: in 5 folds over the RAMS and
WikiEvents documents, a missed (lemma, part of speech) becomes an entry of type T when the training folds hold
it as a missed gold trigger at least MIN_COUNT times, T is at least MIN_SHARE of its gold triggers, and it
occurs in at most MAX_NEGATIVE of the MUC-4 no-incident and CrisisLex disaster documents (words of disasters
and of everyday violence are left to a human). It prints, per fold, the held-out misses the entries would
reach, and the entries chosen on all documents with their counts: candidates to read, not entries to paste.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tools")]

from dateline.events.detect import undetected  # noqa: E402
from dateline.events.lexicon import load_lexicon, verb_used_as_noun  # noqa: E402
from dateline.events.verify import NONE, unverified  # noqa: E402
from dateline.model import Document  # noqa: E402
from event_sets import DEV, _rams, _wikievents  # noqa: E402
from event_sources import map_aida  # noqa: E402
from lexicon_eval import coded  # noqa: E402


def rams_triggers() -> dict[str, list[tuple[int, str]]]:
    """Per RAMS document id, (character offset of the trigger, PLOVER type) of its one event."""
    out: dict[str, list[tuple[int, str]]] = {}
    for i, line in enumerate(open(DEV / "rams_dev.jsonlines", encoding="utf-8")):
        d = json.loads(line)
        plover = map_aida(d["evt_triggers"][0][2][0][0])
        tokens = [t for s in d["sentences"] for t in s]
        start = d["evt_triggers"][0][0]
        if plover and plover != NONE:
            out[f"rams-{i}"] = [(len(" ".join(tokens[:start])) + (1 if start else 0), plover)]
    return out


def wikievents_triggers() -> dict[str, list[tuple[int, str]]]:
    """Per WikiEvents document id, (character offset, PLOVER type) of each political event mention."""
    out: dict[str, list[tuple[int, str]]] = {}
    for line in open(DEV / "wikievents_dev.jsonl", encoding="utf-8"):
        d = json.loads(line)
        tokens = [t for s in d["sentences"] for t in s[0]]
        for m in d["event_mentions"]:
            plover = map_aida(m["event_type"])
            if plover and plover != NONE:
                out.setdefault(f"wiki-{d['doc_id']}", []).append((tokens[m["trigger"]["start"]][1], plover))
    return out


def trigger_class(doc: Document, at: int, kind: str, lexicon: Any) -> tuple[str, Any]:
    """The class of one gold trigger (see the module docstring) and its token."""
    token = next((t for t in doc.parsed if t.idx <= at < t.idx + max(len(t.text), 1)), None)
    if token is None:
        return "no_token", None
    sent = token.sent
    here = [e for e in doc.events
            if e.type == kind and sent.start_char <= (e.evidence.trigger_start or -1) < sent.end_char]
    if any(not e.negated and not e.hypothetical for e in here):
        return "found", token
    if here:
        return "modality", token
    if token.pos_ == "VERB" and not verb_used_as_noun(token):
        entry = lexicon.verb_entry(token)
    elif token.pos_ in ("NOUN", "VERB"):
        entry = lexicon.noun_entry(token)
    else:
        entry = lexicon.adjective_entry(token) if token.pos_ == "ADJ" else None
    if any(e.type == kind and m.trigger_start == token.idx for e in doc.events for m in e.mentions):
        return "merged", token
    if entry is None:
        pos = token.pos_ if token.pos_ in ("VERB", "NOUN") else "other"
        return f"no_entry_{pos.lower()}", token
    return ("entry_dropped" if entry.type == kind else "entry_other_type"), token


def classify(name: str, loader: Any, triggers: dict[str, list[tuple[int, str]]]) -> tuple[Counter, Counter]:
    """Counts per class, and per (class, type, lemma, pos) of the misses."""
    articles, _ = loader(0)
    lexicon = load_lexicon()
    with unverified(), undetected():
        docs = coded(name, articles, False)
    classes: Counter = Counter()
    lemmas: Counter = Counter()
    for doc in docs:
        for at, kind in triggers.get(doc.article.id, []):
            cls, token = trigger_class(doc, at, kind, lexicon)
            classes[cls] += 1
            if cls != "found" and token is not None:
                lemmas[(cls, kind, token.lemma_.lower(), token.pos_)] += 1
    return classes, lemmas


MIN_COUNT = 2
MIN_SHARE = 0.8
MAX_NEGATIVE = 0.02


def gold_lemmas(name: str, loader: Any, triggers: dict[str, list[tuple[int, str]]]) -> list[tuple[str, str, str, str]]:
    """(document id, class, type, lemma/pos) of every gold trigger of a source."""
    articles, _ = loader(0)
    lexicon = load_lexicon()
    with unverified(), undetected():
        docs = coded(name, articles, False)
    rows = []
    for doc in docs:
        for at, kind in triggers.get(doc.article.id, []):
            cls, token = trigger_class(doc, at, kind, lexicon)
            if token is not None:
                rows.append((doc.article.id, cls, kind, f"{token.lemma_.lower()}/{token.pos_}"))
    return rows


def negative_share() -> dict[str, float]:
    """Per lemma/pos, the share of MUC-4 no-incident and CrisisLex disaster documents holding it."""
    from event_sets import _crisis_tweets, _muc
    from lexicon_eval import parsed

    counts: Counter = Counter()
    total = 0
    for name, load in (("muc4", _muc), ("crisislex", _crisis_tweets)):
        for doc in parsed(name, load(0), False):
            counts.update({f"{t.lemma_.lower()}/{t.pos_}" for t in doc})
            total += 1
    return {k: v / total for k, v in counts.items()}


def choose(rows: list[tuple[str, str, str, str]], negatives: dict[str, float]) -> dict[str, tuple[str, int]]:
    """The entries the rows support: lemma/pos -> (type, missed count)."""
    by_lemma: dict[str, Counter] = {}
    missed: Counter = Counter()
    for _, cls, kind, lemma in rows:
        by_lemma.setdefault(lemma, Counter())[kind] += 1
        if cls.startswith("no_entry"):
            missed[(lemma, kind)] += 1
    out = {}
    for (lemma, kind), n in missed.items():
        share = by_lemma[lemma][kind] / sum(by_lemma[lemma].values())
        if n >= MIN_COUNT and share >= MIN_SHARE and negatives.get(lemma, 0.0) <= MAX_NEGATIVE:
            out[lemma] = (kind, n)
    return out


def propose() -> dict[str, Any]:
    """Cross-validated reach of learned entries, and the entries learned on every document."""
    rows = gold_lemmas("rams", _rams, rams_triggers()) + gold_lemmas("wikievents", _wikievents, wikievents_triggers())
    negatives = negative_share()
    docs = sorted({r[0] for r in rows})
    fold_of = {d: i % 5 for i, d in enumerate(docs)}
    reached = held_out_misses = 0
    for fold in range(5):
        entries = choose([r for r in rows if fold_of[r[0]] != fold], negatives)
        test = [r for r in rows if fold_of[r[0]] == fold and r[1] != "found"]
        held_out_misses += len(test)
        reached += sum(entries.get(r[3], ("",))[0] == r[2] for r in test)
    for lemma, (kind, n) in sorted(choose(rows, negatives).items(), key=lambda x: -x[1][1]):
        print(f"{kind}\t{lemma}\t{n}\tnegative share {negatives.get(lemma, 0.0):.4f}", file=sys.stderr)
    return {"gold_triggers": len(rows), "held_out_misses": held_out_misses, "reached_by_learned_entries": reached}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=int, default=0, help="print the N most frequent missed lemmas per source")
    parser.add_argument("--propose", action="store_true", help="learn missed lemmas as entries, cross-validated")
    args = parser.parse_args()
    if args.propose:
        print(json.dumps(propose()))
        return
    out = {}
    for name, loader, triggers in (("rams", _rams, rams_triggers()), ("wikievents", _wikievents,
                                                                         wikievents_triggers())):
        classes, lemmas = classify(name, loader, triggers)
        out[name] = dict(classes)
        for (cls, kind, lemma, pos), n in lemmas.most_common(args.list):
            print(f"{name}\t{n}\t{cls}\t{kind}\t{lemma}\t{pos}", file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
