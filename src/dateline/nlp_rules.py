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

Applying the matches one by one (a Token made and written per match: 127,000 matches on 94,000 tokens, nearly all
of them one-token tag rules) cost a fifth of the ruler's time once matching was a look-up. So `IndexedRules.apply`
writes them as a table: what the one-token rules of a combination of values leave on a token (later rules win) is
worked out once per combination; a doc's tokens take their rows in one array operation and one `Doc.from_array`,
and only a token that a longer pattern also writes is worked out from its matches in rule order. Rules that
write a lexeme's attribute (which spaCy's ruler also sets on the vocabulary's entry) or an extension keep the
match-by-match writing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, NORM, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dateline.nlp_transitions import internals_changed

try:  # spaCy's own writer of a rule's attributes, as its ruler calls it: private, so its loss must be loud
    from spacy.tokens._retokenize import set_token_attrs
except ImportError as exc:
    raise internals_changed("spacy.tokens._retokenize.set_token_attrs, which the attribute ruler's table "
                            "(dateline.nlp_rules) calls, cannot be imported") from exc

#: Token attributes whose value is a string (read from `Doc.to_array` as string hashes).
STRING_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX"})
#: Token attributes whose value is a flag (0 or 1).
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                        "IS_STOP", "LIKE_NUM"})
#: Attributes a rule may write for its matches to be written as a table: a token's own, none a lexeme's as well.
TOKEN_ONLY_WRITES = frozenset({LEMMA, NORM, POS, TAG, MORPH, DEP})
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
        self.rule_writes: list[dict[int, int]] = [dict(attrs) for attrs in ruler.attrs]
        self.written = sorted({attr for attrs in self.rule_writes for attr in attrs})
        #: whether `apply` may write the matches as a table (else `matches` and spaCy's writing)
        self.tabled = bool(self.written) and TOKEN_ONLY_WRITES.issuperset(self.written)
        self._forget()

    def _forget(self) -> None:
        """Start the per-combination tables afresh."""
        self.value_masks: list[dict[int, int]] = [{} for _ in self.attrs]
        self.met: dict[tuple[int, ...], int] = {}
        self.starting: dict[tuple[int, ...], list[tuple[int, int, tuple[int, ...]]]] = {}
        self.single_rules: dict[tuple[int, ...], list[int]] = {}  # one-token rules met, in rule order
        self.single_row: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[bool, ...]]] = {}  # their writes
        self.longer: dict[tuple[int, ...], list[tuple[int, int, tuple[int, ...]]]] = {}  # longer patterns

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
        starting = [p for p in self.patterns if met >> p[2][0] & 1]
        self.starting[key] = starting
        rules = sorted({rule for rule, _, ids in starting if len(ids) == 1})
        writes: dict[int, int] = {}
        for rule in rules:
            writes.update(self.rule_writes[rule])
        self.single_rules[key] = rules
        self.single_row[key] = (tuple(writes.get(a, 0) for a in self.written), tuple(a in writes for a in self.written))
        self.longer[key] = [p for p in starting if len(p[2]) > 1]

    def _keys(self, doc: Doc) -> list[tuple[int, ...]]:
        """Each token's combination of the values the rules read, every new one remembered."""
        keys = [tuple(row) for row in doc.to_array(self.array_attrs).reshape(len(doc), -1).tolist()]
        self._remember_all(keys)
        return keys

    def _remember_all(self, keys: list[tuple[int, ...]]) -> None:
        unseen = set(keys).difference(self.met)
        if len(self.met) + len(unseen) > MAX_REMEMBERED:
            self._forget()
            unseen = set(keys)
        for key in unseen:
            self._remember(key)

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule, match id, start, end) of every pattern match in the Doc, sorted as AttributeRuler sorts them."""
        if not self.attrs or not len(doc):
            return []
        keys = self._keys(doc)
        found = []
        for start, key in enumerate(keys):
            for rule, match_id, ids in self.starting[key]:
                if self._continues(keys, start, ids):
                    found.append((rule, match_id, start, start + len(ids)))
        found.sort()
        return found

    def _continues(self, keys: list[tuple[int, ...]], start: int, ids: tuple[int, ...]) -> bool:
        """Whether a pattern that may start at token `start` (its first spec met) matches on to its end: every later
        token of it, within the doc, meets its spec. `keys` holds each token's combination of values."""
        met = self.met
        return start + len(ids) <= len(keys) and all(met[keys[start + j]] >> ids[j] & 1 for j in range(1, len(ids)))

    def apply(self, doc: Doc, indices: list[int]) -> None:
        """Write every match's attributes on the doc as a table (see the module's docstring): the same tokens as
        `matches` written one by one in rule order would leave. Only for rules that are `tabled`; `indices` are
        the ruler's (which token of a match its attributes go to)."""
        if not len(doc):
            return
        read = doc.to_array(self.array_attrs).reshape(len(doc), -1)
        combinations, rows = np.unique(read, axis=0, return_inverse=True)
        rows = rows.reshape(-1)
        keys = [tuple(row) for row in combinations.tolist()]
        self._remember_all(keys)
        values = np.array([self.single_row[key][0] for key in keys], dtype=np.uint64)
        written = np.array([self.single_row[key][1] for key in keys], dtype=bool)
        before = doc.to_array(self.written).reshape(len(doc), -1)
        after = np.where(written[rows], values[rows], before)
        longer: dict[int, list[int]] = {}  # token -> the rules of the longer patterns that write it
        may_start = np.array([bool(self.longer[key]) for key in keys])
        starts = np.flatnonzero(may_start[rows]).tolist()
        token_keys = [keys[row] for row in rows.tolist()] if starts else []
        for start in starts:
            for rule, _, ids in self.longer[token_keys[start]]:
                if self._continues(token_keys, start, ids):
                    index = indices[rule]
                    longer.setdefault(start + index if index >= 0 else start + len(ids) + index, []).append(rule)
        for token, rules in longer.items():
            writes = dict(zip(self.written, before[token].tolist(), strict=True))
            for rule in sorted([*self.single_rules[keys[rows[token]]], *rules]):
                writes.update(self.rule_writes[rule])
            after[token] = [writes[a] for a in self.written]
        doc.from_array(self.written, after)


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with `IndexedRules` for matching and a leaner application of the matches.

    Installed on a loaded model by `index_attribute_ruler`; the rules are compiled on first use and
    again whenever rules are added."""

    _indexed: IndexedRules | None = None

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            rules = self._rules()
            if rules.tabled:
                rules.apply(doc, self.indices)
            else:
                self.set_annotations(doc, rules.matches(doc))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own handling of a component's error
            return error_handler(self.name, self, [doc], e)

    def _rules(self) -> IndexedRules:
        if self._indexed is None or self._indexed.rule_count != len(self.attrs):
            self._indexed = IndexedRules(self)
        return self._indexed

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        return self._rules().matches(doc)

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
