"""In-article reference resolution for the actors stage.

News names someone in full once and then shortens: "Bashar al Assad" becomes "Assad",
"a Turkish official" becomes "the official", "the Syrian regime" becomes "the regime".
This module runs reference resolution in order: people's names (`dateline.actors.people`),
the bodies and owners generic agents belong to, later (or, for generics, earlier) mentions
linked to the explicit one (`dateline.actors.antecedents`), and the remaining generic agents
placed by the text around them (`dateline.actors.nearby`) or, failing that, by the article's
focus country when one country clearly dominates the places the article mentions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import Any

from dateline.actors.acronyms import acronym_mentions
from dateline.actors.antecedents import link_generic_agents, title_mentions
from dateline.actors.asked_clauses import asked_clause_spans
from dateline.actors.candidate import Candidate, adopt, set_country
from dateline.actors.counterparts import counterpart_mentions
from dateline.actors.dictionary import ActorDictionary
from dateline.actors.mention import after_stance_prefix
from dateline.actors.nearby import (
    MEDIA_SECTOR,
    backer_spans,
    context_country,
    country_mentions,
    leader_spans,
    not_companies,
    not_other_parties,
    other_party_spans,
    others_sponsor_spans,
    outside,
    owner,
    place_country,
    places_not_people,
)
from dateline.actors.people import (
    described_by_apposition,
    employed_by_possessor,
    employed_by_title,
    link_short_names,
    link_titled_short_names,
    local_story_country,
    office_holders_by_name,
    people_named_like_places,
    person_of_country,
    placed_short_names,
    unknown_people,
    unlisted_people,
)
from dateline.model import Actor, Document
from dateline.syntax import definite_body_sectors
from dateline.words import word_class, word_set

__all__ = ["Candidate", "resolve_references"]


def resolve_references(candidates: list[Candidate], doc: Document, keys: list[str],
                       lexicon: ActorDictionary) -> list[Actor]:
    """Apply name coreference, agent coreference and the focus country; return the actors."""
    link_short_names(candidates)
    unknown = unknown_people(candidates, doc, keys)
    surnames = people_named_like_places(sorted([*candidates, *unknown], key=lambda c: c.actor.start), keys)
    office_holders_by_name(unknown, doc, keys, lexicon)
    join_their_organisation(candidates, doc)
    link_definite_bodies(candidates, doc)
    led_by_country(candidates, doc)
    person_of_country(candidates, doc)
    locate_generic_agents(candidates, doc, lexicon)
    join_their_owner(candidates, doc)
    link_generic_agents(candidates, title_mentions(candidates, keys, doc),
                        sentence_names_one_country(doc, candidates, lexicon))
    focus = focus_country(doc, candidates, lexicon)
    place_by_context(candidates, doc, lexicon, focus)
    link_titled_short_names(candidates)
    described_by_apposition(unknown, candidates, doc)
    employed_by_possessor(unknown, candidates, doc)
    employed_by_title(unknown, candidates, doc)
    placed_short_names(unknown)
    bodies = [c.actor for c in candidates if not (c.person or c.generic) and c.actor.sector != MEDIA_SECTOR]
    home = local_story_country(doc, lexicon, [c.actor for c in [*candidates, *unknown] if c.person], bodies)
    for cand in unknown:
        if cand.actor.country is None and home:
            set_country(cand.actor, home, "every place (short of two, every place and body) the article names is in")
    for cand, person in surnames:  # "Eason Jordan ... Jordan said": placed as the person finally is
        if person.unknown and cand.actor.country != person.actor.country:
            adopt(cand.actor, person.actor)
    candidates = sorted([*candidates, *unknown], key=lambda c: c.actor.start)
    extra = unlisted_people(candidates, doc, keys)
    taken = {a.start for a in extra}
    extra += [a for a in acronym_mentions(candidates, doc) if a.start not in taken]  # "... (PSC) ... the PSC"
    actors = [c.actor for c in candidates] + extra
    return sorted(actors, key=lambda a: a.start)


def sentence_names_one_country(doc: Document, candidates: list[Candidate],
                               lexicon: ActorDictionary) -> Callable[[Candidate], bool]:
    """A test of whether a candidate's own sentence names one country and no other (a named actor's or a place's,
    as `place_by_context` reads them): such an agent is placed by its sentence before a later mention. A sentence
    naming several ("officials in Kenya and Ethiopia said the rebels were gaining ground") leaves the choice to
    the later mention with the agent's noun ("three Somali rebels were killed")."""
    mentions = country_mentions(doc, [c.actor for c in candidates if not c.generic],
                                [c.actor for c in candidates if c.person], lexicon)
    starts = [s.start_char for s in doc.parsed.sents] if doc.parsed is not None else []
    named: dict[int, set[str]] = {}
    for mention in mentions:
        named.setdefault(bisect_right(starts, mention.start), set()).add(mention.country)
    return lambda cand: len(named.get(bisect_right(starts, cand.actor.start), ())) == 1


