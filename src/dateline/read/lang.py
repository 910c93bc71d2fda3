"""The language of an article: dateline reads English, and says so when an article is not.

Every stage after the parse (the English spaCy model, the trigger lexicon, the actor dictionary)
reads English; an article in German goes through them without error and comes out with no events,
which looks like an article with nothing in it. So the readers check each article's language and
do what `--lang` says with an article that is not English:

* `skip` (the default): leave it out and report it by name with the language found;
* `warn`: process it anyway and report it by name;
* `keep`: process it without checking (no detection is run).

An article counts as not English only when three signals agree, because refusing an English
article loses its events while keeping a foreign one costs little:

1. it holds at least `MIN_LETTERS` letters: a headline or a one-line report is too short for a
   sure guess, and is kept;
2. the language identifier (py3langid, a naive Bayes model over byte n-grams, its scores
   normalised to probabilities) names another language with probability `MIN_PROBABILITY` or more;
3. fewer than `MAX_ENGLISH_SHARE` of its words are English function words
   (`data/words/english_function_words.txt`): English prose full of Turkish or Arabic names can
   fool the identifier ("Kılıçdaroğlu and Bahçeli met in Ankara" reads as Turkish), but its
   "the", "and", "of" and "said" still make up a tenth of its words or more.

Only the first `SAMPLE_CHARS` characters are read, so the check costs the same on any length.
On the development sources (28 events-gold articles, 2,921 Timeline17 articles, 200 GeoWebNews
articles, 256 TimeML documents, MUC-4, RAMS, WikiEvents, NGEC headlines) it refused only the
Timeline17 articles that are in Vietnamese.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from dateline.model import Article
from dateline.read.base import ReadReport
from dateline.words import word_map, word_set

LangPolicy = Literal["skip", "warn", "keep"]
LANG_POLICIES: tuple[str, ...] = get_args(LangPolicy)
DEFAULT_LANG_POLICY: LangPolicy = "skip"

SAMPLE_CHARS = 5_000
MIN_LETTERS = 60
MIN_PROBABILITY = 0.95
MAX_ENGLISH_SHARE = 0.05

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Detection:
    """A language other than English found in a text: its ISO 639 code and the identifier's probability."""

    code: str
    probability: float

    @property
    def name(self) -> str:
        """The language's English name ("German"), or its code when the table does not know it."""
        return word_map("languages").get(self.code, self.code)

    def describe(self) -> str:
        return f"{self.name} ({self.code}, probability {self.probability:.2f})"


@cache
def _identifier() -> Any:
    """py3langid's identifier with normalised probabilities, loaded once per process on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(text: str) -> float:
    """The share of the words of `text` that are English function words (0 when it has no words)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    english = word_set("english_function_words")
    return sum(word in english for word in words) / len(words)


def detect_foreign(text: str) -> Detection | None:
    """The language of `text` when it is surely not English; None when it is English or too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    if english_share(sample) >= MAX_ENGLISH_SHARE:
        return None
    code, probability = _identifier().classify(sample)
    if code == "en" or probability < MIN_PROBABILITY:
        return None
    return Detection(code, probability)


def language_message(art: Article, found: Detection, policy: LangPolicy) -> str:
    """What the user reads about an article that is not English, naming the article and the language."""
    named = f"article {art.id}"
    if policy == "skip":
        return (f"not English: {named} reads as {found.describe()}; dateline's stages read English only, "
                "so it would give no events. Pass --lang warn or --lang keep to process it anyway")
    return f"not English: {named} reads as {found.describe()}; processed anyway (--lang {policy}), expect few events"


def filter_language(articles: Iterable[Article], report: ReadReport,
                    policy: LangPolicy = DEFAULT_LANG_POLICY) -> Iterator[Article]:
    """The articles that `policy` lets through; those not in English are reported in `report` by origin.

    `skip` leaves them out (`report.skip`, so the run's exit status says inputs were skipped);
    `warn` keeps them with a warning (`report.warn`); `keep` runs no detection at all.
    """
    if policy not in LANG_POLICIES:
        raise ValueError(f"--lang {policy!r}: expected one of {', '.join(LANG_POLICIES)}")
    for art in articles:
        found = None if policy == "keep" else detect_foreign(art.text)
        if found is None:
            yield art
        elif policy == "skip":
            report.read -= 1  # counted by its reader, then left out here
            report.skip(art.origin or art.id, language_message(art, found, policy))
        else:
            report.warn(art.origin or art.id, language_message(art, found, policy))
            yield art
