"""Which persons an event's parties name, for telling two acts of one country's people apart in `events/group`.

The pair decision of `events/same_happening` compares the parties of two mentions by their country codes, which
tell an American act from a Russian one but say nothing in a story whose every party is of one country: Governor
Jindal criticising President Obama and Obama scolding Jindal, or prosecutors contending and the doctor summoning his
bodyguard, all read "USA against USA", and the features that reward the same sides (`same_actors`,
`retold_between`) pushed such pairs together. Where both mentions name a person in a role and the persons differ,
the two acts are another person's: the countries' agreement is no evidence of one happening.

Only persons are compared. A body and its people ("Russia" / "the Kremlin", "the United Kingdom" / "Theresa May",
"the British government" / "the Foreign Office") are routinely one side of one happening told twice, and on the
labelled pairs name disagreements of that kind are as often one happening as not; two different persons are
almost never the same side. A party is a person when the actors stage says so in its entry (a person not in the
actor dictionary, a dictionary entry held for dated terms, a titled name resolved through an agent word such as
GOVERNOR), and is known by the last word of its name ("Barack Obama" and "Obama", "Dr Murray" and "Conrad
Murray" are one person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.model import Party

#: The actors stage's words for a name it found no entry for but read as a person (`actors/people`).
UNLISTED_PERSON = "person not in the actor dictionary"
#: A dictionary code with dated terms ("[USAGOV >090120]", "[EGYGOV 811014-110211]"): entries of persons in office.
DATED_ENTRY = re.compile(r"\[[A-Z]{3}[A-Z]* [^\]]*\d{6}")
#: An agent word's code ("[~GOV]"): a role word, which names a person when the name kept is a personal name.
AGENT_ENTRY = "[~"
NAME_WORD = re.compile(r"[^\W\d_][\w'.-]*")


def person_key(party: Party) -> str | None:
    """The word a person party is known by (the last word of its name, lower case), or None for a body, a group,
    a country or a role word standing alone."""
    entry = party.entry or ""
    words = NAME_WORD.findall(party.name)
    if not words:
        return None
    personal_name = len(words) >= 2 and all(w[0].isupper() for w in words)
    if UNLISTED_PERSON in entry or DATED_ENTRY.search(entry) or (AGENT_ENTRY in entry and personal_name):
        return words[-1].lower()
    return None


def person_keys(parties: Iterable[Party]) -> frozenset[str]:
    """The persons a role names (`person_key`), for parties with a country (as `same_happening.party_keys`)."""
    return frozenset(k for k in (person_key(p) for p in parties if p.country) if k is not None)


def other_persons(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two mentions' roles name persons and none of them in common: acts of other people, whatever
    their countries say."""
    return bool(first and second and not first & second)
