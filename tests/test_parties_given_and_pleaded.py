"""Recipients a trigger's own phrase leaves to the clause around it (t253, party sample 2324's classes): whoever
pleads to a charge is the one charged (`parties_claims.pleaded_to`); a passive request to meet or visit someone is
made by that someone (`parties._host_asking`); a sum given "in" aid is for whom the sum or the aid is for, or to whom
the verb hands it (`parties_complement.amount_kinds`, `add_amount_recipients`, `parties_support._handed_to`); aid
that arrives or flows somewhere is for that place (`parties_complement.add_destination`). Sentences written for these
tests, run through every stage with the lexicon's own candidates (no verifier)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.events.parties import trigger_parties
from dateline.events.parties_complement import is_amount
from stage_run import candidates, event_at
from test_parties_retyped import countries


def test_who_pleads_to_a_charge_is_charged(nlp) -> None:
    doc = candidates(nlp, "In Nairobi, Kenyan opposition leader Raila Odinga on Monday pleaded innocent to the "
                          "incitement charge.")
    assert countries(event_at(doc, "charge").recipients) == ["KEN"]


def test_a_plea_with_a_court_names_no_one_charged(nlp) -> None:
    # no "to" phrase: the plea answers no charge, so the pleader is not made its recipient by the plea
    doc = candidates(nlp, "The Kenyan minister pleaded with the court for mercy before the charges were read.")
    assert "KEN" not in countries(event_at(doc, "charges").recipients)


def test_the_one_to_be_met_asks(nlp) -> None:
    doc = candidates(nlp, "Shell's chairman has been asked to meet President Cyril Ramaphosa next week.")
    event = event_at(doc, "asked")
    assert countries(event.actors) == ["ZAF"]


def test_an_agent_still_asks_in_a_passive_to_meet(nlp) -> None:
    doc = candidates(nlp, "The envoy was asked by the French government to meet President Cyril Ramaphosa.")
    assert countries(event_at(doc, "asked").actors) == ["FRA"]


def test_a_sum_in_aid_for_a_country(nlp) -> None:
    doc = candidates(nlp, "Japan has pledged more than 300 m yen in emergency aid for Nepal after the floods .")
    assert countries(event_at(doc, "pledged").recipients) == ["NPL"]


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]) -> Doc:
    """A parse set by hand, so the test holds whichever way the parser hangs a phrase on a given day."""
    verbs = {"sending": "send", "killed": "kill"}
    lemmas = [verbs.get(w, w.lower()) for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas)


def test_a_sum_in_aid_handed_on_by_the_verb(nlp) -> None:
    # "Kenya is sending $ 4 m in aid to Uganda": the "in" phrase is the sum's kind, the verb's "to" whom it goes to
    doc = _parsed(nlp, ["Kenya", "is", "sending", "$", "4", "m", "in", "aid", "to", "Uganda", "."],
                  [2, 2, 2, 5, 5, 2, 2, 6, 2, 8, 2],
                  ["nsubj", "aux", "ROOT", "quantmod", "compound", "dobj", "prep", "pobj", "dative", "pobj", "punct"],
                  ["PROPN", "AUX", "VERB", "SYM", "NUM", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
                  ["B-GPE", "O", "O", "B-MONEY", "I-MONEY", "I-MONEY", "O", "O", "O", "B-GPE", "O"])
    found = trigger_parties(doc[7])
    assert [t.text for t in found.actors] == ["Kenya"]
    assert [t.text for t in found.recipients] == ["Uganda"]


def test_people_hit_in_an_attack_are_no_sum(nlp) -> None:
    # "Rebels killed 46 civilians in an attack on Goma": the civilians suffer the act, the "on" town is no goal
    doc = _parsed(nlp, ["Rebels", "killed", "46", "civilians", "in", "an", "attack", "to", "Goma", "."],
                  [1, 1, 3, 1, 1, 6, 4, 1, 7, 1],
                  ["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
                  ["NOUN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                  ["O", "O", "B-CARDINAL", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert [t.text for t in trigger_parties(doc[6]).recipients] == ["civilians"]


def test_a_count_of_people_is_no_sum(nlp) -> None:
    # "46 civilians" hit in an attack are not a sum handed on; "400m euros" and "$ 2 billion" are
    doc = nlp("Rebels killed 46 civilians. The bank lent 400 million euros and $ 2 billion.")
    words = {t.text: t for t in doc}
    assert not is_amount(words["civilians"])
    assert is_amount(words["euros"])
    assert is_amount(words["billion"])


def test_aid_that_flows_into_a_country(nlp) -> None:
    doc = candidates(nlp, "Millions of dollars of aid flowed into Somalia after the drought .")
    assert countries(event_at(doc, "aid").recipients) == ["SOM"]


def test_aid_that_arrives_in_may_has_no_destination(nlp) -> None:
    doc = candidates(nlp, "Aid began to arrive in May .")
    assert countries(event_at(doc, "Aid").recipients) == []


def test_aid_that_arrives_in_a_country(nlp) -> None:
    doc = candidates(nlp, "Aid began to arrive in Somalia on Monday .")
    assert countries(event_at(doc, "Aid").recipients) == ["SOM"]
