"""The low-link paraphrases, drawn by merged events and labelled cold: does anything the two reports tell (the act's
object, a count, the place's words, the named people, a quoted number) separate the same happenings from the others?

`merge_weigh` found that only one class of the pairs a store keeps apart is large enough to reach the reduction goal:
pairs of one type with no conflict and no block that the link model weighs below its threshold (`merge_missed`'s
"low link p", sentences of Dice at least 0.3). The unit that moves the reduction is the merged event, so the draw is
by merged events: every merged event that has such a pair is in the population once, beside its nearest kept-apart
report (the pair's highest sentence Dice, then the lower ids), and a seeded uniform sample of them is written for a
reader. The link model's probability is not written: a reader judges the pair before seeing the model's weight.
A labelled draw is a pair file like the others (one stratum): `benchmarks/merge.py` scores a store on it.

    .venv/bin/python benchmarks/merge_paraphrases.py --db STORE --draw 60 --seed 1818 --out FILE   # draw, then label
    (`benchmarks/data/merge_paraphrases_18.jsonl`: that draw and `--draw 40 --seed 1819`, labelled)
    .venv/bin/python benchmarks/merge_paraphrases.py --db STORE --labelled FILE                   # features by label
    .venv/bin/python benchmarks/merge_paraphrases.py --agreement FIRST SECOND                     # two coders

`--labelled` reads each labelled pair's two reports back from the store (by anchor: `merge_anchors`), reads what each
sentence (its words read back from the article: `merge_text`) tells with the spaCy pipeline (`paraphrase_features`),
and prints, per feature, how many same and different pairs it fires on: the precision a link on it alone would have
in the sample, and the share of same pairs it finds.

`--agreement` reads two coders' labels of one draw (joined by `pair`; no store needed) and prints how far a second
careful reader agrees with the first: the raw agreement and Cohen's kappa over the pairs both called same or different
(a pair either called unsure is counted apart, as its own cell of the table), and every pair they part on, with both
notes. A precision read on one coder's labels means little until a second coder's labels say how much of it is the
first coder's habit.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.merge import link_model
from dateline.merge.link import features_between
from dateline.merge.rules import Report
from merge_anchors import AnchorIndex, read_labels, write_labels
from merge_missed import mechanism, read_store, record, similar_unmerged
from merge_text import with_text

LOW_LINK = "low link p"
#: Entity kinds a prepositional phrase names that say where or when an act was, not what it was done to.
NOT_OBJECTS = ("GPE", "LOC", "FAC", "DATE", "TIME")


def nearest_low_link(reports: dict[str, Report], merged: dict[str, str],
                     links: set[frozenset[str]]) -> dict[str, tuple[str, str, float]]:
    """Each merged event that has a low-link pair: the pair (its own report first) of the highest sentence Dice."""
    best: dict[str, tuple[str, str, float]] = {}
    for a, b, similarity in similar_unmerged(reports, merged):
        if mechanism(reports[a], reports[b], frozenset((a, b)) in links) != LOW_LINK:
            continue
        for own, other in ((a, b), (b, a)):
            head = merged[own]
            kept = best.get(head)
            if kept is None or (-similarity, own, other) < (-kept[2], kept[0], kept[1]):
                best[head] = (own, other, similarity)
    return best


def draw(db: Path, size: int, seed: int) -> tuple[int, list[dict[str, object]]]:
    """The population's size and a seeded uniform draw of `size` merged events, each as a pair record for a reader
    (`merge_missed.record` with the link probability left out)."""
    reports, merged, links = read_store(db)
    population = nearest_low_link(reports, merged, links)
    heads = random.Random(seed).sample(sorted(population), min(size, len(population)))
    out = []
    for head in heads:
        own, other, similarity = population[head]
        rec = record(reports[own], reports[other], LOW_LINK, similarity)
        rec.pop("p")
        out.append({**rec, "merged": head, "stratum": LOW_LINK, "population": len(population), "label": None})
    return len(population), out


def _object_lemmas(token: Any) -> set[str]:
    """The lemmas of what an act is done to: its object, passive subject or attribute, or the noun of its first
    prepositional phrase ("protest against the government", "talks with Mubarak"); a noun trigger's own modifiers.
    Places and times are left to `told`'s own sets ("in Tarlac", "on Monday" say where and when, not to what)."""
    out = set()
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "dative", "compound", "amod", "nmod"):
            out.add(child.lemma_.lower())
        elif child.dep_ == "prep":
            out.update(grand.lemma_.lower() for grand in child.children
                       if grand.dep_ == "pobj" and grand.ent_type_ not in NOT_OBJECTS)
    return {lemma for lemma in out if lemma.isalpha() and len(lemma) > 2}


