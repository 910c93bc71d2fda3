"""What two reports' sentences can share, read once per sentence: content words, counts in digits, names.

The link model (`dateline.merge.link`) weighs these; the rules (`dateline.merge.rules`) read party name words with
the same reader. Each reader is cached by sentence: a merge compares each stored report with many new ones. Their
words are interned: the reports a merge keeps (`dateline.merge.cache`) share one copy of each word.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys

from dateline.words import number_map, word_map, word_set

#: Words left out of the sentence comparison: function words and news boilerplate, and the names of months and
#: weekdays (a date both sentences write is weighed by the dates; every report of that day shares it).
DATE_NAMES = frozenset(word_map("months")) | frozenset(word_map("weekdays"))
STOPWORDS = word_set("merge_stopwords") | DATE_NAMES
_WORD = re.compile(r"[^\W\d_]{3,}")
#: A count or amount in digits; not digits inside a name or code ("H1N1", "G20", "COVID-19", "F-16": every report of a
#: story writes them, as every report of an epidemic writes its virus), though a unit may follow ("$1.3bn", "6m").
_NUMBER = re.compile(r"(?<!\w)(?<![^\W\d_]-)\d+(?:[.,:]\d+)*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W{0,2}$")
_WORD_AFTER = re.compile(r"^\W{0,2}([A-Za-z]+)")
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_NUMBER_WORDS = {word: value for word, value in number_map("number_words").items() if " " not in word}
#: Nouns of a rough group ("a dozen": "half a dozen", "dozens"), told apart in `number_words` by their "a ..." entry:
#: they count roughly, not as the digits another outlet writes.
_GROUP_NOUNS = {key.split()[1] for key in number_map("number_words") if key.startswith("a ") and len(key.split()) == 2}
#: Counts written in words that name the same count as digits: "Eleven workers were killed" and "killed 11 workers"
#: share the 11. Only the tens and the teens (10-99, and compounds such as "twenty-five"): one to nine are written in
#: words by every style guide, so "two days later" would share a "2" with every other story's small count. A group noun
#: ("dozen") is no count.
WORD_COUNTS = {word: value for word, value in _NUMBER_WORDS.items() if 10 <= value < 100 and word not in _GROUP_NOUNS}
#: The unit words that follow a tens word after a hyphen ("twenty-five").
NUMBER_UNITS = {word: value for word, value in _NUMBER_WORDS.items() if 1 < value < 10}
_WORD_COUNT = re.compile(r"\b([a-z]+)(?:-([a-z]+))?\b")
#: Sentences sharing this much of their content words (`evidence_dice`) are worded alike: most of a report retold (a
#: link feature, `dateline.merge.link`; two modes read from such sentences are one wording read two ways: `rules`).
CLOSE_WORDING = 0.7
#: Words each sentence is taken to hold beyond those it writes, none of them shared (`evidence_dice`): the Dice of a
#: few words rests on one or two ("BRADDOCK: Thank you." / "Thank you!!" share half their words by one), so a short
#: pair is discounted much and a long one hardly. Chosen with the link model's cross-validation (leave one topic family
#: out, as `tools/train_merge_model.py`; a one-off run) among 0.5, 1, 1.5, 2 and 3 per sentence: 1 gave the best recall.
UNSEEN_WORDS_PER_SENTENCE = 1
#: A capitalised word that does not open the sentence: a name ("Ghonim", "Horizon", "Tahrir").
_NAME = re.compile(r"(?<=[\w,;:'\"()-] )[A-Z][a-z]{2,}")
#: A word or a number, as a sentence's fingerprint reads it ("al_Nusra", a handle, is one word).
_TOKEN = re.compile(r"\w+")
#: A sentence of fewer distinct content words is too common to stand for one report when printed again ("Thank you
#: very much.", "Protests continue."): it gets no fingerprint (`sentence_fingerprint`).
FINGERPRINT_MIN_WORDS = 5
#: Sentences each reader keeps read. A write compares its new reports with the stored ones of their blocks, so a
#: sentence is read again within one write, seldom across writes: a few thousand cover a write, and the four readers
#: at 65,536 each held about 115 MB in a long bulk ingest's parent, growing with the store (eleventh session).
SENTENCE_CACHE = 8192


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def sentence_words(sentence: str) -> frozenset[str]:
    """The content words of a sentence, lower-cased (what two reports of one happening share)."""
    return frozenset(sys.intern(w.lower()) for w in _WORD.findall(sentence)) - STOPWORDS


def dice(first: frozenset[str], second: frozenset[str]) -> float:
    """The Dice coefficient of two word sets (0: nothing shared, 1: the same words; 0 when either is empty)."""
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


def evidence_dice(first: frozenset[str], second: frozenset[str]) -> float:
    """The Dice coefficient of two word sets, each counted with `UNSEEN_WORDS_PER_SENTENCE` more words the other
    does not share: how much the sentences' shared words say, discounted by how little two short sentences hold
    (a sentence of one or two content words agrees with another by one shared word; that word carries no more
    than it does in a long sentence). Near `dice` for long sentences; 0 when nothing is shared."""
    shared = len(first & second)
    return 2 * shared / (len(first) + len(second) + 2 * UNSEEN_WORDS_PER_SENTENCE) if shared else 0.0


def sentence_similarity(a: str, b: str) -> float:
    """The Dice coefficient of the two sentences' content words (0: nothing shared, 1: the same words)."""
    return dice(sentence_words(a), sentence_words(b))


