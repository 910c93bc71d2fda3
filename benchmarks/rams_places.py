"""Event places on RAMS (Ebner et al. 2020): does an event get the place its annotators gave it?

    .venv/bin/python benchmarks/rams_places.py [--limit N] [--errors]

RAMS annotates one event per 5-sentence news window, with its arguments; some have a `place`
argument. For the windows whose place argument is a name (it has a capital letter: "Aleppo", not
"the city" or "there"), and where dateline codes an event at the gold trigger (any type), this
counts the event's location as right when its surface text or place name overlaps the argument's
words, a wrong dot when it names another place, and no dot when it has none. RAMS was not used to
write or tune the location rules, so it checks them on text of other outlets; it is still only one
annotator's reading, and a place the window names elsewhere can be the argument. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path

from dateline.model import Article, Location
from dateline.pipeline import process

RAMS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "events-dev" / "rams_dev.jsonlines"


def read_windows(path: Path, limit: int) -> list[tuple[Article, int, str]]:
    """(article, trigger's character offset, place argument's words) for windows with a named place."""
    out = []
    for i, line in enumerate(open(path, encoding="utf-8")):
        if limit and i >= limit:
            break
        window = json.loads(line)
        tokens = [t for sentence in window["sentences"] for t in sentence]
        starts = [0]
        for token in tokens:
            starts.append(starts[-1] + len(token) + 1)
        places = [" ".join(tokens[a:b + 1]) for _, (a, b), role in window["gold_evt_links"] if role.endswith("place")]
        named = [p for p in places if any(c.isupper() for c in p)]
        if named:
            text = " ".join(tokens)
            article = Article(id=f"rams-{i}", date=dt.date(2016, 6, 1), text=text)
            out.append((article, starts[window["evt_triggers"][0][0]], named[0]))
    return out


def judge(location: Location | None, place: str) -> str:
    """right, wrong or none: whether a location names the argument's place."""
    if location is None:
        return "none"
    words = {w.lower() for w in place.replace(",", " ").split() if w[:1].isupper()}
    said = {w.lower() for w in f"{location.text or ''} {location.name or ''}".replace(",", " ").split()}
    return "right" if words & said else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="read only the first N windows")
    parser.add_argument("--errors", action="store_true", help="print every wrong or missing place on stderr")
    args = parser.parse_args()
    windows = read_windows(RAMS, args.limit)
    by_id = {article.id: (at, place) for article, at, place in windows}
    counts: collections.Counter = collections.Counter()
    for doc in process(article for article, _, _ in windows):
        at, place = by_id[doc.article.id]
        event = next((e for e in doc.events if e.evidence.trigger_start == at), None)
        if event is None:
            continue
        verdict = judge(event.location, place)
        counts.update(coded=1, **{verdict: 1})
        if args.errors and verdict != "right":
            where = event.location
            print(f"{doc.article.id} {event.type} <{event.evidence.trigger}> gold '{place}' system "
                  f"{where and where.name} ({where and where.basis})", file=sys.stderr)
    coded = max(counts["coded"], 1)
    print(json.dumps({"benchmark": "rams_places", "windows_with_named_place": len(windows), "coded": counts["coded"],
                      "right": round(counts["right"] / coded, 4), "wrong_dot": round(counts["wrong"] / coded, 4),
                      "no_dot": round(counts["none"] / coded, 4)}))


if __name__ == "__main__":
    main()
