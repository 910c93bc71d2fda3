"""The places stage: recognise toponyms in a parsed article and resolve them offline.

`tag_places` fills `doc.places` from the spaCy parse and the GeoNames gazetteer (built
once into the cache folder). `import_geonames`, `forget_geonames` and `gazetteer_info` are
the library side of `dateline gazetteer import FILE`, `gazetteer forget FILE` and `gazetteer info`.
"""

from __future__ import annotations

from urllib.parse import urlparse

from dateline.geo.gazetteer import (
    Gazetteer,
    describe_import,
    forget_geonames,
    gazetteer_info,
    get_gazetteer,
    import_geonames,
)
from dateline.geo.national_parts import mark_national_parts
from dateline.geo.parts import mark_parts
from dateline.geo.recognize import find_mentions
from dateline.geo.resolve import resolve_mentions
from dateline.model import Document


def tag_places(doc: Document) -> Document:
    """Add the article's places (toponyms resolved to GeoNames entries) to `doc.places`."""
    if doc.parsed is None:
        return doc
    gazetteer = get_gazetteer()
    mentions = find_mentions(doc.parsed, gazetteer)
    places = resolve_mentions(mentions, gazetteer, focus_country(doc, gazetteer))
    doc.places = mark_national_parts(doc.parsed, places, gazetteer)
    mark_parts(doc.parsed, doc.places, gazetteer)
    return doc


def focus_country(doc: Document, gazetteer: Gazetteer) -> str | None:
    """The country a source writes from, when its web address says so (".co.uk", ".ng")."""
    for address in (doc.article.url, doc.article.source):
        host = _host(address)
        if host and "." in host:
            return gazetteer.country_of_domain(host)
    return None


def _host(address: str | None) -> str | None:
    """The host name of a web address or a bare domain; None for text that is not one ("[Reuters]", "http://[x")."""
    if not address:
        return None
    try:
        return urlparse(address if "//" in address else f"//{address}").hostname
    except ValueError:
        return None


__all__ = ["describe_import", "forget_geonames", "gazetteer_info", "get_gazetteer", "import_geonames", "tag_places"]
