"""The words of the merge label files, kept out of them and read back from the articles by their offsets.

House rule: no gold or corpus text in the repository (`tests/test_no_gold_text.py`). A merge label file
(`benchmarks/data/merge_*.jsonl`) holds T17 sentences only so that they can be read again: by a labeller, by the link
model's trainer (its features read the two evidence sentences), by `merge_paraphrases` (what each sentence tells).
Each of those sentences is an article's own words at offsets the record keeps already, so the file keeps the offsets
and a reader takes the words from the article (`../shared/corpus/t17`, article ids `TOPIC/ID`):

* a side's anchor keeps its sentence as a digest, `sentence_sha256` (`merge_anchors.sentence_digest`, the form the
  twentieth session's draws were written in), which `merge_anchors.AnchorIndex` checks against the store;
* every other article text of a side -- its `sentence`, its event JSON's evidence sentence, a party's or a place's
  words of `LONG_WORDS` or more (a short name is a name, not a quotation) -- is kept as its place in the side's
  article with a digest of its words, `{"at": [start, end], "sha256": DIGEST}`;
* the other reports shown beside a refused pair (`a_group`, `b_group`: a sentence's first words, no article named) as
  `{"article": ID, "at": [start, end], "sha256": DIGEST}`, found in an article of the pair's topic families.

`without_text` writes that form (`tools/textless_merge_labels.py` rewrites the files with it) and `with_text` reads a
record back as it was, every key in its place, each restored string checked against its digest (a changed corpus
fails loudly instead of scoring other words). A record that still holds its text reads back unchanged, so a label
file of either form is read alike.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from merge_anchors import sentence_digest

T17 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "t17"
#: Words from which a string that is not a sentence (a party's, a place's) is the article's words rather than a name:
#: the run `tests/test_no_gold_text.py` calls a quotation.
LONG_WORDS = 8
#: The record keys that hold the sides of a labelled sample: pairs (`a`, `b`), a drawn merged event's candidates
#: (`merge_events`), a join's parts (`merge_joins_*_1?.jsonl`).
SIDE_KEYS = ("a", "b")
SIDE_LISTS = ("candidates", "parts")
GROUP_KEYS = ("a_group", "b_group")
WORD = re.compile(r"[a-z0-9]+")


@functools.cache
def article_texts(corpus: Path = T17) -> dict[str, str]:
    """Every T17 article's text by `TOPIC/ID` (read once per process)."""
    texts = {}
    for path in sorted(corpus.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts[f"{path.parent.name}/{row['id']}"] = row.get("text") or ""
    return texts


def sides(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The sides of a record: each names an article (`article`) and shows one of its reports."""
    return [record[key] for key in SIDE_KEYS if isinstance(record.get(key), dict)] + [
        side for key in SIDE_LISTS for side in record.get(key) or [] if isinstance(side, dict)]


def _place(words: str, where: tuple[int, int]) -> dict[str, Any]:
    return {"at": [where[0], where[1]], "sha256": sentence_digest(words)}


def _is_place(value: Any, named: bool = False) -> bool:
    """Whether `value` is a kept place: in the side's article, or (`named`) in the article it names."""
    return isinstance(value, dict) and set(value) == ({"article", "at", "sha256"} if named else {"at", "sha256"})


def _read_place(place: dict[str, Any], text: str) -> str:
    start, end = place["at"]
    words = text[start:end]
    if sentence_digest(words) != place["sha256"]:
        raise ValueError(f"the article's words at {start}-{end} are not the labelled ones (digest differs)")
    return words


def _find(words: str, text: str, hints: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where `words` are in `text`: the first hint that holds them, else their first place inside a hint (a party
    inside its sentence), else their first place in the article; None when the article does not hold them."""
    for lo, hi in hints:
        if text[lo:hi] == words:
            return lo, hi
    for lo, hi in hints:
        at = text.find(words, lo, hi)
        if at >= 0:
            return at, at + len(words)
    at = text.find(words)
    return (at, at + len(words)) if at >= 0 and words else None


def _strip(value: Any, text: str, hints: list[tuple[int, int]], sentence: bool) -> Any:
    """`value` with each article text in it kept as its place: a `sentence` (any length) or a long string."""
    if isinstance(value, dict):
        own = [(value["start"], value["end"])] if isinstance(value.get("start"), int) and isinstance(
            value.get("end"), int) else []
        return {key: _strip(item, text, own + hints, key == "sentence") for key, item in value.items()}
    if isinstance(value, list):
        return [_strip(item, text, hints, False) for item in value]
    if isinstance(value, str) and (sentence or len(WORD.findall(value.lower())) >= LONG_WORDS):
        where = _find(value, text, hints)
        if where is not None:
            return _place(value, where)
        if sentence:
            raise ValueError(f"a sentence is not in its article: {value[:60]!r}")
    return value


def _restore(value: Any, text: str) -> Any:
    if _is_place(value):
        return _read_place(value, text)
    if isinstance(value, dict):
        return {key: _restore(item, text) for key, item in value.items()}
    if isinstance(value, list):
        return [_restore(item, text) for item in value]
    return value


def _anchor_without(anchor: dict[str, Any], text: str) -> dict[str, Any]:
    if "sentence" not in anchor:
        return dict(anchor)
    if text[anchor["start"]:anchor["end"]] != anchor["sentence"]:
        raise ValueError(f"an anchor's sentence is not at its offsets in {anchor['article']}")
    return {("sentence_sha256" if key == "sentence" else key): (sentence_digest(value) if key == "sentence" else value)
            for key, value in anchor.items()}


def _anchor_with(anchor: dict[str, Any], text: str) -> dict[str, Any]:
    if "sentence_sha256" not in anchor or "sentence" in anchor:
        return dict(anchor)
    words = _read_place({"at": [anchor["start"], anchor["end"]], "sha256": anchor["sentence_sha256"]}, text)
    return {("sentence" if key == "sentence_sha256" else key): (words if key == "sentence_sha256" else value)
            for key, value in anchor.items()}


def _side_without(side: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    text = texts[str(side["article"])]
    anchor = side.get("anchor") or {}
    hints = [(anchor["start"], anchor["end"])] if anchor else []
    return {key: (_anchor_without(value, text) if key == "anchor" else _strip(value, text, hints, key == "sentence"))
            for key, value in side.items()}


def _side_with(side: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    text = texts[str(side["article"])]
    return {key: (_anchor_with(value, text) if key == "anchor" else _restore(value, text))
            for key, value in side.items()}


def _group_without(shown: list[Any], record: dict[str, Any], texts: dict[str, str]) -> list[Any]:
    """The reports shown beside a pair, each as its place in the first article (by id) of the pair's topic families
    that holds its words; words no such article holds are kept as they are (and the guard reports them)."""
    families = {str(side["article"]).split("_")[0].split("/")[0] for side in sides(record)}
    articles = sorted(a for a in texts if a.split("_")[0].split("/")[0] in families)
    out: list[Any] = []
    for words in shown:
        found = next(((a, at) for a in articles if isinstance(words, str) for at in [texts[a].find(words)] if at >= 0),
                     None)
        out.append(words if found is None else
                   {"article": found[0], **_place(words, (found[1], found[1] + len(words)))})
    return out


def without_text(record: dict[str, Any], texts: dict[str, str] | None = None) -> dict[str, Any]:
    """The record as a label file keeps it: every key in its place, each article text as its place and digest."""
    texts = article_texts() if texts is None else texts
    return _rebuilt(record, lambda side: _side_without(side, texts), lambda shown: _group_without(shown, record, texts))


def with_text(record: dict[str, Any], texts: dict[str, str] | None = None) -> dict[str, Any]:
    """The record with its words read back from the articles (`without_text`'s inverse); a record that holds its text
    comes back equal to itself, and the corpus is not read for it."""
    if not _holds_places(record):
        return record
    texts = article_texts() if texts is None else texts
    return _rebuilt(record, lambda side: _side_with(side, texts),
                    lambda shown: [_read_place(item, texts[item["article"]]) if _is_place(item, named=True) else item
                                   for item in shown])


def _rebuilt(record: dict[str, Any], side: Callable[[dict[str, Any]], dict[str, Any]],
             group: Callable[[list[Any]], list[Any]]) -> dict[str, Any]:
    """`record` with each side (`sides`) rewritten by `side` and each list of shown group members by `group`, every
    other key as it is and every key in its place: the one walk `without_text` and `with_text` both make."""
    side_ids = {id(one) for one in sides(record)}
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in SIDE_KEYS and id(value) in side_ids:
            out[key] = side(value)
        elif key in SIDE_LISTS and isinstance(value, list):
            out[key] = [side(one) if id(one) in side_ids else one for one in value]
        elif key in GROUP_KEYS and isinstance(value, list):
            out[key] = group(value)
        else:
            out[key] = value
    return out


def _holds_places(value: Any) -> bool:
    """Whether anything in `value` is kept as a place or a digest (and needs the articles to be read back)."""
    if isinstance(value, dict):
        return (_is_place(value) or _is_place(value, named=True) or "sentence_sha256" in value
                or any(_holds_places(v) for v in value.values()))
    if isinstance(value, list):
        return any(_holds_places(v) for v in value)
    return False


__all__ = ["LONG_WORDS", "T17", "article_texts", "sides", "with_text", "without_text"]