def _trigger_token(doc: Any, anchor: dict[str, Any]) -> Any:
    """The token of the sentence at the anchor's trigger (offsets from the sentence's start), else the root."""
    start = anchor.get("trigger_start")
    if start is not None:
        relative = start - anchor["start"]
        for token in doc:
            if token.idx <= relative < token.idx + len(token.text):
                return token
    return next(iter(doc.sents)).root


def told(nlp: Any, side: dict[str, Any]) -> dict[str, set[str]]:
    """What one report's sentence tells, as sets of lower-cased words: the act's object, its counts, its places, its
    people, and the numbers written inside quotation marks."""
    doc = nlp(side["sentence"])
    trigger = _trigger_token(doc, side["anchor"])
    quoted, inside = set(), False
    for token in doc:
        if token.text in ('"', "``", "''", "\u201c", "\u201d"):
            inside = not inside if token.text in ('"',) else token.text in ("``", "\u201c")
        elif inside and token.like_num:
            quoted.add(token.text.lower())
    return {"object": _object_lemmas(trigger),
            "counts": {t.text.lower() for t in doc if t.like_num and t.ent_type_ not in ("DATE", "TIME")},
            "places": {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")},
            "people": {e.text.lower() for e in doc.ents if e.label_ == "PERSON"},
            "quoted_numbers": quoted}


def pair_features(nlp: Any, rec: dict[str, Any], reports: dict[str, Report], a: str, b: str) -> dict[str, bool]:
    """The candidate features of one labelled pair: each thing both reports tell alike, each told apart (both tell
    one, none shared), the trigger's act alike, the link model's weight and the articles' days, and combinations."""
    first, second = told(nlp, rec["a"]), told(nlp, rec["b"])
    out = {"same act (trigger stem)": reports[a].trigger == reports[b].trigger,
           "link p >= half the threshold": link_model().probability(features_between(reports[a], reports[b]))
           >= link_model().threshold / 2}
    for name in first:
        shared = first[name] & second[name]
        out[f"{name}: shared"] = bool(shared)
        out[f"{name}: told apart"] = bool(first[name] and second[name] and not shared)
    first_day, second_day = reports[a].article_date, reports[b].article_date
    out["articles within a day"] = bool(first_day and second_day and abs((first_day - second_day).days) <= 1)
    out["within a day and link p >= half the threshold"] = (out["articles within a day"]
                                                            and out["link p >= half the threshold"])
    out["same act and object shared"] = out["same act (trigger stem)"] and out["object: shared"]
    out["same act and a person shared"] = out["same act (trigger stem)"] and out["people: shared"]
    out["same act and a place shared"] = out["same act (trigger stem)"] and out["places: shared"]
    out["same act, nothing told apart"] = out["same act (trigger stem)"] and not any(
        out[f"{name}: told apart"] for name in first)
    return out


def separation(db: Path, labelled: Path) -> dict[str, object]:
    """Per feature: the same and different pairs it fires on, its precision and its recall of the same pairs."""
    from dateline.nlp import load_model

    reports, _, _ = read_store(db)
    index = AnchorIndex.of_store(db)
    nlp = load_model()
    same, fired = Counter(), Counter()
    totals: Counter[str] = Counter()
    unmapped = 0
    for rec in read_labels(labelled):
        if rec.get("label") not in ("same", "different"):
            totals[str(rec.get("label"))] += 1
            continue
        rec = with_text(rec)  # the sentences, read back from the articles where the file keeps their places
        a, b = index.event_of(rec["a"]), index.event_of(rec["b"])
        if a is None or b is None:
            unmapped += 1
            continue
        totals[rec["label"]] += 1
        for name, on in pair_features(nlp, rec, reports, a, b).items():
            fired[name] += on
            same[name] += on and rec["label"] == "same"
    features = {name: {"same": same[name], "different": fired[name] - same[name],
                       "precision": round(same[name] / fired[name], 3) if fired[name] else None,
                       "recall": round(same[name] / totals["same"], 3) if totals["same"] else None}
                for name in sorted(fired)}
    return {"labels": dict(totals), "unmapped": unmapped, "features": features}


JUDGED = ("same", "different")


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two coders' labels of the same items: the agreement beyond what each coder's own label rates
    would give by chance, (observed - chance) / (1 - chance). None for no items, or when chance agreement is total
    (both coders gave one label to everything, so agreement says nothing)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[label] * second[label] for label in first) / (n * n)
    return None if chance == 1 else round((observed - chance) / (1 - chance), 3)


