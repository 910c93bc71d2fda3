"""Cross-article merging: the events of several articles that report one happening become one event.

GDELT counts one abduction many times because each report makes its own row. Here each stored
(article-level) event is compared with the events of other articles that could be the same
happening, and those that are become one merged event whose mentions are every report of it.

* `rules`: what two reports must not disagree on (type, mode, negation, dates, named parties, places
  read from the sentence) — `conflict_reason`;
* `link`: whether two reports that do not conflict are one happening — a small logistic model over
  what they share (words, numbers, names, parties, day), learned from hand-labelled pairs —
  `link_reason`, which says why; two reports carrying one quotation (`quotes`: six words or more in a row, quoted
  by one and written by the other) are linked whatever the model weighs;
* `grouping`: which linked reports become one merged event (average linkage over the links, never
  across a conflict) and which report speaks for it (the most confident fact) — `cluster`.

All of it is pure and decided from the set of reports alone, so the same articles give the same merged
events whatever order they were ingested in; the store (`dateline.store.merged`) keeps the links and
redoes the clustering of the group a new article touches. A background reference ("the 2017 deal",
mentioned a year later) is an event dated `2017`: its span holds the original's day, and its parties
and words are the original's, so it links to it. One the text does not date ("the explosion that killed
11 workers", a month on) gets its article's date as an upper bound; its merge span reaches
`BACKGROUND_DAYS` back, and the link model weighs that it meets the original only through that reach.
"""

from dateline.merge.grouping import JOIN_DENSITY, cluster, groups_of, representative
from dateline.merge.link import (
    FEATURES,
    LinkModel,
    features_between,
    link_between,
    link_features,
    link_model,
    link_probability,
    link_reason,
    link_strength,
)
from dateline.merge.rules import (
    MentionCounts,
    Report,
    canonical_key,
    conflict_between,
    conflict_reason,
    mention_counts,
    party_countries,
    report_of,
    same_party,
)
from dateline.merge.spans import date_span, merge_span, merge_span_of
from dateline.merge.text import sentence_similarity

__all__ = ["FEATURES", "JOIN_DENSITY", "LinkModel", "MentionCounts", "Report", "canonical_key", "cluster",
           "conflict_between", "conflict_reason", "date_span", "features_between", "groups_of", "link_between",
           "link_features", "link_model", "link_probability", "link_reason", "link_strength", "mention_counts",
           "merge_span", "merge_span_of", "party_countries", "report_of", "representative", "same_party",
           "sentence_similarity"]
