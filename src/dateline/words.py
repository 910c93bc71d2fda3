"""The one loader of dateline's word lists: linguistic knowledge kept as data, not code.

Word classes (reporting verbs, locative prepositions, place-kind nouns, month names ...) live in
plain-text files under `data/words/` so that a linguist can edit them without reading Python, and
so that each class is defined once. Two formats:

* `NAME.txt` — a set: one entry per line (an entry may hold spaces: "helicopter gunship");
* `NAME.tsv` — a table: a key, a tab, then one or more values ("january<TAB>1"); a class table
  gives, after the tab, the space-separated classes a word belongs to ("near<TAB>event-place toponym-cue").

In both, a line starting with `#` is a comment (every file opens with one saying what the list is
for and which stages read it) and blank lines are skipped. Each file is read once per process, on
first use; stages bind the result to a module constant so no lookup happens in a hot loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

#: The folder of word lists inside the installed package.
WORDS_DIR = Path(__file__).parent / "data" / "words"


class WordListError(ValueError):
    """A word list that is missing or malformed; the message names the file and the fix."""


def available_lists() -> list[str]:
    """Names of every word list shipped (file names without extension), sorted."""
    return sorted(p.stem for p in WORDS_DIR.iterdir() if p.suffix in (".txt", ".tsv"))


def _path(name: str, suffix: str) -> Path:
    path = WORDS_DIR / f"{name}{suffix}"
    if not path.is_file():
        raise WordListError(f"no word list {name!r}: {path} does not exist; add the file or use one of "
                            f"{', '.join(available_lists())}")
    return path


def _entries(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of the non-comment, non-blank lines of a word list file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [(number, line.rstrip("\r")) for number, line in enumerate(lines, 1)
            if line.strip() and not line.startswith("#")]


def _check_unique(path: Path, seen: set[str], key: str, number: int) -> None:
    if key in seen:
        raise WordListError(f"{path}:{number}: {key!r} is listed twice; delete one of the lines")
    seen.add(key)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of `data/words/NAME.txt`, in file order (for patterns where order matters)."""
    path = _path(name, ".txt")
    words: list[str] = []
    seen: set[str] = set()
    for number, line in _entries(path):
        word = line.strip()
        _check_unique(path, seen, word, number)
        words.append(word)
    if not words:
        raise WordListError(f"{path} lists no word; add one entry per line")
    return tuple(words)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of `data/words/NAME.txt` as a set (membership tests on tokens and lemmas)."""
    return frozenset(word_list(name))


@cache
def word_table(name: str) -> Mapping[str, tuple[str, ...]]:
    """`data/words/NAME.tsv` as key -> its values (every column after the first), in file order."""
    path = _path(name, ".tsv")
    table: dict[str, tuple[str, ...]] = {}
    width = None
    seen: set[str] = set()
    for number, line in _entries(path):
        key, *values = (cell.strip() for cell in line.split("\t"))
        if not values or width not in (None, len(values)):
            raise WordListError(f"{path}:{number}: expected a key and {width or 'one or more'} tab-separated "
                                f"value(s), got {line!r}; separate the columns with one tab")
        width = len(values)
        _check_unique(path, seen, key, number)
        table[key] = tuple(values)
    if not table:
        raise WordListError(f"{path} lists no entry; add one 'key<TAB>value' line")
    return MappingProxyType(table)


@cache
def word_map(name: str) -> Mapping[str, str]:
    """`data/words/NAME.tsv` as key -> value, for two-column tables ("province" -> "ADM1")."""
    return MappingProxyType({key: values[0] for key, values in _two_columns(name).items()})


@cache
def number_map(name: str) -> Mapping[str, int]:
    """`data/words/NAME.tsv` as key -> integer value ("january" -> 1, "twelve" -> 12)."""
    path = _path(name, ".tsv")
    try:
        return MappingProxyType({key: int(value) for key, value in word_map(name).items()})
    except ValueError as error:
        raise WordListError(f"{path}: every value must be an integer ({error}); fix the value") from None


def decimal_number(text: str) -> int | None:
    """The integer a run of decimal digits writes, else None. The rule for a number in digits wherever a stage reads
    one (counts, lengths, tallies): decimal digits of any script ("12", "١٢"), as `int` reads them and the time
    patterns' `\\d` matches them; `str.isdigit` would also take "²", which `int` refuses. (The time patterns' days and
    years, `[0-3]?\\d` and `1[0-9]\\d\\d`, still begin with an ASCII digit.)"""
    return int(text) if text.isdecimal() else None


def number_of(word: str) -> int | None:
    """The integer one word writes, in digits ("12", "١٢": `decimal_number`) or in letters (a lower-case key of
    `number_words.tsv`: "twelve", "a"), else None. A token's number, as the events stage reads counts ("two days",
    "3 attacks")."""
    value = decimal_number(word)
    return value if value is not None else number_map("number_words").get(word)


@cache
def word_classes(name: str) -> Mapping[str, frozenset[str]]:
    """`data/words/NAME.tsv` read as a class table: each row a word and the space-separated classes it
    belongs to ("near<TAB>event-place toponym-cue"); returns class -> its words. One table per part of
    speech shows side by side how the classes of one kind of word differ."""
    classes: dict[str, set[str]] = {}
    for word, (tags,) in _two_columns(name).items():
        for tag in tags.split():
            classes.setdefault(tag, set()).add(word)
    return MappingProxyType({tag: frozenset(words) for tag, words in classes.items()})


def word_class(name: str, tag: str) -> frozenset[str]:
    """The words of class `tag` in the class table `data/words/NAME.tsv`."""
    classes = word_classes(name)
    if tag not in classes:
        raise WordListError(f"{_path(name, '.tsv')} has no word of class {tag!r}; tag the words with it "
                            f"or use one of {', '.join(sorted(classes))}")
    return classes[tag]


def _two_columns(name: str) -> Mapping[str, tuple[str, ...]]:
    table = word_table(name)
    if any(len(values) != 1 for values in table.values()):
        raise WordListError(f"{_path(name, '.tsv')} has more than one value per key; read it with word_table()")
    return table
