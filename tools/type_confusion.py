"""The right trigger with the wrong type: which PLOVER type the system gave where a coder labelled another, by class.

    .venv/bin/python tools/type_confusion.py [--extract R.jsonl] [--top 25]

A candidate of the wrong type is both a false event and a missed one, so the confusion is counted apart from the
misses and false alarms. Three sources, none of them cold (rounds 4-8 of `news_candidates.jsonl` are never read here,
nor a shown sample whose seed is above `LAST_SHOWN_SEED`):

* `news`: the hand-labelled candidates of rounds 1-3 (both halves): the type the system gave when the candidate was
  labelled (`system_type`) against the coder's `label`, where both are PLOVER types;
* `shown`: the `wrong_type` verdicts of the shown-event samples of seeds up to `LAST_SHOWN_SEED`, the right type read
  from the verdict's note (the first PLOVER type name in it other than the shown type; none named: `NONE`);
* `gold` (with `--extract`, an events-gold `dateline extract ... --min-confidence 0` output): every gold event whose
  sentence holds a system event on one of the gold trigger's words, with another type.

One JSON line on stdout: per source the number of confusions, and all sources' pairs (system type, labelled type),
most frequent first, each with its trigger lemmas (lowercased words) and counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tools" / "news_candidates.jsonl"
SHOWN = ROOT / "benchmarks" / "data"
GOLD = ROOT.parent / "shared" / "data" / "events-gold" / "gold.json"
#: The last round of `news_candidates.jsonl` open to rule work; later rounds are cold.
LAST_OPEN_ROUND = 3
#: The last shown sample whose labels may be read for rule work.
LAST_SHOWN_SEED = 2020
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
Pair = tuple[str, str, str, str]  # source, system type, labelled type, trigger word


def news_pairs(path: Path = LABELS) -> list[Pair]:
    """Confusions of the open rounds' labelled candidates (the type given when they were labelled)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if int(item.get("round", 1)) > LAST_OPEN_ROUND:
            continue  # cold: never read for rule work
        given, label = item["system_type"], item["label"]
        if label != "NONE" and given != label:
            out.append(("news", given, label, item["trigger"].lower()))
    return out


def shown_seed(path: Path) -> int:
    """A shown labels file's seed (the first sample, `shown_t17_labels.jsonl`, is seed 120)."""
    found = re.search(r"_(\d+)\.jsonl$", path.name)
    return int(found.group(1)) if found else 120


def note_type(note: str, shown: str) -> str:
    """The type a wrong_type verdict's note names as the right one: its first PLOVER type other than the shown."""
    named = [t for t in re.findall(r"\b[A-Z]{4,9}\b", note) if t in PLOVER_TYPES and t != shown]
    return named[0] if named else "NONE"


def shown_pairs(folder: Path = SHOWN) -> list[Pair]:
    """Confusions the shown samples' coders recorded as `wrong_type`."""
    out = []
    for path in sorted(folder.glob("shown_t17_labels*.jsonl")):
        if shown_seed(path) > LAST_SHOWN_SEED:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("verdict") == "wrong_type":
                right = note_type(item.get("note") or "", item["shown_type"])
                out.append(("shown", item["shown_type"], right, item["trigger"].lower()))
    return out


def gold_pairs(extract: Path, gold: Path = GOLD) -> list[Pair]:
    """Confusions on events-gold: a system event in a gold sentence, on a word of its trigger, of another type."""
    coded: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in extract.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        coded[record["article"]["id"]] += record.get("events", [])
    out = []
    for article in json.loads(gold.read_text(encoding="utf-8")):
        for event in article["events"]:
            words = set(event["trigger"].lower().split())
            there = {e["type"] for e in coded.get(article["id"], [])
                     if e["evidence"]["sentence"].strip() == event["sentence"].strip()
                     and e["evidence"]["trigger"].lower() in words}
            if there and event["type"] not in there:
                out += [("gold", t, event["type"], event["trigger"].lower()) for t in sorted(there)]
    return out


def confusion(pairs: list[Pair], top: int) -> dict[str, Any]:
    """The pairs counted per source and per (system, labelled) type, with their trigger words."""
    by_pair: Counter[tuple[str, str]] = Counter((given, label) for _, given, label, _ in pairs)
    words: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for _, given, label, word in pairs:
        words[(given, label)][word] += 1
    return {"by_source": dict(Counter(source for source, *_ in pairs)),
            "pairs": [{"system": g, "labelled": lab, "n": n, "triggers": dict(words[(g, lab)].most_common(8))}
                      for (g, lab), n in by_pair.most_common(top)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extract", type=Path, help="events-gold `dateline extract` output (JSON Lines)")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    pairs = news_pairs() + shown_pairs() + (gold_pairs(args.extract) if args.extract else [])
    json.dump(confusion(pairs, args.top), sys.stdout)
    print()


if __name__ == "__main__":
    main()
