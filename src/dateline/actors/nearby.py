"""The country of a generic agent from the text around it, before the article's main country.

An agent owned by a possessive pronoun ("Libya offered to hand over two of its nationals",
"Saleh said he has requested his party ...") belongs to the pronoun's antecedent: the subject
of its clause, or else the nearest earlier subject that agrees with it ("his"/"her" a person,
"its" not one), and takes that actor's country.

"Demonstrators", "the government", "police" name no country. A round-up article about
several countries ("The premier of Chad will end the curfew ... The step is
one of many sought by marchers in last week's rallies against the government") places
them by what its own sentence, or else the sentence before, names: the countries of the
named actors and of the places there. Only when that context names no country does the
article's main country stand in (`refs.focus_country`); when the context names several, the
main country is kept if it is one of them, else the nearest one named before the agent.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from dateline.actors.comparisons import comparison_spans, in_a_standard
from dateline.actors.dictionary import ActorDictionary
from dateline.actors.match import is_state
from dateline.actors.mention import after_stance_prefix
from dateline.actors.text import token_key, without_determiner
from dateline.model import Actor, Document
from dateline.spans import first_holding, span_reach
from dateline.syntax import first_conjunct
from dateline.words import word_class, word_set

#: Possessive determiners whose noun belongs to their antecedent.
POSSESSIVE_PRONOUNS = word_set("possessive_pronouns")
#: How far back (characters) a pronoun's antecedent is looked for.
ANTECEDENT_WINDOW = 400
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_mention_start = attrgetter("start")

#: Nouns of a line between states ("the Turkish border"): the state named on one says which side is meant
#: no more than the other, so agents near it are not placed by it.
BORDER_NOUNS = word_set("border_nouns")

#: The sector of news outlets and journalists.
MEDIA_SECTOR = "JRN"
#: Sentences looked at before the agent's own one (the paragraph of a one-sentence-per-line text).
SENTENCES_BACK = 1


@dataclass(frozen=True)
class CountryMention:
    """A country the text names at a character offset, and the words that name it."""

    start: int
    country: str
    text: str
    person: bool = False  # a person's country: no evidence for another person's
    party: bool = False  # named by an actor or on a noun ("the US embassy"): a party of its own, maybe another's victim
    sector: str | None = None  # the sector of the actor that names it (None for a place)


def places_not_people(doc: Document, people: list[Actor]) -> list[Any]:
    """The places of the places stage that are no part of a person's name ("reporter Bill Holland")
    nor a name the parser reads as a person's ("Mary and her little lamb" is not Mary, Turkmenistan)."""
    in_person = _covered_by([(a.start, a.end) for a in people])
    return [p for p in doc.places if not in_person(p.start)
            and not _read_as_person(doc, p.start, p.end)]


