"""The PLOVER event coder: lexicon, parties from the parse, modality, the Event contract.

Documents are parsed with the real spaCy model; actor mentions are set by hand (as the actors
stage would) so that these tests are about the coder alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_lexicon import compile_verbs, read_cameo2plover
from dateline.events import code_events, explain_event
from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import PLOVER_TYPES, load_ontology
from dateline.events.party_records import without_bare_duplicates
from dateline.events.verify import unverified
from dateline.model import Actor, Document, Event, Party, Place

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

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
    doc = lexicon_coded(make_doc, "Israel agreed to a ceasefire with Hamas.")  # the coder's rules, not the verifier
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
    doc = coded(make_doc, "The meeting between Turkey and Iran did not lead to a deal with Russia.")
    assert one(doc, "AGREE").negated
    meeting = one(doc, "CONSULT")
    assert not meeting.negated and countries(meeting.actors) == {"TUR", "IRN"}


def test_modal_would_makes_an_event_hypothetical(make_doc) -> None:
    event = one(coded(make_doc, "An attack on the city by Russia would cause a humanitarian catastrophe."), "ASSAULT")
    assert event.hypothetical and not event.negated


def test_conditional_clause_is_hypothetical(make_doc) -> None:
    event = one(lexicon_coded(make_doc, "If Russia attacks Ukraine, the West will respond."), "ASSAULT")
    assert event.hypothetical


def test_future_cooperation_is_a_promise_coded_agree(make_doc) -> None:
    doc = coded(make_doc, "Iran will release the prisoners next week.")
    event = one(doc, "AGREE")
    assert not event.hypothetical and "future RETREAT" in event.evidence.rule
    assert not [e for e in doc.events if e.type == "RETREAT"]


def test_scheduled_meeting_is_a_future_consult_not_a_promise(make_doc) -> None:
    event = one(coded(make_doc, "Iran will meet Iraq next week."), "CONSULT")
    assert event.status == "future" and event.hypothetical


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


def lexicon_coded(make_doc, text: str) -> Document:
    """`coded` with the learned verifier off: the coder's own confidence, which the verifier reads as a prior."""
    with unverified():
        return coded(make_doc, text)


def test_background_events_keep_less_confidence(make_doc) -> None:
    doc = lexicon_coded(make_doc, "Israel agreed to a truce after two days of fighting with Hamas.")
    fighting = one(doc, "ASSAULT", "fighting")
    assert "background" in fighting.evidence.rule
    told = one(lexicon_coded(make_doc, "Israel and Hamas were fighting for two days before they agreed to a truce."),
               "ASSAULT", "fighting")
    assert "background" not in told.evidence.rule and fighting.confidence < told.confidence


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
    doc = lexicon_coded(make_doc, "The army opened fire on protesters, killing one person and arresting twelve.")
    arrest = one(doc, "COERCE")
    assert not arrest.hypothetical and "background" in arrest.evidence.rule
    told = one(lexicon_coded(make_doc, "The army opened fire on protesters and arrested twelve."), "COERCE")
    assert "background" not in told.evidence.rule and arrest.confidence < told.confidence


def test_promised_cooperation_names_its_recipient(make_doc) -> None:
    event = one(coded(make_doc, "Britain offered to hand over the suspects to Libya."), "AGREE")
    assert countries(event.actors) == {"GBR"} and countries(event.recipients) == {"LBY"}


# -- fallback recipients and news precision ----------------------------------------------------

def test_foreign_place_of_the_act_is_the_recipient(make_doc) -> None:
    event = next(e for e in coded(make_doc, "Britain deployed troops in Libya on Monday.").events
                 if e.evidence.trigger == "deployed")
    assert [(p.country, p.sector) for p in event.recipients] == [("LBY", "GOV")]


def test_venue_of_talks_is_no_recipient(make_doc) -> None:
    doc = coded(make_doc, "Turkey and Russia held talks in Iran on Monday.")
    assert all("IRN" not in countries(e.recipients) for e in doc.events)


