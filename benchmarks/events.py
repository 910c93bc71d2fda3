"""Benchmark the PLOVER event coder on the 322 PLOVER gold-standard sentences.

    .venv/bin/python benchmarks/events.py [--gsr PATH] [--limit N] [--errors] [--party-errors]
        [--beside-weight W] [--beside-in-calibration] [--calibration-map {platt,isotonic}]

The sentences (`PLOVER_GSR_CAMEO.txt`, examples from the CAMEO manual) carry labels of an
older PLOVER draft (0.5/0.6). They are mapped to the 16 current types with LABEL_MAP below:
the draft's DEMAND is today's REQUEST, DISAPPROVE and INVESTIGATE were merged into ACCUSE
(ACCUSE modes `disapprove`, `investigate`), FIGHT was merged into ASSAULT; every other label is
unchanged. The sentences have no article date, so the file's own `date` (2000-01-01) is used.

Scores, at sentence level (sentences repeated in several records are merged, their labels united):
* event type micro-F1 (`type_f1`): the set of types of the reported events coded for a sentence
  (factual: not negated, not hypothetical; and not background: confidence >= 0.5) against the
  set of its gold types; `all_type_f1` counts every factual event, background ones included;
* party F1: the (country, sector) pairs of the parties of those events against the gold
  source and target entities. A party matches a gold entity with the same country and, when
  the gold entity names a sector, the same sector (its first three letters: `CVLalb` -> CVL).
  `party_country_f1` matches on country only; `party_role_f1` also requires the role
  (actor vs source, recipient vs target), with reciprocal gold sources counted as actors.
Country codes are normalised on both sides with CODE_MAP (the draft's IGO for UNO/EUR, its non-ISO
JAP, ITL, VTN -> JPN, ITA, VNM, and SCG->SRB). Speed: time of the actors and events stages as a
fraction of spaCy's parse of the same texts, on the gold sentences and on real news (`--news N`
Timeline17 articles, a few per topic).

Whole articles and development sets (`event_sets.py`, skipped with `--no-sets`): events-gold
scored by the project's scorer (the lexicon alone, the shipped verifier in-sample, and the verifier
cross-validated by article, with the display threshold that maximises F0.5 (the default view's criterion) and a
reliability table on stderr; each fold's verifier fitted with the recipe flags that
`tools/train_event_model.py` takes, printed as `cv_verifier_recipe`), recall on RAMS and WikiEvents,
WikiEvents precision, and false
alarms on MUC-4 no-incident documents and CrisisLex disaster tweets. With the sets, the GSR's
"reported" events are those at or above that proposed threshold (else MIN_CONFIDENCE).
`pipeline_vs_parse_only` is the throughput of the whole pipeline as a share of the parse alone.

Progress goes to stderr; the last line on stdout is one JSON object of figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Any

from dateline.actors import tag_actors
from dateline.events import code_events
from dateline.geo import tag_places
from dateline.model import Article, Document
from dateline.nlp import load_model
from dateline.time import tag_timexes

SHARED = Path(__file__).resolve().parents[2] / "shared"
GSR = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
T17 = SHARED / "corpus" / "t17"
DCT = dt.date(2000, 1, 1)
#: Older PLOVER draft labels -> the 16 PLOVER types of manual draft 0.8.
#: Events below this confidence are background (relative clauses, adjuncts, events inside events,
#: weak CAMEO defaults without actors): the GSR labels each sentence's reported event only.
MIN_CONFIDENCE = 0.5
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The GSR sentences with their mapped types and gold parties (the DOCUMENT record dropped).

    A few sentences appear in several records with different labels (one event each); they
    are merged into one sentence whose gold is the union of the records.
    """
    records = json.loads(path.read_text(encoding="utf-8"))
    by_text: dict[str, dict[str, Any]] = {}
    for rec in records:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        item = by_text.setdefault(rec["text"], {"id": rec["id"], "text": rec["text"], "types": set(),
                                                "source": [], "target": []})
        item["types"].add(LABEL_MAP.get(rec["event"], rec["event"]))
        item["source"] += [e for e in _entities(rec.get("source")) if e not in item["source"]]
        item["target"] += [e for e in _entities(rec.get("target")) if e not in item["target"]]
    return list(by_text.values())


