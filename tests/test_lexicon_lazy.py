"""A verb's CAMEO patterns are checked slot by slot; the words that stand for its arguments and those that carry a
negation are read from the parse only once a pattern gets as far as asking for them (`Lexicon._best_pattern`): most
verbs have no pattern whose slots match, and reading both for every verb was 40 % of the verb look-ups' time."""

from __future__ import annotations

import pytest

import dateline.events.lexicon as lexicon_module
from dateline.events.lexicon import load_lexicon
from dateline.nlp import load_model


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the look-up read the arguments and the negated words of a verb's phrase."""
    count = {"arguments": 0, "negated": 0}

    def counting(name: str, read):
        def wrapped(token):
            count[name] += 1
            return read(token)
        return wrapped

    monkeypatch.setattr(lexicon_module, "argument_words", counting("arguments", lexicon_module.argument_words))
    monkeypatch.setattr(lexicon_module, "negated_words", counting("negated", lexicon_module.negated_words))
    return count


def verb(sentence: str, word: str):
    return next(t for t in load_model()(sentence) if t.text == word)


def test_a_verb_no_pattern_of_its_block_fits_reads_neither_its_arguments_nor_its_negations(reads):
    entry = load_lexicon().verb_entry(verb("The two envoys discussed fishing quotas on Monday.", "discussed"))
    assert entry is not None and entry.type == "CONSULT"
    assert reads == {"arguments": 0, "negated": 0}


def test_a_verb_whose_patterns_get_that_far_reads_them_once_however_many_patterns_ask(reads):
    entry = load_lexicon().verb_entry(verb("Troops arrested four smugglers at the port.", "arrested"))
    assert entry is not None and entry.type == "COERCE"
    assert reads == {"arguments": 1, "negated": 1}
