"""Where dateline keeps derived files (gazetteer index, compiled dictionaries)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder: $DATELINE_CACHE, else ~/.cache/dateline; created on demand."""
    root = Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline")
    root.mkdir(parents=True, exist_ok=True)
    return root


def package_data(*parts: str) -> Path:
    """A path inside the packaged data folder src/dateline/data."""
    return Path(__file__).parent.joinpath("data", *parts)
