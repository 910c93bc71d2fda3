"""The hand-labelled news candidates: a fixed, stratified draw of unseen articles, split by article, and the
label each candidate of a labelled trigger gets when the verifier is trained on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.model import Event, Evidence

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ("quake_wire", "strike_daily", "bpoil_foxnews")


def fake_shared(root: Path) -> Path:
    """A shared folder of my own: 30 GWN-style articles, two T17 topics and one held-out topic, one gold article."""
    body = "The ministers met in the capital and agreed to talks. " * 12
    items = "".join(f"<article file=\"{n}\"><title>t</title><text>{n} {body}</text></article>" for n in range(30))
    (root / "data/geo-dev").mkdir(parents=True)
    (root / "data/geo-dev/GWN.xml").write_text(f"<articles>{items}</articles>", encoding="utf-8")
    for topic in TOPICS:
        (root / "corpus/t17" / topic).mkdir(parents=True)
        lines = [json.dumps({"id": str(i), "time": f"2010-01-0{1 + i % 9}", "text": f"-LRB- {i} -RRB- ``{body}''"})
                 for i in range(20)]
        (root / "corpus/t17" / topic / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "data/events-gold").mkdir(parents=True)
    gold = {"id": "GWN-3", "date": "2018-04-02", "text": "x", "source": "GWN"}
    (root / "data/events-gold/articles.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return root


def test_the_draw_is_fixed_stratified_split_by_article_and_leaves_out_gold_and_held_out_topics(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    from news_candidates import article, draw

    monkeypatch.setattr(news_candidates, "PER_STRATUM", 4)  # two topics and two more drawn from them
    shared = fake_shared(tmp_path)
    picks = draw(shared)
    assert picks == draw(shared)
    ids = [p["article"] for p in picks]
    assert len(set(ids)) == len(ids) == 8
    assert "GWN-3" not in ids and not any(i.startswith("bpoil_foxnews") for i in ids)
    assert {i.rsplit("-", 1)[0] for i in ids if not i.startswith("GWN")} == {"quake_wire", "strike_daily"}
    for gwn in (True, False):
        splits = [p["split"] for p in picks if p["article"].startswith("GWN") == gwn]
        assert splits.count("train") == splits.count("heldout") == 2
    t17 = article(shared, "strike_daily-4")
    assert t17.text.startswith('( 4 ) "The ministers') and str(t17.date) == "2010-01-05"


def candidate(start: int, kind: str, status: str = "fact") -> Event:
    text = "Police arrested the father and will charge him on Monday."
    evidence = Evidence(text, 0, len(text), text[start:start + 6], start, start + 6, "test")
    return Event(id=f"e{start}", type=kind, status=status, evidence=evidence)


def test_a_candidate_takes_the_label_of_the_trigger_it_sits_on(monkeypatch) -> None:
    """Labelled by trigger: the arrest is COERCE whatever the lexicon called it; "charge", which the coder read
    as future, is wrong as a fact and right as a future; a candidate on no labelled trigger is left out."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from event_sources import news_labeller

    items = [{"trigger_span": [7, 15], "label": "COERCE", "status": "fact"},
             {"trigger_span": [37, 43], "label": "ACCUSE", "status": "future"},
             {"trigger_span": [20, 26], "label": "NONE", "status": None}]
    label = news_labeller(items)
    assert label(candidate(7, "ASSAULT")) == "COERCE"
    assert label(candidate(37, "ACCUSE")) == "NONE"
    assert label(candidate(37, "ACCUSE", "future")) == "ACCUSE"
    assert label(candidate(20, "SUPPORT")) == "NONE"
    assert label(candidate(50, "CONSULT")) is None


