"""Where an unnamed crowd protested, so whose people protested: the places a protest's own words put it in.

Read by `targets.implicit_protesters` ("the first day of demonstrations in Egypt" was made by Egypt's people, as
ICEWS and PLOVER code an unnamed crowd). A place counts when it is in the protest's own phrase; on the verb the
protest is the subject of, active or passive ("protests erupted in Lagos", "rallies were held across Kenya"), also
when the protest is counted ("dozens of rallies took place around Peru"); on the noun it is "of"; in a relative
clause whose subject is the protest ("which spread to Algeria"); right after the protest's phrase on a noun higher
up; as the object of a verb of unrest sweeping a place (`overrun_verbs`: "protests rocked Tunisia", "the unrest
that swept Kenya"); as the subject of a verb whose subject is a scene (`scene_verbs`: "Cairo witnessed protests");
or "there" for the place named last. A protest that names no protester, no place and no other country in its
sentence ("Friday's rallies", "the demonstrations went on") is the crowd of the country the story is set in
(`story_protesters`), as a reader takes it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from dateline.events.act_places import LOCATION_PREPS, iso3_codes, location_heads, place_party
from dateline.events.index import ArticleIndex, sentences_back
from dateline.events.parties import with_conjuncts
from dateline.events.parties_syntax import RELATIVE_PRONOUNS
from dateline.model import Document, Party
from dateline.words import word_set

#: Pseudo-countries that have no people of their own to protest and no government to protest to.
NON_STATE_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "WST", "UNO", "EUR"})
#: The sector of a country's people.
PEOPLE = "CVL"
#: Verbs of unrest whose object is the place it swept ("protests rocked Tunisia").
OVERRUN_VERBS = word_set("overrun_verbs")
#: Verbs whose subject is the place where their object happened ("the city witnessed protests").
SCENE_VERBS = word_set("scene_verbs")
#: The share of an article's country places its leading country needs to be the story's own: a round-up of
#: several countries' unrest ("protests in Sudan, Syria, Egypt and Yemen") has none.
STORY_SHARE = 0.4
#: Dependencies of a clause's subject, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def placed_protesters(doc: Document, trigger: Any) -> list[Party]:
    """The people of each country named as where a protest happened (the places the module's notes list): in the
    protest's own phrase, on the verb it (or what counts it) is the subject of, on the noun it is "of" ("the first
    day of demonstrations in Egypt", where the parser hangs the place on "day"), in a relative clause whose subject
    is the protest (`_own_clauses`: "which spread to Algeria"), swept by it (`_swept_places`), as the scene that saw
    it, or right after the protest's phrase on a noun higher up (`_place_hung_above`)."""
    heads = location_heads(trigger)
    counted = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger
    for subject in {trigger.i: trigger, counted.i: counted}.values():
        if subject.dep_ in SUBJECT_DEPS:  # "protests erupted in Lagos", "dozens of rallies were held across Peru"
            heads += location_heads(subject.head) + _swept_places(subject.head)
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
        heads += location_heads(trigger.head.head)  # "the first day of rallies Friday in Peru"
    for clause in _own_clauses(trigger):  # "which have caught on to various extents in Algeria": one phrase down too
        heads += [h for holder in [clause, *_prep_objects(clause)] for h in location_heads(holder)]
        heads += _swept_places(clause)  # "protests that rocked Tunisia"
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in SCENE_VERBS:  # "Cairo witnessed protests"
        heads += [c for c in trigger.head.children if c.dep_ == "nsubj"]
    heads += _place_hung_above(trigger)
    out: list[Party] = []
    for head in heads:
        for place in with_conjuncts(head):
            party = place_party(doc, place)
            if party is not None and party.country not in NON_STATE_COUNTRIES and \
                    all(p.country != party.country for p in out):
                out.append(replace(party, name=f"protesters in {party.text or party.name}", sector=PEOPLE))
    there = None if out else _there_country(doc, trigger)
    if there is not None and there.country not in NON_STATE_COUNTRIES:
        out.append(replace(there, name=f"protesters in {there.text or there.name}", sector=PEOPLE,
                           entry=f"'there' -> {there.text!r} at {there.start} (the last place named before it): "
                                 f"{there.entry}"))
    return out


def _swept_places(verb: Any) -> list[Any]:
    """The object of a verb of unrest sweeping a place ("rocked Tunisia", "swept the capital"): where it was."""
    if verb.lemma_.lower() not in OVERRUN_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


def _own_clauses(trigger: Any) -> list[Any]:
    """"The protests, which have spread to Algeria", "demonstrations that broke out in Cairo": the relative
    clauses whose subject is the protest itself say where it happened (not "protests that the police broke up
    in Cairo": a clause with a subject of its own tells what someone else did)."""
    return [c for c in trigger.children if c.dep_ == "relcl" and any(
        s.dep_ == "nsubj" and s.lower_ in RELATIVE_PRONOUNS for s in c.children)]


def _prep_objects(token: Any) -> list[Any]:
    return [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def _place_hung_above(trigger: Any) -> list[Any]:
    """"the police response to the first day of rallies Friday in Peru", "the crackdown on protests in Hong
    Kong": a place phrase written right after a protest's own phrase (at most a date between) that the parser
    hangs on a noun the protest is the object of, however high up the chain of prepositions, says where the
    protest was; a place phrase after other words ("reaction to protests by students in a statement in Cairo")
    is that noun's own."""
    end = trigger.right_edge.i
    while end + 1 < len(trigger.doc) and trigger.doc[end + 1].ent_type_ in ("DATE", "TIME"):
        end += 1  # "rallies Friday in Peru"
    heads: list[Any] = []
    noun = trigger
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
        heads += [g for prep in noun.children if prep.dep_ == "prep" and prep.i == end + 1
                  and prep.lower_ in LOCATION_PREPS for g in prep.children if g.dep_ == "pobj"]
    return heads


def _there_country(doc: Document, trigger: Any) -> Party | None:
    """"King Abdullah of Jordan sacked his government in the face of protests there": "there" on a trigger (or on
    the verb it is the subject of) stands for the last place named before it, in its sentence or the one
    before, when that place says a country as `place_party` reads one ("in Egypt", "in Cairo"); else nobody."""
    holders = [trigger, trigger.head] if trigger.dep_ == "nsubj" else [trigger]
    there = next((c for h in holders for c in h.children if c.dep_ == "advmod" and c.lower_ == "there"), None)
    if there is None:
        return None
    first = sentences_back(trigger, 1).start
    named = [p for p in ArticleIndex.of(doc).places_in_tokens(first, there.i) if p.end <= there.idx]
    if not named:
        return None
    last = max(named, key=lambda p: p.start)
    return place_party(doc, doc.parsed.char_span(last.start, last.end, alignment_mode="expand").root)




def story_country(doc: Document, share: float = 0.0) -> str | None:
    """ISO-3 code of the country most of the article's places are in (None on a tie, or when it holds less than
    `share` of the places that name a country)."""
    counts = Counter(c for c in (iso3_codes().get(p.country_code or "") for p in doc.places) if c)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]) or ranked[0][1] < share * counts.total():
        return None
    return ranked[0][0]


