"""Validate the within-article grouping of event mentions against hand-coded `same_as` links.

    python tools/group_eval.py GOLD.json ARTICLES.jsonl [--cache FILE] [--errors]

Runs the pipeline with grouping off (one event per mention, as the verifier leaves them), maps
each mention onto the gold mention of its sentence with the same type (the scorer's matching), and
judges every pair of mapped mentions of an article: the gold says they are one happening when
their gold mentions are linked by `same_as`; `events/group` says so when it puts them in one
group. Prints pair precision and recall overall and per source as one JSON line; `--errors` lists
the wrong pairs on stderr with the reason the mention was joined, or what clashes.

`--duplicates` lists instead, on stderr, each duplicate the grouped events show at the default view (the
shared scorer's matching: an event of a gold happening an event surer than it already matched), with the event
it repeats, the pair model's best chance for the two and the mechanism keeping them apart, and prints the count
of each mechanism per source (what `BENCHMARKS.md` tallies by class), and per source how many of the duplicates
involve a reading the verifier re-typed (leading the repeating event or the one it repeats). On events-gold, the
verifier's own training articles, it re-types 3 readings in 10, on unseen news almost none (101 of 343 mentions
against 1 of 2,339 in 192 Timeline17 articles, BENCHMARKS.md's thirteenth grouping session): such duplicates
measure the verifier's memory of these articles more than the grouping.

The parse-heavy step is cached (`--cache`, pickle of
the mentions, cues and gold labels).
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import re
import sys
from pathlib import Path
from typing import Any

from dateline.events.group import (
    borrowed_type,
    conflict,
    happenings,
    headline_and_lead,
    mention_cues,
    mentions_of,
    sentence_ordinals,
    ungrouped,
)
from dateline.events.same_happening import clash, load_pair_model, pair_features
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.model import Event
from dateline.pipeline import process
from dateline.read import read_articles


def gold_clusters(events: list[dict]) -> list[int]:
    """The root mention index of each gold mention (following `same_as`)."""
    roots = []
    for i in range(len(events)):
        seen, j = set(), i
        while isinstance(events[j].get("same_as"), int) and j not in seen:
            seen.add(j)
            j = events[j]["same_as"]
        roots.append(j)
    return roots


def find_sentence(text: str, sentence: str) -> tuple[int, int] | None:
    """Where a gold sentence is in the text (whitespace-tolerant, as the scorer does)."""
    i = text.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    found = re.search(r"\s+".join(re.escape(w) for w in sentence.split()), text)
    return (found.start(), found.end()) if found else None


def gold_in_sentence(event: Event, gold: list[dict], spans: list, facts_only: bool = False) -> list[int]:
    """The gold mentions (indices, in gold order) of the mention's type whose sentence (`spans`) holds its trigger;
    with `facts_only`, those of status fact alone."""
    at = event.evidence.trigger_start
    return [i for i, s in enumerate(spans) if s and at is not None and s[0] <= at < s[1]
            and gold[i]["type"] == event.type and (not facts_only or gold[i].get("status", "fact") == "fact")]


def gold_of(event: Event, gold: list[dict], spans: list, roots: list[int]) -> int | None:
    """The gold happening (cluster root) a mention stands for, or None when it matches none."""
    here = gold_in_sentence(event, gold, spans)
    if not here:
        return None
    trigger = event.evidence.trigger.lower()
    best = next((i for i in here if trigger in gold[i]["trigger"].lower()), here[0])
    return roots[best]


def gold_candidates(event: Event, gold: list[dict], spans: list, roots: list[int]) -> list[int]:
    """The fact gold happenings (cluster roots, in gold order) a shown event of this mention's sentence and type
    may match, as the shared scorer matches: the first one not yet matched. A sentence may tell two happenings of
    one type by one word ("Each capital is expelling the other's envoys": two expulsions, one by each side); its
    second event is then a match, not a duplicate (`gold_of` names only one)."""
    return list(dict.fromkeys(roots[i] for i in gold_in_sentence(event, gold, spans, facts_only=True)))


def collect(gold_path: Path, articles_path: Path) -> list[dict]:
    """Per article: the mentions, their cues, their gold happening, the lead sentences and the date."""
    gold = {str(g["id"]): g["events"] for g in json.loads(gold_path.read_text(encoding="utf-8"))}
    out = []
    with ungrouped():
        for doc in process(read_articles([articles_path])):
            events = sorted(doc.events, key=lambda e: (e.evidence.trigger_start or 0, e.type))
            ordinals = sentence_ordinals(doc.parsed)
            g = gold.get(doc.article.id, [])
            spans, roots = [find_sentence(doc.article.text, e["sentence"]) for e in g], gold_clusters(g)
            out.append({"id": doc.article.id, "source": (doc.article.source or "?").split("/")[0],
                        "date": doc.article.date, "events": events,
                        "cues": [mention_cues(e, doc.parsed, ordinals, doc.timexes, doc.places) for e in events],
                        "gold": [gold_of(e, g, spans, roots) for e in events],
                        "candidates": [gold_candidates(e, g, spans, roots) for e in events],
                        "lead": headline_and_lead(doc.parsed)})
    return out


def judged_pairs(article: dict) -> list[tuple[int, int, bool, bool, str | None]]:
    """(i, j, gold same, grouped together, why j was joined) for every pair of mapped mentions."""
    groups = happenings(article["events"], article["cues"], article["date"], article["lead"])
    group_of = {i: n for n, (members, _, _) in enumerate(groups) for i in members}
    reasons = {i: why for _, whys, _ in groups for i, why in whys.items()}
    mapped = [i for i, g in enumerate(article["gold"]) if g is not None and article["events"][i].status == "fact"]
    return [(i, j, article["gold"][i] == article["gold"][j], group_of[i] == group_of[j], reasons.get(j))
            for x, i in enumerate(mapped) for j in mapped[x + 1:]]


def shown_duplicates(article: dict, view: float = DEFAULT_MIN_CONFIDENCE) -> list[tuple[list[int], list[int]]]:
    """(members of a shown event, members of the shown event whose gold happening it repeats) for each duplicate
    at `view`: events are the grouping's (each led by its surest mention, as `group_merge` leads them), taken
    surest first as the scorer takes them; a fact event whose trigger's gold happening is already matched repeats
    the event that matched it. `article["candidates"]` holds the gold happenings each mention's event may match
    (`gold_candidates`: the first not yet matched, as the scorer takes them); without it, `article["gold"]` (`gold_of`)
    names one per mention."""
    events = article["events"]
    shown = []
    for members, _, _ in happenings(events, article["cues"], article["date"], article["lead"]):
        lead = max(members, key=lambda i: (events[i].confidence, -i))
        if events[lead].status == "fact" and events[lead].confidence >= view:
            shown.append((events[lead].confidence, lead, members))
    candidates = article.get("candidates") or [[] if g is None else [g] for g in article["gold"]]
    matched: dict[int, list[int]] = {}
    repeats = []
    for _, lead, members in sorted(shown, key=lambda s: -s[0]):
        fresh = [g for g in candidates[lead] if g not in matched]
        if fresh:
            matched[fresh[0]] = members
        elif candidates[lead]:
            repeats.append((members, matched[candidates[lead][0]]))
    return repeats


def keeps_apart(article: dict, first: list[int], second: list[int]) -> tuple[str, float, int, int]:
    """The mechanism keeping two shown events of one happening apart, from their likeliest pair of mentions: the
    repeating event led by a borrowed-type reading, a veto (`clash` of any two of their mentions: parties, date,
    place), the same word below the bar, or other words; with the pair's chance and its two mentions."""
    mentions, model = mentions_of(article["events"], article["cues"], article["date"]), load_pair_model()
    scored = []
    for i in first:
        for j in second:
            a, b = sorted((i, j))
            features = pair_features(mentions[a], mentions[b], article["lead"])
            scored.append((not clash(features), model.probability(features), a, b, features))
    _, p, a, b, features = max(scored, key=lambda s: s[:2])
    events, vetoed = article["events"], [s for s in scored if not s[0]]
    if borrowed_type(events[max(first, key=lambda i: (events[i].confidence, -i))]):
        # repeating an event that is itself a borrowed reading, neither is the lexicon's: detection's to fix
        both = borrowed_type(events[max(second, key=lambda i: (events[i].confidence, -i))])
        kind = "a borrowed-type reading" + (" of another" if both else "")
    elif vetoed:  # one clashing member keeps a mention out of a group
        why = conflict(events[vetoed[0][2]], events[vetoed[0][3]], article["date"]) or "other modes"
        kind = "a veto: " + why.split(" ")[0]
    else:
        kind = "the same word below the bar" if features["same_stem"] else "other words"
    return kind, p, a, b


