"""Are two mentions of one type the same happening? A learned pair decision for `events/group`.

News tells a happening more than once: the headline and the lead, a verb and its noun ("imposed
sanctions ... the sanctions"), and a story retold paragraphs later ("Chile denies ..." three
times over). Whether two mentions are one happening is decided by a small logistic model over what
the two mentions share and where they clash (`pair_features`): the same sentence, a shared trigger
stem, a definite noun pointing back, headline and lead, the distance in sentences, and whether
their actors, recipients, dates and places agree, clash or are missing on one side. It is trained
by `tools/train_same_happening.py` on the `same_as` links of hand-coded articles and hand-labelled
pairs from other outlets, with cross-validation grouped by article, and shipped as plain numbers
(`data/models/same_happening.json`); the threshold is the lowest whose cross-validated link precision
reaches the goal (a wrong join loses an event, a missed one only repeats it).

Only what means the same on every outlet may push a pair together. Two mentions of one sentence are one
act told twice when one trigger hangs on the other (`tied`: "imposed sanctions", "the fire that
destroyed 40 homes", "collapsed, burying six"; or, for an attack naming no other parties, two verbs coordinated
under one subject or a verb and the clause of its moment: "gunmen killed five and wounded twelve", "was hurt when guards
opened fire"), or when one of them is a borrowed-type reading of the sentence
(`borrowed_reading`: the detector's or verifier's second reading of a sentence the lexicon read once);
two clauses of one sentence get no credit for sharing it (`other_clause`), as on outlets no label came
from they mostly tell two acts ("the premier objected ..., and aides complained"). A word marking another
occurrence on one side only ("had already toured" against "her Monday trip"), or two different ordinals
("her fourth trip" / "her fifth trip"), rule a join out; an ordinal on one side only says nothing against
one ("arrived on her fifth trip" and "her Monday trip" tell the trip the article is about).
Two tellings paragraphs apart, where the distance weighs against a join, are read together when a later
sentence names the act again by its word as a definite noun (`refers_back`: "imposed sanctions ... the
sanctions", "the advisory meetings") or tells the same act between the same two sides (`retold_between`:
"Chile denies ... Chile denied", both with actor and recipient; a side left empty is no evidence).
A passage printed twice (the trigger and the six words before it the same: a pull quote and the body's quote) is
one happening whatever the model says (`printed_twice`), and a noun counting several acts ("two deadly raids")
is not one of them ("the raid on the depot": `other_occurrence`, a veto).
Every weight is held to the direction `FEATURE_SIGNS` gives it: fitted freely, the weights took habits
of the few labelled articles (a date that differs, or sharing a sentence, speaking for a join).

Some pairs are never joined, whatever the model says (`clash`): other types or statuses (a meeting
held is not a meeting planned), dates that cannot overlap, places far apart, other modes, parties
each side lacks. Dates veto only when both sentences write theirs ("on March 4"), places when one
of them does ("in Malindi"): a date carried over from elsewhere (the article date, an earlier
sentence) or two places carried from the story's scene that disagree are one more feature
(`dates_differ`, `places_differ`), as the disagreement may be the dater's or locator's inference
rather than the text's (cross-validated, vetoing on one written date, or only on two written places,
joined fewer true links at no better precision). The model learns only among the pairs that remain.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.config import package_data
from dateline.events.gatherings import one_participant_named
from dateline.events.occurrences import amounts_differ, counts_differ, kinds_differ, other_occurrences
from dateline.events.party_people import other_persons, person_keys
from dateline.events.sentence_ties import coordinated_in_sentence, occasion_in_sentence, tied_in_sentence
from dateline.model import Event, Location, Party
from dateline.timex3 import Interval, interval

MODEL_PATH = package_data("models") / "same_happening.json"
#: Bumped whenever a feature of `pair_features` that a model weighs changes its meaning or goes: a model trained on
#: other features is refused. A feature added only as a veto (`member_of_other`, `manner_of_act`: read by the join
#: rule, absent from the shipped weights, so weighed 0) leaves the shipped model valid and the version as it is.
FEATURE_VERSION = 5
#: Sentence gaps beyond this count as this far (a retold story is as likely ten or thirty sentences on).
MAX_GAP = 20
#: Types whose parties are all actors (PLOVER: reciprocal events list everyone as actor).
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Types whose act a sentence tells by its parts, verb by verb under one subject ("gunmen killed five and wounded
#: twelve") or in a clause of the same moment ("was hit when soldiers opened fire"; `coordinated_in_sentence`). Of
#: the labelled pairs of coordinated verbs, the attacks' were one happening (4 of 4 in the same voice); of other
#: types 2 of 6 (a regime that "imprisoned activists and placed X under house arrest", "supporting the president
#: and supporting protesters").
TOLD_IN_PARTS = frozenset({"ASSAULT"})
#: Statements have no physical place (the guideline codes none): a place found near one says nothing.
PLACELESS_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT"})
#: Places of one happening in different sub-country places lie at most this far apart.
SAME_PLACE_KM = 100.0
#: Feature codes of places that contain others (a country, a first-order division).
CONTAINER_FEATURES = ("PCL", "ADM1")
#: The direction each feature may push, fixed before fitting (`tools/train_same_happening.py` bounds the weights):
#: what two tellings share can only speak for a join, a gap, other figures or a date or place that differs only
#: against it, and a party missing on one side (a parse that found none) neither way. Fitted freely, the weights
#: took the habits of the 28 labelled articles (a date that differs, or two clauses of one sentence, speaking
#: for a join), which do not hold on other outlets. Features not named here are free.
FEATURE_SIGNS = {
    "tied": 1, "borrowed_reading": 1, "other_clause": -1, "same_stem": 1, "own_noun": 1,
    "same_trigger": 1, "definite": 1, "headline_lead": 1, "gap": -1, "same_actors": 1, "same_recipients": 1,
    "actors_missing": 0, "recipients_missing": 0, "same_date": 1, "dates_differ": -1, "same_place": 1,
    "places_differ": -1, "shared_arguments": 1, "shared_words": 1, "retold_by_actor": 1, "same_parties": 1,
    "retold_about": 1, "amounts_differ": -1, "other_occurrence": -1, "actors_clash": 0, "recipients_clash": 0,
    "dates_clash": 0, "places_clash": 0, "modes_clash": 0, "other_persons": 0, "refers_back": 1, "retold_between": 1,
    "printed_twice": 1,
}
#: Words for each feature, for the reason a joined mention gives (`dateline show`).
FEATURE_WORDS = {
    "tied": "same sentence, one trigger hanging on the other", "borrowed_reading": "a second reading of one sentence",
    "same_stem": "same trigger word", "definite": "a definite noun refers back",
    "headline_lead": "headline and lead", "own_noun": "a verb and its noun", "same_actors": "same actors",
    "same_recipients": "same recipients", "same_date": "same date", "same_place": "same place",
    "same_trigger": "same trigger", "shared_arguments": "shared names around the trigger",
    "shared_words": "sentences naming the same things", "retold_by_actor": "the same act by the same actors",
    "same_parties": "the same actors and recipients",
    "retold_about": "the same act on the same things", "refers_back": "the same word again, as a definite noun",
    "retold_between": "the same act between the same sides", "printed_twice": "the same passage printed twice",
}


@dataclass(frozen=True)
class Mention:
    """What the pair decision reads of one mention, computed once (an article may hold thousands)."""

    type: str
    status: str
    mode: str | None
    sentence: int  # the sentence's first token: equal for mentions of one sentence
    ordinal: int  # the sentence's number in the article, for distances
    stems: frozenset[str]
    definite: bool
    nominal: bool
    trigger: str
    actors: frozenset[str]
    recipients: frozenset[str]
    date: str | None
    span: Interval | None
    location: Location | None
    arguments: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    clause: int | None = None  # the token index of the trigger's clause head (`group.Cues.clause`)
    dated: bool = True  # the date is written in the mention's sentence (`group.Cues.dated`) ...
    placed: bool = True  # ... and so is the place: only what a sentence says may veto a join
    token: int | None = None  # the trigger's token index ...
    chain: frozenset[int] = frozenset()  # ... and the words it hangs from within its act (`group_cues.governing_chain`)
    # ... and across verbs coordinated under one subject and clauses of the same moment (`group_cues.Cues.reach`)
    reach: frozenset[int] = frozenset()
    borrowed: bool = False  # the type is the detector's or the verifier's, not the trigger's lexicon entry
    markers: frozenset[str] = frozenset()  # words marking which occurrence it tells (`group_cues.occurrence_markers`)
    count: int | None = None  # how many occurrences a noun trigger names (`group_cues.occurrence_count`)
    kinds: frozenset[str] = frozenset()  # the kinds a noun names by its noun modifiers (`occurrences.occurrence_kinds`)
    leading: tuple[str, ...] = ()  # the trigger and the words before it (`group_cues.leading_words`)
    occasion_of: int | None = None  # the act a trigger is the occasion of (`group_cues.Cues.occasion_of`)
    landmark: bool = False  # ... as the time it is dated by ("before the summit": it may still point back)
    member: bool = False  # a part of a set ("many of the attacks"; `group_sets.part_of_a_set`)
    # the token index of the act a manner noun qualifies ("burned his ballot in protest"; `group_sets.manner_of_act`)
    manner: int | None = None
    actor_people: frozenset[str] = frozenset()  # the persons each role names (`party_people`) ...
    recipient_people: frozenset[str] = frozenset()  # ... two persons of one country are two sides
    family: str | None = None  # the CAMEO family of the lexicon's reading (`act_family`: "14" protests, "19" fights)


def mention_of(event: Event, cues: Any, ordinal: int, reference: dt.date | None) -> Mention:
    """The `Mention` of an event, given its parse cues (`group.Cues`) and its sentence's number."""
    actors, recipients = party_keys(event.actors), party_keys(event.recipients)
    people, recipient_people = person_keys(event.actors), person_keys(event.recipients)
    if event.type in RECIPROCAL_TYPES:
        actors, recipients = actors | recipients, frozenset()
        people, recipient_people = people | recipient_people, frozenset()
    return Mention(type=event.type, status=event.status, mode=event.mode, sentence=cues.sentence, ordinal=ordinal,
                   stems=cues.stems, definite=cues.definite, nominal=cues.nominal, trigger=cues.trigger.lower(),
                   actors=actors, recipients=recipients, date=event.date, span=date_span(event, reference),
                   location=event.location, arguments=cues.arguments, words=cues.words,
                   clause=cues.clause, dated=cues.dated, placed=cues.placed, token=cues.token, chain=cues.chain,
                   reach=cues.reach, borrowed=cues.borrowed, markers=cues.markers, count=cues.count, kinds=cues.kinds,
                   leading=cues.leading, occasion_of=cues.occasion_of, landmark=cues.landmark, member=cues.member,
                   manner=cues.manner, actor_people=people, recipient_people=recipient_people,
                   family=act_family(event.cameo))


