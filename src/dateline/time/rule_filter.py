"""Which of the time rules a window of text can hold a match of, decided by the words each rule needs.

A rule's `needs` (`patterns.REQUIRED_WORDS`) are lowercase strings one of which every match of its pattern contains,
so a window that holds none of them cannot hold a match and the rule's scan of it is skipped. The needed words of all
rules are looked for once per window (not once per rule: many rules share "day", "the ", the months' stems), and the
rules whose words are present are kept in tie-break order.

A rule's pattern is matched case-insensitively while the words are looked for in the lowered window; the two agree
except on the four characters beyond ASCII that `re.IGNORECASE` matches with an ASCII letter (`FOLDED_TO_ASCII`), so a
window holding one of them is given every rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.time.rules import Rule

#: The characters beyond ASCII that `re.IGNORECASE` matches with an ASCII letter (dotted and dotless I, long s, the
#: kelvin sign).
FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"


class RuleFilter:
    """The rules, in tie-break order, and the words they need, to pick the rules worth running over one window."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.ordered: tuple[tuple[int, Rule], ...] = tuple(enumerate(rules))
        self.words: tuple[str, ...] = tuple(sorted({word for _, rule in self.ordered for word in rule.needs}))

    def rules_for(self, window: str) -> list[tuple[int, Rule]]:
        """(tie-break order, rule) of every rule that may match inside `window`, in order."""
        if any(char in window for char in FOLDED_TO_ASCII):
            return list(self.ordered)
        lowered = window.lower()
        present = {word for word in self.words if word in lowered}
        return [(order, rule) for order, rule in self.ordered if not rule.needs or not present.isdisjoint(rule.needs)]
