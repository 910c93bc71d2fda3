"""Which words became an event's parties, where they are wrong: events-gold and the PLOVER GSR side by side.

    .venv/bin/python tools/party_errors.py gold READINGS.jsonl [--gold-dir DIR]    # events-gold matches
    .venv/bin/python tools/party_errors.py gsr                                      # PLOVER GSR readings
    .venv/bin/python tools/party_errors.py news [--split train] [--round 2]         # unseen news, read by eye
    .venv/bin/python tools/party_errors.py draw --seed 1819 [--exclude IDS.txt ...]  # a fresh party sample's ids
    .venv/bin/python tools/party_errors.py sheet OUT.jsonl --seed 1819               # its shown events, to judge
    .venv/bin/python tools/party_errors.py sample --seed 1819                        # judged parties, as read now

`gold`: READINGS is `dateline extract .../events-gold/articles.jsonl --format jsonl --min-confidence 0`; each
reading is matched to the gold as the shared scorer (`event_score.py`) matches it, and every match whose party
countries differ is printed with the sentence, gold and system parties, the party rules and each party's entry.
`gsr`: every GSR sentence is coded by the pipeline; its most confident factual reading of a gold type is the
match, its actor and recipient countries compared with the gold source and target as events-gold's scorer
compares them (reciprocal types: all parties together). `news`: the `train` half of the hand-labelled unseen
news (`news_candidates.jsonl`, which labels types, not parties) is coded by the pipeline and every reading of a
candidate labelled with the type it was given is printed with its parties and their entries, for a reader to
judge (no gold parties exist to count against). The material for classing errors by which word was
chosen (issue 9); one JSON line of counts on stdout, the errors on stderr. `draw`, `sheet` and `sample` are the
party samples of fresh Timeline17 articles (`party_sample.py`): parties judged on what the default view shows.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT / "benchmarks"), str(SHARED / "tools"), str(ROOT / "tools")]

#: Types whose parties are all actors (PLOVER and the shared scorer).
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def parties_right(actors: set[str], recipients: set[str], gold_actors: set[str], gold_recipients: set[str],
                  event_type: str) -> bool:
    """Both roles' countries as the gold has them (a reciprocal event: all parties together)."""
    same = actors == gold_actors and recipients == gold_recipients
    return same or (event_type in RECIPROCAL and actors | recipients == gold_actors | gold_recipients)


def describe(parties: list[dict[str, Any]]) -> str:
    """Parties as one line for reading: each one's text (or name), country and sector; "-" for none."""
    return "; ".join(f"{p.get('text') or p.get('name')}={p.get('country')}/{p.get('sector')}" for p in parties) or "-"