#: The GSR draft coded every international organisation as IGO and used a few non-ISO codes;
#: dateline follows PLOVER 0.8 (UNO, EUR pseudo-countries) and ISO-3166 (JPN, SRB). Both sides
#: are brought to the draft's convention before matching.
CODE_MAP = {"UNO": "IGO", "EUR": "IGO", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "SCG": "SRB"}


def _code(raw: str) -> str:
    code = raw[:3].upper()
    return CODE_MAP.get(code, code)


def _entities(raw: Any) -> list[tuple[str, str | None]]:
    if not isinstance(raw, list):
        return []
    out = []
    for ent in raw:
        code = _code(ent.get("code") or "")
        if code:
            sector = (ent.get("sector") or "")[:3].upper() or None
            out.append((code, sector))
    return out


def _matches(pred: tuple[str, str | None], gold: tuple[str, str | None], use_sector: bool) -> bool:
    if pred[0] != gold[0]:
        return False
    return not use_sector or gold[1] is None or pred[1] == gold[1]


def match_count(pred: list, gold: list, use_sector: bool = True) -> int:
    """Greedy one-to-one matches between predicted and gold (country, sector) pairs."""
    left = list(gold)
    hits = 0
    for p in pred:
        for i, g in enumerate(left):
            if _matches(p, g, use_sector):
                hits += 1
                del left[i]
                break
    return hits


def f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f1": round(score, 4)}


def _parties(events: list, role: str) -> list[tuple[str, str | None]]:
    seen = []
    for ev in events:
        for party in getattr(ev, role):
            key = (_code(party.country), (party.sector or "")[:3].upper() or None) if party.country else None
            if key and key not in seen:
                seen.append(key)
    return seen


def run(gold: list[dict[str, Any]], show_errors: bool, show_party_errors: bool = False) -> dict[str, Any]:
    """GSR figures of the shipped pipeline (its verifier never learns from the GSR: `event_sources.TRAINED_ON`)."""
    nlp = load_model()
    texts = [g["text"] for g in gold]
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=64))
    parse_s = time.perf_counter() - t0
    stage_s = Counter()
    counts = Counter()
    for g, spacy_doc in zip(gold, parsed, strict=True):
        doc = Document(article=Article(id=g["id"], date=DCT, text=g["text"]), parsed=spacy_doc)
        for name, stage in (("time", tag_timexes), ("places", tag_places), ("actors", tag_actors),
                            ("events", code_events)):
            t = time.perf_counter()
            doc = stage(doc)
            stage_s[name] += time.perf_counter() - t
        factual = [e for e in doc.events if not e.negated and not e.hypothetical]
        for t in CURVE_THRESHOLDS:
            count_types(g, [e for e in factual if e.confidence >= t], counts, f"curve{t}")
        reported = [e for e in factual if e.confidence >= REPORTED_MIN]
        _score_sentence(g, reported, counts, show_errors)
        if show_party_errors:
            _print_party_errors(g, reported)
        count_types(g, factual, counts, "all_type")
    return _figures(counts, stage_s, parse_s, len(gold))


def count_types(g: dict[str, Any], events: list, counts: Counter, key: str) -> set[str]:
    """The types of `events`, tallied against a GSR story's gold `types` as `key`_tp, `key`_fp and `key`_fn."""
    types = {e.type for e in events}
    counts[f"{key}_tp"] += len(types & g["types"])
    counts[f"{key}_fp"] += len(types - g["types"])
    counts[f"{key}_fn"] += len(g["types"] - types)
    return types


