"""The morning question about a zone — what happened inside since a date, and does it break the deal —
answered as a table, a JSON document or a Markdown brief, and zones as GeoJSON for a map.

A report counts the zone's violations per day and per type, lists the top ones (most certain,
then most confident, then newest) with their sentences and sources, and says how many possible
violations (uncertain place or dates) were left out of the counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rich.table import Table

from dateline.store import Store
from dateline.store.watch import ZoneRecord
from dateline.zones.membership import CONFLICT_TYPES, Violation, violations


@dataclass
class ZoneReport:
    """A zone's violations since a date: counts by day and type, and all of them for the brief."""

    zone: ZoneRecord
    since: dt.date
    found: list[Violation]
    possible: list[Violation] = field(default_factory=list)

    def by_day(self) -> dict[str, Counter[str]]:
        """Violations per event date and type, in date order."""
        days: dict[str, Counter[str]] = {}
        for v in sorted(self.found, key=lambda v: v.event.date or ""):
            days.setdefault(v.event.date or "undated", Counter())[v.event.type] += 1
        return days

    def top(self, n: int) -> list[Violation]:
        """The `n` violations to read first: point inside before admin match, then confidence, then newest."""
        return sorted(self.found, key=lambda v: (v.membership != "point", -v.event.confidence,
                                                 _negated_date(v.event.date)))[:n]

    def to_json(self, top: int = 10) -> dict[str, Any]:
        z = self.zone
        return {"zone": {"name": z.name, "kind": z.kind, "valid_from": z.valid_from.isoformat(),
                         "valid_to": z.valid_to.isoformat() if z.valid_to else None, "note": z.note},
                "since": self.since.isoformat(), "violations": len(self.found), "possible": len(self.possible),
                "by_type": dict(Counter(v.event.type for v in self.found).most_common()),
                "by_day": {day: dict(types) for day, types in self.by_day().items()},
                "top": [v.to_json() for v in self.top(top)]}


def _negated_date(value: str | None) -> str:
    """A sort key that puts later ISO dates first (each digit inverted), undated last."""
    if not value:
        return "~"
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in value)


def zone_report(store: Store, zone: ZoneRecord, since: dt.date | None = None,
                types: Iterable[str] = CONFLICT_TYPES, min_confidence: float = 0.0) -> ZoneReport:
    """The report of one zone since `since` (default: since it took effect)."""
    start = max(since, zone.valid_from) if since else zone.valid_from
    every = violations(store, zone, start, types, min_confidence, include_uncertain=True)
    return ZoneReport(zone, start, [v for v in every if v.certain], [v for v in every if not v.certain])


def _one_line(sentence: str) -> str:
    """A sentence on one line (a headline run into its first paragraph would break a Markdown quote)."""
    return " ".join(sentence.split())


def _source(v: Violation) -> str:
    art = v.article
    where = (art.url or art.source or art.id) if art else v.event.article_id
    title = (art.title if art else v.event.article_title) or ""
    return f"{title} ({where})" if title else str(where)


def report_table(report: ZoneReport, top: int = 10) -> Table:
    """The top violations as a rich table, titled with the totals."""
    z = report.zone
    title = (f"{z.name}: {len(report.found)} violation{'s' if len(report.found) != 1 else ''} since "
             f"{report.since} ({len(report.possible)} possible, not counted)")
    table = Table(title=title, show_lines=False)
    for column in ("date", "type", "where", "how", "sentence", "source"):
        table.add_column(column, overflow="fold")
    for v in report.top(top):
        loc = v.event.location
        table.add_row(v.event.date or "", v.event.type, (loc.name or loc.text or "") if loc else "", v.membership,
                      _one_line(v.event.evidence.sentence), _source(v))
    return table


def report_markdown(report: ZoneReport, top: int = 10) -> str:
    """A brief for a morning note: totals, counts per day and type, then the top events with their sentences."""
    z = report.zone
    until = f" until {z.valid_to}" if z.valid_to else ""
    lines = [f"# {z.name}: violations since {report.since}", "",
             f"Zone in force from {z.valid_from}{until}" + (f" — {z.note}" if z.note else "") + ".", "",
             f"**{len(report.found)} violation{'s' if len(report.found) != 1 else ''}**"
             + (f" ({', '.join(f'{n} {t}' for t, n in Counter(v.event.type for v in report.found).most_common())})"
                if report.found else "")
             + f"; {len(report.possible)} possible (place or date uncertain) not counted.", ""]
    days = report.by_day()
    if days:
        types = sorted({t for counts in days.values() for t in counts})
        lines += ["| day | " + " | ".join(types) + " |", "|---|" + "---|" * len(types)]
        lines += [f"| {day} | " + " | ".join(str(counts.get(t, 0)) for t in types) + " |"
                  for day, counts in days.items()]
        lines.append("")
    for number, v in enumerate(report.top(top), 1):
        loc = v.event.location
        place = (loc.name or loc.text) if loc else "?"
        lines += [f"{number}. **{v.event.type}** {v.event.date} in {place} ({v.membership})",
                  f"   > {_one_line(v.event.evidence.sentence)}", f"   — {_source(v)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def zones_geojson(zones: Iterable[ZoneRecord]) -> dict[str, Any]:
    """Zones as a GeoJSON FeatureCollection (geometry, kind, validity, covered areas) for a map."""
    features = [{"type": "Feature", "id": z.name, "geometry": z.geometry,
                 "properties": {"name": z.name, "kind": z.kind, "valid_from": z.valid_from.isoformat(),
                                "valid_to": z.valid_to.isoformat() if z.valid_to else None, "note": z.note,
                                "admin_areas": z.admin_areas, "countries": z.countries}} for z in zones]
    return {"type": "FeatureCollection", "features": features}


__all__ = ["ZoneReport", "report_markdown", "report_table", "zone_report", "zones_geojson"]
