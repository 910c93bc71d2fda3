"""Timelines: the events of a store folded by date (`build_timeline`), and summarised timelines
(`summarise`): the most important days for a query, each told by a few cited sentences."""

from dateline.timeline.entries import TimelineEntry, build_timeline
from dateline.timeline.model import CitedSentence, Timeline, TimelineDate, TimelineQuery
from dateline.timeline.summarise import summarise, summarise_sources

__all__ = ["DEFAULT_MIN_CONFIDENCE", "CitedSentence", "Timeline", "TimelineDate", "TimelineEntry", "TimelineQuery",
           "build_timeline", "summarise", "summarise_sources"]


def __getattr__(name: str) -> float:
    """`DEFAULT_MIN_CONFIDENCE`, the packaged verifier's view, read when asked for (`verify.packaged_view`), so that
    importing the timelines, and every face above them, never reads the verifier's metadata."""
    if name == "DEFAULT_MIN_CONFIDENCE":
        from dateline.events.verify import packaged_view

        return packaged_view()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
