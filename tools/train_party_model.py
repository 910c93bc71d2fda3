"""Train the learned party chooser (`party_model.py`) and compare it with the party rules out of fold.

    .venv/bin/python tools/train_party_model.py [--refresh] [--folds 5]

Each source is parsed once (the event detector's parse cache, `detector_sources.parsed_source`), its actors
tagged again and its events coded as the pipeline codes them (the rules' parties). Every event a source
labels becomes a row: its candidates (the rules' parties and the actor mentions of its sentence, with
`party_model.event_candidates`' features) and each candidate's labels:

* events-gold: the events `event_score.py` matches; a candidate acts (suffers) when its country is among the gold
  actors' (recipients') countries; a candidate with no country is not a training example;
* PLOVER GSR: the most confident factual reading of a gold type per sentence, countries as the GSR codes them;
* RAMS and WikiEvents dev: the readings on an annotated trigger of a political type (`map_aida`); a candidate
  acts when it overlaps an argument of an agent role (`AGENT_ROLES`), suffers when it overlaps one of a patient
  or addressee role (`PATIENT_ROLES`).

Two logistic regressions (actor, recipient) are trained with cross-validation by document (folds by a hash of
the document id, so deterministic); each event's parties are then decided from the out-of-fold scores and
judged as the sources judge them (countries for events-gold and the GSR, as `event_score.py` does; argument
spans for RAMS and WikiEvents), beside the rules' own parties. One JSON line per policy on stdout, saying
whether it beats the rules on every source (events-gold's GWN and t17 apart). None did, so no chooser is
shipped and the pipeline has no hook for one (`party_model.py`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "benchmarks"), str(SHARED / "tools")]

from party_model import ROLES, Candidate, decide, event_candidates, probability  # noqa: E402

GOLD = SHARED / "data" / "events-gold"
DEV = SHARED / "data" / "events-dev"
GSR = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
#: AIDA/KAIROS argument roles of the one who acts, and of the one acted on or addressed.
AGENT_ROLES = frozenset({"attacker", "communicator", "giver", "killer", "injurer", "jailer", "demonstrator",
                         "perpetrator", "granter", "extraditer", "executioner", "yielder", "retreater",
                         "surrenderer", "impeder", "preventer", "participant", "damagerdestroyer", "destroyer",
                         "investigator", "prosecutor"})
PATIENT_ROLES = frozenset({"victim", "target", "recipient", "beneficiary", "defendant", "detainee", "deceased",
                           "otherparticipant"})
ROWS_VERSION = 2
#: Types whose parties the scorers judge together, whatever their roles (`event_score.py`).
JUDGED_TOGETHER = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Words too common to tie a candidate to a gold party's name.
COMMON_WORDS = frozenset({"the", "and", "of", "for", "its", "his", "her", "their", "mr", "mrs", "ms"})
SOURCES = ("gold", "gsr", "rams", "wikievents")
#: The decision policies compared out of fold: drop a rule's party below `drop`, fill an empty role at `fill`.
DROP_GRID = (0.0, 0.1, 0.2)
FILL_GRID = (0.6, 0.75, 0.9, 1.01)
#: Pseudo-policies printed beside them: the model deciding every role alone, with and without the rules' choice
#: among its features (drop and fill -1 and -2 in the output).
ALONE, SYNTAX_ALONE = (-1.0, -1.0), (-2.0, -2.0)
#: The regularisation of both regressions (inverse strength, scikit-learn's C).
C = 0.5


def source_docs(name: str, refresh: bool) -> list[Any]:
    """A source's documents, parsed (cached), actors tagged again, coded with the rules' parties."""
    from dateline.actors import tag_actors
    from dateline.events.coder import code_events
    from detector_sources import parsed_source

    path = {"gold": GOLD, "gsr": GSR, "rams": DEV / "rams_dev.jsonlines",
            "wikievents": DEV / "wikievents_dev.jsonl"}[name]
    docs = [doc for doc, _, _ in parsed_source(name, path, 0, refresh)]
    for doc in docs:
        doc.events = []
        code_events(tag_actors(doc))
    return docs


def candidate_rows(doc: Any, event: Any, labels: Any, source: str, gold: dict[str, Any]) -> dict[str, Any]:
    """One event's row: its candidates with features, the rules' roles and the labels `labels` gives them."""
    cands = []
    for cand in event_candidates(doc, event):
        actor, recipient = labels(cand.party)
        cands.append({"features": cand.features, "rule": cand.rule_role, "country": cand.party.country,
                      "text": cand.party.text,
                      "name": cand.party.name, "start": cand.party.start, "actor": actor, "recipient": recipient})
    return {"source": source, "doc": doc.article.id, "outlet": doc.article.source, "type": event.type,
            "candidates": cands, "gold": gold}


def gold_rows(docs: list[Any]) -> list[dict[str, Any]]:
    """events-gold: events matched as the scorer matches them, labelled by the gold parties' countries."""
    import event_score

    from party_errors import _matched

    gold = {str(g["id"]): g["events"] for g in json.loads((GOLD / "gold.json").read_text(encoding="utf-8"))}
    rows = []
    for doc in docs:
        article = {"id": doc.article.id, "text": doc.article.text, "date": str(doc.article.date)}
        by_id = {e.id: e for e in doc.events}
        for as_json, g in _matched(article, gold.get(doc.article.id, []), [e.to_json() for e in doc.events],
                                   event_score):
            event = by_id[as_json["id"]]
            ga, gr = ([(str(p.get("country") or "").upper(), str(p.get("name") or "")) for p in g.get(k) or []]
                      for k in ("actors", "recipients"))
            rows.append(candidate_rows(doc, event, _named_labels(ga, gr, event.type, str.upper), "gold",
                                       {"actors": sorted({c for c, _ in ga if c}),
                                        "recipients": sorted({c for c, _ in gr if c})}))
    return rows


