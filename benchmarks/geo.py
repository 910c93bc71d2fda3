"""Geoparsing benchmark on GeoWebNews (Gritta et al. 2019): recognition and resolution.

    .venv/bin/python benchmarks/geo.py [--gwn PATH] [--limit N] [--errors] [--parsed FILE]
    .venv/bin/python benchmarks/geo.py --local [benchmarks/data/us_local_places.jsonl] [--errors]

`--errors` prints, on stderr, every recognised gold toponym placed more than 161 km away
(gold vs predicted, distance, feature code), every missed one and every false positive,
for error analysis.
`--parsed FILE` keeps the spaCy parses in a DocBin file (made on the first run, read on
later ones) so that error analysis does not re-parse; the speed figure then says nothing.

Gold toponyms are GWN annotations with coordinates, except adjectival modifiers
("Syrian", "French": dateline keeps demonyms apart from places, the actor stage takes
them) and coercions (names of things used as locations, "2231 Royal", "Wegmans").
Predictions that overlap those excluded annotations, demonyms or languages count neither
way; predictions that overlap nothing gold count as false positives.

Recognition: precision, recall, F1 by span overlap. Resolution, for the gold toponyms
that are recognised: accuracy within 161 km, exact geonameid match (where GWN gives one),
median error in km and the AUC of the log error curve (Gritta et al. 2018; lower is
better). Speed: the places stage (recognition + resolution) against spaCy's parse of the
same texts in the same run. Prints progress on stderr and one JSON line at the end.

`--local` scores the same figures on short US local-news passages written for dateline
(`benchmarks/data/us_local_places.jsonl`: counties, townships, "Town, St." pairs, homonyms
such as Paris, Texas; every toponym with the point expected from GeoNames, or an approximate
centre for counties and rivers): a held-out-style check of the small-town news GWN lacks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.geo import get_gazetteer, tag_places
from dateline.model import Article, Document, Place
from dateline.nlp import load_model

GWN = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "geo-dev" / "GWN.xml"
US_LOCAL = Path(__file__).resolve().parent / "data" / "us_local_places.jsonl"
EARTH_KM = 6371.0
MAX_ERROR_KM = 20039.0
IGNORED_TYPES = frozenset({"Coercion", "Demonym", "Language"})


@dataclass
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None
    type: str = ""


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def read_gwn(path: Path) -> list[tuple[str, list[GoldToponym], list[tuple[int, int]], str]]:
    """Articles as (text, gold toponyms, ignored spans, source address)."""
    out = []
    for article in ET.parse(path).getroot().iter("article"):
        gold, ignored = [], []
        for top in article.iter("toponym"):
            span = (int(top.findtext("start")), int(top.findtext("end")))
            lat = top.findtext("latitude")
            if top.findtext("type") in IGNORED_TYPES or top.findtext("modifierType") == "Adjective":
                ignored.append(span)
            elif lat:
                gid = top.findtext("geonamesID")
                gold.append(GoldToponym(*span, float(lat), float(top.findtext("longitude")),
                                        int(gid) if gid else None, top.findtext("type") or ""))
        out.append((article.findtext("text") or "", gold, ignored, article.findtext("link") or ""))
    return out


def read_local(path: Path) -> list[tuple[str, list[GoldToponym], list[tuple[int, int]], str]]:
    """Passages of `us_local_places.jsonl` in the shape `read_gwn` gives (no ignored spans, no address)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold = [GoldToponym(p["start"], p["start"] + len(p["text"]), p["lat"], p["lon"], None, p["kind"])
                    for p in row["places"]]
            out.append((row["text"], gold, [], ""))
    return out


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def miss_kind(parsed: Any, start: int, end: int) -> str:
    """What spaCy made of a missed toponym: an entity of another label, a span cut or merged, or no entity
    (then whether the words are in capitals or open a sentence), for error analysis."""
    ents = [e for e in parsed.ents if e.start_char < end and start < e.end_char]
    if not ents:
        words = parsed.char_span(start, end, alignment_mode="expand")
        if words is not None and words.text.isupper():
            return "no entity: all capitals"
        if words is not None and words[0].is_sent_start:
            return "no entity: opens a sentence"
        return "no entity"
    ent = ents[0]
    same = (ent.start_char, ent.end_char) == (start, end)
    if ent.label_ in ("GPE", "LOC", "FAC"):
        return f"{ent.label_} not kept" if same else f"{ent.label_} span differs"
    return f"label {ent.label_}" + ("" if same else ", span differs")


