"""The acceptance check of issue 2: the seed article read against its gold reading.

Matching follows the gold file's `about`: events match on type, the parties named (by
country code, any order), the date and, where given, the place (within max_km); negated
or hypothetical events never count as a match; no `must_not` reading may appear.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.pipeline import process
from dateline.read import read_articles

DATA = Path(__file__).parent / "data"
GOLD = json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reading() -> dict:
    (doc,) = process(read_articles([DATA / "seed.txt"]))
    # exactly what `dateline extract` prints: the default view
    return json.loads(json.dumps(doc.with_events_at_least(DEFAULT_MIN_CONFIDENCE).to_json()))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def is_near(place: dict | None, want: dict) -> bool:
    if not place or place.get("lat") is None:
        return bool(place) and "lat" not in want and place.get("country_code") == want.get("country_code")
    if "lat" not in want:
        return place.get("country_code") == want["country_code"]
    return km(place["lat"], place["lon"], want["lat"], want["lon"]) <= want["max_km"]


def countries(ev: dict) -> set[str]:
    return {(p.get("country") or "")[:3].upper() for p in ev["actors"] + ev["recipients"]} - {""}


def date_fits(ev: dict, gold: dict) -> bool:
    d = ev.get("date") or ""
    if "date" in gold:
        return d == gold["date"]
    if "date_between" in gold:
        lo, hi = gold["date_between"]
        return bool(d) and lo[: len(d)] <= d <= hi[: len(d)]
    return True


def matches(ev: dict, gold: dict) -> bool:
    return (ev["type"] == gold["type"] and not ev["negated"] and not ev["hypothetical"]
            and ev.get("mode") == gold.get("mode", ev.get("mode"))
            and gold.get("evidence_contains", "") in ev["evidence"]["sentence"]
            and set(gold.get("parties", [])) <= countries(ev) and date_fits(ev, gold)
            and ("place" not in gold or is_near(ev.get("location"), gold["place"])))


@pytest.mark.parametrize("gold", GOLD["events"], ids=[g["id"] for g in GOLD["events"]])
def test_every_gold_event_is_found(reading, gold):
    found = [e for e in reading["events"] if gold.get("evidence_contains", "") in e["evidence"]["sentence"]]
    assert any(matches(e, gold) for e in reading["events"]), json.dumps(found, indent=1)[:3000]


@pytest.mark.parametrize("gold", GOLD["places"], ids=[g["text"] for g in GOLD["places"]])
def test_every_gold_place_is_resolved_within_its_distance(reading, gold):
    cands = [p for p in reading["places"] if p["text"] == gold["text"]]
    assert any(is_near(p, gold) for p in cands), cands


@pytest.mark.parametrize("gold", GOLD["timexes"], ids=[g["text"] for g in GOLD["timexes"]])
def test_every_gold_timex_has_its_value(reading, gold):
    assert any(t["text"].lower().endswith(gold["text"].lower()) and t["value"] == gold["value"]
               for t in reading["timexes"]), reading["timexes"]


@pytest.mark.parametrize("gold", GOLD["actors"], ids=[g["text"] for g in GOLD["actors"]])
def test_every_gold_actor_is_resolved(reading, gold):
    want = gold["country"] if isinstance(gold["country"], list) else [gold["country"]]
    assert any(gold["text"].lower() in f"{a['text']} {a['name']}".lower()
               and any((a["country"] or "").startswith(c) for c in want)
               and gold.get("sector", "") in (a["sector"] or "")
               for a in reading["actors"]), reading["actors"]


@pytest.mark.parametrize("bad", GOLD["must_not"], ids=[b["why"][:40] for b in GOLD["must_not"]])
def test_no_wrong_reading(reading, bad):
    for ev in reading["events"]:
        fired = (ev["type"] == bad["type"]
                 and bad.get("evidence_contains", "") in ev["evidence"]["sentence"]
                 and ("date" not in bad or ev["date"] == bad["date"])
                 and ("negated" not in bad or ev["negated"] == bad["negated"])
                 and ("hypothetical" not in bad or ev["hypothetical"] == bad["hypothetical"]))
        assert not fired, bad["why"]


def test_every_event_carries_readable_evidence(reading):
    text = (DATA / "seed.txt").read_text(encoding="utf-8").split("2018-09-19", 1)[1].strip()
    assert reading["events"]
    for ev in reading["events"]:
        e = ev["evidence"]
        assert text[e["start"]:e["end"]] == e["sentence"]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        assert 0 < ev["confidence"] <= 1