def _named_labels(actors: list[tuple[str, str]], recipients: list[tuple[str, str]], event_type: str,
                  code: Any) -> Any:
    """Labels from the gold parties' names: a candidate takes a role when its words are in the name of a gold
    party of that role (a candidate without words: when its country is that party's)."""
    if event_type in JUDGED_TOGETHER:
        actors, recipients = actors + recipients, []

    def labels(party: Any) -> tuple[bool | None, bool | None]:
        words = content_words(party.text or "")
        if not words:
            country = code(party.country) if party.country else None
            return ((None, None) if country is None else
                    (any(c == country for c, _ in actors), any(c == country for c, _ in recipients)))
        return (any(words & content_words(name) for _, name in actors),
                any(words & content_words(name) for _, name in recipients))
    return labels


def content_words(text: str) -> set[str]:
    """The lower-cased words of a name that can tie it to another (not "the", "of" ...)."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in COMMON_WORDS}


def gsr_rows(docs: list[Any]) -> list[dict[str, Any]]:
    """PLOVER GSR: the most confident factual reading of a gold type in each sentence."""
    import events as gsr

    gold = {g["text"]: g for g in gsr.load_gold(gsr.GSR)}
    names = _gsr_names()
    rows = []
    for doc in docs:
        g = gold.get(doc.article.text)
        readings = [e for e in doc.events if g and not e.negated and not e.hypothetical and e.type in g["types"]]
        if not readings:
            continue
        event = max(readings, key=lambda e: e.confidence)
        ga, gr = names[doc.article.text]
        rows.append(candidate_rows(doc, event, _named_labels(ga, gr, event.type, gsr._code), "gsr",
                                   {"actors": sorted({c for c, _ in g["source"]}),
                                    "recipients": sorted({c for c, _ in g["target"]})}))
    return rows


def _gsr_names() -> dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Each GSR sentence's source and target parties as (code, words), all its records together."""
    import events as gsr

    out: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {}
    for rec in json.loads(GSR.read_text(encoding="utf-8")):
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        roles = out.setdefault(rec["text"], ([], []))
        for key, kept in (("source", roles[0]), ("target", roles[1])):
            for ent in rec.get(key) or []:
                if isinstance(ent, dict) and ent.get("code"):
                    kept.append((gsr._code(ent["code"]), str(ent.get("actorText") or "")))
    return out


def argument_rows(docs: list[Any], source: str) -> list[dict[str, Any]]:
    """RAMS / WikiEvents: readings on an annotated political trigger, labelled by its arguments' roles."""
    from dev_texts import map_aida

    annotated = _rams_arguments() if source == "rams" else _wikievents_arguments()
    rows = []
    for doc in docs:
        for (t_start, t_end, kind), args in annotated.get(doc.article.id, []):
            plover = map_aida(kind)
            if plover in (None, "NONE"):
                continue
            for event in doc.events:
                at = event.evidence.trigger_start
                if at is None or not t_start <= at < t_end or event.negated or event.hypothetical:
                    continue
                rows.append(candidate_rows(doc, event, _span_labels(args), source, {"type": plover}))
    return rows


