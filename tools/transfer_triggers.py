"""Trigger words learned on some labelled sources and checked on the others, with each word's held-out precision.

    .venv/bin/python tools/transfer_triggers.py [--min-precision P]

`tools/mine_triggers.py --propose` folds documents of one pool; here the held-out part is whole *sources*, so a
word chosen for one corpus's habits (RAMS's "homicide", NGEC's synthetic phrasing) has to earn its place on
writing it was not chosen on. Two directions:

* mine on RAMS + NGEC story leads, check on WikiEvents + events-gold (both annotate every event in a text);
* mine on WikiEvents + events-gold, check on RAMS + NGEC.

Mining is `mine_triggers.choose` on gold triggers no entry covered (trigger-level sources) and
`mine_triggers.choose_ngec` on NGEC leads, both already excluding words of MUC-4 no-incident and CrisisLex
disaster documents. The check, per candidate (lemma/pos, type), on each held-out source:

* WikiEvents, events-gold: precision = occurrences of the word whose sentence holds a gold event of the type,
  over all its occurrences (these sources code every event, so an occurrence elsewhere is a false trigger);
  reach = gold triggers of the type, uncovered today, that are the word;
* RAMS (one annotated event per window, so no precision): reach only;
* NGEC: precision = leads holding the word whose story label is the type, over leads holding it.

Prints one JSON line per candidate and a summary; candidates whose pooled held-out precision is at least
`--min-precision` over at least MIN_HELD_OUT occurrences are marked `keep` — words to read, not to paste.
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
from dateline.events.lexicon import load_lexicon  # noqa: E402
from dateline.events.verify import unverified  # noqa: E402
from event_sets import rams_articles, wikievents_articles  # noqa: E402
from lexicon_eval import coded  # noqa: E402
from mine_triggers import (  # noqa: E402
    choose,
    choose_ngec,
    gold_articles,
    gold_triggers,
    negative_share,
    ngec_rows,
    rams_triggers,
    trigger_class,
    wikievents_triggers,
)

#: Held-out occurrences a candidate needs before its precision is read as evidence.
MIN_HELD_OUT = 3
FULLY_ANNOTATED = ("wikievents", "gold")
DIRECTIONS = ((("rams", "ngec"), ("wikievents", "gold")), (("wikievents", "gold"), ("rams", "ngec")))


def word_of(token: Any) -> str:
    """A token as "lemma/POS", the unit candidates are mined and checked in."""
    return f"{token.lemma_.lower()}/{token.pos_}"


def source_rows(name: str, loader: Any, triggers: dict[str, list[tuple[int, str]]]) -> dict[str, Any]:
    """A trigger-level source: its gold rows (doc, class, type, word) and, per word, the gold types of the
    sentence of each occurrence (for precision)."""
    articles, _ = loader(0)
    lexicon = load_lexicon()
    with unverified(), undetected():
        docs = coded(name, articles, False)
    rows, occurrences = [], {}
    for doc in docs:
        sentence_types: dict[int, set[str]] = {}
        for at, kind in triggers.get(doc.article.id, []):
            cls, token = trigger_class(doc, at, kind, lexicon)
            if token is not None:
                rows.append((doc.article.id, cls, kind, word_of(token)))
                sentence_types.setdefault(token.sent.start, set()).add(kind)
        for token in doc.parsed:
            if token.pos_ in ("VERB", "NOUN") and token.is_alpha:
                occurrences.setdefault(word_of(token), []).append(frozenset(sentence_types.get(token.sent.start, ())))
    return {"rows": rows, "occurrences": occurrences}


def load_sources() -> dict[str, Any]:
    """Every source read once: for events-gold, RAMS and WikiEvents their gold triggers with their classes
    (`rows`) and each verb or noun's occurrences with the gold types of its sentence (`occurrences`); for NGEC
    its story leads."""
    loaders = {"gold": (gold_articles, gold_triggers()), "rams": (rams_articles, rams_triggers()),
               "wikievents": (wikievents_articles, wikievents_triggers())}
    out = {name: source_rows(name, loader, triggers) for name, (loader, triggers) in loaders.items()}
    out["ngec"] = {"leads": ngec_rows()}
    return out


def mine(sources: dict[str, Any], names: tuple[str, ...], negatives: dict[str, float]) -> dict[str, tuple[str, int]]:
    """Candidates (word -> type, missed count) chosen on the named sources."""
    rows = [r for n in names if n != "ngec" for r in sources[n]["rows"]]
    chosen = choose(rows, negatives)
    if "ngec" in names:
        for word, (kind, n) in choose_ngec(sources["ngec"]["leads"], negatives).items():
            chosen.setdefault(word, (kind, n))
    return chosen


def check(sources: dict[str, Any], name: str, word: str, kind: str) -> dict[str, int]:
    """A candidate's held-out figures on one source: right / occurrences (precision), reach."""
    if name == "ngec":
        leads = [r for r in sources["ngec"]["leads"] if word in r[3]]
        return {"right": sum(r[1] == kind for r in leads), "seen": len(leads),
                "reach": sum(r[1] == kind and not r[2] for r in leads)}
    data = sources[name]
    reach = sum(r[3] == word and r[2] == kind and r[1].startswith("no_entry") for r in data["rows"])
    if name not in FULLY_ANNOTATED:
        return {"right": 0, "seen": 0, "reach": reach}
    seen = data["occurrences"].get(word, [])
    return {"right": sum(kind in types for types in seen), "seen": len(seen), "reach": reach}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-precision", type=float, default=0.5)
    args = parser.parse_args()
    sources = load_sources()
    negatives = negative_share()
    summary: Counter = Counter()
    for mined_on, held_out in DIRECTIONS:
        for word, (kind, n) in sorted(mine(sources, mined_on, negatives).items(), key=lambda x: (x[1][0], x[0])):
            checks = {name: check(sources, name, word, kind) for name in held_out}
            right = sum(c["right"] for c in checks.values())
            seen = sum(c["seen"] for c in checks.values())
            keep = seen >= MIN_HELD_OUT and right / seen >= args.min_precision
            summary[("+".join(mined_on), "keep" if keep else "drop")] += 1
            summary[("+".join(mined_on), "held_out_reach_kept")] += keep * sum(c["reach"] for c in checks.values())
            print(json.dumps({"mined_on": "+".join(mined_on), "word": word, "type": kind, "mined": n,
                              "held_out": checks, "precision": round(right / seen, 3) if seen else None,
                              "keep": keep}))
    print(json.dumps({"summary": {" ".join(k): v for k, v in summary.items()}}))


if __name__ == "__main__":
    main()
