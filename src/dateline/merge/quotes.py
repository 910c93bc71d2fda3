"""What a report quotes: the words inside its quotation marks, and the run of them another report carries too.

Two outlets that retell one statement often carry its words verbatim ("the ministry said it would not tolerate `any
armed convoy crossing the frontier'" / "warned it will stop any armed convoy crossing the frontier"), where their
own wording around it differs and the link model, which weighs shared words as a bag, finds too little in common. A
run of `QUOTE_RUN` words inside one sentence's quotation marks, written word for word in the other sentence, is precise
evidence that the two retell one statement: ordinary sentences of one story share names and words, seldom six
words in a row, and a quoted run is the speaker's wording, not a phrase every report of the story uses. A run must
hold `QUOTE_CONTENT_WORDS` content words, names and function words left out, so that neither "he said it would not
be" nor a shared name ("the National Oceanic and Atmospheric Administration") nor stock phrasing ("the safety of the
nation's fishermen", quoted from three statements on three days) counts as one quotation.

Quotation marks are read in the styles news is printed in: `` and '' (tokenised corpora), straight and curly double
quotes, and single quotes (British outlets) told from apostrophes by what stands beside them ("Egypt's", "protesters'
demands", tokenised "Egypt 's" are no quotes). A quote left open runs to the end of the sentence, and one closed
without an opening began before the sentence: a sentence splitter cuts long quotations into sentences.

Pure and cached by sentence, like the other readers of `dateline.merge.text`.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys

from dateline.merge.text import SENTENCE_CACHE, STOPWORDS, sentence_words

#: Words in a row a shared quotation must hold. Read on every pair of T17 reports of one type sharing a quoted run
#: (sixteenth session): five still joined stock phrases of different statements ("must guarantee the safety of").
QUOTE_RUN = 6
#: Distinct content words (`_content`) a shared run must hold: a run of function words, or of stock phrasing ("the
#: safety of the nation's fishermen", two; "must guarantee the safety of", three), says nothing of one statement.
QUOTE_CONTENT_WORDS = 4
#: Words of its sentence's `text.sentence_words` a quoted run of `QUOTE_RUN` words holds ("of the" runs are left out).
QUOTE_WINDOW_WORDS = 2
#: A word, as the quote reader counts them ("Egypt's" and tokenised "Egypt 's" both give egypt, s).
_WORD = re.compile(r"[^\W_]+")
#: The marks that may open or close a quotation.
_MARK = re.compile(r"``|''|[\"“”‘’']")
#: What follows an apostrophe in a contraction or a possessive written apart ("'s", "'re", "n't" tokenised "n 't").
_CONTRACTION = re.compile(r"(?:s|t|re|ll|ve|d|m)\b", re.IGNORECASE)


def _role(sentence: str, mark: re.Match[str]) -> str | None:
    """Whether a quotation mark opens ("open"), closes ("close"), may do either ("either": a straight double quote) or
    is no quotation mark at all (None: an apostrophe)."""
    text, start, end = mark.group(), mark.start(), mark.end()
    if text in ("``", "“", "‘"):
        return "open"
    if text in ("''", "”"):
        return "close"
    if text == '"':
        return "either"
    before = sentence[start - 1] if start else " "
    after = sentence[end] if end < len(sentence) else " "
    if before.isspace() or before in "([":  # a single quote after a space opens, unless it starts a contraction
        return None if _CONTRACTION.match(sentence, end) or not after.isalnum() else "open"
    if after.isalnum():
        return None  # inside a word: "Egypt's", "don’t"
    return "close" if not before.isspace() and not (before in "sS" and text == "'" and after == " ") else None


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """The character spans inside the sentence's quotation marks (an open quotation runs to the sentence's end; one
    closed without an opening runs from its start)."""
    spans, opened = [], None
    for mark in _MARK.finditer(sentence):
        role = _role(sentence, mark)
        if role is None:
            continue
        if opened is None and role in ("open", "either"):
            opened = mark.end()
        elif opened is not None and role in ("close", "either"):
            spans.append((opened, mark.start()))
            opened = None
        elif opened is None and role == "close" and not spans:
            spans.append((0, mark.start()))
    if opened is not None:
        spans.append((opened, len(sentence)))
    return spans


def _content(word: str) -> bool:
    """Whether a word of a quotation says something of its own: not a function word (`text.STOPWORDS`), not a name
    (capitalised: "the International Civil Aviation Organization" is a name every report of the story writes,
    not a statement two reports quote). Letters only, so that each is one of its sentence's `text.sentence_words`."""
    return word.isalpha() and word.islower() and len(word) > 2 and word not in STOPWORDS


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _tokens(sentence: str) -> tuple[str, ...]:
    """The sentence's words in order, lower-cased and interned."""
    return tuple(sys.intern(word.lower()) for word in _WORD.findall(sentence))


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _content_words(sentence: str) -> frozenset[str]:
    """The sentence's content words (`_content`: written in lower case, no function words)."""
    return frozenset(word for word in _WORD.findall(sentence) if _content(word))