def test_a_shown_event_finds_the_label_any_of_its_mentions_overlaps(monkeypatch) -> None:
    """`label_of` (read by the shown, place and party samples' tallies): the label of the event's article whose
    trigger span its evidence or another mention overlaps; none in another article or where no trigger is labelled."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import label_of

    arrest, charge = candidate(7, "ARREST"), candidate(37, "ACCUSE")
    items = [{"article": "a", "trigger_span": [37, 43], "verdict": "charge"},
             {"article": "b", "trigger_span": [7, 15], "verdict": "other article"},
             {"article": "a", "trigger_span": [7, 15], "verdict": "arrest"}]
    assert label_of(items, "a", arrest)["verdict"] == "arrest"
    assert label_of(items, "b", arrest)["verdict"] == "other article"
    assert label_of(items, "a", candidate(20, "ACCUSE")) is None
    grouped = Event(id="g", type="ACCUSE", evidence=candidate(20, "ACCUSE").evidence, mentions=[charge.evidence])
    assert label_of(items, "a", grouped)["verdict"] == "charge"


def test_the_committed_labels_hold_offsets_and_labels_but_no_article_text() -> None:
    """Every line names its article, file, offsets, trigger, system type, label, status and split; later rounds'
    lines also their round (and a note where the coder wrote one); no sentence text is kept, both splits of every
    round hold labelled events, and no article is in two rounds."""
    lines = [json.loads(x) for x in (ROOT / "tools/news_candidates.jsonl").read_text(encoding="utf-8").splitlines()]
    keys = {"article", "file", "sentence", "trigger", "trigger_span", "system_type", "system_status", "label",
            "status", "split"}
    assert all(set(x) == keys for x in lines if "round" not in x)
    assert all(keys | {"round"} <= set(x) <= keys | {"round", "note"} for x in lines if "round" in x)
    assert {x.get("round", 1) for x in lines} == set(range(1, 11))  # rounds 1-10
    for r in range(1, 11):
        assert {x["split"] for x in lines if x["label"] != "NONE" and x.get("round", 1) == r} == {"train", "heldout"}
    rounds = {x["article"]: set() for x in lines}
    for x in lines:
        rounds[x["article"]].add(x.get("round", 1))
    assert all(len(r) == 1 for r in rounds.values())
    assert all(len(x["trigger"]) < 40 and len(x.get("note", "")) < 120 for x in lines)


def test_a_second_round_draws_new_articles_from_the_same_strata(tmp_path: Path, monkeypatch) -> None:
    """Round 2 shares no article with round 1 (nor gold, nor the held-out topic), keeps each stratum half train
    half heldout, and leaves round 1's draw as it was."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    from news_candidates import draw

    monkeypatch.setattr(news_candidates, "PER_STRATUM", 4)
    shared = fake_shared(tmp_path)
    first = draw(shared)
    second = draw(shared, 2)
    assert draw(shared, 1) == first and draw(shared, 2) == second
    ids = [p["article"] for p in second]
    assert len(set(ids)) == 8 and not set(ids) & {p["article"] for p in first}
    assert "GWN-3" not in ids and not any(i.startswith("bpoil_foxnews") for i in ids)
    for gwn in (True, False):
        splits = [p["split"] for p in second if p["article"].startswith("GWN") == gwn]
        assert splits.count("train") == splits.count("heldout") == 2


def test_a_third_round_draws_articles_no_earlier_round_drew(tmp_path: Path, monkeypatch) -> None:
    """Round 3 shares no article with rounds 1 and 2, nor gold nor the held-out topic, splits each stratum in
    halves, and drawing it leaves the earlier rounds' draws as they were."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    from news_candidates import draw

    monkeypatch.setattr(news_candidates, "PER_STRATUM", 4)
    shared = fake_shared(tmp_path)
    earlier = draw(shared, 1) + draw(shared, 2)
    third = draw(shared, 3)
    assert draw(shared, 1) + draw(shared, 2) == earlier and draw(shared, 3) == third
    ids = [p["article"] for p in third]
    assert len(set(ids)) == 8 and not set(ids) & {p["article"] for p in earlier}
    assert "GWN-3" not in ids and not any(i.startswith("bpoil_foxnews") for i in ids)
    for gwn in (True, False):
        splits = [p["split"] for p in third if p["article"].startswith("GWN") == gwn]
        assert splits.count("train") == splits.count("heldout") == 2


def test_a_fourth_round_leaves_out_the_articles_its_frozen_list_names(tmp_path: Path, monkeypatch) -> None:
    """Round 4 takes none of the ids in its taken list (samples labelled when it was drawn), none of rounds 1-3,
    and the earlier rounds draw as before: with every GWN article but four listed, those four are its GWN picks."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    from news_candidates import draw

    monkeypatch.setattr(news_candidates, "PER_STRATUM", 4)
    shared = fake_shared(tmp_path)
    earlier = [p["article"] for r in (1, 2, 3) for p in draw(shared, r)]
    free = [f"GWN-{n}" for n in range(30) if f"GWN-{n}" not in earlier and n != 3][:4]
    listed = tmp_path / "taken.txt"
    listed.write_text("\n".join(f"GWN-{n}" for n in range(30) if f"GWN-{n}" not in free) + "\nquake_wire-5\n",
                      encoding="utf-8")
    monkeypatch.setitem(news_candidates.TAKEN_BEFORE, 4, listed)
    fourth = [p["article"] for p in draw(shared, 4)]
    assert sorted(i for i in fourth if i.startswith("GWN")) == sorted(free)
    assert "quake_wire-5" not in fourth and not set(fourth) & set(earlier)
    assert [p["article"] for r in (1, 2, 3) for p in draw(shared, r)] == earlier