def test_subject_of_a_demanded_clause_is_the_recipient(make_doc) -> None:
    event = one(coded(make_doc, "Israel demanded that Hamas renounce violence."), "REQUEST")
    assert countries(event.actors) == {"ISR"} and countries(event.recipients) == {"PSE"}


def test_unknown_common_noun_is_no_party(make_doc) -> None:
    doc = coded(make_doc, "Analysts criticised Russia on Monday.")
    assert all(p.text != "Analysts" for e in doc.events for p in e.actors)


def test_partyless_mentions_are_judged_by_the_verifier_below_an_act_told_whole(make_doc) -> None:
    """A mention with no party is not dropped by rule before the verifier (the rule hid a third of the lexicon's
    gold events); the verifier ranks it below the same act told with its parties, place and day. Whether it
    clears the default view is the trained model's call (the seventh session's shows this one at 0.48)."""
    bare = one(coded(make_doc, "The protests continued for a week."), "PROTEST")
    told = one(coded(make_doc, "Protesters marched against Israel in Gaza on Monday."), "PROTEST")
    assert not bare.actors and told.actors
    assert bare.confidence < told.confidence


def test_target_named_in_the_purpose_of_a_protest(make_doc) -> None:
    doc = coded(make_doc, "Protesters staged a hunger strike to protest Erdogan's decision.")
    protest = one(doc, "PROTEST")
    assert countries(protest.recipients) == {"TUR"}


def test_recipient_named_inside_the_object(make_doc) -> None:
    event = one(coded(make_doc, "Turkey rejected recent calls by Russia for a ceasefire."), "REJECT")
    assert countries(event.recipients) == {"RUS"}


def test_bare_country_yields_to_a_specific_party_of_that_country() -> None:
    force = Party(name="peacekeeping force", country="LBN", sector="MIL", entry="test: FORCE [~MIL] + LEBANON_ [LBN]")
    bare = Party(name="Lebanon", country="LBN", sector="GOV", entry="Phoenix.Countries.actors.txt: LEBANON_ [LBN]")
    other = Party(name="Israel", country="ISR", sector="GOV", entry="Phoenix.Countries.actors.txt: ISRAEL_ [ISR]")
    assert without_bare_duplicates([force, bare, other]) == [force, other]


def test_reason_phrase_names_no_recipient(make_doc) -> None:
    doc = coded(make_doc, "Turkey threatened to break off relations with Libya over their ties with Israel.")
    assert countries(one(doc, "THREATEN").recipients) == {"LBY"}


def test_according_to_reports_is_no_event(make_doc) -> None:
    doc = coded(make_doc, "According to Turkey, Russia attacked Syria on Monday.")
    assert all(e.evidence.trigger != "According" for e in doc.events)


def _with_place(make_doc, text: str, name: str, country_code: str) -> Document:
    """A parsed document with one gazetteer place, as the places stage would mark it."""
    doc = make_doc(text)
    start = text.index(name)
    span = doc.parsed.char_span(start, start + len(name))
    doc.places.append(Place(text=name, start=start, end=start + len(name), geonameid=1, name=name, lat=0.0,
                            lon=0.0, country_code=country_code, admin1=None, feature_code="PPLC",
                            confidence=1.0, token_start=span.start, token_end=span.end))
    return doc


def test_capital_visited_is_the_recipient_but_a_venue_is_not(make_doc) -> None:
    visit = _with_place(make_doc, "Iran's president arrived in Amman on Wednesday.", "Amman", "JO")
    visit.actors.append(Actor(text="Iran", start=0, end=4, name="Iran", country="IRN", sector="GOV",
                              entry="test", token_start=0, token_end=1))
    arrived = [e for e in code_events(visit).events if e.evidence.trigger == "arrived"]
    assert arrived and all(countries(e.recipients) == {"JOR"} for e in arrived)
    venue = _with_place(make_doc, "Iran reached a deal in Vienna on Tuesday to curb attacks.", "Vienna", "AT")
    venue.actors.append(Actor(text="Iran", start=0, end=4, name="Iran", country="IRN", sector="GOV",
                              entry="test", token_start=0, token_end=1))
    assert all("AUT" not in countries(e.recipients) for e in code_events(venue).events)


