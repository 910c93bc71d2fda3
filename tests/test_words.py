"""The word lists under data/words/: each parses, each is defined once, and the code reads them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dateline import words
from dateline.events import coder, dating_clauses, modality, parties
from dateline.geo import recognize
from dateline.time import lexicon, patterns, tense
from dateline.words import (
    WordListError,
    available_lists,
    number_map,
    number_of,
    word_class,
    word_classes,
    word_list,
    word_map,
    word_set,
    word_table,
)

SRC = Path(words.__file__).parent
#: Loader calls in the code: word_set("name"), word_class("name", "class"), ...
LOADER_CALL = re.compile(r"\b(word_set|word_list|word_map|number_map|word_table|word_classes|word_class)"
                         r"\(\s*\"([a-z_]+)\"(?:,\s*\"([^\"]+)\")?")


def _read(name: str) -> object:
    """Read a shipped list the way its format says (set, table or class table)."""
    if (words.WORDS_DIR / f"{name}.txt").exists():
        return word_list(name)
    return word_table(name)


@pytest.mark.parametrize("name", available_lists())
def test_every_list_parses_is_not_empty_and_has_no_repeats(name: str) -> None:
    entries = _read(name)
    assert entries
    keys = list(entries)
    assert len(keys) == len(set(keys))
    assert all(k == k.strip() and k for k in keys)


@pytest.mark.parametrize("name", available_lists())
def test_every_list_says_what_it_is_for_who_reads_it_and_its_source(name: str) -> None:
    path = next(words.WORDS_DIR.glob(f"{name}.*"))
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert "Read by:" in text or "events/" in text or "geo/" in text, f"{path.name}: say which stages read it"
    assert "Source:" in text, f"{path.name}: say where the list comes from and its licence"


def test_every_list_the_code_names_exists_with_its_classes() -> None:
    calls = [m for p in SRC.rglob("*.py") if p.name != "words.py"
             for m in LOADER_CALL.finditer(p.read_text(encoding="utf-8"))]
    assert len(calls) > 40
    for function, name, tag in (m.groups() for m in calls):
        assert name in available_lists(), f"{function}({name!r}) reads a list that does not exist"
        if function == "word_class":
            assert word_class(name, tag)
    used = {m[2] for m in calls}
    assert set(available_lists()) <= used, f"lists no stage reads: {set(available_lists()) - used}"


def _literal_collections(tree: ast.AST) -> list[set[str]]:
    """The string members of every set, tuple, list or dict-key literal in a module."""
    found = []
    for node in ast.walk(tree):
        elements = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
        if isinstance(node, ast.Set | ast.Tuple | ast.List | ast.Dict) and elements:
            found.append({e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)})
    return found


@pytest.mark.parametrize(("what", "members"), [
    ("reporting verbs", lambda: word_set("reporting_verbs")),
    ("locative prepositions", lambda: word_class("prepositions", "event-place")
     | word_class("prepositions", "toponym-cue")),
    ("place-kind nouns", lambda: frozenset(recognize.CUE_NOUNS) | word_class("place_words", "admin-name")
     | word_class("place_words", "settlement")),
    ("speech nouns", lambda: word_set("speech_nouns")),
    ("month names", lambda: frozenset(number_map("months"))),
    ("marks of a country lent by the context", lambda: word_set("merge_lent_countries")),
    ("prepositions naming a noun's maker", lambda: word_class("prepositions", "maker")),
])
def test_no_module_defines_a_word_class_in_python(what: str, members) -> None:
    """The formerly duplicated classes are defined once, in data/words/, and nowhere in the code."""
    vocabulary = members()
    for path in SRC.rglob("*.py"):
        for literal in _literal_collections(ast.parse(path.read_text(encoding="utf-8"))):
            shared = literal & vocabulary
            assert len(shared) < 3, f"{path.relative_to(SRC)} defines {what} in Python: {sorted(shared)}"


def test_the_readers_of_a_merged_class_share_one_definition() -> None:
    assert modality.SPEECH_VERBS is tense._REPORTING is dating_clauses.REPORTING
    assert coder.SPEECH_NOUNS is parties.SPEECH_NOUNS
    assert modality.FUTURE_AUX is tense._FUTURE_AUX
    assert "gonna" in modality.FUTURE_AUX  # the future auxiliaries of the time stage now count for events too
    assert {"quote", "warn", "deny"} <= tense._REPORTING  # one class: the three lists' union


def test_tables_keep_their_meaning() -> None:
    assert lexicon.MONTHS["sept"] == 9 and lexicon.WEEKDAYS["thurs"] == 4
    assert lexicon.UNIT_DURATIONS["decade"] == ("P{}Y", 10)
    assert lexicon.FIXED_HOLIDAYS["christmas eve"] == (12, 24)
    assert recognize.CUE_NOUNS["governorate"] == "ADM1" and recognize.CUE_NOUNS["villages"] == "P"
    assert word_map("seasons")["autumn"] == "FA"
    assert "west" in word_class("place_words", "compass") and "west" not in recognize.GENERIC_WORDS
    assert "between" in recognize.LOCATIVE_PREPS and "between" not in word_class("prepositions", "event-place")


def test_patterns_are_built_from_the_lists() -> None:
    assert re.fullmatch(patterns.FULL_MONTH, "september") and not re.fullmatch(patterns.FULL_MONTH, "sept")
    assert re.fullmatch(patterns.ABBR_MONTH, "sept.") and not re.fullmatch(patterns.ABBR_MONTH, "may")
    assert re.fullmatch(patterns.WEEKDAY, "thursday") and re.fullmatch(patterns.WEEKDAY, "tues.")
    assert patterns.REQUIRED_WORDS["month"] == ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                                "oct", "nov", "dec")


def test_lists_are_read_once_per_process() -> None:
    assert word_set("negators") is word_set("negators")
    assert word_classes("prepositions") is word_classes("prepositions")


@pytest.fixture
def words_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A scratch folder of word lists in place of the shipped one (caches emptied around it)."""
    monkeypatch.setattr(words, "WORDS_DIR", tmp_path)
    for loader in (word_list, word_set, word_table, word_map, number_map, word_classes):
        loader.cache_clear()
    yield tmp_path
    monkeypatch.undo()
    for loader in (word_list, word_set, word_table, word_map, number_map, word_classes):
        loader.cache_clear()


