"""Timelines: the events of a store folded by date (`build_timeline`), and summarised timelines
(`summarise`): the most important days for a query, each told by a few cited sentences."""

from dateline.timeline.entries import DEFAULT_MIN_CONFIDENCE, TimelineEntry, build_timeline
from dateline.timeline.model import CitedSentence, Timeline, TimelineDate, TimelineQuery
from dateline.timeline.summarise import summarise, summarise_sources

__all__ = ["DEFAULT_MIN_CONFIDENCE", "CitedSentence", "Timeline", "TimelineDate", "TimelineEntry", "TimelineQuery",
           "build_timeline", "summarise", "summarise_sources"]
