"""Labelled merge pairs keyed by what the pipeline does not change: the article and the character offsets of the
trigger (or of the sentence), with the sentence's words kept for a check.

The labelled samples of `benchmarks/data/merge_*.jsonl` once named each side by its event id, and an event id follows
the extraction (`model.event_id` hashes the type, the sentence's start and the trigger's start): a retyped event, a
sentence split elsewhere, or a within-article grouping led by another mention gives the same report another id, and
the pair dropped out of the scores (150 of 200, 114 of 185, 34 of 63 pairs were left after one re-extraction). An
anchor (`anchor` in each side of a record, written once by `tools/anchor_merge_labels.py`) names the report instead:
`article`, the sentence's `start` / `end`, the trigger's `trigger_start` / `trigger_end` (the end None where only the
start could be recovered, the start None where no trigger was) and the `sentence` itself, or, in a file that keeps no
corpus text (`textless`: the twentieth session's draws on; every committed file since the twenty-second, whose other
words `merge_text` keeps as places), its digest `sentence_sha256` in its place.

`AnchorIndex` finds the stored article-level event that holds an anchor's report today, by the first rule that
finds one: a mention of the event has the anchor's trigger span (`trigger`); a mention's trigger overlaps it
(`trigger overlap`); a mention has the anchor's sentence span and the event the labelled type (`sentence`). Before
any of them the article's stored text at the anchor's offsets must be the anchor's sentence (`words`), or the
anchor is not mapped (the article changed, or the reader rewrote it). Sides without an anchor fall back to their
event id.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.model import Event
from dateline.store import open_store


@dataclass(frozen=True)
class Mention:
    """What an anchor is matched against: one mention of a stored article-level event."""

    event_id: str
    type: str
    start: int
    end: int
    trigger_start: int | None
    trigger_end: int | None


def _mentions(event: Event) -> list[Mention]:
    return [Mention(event.id, event.type, m.start, m.end, m.trigger_start, m.trigger_end)
            for m in (event.mentions or [event.evidence])]


class AnchorIndex:
    """The stored events' mentions by article, and the articles' texts, to find where an anchored report is now."""

    def __init__(self, events: list[tuple[str, str]], texts: dict[str, str]) -> None:
        """`events`: (article id, event JSON) of every stored article-level event; `texts`: article id -> text."""
        self.texts = texts
        self.by_article: dict[str, list[Mention]] = {}
        for article_id, event_json in events:
            event = Event.from_json(json.loads(event_json))
            self.by_article.setdefault(article_id, []).extend(_mentions(event))
        self.how: Counter[str] = Counter()

    @classmethod
    def of_store(cls, db: Path) -> AnchorIndex:
        """The index of a merged store (`benchmarks/merge.py --db`)."""
        with open_store(db, read_only=True) as store:
            events = store.rows("SELECT article_id, event FROM events")
            texts = dict(store.rows("SELECT id, text FROM articles"))
        return cls(events, texts)

    def event_of(self, side: dict[str, Any]) -> str | None:
        """The stored event holding the side's report (its anchor's, else its event id); None when none does."""
        anchor = side.get("anchor")
        if not anchor:
            self.how["event id (no anchor)"] += 1
            return str(side["event"])
        found, how = self.find(anchor, str(side.get("type") or (side.get("json") or {}).get("type") or ""))
        self.how[how] += 1
        return found

    def find(self, anchor: dict[str, Any], type_: str) -> tuple[str | None, str]:
        """(event id, the rule that found it) of an anchor; (None, why not) when no stored event holds it."""
        text = self.texts.get(anchor["article"])
        if text is None:
            return None, "unmapped: article not stored"
        if not _same_sentence(text[anchor["start"]:anchor["end"]], anchor):
            return None, "unmapped: words differ"
        mentions = self.by_article.get(anchor["article"], [])
        lo, hi = anchor.get("trigger_start"), anchor.get("trigger_end")
        if lo is not None:
            exact = [m for m in mentions if m.trigger_start == lo and (hi is None or m.trigger_end == hi)]
            if exact:
                return _preferred(exact, type_), "trigger"
            hi = hi if hi is not None else _word_end(text, lo)
            overlapping = [m for m in mentions if m.trigger_start is not None and m.trigger_end is not None
                           and m.trigger_start < hi and lo < m.trigger_end]
            if overlapping:
                return _preferred(overlapping, type_), "trigger overlap"
        sentence = (anchor["start"], anchor["end"])
        same_sentence = [m for m in mentions if (m.start, m.end) == sentence and m.type == type_]
        if same_sentence:
            return _preferred(same_sentence, type_), "sentence"
        return None, "unmapped: no event there"


def sentence_digest(sentence: str) -> str:
    """The digest a textless anchor keeps of its sentence (the first 16 hex digits of its SHA-256): enough to check
    that the stored article still holds the labelled words at the anchor's offsets, without keeping the words."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:16]


