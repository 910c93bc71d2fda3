"""The development sources' own texts and annotations, read as their files give them (no labels, no pipeline).

Shared by the training tools (`event_sources`, `detector_sources`, `train_party_model`, `mine_triggers`) and the
benchmarks (`event_sets`, `wikievents_places`): RAMS windows with their tokens' offsets, WikiEvents documents
rebuilt at their tokens' offsets, the PLOVER GSR sentences with their types, CrisisLex's crisis days, and the
AIDA/KAIROS-to-PLOVER type map. Split from `event_sources.py`, which labels candidates of these texts.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.events.verify import NONE
from dateline.model import Article

#: CrisisLex crises of attacks (political violence), left out of a disasters-only source.
ATTACK_CRISES = ("Boston_bombings", "LA_airport_shootings")
#: Tweets read from each crisis.
TWEETS_PER_CRISIS = 150


def map_aida(kind: str) -> str | None:
    """An AIDA/KAIROS event type in PLOVER: a type, NONE (not political), or None (no clear mapping)."""
    k = kind.lower()
    rules = (("conflict.attack.stealrobhijack", None), ("conflict.attack", "ASSAULT"),
             ("life.die.deathcausedbyviolentevents", "ASSAULT"), ("life.injure.injurycausedbyviolentevents", "ASSAULT"),
             ("life.die.nonviolentdeath", NONE), ("life.injure.illness", NONE), ("disaster.", NONE),
             ("medical.", NONE), ("conflict.demonstrate", "PROTEST"), ("contact.threatencoerce", "THREATEN"),
             ("contact.requestadvise", "REQUEST"), ("contact.requestcommand", "REQUEST"),
             ("contact.negotiate", "CONSULT"), ("contact.discussion.meet", "CONSULT"),
             ("contact.contact.meet", "CONSULT"),
             ("government.agreements.acceptagreement", "AGREE"), ("government.agreements.reject", "REJECT"),
             ("justice.arrestjaildetain", "COERCE"), ("embargosanction", "SANCTION"), ("giftgrantprovideaid", "AID"),
             ("conflict.yield.retreat", "RETREAT"))
    return next((plover for prefix, plover in rules if prefix in k), None)


def rams_windows(path: Path, limit: int) -> Iterator[tuple[dict[str, Any], list[str], list[int]]]:
    """RAMS records with their tokens and each token's character start in the tokens joined by spaces."""
    for i, line in enumerate(open(path, encoding="utf-8")):
        if limit and i >= limit:
            break
        d = json.loads(line)
        tokens = [t for s in d["sentences"] for t in s]
        starts, pos = [], 0
        for t in tokens:
            starts.append(pos)
            pos += len(t) + 1
        yield d, tokens, starts


def wikievents_text(record: dict[str, Any]) -> str:
    """A WikiEvents document's text, rebuilt from its sentences at their tokens' character offsets.

    The records' own `text` joins the sentences with nothing between them ("...in SyriaThe desert..."),
    while the token offsets count one character between sentences: read against `text`, every span
    after the first sentence drifts further off its trigger, and the parser sees glued sentences. Each
    sentence is put where its first token says, the gaps filled with newlines."""
    chars: list[str] = []
    for tokens, sentence in record["sentences"]:
        start = tokens[0][1]
        chars.extend("\n" * (start - len(chars)))
        chars[start:start + len(sentence)] = sentence
    return "".join(chars)


def wikievents_documents(path: Path, limit: int) -> Iterator[tuple[Article, list[tuple[int, int, str | None]]]]:
    """WikiEvents documents with every trigger's character span and its type mapped to PLOVER."""
    for i, line in enumerate(open(path, encoding="utf-8")):
        if limit and i >= limit:
            break
        d = json.loads(line)
        offsets = [(t[1], t[2]) for s in d["sentences"] for t in s[0]]
        spans = [(offsets[m["trigger"]["start"]][0], offsets[m["trigger"]["end"] - 1][1], map_aida(m["event_type"]))
                 for m in d["event_mentions"]]
        yield Article(id=f"wiki-{d['doc_id']}", date=dt.date(2019, 6, 1), text=wikievents_text(d)), spans


#: Labels of the GSR's older PLOVER draft in today's 16 types (DEMAND is REQUEST; DISAPPROVE and INVESTIGATE
#: are ACCUSE modes; FIGHT is ASSAULT).
GSR_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def gsr_sentences(path: Path, limit: int = 0) -> list[dict[str, Any]]:
    """The GSR's sentences, each once (a sentence in several records unites their types and event words)."""
    by_text: dict[str, dict[str, Any]] = {}
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        item = by_text.setdefault(rec["text"], {"id": rec["id"], "text": rec["text"], "types": set(), "words": set()})
        item["types"].add(GSR_LABELS.get(rec["event"], rec["event"]))
        item["words"].update(w.lower() for w in str(rec.get("eventText") or "").split())
    return list(by_text.values())[: limit or None]


def crisis_day(time: dict[str, Any]) -> dt.date:
    """The crisis's first day: descriptions give it as 2013-04-17 or 17/06/2013."""
    raw = str(time.get("start_day") or "")
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return dt.date(int(time.get("year") or 2013), 1, 1)