def story_protesters(doc: Document, trigger: Any) -> list[Party]:
    """"Shops in the capital stayed shut ahead of Friday's rallies": a protest noun with no one named as making
    it (no possessive other than a day, no "by" or "of" phrase) in a sentence that names no country but the one
    the story is set in (`story_country`: `STORY_SHARE` of its places or more, one outside this sentence) was made
    by that country's people; a sentence naming another country ("in Myanmar during 2007 protests") may place it
    there, and is left alone."""
    if trigger.pos_ != "NOUN" or any(_names_a_maker(c) for c in trigger.children):
        return []
    country = story_country(doc, STORY_SHARE)
    sentence = trigger.sent
    if country is None or country in NON_STATE_COUNTRIES or not any(
            iso3_codes().get(p.country_code or "") == country and not sentence.start_char <= p.start < sentence.end_char
            for p in doc.places):
        return []  # a country only this sentence places is no story's
    index = ArticleIndex.of(doc)
    named = {iso3_codes().get(p.country_code or "") for p in index.places_in_tokens(sentence.start, sentence.end)}
    named |= {a.country for a in index.actors_starting_between(sentence.start_char, sentence.end_char - 1)
              if a.country}
    if named - {country, None}:
        return []
    return [Party(name=f"protesters of {country}", country=country, sector=PEOPLE,
                  entry=f"unnamed protesters, no place or other country in their sentence: the people of the "
                        f"story's country ({country}, where most of its places are)")]


def _names_a_maker(child: Any) -> bool:
    """"the students' protests", "protests by workers", "a protest of farmers": someone is named as making it (a day
    or date as the possessive, "Friday's rallies", names no one)."""
    if child.dep_ == "poss":
        return child.ent_type_ not in ("DATE", "TIME")
    return child.dep_ == "prep" and child.lower_ in ("by", "of")
