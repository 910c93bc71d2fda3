"""Toponym recognition on RAMS (Ebner et al. 2020): is a named place argument recognised as a place?

    .venv/bin/python benchmarks/rams_toponyms.py [--parsed FILE] [--errors]

RAMS annotates, in 5-sentence news windows, the place where an event happened. Where that argument
is a name (it has a capital letter), the places stage should recognise a toponym overlapping it,
whatever the event stage later makes of it. This is recall only (RAMS does not mark every place, so
it cannot count false positives: GeoWebNews' precision in `geo.py` does that), on every window rather
than only those where an event is coded at the trigger (`rams_places.py`). Arguments that are
demonyms ("Syrian") are left out: dateline keeps them for the actors. RAMS was not used to write the
rules. Each miss is put in a class by what spaCy made of the words (`miss_kind`), and `--errors`
prints them on stderr. `--parsed FILE` caches the spaCy parses in a DocBin file. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path

from dateline.geo import get_gazetteer, tag_places
from dateline.geo.names import fold
from dateline.model import Article, Document
from dateline.nlp import load_model
from geo import miss_kind, parse_texts
from rams_places import RAMS, named_place_args


def read_places(path: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each window's text with the character spans of its named place arguments."""
    with open(path, encoding="utf-8") as lines:
        return [(text, sorted(set(named))) for text, _, named in (named_place_args(json.loads(line)) for line in lines)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rams", type=Path, default=RAMS)
    parser.add_argument("--parsed", type=Path, help="DocBin file caching the parses")
    parser.add_argument("--errors", action="store_true", help="print every missed place on stderr")
    args = parser.parse_args()
    windows = [w for w in read_places(args.rams) if w[1]]
    gazetteer = get_gazetteer()
    parsed = parse_texts(load_model(), [text for text, _ in windows], args.parsed)
    counts: collections.Counter = collections.Counter()
    misses: collections.Counter = collections.Counter()
    for i, ((text, spans), doc) in enumerate(zip(windows, parsed, strict=True)):
        document = tag_places(Document(Article(f"rams-{i}", dt.date(2016, 6, 1), text), parsed=doc))
        for start, end in spans:
            if gazetteer.demonym(fold(text[start:end])):
                counts["demonym"] += 1
                continue
            counts["named"] += 1
            if any(p.start < end and start < p.end for p in document.places):
                counts["recognised"] += 1
                continue
            kind = miss_kind(doc, start, end)
            misses[kind] += 1
            if args.errors:
                print(f"{kind:28} {text[start:end]!r} | {text[max(0, start - 60):end + 40]!r}", file=sys.stderr)
    print(json.dumps({"benchmark": "rams_toponyms", "windows": len(windows), "named_places": counts["named"],
                      "demonyms_left_out": counts["demonym"],
                      "recall": round(counts["recognised"] / max(1, counts["named"]), 4),
                      "misses_by_kind": dict(misses.most_common())}))


if __name__ == "__main__":
    main()