def _same_sentence(found: str, anchor: dict[str, Any]) -> bool:
    """Whether the text at an anchor's offsets is its sentence (or has its sentence's digest)."""
    if "sentence" in anchor:
        return found == anchor["sentence"]
    return sentence_digest(found) == anchor.get("sentence_sha256")


def textless(record: dict[str, Any]) -> dict[str, Any]:
    """A drawn record as a label file in `benchmarks/data/` keeps it: ids, offsets, types, dates, codes and the
    verdict, but no corpus text (each side's sentence and its parties' and place's words left out; the anchor's
    sentence kept as its digest, `sentence_digest`). The text is read back from the corpus by its offsets."""
    out = {key: value for key, value in record.items() if key not in ("a_group", "b_group")}
    for side in ("a", "b"):
        if side not in record:
            continue
        kept = {key: value for key, value in record[side].items()
                if key not in ("sentence", "actors", "recipients", "place", "json")}
        anchor = dict(kept.get("anchor") or {})
        if "sentence" in anchor:
            anchor["sentence_sha256"] = sentence_digest(anchor.pop("sentence"))
        kept["anchor"] = anchor
        out[side] = kept
    return out


def _word_end(text: str, start: int) -> int:
    """Where the word at `start` ends (an anchor recovered from an event id knows its trigger's start alone)."""
    end = text.find(" ", start)
    return len(text) if end < 0 else end


def _preferred(mentions: list[Mention], type_: str) -> str:
    """Of several events holding the report, the one of the labelled type, then the first by id."""
    return min(mentions, key=lambda m: (m.type != type_, m.event_id)).event_id


def anchored_pairs(index: AnchorIndex, records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], str, str]]:
    """The labelled records (`label` same / different) whose two sides are found in the store: (record, event a,
    event b); a pair whose sides are now one article-level event is kept (it is joined)."""
    out = []
    for rec in records:
        if rec.get("label") not in ("same", "different") or "a" not in rec:
            continue
        a, b = index.event_of(rec["a"]), index.event_of(rec["b"])
        if a is not None and b is not None:
            out.append((rec, a, b))
    return out


def anchor_of_event(event: Event) -> dict[str, Any]:
    """The anchor a newly drawn side is written with (`merge_pairs.draw_pairs`, `merge_missed.record`,
    `merge_joins.draw_joins`): the article and the offsets of the event's leading report, its sentence and trigger, as
    the store holds them when the pair is drawn. Written with the draw, so a sample is scored by anchor from its first
    use, and no later run of `tools/anchor_merge_labels.py` has to recover offsets from an id that has moved on."""
    evidence = event.evidence
    return {"article": event.article_id, "start": evidence.start, "end": evidence.end,
            "trigger_start": evidence.trigger_start, "trigger_end": evidence.trigger_end, "sentence": evidence.sentence}


def read_labels(path: Path) -> list[dict[str, Any]]:
    """The records of a label file (its first line, `_about`, says how they were drawn, and is left out)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [rec for rec in map(json.loads, filter(str.strip, lines)) if "_about" not in rec]


def write_labels(path: Path, records: list[dict[str, Any]]) -> None:
    """Write drawn records to a label file, one JSON object a line (`read_labels` reads it back)."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


__all__ = ["AnchorIndex", "anchor_of_event", "anchored_pairs", "read_labels", "sentence_digest", "textless",
           "write_labels"]
