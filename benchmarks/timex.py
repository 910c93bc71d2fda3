"""Benchmark the time stage on TimeBank + AQUAINT (TempEval-3 TimeML, ../shared/data/time-dev).

For every .tml file: the document creation time (DCT) is the TIMEX3 with
functionInDocument="CREATION_TIME"; the text is what lies inside <TEXT>, tags stripped,
with the character offsets of each gold TIMEX3 kept. The raw texts are parsed with spaCy
(timed), `tag_timexes` runs on each parse (timed), and system spans are scored against
gold with the TempEval-3 definitions:

* strict span P/R/F1: identical character offsets;
* relaxed span P/R/F1: any overlap (each gold and system timex used at most once);
* type accuracy over relaxed matches, and type F1 = relaxed F1 x type accuracy;
* value P/R/F1: a system timex counts when it relaxed-matches a gold one with the same
  TIMEX3 value (precision over system timexes, recall over gold ones); this equals
  TempEval-3's relaxed F1 x value accuracy when system and gold counts are close;
* value_f1_lenient (secondary): the same, but gold X placeholders ("1989-WXX") match
  any digit or, at the end, nothing ("1968-XX" is "1968", "198X" is "198"), and gold week
  numbers are zero-padded ("2000-W7").

The same figures are given per corpus (the first folder under --data: TimeBank,
AQUAINT) under "by_corpus", because the goal holds on each and a change that helps one
may hurt the other. With --classes the value errors of each corpus are also counted by class
(`error_class`: missed, a timex no gold has, gold X placeholders, _REF, part of day, durations,
quarters, granularity, a weekday a week off, the other side of the DCT, another anchor), one mechanical
sorting for every corpus, so a change can be checked class by class on each.

Speed is sentences per second of the time stage alone on parsed text, next to the spaCy
parse of the same texts in the same run. With --parse-cache the parses are kept in a
spaCy DocBin keyed on the model and the texts (parse speed is then that of the run that
wrote it). Prints progress to stderr and one JSON line.

    .venv/bin/python benchmarks/timex.py [--data ../shared/data/time-dev] [--limit N] [--errors]
                                         [--parse-cache /tmp/timex-parses] [--classes]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dateline.model import Article, Document, Timex
from dateline.nlp import load_model
from dateline.time import tag_timexes
from dateline.timex3 import REFERENCES, interval, precision

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "time-dev"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
#: A tag of a TimeML text: its kind (TIMEX3, EVENT), start and end in the stripped text, its attributes.
Tagged = tuple[str, int, int, dict[str, str]]


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    dct: dt.date
    text: str
    gold: list[GoldTimex] = field(default_factory=list)
    corpus: str = ""


def timeml_text(raw: str, kinds: frozenset[str] = frozenset({"TIMEX3"})) -> tuple[dt.date, str, list[Tagged]]:
    """A TimeML file's creation day (its DCT), the text inside <TEXT> with the tags stripped, and each tag of
    `kinds` as (kind, start, end, attributes) with offsets into that text, in the order the tags close (also read by
    `timeml_links.py`, so both checks see one text). XML entities (&amp;) are left as they are: unescaping would
    shift the offsets."""
    dct_tag = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct = dt.date.fromisoformat(dict(_ATTR.findall(dct_tag.group(0)))["value"][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out: list[str] = []
    tagged: list[Tagged] = []
    open_tags: dict[str, tuple[int, dict[str, str]]] = {}
    pos = length = 0
    for tag in _TAG.finditer(body):
        out.append(body[pos:tag.start()])
        length += tag.start() - pos
        pos = tag.end()
        kind = tag.group(2)
        if kind not in kinds:
            continue
        if tag.group(1):
            start, attrs = open_tags.pop(kind)
            tagged.append((kind, start, length, attrs))
        else:
            open_tags[kind] = (length, dict(_ATTR.findall(tag.group(3))))
    out.append(body[pos:])
    return dct, "".join(out), tagged


def read_timeml(path: Path) -> TimeMLDoc:
    """The raw text inside <TEXT>, its DCT, and the gold TIMEX3 spans with offsets into it."""
    dct, text, tagged = timeml_text(path.read_text(encoding="utf-8"))
    return TimeMLDoc(path.name, dct, text, [GoldTimex(start, end, attrs["type"], attrs.get("value", ""))
                                            for _, start, end, attrs in tagged])


def score(pairs: list[tuple[list[GoldTimex], list]]) -> dict[str, float]:
    """TempEval-3 span, type and value figures over (gold, system) timex lists."""
    n_gold = n_sys = strict = relaxed_sys = relaxed_gold = type_ok = value_ok = value_lenient = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        used: set[int] = set()
        for s in system:
            match = next((i for i, g in enumerate(gold)
                          if i not in used and s.start < g.end and g.start < s.end), None)
            if match is None:
                continue
            used.add(match)
            g = gold[match]
            relaxed_sys += 1
            strict += (s.start, s.end) == (g.start, g.end)
            type_ok += s.type == g.type
            value_ok += s.value == g.value
            value_lenient += lenient_value_match(s.value, g.value)
        relaxed_gold += len(used)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    sp, sr = strict / max(n_sys, 1), strict / max(n_gold, 1)
    rp, rr = relaxed_sys / max(n_sys, 1), relaxed_gold / max(n_gold, 1)
    vp, vr = value_ok / max(n_sys, 1), value_ok / max(n_gold, 1)
    lp, lr = value_lenient / max(n_sys, 1), value_lenient / max(n_gold, 1)
    type_acc = type_ok / max(relaxed_sys, 1)
    return {
        "gold": n_gold, "system": n_sys,
        "strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": f1(rp, rr),
        "type_accuracy": type_acc, "type_f1": f1(rp, rr) * type_acc,
        "value_p": vp, "value_r": vr, "value_f1": f1(vp, vr),
        "value_accuracy": value_ok / max(relaxed_sys, 1),
        "value_f1_lenient": f1(lp, lr),
    }


def lenient_value_match(system: str, gold: str) -> bool:
    """A secondary, looser value test: gold X placeholders match any character
    (gold `1989-WXX` accepts `1989-W43`), trailing placeholders may be left out (gold
    `1968-XX` and `198X` say no more than `1968` and `198`) and gold week numbers are
    zero-padded (`2000-W7` is `2000-W07`). The headline value_f1 stays exact."""
    gold = re.sub(r"-W(\d)(?!\d)", r"-W0\1", gold)
    if re.fullmatch(re.escape(gold).replace("X", r"\w"), system) is not None:
        return True
    bare = re.sub(r"(?:-X+)+$|(?<=\d)X+$", "", gold)
    return bare != gold and bare == system


def print_errors(doc: TimeMLDoc, system: list) -> None:
    """Misses, false alarms and wrong values of one document, for error analysis."""
    for g in doc.gold:
        hits = [s for s in system if s.start < g.end and g.start < s.end]
        got = hits[0].value if hits else "-"
        if got != g.value:
            print(f"{doc.corpus[:2]} {doc.dct} {doc.text[g.start:g.end]!r:40} gold={g.value:14} sys={got}"
                  f" [{hits[0].text if hits else ''}]", file=sys.stderr)
    for s in system:
        if not any(s.start < g.end and g.start < s.end for g in doc.gold):
            print(f"{doc.corpus[:2]} {doc.dct} FALSE {s.text!r:40} sys={s.value}", file=sys.stderr)


#: Holiday names, for the class of a holiday read wrong.
_HOLIDAY = re.compile(r"christmas|easter|thanksgiving|new year|hanukkah|ramadan|passover|memorial day|labor day"
                      r"|independence day|halloween|valentine", re.IGNORECASE)
#: Error classes in the order --classes prints them (see error_class).
ERROR_CLASSES = ("missed", "system timex no gold has", "gold X placeholder", "vague (_REF)", "part of day",
                 "duration vs point", "duration amount or unit", "quarter, half, fiscal", "holiday",
                 "granularity", "weekday a week off", "direction (other side of DCT)", "anchor (same side)",
                 "other")


def error_class(gold: GoldTimex | None, system: Timex | None, text: str, dct: dt.date) -> str | None:
    """The class of one relaxed pairing whose values differ (None when they agree): a coarse,
    mechanical sorting, so that the same rules count both corpora alike. `text` is the gold span."""
    if gold is None or system is None:
        return "missed" if system is None else "system timex no gold has"
    g, s = gold.value, system.value
    if g == s:
        return None
    if lenient_value_match(s, g):
        return "gold X placeholder"
    if g in REFERENCES or s in REFERENCES:
        return "vague (_REF)"
    if g[:10] == s[:10] and len(g) >= 10 and len(s) >= 10:
        return "part of day"
    if g.startswith("P") or s.startswith("P"):
        return "duration amount or unit" if g.startswith("P") and s.startswith("P") else "duration vs point"
    if re.search(r"-[QH]\d|-QX", g + " " + s) or re.search(r"fiscal|quarter|period", text, re.IGNORECASE):
        return "quarter, half, fiscal"
    if _HOLIDAY.search(text):
        return "holiday"
    return _calendar_class(g, s, dct)


def _calendar_class(gold: str, system: str, dct: dt.date) -> str:
    """Two calendar values that differ: one inside the other, a week apart, or elsewhere."""
    gi, si = interval(gold), interval(system)
    if gi is None or si is None:
        return "other"
    if precision(gold) != precision(system) and gi.overlaps(si.first, si.last):
        return "granularity"
    if precision(gold) == precision(system) == "day" and (gi.first - si.first).days % 7 == 0:
        return "weekday a week off"
    return "direction (other side of DCT)" if (gi.last < dct) != (si.last < dct) else "anchor (same side)"


def class_counts(doc: TimeMLDoc, system: list) -> dict[str, int]:
    """How many value errors of each class one document has (relaxed pairing, as in score)."""
    counts: dict[str, int] = {}
    used: set[int] = set()
    pairs: list[tuple[GoldTimex | None, object]] = []
    for s in system:
        match = next((i for i, g in enumerate(doc.gold) if i not in used and s.start < g.end and g.start < s.end), None)
        if match is not None:
            used.add(match)
        pairs.append((doc.gold[match] if match is not None else None, s))
    pairs += [(g, None) for i, g in enumerate(doc.gold) if i not in used]
    for gold, s in pairs:
        text = doc.text[gold.start:gold.end] if gold else ""
        name = error_class(gold, s, text, doc.dct)
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
    return counts


def parse_all(texts: list[str], cache: Path | None) -> tuple[list, float]:
    """The spaCy parses of `texts` and the seconds they took, read from `cache` when it
    holds the parses of these very texts by this model (a DocBin named by their hash)."""
    nlp = load_model()
    key = hashlib.sha256("\x00".join([nlp.meta["name"], nlp.meta["version"], *texts]).encode()).hexdigest()[:16]
    stored = cache / f"timex-{key}.spacy" if cache else None
    if stored is not None and stored.exists():
        from spacy.tokens import DocBin
        seconds = float(stored.with_suffix(".seconds").read_text())
        return list(DocBin().from_disk(stored).get_docs(nlp.vocab)), seconds
    print(f"parsing {len(texts)} documents", file=sys.stderr)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - t0
    if stored is not None:
        from spacy.tokens import DocBin
        stored.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=parsed, store_user_data=True).to_disk(stored)
        stored.with_suffix(".seconds").write_text(str(seconds))
    return parsed, seconds


def error_tally(docs: list[TimeMLDoc], documents: list[Document]) -> dict[str, dict[str, int]]:
    """Value errors by class and corpus: {corpus: {class: count}}, classes in ERROR_CLASSES order."""
    tally: dict[str, dict[str, int]] = {}
    for d, document in zip(docs, documents, strict=True):
        per = tally.setdefault(d.corpus or "all", {})
        for name, n in class_counts(d, document.timexes).items():
            per[name] = per.get(name, 0) + n
    return {corpus: {name: per[name] for name in ERROR_CLASSES if name in per} for corpus, per in tally.items()}


def rounded(figures: dict[str, float]) -> dict[str, float]:
    """Figures rounded to four places for printing."""
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", action="store_true", help="print misses and wrong values to stderr")
    ap.add_argument("--parse-cache", type=Path, default=None, help="folder to keep the spaCy parses in")
    ap.add_argument("--classes", action="store_true",
                    help="add the value errors of each corpus counted by class (error_class) to the JSON")
    args = ap.parse_args()
    paths = sorted(args.data.glob("**/*.tml"))[: args.limit or None]
    docs = [read_timeml(p) for p in paths]
    for doc, path in zip(docs, paths, strict=True):
        doc.corpus = path.relative_to(args.data).parts[0] if len(path.relative_to(args.data).parts) > 1 else ""
    parsed, parse_s = parse_all([d.text for d in docs], args.parse_cache)
    documents = [Document(Article(d.name, d.dct, d.text), p) for d, p in zip(docs, parsed, strict=True)]
    n_sents = sum(1 for p in parsed for _ in p.sents)
    t0 = time.perf_counter()
    for document in documents:
        tag_timexes(document)
    stage_s = time.perf_counter() - t0
    if args.errors:
        for d, document in zip(docs, documents, strict=True):
            print_errors(d, document.timexes)
    figures = score([(d.gold, document.timexes) for d, document in zip(docs, documents, strict=True)])
    figures = rounded(figures)
    corpora = sorted({d.corpus for d in docs})
    if len(corpora) > 1:
        figures["by_corpus"] = {
            corpus: rounded(score([(d.gold, document.timexes) for d, document in zip(docs, documents, strict=True)
                                   if d.corpus == corpus]))
            for corpus in corpora}
    if args.classes:
        figures["error_classes"] = error_tally(docs, documents)
    figures.update(
        benchmark="timex", documents=len(docs), sentences=n_sents,
        stage_sentences_per_s=round(n_sents / stage_s, 1),
        parse_sentences_per_s=round(n_sents / parse_s, 1),
        stage_speed_vs_parse=round(parse_s / stage_s, 2),
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
