"""Party samples: fresh Timeline17 articles whose shown events' parties a coder judges cold, and their tally.

Used through `tools/party_errors.py draw | sheet | sample` (issue 9). Why: the GSR codes one sentence at a time
and events-gold's parties barely move with a rule for held-out news, so each session judges the parties of the
events the default view shows on articles nobody coded before, and keeps the judgements to measure later changes.

The draw (`draw`): `PER_FOLDER` articles of 500-3,000 characters from each Timeline17 folder (the two bpoil folders
held for grouping left out), with `random.Random(seed)` folder after folder (`news_candidates.draw_per_topic`),
never an article of events-gold, of `news_candidates.jsonl` (rounds 1-4 whatever the seed, as every party sample so
far left them out; a later round only for a seed drawn after it, `news_candidates.drawn_before`), of a shown-event
sample (`shown_sample.SAMPLES`), of an earlier party sample (`DRAWN`, seed and article a line) or of an `--exclude`
file (another engineer's draw of the same session, ids one a line). The drawn ids are kept in `DRAWN`, so a later
draw never takes them whatever the exclude files were.

The labels (`LABELS`, one file a seed): one line for each shown event at the view, with its offsets, the shown type
and status, `political` (a political event happened there, of any type: only those are judged), the countries the
coder holds right for `actors` and `recipients` (ISO-3, the events-gold convention: a reciprocal type's parties are
all actors; `null` for a party no country fits, e.g. an unnamed protester), the cold `verdict` (`right` or the
first of `CLASSES` that fits) and a `note`. No article text is kept (Timeline17 is research data, evaluation only).
`tally` reads the sample again with the tree it runs on and counts the judged events whose parties' countries are
now those labelled.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

from id_files import excluded_ids
from news_candidates import article, draw_per_topic, drawn_before, gold_ids, label_of, label_round, read_labels

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
#: Every party sample's drawn articles, `seed<TAB>article` a line (1617 and 1718 kept from their sessions' notes).
DRAWN = DATA / "party_t17_drawn.tsv"
PER_FOLDER = 5
MIN_CHARS, MAX_CHARS = 500, 3000
#: The `news_candidates` rounds every party sample leaves out, whatever its seed: those labelled before round 5,
#: the first drawn after a party sample (1920), so that its labels landing moves no party draw.
NEWS_ROUNDS_LEFT_OUT = 4
#: Why the parties of a political event are wrong, in the order a coder tries them.
CLASSES = ("empty_named", "wrong_country", "wrong_word", "implicit_or_thread", "no_code", "role", "extra")
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def labels_path(seed: int) -> Path:
    """The labels file of the party sample `seed`."""
    return DATA / f"party_t17_labels_{seed}.jsonl"


def drawn(exclude_seed: int | None = None) -> dict[str, int]:
    """Article id -> the party sample that drew it (the sample `exclude_seed` left out, so a redraw repeats)."""
    if not DRAWN.exists():
        return {}
    rows = (line.split("\t") for line in DRAWN.read_text(encoding="utf-8").splitlines() if line.strip())
    return {aid: int(seed) for seed, aid in rows if int(seed) != exclude_seed}


def draw(shared: Path, seed: int, excludes: list[Path]) -> list[str]:
    """The sample's ids: `PER_FOLDER` a Timeline17 folder, none coded or drawn before (see the module's notes)."""
    import shown_sample

    rounds = {item["article"] for item in read_labels() if label_round(item) <= NEWS_ROUNDS_LEFT_OUT}
    taken = gold_ids(shared) | rounds | drawn_before(seed) | set(drawn(exclude_seed=seed))
    for path in shown_sample.SAMPLES.values():
        if path.exists():
            taken |= {item["article"] for item in read_labels(path)}
    taken |= excluded_ids(excludes)
    return draw_per_topic(shared, random.Random(seed), taken, PER_FOLDER, MIN_CHARS, MAX_CHARS)


def _countries(parties: list[Any]) -> list[str | None]:
    return sorted({p.country for p in parties}, key=str)


def shown(shared: Path, ids: list[str], threshold: float) -> list[tuple[str, Any]]:
    """(article id, event) for every event the pipeline shows at `threshold` on the articles."""
    from dateline.pipeline import process

    docs = process([article(shared, i) for i in ids], article_seconds=0)
    return [(doc.article.id, e) for doc in docs for e in doc.events if e.confidence >= threshold]


def sheet_lines(shared: Path, ids: list[str], threshold: float) -> list[dict[str, Any]]:
    """One line a shown event for the coder: offsets, type, status, the sentence (to read) and each party."""
    lines = []
    for aid, e in shown(shared, ids, threshold):
        where = e.evidence
        span = [where.trigger_start, where.trigger_end]
        lines.append({"article": aid, "trigger": where.trigger, "trigger_span": span,
                      "shown_type": e.type, "shown_status": e.status, "confidence": round(e.confidence, 3),
                      "sentence_text": where.sentence,
                      "read": {role: [f"{p.text}={p.country}/{p.sector} [{p.entry}]" for p in parties]
                               for role, parties in (("actors", e.actors), ("recipients", e.recipients))}})
    return lines


def right(event: Any, label: dict[str, Any]) -> bool:
    """Whether the event's party countries are the labelled ones (a reciprocal type: all parties together)."""
    actors, recipients = set(_countries(event.actors)), set(_countries(event.recipients))
    gold_actors, gold_recipients = set(label["actors"]), set(label["recipients"])
    if event.type in RECIPROCAL:
        return actors | recipients == gold_actors | gold_recipients
    return actors == gold_actors and recipients == gold_recipients


def tally(shared: Path, seed: int, threshold: float) -> tuple[dict[str, Any], list[str]]:
    """Judged political events shown now and how many have the labelled parties; the cold verdicts by class; a
    line for each judged event read wrong now."""
    labels = read_labels(labels_path(seed))
    judged = [item for item in labels if item["political"]]
    cold = Counter(item["verdict"] for item in judged)
    counts: Counter = Counter()
    wrong = []
    for aid, event in shown(shared, sorted({item["article"] for item in labels}), threshold):
        label = label_of(judged, aid, event)
        if label is None:
            continue
        ok = right(event, label)
        counts["judged_shown"] += 1
        counts["right"] += int(ok)
        if not ok:
            wrong.append(f"{aid}\t{event.type}\t{event.evidence.trigger}\t{_countries(event.actors)} -> "
                         f"{_countries(event.recipients)}\tlabel {label['actors']} -> {label['recipients']}")
    summary = {"sample": seed, "min_confidence": threshold, "labelled_political": len(judged),
               "cold_right": cold["right"], "cold": dict(sorted(cold.items())), **counts,
               "share_right": round(counts["right"] / max(counts["judged_shown"], 1), 3)}
    return summary, wrong
