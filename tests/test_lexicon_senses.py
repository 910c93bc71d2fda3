"""Wrong PLOVER types by class (issue 9, ninth session): a verb CAMEO lists only in a phrasal form gets no code when
bare ("pulled the trigger" is no CONSULT, "pulled its troops" a withdrawal); a search of a place or vehicle is the
manual's COERCE seize, not an investigation; the to-infinitive of a commitment ("committed to pay"); easing a curfew
or a state of emergency is CONCEDE (the manual's text over the 2021 table); funding or financing someone is AID
(the manual's "monetary aid ... grants", benefiting the recipient), not CAMEO's 061 economic cooperation; ratifying
an agreement is SUPPORT as signing one is (the manual's SUPPORT: "ratify, sign, or finalize an agreement or treaty"),
not CAMEO's 031; fighting insurgents is an assault on them, as fighting rebels or militants is, not the
cooperation CAMEO's lone "fight insurgents" pattern (062) codes; a one-word particle pattern ("back off", "attack
off") is the phrasal verb only when the particle heads no object of its own. A CAMEO pattern's words are looked
for in the act's own phrase: not in the phrase naming the report's source ("according to a news release") nor a
word its negation reverses ("found not guilty")."""

from __future__ import annotations

import pytest

from stage_run import candidates, types_at

#: (the class, sentence, trigger, its only type).
READINGS = [
    ("withdrawing troops is a retreat", "The army pulled its troops from the border region on Sunday.", "pulled",
     "RETREAT"),
    ("the phrasal form keeps its block's code", "Kenya kicked out two foreign reporters last week.", "kicked",
     "COERCE"),
    ("searching a vehicle is coercion", "Customs officers searched the tanker at the port.", "searched", "COERCE"),
    ("searching a home is coercion", "Police searched the home of the opposition leader.", "searched", "COERCE"),
    ("a commitment to a to-infinitive", "The donors have committed to rebuild the bridge.", "committed", "AGREE"),
    ("ratifying a treaty is support, as signing one", "The senate ratified the border treaty on Tuesday.", "ratified",
     "SUPPORT"),
    ("funding is aid to the one funded", "The European Union funded the new water plant in Gaza.", "funded", "AID"),
    ("fighting insurgents is an assault, as fighting rebels is (not CAMEO's 062 military cooperation)",
     "Government troops fought insurgents outside the northern town on Sunday.", "fought", "ASSAULT"),
    ("attacking insurgents is an assault too", "Helicopters attacked the insurgents hiding in the hills.", "attacked",
     "ASSAULT"),
    ("'off' heading its own place is no phrasal 'attack off' (CAMEO's 046 talks)",
     "Gunmen attacked the supply ship off the southern coast.", "attacked", "ASSAULT"),
    ("an objectless 'off' is still the phrasal verb", "The army backed off after two days.", "backed", "CONCEDE"),
    ("easing a state of emergency is a concession", "The cabinet lifted the state of emergency in the north.",
     "lifted", "CONCEDE"),
    ("expressing support is the support, told once", "The president expressed support for the new prime minister.",
     "support", "SUPPORT"),
    ("voicing support too", "The governor voiced support for the striking miners.", "support", "SUPPORT"),
]


@pytest.mark.parametrize("text, trigger, type_", [pytest.param(*row[1:], id=row[0]) for row in READINGS])
def test_the_lexicon_reads_the_sense(nlp, text: str, trigger: str, type_: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == {type_}


@pytest.mark.parametrize("text, trigger", [
    ("A fan pulled the banner off the fence.", "pulled"),
    ("The goalkeeper kicked the ball upfield.", "kicked"),
    ("The ice cracked under the weight of the truck.", "cracked"),
    ("Divers searched the lake for the missing boy.", "searched"),
])
def test_a_bare_verb_of_a_phrasal_entry_or_a_search_of_no_place_is_no_coercion(nlp, text: str, trigger: str) -> None:
    """No conflict reading: CAMEO's code belongs to "pull out", "kick out", "crack down"; a lake is no place a search
    of which coerces anyone."""
    assert not types_at(candidates(nlp, text), trigger) & {"COERCE", "CONSULT", "ASSAULT"}


def test_the_source_of_a_report_is_not_the_act_s_phrase(nlp) -> None:
    """"capture &INFORMATION" (CAMEO 090, an investigation) must not fire on the release that reports the capture."""
    doc = candidates(nlp, "The two fugitives were captured near Lyon, according to a news release from the police.")
    assert types_at(doc, "captured") == {"COERCE"}


def test_a_negated_pattern_word_does_not_hold(nlp) -> None:
    """"find guilty" (CAMEO 173) is a conviction; "found not guilty" is none; "plead not guilty" (016) names its
    "not"."""
    assert types_at(candidates(nlp, "The former mayor was found guilty of bribery."), "found") == {"COERCE"}
    assert not types_at(candidates(nlp, "The former mayor was found not guilty of bribery."), "found")
    assert types_at(candidates(nlp, "The former mayor pleaded not guilty to bribery."), "pleaded") == {"REJECT"}


@pytest.mark.parametrize("text, trigger", [
    ("The president expressed support for the new prime minister.", "expressed"),  # CAMEO's 'express support' [032]
    ("The governor voiced support for the striking miners.", "voiced"),
    ("The news must fill the generals with dread.", "fill"),  # CAMEO's default code of a verb of submitting
])
def test_a_support_verb_of_a_coded_noun_or_a_bare_fill_codes_nothing(nlp, text: str, trigger: str) -> None:
    assert types_at(candidates(nlp, text), trigger) == set()