def test_protest_with_no_target_is_against_the_own_government(make_doc) -> None:
    doc = make_doc("Egyptian students staged demonstrations on Saturday.")
    doc.actors.append(Actor(text="Egyptian students", start=0, end=17, name="Egyptian students", country="EGY",
                            sector="EDU", entry="test", token_start=0, token_end=2))
    protest = one(code_events(doc), "PROTEST")
    assert [(p.country, p.sector) for p in protest.recipients] == [("EGY", "GOV")]


def test_curfew_with_no_target_is_on_the_own_people(make_doc) -> None:
    doc = coded(make_doc, "Turkey imposed a curfew on Monday.")
    event = next(e for e in doc.events if e.evidence.trigger in ("imposed", "curfew"))
    assert [(p.country, p.sector) for p in event.recipients] == [("TUR", "CVL")]


def test_dative_recipients_of_a_gift(make_doc) -> None:
    grant = one(coded(make_doc, "Turkey will give Iraq a grant of 5 million dollars."), "AGREE")
    assert countries(grant.recipients) == {"IRQ"}
    aid = coded(make_doc, "Britain is providing aerial photographs and intelligence to Iraq.")
    assert any(countries(e.recipients) == {"IRQ"} for e in aid.events)


def test_passive_arrest_with_no_agent_is_done_by_the_state_where_it_happened(make_doc) -> None:
    doc = _with_place(make_doc, "A Canadian missionary was arrested in Amman on Monday.", "Amman", "JO")
    doc.actors.append(Actor(text="Canadian missionary", start=2, end=21, name="Canadian missionary",
                            country="CAN", sector="REL", entry="test", token_start=1, token_end=3))
    arrest = next(e for e in code_events(doc).events if e.evidence.trigger == "arrested")
    assert [(p.country, p.sector) for p in arrest.actors] == [("JOR", "COP")]  # arrests are police work
    assert countries(arrest.recipients) == {"CAN"}


def test_harm_done_in_a_foreign_place_falls_on_its_people(make_doc) -> None:
    event = one(coded(make_doc, "Russia bombed targets in Syria on Monday."), "ASSAULT")
    assert [(p.country, p.sector) for p in event.recipients] == [("SYR", "CVL")]


def test_without_clause_names_no_recipient(make_doc) -> None:
    doc = coded(make_doc, "Erdogan agreed to resign without returning to Syria.")
    assert all("SYR" not in countries(e.recipients) for e in doc.events)


# -- type fixes: CAMEO patterns that fired out of place, silenced defaults, curated entries ---------

def test_multiword_synonym_needs_all_its_words(make_doc) -> None:
    # CAMEO's &CEASEFIRE holds "cease fire": the bare word "fire" ("set fire to") is no truce.
    doc = coded(make_doc, "Settlers from Israel set fire to the offices of Hamas overnight.")
    assert "AGREE" not in {e.type for e in doc.events}
    lexicon = load_lexicon()
    assert ("fire",) in lexicon.multiword_synsets["&CEASEFIRE"]["cease"]
    assert "fire" not in lexicon.synsets["&CEASEFIRE"]
    # ...while a head that keeps the phrase's meaning still counts alone ("battle tank" -> "tank").
    assert "tank" in lexicon.synsets["&WEAPON"] and "forces" in lexicon.synsets["&MILITARY"]


