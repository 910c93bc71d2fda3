"""Whether the article's dateline town can be where an act was done: the reporter's town is a guess, and the act's own
sentence or parties may say the act was done elsewhere.

`events.locate` places a statement or decision that states no place of its own at the dateline town, and a physical act
there before the story has moved away, because a domestic official's words reported from his town were said there
("TACLOBAN CITY, Leyte -- Mayor Reyes praised ..."). The dateline says only where the reporter was, so the guess is
dropped (no dot is better than another town's) when

- the act's own sentence names a town or an area finer than a country outside the town's first-level area
  (`story_moves.moved_away`, the test the scene passes too): "Washington state officials said on Saturday ..." under a
  WASHINGTON dateline; "a meeting in New Orleans ... at the request of the health department" filed from ATLANTA; a
  place named as where someone came from does not count for a physical act ("a day after arriving from Chicago");
- for words (a statement or decision), a party is a person or body the actor dictionary names for its state ("President
  Barack Obama", "the Environmental Protection Agency") and the town is not the state's capital: such a party speaks
  from its seat, not from the town a reporter covering a spill files from ("VENICE, Louisiana -- ... Obama ... tapped
  a commission to probe the spill"). A generic agent ("city officials", "the mayor") or a country's own entry says
  nothing of where it spoke, and in the capital its national bodies are at home ("CAIRO -- Mubarak announced");
- the act's own clause puts it in or at an open place no town holds (`open_place`: "Shrimpers were barred from
  trawling in the waters near the leaking well", filed from HOUSTON);
- the sentence before tells a journey that ended in another town (`journey_away`): "NEW ORLEANS -- A photographer drove
  two hours to Port Fourchon, La., ... was stopped by harbor police. ... the police allowed him 15 minutes": the act
  told next happened where the journey went, or the text does not say; it was not seen in the reporter's town.

Reads the parties' dictionary `entry` (the actors stage's account of how it resolved them) and `doc.places`; imports no
other stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from dateline.events.index import ArticleIndex
from dateline.events.place_links import introducing_word, place_precision, place_token
from dateline.events.story_moves import moved_away
from dateline.model import Document, Place
from dateline.words import word_class, word_set

#: How the actors stage's `entry` names a line of Phoenix's country dictionary that is a person or body of a state: the
#: line's code is the country's three letters and a sector ("BARACK_OBAMA [USAGOV >090120]"); a country's own line
#: has the three letters alone ("EGYPT_ [EGY]"); or a line of dateline's supplement naming a government, army or
#: legislature body or leader of a state ("White House [USAGOV]", "Pentagon [USAMIL]"), not of an international body,
#: an armed group or "the West" (IGO, IMG, WST), nor a broadcaster or a city's police (MED, COP: at home in their town).
STATE_FIGURE = re.compile(r"Countries\.actors\.txt: [^\[]+\[[A-Z]{3}[A-Z]{3}"
                          r"|supplement\.tsv: [^\[]+\[(?!IGO|IMG|WST)[A-Z]{3}(?:GOV|MIL|LEG)")
#: What joins a generic agent to a resolution in an `entry` ("HOSNI_MUBARAK_ [EGYGOV] + supplement.tsv: DEMONSTRATOR"):
#: the party is the agent, not the named figure.
AGENT_JOIN = " + "
#: GeoNames' feature code of a country's capital.
CAPITAL_CODE = "PPLC"
#: Prepositions naming where someone came from ("a day after arriving from Chicago", filed from MANILA).
ORIGIN_PREPS = word_class("prepositions", "origin")
#: Verbs of the subject's own journey ("drove", "flew", "travelled"), and the prepositions naming where one ended ("to",
#: "into"; not "from": a journey from a town says nothing of where its traveller went on to act).
JOURNEY_VERBS = word_set("journey_verbs")
JOURNEY_ENDS = word_class("prepositions", "journey-end") - ORIGIN_PREPS
#: Nouns of open places no town holds ("the waters", "the desert"), and the prepositions that put an act in one.
OPEN_PLACES = word_set("open_places")
SITE_PREPS = word_class("prepositions", "event-place")
#: Links that leave the act's own clause: a place below one is another clause's ("said that ... in the desert").
OTHER_CLAUSES = frozenset({"relcl", "ccomp", "acl", "advcl", "parataxis", "conj"})


def dateline_refuted(doc: Document, town: Place, trigger: Any, parties: Iterable[Any] = (),
                     words: bool = False, members: bool = False) -> str | None:
    """Why the dateline town cannot be where the act at `trigger` was done, or None when nothing says so: the act's
    sentence names a place outside the town's area, or (for `words`: statements and decisions) a party is a figure
    of its state speaking from a capital the town is not. With `members` (a legislature's hearing, `events.hearing`)
    a person's home named after the name ("Joe Doe of Ohio", a member's state) is named in passing."""
    def passing(place: Place) -> bool:
        return (not words and _origin(doc, place)) or (members and _home_of_person(doc, place))

    elsewhere = moved_away(doc, town, trigger, passing)
    if elsewhere is not None:
        return f"its sentence names '{elsewhere.text}', outside '{town.text}'"
    open_noun = open_place(trigger)
    if open_noun is not None:
        words = open_noun.doc[open_noun.left_edge.i:open_noun.i + 1].text  # "the waters", "sea": as written
        return f"its clause puts it '{open_noun.head.text} {words}', which no town holds"
    went = journey_away(doc, town, trigger)
    if went is not None:
        return f"the sentence before tells a journey to '{went.text}', not '{town.text}'"
    if words and town.feature_code != CAPITAL_CODE:
        figure = next((p for p in parties if state_figure(p)), None)
        if figure is not None:
            return f"'{figure.text or figure.name}' speaks from its state's seat, not from '{town.text}'"
    return None


def state_figure(party: Any) -> bool:
    """True when the actor dictionary resolved a party as a named person or body of a state ("Barack Obama", "the
    Department of Health and Human Services"), directly or through a pronoun or a shorter name; False for a country, a
    generic agent, or a named figure a generic agent was read with."""
    entry = getattr(party, "entry", None) or ""
    found = list(STATE_FIGURE.finditer(entry))
    return bool(found) and AGENT_JOIN not in entry[found[-1].end():]


def _home_of_person(doc: Document, place: Place) -> bool:
    """True for a place that says where a named person is from ("Senator Jane Roe of Ohio"): "of" after the name."""
    if place.token_start is None:
        return False
    token = place_token(doc.parsed, place)
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.ent_type_ == "PERSON"


def _origin(doc: Document, place: Place) -> bool:
    """True when a place is named as where someone came from ("arriving from Chicago"): a physical act told with it
    was done where they came to, so it says nothing against the dateline town. Words are not spared so: "officials
    from Utah said" were not in the town either."""
    if place.token_start is None:
        return False
    prep, _, _ = introducing_word(place_token(doc.parsed, place))
    return prep is not None and prep.lower_ in ORIGIN_PREPS


def journey_away(doc: Document, town: Place, trigger: Any) -> Place | None:
    """The town a journey told in the sentence before the act's ended in ("drove two hours to Port Fourchon"), when
    it is another town than the dateline's: one the gazetteer places as a town, or a name it lacks that the text puts
    in an area ("Port Fourchon, La."). A journey to an area ("flew to Louisiana") may end in the dateline town."""
    sent = trigger.sent
    if doc.parsed is None or sent.start == 0:
        return None
    before = doc.parsed[sent.start - 1].sent
    ends = [obj.i for verb in before if verb.lemma_ in JOURNEY_VERBS for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in JOURNEY_ENDS for obj in prep.children if obj.dep_ == "pobj"]
    if not ends:
        return None
    for place in ArticleIndex.of(doc).places_in_tokens(before.start, before.end):
        if place.name is None or place.token_start is None or \
                not any(place.token_start <= i < (place.token_end or place.token_start + 1) for i in ends):
            continue
        if place.found_by == "container" or (place_precision(place) == "point" and place.geonameid != town.geonameid):
            return place
    return None


def open_place(trigger: Any) -> Any | None:
    """The noun of an open place no town holds that a preposition of place puts the act's own clause in or at ("banned
    from trawling in the waters", "were rescued at sea"), or None; a place in another clause under it ("said that
    fighting in the desert ...") does not count."""
    for token in trigger.subtree:
        if token.dep_ != "pobj" or token.lemma_.lower() not in OPEN_PLACES or token.head.lower_ not in SITE_PREPS:
            continue
        node = token.head
        while node.i != trigger.i and node.dep_ not in OTHER_CLAUSES:
            node = node.head
        if node.i == trigger.i:
            return token
    return None
