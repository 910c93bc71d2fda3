"""Watch zones: named areas with a validity period, the events inside them, and their violations.

A zone is drawn (`shapes`: a GeoJSON polygon, a buffer around a point or a line, or admin areas by
GeoNames id) and stored with the events (`Store.add_zone`, `Store.zones()` with GeoJSON geometry);
`membership` judges how an event lies in it (point inside, admin match, uncertain) and finds its
violations; `report` answers "what happened inside since DATE" as a table, JSON or a brief.
"""

from __future__ import annotations

from dateline.zones.membership import (
    CONFLICT_TYPES,
    INSIDE,
    Membership,
    Violation,
    Zone,
    events_inside,
    timing,
    violations,
)
from dateline.zones.report import ZoneReport, report_markdown, report_table, zone_report, zones_geojson
from dateline.zones.shapes import ZoneError, admin_zone, around_zone, buffer_km, geojson_zone

__all__ = ["CONFLICT_TYPES", "INSIDE", "Membership", "Violation", "Zone", "ZoneError", "ZoneReport", "admin_zone",
           "around_zone", "buffer_km", "events_inside", "geojson_zone", "report_markdown", "report_table", "timing",
           "violations", "zone_report", "zones_geojson"]
