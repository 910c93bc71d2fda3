"""Hand-labelled candidates from whole news articles no model was trained on: how they are drawn and read.

    .venv/bin/python tools/news_candidates.py draw [--round 3] [--shared ../shared]  # one line an article
    .venv/bin/python tools/news_candidates.py sheet OUT.jsonl [--round 3] [--shared ../shared]  # to label
    .venv/bin/python tools/news_candidates.py taken FILE... > tools/news_candidates_taken_4.txt  # ids files name

The sample (`draw`, a fixed seed a round, `ROUND_SEEDS`): 24 whole articles of 500-4,000 characters (the length
range of events-gold, so a coder can read each in full), 12 from GeoWebNews (`data/geo-dev/GWN.xml`, `GWN-<n>` the
n-th article, dated 2018-04-02 as events-gold dates them) and 12 from Timeline17 (one from each topic folder
of `corpus/t17/` and two more from two folders drawn at random; `bpoil_foxnews` and `bpoil_washingtonpost`
are held out for grouping and left out), never an article of events-gold. Within each of the two strata the
articles are split by article, half `train`, half `heldout`. Round 2 (eighth session) draws 24 more the same way
with its own seed, never an article of round 1; its two extra T17 picks come from folders round 1 drew once, as
every folder was drawn in round 1 (`least_drawn`). Round 3 (ninth session) does the same again, never an article
of rounds 1-2, its two extra T17 picks from the six folders the first two rounds drew twice. Round 4 (eighteenth
session) draws again the same way, never an article of rounds 1-3 nor of a sample labelled or being judged when it
was drawn (`TAKEN_BEFORE[4]`: the ids `taken` found in `benchmarks/data`'s labels files, the grouping pairs and the
shown-event sample 1818, frozen in `news_candidates_taken_4.txt` so the draw never moves), to calibrate the verifier
on news no rule was written from: its articles are kept out of rule work (no one reads them to write or tune a rule,
a word list or a feature; BENCHMARKS.md, Event models, eighteenth session), and were labelled cold, every candidate
judged before any score was seen. A sample drawn after round 4 leaves its articles out (`drawn_before`). Round 5
(nineteenth session) is a second cold round drawn the same way, never an article of rounds 1-4 nor of a sample
labelled or drawn that session before it (shown 1919, grouping 1919, party 1920, place 193: `TAKEN_BEFORE[5]`):
its articles are kept out of rule work as round 4's are, labelled cold by one coder before any score was seen, and
only samples of a seed above 1920 leave it out (`ROUND_AFTER_SAMPLE`), so its labels landing moved no earlier draw.
Round 6 (nineteenth session, after round 5) is a third cold round made as round 5 was: never an article of rounds
1-5, of a labelled sample, of the session's id files, nor of what any existing seed's draw takes today (shown
120-1919, grouping 1414-1919, party 1617-1920 with and without their exclude files, place 183/193/203), frozen in
`TAKEN_BEFORE[6]`; kept out of rule work, labelled cold by one coder, left out only by samples of a seed above 1920.
Round 7 (twentieth session, seed 107) is a fourth cold round made as round 6 was, drawn after the session's samples
(shown and grouping 2020, party 2021, place 203), whose ids its frozen list `TAKEN_BEFORE[7]` holds; kept out of rule
work, labelled cold by one coder before any score was seen (its 221 candidates), left out only by samples of a seed
above 2021. Round 8 (twenty-first session, seed 109) is a fifth cold round made as round 7 was, drawn after the
session's samples (shown and grouping 2121, party 2122, place 213, dates 2121), whose ids its frozen list
`TAKEN_BEFORE[8]` holds; kept out of rule work, labelled cold by one coder before any score was seen (its 288
candidates; 10 of them then revised to round 7's conventions after a first event_models run's aggregate figures
were seen, no candidate's score, 657094f), left out only by samples of a seed above 2122. The samples had
emptied two T17 folders (EgyptianProtest_cnn, H1N1_guardian) in the length range, so its 12 T17 picks are one from
each of the eight others and four more from four of them: a folder with no article left is passed over and one with
a single article left gets no extra pick (with fewer folders to spare than extra picks the draw fails rather than
repeat an article). Round 9 (twenty-second session, seed 113) is a sixth cold round made as round 8 was, drawn after
the session's samples (shown and grouping 2222, party 2223, place 223, dates 2222), whose ids its frozen list
`TAKEN_BEFORE[9]` holds; kept out of rule work, labelled cold by one coder before any score was seen (its 267
candidates), left out only by samples of a seed above 2223. A third folder (H1N1_bbc) had no article left
in the length range, so its 12 T17 picks are one from each of the seven others and five more from five of them.
After it, the seven folders hold 159 articles in the range that no sample or round has drawn, and GeoWebNews 46.
Round 10 (twenty-third session, seed 127) is a seventh cold round made as round 9 was, drawn after the session's
samples (shown and grouping 2323, party 2324, place 233, dates 2323), whose ids its frozen list `TAKEN_BEFORE[10]`
holds; kept out of rule work, labelled cold by one coder before any score was seen (its 269 candidates), left out
only by samples of a seed above 2324. After it, the seven folders hold 129 articles in the range that no sample or
round has drawn, and GeoWebNews 34.

The labels (`news_candidates.jsonl` beside this script) hold offsets and labels, never article text: the
text is read again from the shared data folder (`article`), T17's tokeniser escapes turned back as in
events-gold. One line a candidate: article id, source file (relative to the shared folder), sentence and
trigger offsets, trigger, the type the system gave, the gold label (a PLOVER type or NONE), the gold status
(fact, negated, hypothetical, future) and the split; from round 2 on also the round and, where the coder had a
doubt or a reason worth keeping, a short `note` (round 1's lines carry neither and stay byte for byte as
labelled, so the training script's halves do not move: `label_round` reads them as round 1). Licences: GeoWebNews
and Timeline17 are research data, evaluation and training only; their text is never copied into the repository or
a model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.model import Article
from id_files import excluded_ids

#: One fixed seed a round: round 1 the seventh session's sample, round 2 the eighth session's, round 3 the ninth's,
#: round 4 the eighteenth's, rounds 5 and 6 the nineteenth's, round 7 the twentieth's, round 8 the twenty-first's,
#: round 9 the twenty-second's, round 10 the twenty-third's.
ROUND_SEEDS = {1: 79, 2: 83, 3: 89, 4: 97, 5: 101, 6: 103, 7: 107, 8: 109, 9: 113, 10: 127}
#: Articles a round leaves out beside events-gold and the earlier rounds: the ids of the samples labelled when it
#: was drawn (`taken`), one a line, frozen so that samples added later do not move the round's draw.
TAKEN_BEFORE = {round_no: Path(__file__).resolve().parent / f"news_candidates_taken_{round_no}.txt"
                for round_no in (4, 5, 6, 7, 8, 9, 10)}
#: The rounds drawn to calibrate the verifier on, whose articles no one reads to write rules (`cold_articles`).
COLD_ROUNDS = frozenset({4, 5, 6, 7, 8, 9, 10})
#: The last seed of the shown, grouping and other T17 samples drawn before each later round: a sample of that seed
#: or lower was drawn without the round's articles left out and must keep drawing the same ids (round 5: shown and
#: grouping 1919 and party 1920 were drawn before it; round 6: no sample of a higher seed was drawn before it; round 7:
#: shown and grouping 2020 and party 2021 were drawn before it; round 8: shown and grouping 2121 and party 2122;
#: round 9: shown and grouping 2222 and party 2223; round 10: shown and grouping 2323 and party 2324).
ROUND_AFTER_SAMPLE = {4: 1818, 5: 1920, 6: 1920, 7: 2021, 8: 2122, 9: 2223, 10: 2324}
PER_STRATUM = 12
MIN_CHARS, MAX_CHARS = 500, 4000
GWN_FILE = "data/geo-dev/GWN.xml"
GWN_DATE = dt.date(2018, 4, 2)
T17_FOLDER = "corpus/t17"
HELD_FOR_GROUPING = frozenset({"bpoil_foxnews", "bpoil_washingtonpost"})
EVENTS_GOLD = "data/events-gold/articles.jsonl"
LABELS = Path(__file__).resolve().parent / "news_candidates.jsonl"
#: The Timeline17 tokeniser's escapes, turned back as events-gold's texts have them.
T17_ESCAPES = (("``", '"'), ("''", '"'), ("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"),
               ("-LCB-", "{"), ("-RCB-", "}"))


def default_shared() -> Path:
    """The shared data folder beside the checkout (`../shared`), where the article texts are read."""
    return LABELS.parent.parent.parent / "shared"


def gwn_articles(shared: Path) -> Iterator[Article]:
    """GeoWebNews articles in file order, `GWN-<n>` the n-th."""
    root = ET.parse(shared / GWN_FILE).getroot()
    for n, item in enumerate(root.findall("article")):
        yield Article(id=f"GWN-{n}", date=GWN_DATE, text=item.find("text").text or "", source="GWN")


def t17_articles(shared: Path, topic: str) -> Iterator[Article]:
    """A Timeline17 topic's articles, `<topic>-<id>`, dated by the corpus, escapes turned back."""
    with open(shared / T17_FOLDER / topic / "articles.jsonl", encoding="utf-8") as lines:  # closed when abandoned
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            for escaped, plain in T17_ESCAPES:
                text = text.replace(escaped, plain)
            yield Article(id=f"{topic}-{record['id']}", date=dt.date.fromisoformat(record["time"][:10]), text=text,
                          source=f"t17/{topic}")


