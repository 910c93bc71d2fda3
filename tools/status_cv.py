"""Would a learned status decision beat the modality rules? Cross-validated figures on every labelled status.

    .venv/bin/python tools/status_cv.py [--shared ../shared] [--folds 5]

Why: an event's status (fact, negated, hypothetical, future) comes from rules over the parse (`events.modality`);
the verifier reads features already, and three label sets carry statuses: events-gold's mentions, the hand-labelled
news candidates of rounds 1-3 (`news_candidates.jsonl`; the cold rounds 4-7 are left out, as for rule work), and the
judged shown events of the T17 samples 120-1919 (a `right` verdict keeps the shown status, a `status` verdict gives
the right one; 2020 is left out until its cold judgement is recorded). Each labelled trigger is coded by the
pipeline with grouping off (one event a mention) and its shown status is the rule's answer. A logistic regression
over the parse around the trigger (the clause head's tag and auxiliaries, marks, the trigger's determiner, dependency
and governor, the rule's status and reason) is cross-validated by article (GroupKFold) and compared with the rule on
the same rows: accuracy, macro F1 over the four statuses, and the two errors an analyst sees, a non-fact shown as a
fact and a fact hidden as a non-fact, over all rows and by label set (`gold`, `news`, `shown`). Prints one JSON line;
the labels keep offsets only and the article texts are read from the shared folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from news_candidates import LABELS, article, default_shared, read_labels

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
SHOWN_SEEDS = ("", "_1212", "_1313", "_1414", "_1515", "_1616", "_1717", "_1818", "_1919")
STATUSES = ("fact", "negated", "hypothetical", "future")
#: Rounds of the news candidates whose statuses are read (round 1's lines carry no round).
OPEN_ROUNDS = (None, 1, 2, 3)


Spans = dict[str, list[tuple[int, int, str, str]]]


def labelled_spans(shared: Path) -> Spans:
    """(trigger start, end, status, label set) by article id, from news rounds 1-3 and the judged samples."""
    spans: Spans = {}
    for item in read_labels(LABELS):
        if item.get("round") in OPEN_ROUNDS and item["label"] != "NONE" and item.get("status"):
            spans.setdefault(item["article"], []).append((*item["trigger_span"], item["status"], "news"))
    for suffix in SHOWN_SEEDS:
        for item in read_labels(DATA / f"shown_t17_labels{suffix}.jsonl"):
            status = {"right": item["shown_status"], "status": item.get("status")}.get(item["verdict"])
            if status in STATUSES:
                spans.setdefault(item["article"], []).append((*item["trigger_span"], status, "shown"))
    return spans


def gold_spans(shared: Path) -> tuple[list[Any], Spans]:
    """events-gold's articles and its mentions' (trigger start, end, status): the trigger's first word in its
    sentence, as `benchmarks/event_dates.py` finds it."""
    import datetime as dt

    from dateline.model import Article

    folder = shared / "data" / "events-gold"
    texts = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [Article(id=str(t["id"]), date=dt.date.fromisoformat(t["date"]), text=t["text"]) for t in texts]
    by_id = {a.id: a.text for a in articles}
    spans: Spans = {}
    for item in json.loads((folder / "gold.json").read_text(encoding="utf-8")):
        text = by_id.get(str(item["id"]), "")
        for event in item["events"]:
            at = text.find(event["sentence"])
            word = event["trigger"].split()[0]
            start = text.find(word, at) if at >= 0 else -1
            if start >= 0:
                spans.setdefault(str(item["id"]), []).append(
                    (start, start + len(word), event.get("status", "fact"), "gold"))
    return articles, spans


def rows(docs: list[Any], spans: Spans) -> list[dict[str, Any]]:
    """One row a labelled trigger an event of the pipeline sits on: its features, the rule's status, the label."""
    found = []
    for doc in docs:
        for start, end, status, source in spans.get(doc.article.id, []):
            event = next((e for e in doc.events if (e.evidence.trigger_start or 0) < end
                          and start < (e.evidence.trigger_end or 0)), None)
            if event is not None:
                token = next(t for t in doc.parsed if t.idx + len(t.text) > event.evidence.trigger_start)
                found.append({"article": doc.article.id, "source": source, "label": status, "rule": event.status,
                              "features": features(token, event)})
    return found


