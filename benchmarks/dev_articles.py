"""The development sets read as articles for the event benchmarks: RAMS and WikiEvents dev documents with the
sentences of their gold political events, MUC-4 documents that report no incident and CrisisLex disaster tweets (texts
on which a conflict event is a false alarm). A helper module of `event_sets.py`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from dateline.events.verify import NONE  # noqa: E402
from dateline.model import Article  # noqa: E402
from dev_texts import ATTACK_CRISES, map_aida, wikievents_text  # noqa: E402
from event_sources import SOURCES  # noqa: E402

DEV = ROOT.parent / "shared" / "data" / "events-dev"


def rams_articles(limit: int) -> tuple[list[Article], dict[str, list[tuple[int, int, str]]]]:
    """RAMS dev documents (the first `limit`, all for 0) and, by id, the (start, end, PLOVER type) of the sentence of
    each one's event whose AIDA type maps to PLOVER."""
    rel = SOURCES["rams"][1]
    articles, golds = [], {}
    for i, line in enumerate(open(DEV / rel, encoding="utf-8")):
        if limit and i >= limit:
            break
        d = json.loads(line)
        plover = map_aida(d["evt_triggers"][0][2][0][0])
        tokens = [t for s in d["sentences"] for t in s]
        text = " ".join(tokens)
        at = len(" ".join(tokens[: d["evt_triggers"][0][0]])) + 1
        articles.append(Article(id=f"rams-{i}", date=dt.date(2016, 6, 1), text=text))
        if plover and plover != NONE:
            golds[f"rams-{i}"] = [(*_sentence_span(text, at), plover)]
    return articles, golds


def wikievents_articles(limit: int) -> tuple[list[Article], dict[str, list[tuple[int, int, str]]]]:
    """WikiEvents dev documents (the first `limit`, all for 0) and, by id, the (start, end, PLOVER type) of the
    sentence of each event mention whose type maps to PLOVER."""
    articles, golds = [], {}
    for i, line in enumerate(open(DEV / "wikievents_dev.jsonl", encoding="utf-8")):
        if limit and i >= limit:
            break
        d = json.loads(line)
        aid = f"wiki-{d['doc_id']}"
        articles.append(Article(id=aid, date=dt.date(2019, 6, 1), text=wikievents_text(d)))
        sents = [(s[0][0][1], s[0][-1][2]) for s in d["sentences"]]
        for m in d["event_mentions"]:
            plover = map_aida(m["event_type"])
            if plover and plover != NONE:
                golds.setdefault(aid, []).append((*sents[m["trigger"]["sent_idx"]], plover))
    return articles, golds


def muc_articles(limit: int) -> list[Article]:
    """MUC-4 dev and test documents that report no incident, the first `limit` of them (all for 0)."""
    out = []
    for part in ("dev", "test"):
        for line in open(DEV / "muc4" / f"{part}.json", encoding="utf-8"):
            d = json.loads(line)
            if not any(d["extracts"].values()):
                out.append(Article(id=d["docid"], date=dt.date(1990, 1, 1), text=d["doctext"]))
    return out[: limit or None]


def crisis_tweet_articles(limit: int) -> list[Article]:
    """Disaster and accident tweets not used in training (the offsets between the training sample's)."""
    out = []
    for crisis in sorted(p for p in (DEV / "crisislex-t26").iterdir() if p.is_dir()):
        if any(crisis.name.endswith(a) for a in ATTACK_CRISES):
            continue
        with open(next(crisis.glob("*labeled.csv")), encoding="utf-8", newline="") as fh:
            tweets = [r[1] for r in csv.reader(fh)][1:]
        step = max(2, len(tweets) // 150)
        out += [Article(id=f"{crisis.name}-{j}", date=dt.date(2013, 1, 1), text=t)
                for j, t in enumerate(tweets[step // 2::step][: (limit // 24 + 1) if limit else 40])]
    return out


def _sentence_span(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    end = min([i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0] or [len(text)])
    return start + 1, end + 1
