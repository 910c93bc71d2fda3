"""Plain-text explanation of a coded event, for `dateline show`."""

from __future__ import annotations

from dateline.model import Event, Party


def _party_line(role: str, party: Party) -> str:
    code = "/".join(x for x in (party.country, party.sector) if x) or "unresolved"
    source = f" [{party.entry}]" if party.entry else " [no dictionary entry: noun phrase]"
    said = f' "{party.text}"' if party.text and party.text != party.name else ""
    return f"  {role}: {party.name}{said} -> {code}{source}"


def explain_event(event: Event) -> list[str]:
    """Lines saying why the event was coded: trigger, lexicon entry, parties, modality, date, place."""
    ev = event.evidence
    flags = [name for name, on in (("negated", event.negated), ("hypothetical", event.hypothetical)) if on]
    lines = [
        f"{event.type}{'/' + event.mode if event.mode else ''} (CAMEO {event.cameo}, quad {event.quad}, "
        f"intensity {event.intensity}) confidence {event.confidence:.2f}"
        + (f" [{', '.join(flags)}]" if flags else ""),
        f'  trigger: "{ev.trigger}" at {ev.trigger_start}-{ev.trigger_end}',
    ]
    lines += [f"  rule: {part.strip()}" for part in (ev.rule or "").split(";") if part.strip()]
    lines += [_party_line("actor", p) for p in event.actors]
    lines += [_party_line("recipient", p) for p in event.recipients]
    lines.append(f"  date: {event.date} ({event.date_precision})")
    if event.location is not None:
        lines.append(f"  place: {event.location.name} ({event.location.country_code})")
    lines.append(f'  sentence: "{ev.sentence}"')
    return lines
