"""Key every labelled merge pair by what the pipeline does not change (run once; `benchmarks/merge_anchors.py` reads
the result).

    .venv/bin/python tools/anchor_merge_labels.py [--corpus ../shared/corpus/t17] [FILE ...]

Each side of a labelled record (`a`, `b`) named its report by event id, which follows the extraction. This adds an
`anchor` to each side: the article id, the sentence's character offsets, the trigger's (where they can be known) and
the sentence itself, read against the article's text in the T17 corpus (article ids are `TOPIC/ID`). A file is
committed only after `tools/textless_merge_labels.py` has replaced each sentence by its digest and offsets (the
repository keeps no corpus text), so the anchors of the committed files hold `sentence_sha256`, not the sentence:

* a side that kept its event's JSON (`json.evidence`) gives its offsets directly, checked against the text;
* a side that kept only its sentence is found in the article's text; the trigger's start is recovered from the event
  id, which hashes (article, type, sentence start, trigger start) (`dateline.model.event_id`): the one start within
  the sentence (or none) whose hash is the id. The trigger's end is then unknown (None: matched by its start). When
  no start gives the id, the anchor keeps the sentence alone, if the sentence occurs once in the article;
* a side whose sentence is not in its article's text is left without an anchor (and counted).

Prints, per file, how many sides and pairs were anchored and how; rewrites the files in place (a second run changes
nothing: sides with an anchor are kept as they are).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.model import event_id

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from merge_text import article_texts  # noqa: E402  (every T17 article's text by TOPIC/ID, read as the readers read it)

CORPUS = ROOT.parent / "shared" / "corpus" / "t17"
FILES = sorted((ROOT / "benchmarks" / "data").glob("merge_*.jsonl"))
#: What the first line of a converted file says of its anchors.
ANCHORS = ("Each side's `anchor` (article, sentence offsets, trigger offsets where known, the sentence) names its "
           "report whatever event id a later extraction gives it; added by tools/anchor_merge_labels.py (twelfth "
           "session) and read by benchmarks/merge_anchors.py. `event` is the id at labelling time.")


def _occurrences(text: str, sentence: str) -> list[int]:
    starts, at = [], text.find(sentence)
    while at >= 0 and sentence:
        starts.append(at)
        at = text.find(sentence, at + 1)
    return starts


def _trigger_from_id(article: str, type_: str, start: int, end: int, wanted: str) -> tuple[bool, int | None]:
    """(found, trigger start) of the event id `wanted` for a sentence at start..end: the start whose hash is it."""
    for trigger in (*range(start, end), None):
        if event_id(article, type_, trigger, start) == wanted:
            return True, trigger
    return False, None


def anchor_of(side: dict[str, Any], texts: dict[str, str]) -> tuple[dict[str, Any] | None, str]:
    """The side's anchor and how it was made; (None, why not) when its sentence is not in its article."""
    article = str(side["article"])
    text = texts.get(article)
    if text is None:
        return None, "article not in the corpus"
    evidence = (side.get("json") or {}).get("evidence")
    if evidence and text[evidence["start"]:evidence["end"]] == evidence["sentence"]:
        return {"article": article, "start": evidence["start"], "end": evidence["end"],
                "trigger_start": evidence.get("trigger_start"), "trigger_end": evidence.get("trigger_end"),
                "sentence": evidence["sentence"]}, "offsets kept in the record"
    sentence = str(side.get("sentence") or (evidence or {}).get("sentence") or "")
    starts = _occurrences(text, sentence)
    type_ = str(side.get("type") or (side.get("json") or {}).get("type") or "")
    for start in starts:
        found, trigger = _trigger_from_id(article, type_, start, start + len(sentence), str(side["event"]))
        if found:
            return {"article": article, "start": start, "end": start + len(sentence), "trigger_start": trigger,
                    "trigger_end": None, "sentence": sentence}, "trigger from the event id"
    if len(starts) == 1:
        return {"article": article, "start": starts[0], "end": starts[0] + len(sentence), "trigger_start": None,
                "trigger_end": None, "sentence": sentence}, "sentence only"
    return None, "sentence not in the article" if not starts else "sentence printed twice, id not recovered"


def anchor_file(path: Path, texts: dict[str, str]) -> dict[str, object]:
    """Add anchors to one label file in place; counts of sides by how, and of pairs with both sides anchored."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    how: Counter[str] = Counter()
    pairs = anchored = 0
    out = []
    for line in lines:
        rec = json.loads(line)
        if "_about" in rec:
            rec.setdefault("_anchors", ANCHORS)
        elif "a" in rec:
            pairs += 1
            for side in (rec["a"], rec["b"]):
                if "anchor" in side:
                    how["anchored before"] += 1
                    continue
                anchor, why = anchor_of(side, texts)
                how[why] += 1
                if anchor is not None:
                    side["anchor"] = anchor
            anchored += "anchor" in rec["a"] and "anchor" in rec["b"]
        out.append(json.dumps(rec, ensure_ascii=False))
    path.write_text("".join(line + "\n" for line in out), encoding="utf-8")
    return {"pairs": pairs, "pairs_anchored": anchored, "sides": dict(sorted(how.items()))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", type=Path, nargs="*", default=FILES)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the T17 corpus (TOPIC/articles.jsonl)")
    args = ap.parse_args()
    texts = article_texts(args.corpus)
    for path in args.files:
        print(json.dumps({"file": path.name, **anchor_file(path, texts)}))


if __name__ == "__main__":
    main()