def list_duplicates(articles: list[dict]) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Print each shown duplicate on stderr; the count of each mechanism per source, and per source the number of
    duplicates involving a verifier re-typing (`through_retyping`)."""
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    retyped: collections.Counter = collections.Counter()
    for art in articles:
        for repeat, kept in shown_duplicates(art):
            kind, p, a, b = keeps_apart(art, repeat, kept)
            counts[art["source"]][kind] += 1
            retyped[art["source"]] += through_retyping(art["events"], repeat, kept)
            events = art["events"]
            print(f"{art['id']} {events[repeat[0]].type} {_brief(events, repeat)} repeats {_brief(events, kept)}: "
                  f"{kind}; best pair {events[a].evidence.trigger!r}/{events[b].evidence.trigger!r} p={p:.2f}, "
                  f"{_apart(art['cues'][a], art['cues'][b])}", file=sys.stderr)
    return {source: dict(c) for source, c in sorted(counts.items())}, {s: retyped[s] for s in sorted(counts)}


def through_retyping(events: list[Event], repeat: list[int], kept: list[int]) -> bool:
    """Whether the event repeating a happening, or the one it repeats, is led by a reading the verifier re-typed
    (not the detector's proposal nor the lexicon's reading)."""
    leads = [max(members, key=lambda i: (events[i].confidence, -i)) for members in (repeat, kept)]
    return any((borrowed_type(events[i]) or "").startswith("re-typed") for i in leads)


def _apart(first: Any, second: Any) -> str:
    """How far apart two mentions are told (their cues' sentence numbers): what tells a retelling paragraphs on
    from a second reading of one sentence in the listing."""
    if first.sentence == second.sentence:
        return "one sentence"
    if first.ordinal is None or second.ordinal is None:
        return "other sentences"
    gap = abs(second.ordinal - first.ordinal)
    return f"{gap} sentence{'' if gap == 1 else 's'} apart"


def _brief(events: list[Any], members: list[int]) -> str:
    lead = max(members, key=lambda i: (events[i].confidence, -i))
    return f"{events[lead].evidence.trigger!r} ({events[lead].confidence:.2f}, {len(members)} mentions)"


def pair_figures(counts: collections.Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"gold_pairs": tp + fn, "rule_pairs": tp + fp, "pair_precision": round(tp / max(tp + fp, 1), 4),
            "pair_recall": round(tp / max(tp + fn, 1), 4)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    ap.add_argument("--cache", type=Path, help="pickle of the collected mentions (reused when present)")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--duplicates", action="store_true", help="list the duplicates shown at the default view")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        articles = pickle.loads(args.cache.read_bytes())
    else:
        articles = collect(args.gold, args.articles)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(articles))
    if args.duplicates:
        by_mechanism, retyped = list_duplicates(articles)
        print(json.dumps({"duplicates_by_mechanism": by_mechanism, "duplicates_through_a_retyping": retyped}))
        return 0
    totals: collections.Counter = collections.Counter()
    by_source: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for art in articles:
        for i, j, gold_same, rule_same, joined in judged_pairs(art):
            kind = "tp" if gold_same and rule_same else "fp" if rule_same else "fn" if gold_same else "tn"
            totals[kind] += 1
            by_source[art["source"]][kind] += 1
            if args.errors and kind in ("fp", "fn"):
                a, b = art["events"][i], art["events"][j]
                why = joined if kind == "fp" else conflict(a, b, art["date"]) or "no clash, too little in common"
                print(f"{art['id']} {kind} {a.type} '{a.evidence.trigger}' / '{b.evidence.trigger}': {why}\n"
                      f"    {a.evidence.sentence[:110]}\n    {b.evidence.sentence[:110]}", file=sys.stderr)
    out = pair_figures(totals) | {"by_source": {s: pair_figures(c) for s, c in sorted(by_source.items())}}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
