"""The compiled actor dictionary: phrase lookup and the role valid on a date.

`actor_dictionary()` loads `data/actors/actors.json.gz` (built by `tools/build_actors.py`) once
per process. Lookups are keyed on tuples of token keys (`text.token_key`), so
matching a text is a dictionary probe per candidate length, never a regex per entry.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.actors.text import agent_sector, split_code, token_key
from dateline.config import settings

COMPILED = settings().actor_dictionary
SUPPLEMENT_SOURCE = "supplement.tsv"
#: Sources whose names are matched only as the entry writes them (`Resolution.as_written`): the airlines of
#: OpenFlights, many of whose names are ordinary words or surnames ("Global Airlines", "Colgan Air").
AS_WRITTEN_SOURCES = frozenset({"airlines.tsv"})
#: Sector given to someone whose every dated role ended before the article date.
FORMER_SECTOR = "ELI"


@dataclass(frozen=True)
class Resolution:
    """What a dictionary entry says about an actor on one date."""

    name: str
    country: str | None
    sector: str | None
    code: str | None
    entry: str
    primary_key: tuple[str, ...] = ()  # token keys of the entry's primary phrase
    curated: bool = False  # from the hand-written supplement, whose names are final
    as_written: bool = False  # a name that counts only capitalised as the entry writes it, and not as a person's


@dataclass(frozen=True)
class Agent:
    """A generic agent noun ("official", "rebels") and the sector it implies."""

    phrase: str
    code: str
    sector: str | None
    source: str

    @property
    def entry(self) -> str:
        """The agent's dictionary line, for `dateline show`."""
        return f"{self.source}: {self.phrase.upper().replace(' ', '_')} [{self.code}]"


class ActorDictionary:
    """Phrase tables for named actors and agents, with dated-role selection."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: list[list[Any]] = data["entries"]
        self.phrases: dict[tuple[str, ...], list[int]] = {
            tuple(k.split(" ")): v for k, v in data["phrases"].items()}
        self.agents: dict[tuple[str, ...], list[str]] = {
            tuple(k.split(" ")): v for k, v in data["agents"].items()}
        self.countries: dict[str, str] = data["countries"]
        self.iso2: dict[str, str] = data["iso2"]
        self.phrase_lengths = longest_by_first_token(self.phrases)
        self.agent_lengths = longest_by_first_token(self.agents)
        self._people_by_surname: dict[str, list[int]] | None = None

    def office_holders(self, name: tuple[str, ...], day: dt.date) -> list[Resolution]:
        """People whose dated role covers `day` and whose full name ends with, and holds every
        word of, `name` ("cameron" on 2011-04-02 -> David Cameron, GBRGOV).

        News writes a titled office holder by surname ("Prime Minister Cameron"); only a role
        valid on the article date identifies him, so undated entries never answer.
        """
        if self._people_by_surname is None:
            self._people_by_surname = {}
            for entry_id, (_, _, primary, roles) in enumerate(self.entries):
                key = primary_key(primary) if any(role[3] for role in roles) else ()
                if len(key) > 1:
                    self._people_by_surname.setdefault(key[-1], []).append(entry_id)
        stamp = int(day.strftime("%Y%m%d"))
        found = []
        for entry_id in self._people_by_surname.get(name[-1], []) if name else []:
            _, _, primary, roles = self.entries[entry_id]
            held = any(r[3] and (r[1] is None or r[1] <= stamp) and (r[2] is None or stamp <= r[2]) for r in roles)
            if held and set(name) <= set(primary_key(primary)):
                found.append(self.resolve([entry_id], day))
        return found

    def resolve(self, entry_ids: list[int], day: dt.date) -> Resolution:
        """The best entry of a phrase and its role on `day` (entries come best first)."""
        entry_id = entry_ids[0]
        name, source, primary, roles = self.entries[entry_id]
        role = role_on(roles, int(day.strftime("%Y%m%d")))
        code = role[0]
        country, sector = split_code(code)
        spec = f" {role[3]}" if role[3] else ""
        return Resolution(name, country, sector, code, f"{source}: {primary} [{code}{spec}]",
                          primary_key(primary), source == SUPPLEMENT_SOURCE, source in AS_WRITTEN_SOURCES)

    def agent(self, key: tuple[str, ...]) -> Agent:
        """The agent registered under a phrase key."""
        code, phrase, source = self.agents[key]
        return Agent(phrase, code, agent_sector(code), source)

    def country_name(self, iso3: str | None) -> str | None:
        """The English name of an ISO-3 country code."""
        return self.countries.get(iso3) if iso3 else None


@lru_cache(maxsize=4096)
def primary_key(primary: str) -> tuple[str, ...]:
    """Approximate token keys of a raw primary phrase ("BASHAR_AL-ASSAD" -> bashar al assad)."""
    words = re.split(r"[_\s\-]+|(?=')", primary)
    return tuple(k for k in (token_key(w) for w in words if w) if k)


def longest_by_first_token(table: dict[tuple[str, ...], Any]) -> dict[str, int]:
    """For each first token, the longest phrase that starts with it (bounds the probes)."""
    lengths: dict[str, int] = {}
    for key in table:
        if len(key) > lengths.get(key[0], 0):
            lengths[key[0]] = len(key)
    return lengths


def role_on(roles: list[list[Any]], day: int) -> list[Any]:
    """The role valid on `day` (YYYYMMDD): a dated role covering it, else the undated one.

    Someone whose dated roles all ended before `day` and who has no undated role is a
    former official: their last country with the ELI sector.
    """
    dated = [r for r in roles if r[3]]
    for role in dated:
        if (role[1] is None or role[1] <= day) and (role[2] is None or day <= role[2]):
            return role
    for role in roles:
        if not role[3]:
            return role
    last = max(dated, key=lambda r: r[2] or 0)
    if last[2] is not None and last[2] < day:
        country = split_code(last[0])[0] or ""
        return [country + FORMER_SECTOR, None, None, f"after {last[3]}"]
    return [split_code(last[0])[0] or last[0], None, None, f"before {last[3]}"]


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The compiled dictionary, loaded once per process."""
    with gzip.open(COMPILED, "rt", encoding="utf-8") as fh:
        return ActorDictionary(json.load(fh))
