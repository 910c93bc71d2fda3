"""Rewrite merge label files so that they keep no corpus text (`benchmarks/merge_text.py` says the form), checking
that every record reads back exactly as it was.

    .venv/bin/python tools/textless_merge_labels.py [FILE ...]        # default: every benchmarks/data/merge_*.jsonl

A labelled sample drawn with its sentences (`merge.py --draw-pairs`, `merge_missed.py`, `merge_events.py`,
`merge_joins.py`, `merge_paraphrases.py` write them, for the labeller to read) is rewritten with this before it is
committed: each side's anchor keeps a digest of its sentence, every other article text of a side is kept as its
place and digest, and the reports shown beside a refused pair as their article, place and digest
(`merge_text.without_text`). A record is written only if `merge_text.with_text` reads it back key for key, as JSON
byte for byte, as it read the record before (a record that held its text: that record itself); a second run changes
nothing. Labels, notes, ids and codes are not touched: a note that quotes an
article is paraphrased by hand. Prints, per file, the records and the strings kept as places.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from merge_text import article_texts, with_text, without_text  # noqa: E402

FILES = sorted((ROOT / "benchmarks" / "data").glob("merge_*.jsonl"))
#: What the first line of a rewritten file says of its text.
TEXT_NOTE = ("No corpus text is kept (tools/textless_merge_labels.py): each anchor keeps its sentence as a digest "
             "(sentence_sha256), each other article text of a side (its sentence, its event's evidence sentence, a "
             "party's words of eight or more) is kept as {\"at\": [start, end], \"sha256\": digest} in the side's "
             "article; benchmarks/merge_text.with_text reads the words back from ../shared/corpus/t17.")


def _places(value: Any) -> int:
    if isinstance(value, dict):
        return ("at" in value and "sha256" in value) + ("sentence_sha256" in value) + sum(map(_places, value.values()))
    if isinstance(value, list):
        return sum(map(_places, value))
    return 0


def rewrite(path: Path, texts: dict[str, str]) -> dict[str, int]:
    """Rewrite one label file in place; counts of its records and of the strings now kept as places."""
    out, counts = [], Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if "_about" in rec:
            rec.setdefault("_text", TEXT_NOTE)
            out.append(json.dumps(rec, ensure_ascii=False))
            continue
        kept = without_text(rec, texts)
        back, before = with_text(kept, texts), with_text(rec, texts)
        if json.dumps(back, ensure_ascii=False) != json.dumps(before, ensure_ascii=False):
            raise SystemExit(f"{path.name}: a record does not read back as it was: {rec.get('pair') or rec}")
        counts["records"] += 1
        counts["places"] += _places(kept)
        out.append(json.dumps(kept, ensure_ascii=False))
    path.write_text("".join(line + "\n" for line in out), encoding="utf-8")
    return dict(counts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", type=Path, nargs="*", default=FILES)
    args = ap.parse_args()
    texts = article_texts()
    for path in args.files:
        print(json.dumps({path.name: rewrite(path, texts)}))


if __name__ == "__main__":
    main()
