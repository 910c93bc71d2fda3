"""spaCy's rule lemmatizer, applied once per distinct word, part of speech and morphology: the same lemmas, less time.

The English models' `lemmatizer` (rule mode) makes a Token for every word of a Doc, reads its orth, POS and
morphology to key its cache, and writes the lemma string back on the Token: ~0.25 CPU s on 32 Timeline17 articles
once warm, most of it per-token Python rather than lemmatising. Its answer is a function of that key alone (the
rules read the word, its POS and, for English `is_base_form`, its morphology), so `TabledLemmas` reads the three
columns with `Doc.to_array`, lemmatises the first token of each distinct key through the component's own
`lemmatize` (which keeps its cache), and writes every token's lemma in one `Doc.from_array`. Tokens that already
have a lemma (set by the attribute ruler) keep it unless the component overwrites, as in spaCy.

Only the lemmatizer classes whose reading of a token is known (spaCy's `Lemmatizer` and `EnglishLemmatizer`, in
the rule or lookup mode) are tabled; anything else keeps spaCy's own loop. The table calls the component's
private table check as its `__call__` does; if that is gone, loading stops with `SpacyInternalsChanged`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from dateline.nlp_transitions import internals_changed

#: The lemmatizers whose answer for a token depends on its ORTH, POS and MORPH alone, in these modes.
KNOWN_CLASSES = (Lemmatizer, EnglishLemmatizer)
KEYED_MODES = frozenset({"rule", "lookup"})


def lemma_hashes(lemmatizer: Any, doc: Doc) -> np.ndarray:
    """Every token's LEMMA hash after `lemmatizer`: its own lemma where it keeps one, else the lemma of the first
    token with the same (ORTH, POS, MORPH), lemmatised once and added to the vocabulary's strings."""
    columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = columns[:, 3].copy()
    todo = np.arange(len(doc)) if lemmatizer.overwrite else np.flatnonzero(lemmas == 0)
    if not len(todo):
        return lemmas
    _, first, which = np.unique(columns[todo, :3], axis=0, return_index=True, return_inverse=True)
    strings = doc.vocab.strings
    found = np.fromiter((strings.add(lemmatizer.lemmatize(doc[int(todo[i])])[0]) for i in first),
                        dtype=lemmas.dtype, count=len(first))
    lemmas[todo] = found[which.reshape(-1)]
    return lemmas


class TabledLemmas:
    """Mixed into a loaded lemmatizer's class by `table_lemmatizer`: `__call__` writes the lemmas as a table."""

    def __call__(self: Any, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            if len(doc):
                doc.from_array([LEMMA], lemma_hashes(self, doc))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own handling of a component's error
            return self.get_error_handler()(self.name, self, [doc], e)


_TABLED: dict[type, type] = {}


def table_lemmatizer(nlp: Any, name: str = "lemmatizer") -> bool:
    """Make the model's lemmatizer write its lemmas as a table, if its class and mode are known (else leave it)."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    cls = type(lemmatizer)
    if cls not in KNOWN_CLASSES or lemmatizer.mode not in KEYED_MODES:
        return False
    if not hasattr(lemmatizer, "_validated") or not callable(getattr(lemmatizer, "_validate_tables", None)):
        raise internals_changed("its Lemmatizer keeps no `_validated` flag or `_validate_tables` check")
    if cls not in _TABLED:
        _TABLED[cls] = type(f"Tabled{cls.__name__}", (TabledLemmas, cls), {"__doc__": TabledLemmas.__doc__})
    lemmatizer.__class__ = _TABLED[cls]
    return True


__all__ = ["TabledLemmas", "lemma_hashes", "table_lemmatizer"]
