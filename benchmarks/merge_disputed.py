"""A sample of the links two link models dispute: pairs one merged store links and another does not, to label by hand.

Two link models with the same cross-validated figures on the labelled pairs can link thousands of different pairs: the
labelled samples hold too few of the pairs where they differ to tell which is right (the thirteenth session: the shipped
model and the one `tools/train_merge_model.py` writes from today's features, CV 0.960 / 0.750 both, differ on 4,692
links of the 785 T17 articles). This draws those pairs, uniformly (seeded), with each event's JSON and anchor
(`merge_anchors.anchor_of_event`), as records for labelling `same` / `different` like the other samples: one stratum,
`disputed`, whose population is every pair the first store links and the second does not.

    .venv/bin/python benchmarks/merge_disputed.py --db STORE --other OTHER_STORE --draw 40 --seed 1313 --out FILE
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from dateline.store import open_store
from dateline.store.rows import stored_event
from merge_anchors import write_labels
from merge_pairs import unlabelled_pair

STRATUM = "disputed"


def stored_links(db: Path) -> set[tuple[str, str]]:
    """The stored links of a merged store (`benchmarks/merge.py --db`), as id pairs in order."""
    with open_store(db, read_only=True) as store:
        return {(min(a, b), max(a, b)) for a, b in store.rows("SELECT a, b FROM event_links")}


def draw_disputed(db: Path, other: Path, draw: int, seed: int) -> list[dict[str, object]]:
    """`draw` of the pairs `db` links and `other` does not (both stores of the same articles), as unlabelled records
    (`pair`, `stratum`, `population`, each side's `event`, `article`, `json` and `anchor`, `label` None)."""
    disputed = sorted(stored_links(db) - stored_links(other))
    with open_store(db, read_only=True) as store:
        events = {row[0]: stored_event(*row[1:]) for row in store.rows(
            "SELECT e.id, e.event, e.article_id, a.date, a.title FROM events e JOIN articles a ON a.id = e.article_id")}
    return [unlabelled_pair(events, a, b, STRATUM, len(disputed))
            for a, b in random.Random(seed).sample(disputed, min(draw, len(disputed)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="the store whose links are drawn")
    ap.add_argument("--other", type=Path, required=True, help="a store of the same articles: its links are left out")
    ap.add_argument("--draw", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1313)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    drawn = draw_disputed(args.db, args.other, args.draw, args.seed)
    write_labels(args.out, drawn)
    print(json.dumps({"drawn": len(drawn), "population": drawn[0]["population"] if drawn else 0}))


if __name__ == "__main__":
    main()