def act_family(cameo: str | None) -> str | None:
    """The family of an act's CAMEO code (its first two digits: "141" and "140" are demonstrations, "182" a beating
    and "190" a fight): the class of act a word names within its PLOVER type, from the lexicon that read it."""
    return cameo[:2] if cameo and len(cameo) >= 2 else None


def party_keys(parties: list[Party]) -> frozenset[str]:
    """The countries a role names: a party without one (an unresolved name) could be anyone."""
    return frozenset(p.country for p in parties if p.country)


def date_span(event: Event, reference: dt.date | None) -> Interval | None:
    """The days an event may have happened on: its date's interval, widened by its date_mod."""
    span = interval(event.date, reference)
    if span is None:
        return None
    if event.date_mod == "BEFORE":
        return Interval(dt.date.min, span.first - dt.timedelta(days=1)) if span.first > dt.date.min else None
    if event.date_mod == "ON_OR_BEFORE":
        return Interval(dt.date.min, span.last)
    if event.date_mod == "AFTER":
        return Interval(span.last + dt.timedelta(days=1), dt.date.max) if span.last < dt.date.max else None
    return span


def same_stem(a: str, b: str) -> bool:
    """True when two lemmas are one word or a verb and its nominalisation ("agree"/"agreement")."""
    if a == b:
        return True
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return shared >= 4 and shared >= min(len(a), len(b)) - 3


