"""The event dater on its own: the date `events.dating.date_event` gives each hand-coded event of the
whole-article gold (../shared/data/events-gold), at the gold's own trigger, judged as the shared scorer
judges a date.

`where_when.py` scores the dates of the events the detector found and matched, after the grouping
stage merged mentions; this scores the dater alone on every factual gold mention (about 200, not
about 120), so a change to the dater is measured on more cases and apart from detection and grouping.
The trigger token is the first word of the gold trigger inside the gold sentence (the coder's trigger
is sometimes a phrase: "threatened to slap tariffs"). Per source (GWN, t17) and by the path the dater
took (`how`: the governing timex, a timex of an embedding clause, a day carried from an earlier
sentence, or the article-date fallback). `--errors` lists every wrong date on stderr.

With `--timeml DIR` it also checks the dater against TimeML's event-to-time links (`timeml_links.py`:
TimeBank and AQUAINT, other annotators, other news): every event an annotator put within a calendar timex
of its text should be dated within that timex's period, with no `date_mod`. `within` is that share;
`same_timex` the share dated with the value the time stage gave the linked timex (the dater chose the
right timex, whatever its value), `contradicts` how many dates claim a period that misses the linked one
(no `date_mod`, no overlap: a wrong date is worse than a vague one), per corpus and by path.
`within_or_bound_on_day` also counts an on-or-before date whose day lies within the linked timex: a past act no
time of the text dates is bounded by the article ("on or before"), the honest reading (the annotators put only
about a third of such acts on the article's day), and this says how often the bound's day was the annotators'.

    .venv/bin/python benchmarks/event_dates.py [--gold-dir DIR] [--errors] [--timeml DIR --parse-cache DIR]
    .venv/bin/python benchmarks/event_dates.py --sample DIR [--seed N] [--size 30] [--exclude FILE ...]

`--sample DIR` draws events to read by hand instead: `--size` events shown at the default view (not negated,
hypothetical or future) from articles of a corpus folder (JSON Lines `articles.jsonl` under it, such as
../shared/corpus/t17) that are not in the gold, drawn with a fixed seed; one JSON line each with the sentence,
the trigger and its span, the date and its basis, to be marked right or wrong by the gold guideline. The labels
kept under benchmarks/data (`dates_t17_<seed>.jsonl`) drop the sentence and keep the span (1818 and 1919, written
with the sentence, keep its place in the article instead, `sentence_span`, beside the trigger's).

Prints one JSON line. Each article is parsed and run through the pipeline once (about a minute; the
TimeML documents are parsed once into `--parse-cache`, shared with `timex.py`).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

from dateline.events.dating import event_dating
from dateline.events.verify import DEFAULT_MIN_CONFIDENCE
from dateline.model import Article, Document
from dateline.pipeline import process_one
from dateline.time import tag_timexes
from dateline.timex3 import date_part, interval
from timeml_links import LinkedDoc, LinkedEvent, read_linked

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from id_files import excluded_ids

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD_DIR = SHARED / "data" / "events-gold"


#: Words of a date's basis (`events.dating`) and the path they name, first match wins.
_PATHS = (("next sentence tells it again", "told_next"), ("told in the present", "present"), ("occasion", "occasion"),
          ("no calendar point", "not_a_point"),
          ("would put", "ahead"),
          ("earlier one", "previous"), ("narration of", "narrated_year"), ("same happening", "named_elsewhere"),
          ("story's lede", "lede"),
          ("earlier sentence", "carried"),
          ("governs the clause", "governing"), ("dates a clause", "clause_above"), ("no time in the text", "fallback"))


def date_path(basis: str | None) -> str:
    """The path the dater took, read off the start of a date's basis (`where_when.py` counts by it too)."""
    return next((name for cue, name in _PATHS if cue in (basis or "")), "other")


def gold_date_ok(value: str, gold: dict, article_date: str) -> bool:
    """The shared scorer's date rule: the gold's prefix, or for an on-or-before gold its day or the article's."""
    wanted = str(gold.get("date") or article_date)
    if gold.get("date_precision") == "on_or_before":
        return value[:10] in (wanted[:10], article_date[:10])
    return value[:len(wanted)] == wanted


def trigger_token(doc: Document, sentence: tuple[int, int], trigger: str) -> Any | None:
    """The token where the gold trigger starts inside its sentence, or None."""
    words = trigger.split()
    at = doc.article.text.find(words[0], sentence[0], sentence[1]) if words else -1
    if at < 0:
        return None
    return next((t for t in doc.parsed if t.idx <= at < t.idx + max(len(t), 1)), None)


