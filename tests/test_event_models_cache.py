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
