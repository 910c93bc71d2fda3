"""The files of article ids a sample draw leaves out (`--exclude`), read one way by every draw.

An id file lists an article id a line, alone or after a label ("L<TAB>GWN-12", "1920<TAB>bpoil-3": the id is the
line's last word); blank lines and lines opening with "#" say nothing. A JSON Lines file of labels (a sample under
`benchmarks/data`) names its articles in each row's `article`. Read by `place_sample`, `party_sample`,
`benchmarks/event_dates.py --sample` and `news_candidates` (a round's frozen `TAKEN_BEFORE` list).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def excluded_ids(paths: Iterable[Path]) -> set[str]:
    """The article ids the files name: each line's last word, or a JSON row's `article`."""
    ids: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                ids.add(json.loads(line)["article"] if line.startswith("{") else line.split()[-1])
    return ids
