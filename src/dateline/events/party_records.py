"""Party records of an event: the heads the parse gives for its actors and recipients, resolved to parties.

The passive and reciprocal rules of PLOVER (everyone who met or agreed is an actor; a passive subject with no
by-agent suffers the act) apply here, and a country named alone gives way to a more specific party of that
country. Kept apart from the coder so that a later step (a re-typed reading) can read parties the same way.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.events.lexicon import TriggerEntry
from dateline.events.parties import PartyTokens
from dateline.events.resolve import resolve
from dateline.model import Document, Party

#: Types whose "with"/"between"/object parties are co-actors (PLOVER: no recipient for reciprocal events).
RECIPROCAL_TYPES = frozenset({"CONSULT"})
#: Types whose object suffers the act even when it is sent on somewhere ("deported activists to Jordan").
PATIENT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN"})
#: Entity types of a head that names someone even when the actor dictionary does not know it.
NAMING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: An actor entry that is a country-level code alone ("...: LEBANON_ [LBN]"), no agent noun added.
COUNTRY_ENTRY = re.compile(r"^[^+]*\[([A-Z]{3})\]$")


def party_records(doc: Document, found: PartyTokens, entry: TriggerEntry,
                  type_name: str) -> tuple[list[Party], list[Party]]:
    """Resolve party heads to Party records and apply the reciprocal and passive rules."""
    actor_heads, recipient_heads = list(found.actors), list(found.recipients)
    if entry.passive_actor and "passive subject" in found.patterns and "passive by-agent" not in found.patterns:
        actor_heads, recipient_heads = recipient_heads + actor_heads, []
    if entry.reciprocal or type_name in RECIPROCAL_TYPES:
        partners = [h for h in recipient_heads if h.i in found.partners]
        actor_heads += partners  # PLOVER: everyone who met or agreed is an actor
        recipient_heads = [h for h in recipient_heads if h.i not in found.partners]
    actors = _resolve_all(doc, actor_heads, found.weak)
    recipients = _resolve_all(doc, recipient_heads, found.weak)
    if type_name in RECIPROCAL_TYPES:
        actors += [p for p in recipients if p.entry is not None or p.country is not None]
        recipients = []
    seen = {(p.name, p.start) for p in actors}
    recipients = [p for p in recipients if (p.name, p.start) not in seen]
    if type_name not in PATIENT_TYPES:
        recipients = _without_own_means(doc, recipients, actors, [h for h in recipient_heads if h.i in found.themes])
    return without_bare_duplicates(actors), without_bare_duplicates(recipients)


def _without_own_means(doc: Document, recipients: list[Party], actors: list[Party], themes: list[Any]) -> list[Party]:
    """"Germany sent troops to Mali", "the US is providing military intelligence to Macedonia": what the actor
    hands on (a theme: `PartyTokens.themes`) that is of the actor's own country is its means, not a recipient, when
    the act names another recipient of some other country."""
    own = {p.country for p in actors if p.country}
    means = {(p.name, p.start) for head in themes for p in resolve(doc, head) if p.country in own}
    kept = [p for p in recipients if (p.name, p.start) not in means]
    return kept if any(p.country and p.country not in own for p in kept) else recipients


def without_bare_duplicates(parties: list[Party]) -> list[Party]:
    """Drop a bare country mention when a more specific party of that country fills the same
    slot: "the peacekeeping force in Lebanon" and "Lebanon" are one recipient, the force."""
    specific = {p.country for p in parties if p.country and not bare_country(p)}
    return [p for p in parties if not (bare_country(p) and p.country in specific)]


def bare_country(party: Party) -> bool:
    """A country named alone (its dictionary entry, no agent noun): it stands for the state."""
    found = COUNTRY_ENTRY.search(party.entry or "")
    return found is not None and found.group(1) == party.country and party.sector in (None, "GOV")


def _resolve_all(doc: Document, heads: list[Any], weak: set[int]) -> list[Party]:
    out: list[Party] = []
    seen: set[tuple[str, int | None]] = set()
    for head in heads:
        for party in resolve(doc, head):
            if party.country is None and party.entry is None and (head.i in weak or not _names_someone(head)):
                continue
            key = (party.name, party.start)
            if key not in seen:
                seen.add(key)
                out.append(party)
    return out


def _names_someone(head: Any) -> bool:
    """An unresolved party head stays only if it is a name ("Suleiman", "the Ceasefire Committee");
    common nouns the actor dictionary does not know ("analysts", "anger", "Friday") are no party."""
    return head.ent_type_ in NAMING_ENTITIES or (head.pos_ == "PROPN" and not head.ent_type_)