def _windows(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [tokens[i:i + QUOTE_RUN] for i in range(len(tokens) - QUOTE_RUN + 1)]


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def quoted_runs(sentence: str) -> frozenset[tuple[str, ...]]:
    """Every run of `QUOTE_RUN` words inside one of the sentence's quotations that holds `QUOTE_WINDOW_WORDS` of the
    sentence's words (`text.sentence_words`): what another report must write to share a quotation with this one
    (empty for most sentences). The candidate search counts those words to find the reports that may."""
    words = sentence_words(sentence)
    return frozenset(run for start, end in quoted_spans(sentence) for run in _windows(_tokens(sentence[start:end]))
                     if len(words.intersection(run)) >= QUOTE_WINDOW_WORDS)


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def sentence_runs(sentence: str) -> frozenset[tuple[str, ...]]:
    """Every run of `QUOTE_RUN` words of the whole sentence (what a quotation of another report is looked up in)."""
    return frozenset(_windows(_tokens(sentence)))


def shared_quote(first: str, second: str, first_at: int | None = None, second_at: int | None = None) -> str | None:
    """The words one sentence quotes and the other writes word for word, as lower-cased text: the longest run both
    write that holds a quoted run of one of them (`quoted_runs`) and `QUOTE_CONTENT_WORDS` content words of both
    (`_content`); None when they share no quotation. Symmetric.

    Given where each report's trigger stands in its sentence (character offsets), a run counts only when the two
    reports tell it alike (`_told_alike`): both are the statement (triggers outside the shared words: "said",
    "warned"), or both the same word of it (a "protest" the quotation names, read as an event in each); one report's
    event named inside the quotation and the other's outside it, or another word of it, are two acts."""
    shared = (quoted_runs(first) & sentence_runs(second)) | (quoted_runs(second) & sentence_runs(first))
    if not shared:
        return None
    content = _content_words(first) & _content_words(second)
    a, b = _tokens(first), _tokens(second)
    at_a, at_b = _token_at(first, first_at), _token_at(second, second_at)
    where: dict[tuple[str, ...], list[int]] = {}
    for j, run in enumerate(_windows(b)):
        where.setdefault(run, []).append(j)
    best: tuple[str, ...] = ()
    for i, run in enumerate(_windows(a)):
        for j in where.get(run, []) if run in shared else []:
            i0, j0, length = _grown(a, b, i, j)
            common = a[i0:i0 + length]
            if (len(content.intersection(common)) >= QUOTE_CONTENT_WORDS and _told_alike(at_a - i0, at_b - j0, length)
                    and (-len(common), common) < (-len(best), best)):
                best = common
    return " ".join(best) or None


def _told_alike(first: int, second: int, length: int) -> bool:
    """Whether two triggers, as word positions from the start of a shared run of `length` words, both lie outside it
    or both on one word of it."""
    return first == second if 0 <= first < length else not 0 <= second < length


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def _token_starts(sentence: str) -> tuple[int, ...]:
    return tuple(match.start() for match in _WORD.finditer(sentence))


def _token_at(sentence: str, offset: int | None) -> int:
    """The number of the word (in `_tokens`) at a character offset of the sentence: the last word starting at or
    before it; far before the first word when no offset is given (then outside every run)."""
    if offset is None or offset < 0:
        return -(10 ** 6)
    return bisect.bisect_right(_token_starts(sentence), offset) - 1


def _grown(a: tuple[str, ...], b: tuple[str, ...], i: int, j: int) -> tuple[int, int, int]:
    """The longest run both word sequences write around the run of `QUOTE_RUN` words at a[i:] and b[j:]: where it
    starts in each, and its length."""
    back = 0
    while i - back > 0 and j - back > 0 and a[i - back - 1] == b[j - back - 1]:
        back += 1
    ahead = QUOTE_RUN
    while i + ahead < len(a) and j + ahead < len(b) and a[i + ahead] == b[j + ahead]:
        ahead += 1
    return i - back, j - back, back + ahead


__all__ = ["QUOTE_CONTENT_WORDS", "QUOTE_RUN", "QUOTE_WINDOW_WORDS", "quoted_runs", "quoted_spans", "sentence_runs",
           "shared_quote"]