def test_lone_particle_pattern_must_hang_off_the_verb(make_doc) -> None:
    # "press on" (attack) shares a CAMEO block with "demand": "on" inside the object is no attack.
    doc = coded(make_doc, "Protesters demanded a referendum on independence from Britain.")
    assert {e.type for e in doc.events} == {"REQUEST"}
    # "order to" (030) must not fire on the infinitive of the ordered act: an order is a demand.
    doc = coded(make_doc, "Iraq ordered the former minister to appear in court.")
    assert one(doc, "REQUEST", "ordered")
    assert "AGREE" not in {e.type for e in doc.events}


def test_decide_and_prepare_are_no_agreement(make_doc) -> None:
    doc = coded(make_doc, "Turkey decided to review the budget and prepared for the vote.")
    assert not [e for e in doc.events if e.evidence.trigger in ("decided", "prepared")]


def test_training_forces_is_mobilization(make_doc) -> None:
    doc = coded(make_doc, "Iran has trained thousands of volunteers near the border.")
    assert one(doc, "MOBILIZE", "trained").actors[0].country == "IRN"


def test_sending_arms_to_a_country_is_military_aid(make_doc) -> None:
    event = one(coded(make_doc, "Russia continued to send arms to Syria last year."), "AID", "send")
    assert event.mode == "military" or event.cameo == "072"
    assert countries(event.recipients) == {"SYR"}


def test_allowing_is_a_concession(make_doc) -> None:
    event = one(coded(make_doc, "Turkey allowed the opposition to hold a rally in the capital."), "CONCEDE")
    assert countries(event.actors) == {"TUR"}


def test_verb_tagged_word_used_as_noun_is_no_verbal_event(make_doc) -> None:
    # "the wounded" is people, not an act of wounding.
    doc = coded(make_doc, "British helicopters evacuated the wounded from the besieged town on Friday.")
    assert "ASSAULT" not in {e.type for e in doc.events}


def test_calling_off_a_strike_is_a_concession_but_calling_one_is_not(make_doc) -> None:
    doc = coded(make_doc, "The rebels called off a four-day strike after talks with Britain.")
    assert one(doc, "CONCEDE", "called")
    doc = coded(make_doc, "The rebels called a general strike against Britain.")
    assert "CONCEDE" not in {e.type for e in doc.events}
    strike = one(doc, "PROTEST")  # "called" and "general strike" are one happening; either may lead it
    assert strike.mode == "strike" and "called" in {m.trigger for m in strike.mentions}


def test_nominal_event_in_a_background_clause_is_background(make_doc) -> None:
    doc = lexicon_coded(make_doc, "Turkey expelled the aid agency, although Britain had sent donations to Syria.")
    donation = one(doc, "AID", "donations")
    swapped = lexicon_coded(make_doc, "Britain had sent donations to Syria, although Turkey expelled the aid agency.")
    assert "background" in donation.evidence.rule
    assert donation.confidence < one(swapped, "AID", "donations").confidence
    assert one(swapped, "SANCTION", "expelled").confidence < one(doc, "SANCTION", "expelled").confidence


def test_events_asked_about_in_a_question_are_not_facts(make_doc) -> None:
    doc = coded(make_doc, "Will Turkey allow the opposition to hold a rally in the capital?")
    assert doc.events and all(e.hypothetical for e in doc.events)
    doc = coded(make_doc, "Turkey allowed the opposition to hold a rally in the capital.")
    assert not one(doc, "CONCEDE").hypothetical


def test_capturing_territory_is_an_assault_but_seizing_goods_is_not(make_doc) -> None:
    # PLOVER: taking territory by force is the conflict itself (the inverse of RETREAT's ceding
    # territory); COERCE "seize" is confiscation. CAMEO's "take part" (030) must not fire on "capture part".
    doc = coded(make_doc, "Syria's army captured part of a rebel stronghold near the border.")
    assert one(doc, "ASSAULT", "captured") and "AGREE" not in {e.type for e in doc.events}
    assert one(coded(make_doc, "The army retook the town from the rebels."), "ASSAULT", "retook")
    assert one(coded(make_doc, "Turkey seized weapons from the rebels."), "COERCE", "seized")