def test_a_sample_leaves_out_only_the_rounds_drawn_before_it(tmp_path: Path, monkeypatch) -> None:
    """A sample of seed 1818 or lower was drawn before round 4: it leaves out rounds 1-3 only, so adding round 4
    moves none of those draws; a later seed leaves round 4 out too."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import drawn_before

    path = tmp_path / "labels.jsonl"
    lines = [{"article": "a"}, {"article": "b", "round": 3}, {"article": "c", "round": 4}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert drawn_before(1717, path) == drawn_before(1818, path) == {"a", "b"}
    assert drawn_before(1919, path) == {"a", "b", "c"}


@pytest.mark.parametrize(("lines", "kept_by", "kept", "left_out_by", "left_out", "cold"), [
    # round 5 was drawn after shown 1919, grouping 1919 and party 1920
    ([{"article": "a"}, {"article": "c", "round": 4}, {"article": "d", "round": 5}], (1919, 1920), {"a", "c"}, 2020,
     {"a", "c", "d"}, {"c", "d"}),
    # round 6 after every sample of a seed up to 1920
    ([{"article": "a"}, {"article": "d", "round": 5}, {"article": "e", "round": 6}], (1818, 1920), {"a"}, 2020,
     {"a", "d", "e"}, {"d", "e"}),
    # round 7 after shown and grouping 2020 and party 2021
    ([{"article": "a"}, {"article": "e", "round": 6}, {"article": "f", "round": 7}], (2020, 2021), {"a", "e"}, 2121,
     {"a", "e", "f"}, {"e", "f"}),
    # round 8 after shown and grouping 2121 and party 2122
    ([{"article": "a"}, {"article": "f", "round": 7}, {"article": "g", "round": 8}], (2121, 2122), {"a", "f"}, 2222,
     {"a", "f", "g"}, {"f", "g"}),
    # round 9 after shown and grouping 2222 and party 2223
    ([{"article": "a"}, {"article": "g", "round": 8}, {"article": "h", "round": 9}], (2222, 2223), {"a", "g"}, 2323,
     {"a", "g", "h"}, {"g", "h"}),
    # round 10 after shown and grouping 2323 and party 2324
    ([{"article": "a"}, {"article": "h", "round": 9}, {"article": "i", "round": 10}], (2323, 2324), {"a", "h"}, 2424,
     {"a", "h", "i"}, {"h", "i"}),
])
def test_a_cold_round_is_left_out_only_by_samples_drawn_after_it(tmp_path: Path, monkeypatch, lines: list[dict],
                                                                  kept_by: tuple[int, int], kept: set[str],
                                                                  left_out_by: int, left_out: set[str],
                                                                  cold: set[str]) -> None:
    """Rounds 5-10 were each drawn after the samples of the seeds in `kept_by`: those seeds do not leave the round
    out, so its labels landing moves none of their draws; a later seed does, and every one of them is cold."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import cold_articles, drawn_before

    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert drawn_before(kept_by[0], path) == drawn_before(kept_by[1], path) == kept
    assert drawn_before(left_out_by, path) == left_out
    assert cold_articles(path) == cold


