"""A series of finite verbs with no "and" before the middle one (`parties_participles.series_subject`): the parser
sometimes hangs the first verb as an unmarked adverbial clause of the second, which is then left with no subject;
the second shares the first's. A clause opened by a marker ("after") keeps its own reading. The parses are set by
hand (the parser makes this one only now and then), over sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.events.parties import trigger_parties
from dateline.events.parties_participles import series_subject


def _series(nlp, marker: bool) -> Doc:
    """"[After] villagers left the mosque , blocked the road .": "left" an adverbial clause of "blocked"."""
    words = ["villagers", "left", "the", "mosque", ",", "blocked", "the", "road", "."]
    heads = [1, 5, 3, 1, 5, 5, 7, 5, 5]
    deps = ["nsubj", "advcl", "det", "dobj", "punct", "ROOT", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", ",", "VBD", "DT", "NN", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["villager", "leave", "the", "mosque", ",", "block", "the", "road", "."]
    if marker:
        words, tags, pos, lemmas = ["After", *words], ["IN", *tags], ["SCONJ", *pos], ["after", *lemmas]
        heads, deps = [2, *(h + 1 for h in heads)], ["mark", *deps]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_the_second_verb_of_a_series_shares_the_first_ones_subject(nlp) -> None:
    doc = _series(nlp, marker=False)
    assert series_subject(doc[5]).i == 0
    assert [t.text for t in trigger_parties(doc[5]).actors] == ["villagers"]


def test_a_marked_clause_lends_no_subject(nlp) -> None:
    doc = _series(nlp, marker=True)
    assert series_subject(doc[6]) is None
    assert trigger_parties(doc[6]).actors == []