def score_article(places: list[Place], gold: list[GoldToponym], ignored: list[tuple[int, int]],
                  tally: dict[str, list | int], text: str = "", parsed: Any = None) -> None:
    """Add one article's recognition counts and resolution errors to the tally."""
    for place in places:
        if any(overlaps(place.start, place.end, g.start, g.end) for g in gold):
            tally["tp_pred"] += 1
        elif not any(overlaps(place.start, place.end, s, e) for s, e in ignored):
            tally["fp"] += 1
            tally["spurious"].append(f"FP {place.text!r} {place.feature_code} {place.country_code} | "
                                     f"{text[max(0, place.start - 50):place.end + 30]!r}".replace("\\n", " "))
    for g in gold:
        hits = [p for p in places if overlaps(p.start, p.end, g.start, g.end)]
        tally["gold"] += 1
        if not hits:
            kind = miss_kind(parsed, g.start, g.end) if parsed is not None else ""
            tally["missed"].append(f"MISS {text[g.start:g.end]!r} ({g.type}) [{kind}] | "
                                   f"{text[max(0, g.start - 50):g.end + 30]!r}".replace("\\n", " "))
            continue
        tally["recognised"] += 1
        place = hits[0]
        error = MAX_ERROR_KM if place.lat is None else great_circle_km(place.lat, place.lon, g.lat, g.lon)
        tally["errors"].append(error)
        if error > 161:
            tally["wrong"].append(
                f"{error:7.0f} km {text[g.start:g.end]!r} gold=({g.lat:.2f},{g.lon:.2f}) id={g.geonameid} "
                f"pred={place.name!r} {place.feature_code} {place.country_code} id={place.geonameid} "
                f"conf={place.confidence} | {text[max(0, g.start - 60):g.end + 40]!r}".replace("\\n", " "))
        if g.geonameid is not None:
            tally["with_id"] += 1
            tally["id_match"] += int(place.geonameid == g.geonameid)


def error_auc(errors: list[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1] (Gritta et al. 2018)."""
    if not errors:
        return 1.0
    scaled = sorted(math.log(e + 1) / math.log(MAX_ERROR_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(scaled))
    return area / (len(scaled) - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gwn", type=Path, default=GWN)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", action="store_true", help="print misplaced and missed toponyms")
    parser.add_argument("--parsed", type=Path, help="DocBin file caching the parses (analysis only)")
    parser.add_argument("--local", type=Path, nargs="?", const=US_LOCAL,
                        help="score US local-news passages instead of GWN")
    args = parser.parse_args()
    articles = (read_local(args.local) if args.local else read_gwn(args.gwn))[: args.limit or None]
    nlp = load_model()
    get_gazetteer()  # building the index is a one-off, not part of the speed figure
    texts = [text for text, *_ in articles]
    started = time.perf_counter()
    parsed = parse_texts(nlp, texts, args.parsed)
    parse_s = time.perf_counter() - started
    print(f"parsed {len(parsed)} articles in {parse_s:.1f} s", file=sys.stderr)
    day = dt.date(2018, 1, 1)
    docs = [Document(Article(str(i), day, art[0], url=art[3] or None), parsed=doc)
            for i, (art, doc) in enumerate(zip(articles, parsed, strict=True))]
    started = time.perf_counter()
    for doc in docs:
        tag_places(doc)
    places_s = time.perf_counter() - started
    tally: dict = {"tp_pred": 0, "fp": 0, "gold": 0, "recognised": 0, "errors": [], "with_id": 0,
                   "id_match": 0, "wrong": [], "missed": [], "spurious": []}
    for doc, (text, gold, ignored, _) in zip(docs, articles, strict=True):
        score_article(doc.places, gold, ignored, tally, text, doc.parsed)
    if args.errors:
        print("\n".join(sorted(tally["wrong"], reverse=True) + sorted(tally["missed"])
                        + sorted(tally["spurious"])), file=sys.stderr)
    figures = summary(tally, len(docs), parse_s, places_s)
    if args.local:
        figures["benchmark"] = "geo-us-local"
    print(json.dumps(figures))


def parse_texts(nlp, texts: list[str], cache: Path | None) -> list:
    """spaCy parses of the texts, read from / written to a DocBin file when one is named."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


def summary(tally: dict, n_docs: int, parse_s: float, places_s: float) -> dict:
    precision = tally["tp_pred"] / max(1, tally["tp_pred"] + tally["fp"])
    recall = tally["recognised"] / max(1, tally["gold"])
    errors = tally["errors"]
    return {
        "benchmark": "geo-gwn", "articles": n_docs, "gold_toponyms": tally["gold"],
        "precision": round(precision, 4), "recall": round(recall, 4),
        "f1": round(2 * precision * recall / max(1e-9, precision + recall), 4),
        "acc_161km": round(sum(e <= 161 for e in errors) / max(1, len(errors)), 4),
        "geonameid_match": round(tally["id_match"] / max(1, tally["with_id"]), 4),
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(error_auc(errors), 4),
        "places_docs_per_s": round(n_docs / max(1e-9, places_s), 1),
        "parse_docs_per_s": round(n_docs / max(1e-9, parse_s), 1),
        "speed_ratio_vs_parse": round(parse_s / max(1e-9, places_s), 2),
    }


if __name__ == "__main__":
    main()