def _score_sentence(g: dict[str, Any], factual: list, counts: Counter, show_errors: bool) -> None:
    types = count_types(g, factual, counts, "type")
    gold_types = g["types"]
    actors, recipients = _parties(factual, "actors"), _parties(factual, "recipients")
    pred = actors + [r for r in recipients if r not in actors]
    gold_parties = g["source"] + g["target"]
    for use_sector, key in ((True, "party"), (False, "party_country")):
        hits = match_count(pred, gold_parties, use_sector)
        counts[f"{key}_tp"] += hits
        counts[f"{key}_fp"] += len(pred) - hits
        counts[f"{key}_fn"] += len(gold_parties) - hits
    role_hits = match_count(actors, g["source"]) + match_count(recipients, g["target"])
    counts["party_role_tp"] += role_hits
    counts["party_role_fp"] += len(actors) + len(recipients) - role_hits
    counts["party_role_fn"] += len(gold_parties) - role_hits
    if show_errors and types != gold_types:
        print(f"{g['id']}: gold {sorted(gold_types)} got {sorted(types)} :: {g['text']}", file=sys.stderr)
        if SHOW_RULES:
            for e in factual:
                print(f"    {e.type} <- {e.evidence.trigger!r} [{e.evidence.rule}] conf {e.confidence:.2f}",
                      file=sys.stderr)


#: The confidence from which a GSR event counts as reported: the proposed display threshold when known.
REPORTED_MIN = MIN_CONFIDENCE
#: The thresholds of the GSR's type curve (event_sets.THRESHOLDS, the same steps).
CURVE_THRESHOLDS = tuple(round(step * 0.05, 2) for step in range(20))
#: Set by --rules: under each type error, print the trigger and lexicon rule of every reported event.
SHOW_RULES = False


def _print_party_errors(g: dict[str, Any], events: list) -> None:
    """Print gold vs predicted parties (with the mention text) of a sentence whose parties differ."""
    actors, recipients = _parties(events, "actors"), _parties(events, "recipients")
    pred = actors + [r for r in recipients if r not in actors]
    gold_parties = g["source"] + g["target"]
    hits = match_count(pred, gold_parties)
    if hits == len(pred) == len(gold_parties):
        return
    mentions = [f"{e.type}({'|'.join(map(_describe, e.actors))} -> {'|'.join(map(_describe, e.recipients))})"
                for e in events]
    print(f"{g['id']}: gold src {g['source']} tgt {g['target']} | pred src {actors} tgt {recipients}"
          f"\n    {'; '.join(mentions)}\n    :: {g['text']}", file=sys.stderr)


def _describe(party: Any) -> str:
    return f"{party.text!r}={party.country or '-'}/{party.sector or '-'}"


def _figures(counts: Counter, stage_s: Counter, parse_s: float, n: int) -> dict[str, Any]:
    out: dict[str, Any] = {"sentences": n}
    for key in ("type", "all_type", "party", "party_country", "party_role"):
        scores = f1(counts[f"{key}_tp"], counts[f"{key}_fp"], counts[f"{key}_fn"])
        out[f"{key}_f1"] = scores["f1"]
        out[f"{key}_p"] = scores["p"]
        out[f"{key}_r"] = scores["r"]
    out["type_curve"] = []
    for t in CURVE_THRESHOLDS:
        got = f1(counts[f"curve{t}_tp"], counts[f"curve{t}_fp"], counts[f"curve{t}_fn"])
        b2 = 0.25
        f05 = (1 + b2) * got["p"] * got["r"] / (b2 * got["p"] + got["r"]) if got["p"] + got["r"] else 0.0
        out["type_curve"].append({"min_confidence": t, "precision": got["p"], "recall": got["r"], "f1": got["f1"],
                                  "f0.5": round(f05, 4)})
    out["parse_s"] = round(parse_s, 3)
    out.update({f"{k}_s": round(v, 3) for k, v in stage_s.items()})
    out["events_vs_parse"] = round(stage_s["events"] / parse_s, 4)
    out["actors_events_vs_parse"] = round((stage_s["events"] + stage_s["actors"]) / parse_s, 4)
    return out


