"""Why gold events of events-gold, RAMS and WikiEvents get no candidate, and which trigger lemmas the lexicon lacks.

    .venv/bin/python tools/mine_triggers.py [--list N]

Reads the gold triggers of events-gold (fact events) and of RAMS and WikiEvents dev (AIDA/KAIROS types mapped
to PLOVER by `event_sources.map_aida`), finds each trigger's token in the cached parse (`lexicon_eval.parsed`),
codes the documents with the lexicon alone and sorts every gold event into one class:

* `found`: an event of the gold type was coded in its sentence;
* `modality`: coded there, but read as negated or hypothetical;
* `merged`: coded, and grouped as a mention into an event whose own trigger is in another sentence (the
  benchmarks' sentence test misses it);
* `no_entry_verb` / `no_entry_noun` / `no_entry_other`: the lexicon has no entry for the trigger token;
* `entry_other_type`: the trigger token has an entry, of another type;
* `not_story`: the trigger lies in text the story stage excludes (comments, captions, bylines ...);
* `nonpolitical_frame`: an entry of the gold type, dropped by the non-political frame (`events.frame`);
* `entry_dropped`: an entry of the gold type, but no event of it for another reason.

`--leads` does the same for the sources labelled per text, not per trigger (NGEC story leads, the political
reports of `benchmarks/short_reports.py`): `found`; `modality`; `nonpolitical_frame` (a token has an entry of the
label, dropped by the frame); `entry_dropped` (such a token, no event for another reason); `other_type` (only
events of other types); `no_candidate` (no event at all).

Prints a JSON line of counts per source and class, and with `--list N` the N most frequent missed
(type, lemma, part of speech) per source on stderr: the candidates for new lexicon entries.

`--propose` learns those candidates instead and checks them on held-out documents: in 5 folds over the RAMS and
WikiEvents documents, a missed (lemma, part of speech) becomes an entry of type T when the training folds hold
it as a missed gold trigger at least MIN_COUNT times, T is at least MIN_SHARE of its gold triggers, and it
occurs in at most MAX_NEGATIVE of the MUC-4 no-incident and CrisisLex disaster documents (words of disasters
and of everyday violence are left to a human). It prints, per fold, the held-out misses the entries would
reach, and the entries chosen on all documents with their counts: candidates to read, not entries to paste.
On NGEC's synthetic stories (labelled per story, not per trigger) the same is done on the lead sentences: a verb
or noun on which no entry fired, in at least NGEC_MIN_MISSED missed leads of one label that holds at least
NGEC_MIN_SHARE of the leads with it.
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
from dateline.events.frame import nonpolitical_frame  # noqa: E402
from dateline.events.lexicon import load_lexicon, verb_used_as_noun  # noqa: E402
from dateline.events.verify import NONE, unverified  # noqa: E402
from dateline.model import Document  # noqa: E402
from dev_texts import map_aida  # noqa: E402
from event_sets import DEV, GOLD, rams_articles, wikievents_articles  # noqa: E402
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


def gold_articles(limit: int = 0) -> tuple[list[Any], dict[str, Any]]:
    """The events-gold articles as `dateline extract` reads them (the loader shape of `event_sets`)."""
    from dateline.read import read_articles
    from dateline.read.base import ReadReport

    return list(read_articles([str(GOLD / "articles.jsonl")], ReadReport()))[: limit or None], {}


def gold_triggers() -> dict[str, list[tuple[int, str]]]:
    """Per events-gold article, (character offset of the trigger's first word, type) of each fact event."""
    texts = {a.id: a.text for a in gold_articles()[0]}
    out: dict[str, list[tuple[int, str]]] = {}
    for record in json.loads((GOLD / "gold.json").read_text(encoding="utf-8")):
        text = texts[record["id"]]
        for event in record["events"]:
            if event.get("status", "fact") != "fact":
                continue
            start = max(text.find(event["sentence"]), 0)
            sentence = text[start:start + len(event["sentence"])]
            word = event["trigger"].split()[0] if event["trigger"] else ""
            at = sentence.find(event["trigger"]) if event["trigger"] in sentence else sentence.find(word)
            out.setdefault(record["id"], []).append((start + max(at, 0), event["type"]))
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
    if doc.excluded_at(token.idx) is not None:
        return "not_story", token
    if any(e.type == kind and m.trigger_start == token.idx for e in doc.events for m in e.mentions):
        return "merged", token
    if entry is None:
        pos = token.pos_ if token.pos_ in ("VERB", "NOUN") else "other"
        return f"no_entry_{pos.lower()}", token
    if entry.type != kind:
        return "entry_other_type", token
    return ("nonpolitical_frame" if nonpolitical_frame(doc, token, entry.type) else "entry_dropped"), token


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
    from event_sets import crisis_tweet_articles, muc_articles
    from lexicon_eval import parsed

    counts: Counter = Counter()
    total = 0
    for name, load in (("muc4", muc_articles), ("crisislex", crisis_tweet_articles)):
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
    rows = (gold_lemmas("rams", rams_articles, rams_triggers())
            + gold_lemmas("wikievents", wikievents_articles, wikievents_triggers()))
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


#: NGEC leads: a lemma missed in at least this many stories of one label ...
NGEC_MIN_MISSED = 6
#: ... and that label holding at least this share of the stories whose lead has the lemma.
NGEC_MIN_SHARE = 0.6


def ngec_rows() -> list[tuple[str, str, bool, frozenset[str]]]:
    """Per NGEC story: id, label, whether its lead got an event of the label, and the lead's verb and noun lemmas
    on which no lexicon entry fired."""
    from lexicon_eval import ngec_leads

    articles, golds = ngec_leads()
    with unverified(), undetected():
        docs = coded("ngec", articles, False)
    rows = []
    for doc in docs:
        label = golds[doc.article.id][0][2]
        fired = {e.evidence.trigger_start for e in doc.events}
        lemmas = frozenset(f"{t.lemma_.lower()}/{t.pos_}" for t in doc.parsed
                           if t.pos_ in ("VERB", "NOUN") and t.idx not in fired and t.is_alpha)
        found = any(e.type == label and not e.negated and not e.hypothetical for e in doc.events)
        rows.append((doc.article.id, label, found, lemmas))
    return rows


def choose_ngec(rows: list[tuple[str, str, bool, frozenset[str]]], negatives: dict[str, float]) -> dict[str, Any]:
    """Lemmas of missed leads that stand for one label: lemma/pos -> (label, missed stories)."""
    per_label: dict[str, Counter] = {}
    missed: Counter = Counter()
    for _, label, found, lemmas in rows:
        for lemma in lemmas:
            per_label.setdefault(lemma, Counter())[label] += 1
            if not found:
                missed[(lemma, label)] += 1
    out = {}
    for (lemma, label), n in missed.items():
        share = per_label[lemma][label] / sum(per_label[lemma].values())
        if n >= NGEC_MIN_MISSED and share >= NGEC_MIN_SHARE and negatives.get(lemma, 0.0) <= MAX_NEGATIVE:
            out[lemma] = (label, n)
    return out


def propose_ngec() -> dict[str, Any]:
    """As `propose`, on NGEC's story leads: held-out missed leads holding a lemma chosen for their label."""
    rows = ngec_rows()
    negatives = negative_share()
    reached = held_out = 0
    for fold in range(5):
        chosen = choose_ngec([r for i, r in enumerate(rows) if i % 5 != fold], negatives)
        test = [r for i, r in enumerate(rows) if i % 5 == fold and not r[2]]
        held_out += len(test)
        reached += sum(any(chosen.get(lemma, ("",))[0] == r[1] for lemma in r[3]) for r in test)
    for lemma, (label, n) in sorted(choose_ngec(rows, negatives).items(), key=lambda x: (x[1][0], -x[1][1])):
        print(f"NGEC {label}\t{lemma}\t{n}\tnegative share {negatives.get(lemma, 0.0):.4f}", file=sys.stderr)
    found = sum(r[2] for r in rows)
    return {"ngec_leads": len(rows), "found": found, "held_out_missed": held_out, "reached_by_learned_lemmas": reached}


def lead_class(doc: Document, label: str, lexicon: Any) -> str:
    """The class of one text labelled `label` as a whole (see `--leads` in the module docstring)."""
    of_label = [e for e in doc.events if e.type == label]
    if any(not e.negated and not e.hypothetical for e in of_label):
        return "found"
    if of_label:
        return "modality"
    for token in doc.parsed:
        if token.pos_ == "VERB" and not verb_used_as_noun(token):
            entry = lexicon.verb_entry(token)
        else:
            entry = lexicon.noun_entry(token) if token.pos_ in ("NOUN", "VERB") else None
        if entry is not None and entry.type == label:
            return "nonpolitical_frame" if nonpolitical_frame(doc, token, label) else "entry_dropped"
    return "other_type" if doc.events else "no_candidate"


def classify_leads() -> dict[str, dict[str, int]]:
    """Counts per class of the NGEC leads and the short political reports."""
    import datetime as dt

    from dateline.model import Article
    from lexicon_eval import ngec_leads
    from short_reports import load_reports

    lexicon = load_lexicon()
    reports = [r for r in load_reports() if r["type"] is not None]
    short = ([Article(id=r["id"], date=dt.date.fromisoformat(r["date"]), text=r["text"]) for r in reports],
             {r["id"]: r["type"] for r in reports})
    leads, golds = ngec_leads()
    sources = {"ngec": (leads, {k: v[0][2] for k, v in golds.items()}), "short": short}
    out = {}
    for name, (articles, labels) in sources.items():
        with unverified(), undetected():
            docs = coded(name if name == "ngec" else "short-political", articles, False)
        out[name] = dict(Counter(lead_class(d, labels[d.article.id], lexicon) for d in docs))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=int, default=0, help="print the N most frequent missed lemmas per source")
    parser.add_argument("--propose", action="store_true", help="learn missed lemmas as entries, cross-validated")
    parser.add_argument("--leads", action="store_true", help="classify the misses of texts labelled as a whole")
    args = parser.parse_args()
    if args.leads:
        print(json.dumps(classify_leads()))
        return
    if args.propose:
        print(json.dumps({**propose(), **propose_ngec()}))
        return
    out = {}
    sources = (("gold", gold_articles, gold_triggers()), ("rams", rams_articles, rams_triggers()),
               ("wikievents", wikievents_articles, wikievents_triggers()))
    for name, loader, triggers in sources:
        classes, lemmas = classify(name, loader, triggers)
        out[name] = dict(classes)
        for (cls, kind, lemma, pos), n in lemmas.most_common(args.list):
            print(f"{name}\t{n}\t{cls}\t{kind}\t{lemma}\t{pos}", file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
