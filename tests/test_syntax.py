"""The parse helpers shared by stages (`dateline.syntax`)."""

from __future__ import annotations

from dateline.syntax import saying_verb_before


def _index(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_a_time_right_after_a_verb_of_saying_is_the_sayings(nlp) -> None:
    doc = nlp("The rebels said on Monday they would attack the city on Friday.")
    assert saying_verb_before(doc, _index(doc, "Monday")).lemma_ == "say"
    assert saying_verb_before(doc, _index(doc, "Friday")) is None


def test_a_comma_may_stand_between_the_verb_and_the_time(nlp) -> None:
    doc = nlp("The minister announced, Tuesday, that talks would resume.")
    assert saying_verb_before(doc, _index(doc, "Tuesday")).text == "announced"


def test_another_word_between_breaks_the_link(nlp) -> None:
    doc = nlp("The general told reporters Tuesday that the offensive had begun.")
    assert saying_verb_before(doc, _index(doc, "Tuesday")) is None


def test_a_definite_body_noun_names_the_sectors_of_a_body_named_before(nlp) -> None:
    from dateline.syntax import definite_body_sectors

    def sectors(text: str, word: str) -> frozenset[str]:
        doc = nlp(text)
        return definite_body_sectors(next(t for t in doc if t.text == word))

    assert sectors("Later the company paid the fine.", "company") == frozenset({"BUS"})
    assert sectors("Later a company paid the fine.", "company") == frozenset()  # not "the"/"this"
    assert sectors("Later the company of his brother paid the fine.", "company") == frozenset()  # says whose


def test_a_noun_the_parser_made_the_object_of_since_is_its_clauses_subject(nlp) -> None:
    from dateline.syntax import subject_in_a_preposition

    doc = nlp("More than 500 people have died since Friday's earthquake hit the country's capital, Lima.")
    assert [t.text for t in subject_in_a_preposition(doc[_index(doc, "hit")])] == ["earthquake"]


def test_a_verb_with_its_own_subject_keeps_it(nlp) -> None:
    from dateline.syntax import subject_in_a_preposition

    doc = nlp("The rebels retreated after the army shelled the town.")
    assert subject_in_a_preposition(doc[_index(doc, "shelled")]) == []


def test_a_passive_without_a_subject_shares_the_patient_of_its_clause(nlp) -> None:
    from dateline.syntax import shared_patient

    doc = nlp("The report, due to be released on Friday, blames the ministry.")
    assert [t.text for t in shared_patient(doc[_index(doc, "released")])] == ["report"]
    doc = nlp("The hostages are expected to be freed next week.")
    assert [t.text for t in shared_patient(doc[_index(doc, "freed")])] == ["hostages"]
    doc = nlp("Freed after ten years, the journalist thanked his lawyers.")
    assert [t.text for t in shared_patient(doc[_index(doc, "Freed")])] == ["journalist"]


def test_a_passive_with_its_own_subject_or_an_active_verb_shares_none(nlp) -> None:
    from dateline.syntax import shared_patient

    doc = nlp("The hostages were freed after ten years.")
    assert shared_patient(doc[_index(doc, "freed")]) == []
    doc = nlp("The rebels have freed the hostages.")
    assert shared_patient(doc[_index(doc, "freed")]) == []


def test_the_first_conjunct_holds_the_lists_dependency(nlp) -> None:
    from dateline.syntax import first_conjunct

    doc = nlp("Envoys from Chile, Peru and Ecuador met in Lima.")
    first = first_conjunct(doc[_index(doc, "Ecuador")])
    assert first.text == "Chile" and first.dep_ != "conj"
    assert first_conjunct(doc[_index(doc, "Lima")]).text == "Lima"  # coordinated with nothing
