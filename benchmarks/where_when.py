"""Where and when at the event level (issue 10): location and date of the events matched on the
whole-article gold (../shared/data/events-gold), per source, and how often a shown location is wrong.

    .venv/bin/python benchmarks/where_when.py [--readings FILE] [--errors]

Runs `dateline extract ARTICLES --format jsonl --min-confidence 0` (or reads `--readings`, the
output of such a run) and matches its events to the gold with `../shared/tools/event_score.py`
(same sentence, same type, one system event per gold happening). For the matched events it
gives the share with the right location (within 100 km or the same name; none where the gold
has none) and the right date (to the gold's precision), overall and per source; for the matched
events shown in the default view (confidence at least the verifier's default) the share whose
location is present and wrong (`wrong_dot_shown`: a wrong dot is worse than none; `enclosing_dot_shown` the part
of those that is the country of the gold's place, coarser rather than elsewhere, `encloses`) and the share
left without one when the gold has one (`no_dot_shown`); `location_by_basis` counts the matched
events and their right locations by the evidence the location rests on (see `basis_kind`), and
`date_by_basis` their right dates by the path the dater took (`event_dates.date_path`).
`--errors` lists every wrong location and date on stderr. The stage-level fields do not depend on
the verifier, so these figures are not in-sample the way extract's precision on these articles is.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from event_dates import date_path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD_DIR = SHARED / "data" / "events-gold"


def load_scorer(path: Path = SHARED / "tools" / "event_score.py"):
    """The shared event scorer, imported from its file (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("event_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_readings(path: Path | None, articles: Path) -> dict[str, dict]:
    """Each article's `dateline extract` object by id: from a file, or from a fresh run."""
    if path is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
    else:
        command = [str(Path(sys.executable).parent / "dateline"), "extract", str(articles),
                   "--format", "jsonl", "--min-confidence", "0"]
        lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()
    readings = [json.loads(line) for line in lines if line.strip()]
    return {r["article"]["id"]: r for r in readings}


def matched_pairs(scorer, art: dict, gold_events: list, reading: dict) -> list[tuple[dict, dict]]:
    """(system event, gold event) for every match, in the scorer's own order and rules."""
    spans = [scorer.find_sentence(art["text"], g["sentence"]) for g in gold_events]
    cluster = [scorer.root(gold_events, i) for i in range(len(gold_events))]
    system = [e for e in reading.get("events", []) if not e.get("negated") and not e.get("hypothetical")]
    system.sort(key=lambda e: -(e.get("confidence") or 0))
    taken: set[int] = set()
    pairs = []
    for event in system:
        at = scorer.trigger_at(event)
        fresh = [i for i, s in enumerate(spans) if s and at is not None and s[0] <= at < s[1]
                 and gold_events[i]["type"] == event.get("type") and gold_events[i].get("status", "fact") == "fact"
                 and cluster[i] not in taken]
        if fresh:
            taken.add(cluster[fresh[0]])
            pairs.append((event, gold_events[fresh[0]]))
    return pairs


def tally_pair(counts: collections.Counter, scorer, event: dict, gold: dict, art: dict) -> dict:
    """Count one matched pair's location and date; returns the scorer's judgement."""
    ok = scorer.judge(event, gold, art)
    shown = (event.get("confidence") or 0) >= DEFAULT_MIN_CONFIDENCE
    wrong = shown and bool(event.get("location")) and not ok["location_ok"]
    counts.update(matched=1, location_ok=ok["location_ok"], date_ok=ok["date_ok"], shown=shown,
                  wrong_dot_shown=wrong,
                  enclosing_dot_shown=wrong and encloses(event["location"], gold.get("location")),
                  no_dot_shown=shown and not event.get("location") and bool(gold.get("location")))
    return ok


def encloses(location: dict, gold: dict | None) -> bool:
    """Whether a wrong dot is the country of the gold's own place (a town of it, or itself named more narrowly): the
    enclosing area the product's rule allows when the text gives no finer place, coarser than the gold but not
    another place. Such dots stay in `wrong_dot_shown`; `enclosing_dot_shown` says how many of them are this kind."""
    return bool(gold and location.get("precision") == "country" and location.get("country_code")
                and location.get("country_code") == gold.get("country_code"))


#: How a location's basis begins, by the kind of evidence it names (the rest are places the sentence states).
BASIS_KINDS = (("scene of the story", "scene"), ("the article's dateline", "dateline"),
               ("the country of a domestic act", "parties' country"), ("opens the sentence", "sentence opening"))


def basis_kind(location: dict | None) -> str:
    """The kind of evidence an event's location rests on: none, stated in its sentence, or one of `BASIS_KINDS`."""
    if not location:
        return "none"
    basis = location.get("basis") or ""
    return next((kind for cue, kind in BASIS_KINDS if cue in basis), "stated in the sentence")


def count_by_basis(by_basis: dict[str, collections.Counter], by_date_basis: dict[str, collections.Counter],
                   event: dict, ok: dict) -> None:
    """Count one matched event under its location's basis kind and its date's path, its right ones as integers (a
    kind with one right event once printed `"right": true`, the scorer's bool kept by the Counter)."""
    by_basis[basis_kind(event.get("location"))].update(matched=1, location_ok=int(ok["location_ok"]))
    by_date_basis[date_path(event.get("date_basis"))].update(matched=1, date_ok=int(ok["date_ok"]))


def figures(counts: collections.Counter) -> dict:
    share = lambda key, of: round(counts[key] / max(counts[of], 1), 4)  # noqa: E731
    return {"matched": counts["matched"], "location_acc": share("location_ok", "matched"),
            "date_acc": share("date_ok", "matched"), "shown": counts["shown"],
            "wrong_dot_shown": share("wrong_dot_shown", "shown"),
            "enclosing_dot_shown": share("enclosing_dot_shown", "shown"),
            "no_dot_shown": share("no_dot_shown", "shown")}


def report(art: dict, event: dict, gold: dict, ok: dict) -> None:
    """One wrong location or date on stderr, with the basis dateline gave."""
    where = event.get("location") or {}
    bad = [k for k in ("location_ok", "date_ok") if not ok[k]]
    print(f"{art['id']} {event['type']} <{event['evidence'].get('trigger')}> wrong {','.join(bad)}: "
          f"system {where.get('name')} {event.get('date')} {event.get('date_mod') or ''} ({where.get('basis')}) "
          f"[{event.get('date_basis')}]; "
          f"gold {(gold.get('location') or {}).get('name')} {gold.get('date')} {gold.get('date_precision')}\n"
          f"    {event['evidence']['sentence'][:200]}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--readings", type=Path, help="output of dateline extract on the gold articles")
    parser.add_argument("--errors", action="store_true", help="print wrong locations and dates on stderr")
    args = parser.parse_args()
    scorer = load_scorer()
    gold = {g["id"]: g["events"] for g in json.loads((args.gold_dir / "gold.json").read_text(encoding="utf-8"))}
    articles_path = args.gold_dir / "articles.jsonl"
    articles = {a["id"]: a for a in map(json.loads, articles_path.read_text(encoding="utf-8").splitlines())}
    readings = read_readings(args.readings, articles_path)
    totals: collections.Counter = collections.Counter()
    by_source: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_basis: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    by_date_basis: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for aid, gold_events in gold.items():
        art = articles[aid]
        for event, gold_event in matched_pairs(scorer, art, gold_events, readings.get(aid, {})):
            ok = tally_pair(totals, scorer, event, gold_event, art)
            count_by_basis(by_basis, by_date_basis, event, ok)
            tally_pair(by_source[art.get("source", "?").split("/")[0]], scorer, event, gold_event, art)
            if args.errors and not (ok["location_ok"] and ok["date_ok"]):
                report(art, event, gold_event, ok)
    out = {"benchmark": "where_when", **figures(totals), "default_view": DEFAULT_MIN_CONFIDENCE,
           "by_source": {source: figures(c) for source, c in sorted(by_source.items())},
           "location_by_basis": {kind: {"matched": c["matched"], "right": c["location_ok"]}
                                 for kind, c in sorted(by_basis.items())},
           "date_by_basis": {path: {"matched": c["matched"], "right": c["date_ok"]}
                             for path, c in sorted(by_date_basis.items())}}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