def score_article(art: dict, gold_events: list[dict], counts: dict, errors: bool) -> None:
    """Date every factual gold mention of one article and count the right ones per source and path."""
    doc = process_one(Article(id=art["id"], date=dt.date.fromisoformat(art["date"]), text=art["text"]))
    source = art.get("source", "?").split("/")[0]
    for gold in gold_events:
        if gold.get("status", "fact") != "fact" or not gold.get("trigger"):
            continue
        at = art["text"].find(gold["sentence"])
        token = trigger_token(doc, (at, at + len(gold["sentence"])), gold["trigger"]) if at >= 0 else None
        if token is None:
            counts["unfound"]["all"] += 1
            continue
        date = event_dating(doc, token.i)
        how = date_path(date.basis)
        ok = gold_date_ok(date.value, gold, art["date"])
        for key in ("all", source, f"how={how}"):
            counts["dated"][key] += 1
            counts["right"][key] += ok
            counts["contradicts"][key] += not ok and date.mod is None
        if errors and not ok:
            print(f"{art['id']} {gold['type']} <{token.text}> {how}: system {date.value} {date.mod or ''}; "
                  f"gold {gold.get('date')} {gold.get('date_precision')}\n    {gold['sentence'][:160]}",
                  file=sys.stderr)


def score_linked(doc: LinkedDoc, parsed: Any, counts: dict, errors: bool) -> None:
    """Date every TimeML event linked within a calendar timex and count those dated within it."""
    document = Document(Article(id=doc.name, date=doc.dct, text=doc.text), parsed)
    tag_timexes(document)
    for link in doc.events:
        token = next((t for t in parsed if t.idx <= link.start < t.idx + max(len(t), 1)), None)
        if token is None:
            counts["unfound"][doc.corpus] += 1
            continue
        date = event_dating(document, token.i, link.hypothetical)
        gold, system = interval(link.value), interval(date.value)
        within = date.mod is None and gold is not None and system is not None and \
            gold.first <= system.first and system.last <= gold.last
        contradicts = date.mod is None and gold is not None and system is not None and \
            (system.last < gold.first or gold.last < system.first)
        # the second figure: also an on-or-before bound whose day is the linked one (a past act no time dates)
        bound_on_day = date.mod == "ON_OR_BEFORE" and gold is not None and system is not None and \
            gold.first <= system.first and system.last <= gold.last
        tagged = next((t for t in document.timexes if t.start < link.timex_end and link.timex_start < t.end), None)
        same = tagged is not None and date.mod is None and date.value == date_part(tagged.value)
        how = date_path(date.basis)
        for key in (doc.corpus, f"{doc.corpus} how={how}"):
            counts["dated"][key] += 1
            counts["within"][key] += within
            counts["within_or_bound_on_day"][key] += within or bound_on_day
            counts["same_timex"][key] += same
            counts["contradicts"][key] += contradicts
        if not within:
            counts["missed"][f"{doc.corpus}: {miss_class(token, link, date, same)}"] += 1
        if errors and not within:
            print(f"{doc.corpus[:2]} {doc.name} <{link.word}> {link.tense} {how}: system {date.value} {date.mod or ''};"
                  f" gold {link.value} [{link.timex_text}] (tagged {tagged.value if tagged else '-'})\n"
                  f"    {_sentence_of(token)[:200]}\n    {date.basis[:200]}", file=sys.stderr)


def miss_class(token: Any, link: LinkedEvent, date: Any, same: bool) -> str:
    """Why a linked event was not dated within its timex, mechanically: where the timex lies (the event's
    sentence, an earlier or a later one) and what the dater did instead (fell back to the article date, bounded
    the event by a report's day, chose the right timex whose value the time stage got wrong, chose another)."""
    sent = token.sent
    where = "same sentence" if sent.start_char <= link.timex_start < sent.end_char else \
        "earlier sentence" if link.timex_start < sent.start_char else "later sentence"
    if date_path(date.basis) in ("fallback", "not_a_point", "ahead"):
        return f"{where}, fallback"
    return f"{where}, {'bounded' if date.mod else 'timex value' if same else 'other time'}"


def _sentence_of(token: Any) -> str:
    """The sentence of a token, on one line."""
    return " ".join(token.sent.text.split())


