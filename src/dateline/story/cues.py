"""The cue phrases of non-story text (`data/words/non_story_cues.tsv`) compiled to regular expressions.

A cue is written as words and placeholders ("photo : <credit>", "<date> at <time> | reply") so that
an editor never writes a regular expression; this module turns each into one, once per process.
Words match case-insensitively with any spacing, punctuation with or without spaces around it (the
tokenised "Photo : X" of corpora and the "Photo: X" of pages), and brackets also as -LRB- / -RRB-.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import get_args

from dateline.model import ExclusionKind
from dateline.words import word_map, word_set, word_table

#: How far the text a cue marks reaches (see the header of the cue file).
SCOPES = frozenset({"span", "sentence", "line", "rest", "heading", "section", "credit"})
#: Scopes whose cue must be a whole line by itself.
WHOLE_LINE_SCOPES = frozenset({"heading", "section"})

_GAP = r"[^\S\n]"  # a space that does not leave the line
#: Capitalised words that start a sentence, never a name: a credit ends before them ("Photo: X The ...").
_FUNCTION_WORDS = (word_set("pronouns") | word_set("leading_determiners") | word_set("background_markers")
                   | frozenset(word_table("prepositions")))
_NOT_FUNCTION = rf"(?!(?i:{'|'.join(sorted(_FUNCTION_WORDS, key=len, reverse=True))})\b)"
#: A name word; a full stop only after an initial ("V. Clarke"), never the end of a sentence ("Omiboriowo. President").
_NAME_WORD = rf"{_NOT_FUNCTION}(?:[A-Z][a-z]?\.|[A-Z][\w'’&-]*)"
_NAME = rf"(?-i:{_NAME_WORD}(?:{_GAP}+{_NAME_WORD}){{0,3}})"
#: A photo agency after a credit's slash: one word, "Getty Images", "AFP/Getty Images".
_AGENCY = r"(?-i:[A-Z][\w.&-]*(?:[^\S\n](?:Images|Photos|Pictures))?(?:\\?/[A-Z][\w.&-]*(?:[^\S\n]Images)?)?)"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[^\S\n]*(?:[ap]\.?m\.?))?(?:[^\S\n]*(?-i:[A-Z]{2,4})\b)?"


def _alternation(names: list[str]) -> str:
    """Longest first, so "sept" is not read as "sep" + "t"."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _date_pattern() -> str:
    """A written date: optional weekday, then day-month(-year), month-day(-year) or an ISO date."""
    months = _alternation(list(word_map("months")))
    weekdays = _alternation(list(word_map("weekdays")))
    month = rf"(?:{months})\.?"
    weekday = rf"(?:(?:{weekdays})\.?{_GAP}*,?{_GAP}*)?"
    year = rf"(?:{_GAP}*,?{_GAP}*\d{{4}})?"
    return (rf"(?:{weekday}(?:\d{{1,2}}{_GAP}+{month}{year}|{month}{_GAP}+\d{{1,2}}(?:st|nd|rd|th)?\b{year}"
            rf"|\d{{4}}-\d{{2}}-\d{{2}}))")


@cache
def placeholders() -> dict[str, str]:
    """Placeholder -> the regular expression it stands for."""
    date = _date_pattern()
    return {
        "<name>": _NAME,
        "<credit>": rf"{_NAME}(?:{_GAP}*(?:\\?/|{_GAP}for{_GAP}){_GAP}*{_AGENCY})?",
        "<user>": r"[\w.-]+(?:[^\S\n][\w.-]+){0,2}?",
        "<handle>": r"@\w+",
        "<date>": date,
        "<time>": _CLOCK,
        # a semicolon may part the date from the clock time: "March 3, 2011; 7:30 PM ET" (a byline's stamp)
        "<stamp>": rf"(?:{date}{_GAP}*[,;]?{_GAP}*(?:at{_GAP}+)?{_CLOCK}|{_CLOCK}{_GAP}*,?{_GAP}*(?:on{_GAP}+)?{date})",
        "<num>": r"\d+",
        "<any>": r"[^\n]{0,80}?",
        "<start>": r"^[^\S\n|]*\|?[^\S\n]*",
        "<sentence>": r"(?:^|(?<=[.!?])|(?<=[.!?][\"”’']))[^\S\n]*",
        "<end>": r"(?=[^\S\n]*(?:\r?\n|\Z))",
    }


_BRACKETS = {"(": r"(?:\(|-LRB-)", ")": r"(?:\)|-RRB-)"}


def _token_pattern(token: str) -> str:
    if token in placeholders():
        return placeholders()[token]
    return _BRACKETS.get(token, re.escape(token))


def _is_word(token: str) -> bool:
    return bool(re.match(r"\w", token)) and token not in placeholders()


def _is_literal(token: str) -> bool:
    """Whether a cue token matches only itself (up to case): not a placeholder, nor a bracket that also matches
    the parser's -LRB-/-RRB-."""
    return token not in placeholders() and token not in _BRACKETS


def cue_pattern(cue: str) -> str:
    """The regular expression of one cue (case-insensitive; placeholders keep their own case rules)."""
    tokens = cue.split()
    parts = []
    for i, token in enumerate(tokens):
        if i:
            both_words = _is_word(tokens[i - 1]) and _is_word(token)
            parts.append(f"{_GAP}+" if both_words else f"{_GAP}*")
        # a cue word is a whole word ("follow" never matches "followed"), whatever stands beside it
        parts.append(rf"\b{_token_pattern(token)}\b" if _is_word(token) else _token_pattern(token))
    return "".join(parts)


@dataclass(frozen=True)
class Cue:
    """One compiled line of the cue file."""

    cue: str
    kind: ExclusionKind
    scope: str
    regex: re.Pattern[str]
    #: The cue's literal words and marks ("|", ":"), lower-cased: a text that lacks one cannot match, so the regex
    #: is not run. Marks count too: a cue such as '<date> at <time> | <user> :' has no rarer word than "at", and
    #: its date pattern, tried at every character, cost 0.2 CPU s on 32 Timeline17 articles that have no "|".
    words: tuple[str, ...] = ()

    def may_occur_in(self, lowered: str) -> bool:
        """A cheap necessary condition for a match in a lower-cased text (most cues occur in no article)."""
        return all(word in lowered for word in self.words)


@cache
def load_cues() -> tuple[Cue, ...]:
    """Every cue of `data/words/non_story_cues.tsv`, compiled; a wrong kind or scope names the cue."""
    kinds = set(get_args(ExclusionKind))
    cues = []
    for cue, (kind, scope) in word_table("non_story_cues").items():
        if kind not in kinds or scope not in SCOPES:
            raise ValueError(f"non_story_cues.tsv: {cue!r} has kind {kind!r} and scope {scope!r}; "
                             f"kinds are {', '.join(sorted(kinds))}, scopes {', '.join(sorted(SCOPES))}")
        body = cue_pattern(cue)
        if scope in WHOLE_LINE_SCOPES:
            count = r"(?:[(\[]?[^\S\n]*\d+[^\S\n]*[)\]]?)?"  # "Comments (3)", "Comments 12"
            body = rf"^[^\S\n|]*{body}[^\S\n]*{count}[^\S\n]*[:.]?[^\S\n]*$"
        words = tuple(t.lower() for t in cue.split() if _is_literal(t) and t.isascii())
        cues.append(Cue(cue, kind, scope, re.compile(body, re.IGNORECASE | re.MULTILINE), words))  # type: ignore[arg-type]
    return tuple(cues)