#: Role nouns that belong to the body named after them ("leaders of the opposition coalition").
MEMBER_HEADS = word_set("member_heads")


def join_their_organisation(candidates: list[Candidate], doc: Document) -> None:
    """"Leaders of the Azadliq opposition coalition" are the coalition's (OPP), "a spokesman
    for the rebels" the rebels': a bare role noun takes the country and sector of its body.
    Any other generic agent of a body ("the chief executive of the German chambers", "the
    ambassador of Iran") takes the body's country and keeps its own sector."""
    by_token = {i: cand for cand in candidates if cand.actor.token_start is not None
                for i in range(cand.actor.token_start, cand.actor.token_end or 0)}
    for cand in candidates:
        if not cand.generic or cand.actor.token_end is None or cand.actor.country:
            continue
        body = body_of(doc.parsed[cand.actor.token_end - 1], by_token)
        if body is None or body is cand or not (body.actor.country or body.actor.sector):
            continue
        if cand.head in MEMBER_HEADS:
            adopt(cand.actor, body.actor)
            cand.generic = body.generic
        elif body.actor.country:
            set_country(cand.actor, body.actor.country, f"of {body.actor.text!r}")


#: How far back (characters) the body a definite noun stands for is looked for.
DEFINITE_BODY_WINDOW = 600


def link_definite_bodies(candidates: list[Candidate], doc: Document) -> None:
    """"BP ... a commission criticising the oil company's contractors": a generic body noun of
    `definite_bodies` after "the"/"this", with no "of" phrase saying whose, is the nearest named mention
    before it (within `DEFINITE_BODY_WINDOW` characters) of a sector such a body has, not an agent of
    whichever country is named near it ("the company" was American by a nearby "US"). Run before the
    generic agents are placed by context; none close: left to them."""
    named: list[Candidate] = []
    placed = {t for p in doc.places if p.token_start is not None for t in range(p.token_start, p.token_end or 0)}
    placed |= {t for c in candidates if not c.generic for t in range(c.actor.token_start or 0, c.actor.token_end or 0)}
    for cand in candidates:
        if not cand.generic:
            if cand.actor.country and not cand.person and _a_name(cand, doc):
                named.append(cand)
            continue
        sectors = _definite_body_sectors(cand, doc, placed)
        if not sectors:
            continue
        body = next((c for c in reversed(named) if c.actor.sector in sectors
                     and c.actor.end >= cand.actor.start - DEFINITE_BODY_WINDOW), None)
        if body is not None:
            adopt(cand.actor, body.actor)
            cand.actor.entry = f"{cand.actor.text!r} -> the nearest earlier body it can be: {cand.actor.entry}"
            cand.generic = False


def _a_name(cand: Candidate, doc: Document) -> bool:
    """Whether a mention can be a body named before: not a common noun placed only by a people's adjective ("the
    Sudanese and Algerian uprisings", "Syrian rebels"), which names no one body: "the opposition movement" is no
    coreference of another state's uprisings named before it."""
    if cand.actor.token_end is None:
        return True
    head = doc.parsed[cand.actor.token_end - 1]
    if head.pos_ == "ADJ":
        return False  # "the Sudanese [and Algerian uprisings]": the adjective read as a mention of its own
    return head.pos_ != "NOUN" or not any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in head.children)


