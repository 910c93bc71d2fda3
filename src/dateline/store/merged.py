"""Merged events in the store: incremental cross-article merging, and reading merged events back.

The decisions are `dateline.merge`'s (pure functions of two events); this module keeps their
results in the shared SQL tables, written inside the batch's transaction so a killed ingest
leaves no half-merged state:

* `merge_keys` is the candidate index: one row per event and window of days its merge span touches
  (`rows.window_keys`: its type and a 30-day window number), with that span, and one by its sentence's
  fingerprint (`rows.copy_key`: one sentence printed on other days). A new event reads the
  rows of its own windows by key and keeps the events whose days overlap its own (party countries are
  not required to match: coded countries err, and two copies of one sentence are one report whatever
  their coding said). Every read is an index lookup by event id or window key, never a scan or a join
  over the table, so the work per article depends on how many events are near it in type and time,
  not on how many are stored.
* `event_links` holds every pair of events found to report one happening, with the reason.
* `events.merged_id` is the merged event each event belongs to (the id of its representative: the
  most confident fact among its reports, `dateline.merge.representative`),
  `merge_reason` why it joined, and `n_mentions`, `n_articles`, `n_sources` the merged event's counts.

When new events link to stored ones, the merged events they touch are clustered again
(`dateline.merge.cluster`, decided from the set alone), widened to their linked neighbours only as far as
the clustering changes (`regroup`), so the result is the same whatever order the articles came in, a
more confident report arriving late becomes the one that speaks for it, and a write's work follows what
it adds, not the history of the story it adds to.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import numpy as np

from dateline.merge import Report, link_between, link_model, merge_span, report_of
from dateline.merge.blocking import LinkBound
from dateline.merge.cache import ReportCache
from dateline.model import Event, Evidence
from dateline.store.inlist import MAX_KEYS, Execute, in_chunks, in_list
from dateline.store.regroup import Part, links_touching, regroup
from dateline.store.rows import candidate_keys, merge_key_rows, stored_event
from dateline.store.search import key_day

#: Ids per IN list (PostgreSQL takes at most 65535 parameters a statement).
_CHUNK = 5000
_MEMBER_SELECT = ("SELECT e.event, e.article_id, a.date, a.title, a.source, e.merged_id, e.merge_reason "
                  "FROM events e JOIN articles a ON a.id = e.article_id")
_CANONICAL_ORDER = "ORDER BY a.date, e.article_id, e.sent_start, e.trigger_start NULLS FIRST, e.id"


def _member_rows(execute: Execute, column: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
    """`_MEMBER_SELECT` rows of the events whose `column` is among `ids`, in canonical order, each with the event's
    id after them: the events, then their articles, each looked up by key (DuckDB plans a join under an IN list as a
    scan of every event)."""
    events = in_chunks(execute, "SELECT event, article_id, merged_id, merge_reason, sent_start, trigger_start, id "
                                 f"FROM events WHERE {column} IN ({{ids}})", ids)
    articles = {row[0]: row[1:] for row in in_chunks(
        execute, "SELECT id, date, title, source FROM articles WHERE id IN ({ids})", sorted({r[1] for r in events}))}
    rows = [(event, aid, *articles[aid], merged, reason, (aid, sent, trigger is not None, trigger or 0, event_id))
            for event, aid, merged, reason, sent, trigger, event_id in events]
    rows.sort(key=lambda row: (row[2], row[7]))
    return [(*row[:7], row[7][4]) for row in rows]


def _member(row: tuple[Any, ...]) -> Event:
    """An event from a `_MEMBER_SELECT` row, its mentions marked with its article and the article's source."""
    event = stored_event(*row[:4])
    for mention in event.mentions or [event.evidence]:
        mention.article_id, mention.source, mention.article_date = row[1], row[4], row[2]
    return event


#: The reports of stored events this process has read, kept between merge steps (bounded in bytes; see the module).
REPORTS = ReportCache()


def _stored_report(row: tuple[Any, ...]) -> Report:
    """The `Report` of a `_member_rows` row, kept: merging compares the same stored events batch after batch, and
    decoding an event's JSON costs more than comparing it. Kept by event id with a digest of the stored row, so a
    row changed since (an article stored again) is read again."""
    stored, event_id = row[:5], row[7]
    digest = hash(stored)
    return REPORTS.get(event_id, digest) or REPORTS.put(digest, report_of(_member(stored)))