def news_speed(count: int) -> dict[str, Any]:
    """Stage times on real news (Timeline17 articles) as fractions of their spaCy parse time."""
    articles = []
    for path in sorted(T17.glob("*/articles.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in islice(fh, max(1, count // 6)):
                row = json.loads(line)
                articles.append(Article(id=row["id"], date=dt.date.fromisoformat(row["time"][:10]), text=row["text"]))
    articles = articles[:count]
    nlp = load_model()
    t0 = time.perf_counter()
    parsed = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parse_s = time.perf_counter() - t0
    stage_s: Counter = Counter()
    events = 0
    for art, spacy_doc in zip(articles, parsed, strict=True):
        doc = Document(article=art, parsed=spacy_doc)
        for name, stage in (("time", tag_timexes), ("places", tag_places), ("actors", tag_actors),
                            ("events", code_events)):
            t = time.perf_counter()
            doc = stage(doc)
            stage_s[name] += time.perf_counter() - t
        events += len(doc.events)
    return {"news_articles": len(articles), "news_events": events, "news_parse_s": round(parse_s, 3),
            "pipeline_vs_parse_only": round(parse_s / (parse_s + sum(stage_s.values())), 4),
            "news_events_vs_parse": round(stage_s["events"] / parse_s, 4),
            "news_actors_events_vs_parse": round((stage_s["events"] + stage_s["actors"]) / parse_s, 4)}


def build_parser() -> tuple[argparse.ArgumentParser, Any]:
    """The command's options, and the verifier trainer (`tools/train_event_model.py`) whose recipe options
    (`add_recipe_options`: BESIDE weight, BESIDE rows in the calibration, the calibration map) it takes too: they
    set how each fold's verifier of the events-gold cross-validation is fitted, so a variant's CV figures and the
    model `train_event_model.py` ships with the same flags come from one recipe. The shipped models (in-sample,
    dev sets, GSR) are not changed by them."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    import train_event_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    train_event_model.add_recipe_options(parser)
    parser.add_argument("--gsr", type=Path, default=GSR)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--errors", action="store_true", help="print type errors to stderr")
    parser.add_argument("--party-errors", action="store_true",
                        help="print gold vs predicted parties of each sentence whose parties differ")
    parser.add_argument("--rules", action="store_true",
                        help="with --errors: print the trigger and lexicon rule of each reported event")
    parser.add_argument("--news", type=int, default=60, help="Timeline17 articles for the speed figures (0: none)")
    parser.add_argument("--no-sets", action="store_true", help="skip events-gold and the development sets")
    return parser, train_event_model


def main() -> None:
    parser, trainer = build_parser()
    args = parser.parse_args()
    global SHOW_RULES, REPORTED_MIN
    figures: dict[str, Any] = {"cv_verifier_recipe": trainer.set_recipe(parser, args)}
    if not args.no_sets:
        from event_sets import devset_figures, gold_figures

        gold_out, REPORTED_MIN = gold_figures(args.limit, args.errors, figures["cv_verifier_recipe"]["row_kind"])
        figures.update(gold_out)
        figures.update(devset_figures(args.limit, REPORTED_MIN))
    gold = load_gold(args.gsr)
    if args.limit:
        gold = gold[: args.limit]
    print(f"{len(gold)} gold sentences", file=sys.stderr)
    SHOW_RULES = args.rules
    figures.update(run(gold, args.errors, args.party_errors))
    if not args.no_sets:
        from event_sets import joint_threshold

        curves = {"gold_cv": figures["gold_cv_curve"], "gsr": figures["type_curve"],
                  "wikievents": figures["wikievents_curve"]}
        figures["joint_min_confidence"], figures["joint_f0.5"] = joint_threshold(curves)
    figures["gsr_reported_min_confidence"] = REPORTED_MIN
    if args.news and T17.exists():
        figures.update(news_speed(args.news))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
