"""How the verifier's training rows differ by kind: one per mention (what `extract` scores) or one per group.

    DATELINE_CACHE=... .venv/bin/python tools/verifier_rows.py --gold ../shared/data/events-gold \\
        --dev ../shared/data/events-dev [--sources gold,news] [--feature frame_agent=private]

For each source, the rows `event_sources.cache_rows` gives under each row kind (`ROW_KINDS`), matched by key (document,
trigger start, type): how many are rows of both kinds, of the mentions only (scored at run time, never learnt from
when rows were groups: the mentions a group absorbed), of the groups only (a group's type no mention of its own
trigger has), and how many of the shared keys carry other features (a group leader's parties re-read, merged or
filled from the thread); the labels of the mention-only rows; and, with `--feature`, how many rows of each kind
carry that feature, by label. One JSON line per source. Reads the cached rows when a training run made them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from event_sources import ROW_KINDS, SOURCES, TRAINED_ON, Row, cache_rows, source_file


def rows_of(kind: str, name: str, gold: Path, dev: Path, detectors: list[Any]) -> list[Row]:
    """The rows of one source under one row kind (cached by `cache_rows`)."""
    return cache_rows(name, source_file(name, gold, dev), SOURCES[name][0], 0, False, detectors, kind)


def compare(mentions: list[Row], groups: list[Row], feature: str | None = None) -> dict[str, Any]:
    """The counts of the module docstring for one source's two kinds of rows."""
    by_key = {r.key: r for r in mentions}
    grouped = {r.key: r for r in groups}
    shared = by_key.keys() & grouped.keys()
    only_mentions = [by_key[k] for k in by_key.keys() - grouped.keys()]
    out: dict[str, Any] = {
        "mention_rows": len(mentions), "group_rows": len(groups), "shared": len(shared),
        "mentions_only": len(only_mentions), "groups_only": len(grouped.keys() - by_key.keys()),
        "shared_other_features": sum(sorted(by_key[k].features) != sorted(grouped[k].features) for k in shared),
        "shared_other_label": sum(by_key[k].label != grouped[k].label for k in shared),
        "mentions_only_labels": dict(Counter(r.label for r in only_mentions).most_common()),
        "mention_keys_repeated": len(mentions) - len(by_key),
    }
    if feature:
        for kind, rows in (("mentions", mentions), ("groups", groups)):
            out[f"{feature}:{kind}"] = dict(Counter(f"{r.coded}->{r.label}" for r in rows
                                                    if feature in r.features).most_common())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--sources", default=",".join(TRAINED_ON))
    parser.add_argument("--feature", default=None, help="also count the rows carrying this feature, by kind")
    args = parser.parse_args()
    from train_event_detector import cross_fitted_detectors

    detectors = cross_fitted_detectors(args.gold, args.dev, 0, False)
    for name in args.sources.split(","):
        kinds = {kind: rows_of(kind, name, args.gold, args.dev, detectors) for kind in ROW_KINDS}
        print(json.dumps({"source": name, **compare(kinds["mentions"], kinds["groups"], args.feature)}), flush=True)


if __name__ == "__main__":
    main()