def load_reports(execute: Execute, ids: Sequence[str]) -> dict[str, Report]:
    """Stored events by id as merging compares them (`Report`s of events with their article's id, date, title)."""
    reports = [_stored_report(row) for row in _member_rows(execute, "id", sorted(ids))]
    return {report.id: report for report in reports}


def _candidates(execute: Execute, new: list[Report]) -> dict[str, list[str]]:
    """For each new event (stored already), the stored events that may be the same happening: the same type (the
    window key holds it) and overlapping days. Its own windows follow from the event (`merge_key_rows`); the events
    in them are read by key, and the overlap is decided here. (A self-join of `merge_keys` is answered by scanning
    the table: its cost grew with the store.)"""
    own = [(report.id, report.type, key, lo, hi) for report in new  # its `merge_key_rows`
           for key, lo, hi in candidate_keys(report.type, report.reach, report.article_date, report.sentence)]
    rows: dict[str, list[tuple[str, Any, Any]]] = {}
    for key, other_id, lo, hi in in_chunks(execute, "SELECT window_key, event_id, lo, hi FROM merge_keys "
                                                     "WHERE window_key IN ({ids})", sorted({row[2] for row in own})):
        rows.setdefault(key, []).append((other_id, lo, hi))
    in_window = {key: _window(found) for key, found in rows.items()}  # each window's spans as arrays: one test each
    found: dict[str, set[str]] = {report.id: set() for report in new}
    for new_id, _, key, lo, hi in own:
        if key in in_window:
            ids, first, last = in_window[key]
            found[new_id].update(ids[(first <= hi.toordinal()) & (last >= lo.toordinal())].tolist())
    return {event_id: sorted(others - {event_id}) for event_id, others in found.items()}


