"""The parse stage does less work for the same Doc: the attribute ruler matched by table look-up, and
paragraph starts written in one pass (issues 13 and 15)."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from dateline.nlp import load_model, mark_paragraph_starts
from dateline.nlp_rules import IndexedAttributeRuler, IndexedRules, Unsupported

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]
# Sentences of my own that meet the model's rule exceptions: contractions ("ain't", "gonna", "y'all",
# "let's"), "there is", "but" as an adverb, pronoun cases, auxiliaries, determiners used as pronouns.
TEXTS = [
    "I ain't gonna sign it, y'all. Let's c'm on and go.",
    "There is no deal. There are two reasons, but it is n't over.\n\nHe did. She has had enough of it.",
    "They gave it to me and I gave it to you. That is what he got; this gets worse.",
    "Whether or not the talks resume, the minister said that the army would withdraw.",
]


def _parse_with(nlp, ruler_class: type, texts: list[str]) -> list:
    ruler = nlp.get_pipe("attribute_ruler")
    installed = ruler.__class__
    ruler.__class__ = ruler_class
    try:
        return list(nlp.pipe(texts))
    finally:
        ruler.__class__ = installed


def test_the_indexed_ruler_leaves_exactly_the_annotations_of_spacys_ruler():
    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    stock = _parse_with(nlp, AttributeRuler, TEXTS)
    indexed = _parse_with(nlp, IndexedAttributeRuler, TEXTS)
    for ours, theirs in zip(indexed, stock, strict=True):
        assert numpy.array_equal(ours.to_array(ANNOTATIONS), theirs.to_array(ANNOTATIONS))
    ain = indexed[0]
    assert [t.lemma_ for t in ain[1:3]] == ["be", "not"] and [ain[3].lemma_, ain[4].lemma_] == ["go", "to"]


def test_rules_with_operators_keep_spacys_matching():
    nlp = load_model()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(Unsupported):
        IndexedRules(ruler)


def test_a_later_rule_wins_and_an_index_may_count_from_the_end():
    nlp = load_model()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "strike"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": {"IN": ["air", "drone"]}}, {"LOWER": {"REGEX": "^strikes?$"}}]], {"LEMMA": "second"},
              index=-1)
    doc = nlp.make_doc("An air strike and a drone strikes, then a strike.")
    expected = [t.lemma_ for t in ruler(nlp.make_doc(doc.text))]
    ruler.__class__ = IndexedAttributeRuler
    assert [t.lemma_ for t in ruler(doc)] == expected
    assert [doc[2].lemma_, doc[6].lemma_, doc[10].lemma_] == ["second", "second", "first"]


def test_paragraph_starts_follow_blank_lines_whatever_the_line_ends():
    nlp = load_model()
    doc = mark_paragraph_starts(nlp.make_doc("Talks ended.\r\n\r\nTroops left \n the city.\n\n\nRain fell."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Talks", "Troops", "Rain"]


def test_paragraph_starts_take_linear_time():
    # 20,000 paragraphs: setting Token.is_sent_start one by one re-scanned the Doc for a parse at each
    # start (minutes at this size); one from_array pass takes well under a second.
    nlp = load_model()
    nlp.max_length = max(nlp.max_length, 200_000)
    doc = nlp.make_doc("Troops left.\n\n" * 20_000)
    started = time.perf_counter()
    mark_paragraph_starts(doc)
    assert time.perf_counter() - started < 10
    assert sum(1 for t in doc if t.is_sent_start) == 20_000  # the first token and one after each blank line


def _ruler_of(nlp, rules: list[tuple[list, dict, int]]) -> AttributeRuler:
    ruler = AttributeRuler(nlp.vocab)
    for patterns, attrs, index in rules:
        ruler.add(patterns, attrs, index=index)
    return ruler


@pytest.mark.parametrize("one_token_rule_first", [True, False])
def test_the_table_writes_what_the_matches_written_in_rule_order_leave(one_token_rule_first):
    nlp = load_model()
    one_token = ([[{"LOWER": "strike"}], [{"LOWER": "strikes"}]], {"LEMMA": "alone", "POS": "VERB"}, 0)
    longer = ([[{"LOWER": {"IN": ["air", "drone"]}}, {"LOWER": {"REGEX": "^strikes?$"}}]], {"LEMMA": "aerial"}, -1)
    rules = [one_token, longer] if one_token_rule_first else [longer, one_token]
    text = "An air strike and a drone strikes, then a strike near the strikes."
    expected = _ruler_of(nlp, rules)(nlp.make_doc(text))
    ruler = _ruler_of(nlp, rules)
    indexed = IndexedRules(ruler)
    assert indexed.tabled
    doc = nlp.make_doc(text)
    indexed.apply(doc, ruler.indices)
    assert numpy.array_equal(doc.to_array(ANNOTATIONS), expected.to_array(ANNOTATIONS))
    lemmas = [doc[2].lemma_, doc[6].lemma_, doc[10].lemma_]
    assert lemmas == (["aerial", "aerial", "alone"] if one_token_rule_first else ["alone", "alone", "alone"])
    assert doc[2].pos_ == "VERB"  # the longer rule writes no POS: the one-token rule's stays whatever the order


def test_the_models_rules_are_written_as_a_table_with_spacys_annotations():
    nlp = load_model()
    installed = nlp.get_pipe("attribute_ruler")
    assert installed._rules().tabled
    stock = _parse_with(nlp, AttributeRuler, TEXTS)
    for text, theirs in zip(TEXTS, stock, strict=True):
        doc = nlp.get_pipe("parser")(nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(nlp.make_doc(text))))
        installed._rules().apply(doc, installed.indices)
        ours = nlp.get_pipe("lemmatizer")(doc)
        assert numpy.array_equal(ours.to_array(ANNOTATIONS), theirs.to_array(ANNOTATIONS))
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_rules_that_write_a_lexemes_attribute_are_written_match_by_match():
    """spaCy's ruler writes a flag on the vocabulary's entry too, which a table of token values would not. (A blank
    pipeline's own vocabulary: the flag would stay on the shared model's.)"""
    blank = spacy.blank("en")
    rules = [([[{"LOWER": "ceasefire"}]], {"IS_STOP": True}, 0), ([[{"LOWER": "truce"}]], {"LEMMA": "pause"}, 0)]
    ruler = _ruler_of(blank, rules)
    assert not IndexedRules(ruler).tabled
    expected = [t.lemma_ for t in _ruler_of(blank, rules)(blank.make_doc("A ceasefire, then a truce."))]
    ruler.__class__ = IndexedAttributeRuler
    doc = ruler(blank.make_doc("A ceasefire, then a truce."))
    assert [t.lemma_ for t in doc] == expected and doc[1].is_stop and doc[5].lemma_ == "pause"


def test_a_lost_private_writer_stops_the_import_naming_spacy():
    # in a child process, so this process keeps its modules: spaCy's private writer made unimportable
    code = ("import spacy.tokens._retokenize as retokenize; del retokenize.set_token_attrs\n"
            "try:\n    import dateline.nlp_rules\nexcept Exception as exc:\n"
            "    print(type(exc).__name__, exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.startswith("SpacyInternalsChanged")
    assert f"spaCy {spacy.__version__} is installed" in out and "set_token_attrs" in out