def features(token: Any, event: Any) -> dict[str, float]:
    """What the parse says around the trigger, with the rule's status and the kind of its reason."""
    from dateline.events.modality import clause_head

    verb = clause_head(token)
    names = {f"rule={event.status}", f"dep={token.dep_}", f"pos={token.pos_}", f"vtag={verb.tag_}",
             f"vdep={verb.dep_}", f"gov={verb.head.lemma_.lower()}", f"head={token.head.lemma_.lower()}"}
    names |= {f"aux={c.lower_}" for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "mark")}
    names |= {f"det={c.lower_}" for c in token.children if c.dep_ in ("det", "neg", "poss")}
    names |= {f"why={part.strip().split(' ')[0]}" for part in (event.evidence.rule or "").split(";")[1:]}
    if token.sent[-1].text == "?":
        names.add("question")
    return dict.fromkeys(names, 1.0)


def scores(gold: list[str], said: list[str]) -> dict[str, Any]:
    """Accuracy, macro F1 over the statuses present, and the two errors an analyst sees."""
    from sklearn.metrics import f1_score

    labels = [s for s in STATUSES if s in gold]
    return {"accuracy": round(sum(g == s for g, s in zip(gold, said, strict=True)) / max(len(gold), 1), 3),
            "macro_f1": round(f1_score(gold, said, labels=labels, average="macro", zero_division=0), 3),
            "nonfact_shown_as_fact": sum(g != "fact" and s == "fact" for g, s in zip(gold, said, strict=True)),
            "fact_hidden": sum(g == "fact" and s != "fact" for g, s in zip(gold, said, strict=True))}


def cross_validated(found: list[dict[str, Any]], folds: int) -> list[str]:
    """Each row's status by a logistic regression trained on the other articles' rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    said = [""] * len(found)
    groups = [r["article"] for r in found]
    for train, test in GroupKFold(n_splits=folds).split(found, groups=groups):
        vectors = DictVectorizer()
        x = vectors.fit_transform([found[i]["features"] for i in train])
        model = LogisticRegression(max_iter=2000, C=0.5).fit(x, [found[i]["label"] for i in train])
        for i, status in zip(test, model.predict(vectors.transform([found[i]["features"] for i in test])),
                             strict=True):
            said[i] = status
    return said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    from dateline.events.group import grouping
    from dateline.pipeline import process

    spans = labelled_spans(args.shared)
    gold_articles, gold = gold_spans(args.shared)
    articles = [article(args.shared, aid) for aid in sorted(spans)] + gold_articles
    with grouping.off():
        docs = list(process(articles, article_seconds=0))
    found = rows(docs, {**spans, **gold})
    truth = [r["label"] for r in found]
    learned = cross_validated(found, args.folds)
    by_source = {}
    for source in ("gold", "news", "shown"):
        picked = [i for i, r in enumerate(found) if r["source"] == source]
        by_source[source] = {"rows": len(picked), "rule": scores([truth[i] for i in picked],
                                                                 [found[i]["rule"] for i in picked]),
                             "learned_cv": scores([truth[i] for i in picked], [learned[i] for i in picked])}
    print(json.dumps({"rows": len(found), "articles": len({r["article"] for r in found}),
                      "labels": dict(Counter(truth)), "rule": scores(truth, [r["rule"] for r in found]),
                      "learned_cv": scores(truth, learned), "folds": args.folds, "by_source": by_source}))
    for r, said in zip(found, learned, strict=True):
        if r["rule"] != r["label"]:
            print(f"{r['article']}\trule {r['rule']}\tlabel {r['label']}\tlearned {said}", file=sys.stderr)


if __name__ == "__main__":
    main()