@pytest.mark.parametrize("round_no", [6, 7, 8, 9, 10])
def test_a_cold_round_shares_no_article_with_an_earlier_round_or_its_taken_list(monkeypatch, round_no: int) -> None:
    """Rounds 6-10 take none of the earlier rounds' articles nor any id of their frozen taken list (round 7's holds
    the twentieth session's shown, grouping, party and place draws; round 8's the twenty-first's, drawn when two T17
    folders had no article left in the length range; round 9's the twenty-second's, with three folders emptied;
    round 10's the twenty-third's),
    and split each stratum half train half heldout."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import TAKEN_BEFORE, default_shared, draw

    shared = default_shared()
    if not (shared / "data/geo-dev/GWN.xml").exists():
        pytest.skip("shared data not present")
    drawn = draw(shared, round_no)
    earlier = {p["article"] for r in range(1, round_no) for p in draw(shared, r)}
    ids = {p["article"] for p in drawn}
    assert len(ids) == 24 and not ids & earlier
    assert not ids & set(TAKEN_BEFORE[round_no].read_text(encoding="utf-8").split())
    assert sum(p["split"] == "heldout" for p in drawn) == 12


def test_taken_reads_article_ids_from_any_labels_or_id_file(tmp_path: Path, monkeypatch) -> None:
    """Sample labels (`article`), merge anchors (`topic/n`) and plain id lists all count; other folders' names and
    words that only look like ids do not."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import taken

    labels, anchors, ids = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.txt"
    labels.write_text(json.dumps({"article": "quake_wire-12", "note": "COVID-19 cases"}) + "\n", encoding="utf-8")
    anchors.write_text(json.dumps({"a": {"anchor": {"article": "strike_daily/7"}}}) + "\n", encoding="utf-8")
    ids.write_text("GWN-4\nother_topic-3\n", encoding="utf-8")
    assert taken([labels, anchors, ids], ["quake_wire", "strike_daily"]) == ["GWN-4", "quake_wire-12",
                                                                             "strike_daily-7"]


def test_extra_topic_picks_come_from_the_folders_drawn_least(monkeypatch) -> None:
    """Folders drawn twice before give way to those drawn once; the pool widens when too few are left."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from news_candidates import least_drawn

    earlier = ["war-1", "war-2", "flu-3", "spill-4", "GWN-9"]
    topics = ["flu", "spill", "war"]
    assert least_drawn(topics, earlier, 2) == ["flu", "spill"]
    assert least_drawn(topics, earlier, 3) == topics
    assert least_drawn(topics, [], 2) == topics


def test_the_held_out_figure_is_given_for_both_rounds_and_each_alone(monkeypatch) -> None:
    """Lines without a round are round 1's; each round's figure judges only its own lines."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from event_models import news_parts

    labels = [{"article": "a", "label": "NONE"}, {"article": "b", "label": "AID", "round": 2},
              {"article": "c", "label": "NONE", "round": 3}, {"article": "d", "label": "AID", "round": 3}]
    parts = news_parts(labels)
    assert parts == {"": labels, "round1_": labels[:1], "round2_": labels[1:2], "round3_": labels[2:]}
    fourth = {"article": "e", "label": "AID", "round": 4}
    parts = news_parts([*labels, fourth])
    assert parts["round4_"] == [fourth] and parts["rounds1to3_"] == labels and parts[""] == [*labels, fourth]


def test_a_pool_of_rounds_asked_for_is_judged_together(monkeypatch) -> None:
    """`--news-pool 2-4` judges rounds 2, 3 and 4 as one part, beside each round alone; a span out of order or not
    of two numbers is refused."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import argparse

    from event_models import news_parts, round_span

    labels = [{"article": "a"}, {"article": "b", "round": 2}, {"article": "c", "round": 3},
              {"article": "d", "round": 4}, {"article": "e", "round": 5}]
    parts = news_parts(labels, (round_span("2-4"), round_span("5-5")))
    assert parts["rounds2to4_"] == labels[1:4] and parts["rounds5to5_"] == labels[4:] == parts["round5_"]
    for bad in ("4-2", "5", "a-b"):
        with pytest.raises(argparse.ArgumentTypeError):
            round_span(bad)


def test_the_news_figures_judge_the_held_out_half_unless_both_halves_are_asked_for(monkeypatch) -> None:
    """By default only `heldout` lines are judged (the `train` half taught the verifier); "all" takes both, for a
    round the pair never saw."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from event_models import labels_of_split

    labels = [{"article": "a", "split": "train", "round": 3}, {"article": "b", "split": "heldout", "round": 3}]
    assert labels_of_split(labels, "heldout") == labels[1:]
    assert labels_of_split(labels, "all") == labels


