"""Shared text and code helpers of the actors stage: token keys and Phoenix code splitting.

The dictionary compiler (`tools/build_actors.py`) and the resolver (this package) must normalise
tokens the same way, or compiled phrases would never meet the text; both import
`token_key` from here. Phoenix/CAMEO codes are sequences of 3-letter elements
(`TURGOV`, `SYRREBMUS`, `IGOUNO`); `split_code` turns one into the PLOVER
country and sector the output contract carries. `without_determiner` trims "the",
"a", "his" from a mention's text when it becomes a name.
"""

from __future__ import annotations

from anyascii import anyascii

from dateline.words import word_list

#: Tokens that only join name parts ("al-Assad", "Turkey-Russia"): dropped from keys.
JOINERS = frozenset({"-", "–", "—", "‐"})

#: Phoenix sector elements -> the PLOVER sector code (PLOVER_MANUAL.tex, "Sector Codes").
#: CAMEO's MED meant media and HLH medical; PLOVER renamed them JRN and MED.
SECTORS: dict[str, str] = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "INS": "REB", "SEP": "REB", "COP": "COP",
    "OPP": "OPP", "JUD": "JUD", "LEG": "LEG", "BUS": "BUS", "MED": "JRN", "HLH": "MED",
    "CVL": "CVL", "PPL": "CVL", "EDU": "EDU", "ELI": "ELI", "LAB": "LAB", "AGR": "AGR",
    "REF": "REF", "SPY": "SPY", "UAF": "UAF", "CRM": "CRM", "PTY": "PTY", "PRM": "PRM",
    "REL": "REL", "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL",
    "ENV": "SOC", "HRI": "SOC", "DEV": "SOC", "NGO": "SOC", "IGO": "GOV",
}

#: PLOVER pseudo-countries (table "International Non-state actor names") and the
#: sector a bare mention of one gets. PLOVER has no IGO or NGO sector: the PLOVER gold
#: sentences code the UN Security Council as IGO + GOV; NGOs are civil society (SOC).
PSEUDO_COUNTRIES: dict[str, str] = {
    "IGO": "GOV", "NGO": "SOC", "IMG": "REB", "MNC": "BUS", "ISM": "SOC", "WST": "GOV",
}

#: CAMEO/Phoenix country codes that are not (or no longer) ISO-3166 alpha-3 -> today's code:
#: Serbia and Montenegro and Yugoslavia -> Serbia, CAMEO's Angola, Romania, Zaire, East Timor.
LEGACY_COUNTRIES: dict[str, str] = {"SCG": "SRB", "YUG": "SRB", "ANG": "AGO", "ROM": "ROU", "ZAR": "COD",
                                    "TMP": "TLS"}

#: Former federations whose codes name the member republic next ("YUGMNE", "SCGSRB").
FEDERATIONS = frozenset({"SCG", "YUG"})

#: CAMEO region codes (and Phoenix's placeholders KKL, "to be coded", and KNT, a test country) that
#: Phoenix puts in the country slot of groups it did not place: MEAREB is "a Middle East rebel group".
#: A region is no country: such a group takes the country its own name says (`tools/build_actors.py`)
#: or, failing that, the one the text around it names (`refs.place_by_context`).
REGIONS = frozenset({
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "INT", "LAM", "MDT",
    "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "KKL", "KNT",
})

#: IGO sub-elements that PLOVER promotes to their own country field.
IGO_COUNTRIES = frozenset({"UNO", "EUR"})


def token_key(text: str) -> str:
    """The dictionary key of one token: ASCII-folded, lower-cased, without dots/apostrophes.

    "U.N." -> "un", "Erdoğan" -> "erdogan", "Hay'at" -> "hayat", "'s" -> "s", "." -> ".".
    Joiner tokens (hyphens, dashes) give "" and are skipped by callers.
    """
    if text in JOINERS:
        return ""
    folded = anyascii(text).lower()
    key = folded.replace(".", "").replace("'", "").replace("`", "")
    return key or folded  # punctuation keeps itself, so a full stop still separates phrases


