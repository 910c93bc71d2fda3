"""Short ACLED-style notes and wire briefs: political events found and typed, and no event from the rest.

    .venv/bin/python benchmarks/short_reports.py [--errors] [--data PATH]

`benchmarks/data/short_reports.jsonl` holds 82 one-sentence reports written for this check (not taken
from any training or gold set, and not used to tune the lexicon): 42 political events of varied types and
countries, each with its PLOVER type and, where the sentence settles it, the actor's and the recipient's
country; and 40 reports of natural hazards, accidents, disease, sport, business and ordinary crime, which
must give no political event. It stands in for the held-out short reports dateline is judged on.

Figures, for the default view (the shipped verifier, events at or above `DEFAULT_MIN_CONFIDENCE`) and for
the lexicon alone (`unverified()`, every candidate):
* `found`: share of political reports with a shown event of the expected type;
* `top_type_right`: share of political reports whose most confident shown event has the expected type;
* `parties_right`: of the found events, share whose actors hold the expected actor country and whose
  parties hold the expected recipient country (where the data names them);
* `false_alarm`: share of non-political reports with any shown event; `conflict_false_alarm`: with a
  shown ASSAULT or COERCE (the MUC-4/CrisisLex criterion).

Progress and, with `--errors`, each miss go to stderr; the last line on stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from dateline.events.verify import DEFAULT_MIN_CONFIDENCE, unverified
from dateline.model import Article, Document, Event
from dateline.pipeline import process

DATA = Path(__file__).resolve().parent / "data" / "short_reports.jsonl"
CONFLICT = frozenset({"ASSAULT", "COERCE"})


def load_reports(path: Path = DATA) -> list[dict[str, Any]]:
    """The labelled reports: id, date, text, expected type (None: no political event), parties."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _countries(parties: list[Any]) -> set[str]:
    return {p.country for p in parties if p.country}


def _parties_right(event: Event, report: dict[str, Any]) -> bool:
    """The expected actor country among the actors, the expected recipient country among all parties
    (a reciprocal event lists its partners as actors)."""
    everyone = _countries(event.actors) | _countries(event.recipients)
    actor, recipient = report.get("actor"), report.get("recipient")
    return (actor is None or actor in _countries(event.actors)) and (recipient is None or recipient in everyone)


def score(reports: list[dict[str, Any]], docs: list[Document], threshold: float,
          errors: bool = False) -> dict[str, Any]:
    """The figures of one run (see the module docstring)."""
    counts = {"political": 0, "found": 0, "top": 0, "parties": 0, "other": 0, "alarm": 0, "conflict": 0}
    for report, doc in zip(reports, docs, strict=True):
        shown = sorted((e for e in doc.events if e.confidence >= threshold), key=lambda e: -e.confidence)
        coded = [f"{e.type}:{e.evidence.trigger}:{e.confidence:.2f}" for e in shown]
        if report["type"] is None:
            counts["other"] += 1
            counts["alarm"] += bool(shown)
            counts["conflict"] += any(e.type in CONFLICT for e in shown)
            if errors and shown:
                print(f"FALSE ALARM {report['id']} ({report['kind']}): {coded} | {report['text']}", file=sys.stderr)
            continue
        counts["political"] += 1
        match = next((e for e in shown if e.type == report["type"]), None)
        counts["found"] += match is not None
        counts["top"] += bool(shown) and shown[0].type == report["type"]
        counts["parties"] += match is not None and _parties_right(match, report)
        if errors and (match is None or not _parties_right(match, report)):
            what = "MISSED" if match is None else "PARTIES"
            print(f"{what} {report['id']} want {report['type']} {report.get('actor')}->{report.get('recipient')}: "
                  f"{coded} | {report['text']}", file=sys.stderr)
    political, other = max(counts["political"], 1), max(counts["other"], 1)
    return {"political": counts["political"], "found": round(counts["found"] / political, 3),
            "top_type_right": round(counts["top"] / political, 3),
            "parties_right": round(counts["parties"] / max(counts["found"], 1), 3),
            "non_political": counts["other"], "false_alarm": round(counts["alarm"] / other, 3),
            "conflict_false_alarm": round(counts["conflict"] / other, 3)}


def short_report_figures(path: Path = DATA, errors: bool = False) -> dict[str, Any]:
    """Figures at the default view and for the lexicon alone, keyed `short_reports` and `short_reports_lexicon`, with
    the view they were read at (`default_view`: the packaged verifier's, which a retrain may move)."""
    reports = load_reports(path)
    articles = [Article(id=r["id"], date=dt.date.fromisoformat(r["date"]), text=r["text"]) for r in reports]
    shown = score(reports, list(process(articles)), DEFAULT_MIN_CONFIDENCE, errors)
    with unverified():
        raw = score(reports, list(process(articles)), 0.0, errors)
    return {"short_reports": shown, "short_reports_lexicon": raw, "default_view": DEFAULT_MIN_CONFIDENCE}


def main() -> None:
    """Score the short reports (default view and lexicon alone) and print one JSON line of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="print misses and false alarms to stderr")
    args = parser.parse_args()
    print(json.dumps(short_report_figures(args.data, args.errors)))


if __name__ == "__main__":
    main()
