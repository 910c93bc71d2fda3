"""Name keys for the gazetteer: ASCII folding and a transliteration skeleton.

News spells foreign places in many ways (Saraqib, Saraqeb, Sarakeb, Sarāqib). Two keys
make those spellings meet without a fuzzy scan of the whole gazetteer:

* `fold` — ASCII, lower case, punctuation and apostrophes gone: exact lookups.
* `skeleton` — the folded name without its Arabic article, vowels and doubled letters,
  with letters that transliterations swap merged (q/k/c, ph/f, w/v): candidates for
  fuzzy lookups, which are then ranked by a real string similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from dateline.words import word_class

_APOSTROPHES = re.compile(r"[’‘'`ʿʾ´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|at|ash|az|an|ad-|ul) ")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
#: Letter groups that transliterations of the same name swap for one another.
_MERGES: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"),
    ("dh", "d"), ("q", "k"), ("c", "k"), ("w", "v"), ("z", "s"), ("j", "g"), ("h", ""),
)
#: Generic words that administrative names carry around their proper name.
ADMIN_WORDS = word_class("place_words", "admin-name")

#: Words that name a part of an area ("North Africa", "southern Hama").
COMPASS_WORDS = word_class("place_words", "compass")

#: The shortest skeleton worth a fuzzy lookup; shorter ones match too much.
MIN_SKELETON = 3


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The exact-lookup key: ASCII-folded, lower case, words separated by one space."""
    text = _APOSTROPHES.sub("", anyascii(name).lower()) if not name.isascii() else \
        _APOSTROPHES.sub("", name.lower())
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """The fuzzy-lookup key: a consonant skeleton that survives transliteration."""
    key = _ARTICLE.sub("", fold(name))
    for src, dst in _MERGES:
        key = key.replace(src, dst)
    key = key.replace(" ", "")
    if not key:
        return ""
    head, tail = key[0], _VOWELS.sub("", key[1:])
    return _DOUBLES.sub(r"\1", head + tail)


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (with or without diacritics)."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 or ch in "ʿʾ’‘" for ch in name)


def bare_admin_name(name: str) -> str:
    """An administrative name without its generic words ("Hama Governorate" -> "hama")."""
    words = [w for w in fold(name).split() if w not in ADMIN_WORDS]
    return " ".join(words)


def without_compass_word(name: str) -> str | None:
    """The area a compass-qualified name is part of ("North Africa" -> "Africa"), else None."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in COMPASS_WORDS else None
