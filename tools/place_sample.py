"""A fresh Timeline17 sample for judging where dateline puts the events it shows, and the tally of those places.

    .venv/bin/python tools/place_sample.py draw --seed 183 [--size 14] [--exclude IDS.txt ...]   # one id a line
    .venv/bin/python tools/place_sample.py sheet OUT.jsonl --seed 183 [--exclude IDS.txt ...]    # shown events to judge
    .venv/bin/python tools/place_sample.py tally --seed 183                                       # judged, by verdict

Why: events-gold is where the location rules were written, so its figures say little about news the rules never
saw. A place sample judges, cold, the place of every factual event the default view shows on unseen articles: a
wrong dot (worse than none), a right place, an enclosing area where the text names a finer one, and no place where
the text gives one.

The draw (`draw`): the first `size` Timeline17 articles (every folder) of `MIN_CHARS`-`MAX_CHARS` characters in the
order of `draw_key` (a hash of the seed and the article id), skipping those of events-gold, of
`news_candidates.jsonl`, of any labelled file under `benchmarks/data/` (any article id it names), of the earlier
place samples (`place_t17_earlier.txt`: L-S, drawn by
one-off scripts before this command), of an id BENCHMARKS.md names (articles earlier sessions studied), and of the
`--exclude` files (one id a line, e.g. another engineer's draw of the same session). The order is fixed by the seed
alone, so a file others add later that takes other articles leaves the draw as it was (a `random.sample` over the
pool would shift with every article taken); once a sample is labelled its ids are the labels file's head line, and
`sheet` and `tally` read them from there.

The labels (`benchmarks/data/place_t17_<seed>.jsonl`): a head line `{"sample", "drawn", "articles"}`, then one line
per shown factual event: article, trigger span, shown type, the place shown (`shown_place`, name or null), a
`verdict` (`VERDICTS`), the places the text gives for the act (`places`: names; empty when it gives none), and a
`note`. Offsets and place names, never article text (Timeline17 is research data, evaluation only). `tally` runs the
pipeline of the tree it runs in and judges each shown event by the label its mentions sit on: the labelled verdict
while the shown place is the one judged; a new place is `right` when it is one of `places`, `area` when it is one of
`areas`, and `changed` (printed for a reader) otherwise; a place dropped is `missing` when the text gives one. Where
two places share a name, a label may keep the judged dot's GeoNames id (`shown_geonameid`) to tell them apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from id_files import excluded_ids
from news_candidates import article, default_shared, gold_ids, label_of, read_labels, t17_articles
from sample_view import add_view_option, chosen_view

MIN_CHARS, MAX_CHARS = 1500, 15000
SIZE = 14
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
EARLIER = DATA / "place_t17_earlier.txt"
#: A judged event's verdict: its dot is right, wrong, or the enclosing area (country, state) of a finer place the
#: text gives; or it has no dot and the text gives a place (`missing`), only world knowledge would (`knowledge`), or
#: nothing places it (`none`).
VERDICTS = ("right", "wrong", "area", "missing", "knowledge", "none")
ARTICLE_ID = re.compile(r"\b[A-Za-z0-9]+_[a-z]+-\d+\b")
T17_FOLDER = "corpus/t17"


def labels_path(seed: int) -> Path:
    """Where a place sample's labels live."""
    return DATA / f"place_t17_{seed}.jsonl"


def taken_ids(shared: Path, seed: int, excluded: list[Path]) -> set[str]:
    """Every article a draw with `seed` leaves out (see the module's docstring)."""
    taken = gold_ids(shared) | {item["article"] for item in read_labels()} | excluded_ids([EARLIER])
    for path in DATA.glob("*.jsonl"):
        if path == labels_path(seed):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            taken |= set(ARTICLE_ID.findall(line))
    taken |= set(ARTICLE_ID.findall((ROOT / "BENCHMARKS.md").read_text(encoding="utf-8")))
    return taken | excluded_ids(path for path in excluded if path.exists())


def draw(shared: Path, seed: int, size: int = SIZE, excluded: list[Path] | None = None) -> list[str]:
    """The sample's article ids: its labels' head line once labelled, else a fresh draw from the pool."""
    if labels_path(seed).exists():
        return head(seed)["articles"]
    taken = taken_ids(shared, seed, excluded or [])
    topics = sorted(p.name for p in (shared / T17_FOLDER).iterdir() if (p / "articles.jsonl").exists())
    pool = [a.id for topic in topics for a in t17_articles(shared, topic)
            if a.id not in taken and MIN_CHARS <= len(a.text) <= MAX_CHARS]
    return sorted(pool, key=lambda aid: draw_key(seed, aid))[:size]


