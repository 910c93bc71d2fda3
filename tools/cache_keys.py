"""Where the training and benchmark tools keep their caches, and the fingerprints that say when one is stale.

Training rows, parses and coded documents take minutes to make again, so the tools keep them under one folder
($DATELINE_CACHE, else the XDG cache folder: `cache_folder` is the training rows' folder, and other caches sit
beside it). A cache of anything a stage made (documents, candidates, their features) holds `pipeline_fingerprint`,
a hash of every stage's code and data, so it is made again after any stage changes; spaCy's parses are kept by
their input alone, and the stages run again on them. (A narrower key, the events stage's code alone, let
training rows and benchmarks read the parties and places of an older actors or places stage.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any


def cache_folder() -> Path:
    """The training rows' cache folder: `event-train` under $DATELINE_CACHE, else under XDG's cache folder."""
    root = os.environ.get("DATELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dateline")
    return Path(root) / "event-train"


def pipeline_fingerprint() -> str:
    """A hash of the package's code and data apart from the learned models: what every stage says of a text,
    so a cache of whole coded documents is made again after any stage changes (not only the lexicon)."""
    import dateline

    root = Path(dateline.__file__).parent
    files = sorted(f for f in [*root.rglob("*.py"), *root.glob("data/**/*")]
                   if f.is_file() and "models" not in f.relative_to(root).parts and "__pycache__" not in f.parts)
    digest = hashlib.sha256()
    for f in files:
        digest.update(str(f.relative_to(root)).encode() + f.read_bytes())
    return digest.hexdigest()[:12]


#: The version of `cached_document`'s form, in the keys of the caches that hold it: 2 keeps the actors' own fields.
DOCUMENT_FORM = 2


def cached_document(doc: Any) -> dict[str, Any]:
    """A document as the tools' caches keep it: its JSON form and its actors' fields that JSON leaves out (code,
    dictionary entry, tokens). Without them a document read back from a cache coded its events with parties whose
    `entry` was None: the verifier's `a_known`/`r_known` features said "not in the dictionary" for 110 of 127
    known parties on ten events-gold articles, in training and in the benchmarks, but not in `extract` (eleventh
    session: the features a model learnt from were not the ones it read at run time)."""
    return {"document": doc.to_json(),
            "actors": [[a.code, a.entry, a.token_start, a.token_end] for a in doc.actors]}


def document_from_cache(item: dict[str, Any], parsed: Any) -> Any:
    """The document `cached_document` kept, with its parse and its actors' own fields back."""
    from dataclasses import replace

    from dateline.model import Document

    doc = Document.from_json(item["document"])
    doc.actors = [replace(a, code=code, entry=entry, token_start=start, token_end=end)
                  for a, (code, entry, start, end) in zip(doc.actors, item["actors"], strict=True)]
    doc.parsed = parsed
    return doc
