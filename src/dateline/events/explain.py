"""Why an event was coded, in lines a person reads: the one explanation `dateline show` prints.

`explanation(event, article)` builds the lines (headline, article, sentence, trigger and
rule, CAMEO codes, each party with its dictionary entry, when, where, and for a happening told
more than once each mention with why it was joined); `explain_event`
gives them as plain text and the CLI prints them with styles (`dateline.render`). Both
read the same lines, so there is one explanation whatever prints it. The labels of event
dates (`date_label`, `when_text`) live here too, so tables, timelines and explanations
say a `date_mod` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dateline.model import Article, Event, Party

#: A date_mod in words, for explanations.
DATE_MOD_WORDS = {"BEFORE": "before", "ON_OR_BEFORE": "on or before", "AFTER": "after"}
#: A date_mod as a sign before the date, for table cells.
DATE_MOD_SIGNS = {"BEFORE": "<", "ON_OR_BEFORE": "≤", "AFTER": ">"}
LABEL_WIDTH = 9
#: Characters of a mention's sentence shown in an explanation.
MENTION_WIDTH = 100


@dataclass(frozen=True)
class Line:
    """One line of an explanation.

    `kind` says how to show it: a `title` (the event type in `label`, the rest in `text`),
    a `plain` line, the evidence `sentence`, or a `field` (a label such as `trigger` or
    `actor`, its text, and a `note`: where the value came from, such as a dictionary entry).
    """

    kind: Literal["title", "plain", "sentence", "field"]
    text: str = ""
    label: str = ""
    note: str = ""

    def __str__(self) -> str:
        if self.kind == "title":
            return f"{self.label}  {self.text}"
        if self.kind == "field":
            return f"{self.label:{LABEL_WIDTH}} {self.text}" + (f"  {self.note}" if self.note else "")
        return self.text


def party_label(party: Party) -> str:
    """A short label for a party: its name and, unless the name is the code, its country code."""
    name = party.name or party.text or "?"
    country = party.country
    return f"{name} ({country})" if country and country.upper() != name.upper() else name


def type_label(event: Event) -> str:
    """The event type, its mode and its status unless a fact: `RETREAT/withdraw (negated)`, `CONSULT (future)`."""
    label = event.type + (f"/{event.mode}" if event.mode else "")
    if event.status != "fact":
        label += f" ({event.status})"
    return label


def date_label(event: Event) -> str:
    """The event date for a table cell, its date_mod as a sign: `2018-09-17`, `≤2018-09-19`."""
    if not event.date:
        return ""
    return DATE_MOD_SIGNS.get(event.date_mod or "", "") + event.date


def when_text(event: Event) -> str:
    """The event date in words, with its precision: `on or before 2018-09-19 (day)`."""
    mod = DATE_MOD_WORDS.get(event.date_mod or "")
    return f"{mod + ' ' if mod else ''}{event.date or '—'} ({event.date_precision or '—'})"


def _article_line(event: Event, article: Article | None) -> Line | None:
    article_id = article.id if article else event.article_id
    if article_id is None:
        return None
    day = article.date if article else event.article_date
    title = article.title if article else event.article_title
    return Line("plain", f"article {article_id} dated {day.isoformat() if day else '—'}"
                + (f": {title}" if title else ""))


def _where(event: Event) -> str:
    loc = event.location
    if loc is None:
        return "—"
    return f"{loc.name} ({loc.country_code}, {loc.lat}, {loc.lon}, geonameid {loc.geonameid})"


def explanation(event: Event, article: Article | None = None, view: float | None = None) -> list[Line]:
    """The lines explaining an event: what, which article, the sentence, and where each coding came from.

    `article` (the reporting article) is optional: without it the event's own article id,
    date and title are used, as a stored event has them. An event below `view` (by default the verifier's
    default view, `verify.DEFAULT_MIN_CONFIDENCE`) is said to be left out of listings, so a reader who found it
    by its id knows why `dateline events` does not show it.
    """
    from dateline.events.verify import DEFAULT_MIN_CONFIDENCE

    ev = event.evidence
    shown_from = DEFAULT_MIN_CONFIDENCE if view is None else view
    below = f"; below the default view {shown_from}, left out of listings" if event.confidence < shown_from else ""
    lines = [Line("title", f"event {event.id}  (confidence {event.confidence}{below})", type_label(event))]
    article_line = _article_line(event, article)
    lines += [article_line] if article_line else []
    lines += [Line("plain"), Line("sentence", ev.sentence), Line("plain")]
    lines.append(Line("field", f"{ev.trigger!r} at {ev.trigger_start}–{ev.trigger_end}  rule: {ev.rule or '—'}",
                      "trigger"))
    lines.append(Line("field", f"{event.cameo or '—'}  quad {event.quad}  intensity {event.intensity}  contexts "
                               f"{', '.join(event.contexts) or '—'}", "CAMEO"))
    for role, parties in (("actor", event.actors), ("recipient", event.recipients)):
        lines += [Line("field", f"{party_label(p)} sector {p.sector or '—'} ← {p.text!r}", role,
                       p.entry or "not in the dictionary") for p in parties]
    lines.append(Line("field", when_text(event), "when", event.date_basis or ""))
    loc = event.location
    lines.append(Line("field", _where(event), "where",
                      "; ".join(x for x in (loc and loc.precision, loc and loc.basis) if x)))
    return lines + mention_lines(event)


def mention_lines(event: Event) -> list[Line]:
    """One line per mention of a happening told more than once, saying why it was joined."""
    if len(event.mentions) < 2:
        return []
    lines = [Line("plain"), Line("plain", f"{len(event.mentions)} mentions of this happening in {_reports(event)}:")]
    several = len({m.article_id for m in event.mentions}) > 1  # merged across articles: say which article
    for mention in event.mentions:
        primary = " (the evidence above)" if mention == event.evidence else ""
        if several:
            primary += f" [article {mention.article_id}" + (f", {mention.source}" if mention.source else "") + "]"
        sentence = mention.sentence[:MENTION_WIDTH] + ("…" if len(mention.sentence) > MENTION_WIDTH else "")
        lines.append(Line("field", f"{mention.trigger!r} at {mention.trigger_start}–{mention.trigger_end}{primary}: "
                                   f"{sentence}", "mention", f"joined: {mention.joined}" if mention.joined
                          else "first mention"))
    return lines


def _reports(event: Event) -> str:
    """`the article`, or for an event merged across articles `3 articles from 2 sources` (a source-less
    article is its own source)."""
    articles = {m.article_id for m in event.mentions}
    if len(articles) < 2:
        return "the article"
    sources = {m.source or f"article {m.article_id}" for m in event.mentions}
    return f"{len(articles)} articles from {len(sources)} source{'s' if len(sources) > 1 else ''}"


def explain_event(event: Event, article: Article | None = None) -> list[str]:
    """The explanation of an event as plain text lines (what `dateline show` prints, unstyled)."""
    return [str(line) for line in explanation(event, article)]