def draw_key(seed: int, article_id: str) -> str:
    """An article's place in the seed's draw order: depends on nothing but the two."""
    return hashlib.sha256(f"{seed}:{article_id}".encode()).hexdigest()


def head(seed: int) -> dict[str, Any]:
    """The labels file's head line: the seed, how the sample was drawn, and its article ids."""
    return json.loads(labels_path(seed).read_text(encoding="utf-8").splitlines()[0])


def shown_events(shared: Path, ids: list[str], threshold: float) -> list[tuple[str, Any]]:
    """(article id, event) for every factual event the pipeline shows at `threshold` on the articles."""
    from dateline.pipeline import process

    docs = process([article(shared, i) for i in ids], article_seconds=0)
    return [(doc.article.id, e) for doc in docs for e in doc.events
            if e.confidence >= threshold and e.status == "fact"]


def place_name(event: Any) -> str | None:
    """The name of the place an event is shown at, or None."""
    return event.location.name if event.location else None


def sheet(shared: Path, out: Path, threshold: float, ids: list[str]) -> None:
    """The shown factual events of the sample with their places and bases, one line each, for a reader to judge
    (the sentence is for reading only; the labels keep none)."""
    lines = []
    for aid, e in shown_events(shared, ids, threshold):
        where = e.evidence
        location = e.location
        lines.append({"article": aid, "trigger": where.trigger,
                      "trigger_span": [where.trigger_start, where.trigger_end],
                      "shown_type": e.type, "confidence": round(e.confidence, 3), "shown_place": place_name(e),
                      "country_code": location.country_code if location else None,
                      "basis": location.basis if location else None, "sentence_text": where.sentence})
    out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} shown factual events, {sum(1 for x in lines if x['shown_place'])} with a place",
          file=sys.stderr)


def judge(item: dict[str, Any], shown: str | None, geonameid: int | None = None) -> str:
    """The verdict of a labelled event shown now at `shown` (a place name, or None; `geonameid` its GeoNames id). A
    label may name the judged dot's id (`shown_geonameid`) where two places share the name (Washington State and the
    capital): another place of that name is then judged as a new place."""
    if shown == item["shown_place"] and item.get("shown_geonameid") in (None, geonameid):
        return item["verdict"]
    if shown is None:
        return "missing" if item["places"] else ("knowledge" if item["verdict"] == "knowledge" else "none")
    if shown in item["places"]:
        return "right"
    return "area" if shown in item.get("areas", []) else "changed"


def tally(shared: Path, threshold: float, seed: int) -> dict[str, Any]:
    """Shown factual events of the sample by verdict, with the wrong dots' share of those shown."""
    labels = [x for x in read_labels(labels_path(seed))[1:]]
    counts: Counter = Counter()
    for aid, event in shown_events(shared, head(seed)["articles"], threshold):
        item = label_of(labels, aid, event)
        verdict = judge(item, place_name(event), event.location and event.location.geonameid) if item else "unjudged"
        counts[verdict] += 1
        if verdict not in ("right", "none", "knowledge"):
            print(f"{verdict}\t{aid}\t{event.type}\t{event.evidence.trigger}\t{event.confidence:.2f}\t"
                  f"{place_name(event)}\t{(item or {}).get('places')}", file=sys.stderr)
    shown = sum(counts.values())
    dots = counts["right"] + counts["wrong"] + counts["area"] + counts["changed"]
    return {"sample": seed, "min_confidence": threshold, "shown": shown, "dots": dots,
            "wrong_dot_shown": round(counts["wrong"] / max(shown, 1), 3),
            "right_of_dots": round(counts["right"] / max(dots, 1), 3), **dict(sorted(counts.items()))}


def main() -> None:
    """`draw` prints the sample's ids, `sheet OUT` writes its shown events to judge, `tally` counts verdicts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("draw", "sheet", "tally"))
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=SIZE)
    add_view_option(parser)
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a file of article ids (one a line, last word) the draw leaves out")
    args = parser.parse_args()
    if args.command == "draw":
        print("\n".join(draw(args.shared, args.seed, args.size, args.exclude)))
    elif args.command == "sheet":
        ids = draw(args.shared, args.seed, args.size, args.exclude)
        sheet(args.shared, args.out, chosen_view(args.min_confidence), ids)
    else:
        print(json.dumps(tally(args.shared, chosen_view(args.min_confidence), args.seed)))


if __name__ == "__main__":
    sys.exit(main())