def _window(rows: list[tuple[str, Any, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The event ids of one candidate window with the first and last days (ordinals) of their merge spans."""
    return (np.array([row[0] for row in rows], dtype=object), np.array([row[1].toordinal() for row in rows]),
            np.array([row[2].toordinal() for row in rows]))


def find_links(execute: Execute, new: list[Event], known: dict[str, Event]) -> dict[frozenset[str], str]:
    """Links between the new events and the stored events that are candidates for them (`known`: events the
    caller holds already, by id, not read again)."""
    links, _ = _links_found(execute, {event.id: report_of(event) for event in new},
                            {event_id: report_of(event) for event_id, event in known.items()})
    return links


def _links_found(execute: Execute, new: dict[str, Report],
                 known: dict[str, Report]) -> tuple[dict[frozenset[str], str], dict[str, Report]]:
    """`find_links` over reports: the links, and `known` (reports read already, by id) with the candidates loaded
    here added. Each pair is weighed once (two new events are each other's candidates), in id order (the reason
    names the earlier event first), and only when the link model's best score for it reaches the threshold
    (`LinkBound`: the others never link)."""
    candidates = _candidates(execute, sorted(new.values(), key=lambda report: report.id))
    known = known | new | load_reports(execute, sorted({c for ids in candidates.values() for c in ids}
                                                       - known.keys() - new.keys()))
    ids = sorted(known)
    row_of = {event_id: row for row, event_id in enumerate(ids)}
    bound = LinkBound([known[event_id] for event_id in ids], link_model())
    links: dict[frozenset[str], str] = {}
    for event_id in sorted(new):
        report = new[event_id]
        rows = [row_of[other] for other in candidates[event_id] if other not in new or other > event_id]
        for other_id in (ids[row] for row in bound.may_link(report, rows)):
            first, second = (report, known[other_id]) if event_id < other_id else (known[other_id], report)
            if reason := link_between(first, second):
                links[frozenset((event_id, other_id))] = reason
    return links, known


def merge_new_events(execute: Execute, new_ids: list[str]) -> int:
    """Merge freshly stored events with the store's; returns the links made.

    Runs inside the transaction that stored them. The new events are read back from the store, so
    they are compared in exactly the form a later article will see them in (rounded as stored).
    Only the merged events the new links touch are clustered again, with their linked neighbours as far
    as the clustering changes (`regroup`); an event that links to nothing stays its own merged event.
    """
    links, known = _links_found(execute, load_reports(execute, new_ids), {})
    if not links:
        return 0
    _insert_links(execute, links)
    part = _regrouped(execute, {x for pair in links for x in pair}, known)
    _write_clusters(execute, part.members, part.assigned)
    return len(links)


def _regrouped(execute: Execute, seeds: set[str], known: dict[str, Report]) -> Part:
    """The part of the seeds' linked groups clustered again (`regroup.regroup`), its reports read from `known` where
    the write holds them already."""
    def load(ids: Sequence[str]) -> dict[str, Report]:
        return {i: known[i] for i in ids if i in known} | load_reports(execute, [i for i in ids if i not in known])

    return regroup(execute, seeds, load)


def _insert_links(execute: Execute, links: dict[frozenset[str], str]) -> None:
    """Store the links not stored yet (a stored one keeps its reason). Looked up by the indexes of either end rather
    than left to a unique key's ON CONFLICT: DuckDB keeps no index on (a, b) (`schema.WRITER_KEPT_KEYS`), and
    merging is one writer at a time on every backend (`SQLStore._store` takes the writers' lock)."""
    stored = {(a, b) for a, b, _ in links_touching(execute, sorted({x for pair in links for x in pair}))}
    rows = [(*sorted(pair), reason) for pair, reason in sorted(links.items(), key=lambda item: sorted(item[0]))
            if tuple(sorted(pair)) not in stored]
    for start in range(0, len(rows), _CHUNK // 3):
        chunk = rows[start:start + _CHUNK // 3]
        execute("INSERT INTO event_links (a, b, reason) VALUES " + ", ".join(["(?, ?, ?)"] * len(chunk)),
                [v for row in chunk for v in row])


def _write_clusters(execute: Execute, members: Mapping[str, Event | Report],
                    assigned: dict[str, tuple[str, str | None]]) -> None:
    """Store each member's merged event, reason and its merged event's counts, and list a member that moved to
    another merged event under that event's order key (`listing_key`, `listing_day`). Only the rows whose merge
    state differs from what is stored are written: a new report joins one merged event of a group that may hold
    thousands of reports, and rewriting them all made each write cost the size of the group (1.6 s for a group of
    2,168 in a bulk of re-dated copies)."""
    by_cluster: dict[str, list[Event | Report]] = {}
    for event_id, (cluster_id, _) in assigned.items():
        by_cluster.setdefault(cluster_id, []).append(members[event_id])
    rows: list[tuple[Any, ...]] = []
    for cluster_id, events in sorted(by_cluster.items()):
        reported = [_mentions_of(event) for event in events]
        counts = (sum(n for n, _ in reported), len({e.article_id for e in events}),
                  len(set().union(*(sources for _, sources in reported))))
        rows += [(event.id, cluster_id, assigned[event.id][1], *counts) for event in events]
    stored = {row[0]: row for row in in_chunks(execute, _STORED_MERGE, [row[0] for row in rows])}
    changed = [row for row in rows if stored.get(row[0]) != row]
    update_events(execute, (("merged_id", "VARCHAR"), ("merge_reason", "VARCHAR"), ("n_mentions", "BIGINT"),
                             ("n_articles", "BIGINT"), ("n_sources", "BIGINT")), changed)
    moved = {row[0]: row[1] for row in changed if row[0] not in stored or stored[row[0]][1] != row[1]}
    heads = sorted(set(moved.values()))
    keys = dict(in_chunks(execute, "SELECT id, order_key FROM events WHERE id IN ({ids})", heads))
    update_events(execute, (("listing_key", "VARCHAR"), ("listing_day", "BIGINT")),
                  [(event_id, keys[head], key_day(keys[head])) for event_id, head in moved.items() if head in keys])


#: What `_write_clusters` writes, as stored (looked up by id alone: see `_MERGE_STATE`).
_STORED_MERGE = "SELECT id, merged_id, merge_reason, n_mentions, n_articles, n_sources FROM events WHERE id IN ({ids})"


def _mentions_of(member: Event | Report) -> tuple[int, Collection[str]]:
    """How many mentions a stored event stands for, and their sources (`source`, else `article:ID`)."""
    if isinstance(member, Report):
        return member.mentions, member.sources
    mentions = member.mentions or [member.evidence]
    return len(mentions), frozenset(m.source or f"article:{m.article_id}" for m in mentions)


def update_events(execute: Execute, columns: tuple[tuple[str, str], ...], rows: list[tuple[Any, ...]]) -> None:
    """Set `columns` (name, SQL type) of the events whose ids lead the rows (each id once), many rows a statement.

    Each column is a CASE over the ids and the rows are picked by an IN list of them (`inlist.in_list`), which
    DuckDB answers through the primary key's index; a join to a VALUES list scanned the events table, so every
    merge's update cost more the bigger the store."""
    per_statement = min(MAX_KEYS, _CHUNK // (2 * len(columns)))
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        cases = " ".join(["WHEN ? THEN ?"] * len(chunk))
        sets = ", ".join(f"{name} = CAST(CASE id {cases} END AS {kind})" for name, kind in columns)
        listed, params = in_list([row[0] for row in chunk])
        execute(f"UPDATE events SET {sets} WHERE id IN ({listed})",
                [*(v for i in range(len(columns)) for row in chunk for v in (row[0], row[i + 1])), *params])


def with_mentions(execute: Execute, events: list[Event], merged: set[str] | None = None) -> list[Event]:
    """Give each merged event (reported by several articles) the mentions of all its reports.

    The mentions come in canonical order (earliest article first), each with its article id,
    source and date; the first mention of each report but the representative says why it was joined.
    `merged`: the ids among them known to be merged events of several articles (saves looking them up).
    """
    merged_ids = _merged_ids(execute, [e.id for e in events]) if merged is None else merged  # one query
    merged = [event for event in events if event.id in merged_ids]
    if not merged:
        return events
    rows = _member_rows(execute, "merged_id", [e.id for e in merged])
    mentions: dict[str, list[Evidence]] = {}
    for row in rows:
        member = _member(row)
        own = member.mentions or [member.evidence]
        if row[6] and own[0].joined is None:
            own[0].joined = row[6]
        mentions.setdefault(row[5], []).extend(own)
    for event in merged:
        event.mentions = mentions.get(event.id, event.mentions)
        for mention in event.mentions:  # the evidence is one of the mentions
            if (mention.article_id, mention.start, mention.trigger_start) == (
                    event.article_id, event.evidence.start, event.evidence.trigger_start):
                event.evidence = mention
                break
    return events


#: The merge columns of events looked up by id. The IN list is the query's only condition, and the rest is
#: decided here: with another condition beside it DuckDB scans the whole table (250 ms a call at a million events)
#: instead of reading the ids through the primary key's index (a few ms).
_MERGE_STATE = "SELECT id, merged_id, n_articles FROM events WHERE id IN ({ids})"


def _merged_ids(execute: Execute, ids: list[str]) -> set[str]:
    """Those of the ids that are merged events of more than one article."""
    return {event_id for event_id, merged_id, articles in in_chunks(execute, _MERGE_STATE, ids)
            if articles > 1 and event_id == merged_id}


def merged_count(execute: Execute, event_ids: list[str]) -> int:
    """How many of these events belong to a merged event of several articles."""
    return sum(1 for _, _, articles in in_chunks(execute, _MERGE_STATE, event_ids) if articles > 1)


def merged_id_of(execute: Execute, event_id: str) -> str | None:
    """The merged event a stored event belongs to."""
    rows = execute("SELECT merged_id FROM events WHERE id = ?", [event_id])
    return rows[0][0] if rows else None


def remerge_all(execute: Execute) -> None:
    """Merge every stored event again from scratch (the migration to merged events; a repair)."""
    events = {e.id: e for e in (_member(row) for row in execute(f"{_MEMBER_SELECT} {_CANONICAL_ORDER}", []))}
    execute("DELETE FROM event_links", [])
    execute("DELETE FROM merge_keys", [])
    spans = {event_id: merge_span(event) for event_id, event in events.items()}
    update_events(execute, (("merge_lo", "DATE"), ("merge_hi", "DATE")),
                   [(i, s.first if s else None, s.last if s else None) for i, s in spans.items()])
    _write_clusters(execute, events, {event_id: (event_id, None) for event_id in events})
    insert_merge_keys(execute, [key for event in events.values() if event.article_date
                                for key in merge_key_rows(event, event.article_date)])
    merge_new_events(execute, list(events))


def insert_merge_keys(execute: Execute, keys: Sequence[tuple[Any, ...]]) -> None:
    """Insert `merge_keys` rows (`rows.merge_key_rows`), many rows a statement."""
    per_statement = _CHUNK // 5
    for start in range(0, len(keys), per_statement):
        chunk = keys[start:start + per_statement]
        execute("INSERT INTO merge_keys VALUES " + ", ".join(["(?, ?, ?, ?, ?)"] * len(chunk)),
                [v for row in chunk for v in row])


__all__ = ["REPORTS", "find_links", "insert_merge_keys", "load_reports", "merge_new_events", "merged_count",
           "merged_id_of", "remerge_all", "update_events", "with_mentions"]
