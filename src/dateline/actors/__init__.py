"""The actors stage: who is named in an article, resolved to a name, country and sector.

`tag_actors(doc)` fills `doc.actors` from the compiled Phoenix dictionaries
(`dictionary`), matching token pieces (`match`), grouping them into mentions (`tag`) and
resolving in-article references (`refs`).
"""

from dateline.actors.tag import tag_actors

__all__ = ["tag_actors"]
