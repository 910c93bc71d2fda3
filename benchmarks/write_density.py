"""How crowded a bulk write's merge was, counted while a replay runs (`store_replay.py`; the parent's own loop can
be wrapped the same way): a write's CPU and memory are read against the density of same-story candidates."""

from __future__ import annotations

from typing import Any

from dateline.store import merged


class Density:
    """How crowded a write's merge was: the candidate pairs its new events were weighed against (same type,
    overlapping days: `merged._candidates`), and the events and links of the part of the linked groups it clustered
    again (`merged._regrouped`; before the eighteenth session, the whole connected group). Counted by wrapping the
    two while a replay runs, so a write's CPU can be read against the density of same-story candidates in its
    windows."""

    def __init__(self) -> None:
        self.pairs = self.group_events = self.group_links = 0
        self._candidates, self._regrouped = merged._candidates, merged._regrouped

    def __enter__(self) -> Density:
        def candidates(execute: Any, new: Any) -> dict[str, list[str]]:
            found = self._candidates(execute, new)
            self.pairs += sum(len(others) for others in found.values())
            return found

        def regrouped(execute: Any, seeds: set[str], known: Any) -> Any:
            part = self._regrouped(execute, seeds, known)
            self.group_events += len(part.members)
            self.group_links += len(part.links)
            return part

        merged._candidates, merged._regrouped = candidates, regrouped
        return self

    def __exit__(self, *exc: object) -> None:
        merged._candidates, merged._regrouped = self._candidates, self._regrouped

    def take(self) -> dict[str, int]:
        """The counts since the last call, reset."""
        counts = {"candidate_pairs": self.pairs, "group_events": self.group_events, "group_links": self.group_links}
        self.pairs = self.group_events = self.group_links = 0
        return counts


__all__ = ["Density"]
