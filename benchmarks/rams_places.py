"""Event places on RAMS (Ebner et al. 2020): does an event get the place its annotators gave it?

    .venv/bin/python benchmarks/rams_places.py [--limit N] [--errors]

RAMS annotates one event per 5-sentence news window, with its arguments; some have a `place`
argument. For the windows whose place argument is a name (it has a capital letter: "Aleppo", not
"the city" or "there"), and where dateline codes an event at the gold trigger (any type), this
counts the event's location as right when its surface text or place name overlaps the argument's
words, a wrong dot when it names another place, and no dot when it has none. RAMS was not used to
write or tune the location rules, so it checks them on text of other outlets; it is still only one
annotator's reading, and a place the window names elsewhere can be the argument. Each miss (no dot or a
wrong one) is put in a class (`miss_kind`): the place is in another sentence of the window; it is in the
trigger's sentence but no place was recognised there (a recogniser or gazetteer miss); it was recognised but
its link to the trigger was not read (by how the parse ties them, `link_kind`); or a wrong dot, by the evidence it
rests on. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

from dateline.events.locate import HOME_BASIS
from dateline.events.scene import DATELINE_BASIS, SCENE_BASIS
from dateline.model import Article, Document, Event, Location
from dateline.pipeline import process

RAMS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "events-dev" / "rams_dev.jsonlines"


class Window(NamedTuple):
    """One RAMS window with a named place argument: its text, the trigger's offset, the place's words and span."""

    article: Article
    trigger_start: int
    place: str
    place_span: tuple[int, int]


def named_place_args(window: dict[str, Any]) -> tuple[str, list[int], list[tuple[int, int]]]:
    """A RAMS window as text: the tokens joined by spaces, each token's character offset, and the character spans
    of the place arguments written as names (a capital letter), in annotation order (also `rams_toponyms.py`)."""
    tokens = [t for sentence in window["sentences"] for t in sentence]
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token) + 1)
    text = " ".join(tokens)
    spans = [(starts[a], starts[b] + len(tokens[b])) for _, (a, b), role in window["gold_evt_links"]
             if role.endswith("place")]
    return text, starts, [(start, end) for start, end in spans if any(c.isupper() for c in text[start:end])]


def read_windows(path: Path, limit: int) -> list[Window]:
    """The windows whose place argument is a name."""
    out = []
    with open(path, encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if limit and i >= limit:
                break
            window = json.loads(line)
            text, starts, named = named_place_args(window)
            if named:
                start, end = named[0]
                article = Article(id=f"rams-{i}", date=dt.date(2016, 6, 1), text=text)
                out.append(Window(article, starts[window["evt_triggers"][0][0]], text[start:end], (start, end)))
    return out


def judge(location: Location | None, place: str) -> str:
    """right, wrong or none: whether a location names the argument's place."""
    if location is None:
        return "none"
    words = {w.lower() for w in place.replace(",", " ").split() if w[:1].isupper()}
    said = {w.lower() for w in f"{location.text or ''} {location.name or ''}".replace(",", " ").split()}
    return "right" if words & said else "wrong"


#: How a wrong dot's basis begins, by the evidence it rests on (the rest are places the sentence states).
WRONG_BASES = ((SCENE_BASIS, "wrong: scene"), (DATELINE_BASIS, "wrong: dateline"),
               (HOME_BASIS, "wrong: parties' country"))


def miss_kind(doc: Document, event: Event, window: Any) -> str:
    """The class of a miss: where the place stands against the trigger and what dateline made of it. `window` is
    anything with the gold place's character span as `place_span` (a RAMS `Window`, a WikiEvents mention)."""
    if event.location is not None:
        basis = event.location.basis or ""
        return next((kind for cue, kind in WRONG_BASES if basis.startswith(cue)), "wrong: another place stated")
    start, end = window.place_span
    trigger = next(t for t in doc.parsed if t.idx == event.evidence.trigger_start)
    if not trigger.sent.start_char <= start < trigger.sent.end_char:
        return "none: place in another sentence"
    if not any(p.start < end and start < p.end for p in doc.places):
        return "none: place not recognised"
    return f"none: place recognised, link not read: {link_kind(doc, trigger, start, end)}"


