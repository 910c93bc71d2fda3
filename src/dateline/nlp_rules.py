"""spaCy's attribute ruler, matched by table look-up: the same annotations at a fraction of the time.

The English models' `attribute_ruler` (tag -> POS and morphology, a few lemma and POS exceptions:
179 fixed-length patterns) ran its rules through spaCy's general `Matcher`, which tries every
pattern's predicates on every token: about 11 % of the whole parse of Timeline17 articles, as
long as the dependency parser itself. Its patterns only test a token's own attributes (tag,
lower-case form, dependency label, whether it is a space), so which patterns can start at a token
is a function of those few values: `IndexedRules` computes it once per distinct combination and
looks it up for every later token. Matches are sorted and applied exactly as `AttributeRuler`
does (by rule number, then position; later rules win), so the Doc it leaves is identical.

A model whose rules use anything else (operators such as `OP`, comparison or fuzzy predicates,
attributes not listed in `STRING_ATTRS` / `FLAG_ATTRS`) keeps spaCy's own matching.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Token attributes whose value is a string (read from `Doc.to_array` as string hashes).
STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX"})
#: Token attributes whose value is a flag (0 or 1).
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                        "IS_STOP", "LIKE_NUM"})
#: Distinct attribute combinations remembered before the table is started afresh (bounds memory).
MAX_REMEMBERED = 200_000

Test = Callable[[Any], bool]


class Unsupported(ValueError):
    """A rule this matcher cannot read exactly; the model keeps spaCy's matching."""


def value_test(attr: str, spec: Any) -> Test:
    """A test of one attribute's value (a string, or an int for a flag) against a pattern's spec."""
    if isinstance(spec, dict):
        tests = [_predicate(attr, op, arg) for op, arg in spec.items()]
        return lambda value: all(test(value) for test in tests)
    if attr in FLAG_ATTRS:
        return lambda value, wanted=int(spec): value == wanted
    return lambda value, wanted=spec: value == wanted


def _predicate(attr: str, op: str, arg: Any) -> Test:
    if op == "REGEX" and attr in STRING_ATTRS:
        return re.compile(arg).search  # type: ignore[return-value]
    if op in ("IN", "NOT_IN"):
        options = frozenset(int(a) for a in arg) if attr in FLAG_ATTRS else frozenset(arg)
        return (lambda value: value in options) if op == "IN" else (lambda value: value not in options)
    raise Unsupported(f"{attr} {op}")


class IndexedRules:
    """The patterns of an `AttributeRuler`, compiled to per-attribute tests and look-up tables.

    Each distinct token test of the patterns (a "spec") is one bit. For every attribute the rules read,
    the value met in a token maps to the bits of the specs that value does not rule out; a token meets
    the AND of its attributes' masks, and the patterns that may start at it are remembered per
    combination of values."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.rule_count = len(ruler.attrs)
        specs: dict[str, int] = {}
        self.attrs: list[str] = []
        self.spec_tests: list[dict[str, Test]] = []
        self.patterns: list[tuple[int, int, tuple[int, ...]]] = []  # (rule, match id, spec ids)
        for rule, entry in enumerate(ruler.patterns):
            match_id = self.strings[str(rule)]
            for pattern in entry["patterns"]:
                if not -len(pattern) <= entry["index"] < len(pattern):
                    raise Unsupported(f"index {entry['index']} outside a pattern of {len(pattern)}")
                ids = tuple(self._spec_id(token_spec, specs) for token_spec in pattern)
                self.patterns.append((rule, match_id, ids))
        self.array_attrs = [IDS[attr] for attr in self.attrs]
        self.value_masks: list[dict[int, int]] = [{} for _ in self.attrs]
        self.met: dict[tuple[int, ...], int] = {}
        self.starting: dict[tuple[int, ...], list[tuple[int, int, tuple[int, ...]]]] = {}

    def _spec_id(self, token_spec: dict[str, Any], specs: dict[str, int]) -> int:
        key = repr(sorted(token_spec.items()))
        if key not in specs:
            tests = {}
            for attr, spec in token_spec.items():
                attr = "ORTH" if attr == "TEXT" else attr
                if attr not in STRING_ATTRS and attr not in FLAG_ATTRS:
                    raise Unsupported(attr)
                if attr not in self.attrs:
                    self.attrs.append(attr)
                tests[attr] = value_test(attr, spec)
            specs[key] = len(self.spec_tests)
            self.spec_tests.append(tests)
        return specs[key]

    def _value_mask(self, column: int, value: int) -> int:
        """The specs that an attribute's value (a string hash or a flag) does not rule out, as bits."""
        attr = self.attrs[column]
        readable = self.strings[value] if attr in STRING_ATTRS else value
        mask = 0
        for bit, tests in enumerate(self.spec_tests):
            test = tests.get(attr)
            if test is None or test(readable):
                mask |= 1 << bit
        self.value_masks[column][value] = mask
        return mask

    def _remember(self, key: tuple[int, ...]) -> None:
        met = -1
        for column, value in enumerate(key):
            masks = self.value_masks[column]
            met &= masks[value] if value in masks else self._value_mask(column, value)
        self.met[key] = met
        self.starting[key] = [p for p in self.patterns if met >> p[2][0] & 1]

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule, match id, start, end) of every pattern match in the Doc, sorted as AttributeRuler sorts them."""
        if not self.attrs or not len(doc):
            return []
        keys = [tuple(row) for row in doc.to_array(self.array_attrs).reshape(len(doc), -1).tolist()]
        unseen = set(keys).difference(self.met)
        if len(self.met) + len(unseen) > MAX_REMEMBERED:
            self.met.clear()
            self.starting.clear()
            self.value_masks = [{} for _ in self.attrs]
            unseen = set(keys)
        for key in unseen:
            self._remember(key)
        found = []
        met, starting = self.met, self.starting
        for start, key in enumerate(keys):
            for rule, match_id, ids in starting[key]:
                end = start + len(ids)
                if end <= len(keys) and all(met[keys[start + j]] >> ids[j] & 1 for j in range(1, len(ids))):
                    found.append((rule, match_id, start, end))
        found.sort()
        return found


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with `IndexedRules` for matching and a leaner application of the matches.

    Installed on a loaded model by `index_attribute_ruler`; the rules are compiled on first use and
    again whenever rules are added."""

    _indexed: IndexedRules | None = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self._indexed is None or self._indexed.rule_count != len(self.attrs):
            self._indexed = IndexedRules(self)
        return self._indexed.matches(doc)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        for rule, _match_id, start, end in matches:
            index = self.indices[rule]
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[rule])


def index_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Make the model's attribute ruler match by table look-up, if its rules allow it exactly (else leave it)."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return False
    try:
        IndexedRules(ruler)
    except Unsupported:
        return False
    ruler.__class__ = IndexedAttributeRuler
    return True


__all__ = ["IndexedAttributeRuler", "IndexedRules", "Unsupported", "index_attribute_ruler"]
