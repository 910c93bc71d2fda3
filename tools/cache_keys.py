"""Where the training and benchmark tools keep their caches, and the fingerprints that say when one is stale.

Training rows, parses and coded documents take minutes to make again, so the tools keep them under one folder
($DATELINE_CACHE, else the XDG cache folder: `cache_folder` is the training rows' folder, and other caches sit
beside it). A cache's key holds a fingerprint of the code that made it: `coder_fingerprint` hashes what codes
the candidates (the events stage, the lexicon and the word lists), `pipeline_fingerprint` everything a stage
says of a text, so a cache is made again after a change it depends on and kept after any other.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_folder() -> Path:
    """The training rows' cache folder: `event-train` under $DATELINE_CACHE, else under XDG's cache folder."""
    root = os.environ.get("DATELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dateline")
    return Path(root) / "event-train"


def coder_fingerprint() -> str:
    """A hash of what codes the candidates (the events stage's code, the lexicon and the word lists), so cached
    rows are coded again after a lexicon change without parsing the sources again."""
    import dateline

    root = Path(dateline.__file__).parent
    files = sorted([*root.glob("events/*.py"), *root.glob("data/plover/*"), *root.glob("data/words/*")])
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + f.read_bytes())
    return digest.hexdigest()[:12]


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