def places_clash(type_name: str, first: Location | None, second: Location | None) -> bool:
    """Two places one happening cannot have had: other countries, or sub-country places far apart."""
    if first is None or second is None or first.geonameid == second.geonameid or type_name in PLACELESS_TYPES:
        return False
    if first.country_code and second.country_code and first.country_code != second.country_code:
        return True
    if any((p.feature_code or "").startswith(CONTAINER_FEATURES) for p in (first, second)):
        return False  # a country or province holds the other place
    if None in (first.lat, first.lon, second.lat, second.lon):
        return False
    return _km(first.lat, first.lon, second.lat, second.lon) > SAME_PLACE_KM  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _roles(first: frozenset[str], second: frozenset[str],
           people: tuple[frozenset[str], frozenset[str]]) -> tuple[float, float, float]:
    """(same, clash, one side names nobody) for one role's countries; the same countries with other persons on
    each side (`party_people.other_persons`: "Jindal criticised Obama" / "Obama scolded Jindal") are not the same."""
    if not first or not second:
        return 0.0, 0.0, float(bool(first) != bool(second))
    if first == second:
        return float(not other_persons(*people)), 0.0, 0.0
    return 0.0, float(not (first <= second or second <= first)), 0.0


def pair_features(a: Mention, b: Mention, lead: tuple[int, int] | None = None) -> dict[str, float]:
    """What two mentions of one type share and where they clash, as numbers (`b` is the later one)."""
    same_sentence = a.sentence == b.sentence
    stem = any(same_stem(x, y) for x in a.stems for y in b.stems)
    actors = _roles(a.actors, b.actors, (a.actor_people, b.actor_people))
    if one_participant_named(a.type, a.actors, b.actors):  # a gathering told by one participant (`gatherings`)
        actors = (actors[0], 0.0, actors[2])
    recipients = _roles(a.recipients, b.recipients, (a.recipient_people, b.recipient_people))
    dates_apart = a.span is not None and b.span is not None and (
        a.span.last < b.span.first or b.span.last < a.span.first)
    places_apart = places_clash(a.type, a.location, b.location)
    gap = min(abs(b.ordinal - a.ordinal), MAX_GAP)
    # verbs coordinated under one subject tell one act by its parts, unless they name other parties ("the US
    # sanctioned Russia and expelled Iranian diplomats"), which a parse keeps apart where a chain would not
    coordinated = a.type in TOLD_IN_PARTS and coordinated_in_sentence(a, b) and not (actors[1] or recipients[1])
    tied = same_sentence and (tied_in_sentence(a, b) or coordinated)
    return {
        # one sentence: one act told twice when a trigger hangs on the other; a borrowed type's second reading
        # of the sentence; or two clauses, which on news the model never saw mostly tell two acts
        "tied": float(tied), "borrowed_reading": float(same_sentence and not tied and (a.borrowed or b.borrowed)),
        "other_clause": float(same_sentence and not tied and not (a.borrowed or b.borrowed)),
        "same_stem": float(stem),
        "own_noun": float(same_sentence and stem and a.trigger != b.trigger),
        "same_trigger": float(a.trigger == b.trigger), "definite": float(b.definite and b.nominal),
        "headline_lead": float(lead is not None and (a.sentence, b.sentence) == lead),
        "gap": math.log1p(gap) / math.log1p(MAX_GAP),
        "same_actors": actors[0], "actors_clash": actors[1], "actors_missing": actors[2],
        "same_recipients": recipients[0], "recipients_clash": recipients[1], "recipients_missing": recipients[2],
        # a date or place counts as shared when a sentence writes it: carried from the article date or the
        # story's scene, nearly every pair of an article shares them
        "same_date": float(a.date is not None and a.date == b.date and (a.dated or b.dated)),
        # dates apart clash when both sentences write theirs, places when one does: the rest may be a slip
        "dates_clash": float(dates_apart and a.dated and b.dated),
        "dates_differ": float(dates_apart and not (a.dated and b.dated)),
        "same_place": float(a.location is not None and b.location is not None
                            and a.location.geonameid == b.location.geonameid and (a.placed or b.placed)),
        "places_clash": float(places_apart and (a.placed or b.placed)),
        "places_differ": float(places_apart and not (a.placed or b.placed)),
        "modes_clash": float(bool(a.mode and b.mode and a.mode != b.mode)),
        # in one sentence two phrases overlap when one holds the other ("the hearing of the subcommittee on
        # investigations"), which `tied` already reads: shared names count between sentences only
        "shared_arguments": 0.0 if same_sentence else _overlap(a.arguments, b.arguments),
        "shared_words": 0.0 if same_sentence else _overlap(a.words, b.words),
        # a story retold: the same act by the same actor, or the same act on the same things
        "retold_by_actor": float(stem and actors[0] > 0),
        "same_parties": actors[0] * recipients[0],  # an act between the same two sides ("Peru blames Chile")
        "retold_about": 0.0 if same_sentence else float(stem) * _overlap(a.arguments, b.arguments),
        # other counts or sums around the triggers ("duties on $80 million" / "on $20 million"): other acts, bar the
        # toll of one attack told verb by verb ("killing 23 and injuring 50")
        "amounts_differ": float(amounts_differ(a.arguments, b.arguments) and not coordinated),
        # "had already toured" against "her Monday trip": one tells another occurrence than the other (a veto)
        # ... and so do "two deadly raids" against "the raid on the depot": one of the two, not both
        "other_occurrence": float(other_occurrences(a.markers, b.markers) or counts_differ(a.count, b.count)),
        # "imposed sanctions ... the sanctions": a later sentence's definite noun naming the act again points back
        "refers_back": 0.0 if same_sentence else float(stem and b.definite and b.nominal),
        # "Peru blamed Chile ... Peru blames Chile": the same act between the same two sides, retold
        "retold_between": float(stem) * _same_sides(a, actors[0], recipients[0]),
        # "walked into a skirmish during the raid on the town": an act and the occasion it was told in, two happenings
        # (a veto): a definite occasion names the frame, not the act told inside it again
        "occasion_of_other": float(same_sentence and occasion_in_sentence(a, b)),
        # "many of the car bombings" / "the Easter bombings": a part of a set against a set (a veto);
        # "burned his ballot in protest" / "the protests": a manner noun is no occurrence to retell (a veto)
        "member_of_other": float(_member_and_set(a, b) or _member_and_set(b, a)),
        # "a mortar attack" / "the oilfield attack": nouns naming occurrences of different kinds (a veto)
        "other_kind": float(kinds_differ(a.kinds, b.kinds, a.arguments, b.arguments)),
        "manner_of_act": float(a.manner is not None or b.manner is not None),
        # "Jackson asked him to ..." / "Dr Murray had asked for ...": one act word of two named persons, of one
        # country or not, tells two acts (a veto); a reciprocal type lists every party as actor, so not there. Only
        # actors: a recipient read as a person is as often a country's name ("sanctions on Iraq" / "on Saddam")
        "other_persons": float(a.type not in RECIPROCAL_TYPES and other_persons(a.actor_people, b.actor_people)),
        # a pull quote and the quote in the body: one passage printed twice (`printed_twice`)
        "printed_twice": float(not same_sentence and bool(a.leading) and a.leading == b.leading),
    }


