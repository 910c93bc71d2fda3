"""Tense direction of clauses without a tense of their own: a participle adjunct and an infinitive after an
adjective take the time of the clause they hang on (sentences written for these tests)."""

from __future__ import annotations

from dateline.time import tag_timexes


def values(make_doc, text: str, date: str) -> list[str]:
    return [t.value for t in tag_timexes(make_doc(text, date)).timexes]


def test_a_participle_adjunct_looks_ahead_with_a_future_verb(make_doc) -> None:
    text = "The panel will resume considering the charges on Monday."
    assert values(make_doc, text, "2018-09-19") == ["2018-09-24"]


def test_a_participle_adjunct_looks_back_with_a_past_verb(make_doc) -> None:
    """Written on 30 October, "in March" after "has fluctuated ..., rising" is the March before, though
    the next March is nearer."""
    text = "The stock has fluctuated sharply, rising to a high in June from $29 in March."
    assert values(make_doc, text, "2018-10-30") == ["2018-06", "2018-03"]


def test_an_infinitive_after_an_adjective_takes_a_past_clause(make_doc) -> None:
    text = "The problems made it difficult for the company to meet demand well into the summer."
    assert values(make_doc, text, "2018-10-26") == ["2018-SU"]


def test_an_infinitive_after_an_adjective_in_the_present_still_looks_ahead(make_doc) -> None:
    text = "The company is ready to sign the contract on Monday."
    assert values(make_doc, text, "2018-09-19") == ["2018-09-24"]


def test_a_past_verb_the_tagger_read_as_an_adjective_looks_back(nlp) -> None:
    """"glossed" tagged JJ and hung under the reported clause's "could do": the weekday it carries is the
    Thursday before a Friday article, not the one after (the parse is given, as the tagger made it)."""
    import datetime as dt

    from spacy.tokens import Doc

    from dateline.time import find_timexes

    words = ["The", "premier", "glossed", "over", "warnings", "on", "Thursday", "that", "tariffs", "could", "do",
             "harm", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 11 + [False, False],
              tags=["DT", "NN", "JJ", "IN", "NNS", "IN", "NNP", "IN", "NNS", "MD", "VB", "NN", "."],
              pos=["DET", "NOUN", "ADJ", "ADP", "NOUN", "ADP", "PROPN", "SCONJ", "NOUN", "AUX", "VERB", "NOUN",
                   "PUNCT"],
              heads=[1, 10, 10, 2, 3, 2, 5, 10, 10, 10, 10, 10, 10],
              deps=["det", "nsubj", "advmod", "prep", "pobj", "prep", "pobj", "mark", "nsubj", "aux", "ROOT", "dobj",
                    "punct"])
    assert [t.value for t in find_timexes(doc.text, dt.date(2018, 3, 9), doc)] == ["2018-03-08"]


def test_an_adjective_with_a_copula_keeps_the_copulas_tense(make_doc) -> None:
    assert values(make_doc, "Shops will be closed on Monday.", "2018-03-09") == ["2018-03-12"]


def test_a_day_a_thing_was_set_for_lies_ahead_of_the_setting(make_doc) -> None:
    """"were set for Tuesday" in a Monday article: the past tense tells when the hearings were set, the day they were
    set for is the coming one, as after "was scheduled for" in the same sentence."""
    text = "Three court sessions were set for Tuesday, and a verdict was scheduled for Wednesday."
    assert values(make_doc, text, "2018-09-17") == ["2018-09-18", "2018-09-19"]
    assert values(make_doc, "A march was planned for Saturday.", "2018-09-19") == ["2018-09-22"]


def test_a_day_a_thing_had_been_set_for_stays_behind(make_doc) -> None:
    """The pluperfect tells a plan the story has overtaken: "had been set for Tuesday" is the Tuesday before."""
    assert values(make_doc, "The talks had been set for Tuesday.", "2018-09-19") == ["2018-09-18"]
