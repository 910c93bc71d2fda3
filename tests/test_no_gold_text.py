"""No text of our gold and development sets is quoted anywhere in the repository.

The events gold, TimeBank/AQUAINT, GeoWebNews, Timeline17, the PLOVER gold-standard sentences
(GSR), RAMS, WikiEvents, MUC-4, CrisisLex and the NGEC synthetic stories are research and
development data: a sentence copied from them into a docstring, a test, a label file or a
note ties the code to the judgement we are scored on and puts text we may not ship into
the repository. A file quotes a corpus when a run of ``N_WORDS`` consecutive words
(lower-cased, any non-alphanumeric character a separator, so tokenised and untokenised
text agree) occurs in both. Eight words is long enough that no common phrase of ours fires.

Every text file git tracks (or would: untracked files not ignored) is read, BENCHMARKS.md and
README.md included (their notes describe an error's construction rather than quote it); without
git (an exported tree), every file outside hidden folders. A hit is fixed where it is: a
label keeps offsets, ids and verdicts, never the article's sentence (merge label files: their
words as places, `benchmarks/merge_text.py`); a note or docstring says the same in its own
words, or uses a sentence written for it.

Our files' n-grams are hashed once (with the line each starts on); each corpus is then
streamed once and its n-grams looked up, so the whole check takes a few seconds. Hits
listed in ``tests/data/gold_text_allowlist.txt`` are tolerated: an entry is the path and
a hash of the line's text (`line_key`), so it holds however the lines around it move;
that list may only shrink. The test is skipped when ``../shared`` is not beside the
checkout.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

N_WORDS = 8
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ALLOWLIST = ROOT / "tests" / "data" / "gold_text_allowlist.txt"
BINARY_SUFFIXES = {".gz", ".npz", ".png", ".pyc", ".jpg", ".duckdb", ".sqlite", ".pkl"}
WORD = re.compile(r"[a-z0-9]+")
XML_TAG = re.compile(r"<[^>]*>")
GWN_TEXT = re.compile(r"<text>(.*?)</text>", re.DOTALL)
EVENTS_DEV = SHARED / "data" / "events-dev"

NGram = tuple[str, ...]


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower-cased, punctuation dropped."""
    return WORD.findall(text.lower())


def ngrams(words: list[str], n: int = N_WORDS) -> Iterator[NGram]:
    """Every run of ``n`` consecutive words."""
    return zip(*(words[i:] for i in range(n)), strict=False)


def _listed() -> list[Path]:
    """The repository's files: what git tracks and the untracked files it does not ignore (a new file is read before
    it is committed); without git, every file under the root outside hidden folders (`.git`, `.venv`, caches)."""
    try:
        run = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return [path for path in ROOT.rglob("*")
                if not any(part.startswith(".") for part in path.relative_to(ROOT).parts)]
    return [ROOT / name for name in run.stdout.decode("utf-8").split("\0") if name]


def our_files() -> Iterator[Path]:
    """Every text file of the repository (binary data and caches skipped), in path order."""
    for path in sorted(set(_listed())):
        if path.is_file() and path.suffix not in BINARY_SUFFIXES and "__pycache__" not in path.parts:
            yield path


def line_key(path: str, line: str) -> str:
    """The allow-list entry of a line of ours: its path and the first 12 hex digits of the SHA-256 of its text
    (stripped), so the entry outlives edits elsewhere in the file."""
    return f"{path} {hashlib.sha256(line.strip().encode('utf-8')).hexdigest()[:12]}"


def our_ngrams() -> dict[NGram, list[str]]:
    """Each n-gram of our files, with the places where it starts: ``path:line`` and the line's allow-list key
    (`line_key`), tab-separated."""
    found: dict[NGram, list[str]] = {}
    for path in our_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        rel = path.relative_to(ROOT).as_posix()
        words: list[str] = []
        places: list[str] = []
        for number, line in enumerate(text.splitlines(), start=1):
            line_words = words_of(line)
            words.extend(line_words)
            places.extend([f"{rel}:{number}\t{line_key(rel, line)}"] * len(line_words))
        for start, gram in enumerate(ngrams(words)):
            found.setdefault(gram, []).append(places[start])
    return found


#: What the failing test says to do about a hit.
HOW_TO_FIX = ("Fix each line where it is, not by the allow-list: a label or data file keeps offsets, ids and verdicts "
              "instead of the article's words (a merge label file: tools/textless_merge_labels.py keeps them as "
              "places and digests); a note, comment or docstring says the same in its own words (paraphrase), or "
              "uses an example sentence written for it. The allow-list is only for boilerplate a cue must match "
              "word for word, and may only shrink.")