def test_a_share_of_few_judged_events_gets_a_wilson_interval(monkeypatch) -> None:
    """5 of 10 right spans about 0.24-0.76; none of 10 still allows up to about 0.28 (a normal interval would
    give zero width); nothing judged says nothing; more events narrow the interval around the same share."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from event_models import wilson_interval

    assert wilson_interval(5, 10) == [0.237, 0.763]
    assert wilson_interval(0, 10) == [0.0, 0.278]
    assert wilson_interval(0, 0) == [0.0, 1.0]
    low, high = wilson_interval(40, 100)
    assert 0.3 < low < 0.4 < high < 0.5


def test_the_held_out_figure_judges_shown_events_by_their_labelled_trigger(monkeypatch) -> None:
    """At 0.35: the arrest shown as COERCE is right, "charge" shown as a fact of a future charge is wrong, a
    shown event on no labelled trigger is not judged, and the arrest hidden at 0.5 is not found."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import datetime as dt

    from dateline.model import Article, Document
    from event_models import judged_news

    labels = [{"article": "a", "trigger_span": [7, 15], "label": "COERCE", "status": "fact"},
              {"article": "a", "trigger_span": [37, 43], "label": "ACCUSE", "status": "future"}]
    events = [candidate(7, "COERCE"), candidate(37, "ACCUSE"), candidate(50, "CONSULT")]
    for event, confidence in zip(events, (0.4, 0.6, 0.9), strict=True):
        event.confidence = confidence
    doc = Document(article=Article(id="a", date=dt.date(2020, 1, 1), text=events[0].evidence.sentence),
                   events=events)
    assert judged_news([doc], labels, 0.35) == {"precision": 0.5, "found": 1.0, "shown": 2, "right": 1,
                                                "unjudged": 1}
    assert judged_news([doc], labels, 0.5) == {"precision": 0.0, "found": 0.0, "shown": 1, "right": 0,
                                               "unjudged": 1}


def test_the_training_source_reads_the_train_half_in_order_with_texts_from_the_shared_folder(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from event_sources import read_news

    shared = fake_shared(tmp_path / "shared")
    item = {"file": "x", "sentence": [0, 9], "trigger": "met", "trigger_span": [18, 21], "system_type": "CONSULT",
            "system_status": "fact", "label": "CONSULT", "status": "fact"}
    labels = [{**item, "article": a, "split": s} for a, s in (("strike_daily-2", "train"), ("GWN-7", "heldout"),
                                                              ("GWN-1", "train"))]
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in labels), encoding="utf-8")
    got = list(read_news(path, 0, shared=shared))
    assert [a.id for a, _ in got] == ["GWN-1", "strike_daily-2"]
    assert got[0][0].text.startswith("1 The ministers met") and got[1][0].text.startswith("( 2 )")
    assert got[0][1](candidate(18, "CONSULT")) == "CONSULT"


@pytest.mark.parametrize(("left", "per_stratum", "wanted"), [
    (0, 2, {"strike_daily": 2}),  # an emptied folder is passed over, its pick drawn from another
    (1, 3, {"quake_wire": 1, "strike_daily": 2}),  # a folder with one article left gets no extra pick
])
def test_a_folder_the_samples_have_emptied_gets_no_pick_it_cannot_fill(tmp_path: Path, monkeypatch, left: int,
                                                                      per_stratum: int, wanted: dict) -> None:
    """When the earlier samples leave a T17 folder `left` articles in the length range, the draw takes no more from
    it than it holds (round 8 met two such folders) and still draws `PER_STRATUM` distinct T17 articles."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    from news_candidates import draw

    monkeypatch.setattr(news_candidates, "PER_STRATUM", per_stratum)
    monkeypatch.setattr(news_candidates, "gold_ids", lambda shared: {f"quake_wire-{i}" for i in range(left, 20)})
    ids = [p["article"] for p in draw(fake_shared(tmp_path)) if not p["article"].startswith("GWN")]
    assert len(set(ids)) == len(ids) == per_stratum
    assert {t: sum(i.startswith(t) for i in ids) for t in wanted} == wanted


def test_a_round_with_too_few_folders_to_spare_says_so_before_drawing(tmp_path: Path, monkeypatch) -> None:
    """When fewer folders hold a second article than a round takes extra picks, the draw stops with an error that
    says how many folders are left and what to decide, not a bare sampling error."""
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import news_candidates
    from news_candidates import draw

    monkeypatch.setattr(news_candidates, "PER_STRATUM", 4)
    monkeypatch.setattr(news_candidates, "gold_ids", lambda shared: {f"quake_wire-{i}" for i in range(1, 20)})
    with pytest.raises(ValueError, match="only 1 a second one, short of the 2 extra picks"):
        draw(fake_shared(tmp_path))