def _span_labels(args: list[tuple[int, int, str]]) -> Any:
    def labels(party: Any) -> tuple[bool, bool]:
        if party.start is None or party.end is None:
            return False, False
        roles = {role for s, e, role in args if s < party.end and party.start < e}
        return bool(roles & AGENT_ROLES), bool(roles & PATIENT_ROLES)
    return labels


def _rams_arguments() -> dict[str, list[tuple[tuple[int, int, str], list[tuple[int, int, str]]]]]:
    from dev_texts import rams_windows

    out = {}
    for i, (d, tokens, starts) in enumerate(rams_windows(DEV / "rams_dev.jsonlines", 0)):
        s, e, kinds = d["evt_triggers"][0]
        args = [(starts[a], starts[b] + len(tokens[b]), role[11:]) for _, (a, b), role in d["gold_evt_links"]]
        out[f"rams-{i}"] = [((starts[s], starts[e] + len(tokens[e]), kinds[0][0]), args)]
    return out


def _wikievents_arguments() -> dict[str, list[tuple[tuple[int, int, str], list[tuple[int, int, str]]]]]:
    out = {}
    for line in (DEV / "wikievents_dev.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        offsets = [(t[1], t[2]) for s in d["sentences"] for t in s[0]]
        spans = {m["id"]: (offsets[m["start"]][0], offsets[m["end"] - 1][1]) for m in d["entity_mentions"]}
        out[f"wiki-{d['doc_id']}"] = [
            ((offsets[m["trigger"]["start"]][0], offsets[m["trigger"]["end"] - 1][1], m["event_type"]),
             [(*spans[a["entity_id"]], a["role"].lower()) for a in m["arguments"] if a["entity_id"] in spans])
            for m in d["event_mentions"]]
    return out


def load_rows(refresh: bool) -> list[dict[str, Any]]:
    """Every source's rows, from the cache when every stage's code and data (`pipeline_fingerprint`) and the
    candidates' features are unchanged."""
    from cache_keys import cache_folder, pipeline_fingerprint

    features = (ROOT / "tools" / "party_model.py").read_bytes()
    key = hashlib.sha256(f"{ROWS_VERSION}:{pipeline_fingerprint()}:".encode() + features).hexdigest()[:12]
    cache = cache_folder().parent / "party-model" / f"rows-{key}.jsonl"
    if cache.exists() and not refresh:
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    rows: list[dict[str, Any]] = []
    for name in SOURCES:
        print(f"coding {name}", file=sys.stderr, flush=True)
        docs = source_docs(name, refresh)
        rows += gold_rows(docs) if name == "gold" else gsr_rows(docs) if name == "gsr" else argument_rows(docs, name)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def fold_of(doc_id: str, folds: int) -> int:
    """The document's fold: a hash of its id, the same in every run."""
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % folds


def train(rows: list[dict[str, Any]], rule_features: bool = True) -> dict[str, Any]:
    """Both roles' logistic regressions on the rows' labelled candidates, as the JSON the chooser reads
    (`rule_features` False: without the rules' choice among the features, the syntax alone)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    model: dict[str, Any] = {"roles": {}, "threshold": 0.5}
    for role in ROLES:
        examples = [c for r in rows for c in r["candidates"] if c[role] is not None]
        vec = DictVectorizer()
        x = vec.fit_transform([dict.fromkeys(_usable(c["features"], rule_features), 1) for c in examples])
        y = [bool(c[role]) for c in examples]
        fit = LogisticRegression(C=C, max_iter=2000).fit(x, y)
        weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), fit.coef_[0], strict=True)
                   if abs(w) >= 1e-4}
        model["roles"][role] = {"bias": round(float(fit.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}
    return model


def _usable(features: list[str], rule_features: bool) -> list[str]:
    return features if rule_features else [f for f in features if "rule=" not in f]


def free_choice(row: dict[str, Any], model: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The model deciding alone: each candidate in the role it scores highest, if at least 0.5."""
    chosen: dict[str, list[dict[str, Any]]] = {role: [] for role in ROLES}
    for cand in row["candidates"]:
        scores = {role: probability(model["roles"][role], cand["features"]) for role in ROLES}
        best = max(ROLES, key=lambda r: scores[r])
        if scores[best] >= 0.5:
            chosen[best].append(cand)
    return chosen


def judged(row: dict[str, Any], chosen: dict[str, list[dict[str, Any]]]) -> bool:
    """Whether an event's chosen parties are right as its source judges them: the roles' countries (events-gold,
    GSR; a reciprocal type's parties together) or the candidates each role's arguments overlap (RAMS, WikiEvents)."""
    if row["source"] in ("gold", "gsr"):
        code = str.upper if row["source"] == "gold" else _gsr_code()
        got = {role: {code(c["country"]) for c in chosen[role] if c["country"]} for role in ROLES}
        gold = {"actor": set(row["gold"]["actors"]), "recipient": set(row["gold"]["recipients"])}
        if row["type"] in JUDGED_TOGETHER:
            return got["actor"] | got["recipient"] == gold["actor"] | gold["recipient"]
        return got == gold
    return all({id(c) for c in chosen[role]} == {id(c) for c in row["candidates"] if c[role]} for role in ROLES)


def _gsr_code() -> Any:
    """The GSR benchmark's reading of a country code (its draft's IGO, JAP ... conventions)."""
    import events as gsr

    return gsr._code


def rule_choice(row: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rules' own decision on a row: each candidate in the role the rules gave it."""
    return {role: [c for c in row["candidates"] if c["rule"] == role] for role in ROLES}


def model_choice(row: dict[str, Any], model: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The chooser's decision on a row (`decide` under the row's policy)."""
    from dateline.model import Party

    cands = [Candidate(Party(name=str(i), start=i), c["rule"], c["features"]) for i, c in enumerate(row["candidates"])]
    actors, recipients = decide(cands, model, row["type"])
    return {"actor": [row["candidates"][int(p.name)] for p in actors],
            "recipient": [row["candidates"][int(p.name)] for p in recipients]}


def group(row: dict[str, Any]) -> str:
    """The source a row is judged in: events-gold split by outlet (GWN, t17)."""
    return f"gold-{(row['outlet'] or 'x').split('/')[0]}" if row["source"] == "gold" else row["source"]


def cross_validate(rows: list[dict[str, Any]], folds: int,
                   policies: list[tuple[float, float]]) -> dict[tuple[float, float], dict[str, dict[str, Any]]]:
    """Rule vs. out-of-fold model under each (drop, fill) policy: the share of events with both parties right,
    per source, and how many events the model fixes and breaks."""
    tally: dict[tuple[float, float], dict[str, dict[str, int]]] = {
        p: defaultdict(lambda: defaultdict(int)) for p in policies}
    for k in range(folds):
        model = train([r for r in rows if fold_of(r["doc"], folds) != k])
        syntax = train([r for r in rows if fold_of(r["doc"], folds) != k], rule_features=False)
        for row in (r for r in rows if fold_of(r["doc"], folds) == k):
            rule = judged(row, rule_choice(row))
            for drop, fill in policies:
                if (drop, fill) == ALONE:
                    learned = judged(row, free_choice(row, model))
                elif (drop, fill) == SYNTAX_ALONE:
                    learned = judged(row, free_choice(row, syntax))
                else:
                    learned = judged(row, model_choice(row, {**model, "drop": drop, "fill": fill}))
                counts = tally[(drop, fill)][group(row)]
                counts["events"] += 1
                counts["rule"] += rule
                counts["model"] += learned
                counts["fixes"] += learned and not rule
                counts["breaks"] += rule and not learned
    return {policy: {name: {"events": c["events"], "rule": round(c["rule"] / c["events"], 4),
                            "model": round(c["model"] / c["events"], 4), "fixes": c["fixes"], "breaks": c["breaks"]}
                     for name, c in sorted(by_source.items())} for policy, by_source in tally.items()}


def beats(figures: dict[str, dict[str, Any]]) -> bool:
    """Whether the model is better than the rules on every source separately (events-gold's outlets apart)."""
    return all(f["model"] > f["rule"] for f in figures.values())


def main() -> int:
    """Every policy's out-of-fold figures against the rules, one JSON line a policy."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", action="store_true", help="code the sources again (after pipeline changes)")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    rows = load_rows(args.refresh)
    policies = [(drop, fill) for drop in DROP_GRID for fill in FILL_GRID] + [ALONE, SYNTAX_ALONE]
    results = cross_validate(rows, args.folds, policies)
    for (drop, fill), figures in results.items():
        print(json.dumps({"drop": drop, "fill": fill, "beats_rules_everywhere": beats(figures), **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