def gold_ids(shared: Path) -> set[str]:
    """The ids of events-gold's articles: no sample draws one."""
    return {json.loads(line)["id"] for line in (shared / EVENTS_GOLD).read_text(encoding="utf-8").splitlines()}


def t17_topics(shared: Path) -> list[str]:
    """The Timeline17 folders samples draw from, by name: every one but those held for grouping pairs."""
    return sorted(p.name for p in (shared / T17_FOLDER).iterdir()
                  if (p / "articles.jsonl").exists() and p.name not in HELD_FOR_GROUPING)


def draw_per_topic(shared: Path, rng: random.Random, taken: set[str], per_topic: int, least: int,
                   most: int) -> list[str]:
    """Sorted ids of `per_topic` articles from each `t17_topics` folder (all of a folder that has fewer), of
    `least`-`most` characters and none of `taken`, drawn with `rng` folder after folder."""
    picks: list[str] = []
    for topic in t17_topics(shared):
        pool = [a.id for a in t17_articles(shared, topic) if a.id not in taken and least <= len(a.text) <= most]
        picks += rng.sample(pool, min(per_topic, len(pool)))
    return sorted(picks)


def source_file(article_id: str) -> str:
    """The file (relative to the shared folder) an article id comes from."""
    if article_id.startswith("GWN-"):
        return GWN_FILE
    return f"{T17_FOLDER}/{article_id.rsplit('-', 1)[0]}/articles.jsonl"