#: Sectors of a state's own bodies: "the ruling coalition" is a government, not a group named before.
STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def _definite_body_sectors(cand: Candidate, doc: Document, placed: set[int]) -> frozenset[str]:
    """The sectors a generic mention can stand for as a definite body noun, or none: not when its own words
    say whose or where it is or name it ("the company of ...", "Egypt's group", "the UK-based company", "the
    Kurdish YPG militia": `placed` holds the tokens of places and other mentions), nor when it names a state
    body, several bodies, or is the title of a name after it ("the drone company Ascenta")."""
    if cand.actor.token_end is None or cand.actor.sector in STATE_BODY_SECTORS:
        return frozenset()
    head = doc.parsed[cand.actor.token_end - 1]
    sectors = definite_body_sectors(head)  # after "the"/"this", no "of" phrase (dateline.syntax)
    whose = any(c.dep_ == "poss" for c in head.children)
    named_here = any(t.i in placed or t.pos_ == "PROPN" for t in doc.parsed[head.left_edge.i:head.i])
    titled = head.dep_ == "compound" or (head.i + 1 < len(doc.parsed) and doc.parsed[head.i + 1].pos_ == "PROPN")
    one = head.tag_ == "NN"  # "the drone companies" are no one body named before
    return sectors if one and not (whose or named_here or titled) else frozenset()


def body_of(head: Any, by_token: dict[int, Candidate]) -> Candidate | None:
    """The mention inside an "of"/"for" phrase on a role noun: the body the role belongs to."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            body = next((by_token[t.i] for g in objects for t in [g, *g.subtree] if t.i in by_token), None)
            if body is not None:
                return body
    return None


def led_by_country(candidates: list[Candidate], doc: Document) -> None:
    """"US-led forces", "the Saudi-led coalition": a generic agent led by a country is that country's,
    wherever the sentence puts it ("US-led forces in Iraq")."""
    by_start = {c.actor.start: c for c in candidates if c.actor.country and not c.generic and not c.person}
    for cand in candidates:
        if not cand.generic or cand.actor.country:
            continue
        for start, end in leader_spans(doc, cand.actor):
            leader = next((c for at, c in by_start.items() if start <= at < end), None)
            if leader is not None and leader.actor.country:
                set_country(cand.actor, leader.actor.country, f"led by {leader.actor.text!r}")
                break


#: Prepositions that tie a generic agent to its country: "security forces in Guinea",
#: "rebels in Idlib province", "refugees from Syria".
AGENT_PLACE_PREPOSITIONS = word_class("prepositions", "agent-place")


def locate_generic_agents(candidates: list[Candidate], doc: Document, lexicon: ActorDictionary) -> None:
    """A generic agent (or an ethnic group) placed by a preposition takes the country of that place.

    The place comes from the places stage (`doc.places`) or from a country actor.
    """
    countries = {}
    for place in doc.places:
        iso3 = place_country(doc, place, lexicon)
        if iso3 and place.token_start is not None and not after_stance_prefix(doc.parsed, place.token_start):
            for i in range(place.token_start, place.token_end or place.token_start + 1):
                countries[i] = (iso3, place.text)
    for cand in candidates:
        if cand.actor.country in lexicon.countries and cand.actor.token_start is not None and \
                not after_stance_prefix(doc.parsed, cand.actor.token_start):  # "anti-Syria journalist"
            for i in range(cand.actor.token_start, cand.actor.token_end or 0):
                countries.setdefault(i, (cand.actor.country, cand.actor.text))
    for cand in candidates:
        if cand.actor.token_end is None or not (
                ((cand.generic or cand.regional) and not cand.actor.country) or ethnic_group(doc.parsed, cand.actor)):
            continue
        found = place_after(doc.parsed[cand.actor.token_end - 1], countries)
        if found:
            set_country(cand.actor, found[0], f"located in {found[1]!r}")
        elif cand.generic and cand.actor.token_start and cand.actor.token_start - 1 in countries:
            iso3, text = countries[cand.actor.token_start - 1]  # "Laguna Mayor X", "Saskatoon police"
            set_country(cand.actor, iso3, f"of {text!r}")


def ethnic_group(tokens: Any, actor: Actor) -> bool:
    """"ethnic Albanians in Serbia": an ethnic group is coded by the country it lives in, as
    CAMEO codes minorities, when a place follows; its demonym only says who they are."""
    start = actor.token_start
    return bool(start) and tokens[start - 1].lower_ == "ethnic" and actor.sector in ("CVL", "REB", None)


def place_after(head: Any, countries: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    """The country of the place in a prepositional phrase on `head`, if any."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in AGENT_PLACE_PREPOSITIONS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                for token in obj.subtree:
                    if token.i in countries:
                        return countries[token.i]
    return None


