"""The PLOVER event coder: lexicon, parties from the parse, modality, the Event contract.

Documents are parsed with the real spaCy model; actor mentions are set by hand (as the actors
stage would) so that these tests are about the coder alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.events import code_events, explain_event
from dateline.events.build_lexicon import compile_verbs, read_cameo2plover
from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import PLOVER_TYPES, load_ontology
from dateline.model import Actor, Document, Event

SHARED = Path("/work/shared/data")

ACTORS = {
    "Turkey": ("TUR", "GOV"), "Russia": ("RUS", "GOV"), "Moscow": ("RUS", "GOV"), "Iran": ("IRN", "GOV"),
    "Erdogan": ("TUR", "GOV"), "Putin": ("RUS", "GOV"), "Assad": ("SYR", "GOV"), "Israel": ("ISR", "GOV"),
    "Hamas": ("PSE", "REB"), "police": (None, "COP"), "Protesters": (None, "CVL"), "the West": ("WST", None),
    "Ukraine": ("UKR", "GOV"), "Britain": ("GBR", "GOV"), "Libya": ("LBY", "GOV"), "Syria": ("SYR", "GOV"),
    "Iraq": ("IRQ", "GOV"), "The army": (None, "MIL"), "militias": (None, "REB"), "rebels": (None, "REB"),
}


def coded(make_doc, text: str) -> Document:
    """Parse `text`, mark the actor mentions of ACTORS in it, and run the coder."""
    doc = make_doc(text)
    for name, (country, sector) in ACTORS.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            span = doc.parsed.char_span(match.start(), match.end(), alignment_mode="expand")
            doc.actors.append(Actor(text=name, start=match.start(), end=match.end(), name=name,
                                    country=country, sector=sector, entry=f"test: {name}",
                                    token_start=span.start, token_end=span.end))
    doc.actors.sort(key=lambda a: a.start)
    return code_events(doc)


def one(doc: Document, type_: str, trigger: str | None = None) -> Event:
    found = [e for e in doc.events if e.type == type_ and (trigger is None or e.evidence.trigger == trigger)]
    assert found, f"no {type_} in {[(e.type, e.evidence.trigger) for e in doc.events]}"
    return found[0]


def countries(parties) -> set[str | None]:
    return {p.country for p in parties}


# -- ontology and lexicon --------------------------------------------------------------------

def test_ontology_has_the_16_plover_types_with_quad_and_modes() -> None:
    onto = load_ontology()
    assert set(onto.types) == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16
    assert onto.event_type("ASSAULT").quad == 4 and "aerial" in onto.event_type("ASSAULT").modes
    assert onto.event_type("AGREE").quad == 1
    assert onto.event_type("ASSAULT").intensity_for("aerial") == -9.5


def test_cameo_mapping_drops_statements_and_reads_appeals_as_requests() -> None:
    onto = load_ontology()
    assert onto.from_cameo("0871").type == "RETREAT" and onto.from_cameo("0871").mode == "ceasefire"
    assert onto.from_cameo("010") is None
    assert onto.from_cameo("0233").type == "REQUEST"
    assert onto.from_cameo("1712").type == "ASSAULT"


@pytest.mark.skipif(not SHARED.exists(), reason="shared source data not mounted")
def test_build_lexicon_compiles_the_shared_sources() -> None:
    rows = read_cameo2plover(SHARED / "plover" / "CAMEO2PLOVER-2021.txt")
    assert ("0871", "RETREAT", "ceasefire", "military") in rows
    compiled = compile_verbs(SHARED / "phoenix" / "CAMEO.2.0.txt")
    assert compiled["verbs"]["agree"][0] == "AGREE"
    patterns = compiled["blocks"]["AGREE"]["patterns"]
    assert any(p["post"] == ["to", "&CEASEFIRE"] and p["code"] == "0356" for p in patterns)


def test_nominal_multiword_trigger_carries_its_mode(make_doc) -> None:
    doc = make_doc("Russian jets carried out air strikes on the town.")
    strike = next(t for t in doc.parsed if t.text == "strikes")
    entry = load_lexicon().noun_entry(strike)
    assert (entry.type, entry.mode, entry.cameo) == ("ASSAULT", "aerial", "195")


def test_cameo_pattern_beats_the_bare_verb(make_doc) -> None:
    doc = coded(make_doc, "Israel agreed to a ceasefire with Hamas.")
    agree = one(doc, "AGREE")
    assert agree.cameo == "0356" and "CAMEO" in agree.evidence.rule
    ceasefire = one(doc, "RETREAT")  # agreed, not yet observed: not a fact of its own
    assert ceasefire.hypothetical and ceasefire.confidence < agree.confidence


# -- parties ---------------------------------------------------------------------------------

def test_subject_is_actor_and_object_recipient(make_doc) -> None:
    event = one(coded(make_doc, "Israel attacked Hamas on Tuesday."), "ASSAULT")
    assert countries(event.actors) == {"ISR"} and countries(event.recipients) == {"PSE"}


def test_coordinated_subjects_are_all_actors_of_a_reciprocal_agree(make_doc) -> None:
    event = one(coded(make_doc, "Turkey and Russia agreed to create a buffer zone."), "AGREE")
    assert countries(event.actors) == {"TUR", "RUS"} and event.recipients == []


def test_passive_by_agent_is_actor_and_subject_recipient(make_doc) -> None:
    event = one(coded(make_doc, "Protesters were arrested by police in the capital."), "COERCE")
    assert event.mode == "arrest"
    assert [p.sector for p in event.actors] == ["COP"] and [p.sector for p in event.recipients] == ["CVL"]


def test_possessive_nominalisation(make_doc) -> None:
    event = one(coded(make_doc, "Moscow's support for Assad angered the opposition."), "SUPPORT")
    assert countries(event.actors) == {"RUS"} and countries(event.recipients) == {"SYR"}


def test_meeting_between_lists_both_as_actors(make_doc) -> None:
    event = one(coded(make_doc, "Officials welcomed a meeting between Erdogan and Putin in Sochi."), "CONSULT")
    assert countries(event.actors) == {"TUR", "RUS"} and event.recipients == []


def test_cleft_relative_clause_gives_the_focus_as_actor(make_doc) -> None:
    event = one(coded(make_doc, "Turkey says it is Moscow that conducts air strikes on the region."), "ASSAULT")
    assert event.mode == "aerial" and countries(event.actors) == {"RUS"}


def test_reported_speech_codes_the_reported_event_only(make_doc) -> None:
    doc = coded(make_doc, "Turkey said that Russia attacked Ukraine.")
    event = one(doc, "ASSAULT")
    assert countries(event.actors) == {"RUS"} and countries(event.recipients) == {"UKR"}
    assert all(e.evidence.trigger != "said" for e in doc.events)


def test_pronoun_subject_resolves_to_the_previous_subject_actor(make_doc) -> None:
    doc = coded(make_doc, "Turkey has said it cannot absorb more refugees and has accused the West of hypocrisy.")
    event = one(doc, "ACCUSE")
    assert countries(event.actors) == {"TUR"} and countries(event.recipients) == {"WST"}


def test_evacuated_passive_subject_is_the_one_who_retreats(make_doc) -> None:
    event = one(coded(make_doc, "Shia militias in the villages were evacuated last month."), "RETREAT")
    assert [p.sector for p in event.actors] == ["REB"] and event.recipients == []


def test_light_verb_lends_its_subject_to_the_nominal_trigger(make_doc) -> None:
    event = one(coded(make_doc, "Israel launched an offensive against Hamas."), "ASSAULT")
    assert countries(event.actors) == {"ISR"} and countries(event.recipients) == {"PSE"}
    assert event.evidence.trigger == "offensive"


# -- modality --------------------------------------------------------------------------------

def test_negation_scopes_over_the_object_not_the_subject(make_doc) -> None:
    doc = coded(make_doc, "The meeting between Turkey and Iran did not lead to a deal.")
    assert one(doc, "AGREE").negated
    meeting = one(doc, "CONSULT")
    assert not meeting.negated and countries(meeting.actors) == {"TUR", "IRN"}


def test_modal_would_makes_an_event_hypothetical(make_doc) -> None:
    event = one(coded(make_doc, "An attack on the city would cause a humanitarian catastrophe."), "ASSAULT")
    assert event.hypothetical and not event.negated


def test_conditional_clause_is_hypothetical(make_doc) -> None:
    event = one(coded(make_doc, "If Russia attacks Ukraine, the West will respond."), "ASSAULT")
    assert event.hypothetical


def test_future_cooperation_is_a_promise_coded_agree(make_doc) -> None:
    doc = coded(make_doc, "Iran will meet Iraq next week.")
    event = one(doc, "AGREE")
    assert not event.hypothetical and "future CONSULT" in event.evidence.rule
    assert not [e for e in doc.events if e.type == "CONSULT"]


def test_future_violence_is_a_threat(make_doc) -> None:
    event = one(coded(make_doc, "Israel will attack Hamas if the rockets continue."), "THREATEN")
    assert event.mode == "violence"


def test_refused_cooperation_is_reject(make_doc) -> None:
    event = one(coded(make_doc, "Syria said it would not accept the plan."), "REJECT")
    assert not event.negated and countries(event.actors) == {"SYR"}


def test_purpose_clause_is_not_a_fact(make_doc) -> None:
    doc = coded(make_doc, "The army had been mobilising its forces to stage an assault on the city.")
    mobilize = one(doc, "MOBILIZE")
    assert not mobilize.hypothetical and mobilize.recipients == []
    assert one(doc, "ASSAULT").hypothetical


def test_content_of_an_accusation_is_not_a_fact(make_doc) -> None:
    doc = coded(make_doc, "Turkey accused the West of attacking Syria.")
    assert not one(doc, "ACCUSE").hypothetical
    assert one(doc, "ASSAULT").hypothetical


def test_reported_must_is_a_demand(make_doc) -> None:
    event = one(coded(make_doc, "Britain said that Libya must hand over the suspects."), "REQUEST")
    assert countries(event.actors) == {"GBR"} and countries(event.recipients) == {"LBY"}


def test_background_events_keep_less_confidence(make_doc) -> None:
    doc = coded(make_doc, "Israel agreed to a truce after two days of fighting with Hamas.")
    fighting = one(doc, "ASSAULT", "fighting")
    assert fighting.confidence < 0.5 < one(doc, "AGREE").confidence
    assert "background" in fighting.evidence.rule


# -- the Event contract ------------------------------------------------------------------------

def test_event_contract_offsets_ids_and_explanation(make_doc) -> None:
    text = "Turkey and Russia on Monday agreed to turn Idlib into a demilitarised zone."
    doc = coded(make_doc, text)
    event = one(doc, "AGREE")
    ev = event.evidence
    assert text[ev.start:ev.end] == ev.sentence and text[ev.trigger_start:ev.trigger_end] == "agreed"
    assert event.quad == 1 and event.intensity == 2.5 and event.article_id == doc.article.id
    assert event.id == code_events(coded(make_doc, text)).events[0].id
    json = event.to_json()
    assert json["type"] == "AGREE" and json["actors"][0]["country"] == "TUR"
    lines = "\n".join(explain_event(event))
    assert "triggers.tsv: agree (verb)" in lines and "test: Turkey" in lines


def test_no_parse_no_events(make_doc) -> None:
    doc = make_doc("Israel attacked Hamas.")
    doc.parsed = None
    assert code_events(doc).events == []


# -- news phrasing: verb + object entries, intents, co-events ---------------------------------

def test_verb_object_entry_beats_the_bare_verb(make_doc) -> None:
    doc = coded(make_doc, "Britain lifted sanctions on Libya on Monday.")
    event = one(doc, "RETREAT")
    assert "lift sanction" in event.evidence.rule and countries(event.actors) == {"GBR"}
    assert countries(event.recipients) == {"LBY"}


def test_sanctions_follow_the_manual_not_the_2021_table(make_doc) -> None:
    assert load_ontology().from_cameo("163").type == "SANCTION"
    event = one(coded(make_doc, "Britain imposed sanctions on Libya."), "SANCTION")
    assert event.mode == "discontinue" and countries(event.recipients) == {"LBY"}


def test_intent_to_do_harm_is_a_threat(make_doc) -> None:
    event = one(coded(make_doc, "Hamas has vowed to attack Israel."), "THREATEN")
    assert event.mode == "violence" and countries(event.actors) == {"PSE"}


def test_participle_co_event_is_factual_background(make_doc) -> None:
    doc = coded(make_doc, "The army opened fire on protesters, killing one person and arresting twelve.")
    arrest = one(doc, "COERCE")
    assert not arrest.hypothetical and "background" in arrest.evidence.rule
    assert one(doc, "ASSAULT", "opened").confidence >= 0.5


def test_promised_cooperation_names_its_recipient(make_doc) -> None:
    event = one(coded(make_doc, "Britain offered to hand over the suspects to Libya."), "AGREE")
    assert countries(event.actors) == {"GBR"} and countries(event.recipients) == {"LBY"}