def article(shared: Path, article_id: str) -> Article:
    """One article by id, read from the shared folder."""
    if article_id.startswith("GWN-"):
        return next(a for a in gwn_articles(shared) if a.id == article_id)
    topic = article_id.rsplit("-", 1)[0]
    return next(a for a in t17_articles(shared, topic) if a.id == article_id)


def draw(shared: Path, round_no: int = 1) -> list[dict[str, Any]]:
    """One round's sample: `PER_STRATUM` GWN and T17 articles each, split half train half heldout within each.

    Round 1 is the seventh session's draw, unchanged. A later round draws with its own seed (`ROUND_SEEDS`) from
    the same strata and length range, never an article an earlier round drew; its extra T17 picks come from the
    folders the earlier rounds drew least often, so the topics spread as far as the ten folders allow."""
    return _draw(shared, round_no, {})


def _draw(shared: Path, round_no: int, drawn: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """`draw`, with the earlier rounds it leaves out drawn once each into `drawn` (each round reads every earlier
    one, so drawing them anew at every level took a number of draws doubling with each round)."""
    if round_no in drawn:
        return drawn[round_no]
    rng = random.Random(ROUND_SEEDS[round_no])
    taken = gold_ids(shared)
    earlier = [p["article"] for r in range(1, round_no) for p in _draw(shared, r, drawn)]
    taken |= set(earlier)
    if round_no in TAKEN_BEFORE:
        taken |= excluded_ids([TAKEN_BEFORE[round_no]])

    def eligible(items: Iterator[Article]) -> list[Article]:
        return [a for a in items if a.id not in taken and MIN_CHARS <= len(a.text) <= MAX_CHARS]

    gwn = rng.sample(eligible(gwn_articles(shared)), PER_STRATUM)
    pools = {t: eligible(t17_articles(shared, t)) for t in t17_topics(shared)}
    # A folder the samples have emptied in the length range is passed over, and one with a single article left gets
    # no extra pick (rounds 1-7 found every folder with articles to spare, so their draws are unchanged).
    topics = [t for t in pools if pools[t]]
    spare = [t for t in topics if len(pools[t]) > 1]
    if len(spare) < PER_STRATUM - len(topics):
        raise ValueError(f"round {round_no}: {len(topics)} T17 folders have an article left and only {len(spare)} a "
                         f"second one, short of the {PER_STRATUM - len(topics)} extra picks a round takes; decide how "
                         "the round draws (another corpus, a smaller T17 stratum) before drawing it")
    picks = topics + rng.sample(least_drawn(spare, earlier, PER_STRATUM - len(topics)), PER_STRATUM - len(topics))
    t17 = []
    for topic in picks:
        choice = rng.choice([a for a in pools[topic] if a not in t17])
        t17.append(choice)
    out = []
    for stratum in (gwn, t17):
        order = list(range(len(stratum)))
        rng.shuffle(order)
        for rank, i in enumerate(order):
            a = stratum[i]
            out.append({"article": a.id, "file": source_file(a.id), "split": "train" if rank % 2 == 0 else "heldout"})
    drawn[round_no] = sorted(out, key=lambda d: d["article"])
    return drawn[round_no]


def least_drawn(topics: list[str], earlier: list[str], wanted: int) -> list[str]:
    """The T17 folders to draw the extra picks from: those earlier rounds drew least often, widened to the next
    count until at least `wanted` are in (every folder when there is no earlier round)."""
    counts = Counter(a.rsplit("-", 1)[0] for a in earlier if not a.startswith("GWN-"))
    for most in sorted({counts[t] for t in topics}):
        pool = [t for t in topics if counts[t] <= most]
        if len(pool) >= wanted:
            return pool
    return topics


def label_round(item: dict[str, Any]) -> int:
    """The draw a label line belongs to (round 1's lines, written before rounds existed, carry no field)."""
    return int(item.get("round", 1))


def drawn_before(seed: int, path: Path = LABELS) -> set[str]:
    """The articles of the labelled rounds a sample of `seed` leaves out: every round drawn before it (a round of
    `ROUND_AFTER_SAMPLE` only for a seed above the one it names), so adding a round moves no earlier draw."""
    return {item["article"] for item in read_labels(path) if seed > ROUND_AFTER_SAMPLE.get(label_round(item), 0)}


def cold_articles(path: Path = LABELS) -> set[str]:
    """The articles of `COLD_ROUNDS`: labelled cold and kept out of rule work, so the calibration can be fitted on
    news no rule was written from (`train_event_model.py --calibrate-on cold`)."""
    return {item["article"] for item in read_labels(path) if label_round(item) in COLD_ROUNDS}


def taken(paths: list[Path], topics: list[str]) -> list[str]:
    """Sorted ids (`GWN-<n>`, `<topic>-<n>`) of every article a labels or id file names, in any field: the
    samples' `article`, the merge pairs' anchors (`<topic>/<n>`), plain id lists."""
    pattern = re.compile(r"\b(GWN|" + "|".join(map(re.escape, topics)) + r")[-/](\d+)\b")
    found = {f"{m[1]}-{m[2]}" for path in paths for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    return sorted(found)


def read_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """The labelled candidates, one dict a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def label_of(labels: list[dict[str, Any]], aid: str, event: Any) -> dict[str, Any] | None:
    """The first label of article `aid` whose `trigger_span` one of the event's mentions overlaps (its evidence
    first), or None: how a sample's labels are found again for the events shown now."""
    for mention in [event.evidence, *event.mentions]:
        start, end = mention.trigger_start or 0, mention.trigger_end or 0
        for item in labels:
            s, e = item["trigger_span"]
            if item["article"] == aid and s < end and start < e:
                return item
    return None


def sheet(shared: Path, out: Path, round_no: int = 1) -> None:
    """Every candidate the lexicon and the shipped detector propose in the sample (verifier off, so none is
    dropped and no confidence is shown: the coder labels cold): the sheet a coder labels."""
    from dateline.events.verify import unverified
    from dateline.pipeline import process

    picks = draw(shared, round_no)
    split = {p["article"]: p["split"] for p in picks}
    with unverified():
        docs = list(process([article(shared, p["article"]) for p in picks], article_seconds=0))
    lines = []
    for doc in docs:
        for e in sorted(doc.events, key=lambda e: (e.evidence.trigger_start or 0, e.type)):
            where = e.evidence
            lines.append({"article": doc.article.id, "file": source_file(doc.article.id),
                          "sentence": [where.start, where.end], "sentence_text": where.sentence,
                          "trigger": where.trigger, "trigger_span": [where.trigger_start, where.trigger_end],
                          "system_type": e.type, "system_status": e.status, "split": split[doc.article.id],
                          **({"round": round_no} if round_no > 1 else {})})
    out.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} candidates in {len(docs)} articles", file=sys.stderr)


def main() -> None:
    """`draw` prints the sample, `sheet OUT` writes its candidates to label, `taken FILE...` the ids files name."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("draw", "sheet", "taken"))
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("files", type=Path, nargs="*", help="taken: the labels and id files whose articles to list")
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--round", type=int, default=1, choices=sorted(ROUND_SEEDS), dest="round_no",
                        help="which draw (1: the seventh session's 24 articles; 2-10: 24 more each, none of an "
                             "earlier round's; 4-10 cold, kept out of rule work)")
    args = parser.parse_args()
    if args.command == "taken":
        topics = sorted(p.name for p in (args.shared / T17_FOLDER).iterdir() if p.is_dir())
        print("\n".join(taken([*filter(None, [args.out]), *args.files], topics)))
    elif args.command == "draw":
        for pick in draw(args.shared, args.round_no):
            print(json.dumps({**pick, "round": args.round_no}))
    else:
        sheet(args.shared, args.out, args.round_no)


if __name__ == "__main__":
    main()