def _covered_by(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies in any of the (start, end) spans, by binary search over the spans
    sorted by start and the running maximum of their ends (a scan per place was quadratic on long text)."""
    starts, reach = span_reach(sorted(spans))
    return lambda offset: first_holding(starts, reach, offset) is not None


def _read_as_person(doc: Document, start: int, end: int) -> bool:
    """Whether every token of a place's text is part of a PERSON entity of the parse."""
    span = doc.parsed.char_span(start, end, alignment_mode="expand") if doc.parsed is not None else None
    return span is not None and len(span) > 0 and all(t.ent_type_ == "PERSON" for t in span)


def country_mentions(doc: Document, named: list[Actor], people: list[Actor],
                     lexicon: ActorDictionary) -> list[CountryMention]:
    """Every country the article names, in text order: named (not generic) actors that have a
    real country and places of the places stage outside people's names. Pseudo-countries (IGO,
    NGO) say nothing of where a generic agent belongs, nor does a news outlet ("CNN's reporter
    saw protesters" in Cairo: the outlet says who reports, not where). A country's name modifying a noun
    ("fired on the US embassy") is marked a party, as an actor's is (`_owns_a_thing`). A country named as the
    standard of a comparison ("similar to the rallies in Lima", "modelled on the revolt in Chile") is left out: it
    tells another story (`actors.comparisons`)."""
    starts = {a.start for a in people}
    found = [CountryMention(a.start, a.country, a.text, a.start in starts, True, a.sector) for a in named
             if a.country in lexicon.countries and a.sector != MEDIA_SECTOR and not _stance_object(doc, a.token_start)
             and not _names_a_border(doc, a)]
    for place in places_not_people(doc, people):
        iso3 = place_country(doc, place, lexicon)
        if iso3 and not _stance_object(doc, place.token_start):
            found.append(CountryMention(place.start, iso3, place.text, party=_owns_a_thing(doc, place)))
    standards = comparison_spans(doc.parsed)  # "similar to the rallies in Lima": another story's country
    return sorted((m for m in found if not in_a_standard(m.start, standards)), key=lambda m: m.start)


#: Dependencies of a name that modifies a noun: the name says whose the thing is ("the US embassy").
OWNER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _owns_a_thing(doc: Document, place: Any) -> bool:
    """Whether a country's name modifies a noun ("attacked the US embassy", "a Chinese oil company"): the name
    then says whose the thing is, a party of its own, not where the act happened ("attacked a school in Kabul").
    A town's or a province's name before a noun says where the thing is ("the Kabul hotel", "North Kivu
    province"), so only names of countries (GeoNames `PCL*` features) count."""
    if place.token_end is None or not (place.feature_code or "").startswith("PCL"):
        return False
    head = doc.parsed[place.token_end - 1]
    return head.dep_ in OWNER_DEPS and head.head.pos_ == "NOUN" and head.head.i > head.i


#: The sector of companies.
BUSINESS_SECTOR = "BUS"


def not_companies(mentions: list[CountryMention]) -> list[CountryMention]:
    """The mentions not made by naming a company: where a company is from ("BP", "Toyota") says nothing of whose
    official, force or court acts beside it ("BP ... Interior Secretary Ken Salazar warned"), so a state's agent is
    not placed by it; a company's own agents ("the chief executive") still are."""
    return [m for m in mentions if m.sector != BUSINESS_SECTOR]


def _names_a_border(doc: Document, actor: Actor) -> bool:
    """Whether a country name only says whose border is meant ("near the Iranian frontier", "the Iraq
    border"): agents there may stand on either side of it."""
    if actor.token_end is None:
        return False
    head = doc.parsed[actor.token_end - 1]
    return head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in BORDER_NOUNS


def place_country(doc: Document, place: Any, lexicon: ActorDictionary) -> str | None:
    """The ISO-3 country of a place of the places stage: its gazetteer country, else, for a place the
    gazetteer left unresolved ("Moslem forces in east Bosnia"), the state the actors dictionary names by
    the place's own words ("Bosnia" -> BIH), never a country guessed from elsewhere."""
    if place.country_code:
        return lexicon.iso2.get(place.country_code)
    key = tuple(k for k in (token_key(w) for w in without_determiner(place.text).split()) if k)
    entries = lexicon.phrases.get(key)
    if not entries:
        return None
    resolution = lexicon.resolve(entries, doc.article.date)
    return resolution.country if is_state(resolution, lexicon) else None


def _stance_object(doc: Document, token_start: int | None) -> bool:
    """Whether a name is written after "anti-"/"pro-" ("an anti-Syria journalist" in Beirut): what
    someone is for or against says nothing of where the agents around it belong."""
    return token_start is not None and after_stance_prefix(doc.parsed, token_start)


def context_country(doc: Document, token_start: int, mentions: list[CountryMention],
                    focus: str | None) -> CountryMention | None:
    """The country the sentence of token `token_start` (else the one before it) names for an
    agent there; None if neither names one."""
    sentence = doc.parsed[token_start].sent
    at = doc.parsed[token_start].idx
    for sent in _sentences_back(doc, sentence):
        # `mentions` are in text order: bisection keeps this linear in the article's length
        first = bisect_left(mentions, sent.start_char, key=_mention_start)
        here = mentions[first:bisect_left(mentions, sent.end_char, lo=first, key=_mention_start)]
        if here:
            chosen = _choose(here, at, focus)
            return None if _one_of_a_list(doc, chosen, here, focus) else chosen
    return None


#: Distinct countries one coordination names from which it is a list of states ("confirmed in Ireland, Germany,
#: Italy and Denmark"), not the place of one party.
LIST_OF_STATES = 3


def _one_of_a_list(doc: Document, chosen: CountryMention, here: list[CountryMention], focus: str | None) -> bool:
    """Whether the country chosen for an agent is one of `LIST_OF_STATES` or more countries coordinated with each
    other, the main country not among them: "Infections were reported in Ireland, Germany, Italy and Denmark.
    The mayor's office is negotiating with central government" says nothing of whose government, and the last one
    listed (Denmark) was no better a guess than the article's main country, which then stands in. Countries named
    apart ("an Argentine judge ... arms sales to Croatia and Ecuador") are no list."""
    members = _coordinated(doc.parsed[_mention_token(doc, chosen)])
    listed = {m.country for m in here if _mention_token(doc, m) in members}
    return len(listed) >= LIST_OF_STATES and focus not in listed


def _mention_token(doc: Document, mention: CountryMention) -> int:
    """The index of the token a country mention's last word is."""
    return doc.parsed.char_span(mention.start, mention.start + len(mention.text), alignment_mode="expand").root.i


def _coordinated(token: Any) -> set[int]:
    """The token indices of the coordination `token` belongs to: the first conjunct and every conjunct below it
    ("Ireland, Germany, Italy and Denmark"); `token` alone when it is coordinated with nothing."""
    first = first_conjunct(token)
    found, stack = {first.i}, [first]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                found.add(child.i)
                stack.append(child)
    return found


def _sentences_back(doc: Document, sentence: Any) -> list[Any]:
    """The agent's sentence, then up to SENTENCES_BACK sentences before it."""
    out = [sentence]
    first = sentence.start
    for _ in range(SENTENCES_BACK):
        if first == 0:
            break
        previous = doc.parsed[first - 1].sent
        out.append(previous)
        first = previous.start
    return out


def _choose(here: list[CountryMention], at: int, focus: str | None) -> CountryMention:
    """One country of a context: the only one, the main country if named there, else the
    nearest named before the agent (or the first after it)."""
    countries = {m.country for m in here}
    if len(countries) == 1:
        return here[0]
    if focus in countries:
        return next(m for m in here if m.country == focus)
    before = [m for m in here if m.start < at]
    return before[-1] if before else here[0]


#: Dependencies of a verb's arguments other than its subject: the other parties of its act.
OTHER_PARTY_DEPS = frozenset({"dobj", "dative", "nsubjpass", "attr", "oprd", "prep", "ccomp", "xcomp"})


def other_party_spans(doc: Document, actor: Actor) -> list[tuple[int, int]]:
    """Character spans of the other arguments of the act a generic agent does ("Gunmen killed two French
    tourists", "troops fired on Palestinian protesters", "tourists were killed by gunmen"): a party the
    act is done to or with is someone else, and its nationality says nothing of the agent's. Empty when
    the agent is not the subject (or the "by" agent) of a verb."""
    if actor.token_end is None:
        return []
    head = doc.parsed[actor.token_end - 1]
    verb = verb_done_by(head)
    if verb is None:
        return []
    spans = []
    for child in verb.children:
        if child.dep_ in OTHER_PARTY_DEPS and not (child.left_edge.i <= head.i <= child.right_edge.i):
            spans.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
    return spans


def verb_done_by(head: Any) -> Any | None:
    """The verb whose subject, or whose passive "by" agent, is the token `head`."""
    if head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.pos_ == "VERB":
        return head.head.head
    return None


def not_other_parties(mentions: list[CountryMention], spans: list[tuple[int, int]]) -> list[CountryMention]:
    """The mentions except the actors (not places) named within the other parties' spans."""
    return [m for m in mentions if not (m.party and any(start <= m.start < end for start, end in spans))]


#: Participles of "<country>-backed" modifiers (lemmas): the country helps the agents, it is not theirs.
BACKING_PARTICIPLES = word_class("participles", "backer")
#: Participles of "<country>-led" modifiers (lemmas): the agents are the country's.
LEADING_PARTICIPLES = word_class("participles", "leader")


def participle_spans(doc: Document, actor: Actor, participles: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the "<country>-backed" (or "-led") modifiers of a generic agent's head noun
    ("Iranian-backed militias"), for participles of the given class."""
    if actor.token_end is None:
        return []
    head = doc.parsed[actor.token_end - 1]
    spans = []
    for child in head.children:
        if child.i < head.i and child.dep_ == "amod" and child.lemma_.lower() in participles:
            first = child.left_edge
            spans.append((first.idx, child.idx + len(child.text)))
    return spans


def backer_spans(doc: Document, actor: Actor) -> list[tuple[int, int]]:
    """Spans of "<country>-backed" modifiers: countries named there back the agents and do not place them."""
    return participle_spans(doc, actor, BACKING_PARTICIPLES)


def leader_spans(doc: Document, actor: Actor) -> list[tuple[int, int]]:
    """Spans of "<country>-led" modifiers: the country named there is the agents' own."""
    return participle_spans(doc, actor, LEADING_PARTICIPLES)


def others_sponsor_spans(doc: Document, actor: Actor) -> list[tuple[int, int]]:
    """Spans of the "<country>-led" and "<country>-backed" modifiers, in the agent's sentence, of nouns other than
    the agent's own ("US-led forces killed 12 civilians", "Russian-backed rebels shelled the villagers"): the
    country named there leads or backs the other party and says nothing of where the agent belongs."""
    if actor.token_end is None:
        return []
    head = doc.parsed[actor.token_end - 1]
    return [(child.left_edge.idx, child.idx + len(child.text)) for child in head.sent
            if child.dep_ == "amod" and child.head.i != head.i and child.left_edge.i < child.i
            and child.lemma_.lower() in BACKING_PARTICIPLES | LEADING_PARTICIPLES]


def outside(mentions: list[CountryMention], spans: list[tuple[int, int]]) -> list[CountryMention]:
    """The mentions that lie in none of the spans."""
    return [m for m in mentions if not any(start <= m.start < end for start, end in spans)]


def owner(doc: Document, head_token: int, actors: list[Actor], people: set[int]) -> Actor | None:
    """The actor a possessive pronoun on token `head_token` refers to ("its nationals" -> Libya),
    among `actors` that have a country; `people` holds the starts of those that name a person."""
    head = doc.parsed[head_token]
    pronoun = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
    if pronoun is None:
        return None
    by_token = {i: a for a in actors if a.token_start is not None for i in range(a.token_start, a.token_end or 0)}
    subject = _clause_subject(head)
    if subject is not None and subject.i < pronoun.i and subject.i not in range(head.left_edge.i, head.i + 1):
        found = by_token.get(subject.i)
        if found is not None:
            return found if _agrees(pronoun, found, people) else None
        if subject.pos_ != "PRON":
            return None  # the clause's subject is someone the dictionary does not know
        pronoun = subject  # "he has requested his party": who "he" is
    return _earlier_subject(doc, pronoun, actors, people)


def _clause_subject(token: Any) -> Any | None:
    """The subject of the nearest clause above a token."""
    current = token
    while current.head.i != current.i:
        current = current.head
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and current.pos_ in ("VERB", "AUX"):
            return subject
    return None


def _earlier_subject(doc: Document, pronoun: Any, actors: list[Actor], people: set[int]) -> Actor | None:
    """The nearest actor before a pronoun that is a clause subject and agrees with it."""
    for actor in sorted(actors, key=lambda a: -a.start):
        if actor.start >= pronoun.idx or actor.start < pronoun.idx - ANTECEDENT_WINDOW or actor.token_end is None:
            continue
        if doc.parsed[actor.token_end - 1].dep_ in SUBJECT_DEPS and _agrees(pronoun, actor, people):
            return actor
    return None


def _agrees(pronoun: Any, actor: Actor, people: set[int]) -> bool:
    """"his"/"he" is a person; "its"/"it", "their"/"they" are not (news writes no singular "they")."""
    if pronoun.lower_ in ("his", "her", "he", "she"):
        return actor.start in people
    return actor.start not in people
