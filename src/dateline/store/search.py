"""What the listing and the party filters read from an event's own row: its order key and searchable parties.

A listing is a top-N of one table: each `events` row carries

* `order_key`: the event's place in listings, one string that sorts as the tuple (first day its date
  covers, undated last; its TIMEX3 value; its article's date; sentence and trigger offsets; id);
* `listing_key` and `listing_day`: the `order_key` of the merged event the row belongs to (its own until
  merged), and the first day of that key as a number, so a filter on the reports orders and pages by the
  merged events they are listed under, without a join. Databases order the number (a top-N over an
  integer: DuckDB compares a million compressed strings ten times slower than integers) and the few
  rows of one day are put in order by their key here;
* `party_text`: the lower-cased names and mention texts of its parties, one per line, for the actor
  filter's substring match (one column a trigram index or a scan reads, not a join to every party row);
* `countries`: its party countries and, marked `@`, its location's country, space-separated, for the
  actor and country filters' exact code match.

Both sides are lower- or upper-cased here, in Python, so a stored value and a query agree on case.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Execute = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
#: Ids per IN list or VALUES statement (PostgreSQL takes at most 65535 parameters a statement).
_CHUNK = 2000

#: The order key of an undated event: after every date.
_UNDATED = "9999-12-31"
#: Stands for a missing TIMEX3 value or trigger: after every value (NULLS LAST, as SQL orders them).
_MISSING_VALUE = "~"
_MISSING_OFFSET = 10**10 - 1
_LOCATION_MARK = "@"


def day_number(day: dt.date | None) -> int:
    """The listing day of a first day (its proleptic ordinal; undated events after every date)."""
    return (day or dt.date.max).toordinal()


def order_key(date_lo: dt.date | None, date: str | None, article_date: dt.date | None, sent_start: int,
              trigger_start: int | None, event_id: str) -> str:
    """The listing order of an event as one string, compared as Python compares strings (fields joined by
    spaces, which sort below every character of a TIMEX3 value, so a shorter value sorts first)."""
    trigger = _MISSING_OFFSET if trigger_start is None else trigger_start
    return " ".join((date_lo.isoformat() if date_lo else _UNDATED, date or _MISSING_VALUE,
                     article_date.isoformat() if article_date else _UNDATED, f"{sent_start:010d}",
                     f"{trigger:010d}", event_id))


def party_text(names: Iterable[str | None]) -> str:
    """The parties' names and mention texts, lower-cased, each on a line of its own (lines never match across)."""
    return "\n" + "".join(f"{name.lower()}\n" for name in names if name)


def countries(party_countries: Iterable[str | None], location_country: str | None) -> str:
    """The party countries and the location's (marked), upper-cased and space-separated, with a space around."""
    codes = sorted({code.upper() for code in party_countries if code})
    if location_country:
        codes.append(_LOCATION_MARK + location_country.upper())
    return " " + "".join(f"{code} " for code in codes)


def _escaped(text: str) -> str:
    """`text` taken literally inside a LIKE pattern with ESCAPE '!'."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def party_text_pattern(needle: str) -> str | None:
    """The LIKE pattern (ESCAPE '!') of a party name substring on `party_text`; None for a needle with a line
    break, which the stored lines cannot hold (the caller falls back to the party rows)."""
    if "\n" in needle:
        return None
    return f"%{_escaped(needle.lower())}%"


def country_pattern(code: str, location: bool = False) -> str | None:
    """The LIKE pattern (ESCAPE '!') of a party country code (or, with `location`, the location's) on
    `countries`; None for a code with a space or the location mark, which no stored code has."""
    if not code or any(ch.isspace() for ch in code) or _LOCATION_MARK in code:
        return None
    return f"% {_LOCATION_MARK if location else ''}{_escaped(code.upper())} %"


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    return (items[start:start + size] for start in range(0, len(items), size))


def key_day(key: str) -> int:
    """The listing day of an order key (its first field, an ISO date)."""
    return day_number(dt.date.fromisoformat(key[:10]))


def fill_search_columns(execute: Execute) -> None:
    """Compute the columns of this module for every stored event (the migration that adds them)."""
    parties: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for event_id, name, text, country in execute(
            'SELECT event_id, name, "text", country FROM event_parties ORDER BY event_id, role, position', []):
        parties[event_id].append((name, text, country))
    rows = execute("SELECT e.id, e.date_lo, e.date, a.date, e.sent_start, e.trigger_start, e.country_code, "
                   "e.merged_id FROM events e JOIN articles a ON a.id = e.article_id", [])
    own = {row[0]: order_key(row[1], row[2], row[3], row[4], row[5], row[0]) for row in rows}
    values = {row[0]: (own[row[0]], own.get(row[7], own[row[0]]), key_day(own.get(row[7], own[row[0]])),
                       party_text(x for name, text, _ in parties[row[0]] for x in (name, text)),
                       countries((c for _, _, c in parties[row[0]]), row[6])) for row in rows}
    names = ("order_key", "listing_key", "listing_day", "party_text", "countries")
    # one UPDATE from a scratch table: an UPDATE per chunk would join (scan) the events table once per chunk
    kinds = ", ".join(f"{n} {'BIGINT' if n == 'listing_day' else 'VARCHAR'}" for n in names)
    execute(f"CREATE TEMPORARY TABLE dateline_search_fill (id VARCHAR, {kinds})", [])
    one = "(" + ", ".join("?" * (len(names) + 1)) + ")"
    for chunk in _chunks(sorted(values), _CHUNK // 5):
        execute(f"INSERT INTO dateline_search_fill VALUES {', '.join([one] * len(chunk))}",
                [x for event_id in chunk for x in (event_id, *values[event_id])])
    sets = ", ".join(f'"{name}" = v.{name}' for name in names)
    execute(f"UPDATE events SET {sets} FROM dateline_search_fill v WHERE events.id = v.id", [])
    execute("DROP TABLE dateline_search_fill", [])

__all__ = ["countries", "country_pattern", "day_number", "fill_search_columns", "key_day",
           "order_key", "party_text", "party_text_pattern"]