def timeml_check(data: Path, cache: Path | None, errors: bool) -> dict:
    """The dater against TimeML's event-to-time links: shares within the linked timex, per corpus and path."""
    from timex import parse_all

    paths = sorted(data.glob("**/*.tml"))
    docs = [read_linked(p) for p in paths]
    for doc, path in zip(docs, paths, strict=True):
        doc.corpus = path.relative_to(data).parts[0]
    parsed, _ = parse_all([d.text for d in docs], cache)
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc, parse in zip(docs, parsed, strict=True):
        score_linked(doc, parse, counts, errors)
    return {key: {"dated": n, "within": round(counts["within"][key] / n, 4),
                  "within_or_bound_on_day": round(counts["within_or_bound_on_day"][key] / n, 4),
                  "same_timex": round(counts["same_timex"][key] / n, 4), "contradicts": counts["contradicts"][key]}
            for key, n in sorted(counts["dated"].items())} | {"unfound": sum(counts["unfound"].values()),
                                                              "missed": dict(sorted(counts["missed"].items()))}


def sample_events(corpus: Path, gold_ids: set[str], seed: int, size: int) -> list[dict]:
    """`size` events shown at the default view, drawn at random (fixed seed) from the corpus's articles outside
    the gold (and outside earlier samples, given with the gold's ids): articles are drawn one at a time and each
    gives at most two events, so one article cannot fill it."""
    articles = [(path.parent.name, json.loads(line)) for path in sorted(corpus.glob("*/articles.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    rng.shuffle(articles)
    drawn: list[dict] = []
    for topic, art in articles:
        aid = f"{topic}-{art['id']}"
        if aid in gold_ids or len(drawn) >= size:
            continue
        date = dt.date.fromisoformat(str(art.get("date") or art["time"])[:10])
        doc = process_one(Article(id=aid, date=date, text=art["text"]))
        shown = [e for e in doc.events if e.confidence >= DEFAULT_MIN_CONFIDENCE and e.status == "fact"]
        for event in rng.sample(shown, min(2, len(shown), size - len(drawn))):
            drawn.append({"article": aid, "article_date": date.isoformat(), "type": event.type,
                          "trigger": event.evidence.trigger,
                          "trigger_span": [event.evidence.trigger_start, event.evidence.trigger_end],
                          "sentence": " ".join(event.evidence.sentence.split()),
                          "date": event.date, "precision": event.date_precision, "mod": event.date_mod,
                          "basis": event.date_basis})
    return drawn


def main() -> None:
    """Score the dater on every factual gold mention; one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--errors", action="store_true", help="print wrong dates on stderr")
    parser.add_argument("--timeml", type=Path, default=None, help="TimeML folder: check the event-to-time links")
    parser.add_argument("--parse-cache", type=Path, default=None, help="folder for the TimeML parses (timex.py's)")
    parser.add_argument("--no-gold", action="store_true", help="skip the events-gold articles (with --timeml)")
    parser.add_argument("--sample", type=Path, default=None, help="corpus folder: draw events to read by hand")
    parser.add_argument("--seed", type=int, default=110, help="seed of the --sample draw")
    parser.add_argument("--size", type=int, default=30, help="events in the --sample draw")
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="files of article ids (or JSON Lines with `article`) the --sample draw leaves out")
    args = parser.parse_args()
    if args.sample:
        gold_ids = {g["id"] for g in json.loads((args.gold_dir / "gold.json").read_text(encoding="utf-8"))}
        gold_ids |= excluded_ids(args.exclude)  # earlier samples' ids or labels
        for row in sample_events(args.sample, gold_ids, args.seed, args.size):
            print(json.dumps(row))
        return
    timeml = timeml_check(args.timeml, args.parse_cache, args.errors) if args.timeml else None
    if args.no_gold:
        print(json.dumps({"benchmark": "event_dates", "timeml": timeml}))
        return
    gold = {g["id"]: g["events"] for g in json.loads((args.gold_dir / "gold.json").read_text(encoding="utf-8"))}
    lines = (args.gold_dir / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = {a["id"]: a for a in map(json.loads, lines)}
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for aid, gold_events in gold.items():
        score_article(articles[aid], gold_events, counts, args.errors)
    share = {key: round(counts["right"][key] / counts["dated"][key], 4) for key in sorted(counts["dated"])}
    print(json.dumps({"benchmark": "event_dates", "dated": counts["dated"]["all"], "unfound": counts["unfound"]["all"],
                      "date_acc": share.pop("all"), "by": share, "count": dict(sorted(counts["dated"].items())),
                      "contradicts": {key: counts["contradicts"][key] for key in ("all", "GWN", "t17")}}
                     | ({"timeml": timeml} if timeml else {})))


if __name__ == "__main__":
    main()
