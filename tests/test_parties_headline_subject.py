"""A sentence whose verb the small parser hangs on its subject as a participle ("The Saudi-led coalition bombed
Sanaa" parsed as one noun phrase, `parties_participles.headline_subject`): the noun is the verb's subject when the
sentence has no other verb, but not when the participle is a passive ("Protesters arrested in Cairo", "Activist
handed ten-year sentence"). Sentences written for these tests; each test states the parse it relies on, so a new
model that parses the sentence well shows up as a failed premise, not as a silent pass."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.events.parties import trigger_parties
from dateline.events.parties_participles import headline_subject
from stage_run import candidates, event_at
from test_parties_retyped import countries


def _verb(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_a_participle_with_an_object_under_a_verbless_root_has_the_noun_as_subject(nlp) -> None:
    text = "The Saudi-led coalition bombed Sanaa on Monday."
    verb = _verb(nlp, text, "bombed")
    assert verb.dep_ == "acl" and verb.head.dep_ == "ROOT"  # the premise: the mis-parse
    assert headline_subject(verb) is not None
    assert countries(event_at(candidates(nlp, text), "bombed").actors) == ["SAU"]


def _parsed(nlp, rows: list[tuple[str, str, str, str, int]], lemmas: dict[str, str] | None = None):
    """A Doc with the parse written out (word, tag, pos, dep, head index): the mis-parses of the small model
    without depending on which sentences it happens to mis-parse. Lemmas are the words in lower case unless
    `lemmas` says otherwise."""
    words, tags, pos, deps, heads = (list(column) for column in zip(*rows, strict=True))
    lemma = [(lemmas or {}).get(w, w.lower()) for w in words]
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemma)


def test_the_tagger_s_finite_past_without_an_object_is_the_noun_s_act(nlp) -> None:
    doc = _parsed(nlp, [("The", "DT", "DET", "det", 1), ("box", "NN", "NOUN", "ROOT", 1),
                        ("clogged", "VBD", "VERB", "acl", 1), ("up", "RP", "ADP", "prt", 2),
                        (".", ".", "PUNCT", "punct", 1)])
    assert headline_subject(doc[2]) is not None


def test_a_past_participle_without_an_object_is_a_passive(nlp) -> None:
    doc = _parsed(nlp, [("Activists", "NNS", "NOUN", "ROOT", 0), ("detained", "VBN", "VERB", "acl", 0),
                        ("in", "IN", "ADP", "prep", 1), ("Minsk", "NNP", "PROPN", "pobj", 2)])
    assert headline_subject(doc[1]) is None


def test_a_verb_whose_passive_keeps_an_object_is_not_the_noun_s_act(nlp) -> None:
    doc = _parsed(nlp, [("Blogger", "NN", "NOUN", "ROOT", 0), ("handed", "VBN", "VERB", "acl", 0),
                        ("long", "JJ", "ADJ", "amod", 3), ("sentence", "NN", "NOUN", "dobj", 1)], {"handed": "hand"})
    assert headline_subject(doc[1]) is None


def test_the_same_parse_with_a_verb_of_doing_has_the_noun_as_subject(nlp) -> None:
    doc = _parsed(nlp, [("Rebels", "NNS", "NOUN", "ROOT", 0), ("seized", "VBN", "VERB", "acl", 0),
                        ("the", "DT", "DET", "det", 3), ("airport", "NN", "NOUN", "dobj", 1)], {"seized": "seize"})
    assert headline_subject(doc[1]) is not None


def test_a_participle_in_a_sentence_with_a_finite_verb_is_left_to_the_parse(nlp) -> None:
    doc = _parsed(nlp, [("Rebels", "NNS", "NOUN", "nsubj", 4), ("seized", "VBN", "VERB", "acl", 0),
                        ("the", "DT", "DET", "det", 3), ("airport", "NN", "NOUN", "dobj", 1),
                        ("left", "VBD", "VERB", "ROOT", 4)])
    assert headline_subject(doc[1]) is None


def test_a_participle_hung_inside_a_long_subject_takes_the_subject_not_the_noun_it_hangs_on(nlp) -> None:
    # the long subject: "donated" hangs on "groups", the root is "Nurses"; the givers are the nurses, and the
    # groups are no recipient of their own gift
    doc = _parsed(nlp, [("Nurses", "NNS", "NOUN", "ROOT", 0), ("from", "IN", "ADP", "prep", 0),
                        ("two", "CD", "NUM", "nummod", 3), ("groups", "NNS", "NOUN", "pobj", 1),
                        ("donated", "VBN", "VERB", "acl", 3), ("and", "CC", "CCONJ", "cc", 4),
                        ("delivered", "VBD", "VERB", "conj", 4), ("medicine", "NN", "NOUN", "dobj", 6)],
                  {"donated": "donate", "delivered": "deliver"})
    assert headline_subject(doc[4]).text == "Nurses"
    found = trigger_parties(doc[4])
    assert [t.text for t in found.actors] == ["Nurses"]
    assert "groups" not in [t.text for t in found.recipients]  # no "noun the passive participle modifies"


def test_a_passive_participle_on_a_noun_still_has_that_noun_as_recipient(nlp) -> None:
    doc = _parsed(nlp, [("Activists", "NNS", "NOUN", "ROOT", 0), ("detained", "VBN", "VERB", "acl", 0),
                        ("in", "IN", "ADP", "prep", 1), ("Minsk", "NNP", "PROPN", "pobj", 2)], {"detained": "detain"})
    found = trigger_parties(doc[1])
    assert (found.actors, [t.text for t in found.recipients]) == ([], ["Activists"])
