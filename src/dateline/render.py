"""Human-readable views of events for the CLI: tables, CSV, evidence, timelines.

Pure presentation over the contract JSON; no NLP and no storage here.
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

from dateline.timeline import TimelineEntry, party_label

CSV_COLUMNS = ("id", "date", "date_precision", "type", "mode", "cameo", "actors", "recipients", "place",
               "country_code", "lat", "lon", "negated", "hypothetical", "confidence", "trigger", "sentence",
               "article_id")


def parties_text(parties: Iterable[dict[str, Any]]) -> str:
    return "; ".join(party_label(p) for p in parties)


def flat_event(ev: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (for CSV)."""
    loc = ev.get("location") or {}
    return {
        "id": ev["id"], "date": ev.get("date"), "date_precision": ev.get("date_precision"),
        "type": ev["type"], "mode": ev.get("mode"), "cameo": ev.get("cameo"),
        "actors": parties_text(ev.get("actors", [])), "recipients": parties_text(ev.get("recipients", [])),
        "place": loc.get("name"), "country_code": loc.get("country_code"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "negated": ev.get("negated"), "hypothetical": ev.get("hypothetical"),
        "confidence": ev.get("confidence"), "trigger": ev["evidence"]["trigger"],
        "sentence": ev["evidence"]["sentence"], "article_id": ev.get("article_id"),
    }


def events_csv(events: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for ev in events:
        writer.writerow(flat_event(ev))
    return buf.getvalue()


def events_jsonl(events: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(ev, ensure_ascii=False, default=str) + "\n" for ev in events)


def _type_label(ev: dict[str, Any]) -> str:
    label = ev["type"] + (f"/{ev['mode']}" if ev.get("mode") else "")
    if ev.get("negated"):
        label += " (negated)"
    if ev.get("hypothetical"):
        label += " (hypothetical)"
    return label


def events_table(events: list[dict[str, Any]], title: str | None = None) -> Table:
    """A rich table: one row per event, with the trigger highlighted in its sentence."""
    table = Table(title=title, show_lines=False, expand=False)
    for name, kw in (("id", {"style": "dim", "no_wrap": True, "min_width": 8}),
                     ("date", {"no_wrap": True, "min_width": 10}), ("event", {"style": "bold"}),
                     ("who", {"max_width": 26}), ("whom", {"max_width": 20}), ("where", {"max_width": 14}),
                     ("evidence", {"max_width": 64})):
        table.add_column(name, **kw)
    for ev in events:
        loc = ev.get("location") or {}
        where = loc.get("name") or ""
        if where and loc.get("country_code"):
            where += f", {loc['country_code']}"
        table.add_row(ev["id"][:8], ev.get("date") or "", _type_label(ev), parties_text(ev.get("actors", [])),
                      parties_text(ev.get("recipients", [])), where, evidence_snippet(ev))
    return table


def evidence_snippet(ev: dict[str, Any], width: int = 80) -> Text:
    """The evidence sentence around the trigger, trigger in bold."""
    e = ev["evidence"]
    sentence = e["sentence"]
    if e.get("trigger_start") is None:
        return Text(sentence[:width])
    t0, t1 = e["trigger_start"] - e["start"], e["trigger_end"] - e["start"]
    left = max(0, min(t0 - width // 3, len(sentence) - width))
    right = min(len(sentence), left + width)
    text = Text(("…" if left else "") + sentence[left:t0])
    text.append(sentence[t0:t1], style="bold underline")
    text.append(sentence[t1:right] + ("…" if right < len(sentence) else ""))
    return text


def highlighted_sentence(ev: dict[str, Any]) -> Text:
    """The whole evidence sentence: trigger bold red, actors green, recipients cyan."""
    e = ev["evidence"]
    text = Text(e["sentence"])
    base = e["start"]
    for group, style in (("actors", "bold green"), ("recipients", "bold cyan")):
        for p in ev.get(group, []):
            if p.get("start") is not None and base <= p["start"] < e["end"]:
                text.stylize(style, p["start"] - base, p["end"] - base)
    if e.get("trigger_start") is not None:
        text.stylize("bold red underline", e["trigger_start"] - base, e["trigger_end"] - base)
    return text


def show_event(console: Console, ev: dict[str, Any]) -> None:
    """Explain one event: evidence, trigger and the lexicon rule, parties and their dictionary entries."""
    e = ev["evidence"]
    console.print(f"[bold]{_type_label(ev)}[/bold]  event {ev['id']}  (confidence {ev.get('confidence')})")
    console.print(f"article {ev.get('article_id')} dated {ev.get('article_date')}"
                  + (f": {ev['article_title']}" if ev.get("article_title") else ""))
    console.print()
    console.print(highlighted_sentence(ev))
    console.print()
    console.print(f"[bold]trigger[/bold]   {e['trigger']!r} at {e.get('trigger_start')}–{e.get('trigger_end')}"
                  f"  rule: {e.get('rule') or '—'}")
    console.print(f"[bold]CAMEO[/bold]     {ev.get('cameo') or '—'}  quad {ev.get('quad')}  intensity "
                  f"{ev.get('intensity')}  contexts {', '.join(ev.get('contexts') or []) or '—'}")
    for group in ("actors", "recipients"):
        for p in ev.get(group, []):
            console.print(f"[bold]{group[:-1]:9}[/bold] {party_label(p)} sector {p.get('sector') or '—'}"
                          f" ← {p.get('text')!r}  [dim]{p.get('entry') or 'not in the dictionary'}[/dim]")
    console.print(f"[bold]when[/bold]      {ev.get('date') or '—'} ({ev.get('date_precision') or '—'})")
    loc = ev.get("location")
    where = (f"{loc['name']} ({loc.get('country_code')}, {loc.get('lat')}, {loc.get('lon')}, "
             f"geonameid {loc.get('geonameid')})") if loc else "—"
    console.print(f"[bold]where[/bold]     {where}")


def timeline_table(entries: list[TimelineEntry], title: str = "Timeline") -> Table:
    table = Table(title=title)
    table.add_column("when", no_wrap=True)
    table.add_column("what", style="bold")
    table.add_column("who")
    table.add_column("where")
    table.add_column("reports", justify="right")
    table.add_column("said", ratio=1)
    for e in entries:
        table.add_row(e.date, e.type, ", ".join(e.parties), e.place or "", str(e.reports),
                      evidence_snippet({"evidence": e.evidence}))
    return table
