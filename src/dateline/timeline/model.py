"""What a summarised timeline is: the chosen dates, each with the sentences that tell it, each citing its article.

These are the objects `summarise` returns and every face shows (CLI table, JSON, Markdown, the API's
`/timeline`); their JSON form comes from the field descriptions, like the rest of the data model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.events.verify import packaged_view  # the one default view, chosen with the verifier
from dateline.jsonform import OMITTED_IF_NONE, JsonForm, rounded


@dataclass
class TimelineQuery(JsonForm):
    """What a timeline is about: the same filters as `dateline events`, and its size (L dates, K sentences)."""

    text: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    actor: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    country: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    place: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    type: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    since: str | None = field(default=None, metadata=OMITTED_IF_NONE)  # ISO date, inclusive
    until: str | None = field(default=None, metadata=OMITTED_IF_NONE)  # ISO date, inclusive
    dates: int = 10
    per_date: int = 2
    min_confidence: float = field(default_factory=packaged_view)  # read when a query is made, not at import

    @property
    def filters_events(self) -> bool:
        """Whether the query narrows by what events say (party, place, type), not only by words and dates."""
        return any((self.actor, self.country, self.place, self.type))


@dataclass
class CitedSentence(JsonForm):
    """A sentence of a timeline, where it comes from (article, character offsets) and why it was chosen."""

    text: str
    article_id: str
    start: int
    end: int
    article_date: str
    article_title: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    article_url: str | None = field(default=None, metadata=OMITTED_IF_NONE)
    score: float = field(default=0.0, metadata=rounded(4))
    event_ids: list[str] = field(default_factory=list)  # events whose evidence is this sentence


@dataclass
class TimelineDate(JsonForm):
    """One date of a timeline: its salience, what it rests on, and its sentences in order of importance."""

    date: str
    salience: float = field(metadata=rounded(4))
    references: int  # sentences in the input that refer to this day
    articles: int  # articles published on this day
    events: int  # events dated to this day
    sentences: list[CitedSentence] = field(default_factory=list)


@dataclass
class Timeline(JsonForm):
    """A summarised timeline: the query it answers and its dates, in calendar order."""

    query: TimelineQuery
    dates: list[TimelineDate] = field(default_factory=list)
    articles: int = 0  # articles the timeline was built from
