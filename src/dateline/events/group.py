"""One event per happening: the mentions of one happening in an article become one Event.

News repeats itself: the headline and the lead tell the same agreement, "imposed sanctions"
is followed by "the sanctions", a sentence says "agreed" and then "the agreement", and a story is
retold paragraphs later ("Russia denies ..." once more). Coded mention by mention, each would be a
separate event, and a reader would count the agreement twice. `group_events` joins such mentions
into one Event whose `mentions` lists every mention (sentence, offsets, trigger) in text order,
each saying why it was joined.

Whether two mentions are one happening is a learned pair decision (`events/same_happening`): a
logistic model over what they share (sentence, trigger stem, a definite noun pointing back,
headline and lead, parties, date, place) and where they clash, trained on hand-coded `same_as`
links. A mention joins the group whose best pair with it is surely one happening, unless a member
of that group clashes with it (so a chain of links cannot join two mentions that contradict each
other: other dates, places far apart, other parties); a happening first told by a noun pointing back ("the
protest") joins the act of its kind told last before it (`events/group_pointing`). Mentions of different types or
statuses are never joined, bar a borrowed-type reading tied in the parse to the lexicon's reading of its word,
whose status is the act's (`absorb_borrowed`), the purpose infinitive of an act of its type ("met ... to discuss")
and a known thing's noun whose clause reads it hypothetical or future (`events/group_status`); a toll told with no
doer joins the violent act told just before it (`events/group_victims`). The grouped event keeps the most
confident mention (of those not lent by such a join) as its `evidence` and fills its date and place from the other
mentions when it has none (or a coarser one). This is the
within-article step a cross-article merge builds on: a mention can carry its article id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dateline.events.gatherings import one_participant_named
from dateline.events.group_cues import Cues, borrowed_type, mention_cues, sentence_ordinals
from dateline.events.group_merge import merge_mentions
from dateline.events.group_pointing import join_pointing_back
from dateline.events.group_status import join_known_under_other_status, join_purposes
from dateline.events.group_victims import join_tolls
from dateline.events.same_happening import (
    FEATURE_WORDS,
    RECIPROCAL_TYPES,
    Mention,
    PairModel,
    clash,
    comparable,
    date_span,
    load_pair_model,
    mention_of,
    pair_features,
    party_keys,
    places_clash,
    printed_twice,
    same_stem,
)
from dateline.events.sentence_ties import coordinated_in_sentence, tied_in_sentence
from dateline.events.switch import Switch
from dateline.model import Document, Event

__all__ = ["Cues", "absorb_borrowed", "borrowed_type", "cluster", "conflict", "group_events", "grouping",
           "happenings", "headline_and_lead", "mention_cues", "mentions_of", "same_stem", "sentence_ordinals",
           "ungrouped"]

#: Characters that close a sentence of running text: a first line ending otherwise is a headline.
HEADLINE_ENDS = frozenset('.!?"”’\'')
#: A mention is compared with at most this many earlier groups of its type and status (the latest):
#: an article retells a happening among a handful of its kind, and hostile input stays linear.
MAX_GROUPS = 24
#: ... and with at most this many members of each (one per kind of member, `_Group.representatives`).
MAX_REPRESENTATIVES = 12

#: Grouping on or off (`with grouping.off():` codes one event per mention, what `tools/group_eval.py` scores).
grouping = Switch("grouping")
ungrouped = grouping.off


def conflict(a: Event, b: Event, reference: dt.date | None = None, parties: bool = True) -> str | None:
    """Why two mentions look like different happenings, or None when nothing about them clashes
    (for error listings and explanations; the join itself is the pair model's)."""
    if a.type != b.type:
        return f"types {a.type} and {b.type}"
    if a.status != b.status:
        return f"one is {a.status}, the other {b.status}"
    if a.mode and b.mode and a.mode != b.mode:
        return f"modes {a.mode} and {b.mode}"
    if parties:
        clash = _party_conflict(a, b)
        if clash:
            return clash
    first, second = date_span(a, reference), date_span(b, reference)
    if first and second and (first.last < second.first or second.last < first.first):
        return f"dates {a.date} and {b.date}"
    if places_clash(a.type, a.location, b.location):
        return f"places {a.location.name} and {b.location.name}"  # type: ignore[union-attr]
    return None


def _party_conflict(a: Event, b: Event) -> str | None:
    """Parties conflict when each mention names a party the other does not (per role), bar a gathering told by one
    participant (`gatherings`)."""
    if a.type in RECIPROCAL_TYPES:
        roles = [("parties", party_keys(a.actors + a.recipients), party_keys(b.actors + b.recipients))]
    else:
        roles = [("actors", party_keys(a.actors), party_keys(b.actors)),
                 ("recipients", party_keys(a.recipients), party_keys(b.recipients))]
    for role, first, second in roles:
        if not (first <= second or second <= first) and not one_participant_named(a.type, first, second):
            return f"{role} {'/'.join(sorted(first))} and {'/'.join(sorted(second))}"
    return None


def group_events(doc: Document) -> Document:
    """Join the mentions of each happening in `doc.events` into one Event (the coder's last step)."""
    if not grouping.on or len(doc.events) < 1:
        return doc
    events = sorted(doc.events, key=lambda e: (e.evidence.trigger_start or e.evidence.start, e.type))
    ordinals = sentence_ordinals(doc.parsed)
    cues = [mention_cues(e, doc.parsed, ordinals, doc.timexes, doc.places) for e in events]
    groups = happenings(events, cues, doc.article.date, headline_and_lead(doc.parsed))
    doc.events = [merge_mentions([events[i] for i in members], {k: reasons[i] for k, i in enumerate(members)
                                                                if i in reasons},
                                 frozenset(k for k, i in enumerate(members) if i in lent), doc.places)
                  for members, reasons, lent in groups]
    return doc


def happenings(events: list[Event], cues: list[Cues], reference: dt.date | None = None,
               lead: tuple[int, int] | None = None,
               model: PairModel | None = None) -> list[tuple[list[int], dict[int, str], set[int]]]:
    """The mentions of each happening as `group_events` joins them (the learned pairs, then the borrowed-type
    mentions beside a surer one): event indices, why each later member was joined, and the members that lend
    no date or place (the borrowed-type mentions, and nouns joined to the fact they name under another status,
    `group_status`). `tools/group_eval.py` and `tools/train_same_happening.py` judge this whole grouping."""
    model = model or load_pair_model()
    groups = absorb_borrowed(events, cues, cluster(events, cues, reference, lead, model))
    groups = join_purposes([e.type for e in events], cues, groups)
    mentions = mentions_of(events, cues, reference)
    groups = join_known_under_other_status(mentions, groups, model, lead)
    return join_tolls(mentions, groups, lead)


def absorb_borrowed(events: list[Event], cues: list[Cues],
                    groups: list[tuple[list[int], dict[int, str]]]) -> list[tuple[list[int], dict[int, str], set[int]]]:
    """Join each group made only of borrowed-type mentions (`borrowed_type`) to a surer group of its type that
    has a mention in one of its sentences (`_surer_in_sentence`); each group comes back with the members it
    absorbed.

    A detector's proposal or a re-typed trigger takes its type from the sentence around it ("pleaded for
    calm ... paid them to strike" read as PROTEST), so beside a surer mention of that type in the
    same sentence it is that happening read a second time, not another one. It stays as a mention (so
    `dateline show` says why) but lends the event neither date nor place, nor its status: the event is as
    real as the surer mention says ("had paid them to walk out and strike": the lexicon's purpose reading of
    "strike", not the fact of "paid"; "threatened to impose quotas": the threat, not a hypothetical imposition).
    """
    merged = [(list(members), dict(reasons), set()) for members, reasons in groups]
    alive = set(range(len(merged)))
    order = sorted(alive, key=lambda g: max(events[i].confidence for i in merged[g][0]))
    for g in order:
        members = merged[g][0]
        if not all(borrowed_type(events[i]) for i in members):
            continue
        target = _surer_in_sentence(events, cues, merged, alive - {g}, members)
        if target is None:
            continue
        host, i = target
        status = "" if events[i].status == events[members[0]].status else f", {events[i].status}"
        for j in members:
            merged[host][1][j] = (f"{borrowed_type(events[j])} beside the surer {events[i].evidence.trigger!r} "
                                  f"({events[i].type}{status}, {events[i].confidence:.2f}) in its sentence")
        merged[host][0].extend(members)
        merged[host][0].sort()
        merged[host][2].update(members)
        alive.discard(g)
    return [merged[g] for g in sorted(alive)]


def _surer_in_sentence(events: list[Event], cues: list[Cues], groups: list[tuple[list[int], dict[int, str], set[int]]],
                       candidates: set[int], members: list[int]) -> tuple[int, int] | None:
    """The group (and its member) of the same type as `members` that holds the most confident mention of one of
    their sentences, when that mention is surer than all of them and names every actor they name or one of them
    ("T&T failed to attend ... member states agreed": the reading that adds the meeting's host still tells the
    agreement T&T was party to); one whose actors are all others tells its own act ("X expelled ... and Russia
    ordered"). The mention is of their status, or the lexicon's reading of a word one of them hangs on or that
    hangs on it (`_reads_the_word_of`), whose status is then the act's."""
    first, sentences = events[members[0]], {cues[j].sentence for j in members}
    confidence = max(events[j].confidence for j in members)
    actors = frozenset().union(*(_acting(events[j]) for j in members))
    best: tuple[float, int, int] | None = None
    for h in candidates:
        for i in groups[h][0]:
            other = events[i]
            if (cues[i].sentence in sentences and other.type == first.type
                    and (other.status == first.status or _reads_the_word_of(events, cues, i, members))
                    and other.confidence > confidence and (not actors or actors & _acting(other))
                    and (best is None or other.confidence > best[0])):
                best = (other.confidence, h, i)
    return None if best is None else (best[1], best[2])


def _reads_the_word_of(events: list[Event], cues: list[Cues], i: int, members: list[int]) -> bool:
    """Whether mention `i` is the lexicon's reading of the word a borrowed reading among `members` took its type
    from: a lexicon mention (not itself borrowed) tied to one of them in the parse, one trigger hanging on the
    other or on a verb coordinated with it ("had paid them to walk out and strike", "threatened to impose
    quotas"). Its status is read on the act's own word, the borrowed reading's on another (the fact of
    "paid", the hypothetical of a purpose clause's "impose"), so the two are one act whatever their statuses. On
    events-gold 13 borrowed readings are so placed, each read by hand a second telling of the lexicon's act
    ("urged ... to engage", "committed to pay", "ordered to come and protest"); a borrowed reading in a clause
    with its own subject ("hired auditors to defend itself, and so far it has spent $40m") is left apart."""
    if borrowed_type(events[i]) is not None:
        return False
    return any(cues[j].sentence == cues[i].sentence
               and (tied_in_sentence(cues[j], cues[i]) or coordinated_in_sentence(cues[j], cues[i]))
               for j in members)


def _acting(event: Event) -> frozenset[str]:
    """The countries of a mention's actors; of all its parties for a reciprocal type, whose every party acts
    (PLOVER lists them all as actors, but a parse may leave some as recipients: "X agreed with Y")."""
    parties = event.actors + event.recipients if event.type in RECIPROCAL_TYPES else event.actors
    return party_keys(parties)


def headline_and_lead(parsed: Any) -> tuple[int, int] | None:
    """The first two sentences when the first is a headline (no closing punctuation), else None."""
    if parsed is None:
        return None
    first_two = [s for _, s in zip(range(2), parsed.sents, strict=False)]
    if len(first_two) < 2 or first_two[0].text.rstrip()[-1:] in HEADLINE_ENDS:
        return None
    return first_two[0].start, first_two[1].start


def mentions_of(events: list[Event], cues: list[Cues], reference: dt.date | None) -> list[Mention]:
    """The pair model's view of each mention; without sentence numbers, mentions' sentences are counted."""
    starts = sorted({c.sentence for c in cues})
    rank = {s: n for n, s in enumerate(starts)}
    return [mention_of(e, c, c.ordinal if c.ordinal is not None else rank[c.sentence], reference)
            for e, c in zip(events, cues, strict=True)]


def cluster(events: list[Event], cues: list[Cues], reference: dt.date | None = None,
            lead: tuple[int, int] | None = None,
            model: PairModel | None = None) -> list[tuple[list[int], dict[int, str]]]:
    """Groups of event indices (in text order), each with why every later member was joined.

    A mention joins the group (of its type and status) holding its likeliest pair, when that pair
    reaches the model's threshold and no member of the group clashes with it (`same_happening.clash`). Each group is
    judged through a bounded set of representative members, so N mentions cost N, not N squared. Then manner nouns
    join their acts, and groups first told by a noun pointing back the act of its kind told before them.
    """
    model = model or load_pair_model()
    mentions = mentions_of(events, cues, reference)
    groups: list[_Group] = []
    by_kind: dict[tuple[str, str], list[int]] = {}
    for j, mention in enumerate(mentions):
        kind = (mention.type, mention.status)
        best: tuple[float, int, str] | None = None
        for number in by_kind.get(kind, [])[-MAX_GROUPS:]:
            judged = groups[number].judge(mentions, mention, lead, model)
            if judged is not None and (best is None or judged[0] > best[0]):
                best = (judged[0], number, judged[1])
        if best is None:
            by_kind.setdefault(kind, []).append(len(groups))
            groups.append(_Group())
            groups[-1].add(mentions, j, None)
        else:
            groups[best[1]].add(mentions, j, best[2])
    _join_manner_nouns(mentions, groups)
    join_pointing_back(mentions, groups, lead)
    return [(g.members, g.reasons) for g in groups if g.members]


def _join_manner_nouns(mentions: list[Mention], groups: list[_Group]) -> None:
    """Move each manner noun ("in protest"), which the pair decision joins with nothing, into the group of the act of
    its type it qualifies, when that act is a mention: "took to the streets in protest" tells the protest "took"
    tells; "set himself on fire in protest" tells the self-immolation (the lexicon's PROTEST reading of "set fire"),
    not the wave of protests the sentence also names. A manner noun whose act is no mention stays alone."""
    home = {j: g for g in groups for j in g.members}
    for g in groups:
        if len(g.members) != 1 or mentions[g.members[0]].manner is None:
            continue
        j = g.members[0]
        act = next((i for i, m in enumerate(mentions) if i != j and m.sentence == mentions[j].sentence
                    and m.type == mentions[j].type and m.status == mentions[j].status
                    and m.token == mentions[j].manner), None)
        if act is None:
            continue
        host = home[act]
        host.members.append(j)
        host.members.sort()
        host.reasons[j] = "same happening: the manner noun of the act it qualifies"
        g.members.clear()
        home[j] = host


def _representative_key(mention: Mention) -> tuple[Any, ...]:
    """Members with one key score alike against any mention (bar the distance): one of them stands for all."""
    loc = mention.location
    return (mention.mode, mention.actors, mention.recipients, mention.date, mention.span,
            loc.geonameid if loc else None, mention.stems, mention.trigger, mention.definite, mention.leading,
            mention.count, mention.occasion_of, mention.member, mention.manner)


@dataclass
class _Group:
    """The members of one happening, with up to `MAX_REPRESENTATIVES` of them standing for the rest
    (the latest of each kind, so distances stay short) and its members per sentence."""

    members: list[int] = field(default_factory=list)
    reasons: dict[int, str] = field(default_factory=dict)
    representatives: dict[tuple[Any, ...], int] = field(default_factory=dict)
    in_sentence: dict[int, int] = field(default_factory=dict)

    def add(self, mentions: list[Mention], j: int, why: str | None) -> None:
        self.members.append(j)
        if why is not None:
            self.reasons[j] = why
        key = _representative_key(mentions[j])
        if key in self.representatives or len(self.representatives) < MAX_REPRESENTATIVES:
            self.representatives[key] = j
        self.in_sentence[mentions[j].sentence] = j

    def judge(self, mentions: list[Mention], mention: Mention, lead: tuple[int, int] | None,
              model: PairModel) -> tuple[float, str] | None:
        """The best pair probability of `mention` with this group and why, or None when it may not join."""
        if not comparable(mentions[self.members[0]], mention):
            return None
        sentences = [mention.sentence] + ([lead[0]] if lead and mention.sentence == lead[1] else [])
        nearby = {self.in_sentence[s] for s in sentences if s in self.in_sentence}
        best: tuple[float, str] | None = None
        for i in {*self.representatives.values(), *nearby}:
            features = pair_features(mentions[i], mention, lead)
            if clash(features):
                return None
            p = model.probability(features)
            if printed_twice(features):  # one passage printed twice: one happening whatever the model says
                p, why = max(p, model.threshold), f"same happening: {FEATURE_WORDS['printed_twice']}"
            else:
                why = model.reason(features, p)
            if p >= model.threshold and (best is None or p > best[0]):
                best = (p, why)
        return best