def test_a_malformed_list_is_refused_naming_the_file_line_and_fix(words_dir: Path) -> None:
    (words_dir / "twice.txt").write_text("# a list\nsay\ntell\nsay\n", encoding="utf-8")
    (words_dir / "empty.txt").write_text("# only a comment\n\n", encoding="utf-8")
    (words_dir / "ragged.tsv").write_text("# a table\njanuary\t1\nfebruary\n", encoding="utf-8")
    (words_dir / "words.tsv").write_text("# a table\njanuary\tone\n", encoding="utf-8")
    with pytest.raises(WordListError, match=r"twice.txt:4: 'say' is listed twice; delete one"):
        word_set("twice")
    with pytest.raises(WordListError, match=r"empty.txt lists no word"):
        word_set("empty")
    with pytest.raises(WordListError, match=r"ragged.tsv:3: expected a key and .* one tab"):
        word_map("ragged")
    with pytest.raises(WordListError, match=r"every value must be an integer"):
        number_map("words")
    with pytest.raises(WordListError, match=r"no word list 'missing'.*use one of empty, ragged, twice, words"):
        word_set("missing")


def test_an_unknown_class_names_the_classes_there_are(words_dir: Path) -> None:
    (words_dir / "preps.tsv").write_text("# a class table\nin\tplace time\nby\tagent\n", encoding="utf-8")
    assert word_class("preps", "place") == {"in"}
    with pytest.raises(WordListError, match=r"no word of class 'party'.*one of agent, place, time"):
        word_class("preps", "party")


def test_a_word_number_is_read_in_digits_or_letters() -> None:
    assert [number_of(w) for w in ("12", "twelve", "a", "several", "12th")] == [12, 12, 1, None, None]


def test_a_word_number_is_read_in_decimal_digits_of_any_script() -> None:
    # "²" passes `str.isdigit` but `int` refuses it; "٣" (Arabic-Indic three) is read as the time stage reads it
    assert [number_of(w) for w in ("²", "4²", "٣", "١٢")] == [None, None, 3, 12]
