"""Human-readable views of events for the CLI: tables, CSV, JSON lines, explanations, timelines.

Pure presentation over the data model; no NLP and no storage here. What an explanation
says comes from `dateline.events.explain`; this module only styles it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.events.explain import LABEL_WIDTH, date_label, explanation, party_label, type_label
from dateline.model import Article, Event, Evidence, Party
from dateline.timeline import Timeline, TimelineEntry

CSV_COLUMNS = ("id", "date", "date_precision", "date_mod", "type", "mode", "cameo", "actors", "recipients",
               "place", "country_code", "lat", "lon", "negated", "hypothetical", "confidence", "trigger", "sentence",
               "article_id")


def parties_text(parties: Iterable[Party]) -> str:
    """Parties as one cell: `Turkey (TUR); Russia (RUS)`."""
    return "; ".join(party_label(p) for p in parties)


def flat_event(ev: Event) -> dict[str, Any]:
    """One event as a flat row (for CSV)."""
    loc = ev.location
    return {
        "id": ev.id, "date": ev.date, "date_precision": ev.date_precision, "date_mod": ev.date_mod,
        "type": ev.type, "mode": ev.mode, "cameo": ev.cameo,
        "actors": parties_text(ev.actors), "recipients": parties_text(ev.recipients),
        "place": loc.name if loc else None, "country_code": loc.country_code if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "negated": ev.negated, "hypothetical": ev.hypothetical, "confidence": ev.confidence,
        "trigger": ev.evidence.trigger, "sentence": ev.evidence.sentence, "article_id": ev.article_id,
    }


def events_csv(events: list[Event]) -> str:
    """Events as CSV, one row each, with a header."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for ev in events:
        writer.writerow(flat_event(ev))
    return buf.getvalue()


def events_jsonl(events: list[Event]) -> str:
    """Events as JSON lines: the contract's event JSON plus the reporting article's id, date and title."""
    return "".join(json.dumps(ev.to_json(with_article=True), ensure_ascii=False) + "\n" for ev in events)


def _plain(text: str | None) -> Text | None:
    """Text from an article (a party, a place, a title) as it is: a table cell given a str would read
    "[/bold]" or "[video]" in it as Rich markup, styling the table or failing."""
    return None if text is None else Text(text)


def events_table(events: list[Event], title: str | None = None) -> Table:
    """A rich table: one row per event, with the trigger highlighted in its sentence."""
    table = Table(title=_plain(title), show_lines=False, expand=False)
    for name, kw in (("id", {"style": "dim", "no_wrap": True, "min_width": 8}),
                     ("date", {"no_wrap": True, "min_width": 10}), ("event", {"style": "bold"}),
                     ("who", {"max_width": 26}), ("whom", {"max_width": 20}), ("where", {"max_width": 14}),
                     ("evidence", {"max_width": 64})):
        table.add_column(name, **kw)
    for ev in events:
        loc = ev.location
        where = (loc.name or "") if loc else ""
        if where and loc and loc.country_code:
            where += f", {loc.country_code}"
        table.add_row(ev.id[:8], date_label(ev), type_label(ev), _plain(parties_text(ev.actors)),
                      _plain(parties_text(ev.recipients)), _plain(where), evidence_snippet(ev.evidence))
    return table


def evidence_snippet(evidence: Evidence, width: int = 80) -> Text:
    """The evidence sentence around the trigger, trigger in bold."""
    sentence = evidence.sentence
    if evidence.trigger_start is None or evidence.trigger_end is None:
        return Text(sentence[:width])
    t0, t1 = evidence.trigger_start - evidence.start, evidence.trigger_end - evidence.start
    left = max(0, min(t0 - width // 3, len(sentence) - width))
    right = min(len(sentence), left + width)
    text = Text(("…" if left else "") + sentence[left:t0])
    text.append(sentence[t0:t1], style="bold underline")
    text.append(sentence[t1:right] + ("…" if right < len(sentence) else ""))
    return text


def highlighted_sentence(ev: Event) -> Text:
    """The whole evidence sentence: trigger bold red, actors green, recipients cyan."""
    e = ev.evidence
    text = Text(e.sentence)
    for group, style in ((ev.actors, "bold green"), (ev.recipients, "bold cyan")):
        for p in group:
            if p.start is not None and p.end is not None and e.start <= p.start < e.end:
                text.stylize(style, p.start - e.start, p.end - e.start)
    if e.trigger_start is not None and e.trigger_end is not None:
        text.stylize("bold red underline", e.trigger_start - e.start, e.trigger_end - e.start)
    return text


def show_event(console: Console, ev: Event, article: Article | None = None) -> None:
    """Print the explanation of one event (`dateline.events.explain`), styled for a terminal."""
    for line in explanation(ev, article):
        if line.kind == "title":
            console.print(Text.assemble((line.label, "bold"), f"  {line.text}"))
        elif line.kind == "sentence":
            console.print(highlighted_sentence(ev))
        elif line.kind == "field":
            note = ("  " + line.note, "dim") if line.note else ""
            console.print(Text.assemble((f"{line.label:{LABEL_WIDTH}}", "bold"), f" {line.text}", note))
        else:
            console.print(Text(line.text))


def timeline_table(entries: list[TimelineEntry], title: str = "Timeline") -> Table:
    """A rich table of a timeline: when, what, who, where, how many reports, and what was said."""
    table = Table(title=title)
    table.add_column("when", no_wrap=True)
    table.add_column("what", style="bold")
    table.add_column("who")
    table.add_column("where")
    table.add_column("reports", justify="right")
    table.add_column("said", ratio=1)
    for e in entries:
        table.add_row(e.when, e.type, _plain(", ".join(e.parties)), _plain(e.place or ""), str(e.reports),
                      evidence_snippet(e.evidence))
    return table


def summary_table(timeline: Timeline, title: str = "Timeline") -> Table:
    """A rich table of a summarised timeline: each date, its sentences, and the article each one cites."""
    dates, articles = len(timeline.dates), timeline.articles
    table = Table(title=f"{title} ({dates} date{'s' * (dates != 1)} from {articles} article{'s' * (articles != 1)})")
    table.add_column("date", no_wrap=True)
    table.add_column("what was said", ratio=1)
    table.add_column("article", no_wrap=True)
    for day in timeline.dates:
        for number, sentence in enumerate(day.sentences):
            table.add_row(day.date if number == 0 else "", _plain(sentence.text),
                          _plain(f"{sentence.article_id} ({sentence.article_date})"))
    return table


def timeline_markdown(timeline: Timeline) -> str:
    """A summarised timeline as Markdown: a heading per date, a bullet per sentence with its citation."""
    lines = ["# Timeline", ""]
    for day in timeline.dates:
        lines += [f"## {day.date}", ""]
        for sentence in day.sentences:
            source = f"[{sentence.article_id}]({sentence.article_url})" if sentence.article_url else sentence.article_id
            lines.append(f"- {sentence.text} ({source}, {sentence.article_date}, "
                         f"characters {sentence.start}-{sentence.end})")
        lines.append("")
    return "\n".join(lines)