def corpus_texts() -> Iterator[tuple[str, str]]:
    """(corpus name, text) for every document of the gold and development sets."""
    for line in (SHARED / "data" / "events-gold" / "articles.jsonl").open(encoding="utf-8"):
        yield "events-gold", json.loads(line)["text"]
    for path in sorted((SHARED / "data" / "time-dev").rglob("*.tml")):
        yield f"time-dev/{path.parent.name}", XML_TAG.sub(" ", path.read_text(encoding="utf-8"))
    gwn = (SHARED / "data" / "geo-dev" / "GWN.xml").read_text(encoding="utf-8")
    for text in GWN_TEXT.findall(gwn):
        yield "GeoWebNews", text
    for path in sorted((SHARED / "corpus" / "t17").glob("*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if path.name == "articles.jsonl":
                yield "t17", record["text"]
            else:
                yield "t17", json.dumps(record)
    yield from event_dev_texts()


def event_dev_texts() -> Iterator[tuple[str, str]]:
    """(corpus name, text) for the event coder's development sets: the PLOVER GSR file read whole (its sentences
    sit in JSON strings), RAMS's token windows, WikiEvents, MUC-4, the CrisisLex tweets and the NGEC synthetic
    stories and headline templates. NGEC is MIT-licensed text written by a model, but we measure on it, so it is
    guarded like the rest; a corpus missing from ``../shared`` is skipped."""
    gsr = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
    if gsr.exists():
        yield "plover-gsr", gsr.read_text(encoding="utf-8", errors="replace")
    sources = [("rams", "rams_dev.jsonlines", "sentences"), ("wikievents", "wikievents_dev.jsonl", "text")]
    sources += [("muc4", f"muc4/{part}.json", "doctext") for part in ("train", "dev", "test")]
    for name, path, field in sources:
        if (EVENTS_DEV / path).exists():
            for line in (EVENTS_DEV / path).open(encoding="utf-8"):
                value = json.loads(line)[field]
                yield name, value if isinstance(value, str) else " ".join(w for sentence in value for w in sentence)
    csv.field_size_limit(1 << 27)
    for path in sorted(EVENTS_DEV.glob("crisislex-t26/*/*.csv")) + sorted(EVENTS_DEV.glob("ngec_synthetic_*.csv")):
        name = "crisislex" if "crisislex" in path.parts[-3] else "ngec"
        with path.open(encoding="utf-8", errors="replace", newline="") as rows:
            for row in csv.reader(rows):
                yield name, " ".join(row)


def allowed() -> set[str]:
    """The entries of the allow-list, each a path and a line hash (`line_key`; comments and blank lines skipped)."""
    if not ALLOWLIST.exists():
        return set()
    entries = (" ".join(line.split("#", 1)[0].split()) for line in ALLOWLIST.read_text(encoding="utf-8").splitlines())
    return {entry for entry in entries if entry}


@functools.cache
def quotations() -> dict[str, set[str]]:
    """Each place of ours (``path:line``, tab, `line_key`) that starts a run of words found in a corpus, with the
    corpora."""
    ours = our_ngrams()
    hits: dict[str, set[str]] = {}
    for corpus, text in corpus_texts():
        for gram in set(ngrams(words_of(text))) & ours.keys():
            for place in ours[gram]:
                hits.setdefault(place, set()).add(corpus)
    return hits


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the gold and development sets) is not beside the checkout")
def test_no_gold_text_in_the_repository() -> None:
    hits = quotations()
    tolerated = allowed()
    new = sorted(place for place in hits if place.split("\t")[1] not in tolerated)
    report = "\n".join(f"{place.replace(chr(9), ' (entry: ')}): {', '.join(sorted(hits[place]))}" for place in new)
    assert not new, (f"text quoted from a gold or development set ({N_WORDS} words in a row):\n{report}\n{HOW_TO_FIX}")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the gold and development sets) is not beside the checkout")
def test_allowlist_only_names_live_hits() -> None:
    """An allow-list entry whose quotation is gone must be dropped, so the list only shrinks."""
    stale = sorted(allowed() - {place.split("\t")[1] for place in quotations()})
    assert not stale, "no longer quoting; remove from tests/data/gold_text_allowlist.txt:\n" + "\n".join(stale)


def test_the_guard_reads_every_part_of_the_repository() -> None:
    """Code, tests, label files, tools, the build files and the two long documents are read."""
    read = {path.relative_to(ROOT).as_posix() for path in our_files()}
    assert {name.split("/")[0] for name in read} >= {"src", "tests", "benchmarks", "tools", "Makefile"}
    assert "benchmarks/data/merge_pairs.jsonl" in read and "tests/test_no_gold_text.py" in read
    assert {"BENCHMARKS.md", "README.md"} <= read


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (the gold and development sets) is not beside the checkout")
def test_the_guard_reads_the_event_development_sets() -> None:
    """The PLOVER GSR, RAMS, WikiEvents, MUC-4, CrisisLex and NGEC are read, each with its words (a reader that
    lost a corpus's text, say a RAMS window joined to nothing, would let its quotations through)."""
    words: dict[str, int] = {}
    for name, text in event_dev_texts():
        words[name] = words.get(name, 0) + len(words_of(text))
    assert {name for name, count in words.items() if count > 10_000} >= {
        "plover-gsr", "rams", "wikievents", "muc4", "crisislex", "ngec"}


def test_an_entry_holds_when_its_line_moves() -> None:
    """The key of a line is its path and text, not its number: the same line further down keeps its entry."""
    assert line_key("tests/x.py", "    quoted = 1\n") == line_key("tests/x.py", "quoted = 1")
    assert line_key("tests/x.py", "quoted = 1") != line_key("tests/y.py", "quoted = 1")
    assert line_key("tests/x.py", "quoted = 1") != line_key("tests/x.py", "quoted = 2")


def test_words_and_ngrams_ignore_case_and_punctuation() -> None:
    written = "Officials didn't say, U.N. sources told us."
    assert words_of(written) == words_of("officials didn 't say , U.N. sources told us")
    assert list(ngrams(["a", "b", "c"], 2)) == [("a", "b"), ("b", "c")]
