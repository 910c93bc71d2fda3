"""The composed pipeline: stage order, determinism, and no pathological inputs."""

from __future__ import annotations

import datetime as dt
import signal

from dateline import extract_text
from dateline.model import Article
from dateline.pipeline import STAGES, Failure, process


def test_stages_run_in_the_documented_order():
    assert [s.__name__ for s in STAGES] == ["mark_story", "tag_timexes", "tag_places", "tag_actors", "code_events"]


def _too_slow(*_: object) -> None:
    raise TimeoutError("the pipeline did not finish in 30 s")


def test_verbless_headlines_with_dates_finish_quickly():
    # A headline whose parse root is a date, not a verb: walking up the tree must stop at the root.
    text = ("MORE Feb 8 , 2011 6:42 AM ET EGYPT FREES BLOGGER who was arrested during the unrest in Cairo , "
            "likely for his role in online activism . \n")
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.alarm(30)
    try:
        doc = extract_text(text, "2011-02-11")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert any(t.value.startswith("2011-02-08") for t in doc.timexes)


def test_extraction_is_deterministic():
    text = "Turkey and Russia agreed on Monday to create a buffer zone. Rebels attacked Aleppo."
    first, second = extract_text(text, "2018-09-19"), extract_text(text, "2018-09-19")
    assert first.to_json() == second.to_json()
    assert first.events and all(e.id for e in first.events)


def test_a_failing_article_is_reported_and_the_batch_goes_on():
    def explode(doc):
        if "boom" in doc.article.text:
            raise ValueError("stage failed on purpose")
        return doc

    arts = [Article(id=str(i), date=dt.date(2020, 1, 1), text=t, origin=f"a{i}")
            for i, t in enumerate(["Police arrested ten people.", "boom", "Rebels attacked a base."])]
    failures: list[Failure] = []
    docs = list(process(arts, on_failure=failures.append, stages=(*STAGES, explode)))
    assert [d.article.id for d in docs] == ["0", "2"]
    assert failures == [Failure("a1", "ValueError: stage failed on purpose")]


DETERMINISM_SCRIPT = """
import json
from dateline import extract_text
texts = ["Uganda has granted asylum to 18 Rwandan rebels who fled across the border last week.",
         "The national teachers' union suspended its strike on Monday after talks with the education ministry.",
         "Britain is pushing hard for the United States to support a new resolution at the United Nations.",
         "Kenya gave refuge to 40 Somali fighters who had crossed into its territory."]
print(json.dumps([extract_text(t, "2020-05-06").to_json() for t in texts], sort_keys=True))
"""


def test_extraction_does_not_depend_on_the_hash_seed():
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", DETERMINISM_SCRIPT], env=env, capture_output=True,
                              text=True, timeout=300, check=True)
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_articles_the_readers_accept_are_never_refused_by_spacy_length_limit(nlp):
    previous = nlp.max_length
    nlp.max_length = 50  # stands in for spaCy's limit against a user's larger --max-chars
    try:
        art = Article(id="long", date=dt.date(2020, 1, 1), text="Rebels attacked the town on Monday. " * 5)
        (doc,) = process([art])
    finally:
        nlp.max_length = previous
    assert len(doc.parsed) > 30 and doc.timexes