def _same_sides(a: Mention, same_actors: float, same_recipients: float) -> float:
    """1 when two mentions name the same two sides (`_roles`: countries, and persons where both name some): the
    same actors and recipients, or for a reciprocal type (all its parties actors) the same two or more parties."""
    if a.type in RECIPROCAL_TYPES:
        return float(len(a.actors) >= 2 and same_actors > 0)
    return same_actors * same_recipients


def _member_and_set(member: Mention, other: Mention) -> bool:
    """Whether one mention names part of a set ("many of the car bombings") and the other, no part itself, a noun
    that may name a set: a plural or uncounted noun ("the Easter bombings"). A singular noun may be one of the
    part's occurrences ("the bombing"), and a verb may tell one; both are left to the model."""
    return member.member and not other.member and other.nominal and other.count != 1


def clash(features: dict[str, float]) -> bool:
    """Whether a pair cannot be one happening whatever else it shares: dates that cannot overlap, places
    far apart, other modes, parties each side lacks or actors naming persons none in common (`other_persons`: of the
    grouping samples' keyed pairs so named, outside reciprocal types, 1 in 11 is one happening, an aide announcing
    his leader's resignation), an act and the occasion it was told in, a member of a set against a set or a manner
    noun (`group_sets`), nouns of two kinds (`occurrences.kinds_differ`), or markers of two occurrences
    (`other_occurrences`: of the labelled pairs with a word marking another occurrence on one side
    only, none is one happening; as a weight it was outvoted by a shared word).

    Parties do not veto one act told twice in one sentence, where a party mismatch says more about the parse
    than the world: a verb and its own noun ("were arrested ... their arrest"), or one trigger hanging on the
    other (`tied`: "the donors' conference in Oslo, where ministers discussed" read with Geneva's
    country as a party; "failed to attend the meeting ... agreed"). Of the labelled tied pairs with a party
    clash, all 5 (events-gold 4, held out 1) are one happening; of the tied pairs without one, 28 of 30."""
    told_once = features["own_noun"] or features["tied"]
    parties = (features["actors_clash"] or features["recipients_clash"] or features.get("other_persons")) \
        and not told_once
    return bool(features["dates_clash"] or features["places_clash"] or features["modes_clash"] or parties
                or features["other_occurrence"] or features["occasion_of_other"]
                or features["member_of_other"] or features["manner_of_act"] or features.get("other_kind"))