def phrase_key(tokens: list[str]) -> tuple[str, ...]:
    """The key of a token sequence: token keys with joiners and empty keys dropped."""
    return tuple(k for k in (token_key(t) for t in tokens) if k)


def code_elements(code: str) -> list[str]:
    """Split a Phoenix code into its 3-letter elements ("SYRREBMUS" -> SYR, REB, MUS)."""
    code = code.lstrip("~").upper()
    return [code[i:i + 3] for i in range(0, len(code), 3) if len(code[i:i + 3]) == 3]


def is_regional(code: str | None) -> bool:
    """Whether a Phoenix code puts its actor in a region, not a country ("MEAREB")."""
    parts = code_elements(code or "")
    return bool(parts) and parts[0] in REGIONS


def split_code(code: str) -> tuple[str | None, str | None]:
    """The PLOVER (country, sector) of a full Phoenix actor code.

    "TURGOV" -> (TUR, GOV); "IGOUNO" -> (UNO, GOV); "IMGMUSISI" -> (IMG, REB);
    "MNCGBR" -> (GBR, BUS): a company is of its home country, as ICEWS codes it;
    "TUR" -> (TUR, None): a country-level code whose sector comes from context;
    "SCGMNE" -> (MNE, None): a federation's member republic; "SCG" -> (SRB, None);
    "MEAREB" -> (None, REB): a region is no country.
    """
    parts = code_elements(code)
    if not parts:
        return None, None
    head, rest = parts[0], parts[1:]
    if head in FEDERATIONS and rest and rest[0] not in SECTORS:
        head, rest = rest[0], rest[1:]  # "SCGMNE": Montenegro within Serbia and Montenegro
    head = LEGACY_COUNTRIES.get(head, head)
    if head in REGIONS:
        return None, first_sector(rest)  # "MEAREB": a rebel group somewhere in the Middle East
    if head in PSEUDO_COUNTRIES:
        if head == "IGO" and rest and rest[0] in IGO_COUNTRIES:
            return rest[0], PSEUDO_COUNTRIES[head]
        if head == "MNC" and rest and rest[0] not in SECTORS | PSEUDO_COUNTRIES.keys() | REGIONS:
            return LEGACY_COUNTRIES.get(rest[0], rest[0]), PSEUDO_COUNTRIES[head]  # "MNCGBR": BP is British
        return head, (first_sector(rest) if head == "WST" else None) or PSEUDO_COUNTRIES[head]
    if head in SECTORS and head != "MUS":  # "MED" alone (CNN): a sector, no country; MUS is Mauritius
        return None, SECTORS[head]
    return head, first_sector(rest)


def first_sector(parts: list[str]) -> str | None:
    """The PLOVER sector of the first element that names one, else None."""
    for part in parts:
        if part in SECTORS:
            return SECTORS[part]
    return None


def agent_sector(code: str) -> str | None:
    """The PLOVER sector of a Phoenix agent code ("~GOVMED" -> GOV)."""
    return first_sector(code_elements(code))


DETERMINERS = tuple(f"{word} " for word in word_list("leading_determiners"))


def without_determiner(text: str) -> str:
    """A mention's text without a leading article or possessive pronoun."""
    low = text.lower()
    for word in DETERMINERS:
        if low.startswith(word):
            return text[len(word):]
    return text


#: Generational suffixes that end a name but are not what a later short mention repeats ("II", "Jr").
NAME_SUFFIXES = frozenset(word_list("name_suffixes"))


def name_key(keys: list[str], start: int, end: int) -> str:
    """The key a later short mention repeats: the last word of a name, not a generational suffix
    ("King Abdullah II ... Abdullah said", "Martin Luther King Jr. ... King")."""
    last = end - 1
    while last > start and keys[last] in NAME_SUFFIXES:
        last -= 1
    return keys[last]
