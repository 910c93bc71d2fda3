"""`benchmarks/event_models.py` judges every model pair on the same stored documents, the first pair of a run too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.model import Article

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Rebel fighters attacked an army post near the river town on Monday, officials said."


def test_the_run_that_writes_the_cache_judges_the_stored_documents(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import event_models

    monkeypatch.setattr(event_models, "cache_folder", lambda: tmp_path / "event-train")

    made = []
    real = event_models.process

    def recording(*args, **kwargs):
        for doc in real(*args, **kwargs):
            made.append(doc)
            yield doc

    monkeypatch.setattr(event_models, "process", recording)
    articles = [Article(id="a1", date=dt.date(2021, 3, 1), text=TEXT)]
    first = event_models.cached_documents("probe", articles)
    second = event_models.cached_documents("probe", articles)
    assert len(made) == 1  # parsed once, by the first call
    assert first[0] is not made[0]  # ... and read back from the cache like every later call
    assert [d.to_json() for d in first] == [d.to_json() for d in second]


def test_a_cached_document_keeps_its_actors_dictionary_entries(tmp_path: Path, monkeypatch) -> None:
    """Read back from a tools' cache, a document codes its events as the fresh one does: its actors keep the
    dictionary entry, code and tokens JSON leaves out, so the verifier's `a_known` feature reads the same."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from cache_keys import cached_document, document_from_cache
    from dateline.events.coder import code_events
    from dateline.pipeline import process

    text = "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Monday."
    fresh = next(iter(process([Article(id="a2", date=dt.date(2018, 9, 19), text=text)], article_seconds=0)))
    known = [a.entry for a in fresh.actors]
    assert any(known)
    back = document_from_cache(cached_document(fresh), fresh.parsed)
    assert [a.entry for a in back.actors] == known
    assert [(a.code, a.token_start, a.token_end) for a in back.actors] == \
        [(a.code, a.token_start, a.token_end) for a in fresh.actors]
    back.events = []
    parties = [[p.entry for p in e.actors + e.recipients] for e in code_events(back).events]
    assert parties == [[p.entry for p in e.actors + e.recipients] for e in fresh.events]


def test_each_mention_is_verified_before_the_grouping_as_extract_does(monkeypatch) -> None:
    """The verifier scores mentions one by one and the grouping joins them after (`coder.code_events`' order): a
    group formed first would take the verifier's score of the one mention the lexicon was surest of."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import event_models
    from dateline.config import package_data
    from dateline.events import detect, linear, verify
    from dateline.pipeline import process

    text = ("Gunmen stormed a police station in the border town of Chaman on Tuesday. The attack on the police "
            "station killed four officers, the provincial governor said.")
    with verify.unverified():
        docs = list(process([Article(id="a3", date=dt.date(2021, 3, 2), text=text)], article_seconds=0))
    folder = package_data("models")
    detector = linear.read_model(folder, detect.MODEL_NAME, detect.FEATURE_VERSION)
    verifier = linear.read_model(folder, verify.MODEL_NAME, verify.FEATURE_VERSION)
    seen: list[int] = []
    real = event_models.verify_events

    def recording(doc):
        seen.extend(len(e.mentions) for e in doc.events)
        return real(doc)

    monkeypatch.setattr(event_models, "verify_events", recording)
    coded = event_models.coded(docs, detector, verifier)
    assert seen and max(seen) <= 1  # the verifier saw single mentions
    assert any(len(e.mentions) > 1 for e in coded[0].events)  # ... which were grouped after it
