"""Parties from the right words, session 43: each test a sentence written for it, run through the real
places and actors stages and the party rules of the events stage.

Classes: a nominal trigger in an "in" phrase is the scene of its clause (the active subject acts, a
passive subject or the subject of a verb of undergoing suffers, the subject of "engaged in" acts); an
acronym defined in brackets after an actor names that actor later; agent nouns and short country
names Phoenix lacks; a clause with its own subject inside an object names no fallback recipient; a
reported clause read as an accusation has the speaker accuse whom it names; a person is of the body
his apposition's role is held at; an act "carried out by X" (a support-verb participle) is X's.
"""

from __future__ import annotations

from dataclasses import replace

from dateline.actors.acronyms import is_acronym_of
from dateline.events.coder import code_events, code_trigger, find_triggers
from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import load_ontology
from dateline.events.parties import trigger_parties
from dateline.events.parties_reported import reread_reported_accusations
from dateline.events.resolve import resolve
from dateline.events.targets import named_in_object
from dateline.events.verify import retype
from dateline.model import Document
from stage_run import token


def countries(doc: Document, heads) -> list[str | None]:
    return [p.country for h in heads for p in resolve(doc, h)]


def test_active_subject_acts_in_the_scene(staged) -> None:
    doc = staged("Kenyan police detained forty students in a raid on the campus in Nairobi.")
    found = trigger_parties(token(doc, "raid"))
    assert [t.text for t in found.actors] == ["police"]
    assert countries(doc, found.actors) == ["KEN"]


def test_object_of_the_scene_clause_suffers_the_act(staged) -> None:
    doc = staged("Ethiopian jets killed twelve Somali herders in an attack near the border.")
    found = trigger_parties(token(doc, "attack"))
    assert "jets" in [t.text for t in found.actors]
    assert "herders" in [t.text for t in found.recipients]
    assert countries(doc, [t for t in found.recipients if t.text == "herders"]) == ["SOM"]


def test_passive_subject_suffers_the_act_of_the_scene(staged) -> None:
    doc = staged("Three Ugandan soldiers were wounded in an ambush near the border.")
    found = trigger_parties(token(doc, "ambush"))
    assert "soldiers" in [t.text for t in found.recipients]
    assert not found.actors


def test_subject_of_a_verb_of_undergoing_suffers(staged) -> None:
    doc = staged("Two Malian soldiers died in an attack on their convoy.")
    found = trigger_parties(token(doc, "attack"))
    assert "soldiers" in [t.text for t in found.recipients]
    assert "soldiers" not in [t.text for t in found.actors]


def test_engaged_in_makes_the_subject_act(staged) -> None:
    doc = staged("Serbian forces were engaged in attacks against the villagers.")
    found = trigger_parties(token(doc, "attacks"))
    assert "forces" in [t.text for t in found.actors]
    assert "forces" not in [t.text for t in found.recipients]


def test_a_circumstance_phrase_is_no_scene(staged) -> None:
    doc = staged("The Jordanian king appointed a new cabinet in the face of protests.")
    found = trigger_parties(token(doc, "protests"))
    assert "king" not in [t.text for t in found.actors]


def test_acronym_defined_after_an_actor_names_it_later(staged) -> None:
    doc = staged("The Kenya National Union of Teachers (KNUT) called a strike. Later the KNUT met ministers.")
    later = [a for a in doc.actors if a.text == "KNUT" and a.start > 60]
    assert later and later[0].country == "KEN"
    assert "acronym defined after" in (later[0].entry or "")


def test_acronym_must_spell_the_name() -> None:
    assert is_acronym_of("PSC", "the Philippine Sports Commission")
    assert is_acronym_of("FIS", "Islamic Salvation Front")
    assert not is_acronym_of("AFP", "the ministry")
    assert not is_acronym_of("Psc", "Philippine Sports Commission")


def test_short_country_name_and_missing_agent_nouns(staged) -> None:
    doc = staged("T&T sent aid. The coastguard rescued fishermen off Florida. Strongmen in Tunisia fell.")
    by_text = {a.text: a for a in doc.actors}
    assert by_text["T&T"].country == "TTO"
    assert any(a.sector == "MIL" for a in doc.actors if "coastguard" in a.text)
    assert any(a.country == "TUN" and a.sector == "GOV" for a in doc.actors if "Strongmen" in a.text)


def test_clause_inside_the_object_names_no_recipient(staged) -> None:
    doc = staged("The Kenyan president is seeking an answer on why Uganda was not represented at the summit.")
    assert named_in_object(doc, token(doc, "seeking"), []) == []


def test_reported_clause_read_as_accusation_has_the_speaker_accuse(staged) -> None:
    doc = staged("The Kenyan minister said Uganda had orchestrated the riots in the border town.")
    sent = next(iter(doc.parsed.sents))
    trigger = next(t for t in find_triggers(sent, load_lexicon()) if t.token.text == "orchestrated")
    event = code_trigger(doc, trigger, {trigger.token.i: trigger.entry}, load_ontology())
    assert [p.country for p in event.actors] == ["UGA"]
    retyped = retype(event, "ACCUSE")
    rule = f"{retyped.evidence.rule}; re-typed ACCUSE"
    doc.events = [replace(retyped, evidence=replace(retyped.evidence, rule=rule))]
    reread = reread_reported_accusations(doc).events[0]
    assert [p.country for p in reread.actors] == ["KEN"]
    assert [p.country for p in reread.recipients] == ["UGA"]
    assert "accuses whom the reported clause names" in reread.evidence.rule


def test_lexicon_accusation_keeps_its_own_parties(staged) -> None:
    doc = code_events(staged("The Kenyan minister said Uganda had accused Tanzania of smuggling arms."))
    accusations = [e for e in doc.events if e.type == "ACCUSE" and e.evidence.trigger == "accused"]
    assert accusations and [p.country for p in accusations[0].actors] == ["UGA"]


def test_person_takes_the_body_named_in_the_role_of_the_apposition(staged) -> None:
    doc = staged("\"Stop the abuses,\" said Mary Wanjiru Kamau, the deputy director for East Africa at "
                 "Amnesty International.")
    person = next(a for a in doc.actors if a.text.startswith("Mary"))
    assert person.country == "NGO"
    assert "apposition 'Amnesty International'" in (person.entry or "")


def test_act_carried_out_by_someone_is_theirs(staged) -> None:
    doc = staged("Kenya condemned the attack carried out by Somali militants on Tuesday.")
    assert "militants" in [t.text for t in trigger_parties(token(doc, "attack")).actors]
    assert countries(doc, [token(doc, "attack")]) == ["SOM"]  # the act condemned stands for its doers


def test_answer_to_an_act_is_not_its_doer(staged) -> None:
    doc = staged("Kenya repeated its charge, a charge denied by the Ugandan government on Tuesday.")
    charges = [t for t in doc.parsed if t.text == "charge"]
    assert all("government" not in [a.text for a in trigger_parties(t).actors] for t in charges)