def join_their_owner(candidates: list[Candidate], doc: Document) -> None:
    """"Libya ... two of its nationals", "he sacked his government": a generic agent owned by a
    possessive pronoun takes the country of the pronoun's antecedent (see `nearby.owner`)."""
    known = [c.actor for c in candidates if c.actor.country]
    people = {c.actor.start for c in candidates if c.person}
    for cand in candidates:
        if cand.generic and cand.actor.country is None and cand.actor.token_end is not None:
            found = owner(doc, cand.actor.token_end - 1, known, people)
            if found is not None and found.country:
                set_country(cand.actor, found.country, f"owned by {found.text!r}")


def place_by_context(candidates: list[Candidate], doc: Document, lexicon: ActorDictionary,
                     focus: str | None) -> None:
    """Generic agents, and named groups the dictionary places only in a region, still without a
    country take the one their own sentence (or the one before) names, else the article's focus
    country (see `dateline.actors.nearby`)."""
    mentions = country_mentions(doc, [c.actor for c in candidates if not c.generic],
                                [c.actor for c in candidates if c.person], lexicon)
    for cand in candidates:
        if not (cand.generic or cand.regional) or cand.actor.country is not None or cand.actor.token_start is None:
            continue
        # "Iranian-backed militias" are not Iran's, nor are civilians American because "US-led forces" killed them
        backers = backer_spans(doc, cand.actor) + others_sponsor_spans(doc, cand.actor)
        # nor is a gunman French for the French tourists he shot ("named" parties only: places still place)
        # nor are lawmakers Libyan for demanding that the cabinet close the embassy in Libya (`asked_clauses`)
        asked = asked_clause_spans(doc, cand.actor)
        pool = outside(not_other_parties(mentions, other_party_spans(doc, cand.actor)), backers + asked)
        if cand.actor.sector in STATE_BODY_SECTORS:  # a company's home places no state's official or force
            pool = not_companies(pool)
        # nor is a minister Japanese for criticising Japan: the state an act is done to is the agent's counterpart
        countered = {m.country for m in counterpart_mentions(doc, cand.actor, mentions)}
        pool = [m for m in pool if m.country not in countered]
        others = [m for m in pool if not m.person]
        # "de Klerk met President Mitterrand in Paris": a place or a body says more of a titled person's
        # country than another person does; failing those, people named together are often compatriots
        nearby = (context_country(doc, cand.actor.token_start, others, focus) if cand.person else None) \
            or context_country(doc, cand.actor.token_start, pool, focus)
        backing = {m.country for m in mentions if any(start <= m.start < end for start, end in backers)}
        if nearby is not None:
            set_country(cand.actor, nearby.country, f"named nearby: {nearby.text!r}")
        elif focus and focus not in backing and focus not in countered:
            set_country(cand.actor, focus, "article focus country")


def focus_country(doc: Document, candidates: list[Candidate], lexicon: ActorDictionary) -> str | None:
    """The country the article is about, if one clearly leads.

    Counted over resolved places (where things happen); when the places stage found
    none, over the countries of the named actors other than news outlets (who report).
    """
    counts: Counter[str] = Counter(
        iso3 for iso3 in (lexicon.iso2.get(p.country_code or "") for p in places_not_people(doc, [])) if iso3)
    if not counts:
        counts.update(c.actor.country for c in candidates
                      if not c.generic and c.actor.country in lexicon.countries and c.actor.sector != MEDIA_SECTOR)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
