"""Training rows for the thread-party model from the judged party samples (`party_sample.py`), beside events-gold's.

Used by `tools/train_thread_parties.py --samples 1819,1920,...`. Why: events-gold gives 65 rows of empty roles over
28 articles, too few for the fill threshold to hold up out of fold, while each party sample judges the parties of
every political event the default view showed on 40-50 fresh articles; about half of their wrong events are roles
no word of the clause fills. Each judged political event shown now (at the sample's view, found again by
`news_candidates.label_of`) becomes a `Matched` event whose gold is the label's countries by role (the shown type
stands for the gold type, as `party_sample.right` judges a reciprocal type's parties together), and each of its empty
roles with candidates a `Slot`, a row per candidate, right when the label's role is exactly that country. The rows are
read with no model in force and the thread's fills stripped, as the trainer reads events-gold's. Sources are named
`s<seed>`, so the cross-validation by article reports each sample apart.
"""

from __future__ import annotations

from typing import Any

from dateline.events import thread_parties
from dateline.events.thread_parties import thread_candidates, unfilled
from news_candidates import article, default_shared, label_of, read_labels
from party_sample import labels_path

#: The view every party sample was judged at.
SAMPLE_VIEW = 0.35


def sample_gold(label: dict[str, Any], shown_type: str) -> dict[str, Any]:
    """The label as a gold event the shared scorer's `judge` reads: the shown type, each role's countries."""
    return {"type": shown_type, "actors": [{"country": c} for c in label["actors"]],
            "recipients": [{"country": c} for c in label["recipients"]]}


def add_sample_rows(seeds: list[int], features: list[tuple[float, ...]], labels: list[bool], slots: list[Any],
                    matched: list[Any], slot_type: Any, matched_type: Any) -> None:
    """Append the samples' rows, slots and matched events to the trainer's tables (`slot_type` and `matched_type`
    are its `Slot` and `Matched`, passed in so the two tools do not import each other)."""
    from dateline.pipeline import process

    shared = default_shared()
    for seed in seeds:
        judged = [item for item in read_labels(labels_path(seed)) if item["political"]]
        ids = sorted({item["article"] for item in judged})
        with thread_parties.using_model(None):
            docs = process([article(shared, i) for i in ids], article_seconds=0)
        for doc in docs:
            _add_doc(doc, judged, f"s{seed}", features, labels, slots, matched, slot_type, matched_type)


def _add_doc(doc: Any, judged: list[dict[str, Any]], source: str, features: list[tuple[float, ...]],
             labels: list[bool], slots: list[Any], matched: list[Any], slot_type: Any, matched_type: Any) -> None:
    aid = str(doc.article.id)
    doc.events = [unfilled(e) for e in doc.events]
    candidates = thread_candidates(doc)
    for at, event in enumerate(doc.events):
        label = label_of(judged, aid, event) if event.confidence >= SAMPLE_VIEW else None
        if label is None:
            continue
        matched.append(matched_type(aid, source, event.to_json(), sample_gold(label, event.type)))
        wants = {role: set(label[role]) for role in ("actors", "recipients")}
        add_slots(candidates, at, wants, (features, labels, slots),
                  slot_type(aid, source, len(matched) - 1, "", [], []))


def add_slots(candidates: list[Any], at: int, wants: dict[str, set[str]],
              tables: tuple[list[tuple[float, ...]], list[bool], list[Any]], blank: Any) -> None:
    """Append a slot for each role of event `at` that has thread candidates: a row a candidate, right when the
    role's wanted countries are exactly its country, to `tables` (features, labels, slots). `blank` is the
    trainer's `Slot` of the event with no role and no rows yet, copied for each role. The one way both the
    trainer (events-gold) and the samples make slots, so their rows mean the same."""
    from dataclasses import replace

    features, labels, slots = tables
    for role, want in wants.items():
        mine = [c for c in candidates if c.event == at and c.role == role]
        if not mine:
            continue
        slot = replace(blank, role=role, rows=[], countries=[])
        for c in mine:
            slot.rows.append(len(features))
            slot.countries.append(c.country)
            features.append(c.features)
            labels.append(want == {c.country.upper()})
        slots.append(slot)
