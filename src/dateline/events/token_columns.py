"""A parse's per-token attributes read once into plain lists, for the loops that look at every token (issue 13).

A loop over a sentence's tokens makes a spaCy `Token` for each (about 0.2 µs) and then reads each string attribute
through it (about as much again). The trigger finder walks every sentence twice and the detector once more, and most
tokens are passed over on their part of speech or their lower-cased form alone. Those two columns are read here once
per parse with `Doc.to_array`, so a loop makes a `Token` only for the tokens it goes on to look at. The columns are
the strings `Token.pos_` and `Token.lower_` give, so a loop that reads them decides exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from spacy.attrs import IS_ALPHA, LENGTH, LOWER, POS


@dataclass(frozen=True)
class TokenColumns:
    """Per-token columns of one parse, indexed by token position in the `Doc`."""

    pos: list[str]  #: `Token.pos_`
    lower: list[str]  #: `Token.lower_`
    alpha: list[bool]  #: `Token.is_alpha`
    length: list[int]  #: `len(Token.text)`


_MADE: WeakKeyDictionary[Any, TokenColumns] = WeakKeyDictionary()


def token_columns(doc: Any) -> TokenColumns:
    """The columns of `doc` (a spaCy `Doc`), read once and kept as long as the `Doc` lives."""
    columns = _MADE.get(doc)
    if columns is None or len(columns.pos) != len(doc):  # a retokenised parse is read again
        columns = _read(doc)
        _MADE[doc] = columns
    return columns


def _read(doc: Any) -> TokenColumns:
    strings = doc.vocab.strings
    rows = doc.to_array([POS, LOWER, IS_ALPHA, LENGTH]).tolist() if len(doc) else []
    names: dict[int, str] = {}  # each distinct id looked up in the string store once

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key]
        return found

    return TokenColumns(pos=[name(row[0]) for row in rows], lower=[name(row[1]) for row in rows],
                        alpha=[bool(row[2]) for row in rows], length=[row[3] for row in rows])


def sentence_range(sent: Any) -> tuple[Any, range]:
    """The `Doc` a sentence (a `Span`, or a whole `Doc`) belongs to and its token positions in it."""
    if hasattr(sent, "start"):
        return sent.doc, range(sent.start, sent.end)
    return sent, range(len(sent))


def tokens_where(sent: Any, keep: Callable[[str, str], bool]) -> Iterator[Any]:
    """The tokens of a sentence (a `Span` or a `Doc`), in order, whose part of speech and lower-cased form pass
    `keep(pos, lower)`: the same tokens a loop over the sentence testing `token.pos_` and `token.lower_` goes on with,
    without a `Token` made for the others."""
    doc, positions = sentence_range(sent)
    columns = token_columns(doc)
    pos, lower = columns.pos, columns.lower
    return (doc[i] for i in positions if keep(pos[i], lower[i]))