#: Links by which a name stands in a phrase as a party, possessor or modifier, not after a preposition.
NAME_AS_PARTY = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "compound", "nmod", "amod"})


def link_kind(doc: Document, trigger: Any, start: int, end: int) -> str:
    """How the parse ties a recognised place the location rules did not take to the trigger, by the words between
    them: a name used as a party, possessor or modifier ("Iran's Foreign Ministry urged", "US criminal charges"); a
    place below the trigger (in its own phrase or clause: "the embargo, which hurt farmers in Ohio"); on a verb the
    trigger's clause hangs on ("marched into Paris, forcing France to capitulate") or on a word the trigger
    modifies ("a rape charge in Sweden"); or in another clause of the sentence."""
    token = doc.parsed.char_span(start, end, alignment_mode="expand").root
    if token.dep_ in NAME_AS_PARTY:
        return "a name as party, possessor or modifier"
    above_trigger = {trigger.i} | {t.i for t in trigger.ancestors}
    word = token
    while word.i not in above_trigger and word.head.i != word.i:
        word = word.head
    if word.i == trigger.i:
        return "below the trigger"
    if word.i in above_trigger:
        return "on a verb above the trigger" if word.pos_ in ("VERB", "AUX") else "on a word the trigger modifies"
    return "in another clause"


class PlaceTally:
    """The report loop both place benchmarks share (this one and `wikievents_places.py`): each coded gold place judged
    right, wrong or none, each miss put in its class (`miss_kind`) and, when asked, printed on stderr."""

    def __init__(self, errors: bool = False) -> None:
        self.errors = errors
        self.counts: collections.Counter = collections.Counter()
        self.misses: collections.Counter = collections.Counter()

    def add(self, doc: Document, event: Event, gold: Any, label: str) -> None:
        """Judge one event coded at a gold trigger against the gold's place (`gold` has `place` and `place_span`);
        `label` names the gold mention in an error line ("rams-12 ASSAULT <strike>")."""
        verdict = judge(event.location, gold.place)
        self.counts.update(coded=1, **{verdict: 1})
        if verdict == "right":
            return
        kind = miss_kind(doc, event, gold)
        self.misses[kind] += 1
        if self.errors:
            where = event.location
            print(f"{label} gold '{gold.place}' system {where and where.name} ({where and where.basis}) [{kind}]",
                  file=sys.stderr)

    def report(self, benchmark: str, **head: int) -> str:
        """The one JSON line: `head` (how many gold places were read), then the shares of the coded ones."""
        coded = max(self.counts["coded"], 1)
        return json.dumps({"benchmark": benchmark, **head, "coded": self.counts["coded"],
                           "right": round(self.counts["right"] / coded, 4),
                           "wrong_dot": round(self.counts["wrong"] / coded, 4),
                           "no_dot": round(self.counts["none"] / coded, 4),
                           "misses_by_kind": dict(sorted(self.misses.items()))})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="read only the first N windows")
    parser.add_argument("--errors", action="store_true", help="print every wrong or missing place on stderr")
    args = parser.parse_args()
    windows = read_windows(RAMS, args.limit)
    by_id = {window.article.id: window for window in windows}
    tally = PlaceTally(args.errors)
    for doc in process(window.article for window in windows):
        window = by_id[doc.article.id]
        event = next((e for e in doc.events if e.evidence.trigger_start == window.trigger_start), None)
        if event is not None:
            tally.add(doc, event, window, f"{doc.article.id} {event.type} <{event.evidence.trigger}>")
    print(tally.report("rams_places", windows_with_named_place=len(windows)))


if __name__ == "__main__":
    main()