def agreement(first: Path, second: Path) -> dict[str, object]:
    """Two coders' labels of one draw, joined by pair: the table of label pairs, raw agreement and kappa over the pairs
    both judged same or different, the unsure pairs counted apart, and the pairs they part on with both notes."""
    theirs = {rec["pair"]: rec for rec in read_labels(second)}
    table: Counter[str] = Counter()
    judged: list[tuple[str, str]] = []
    parted = []
    only_first = 0
    for rec in read_labels(first):
        other = theirs.pop(rec["pair"], None)
        if other is None:
            only_first += 1
            continue
        a, b = str(rec.get("label")), str(other.get("label"))
        table[f"{a} / {b}"] += 1
        if a in JUDGED and b in JUDGED:
            judged.append((a, b))
        if a != b:
            parted.append({"pair": rec["pair"], "first": a, "second": b,
                           "first_note": rec.get("note", ""), "second_note": other.get("note", "")})
    agreed = sum(a == b for a, b in judged)
    return {"pairs": sum(table.values()), "only_first": only_first, "only_second": len(theirs),
            "table": dict(sorted(table.items())), "judged_by_both": len(judged),
            "raw_agreement": round(agreed / len(judged), 3) if judged else None,
            "kappa": cohen_kappa(judged), "parted": parted}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="a merged store (benchmarks/merge.py --db)")
    ap.add_argument("--draw", type=int, default=0, help="draw this many merged events, to label")
    ap.add_argument("--seed", type=int, default=1818)
    ap.add_argument("--out", type=Path, help="where the drawn pairs go (JSON lines)")
    ap.add_argument("--labelled", type=Path, help="a labelled draw: print each feature's same and different pairs")
    ap.add_argument("--agreement", type=Path, nargs=2, metavar=("FIRST", "SECOND"),
                    help="two coders' labels of one draw: raw agreement, Cohen's kappa and the pairs they part on")
    args = ap.parse_args()
    if args.agreement:
        print(json.dumps(agreement(*args.agreement), ensure_ascii=False, indent=1))
    elif args.db is None:
        ap.error("--db is needed to draw or to read features")
    elif args.draw and args.out:
        population, drawn = draw(args.db, args.draw, args.seed)
        write_labels(args.out, drawn)
        print(json.dumps({"population": population, "drawn": len(drawn)}))
    elif args.labelled:
        print(json.dumps(separation(args.db, args.labelled)))


if __name__ == "__main__":
    main()