def gold_matches(gold_dir: Path, readings: Path) -> dict[str, int]:
    """Print events-gold matches with wrong parties; count matches and right roles."""
    import event_score

    gold = {str(g["id"]): g["events"] for g in json.loads((gold_dir / "gold.json").read_text(encoding="utf-8"))}
    lines = (gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = {a["id"]: a for a in map(json.loads, lines) if a}
    read = {str(r["article"]["id"]): r for r in map(json.loads, readings.read_text(encoding="utf-8").splitlines()) if r}
    counts = {"matched": 0, "parties_ok": 0, "actors_ok": 0, "recipients_ok": 0}
    for aid, events in gold.items():
        for event, g in _matched(articles[aid], events, read.get(aid, {}).get("events", []), event_score):
            _count(counts, event_score.judge(event, g, articles[aid]))
            if not event_score.judge(event, g, articles[aid])["parties_ok"]:
                evidence = event["evidence"]
                print(f"{aid} {event['type']} <{evidence['trigger']}> gold <{g['trigger']}>\n"
                      f"   {evidence['sentence'][:300]}\n   gold: {describe(g.get('actors') or [])} -> "
                      f"{describe(g.get('recipients') or [])}\n   read: {describe(event['actors'])} -> "
                      f"{describe(event['recipients'])}\n   rule: {evidence['rule'].split('; verifier')[0]}",
                      file=sys.stderr)
                for party in event["actors"] + event["recipients"]:
                    print(f"     {party.get('text')}: {party.get('entry')}", file=sys.stderr)
    return counts


def _matched(article: dict, gold_events: list, events: list, event_score: Any) -> list[tuple[dict, dict]]:
    """(reading, gold event) pairs as the shared scorer pairs them: most confident first, one per happening."""
    spans = [event_score.find_sentence(article["text"], g["sentence"]) for g in gold_events]
    cluster = [event_score.root(gold_events, i) for i in range(len(gold_events))]
    taken: set[int] = set()
    out = []
    for event in sorted((e for e in events if not e.get("negated") and not e.get("hypothetical")),
                        key=lambda e: -(e.get("confidence") or 0)):
        at = event_score.trigger_at(event)
        fresh = [i for i, s in enumerate(spans) if s and at is not None and s[0] <= at < s[1]
                 and gold_events[i]["type"] == event.get("type") and cluster[i] not in taken
                 and gold_events[i].get("status", "fact") == "fact"]
        if fresh:
            taken.add(cluster[fresh[0]])
            out.append((event, gold_events[fresh[0]]))
    return out


def _count(counts: dict[str, int], judged: dict[str, bool]) -> None:
    counts["matched"] += 1
    for key in ("parties_ok", "actors_ok", "recipients_ok"):
        counts[key] += int(judged[key])


def gsr_matches() -> dict[str, int]:
    """Print GSR sentences whose reading of a gold type has wrong party countries; count them."""
    import events as gsr
    from dateline.actors import tag_actors
    from dateline.events import code_events
    from dateline.geo import tag_places
    from dateline.model import Article, Document
    from dateline.nlp import load_model
    from dateline.time import tag_timexes

    gold = gsr.load_gold(gsr.GSR)
    counts = {"matched": 0, "parties_ok": 0, "actors_ok": 0, "recipients_ok": 0}
    for g, parsed in zip(gold, load_model().pipe([g["text"] for g in gold], batch_size=64), strict=True):
        doc = Document(article=Article(id=g["id"], date=gsr.DCT, text=g["text"]), parsed=parsed)
        for stage in (tag_timexes, tag_places, tag_actors, code_events):
            doc = stage(doc)
        readings = [e for e in doc.events if not e.negated and not e.hypothetical and e.type in g["types"]]
        if not readings:
            continue
        event = max(readings, key=lambda e: e.confidence)
        actors = {gsr._code(p.country) for p in event.actors if p.country}
        recipients = {gsr._code(p.country) for p in event.recipients if p.country}
        gold_actors, gold_recipients = {c for c, _ in g["source"]}, {c for c, _ in g["target"]}
        right = parties_right(actors, recipients, gold_actors, gold_recipients, event.type)
        _count(counts, {"parties_ok": right, "actors_ok": actors == gold_actors,
                        "recipients_ok": recipients == gold_recipients})
        if not right:
            as_dicts = [[{"text": p.text, "country": p.country, "sector": p.sector} for p in role]
                        for role in (event.actors, event.recipients)]
            print(f"{g['id']} {event.type} <{event.evidence.trigger}>\n   {g['text']}\n   gold: "
                  f"{sorted(gold_actors)} -> {sorted(gold_recipients)}\n   read: {describe(as_dicts[0])} -> "
                  f"{describe(as_dicts[1])}\n   rule: {event.evidence.rule.split('; verifier')[0]}", file=sys.stderr)
    return counts


def news_readings(split: str, drawn: int | None = None) -> dict[str, int]:
    """Print the pipeline's parties of every unseen-news reading whose candidate is labelled its own type (of the
    articles of round `drawn` only, when given: round 1's lines carry no round)."""
    import news_candidates
    from dateline.pipeline import process

    shared = news_candidates.default_shared()
    labels = [r for r in news_candidates.read_labels() if r["split"] == split and r["label"] == r["system_type"]
              and (drawn is None or r.get("round", 1) == drawn)]
    wanted = {(r["article"], tuple(r["trigger_span"]), r["label"]) for r in labels}
    ids = sorted({r["article"] for r in labels})
    counts = {"labelled": len(wanted), "found": 0, "actor_empty": 0, "recipient_empty": 0}
    for doc in process([news_candidates.article(shared, i) for i in ids], article_seconds=0):
        for event in doc.events:
            where = event.evidence
            if (doc.article.id, (where.trigger_start, where.trigger_end), event.type) not in wanted:
                continue
            counts["found"] += 1
            counts["actor_empty"] += int(not event.actors)
            counts["recipient_empty"] += int(not event.recipients)
            role_lines = [describe([{"text": p.text, "country": p.country, "sector": p.sector} for p in role])
                          for role in (event.actors, event.recipients)]
            print(f"{doc.article.id} {event.type} <{where.trigger}> c={event.confidence:.2f}\n   {where.sentence[:300]}"
                  f"\n   read: {role_lines[0]} -> {role_lines[1]}\n   rule: {where.rule.split('; verifier')[0]}",
                  file=sys.stderr)
            for party in event.actors + event.recipients:
                print(f"     {party.text}: {party.entry}", file=sys.stderr)
    return counts


def party_sample_command(args: argparse.Namespace) -> int:
    """`draw` prints a party sample's ids, `sheet` writes its shown events to judge, `sample` tallies its labels."""
    import party_sample
    from news_candidates import default_shared
    from sample_view import chosen_view

    shared = default_shared()
    if args.source == "draw":
        print("\n".join(party_sample.draw(shared, args.seed, args.exclude)))
    elif args.source == "sheet":
        if args.readings is None:
            raise SystemExit("sheet needs OUT.jsonl")
        ids = sorted(a for a, seed in party_sample.drawn().items() if seed == args.seed)
        lines = party_sample.sheet_lines(shared, ids, chosen_view(args.min_confidence))
        args.readings.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        print(json.dumps({"sample": args.seed, "articles": len(ids), "shown": len(lines)}))
    else:
        summary, wrong = party_sample.tally(shared, args.seed, chosen_view(args.min_confidence))
        print("\n".join(wrong), file=sys.stderr)
        print(json.dumps(summary))
    return 0


def main() -> int:
    from sample_view import OPTION_HELP, add_view_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", choices=("gold", "gsr", "news", "draw", "sheet", "sample"))
    parser.add_argument("readings", nargs="?", type=Path,
                        help="gold: extract's JSON lines for events-gold; sheet: the file to write")
    parser.add_argument("--gold-dir", type=Path, default=SHARED / "data" / "events-gold")
    parser.add_argument("--split", default="train", help="news: which half of the labelled sample (train, heldout)")
    parser.add_argument("--round", type=int, default=None, help="news: only this round's articles (1, 2, ...)")
    parser.add_argument("--seed", type=int, default=1819, help="draw, sheet, sample: the party sample")
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="draw: a file of article ids (one a line) another sample of the session drew")
    add_view_option(parser, "sheet, sample: " + OPTION_HELP)
    args = parser.parse_args()
    if args.source in ("draw", "sheet", "sample"):
        return party_sample_command(args)
    if args.source == "gold" and args.readings is None:
        parser.error("gold needs READINGS (dateline extract ... --format jsonl --min-confidence 0)")
    if args.source == "news":
        counts = news_readings(args.split, args.round)
        print(json.dumps({"source": "news", "split": args.split, "round": args.round, **counts}))
        return 0
    counts = gold_matches(args.gold_dir, args.readings) if args.source == "gold" else gsr_matches()
    shares = {k: round(v / max(counts["matched"], 1), 4) for k, v in counts.items() if k != "matched"}
    print(json.dumps({"source": args.source, "matched": counts["matched"], **shares}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