def printed_twice(features: dict[str, float]) -> bool:
    """Whether two mentions are one passage printed twice (the trigger and the six words before it the same: a pull
    quote, a summary box, a quote retold), which tells one happening whatever else the pair model reads: the
    distance between a page's pull quote and its body says nothing, and the model never saw such pairs."""
    return bool(features.get("printed_twice"))


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """The share of the smaller set's words that the other holds too (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


@dataclass(frozen=True)
class PairModel:
    """The shipped pair model: weights per feature, an intercept, and the join threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """The probability that the pair is one happening."""
        z = self.intercept + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def reason(self, features: dict[str, float], probability: float) -> str:
        """Why a pair was joined, for `dateline show`: the features that weighed most for it."""
        pushing = sorted((self.weights[n] * v, n) for n, v in features.items()
                         if v and self.weights.get(n, 0.0) > 0 and n in FEATURE_WORDS)
        words = [FEATURE_WORDS[n] for _, n in reversed(pushing[-3:])]
        return f"same happening (p={probability:.2f}): {', '.join(words) or 'nothing clashes'}"


@lru_cache(maxsize=1)
def load_pair_model() -> PairModel:
    """The shipped pair model (`data/models/same_happening.json`)."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if data.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{MODEL_PATH} was trained on features version {data.get('feature_version')}, "
                         f"the code computes version {FEATURE_VERSION}: retrain with tools/train_same_happening.py")
    return PairModel(weights={k: float(v) for k, v in data["weights"].items()}, intercept=float(data["intercept"]),
                     threshold=float(data["threshold"]))


def comparable(a: Mention, b: Mention) -> bool:
    """Only mentions of one type and one status can be one happening."""
    return a.type == b.type and a.status == b.status
