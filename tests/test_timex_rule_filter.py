"""The time rules are run over a window only when it holds a word the rule needs (`time.rule_filter`), and the words
each rule needs are ones every match of its pattern contains, so skipping a scan never loses a match."""

from __future__ import annotations

from dateline.time.patterns import REQUIRED_WORDS
from dateline.time.rule_filter import RuleFilter
from dateline.time.tag import RULES, find_candidates

_FILTER = RuleFilter(RULES)
_SENTENCES = (
    "The ceasefire held for three days and the talks lasted two more weeks.",
    "Over the past five years the number of refugees grew; in recent months it fell.",
    "Officials said last quarter that daily flights would resume next month.",
    "The army has shelled the town nightly since 2014, and currently holds the bridge.",
    "Rebels seized the airport on the 12th, about 4 1/2 hours after the deadline.",
    "He served a two-year term and was replaced in the following year.",
)


def _names(window: str) -> set[str]:
    return {rule.name for _, rule in _FILTER.rules_for(window)}


def test_rules_without_their_words_are_not_run() -> None:
    plain = "The minister said the army shelled 300 houses"
    assert {"duration", "vague_span", "relative_unit", "frequency"}.isdisjoint(_names(plain))
    assert "year" not in _names("shelled 300 houses")
    assert {"duration", "relative_unit"} <= _names("for three years")


def test_every_rule_that_matches_a_window_is_given_it() -> None:
    for text in _SENTENCES:
        given = _names(text)
        matching = {rule.name for rule in RULES if rule.pattern.search(text)}
        assert matching and matching <= given, text


def test_rules_are_given_in_tie_break_order() -> None:
    orders = [order for order, _ in _FILTER.rules_for(" ".join(_SENTENCES))]
    assert orders == sorted(orders) and len(orders) > 10


def test_a_window_with_a_character_folded_to_ascii_is_given_every_rule() -> None:
    # re.IGNORECASE matches a dotless i with "i", lowering the window does not: "th\u0131s" would miss "this"
    assert len(_FILTER.rules_for("th\u0131s morning")) == len(RULES)
    assert ("this_part_of_day", 0, 12) in {(c.rule.name, c.start, c.end) for c in find_candidates("Th\u0131s morning")}


def test_the_unit_rules_need_their_units() -> None:
    assert {"day", "days", "year", "years", "week", "month"} <= set(REQUIRED_WORDS["duration"])
    assert "years" in REQUIRED_WORDS["vague_span"] and "year" not in REQUIRED_WORDS["vague_span"]
    assert "daily" in REQUIRED_WORDS["frequency"]