def _part_of_date(sentence: str, match: re.Match[str]) -> bool:
    """Whether a number is a year or the day beside a month name ("April 20", "1 February")."""
    if _YEAR.fullmatch(match.group()):
        return True
    before = _WORD_BEFORE.search(sentence, 0, match.start())
    after = _WORD_AFTER.match(sentence[match.end():])
    return any(word and word.group(1).lower() in DATE_NAMES for word in (before, after))


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def sentence_numbers(sentence: str) -> frozenset[str]:
    """The counts and amounts a sentence writes in digits ("11", "5,000", "1.3"); the parts of its dates and the
    digits of names and codes ("H1N1") are left out (two reports of one day, or of one epidemic, share those with
    every other report of it). A count of ten or more written in words ("Eleven", "twenty-five") is read as its
    digits (`WORD_COUNTS`), so one outlet's words and another's digits are one count."""
    digits = (m.group() for m in _NUMBER.finditer(sentence) if not _part_of_date(sentence, m))
    return frozenset(sys.intern(number) for number in (*digits, *_word_counts(sentence)))


def _word_counts(sentence: str) -> list[str]:
    """The counts of ten to ninety-nine a sentence writes in words, as digits ("Eleven" -> "11", "twenty-five" ->
    "25"); a tens word with a unit word after its hyphen adds the unit (`number_words`)."""
    counts = []
    for match in _WORD_COUNT.finditer(sentence.lower()):
        tens, unit = WORD_COUNTS.get(match.group(1)), match.group(2)
        if tens is None:
            continue
        units = NUMBER_UNITS.get(unit or "", 0) if tens % 10 == 0 and tens >= 20 else 0
        counts.append(str(tens + units))
    return counts


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def sentence_names(sentence: str) -> frozenset[str]:
    """The capitalised words inside a sentence (not its first word), lower-cased, function words left out."""
    return frozenset(sys.intern(w.lower()) for w in _NAME.findall(sentence)) - STOPWORDS


#: Letters of a trigger word that name its act: "exploded", "explosion" and "explode" share "explo", "released" and
#: "release" share "relea" (cut before most English inflections and nominal endings begin).
TRIGGER_STEM = 5


def trigger_stem(trigger: str) -> str:
    """The act a trigger names, as the first `TRIGGER_STEM` letters of its last word, lower-cased: one act told with
    two inflections or as a verb and its noun ("the rig exploded" / "the explosion on the rig") has one stem."""
    words = trigger.lower().split()
    return sys.intern(words[-1][:TRIGGER_STEM]) if words else ""


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def sentence_fingerprint(sentence: str) -> str | None:
    """A digest of the sentence's words and numbers in order, lower-cased (punctuation, spacing and tokenisation
    left out: "Egypt's" and "Egypt 's" are one), so one sentence printed again (a page's list of stories carried for
    days, a headline over a wire copy) has one fingerprint, and one that says another day ("on Monday" / "on
    Thursday") or count does not; None below `FINGERPRINT_MIN_WORDS` distinct content words (`sentence_words`)."""
    if len(sentence_words(sentence)) < FINGERPRINT_MIN_WORDS:
        return None
    tokens = " ".join(token.lower() for token in _TOKEN.findall(sentence))
    return hashlib.blake2b(tokens.encode("utf-8"), digest_size=8).hexdigest()


__all__ = ["CLOSE_WORDING", "DATE_NAMES", "FINGERPRINT_MIN_WORDS", "STOPWORDS", "TRIGGER_STEM",
           "UNSEEN_WORDS_PER_SENTENCE", "WORD_COUNTS", "dice", "evidence_dice", "sentence_fingerprint",
           "sentence_names", "sentence_numbers", "sentence_similarity", "sentence_words", "trigger_stem"]
