"""Cross-article merging, the learned link and the grouping: what two reports share, what the coder's guesses may
not decide, and which report speaks for a merged event."""

from __future__ import annotations

import random
from pathlib import Path

from dateline.merge import (
    cluster,
    conflict_between,
    conflict_reason,
    link_between,
    link_features,
    link_model,
    link_reason,
    link_strength,
    report_of,
)
from dateline.merge.blocking import LinkBound
from dateline.merge.text import dice, evidence_dice, sentence_numbers
from dateline.model import Event, Location, Party
from dateline.store import open_store
from test_merge import KYIV, party, report


def event_of(doc) -> Event:
    return doc.events[0]


RIG = ("The Sea Falcon rig exploded on April 20, leaving 11 workers dead.",
       "Gas has leaked since the Norco-run Sea Falcon blew up on April 20 and killed 11 workers.")


def test_a_happening_retold_in_other_words_links_on_its_numbers_and_names():
    first = report("reuters", "2010-05-03", RIG[0], "exploded", type_="ASSAULT", actors=(), date="2010-04-20",
                   recipients=(party("workers", None, None),))
    later = report("bbc", "2010-05-17", RIG[1], "blew", type_="ASSAULT", actors=(), date="2010-04-20",
                   recipients=(party("workers", None, None),))
    features = link_features(event_of(first), event_of(later))
    assert features["shared_number"] == 1.0 and features["shared_names"] > 0
    why = link_reason(event_of(first), event_of(later))
    assert why is not None and "numbers 11 in both" in why and "names falcon, sea in both" in why
    other_rig = report("ap", "2010-04-21", "A rig exploded off Texas, and none of the crew was hurt.", "exploded",
                       type_="ASSAULT", actors=())
    event_of(other_rig).date = event_of(other_rig).date_precision = None  # undated: within the week before
    assert conflict_reason(event_of(first), event_of(other_rig)) is None
    assert link_reason(event_of(first), event_of(other_rig)) is None  # a noun and a verb are not enough


def test_digits_inside_a_name_or_code_are_not_a_shared_count():
    """Every report of an epidemic writes its virus: "H1N1" or "COVID-19" is not a count two reports share, though a
    count with its unit ("$1.3bn") is."""
    mexico = report("reuters", "2009-04-28", "The H1N1 strain has killed 20 people in Mexico, officials said.",
                    "killed", type_="ASSAULT", actors=(), date="2009-04-28")
    spain = report("bbc", "2009-04-28", "Spain confirmed a case of H1N1, and COVID-19 style curbs on G20 travel.",
                   "confirmed", type_="ASSAULT", actors=(), date="2009-04-28")
    assert link_features(event_of(mexico), event_of(spain))["shared_number"] == 0.0
    assert sentence_numbers("BP set aside $1.3bn for the F-16 and Mi-8 fleets, 5,000 in all.") == {"1.3", "5,000"}


def test_two_short_sentences_sharing_one_word_are_not_one_happening():
    """Dice over a handful of words rests on one shared word: two transcript courtesies of different days share
    "thank" (and degree adverbs, which say nothing) and are not linked, while long sentences that share as much of
    their words still are weighed as before (`evidence_dice` counts one unseen word per sentence)."""
    anna = report("cnn1", "2011-02-03", "Thank you very much, Anna.", "Thank", type_="SUPPORT", actors=())
    tom = report("cnn2", "2011-02-05", "Tom, thank you so much.", "thank", type_="SUPPORT", actors=())
    for courtesy in (anna, tom):
        event_of(courtesy).date = event_of(courtesy).date_precision = None  # undated: the week before its page
    assert conflict_reason(event_of(anna), event_of(tom)) is None
    assert link_reason(event_of(anna), event_of(tom)) is None
    short = ({"thank", "anna"}, {"thank", "tom"})
    long = ({f"w{n}" for n in range(20)}, {f"w{n}" for n in range(10, 30)})
    assert evidence_dice(*map(frozenset, short)) < dice(*map(frozenset, short)) - 0.15
    assert evidence_dice(*map(frozenset, long)) > dice(*map(frozenset, long)) - 0.03
    assert evidence_dice(frozenset({"thank"}), frozenset({"anna"})) == 0.0


def test_a_guessed_party_or_a_place_from_elsewhere_in_the_article_does_not_keep_two_reports_apart():
    sentence = "Police arrested 40 protesters outside the parliament in Kyiv on Monday, officials said."
    first = report("a", "2022-05-03", sentence, "arrested", type_="COERCE", date="2022-05-02",
                   actors=(party("Police", "UKR"),), recipients=(party("protesters", "UKR", "OPP"),), location=KYIV)
    second = report("b", "2022-05-03", "Forty protesters were arrested outside the parliament on Monday, 40 in all.",
                    "arrested", type_="COERCE", date="2022-05-02", recipients=(party("protesters", "UKR", "OPP"),),
                    location=Location("Warsaw", 756135, 52.23, 21.01, "PL", "PPLC", text="Warsaw"))
    event_of(second).actors = [party("authorities of POL", "POL")]
    event_of(second).actors[0].text = None  # an implicit agent, guessed by the coder: no text
    assert conflict_reason(event_of(first), event_of(second)) is None  # Warsaw is not in its sentence either
    named = report("c", "2022-05-03", "Polish police arrested 40 protesters outside the parliament in Warsaw on "
                   "Monday.", "arrested", type_="COERCE", date="2022-05-02", actors=(party("Polish police", "POL"),),
                   recipients=(party("protesters", "POL", "OPP"),),
                   location=Location("Warsaw", 756135, 52.23, 21.01, "PL", "PPLC", text="Warsaw"))
    assert conflict_reason(event_of(first), event_of(named)) is not None  # the text names another country


def test_two_copies_of_one_sentence_are_one_report_however_each_was_coded():
    line = "3 men charged in death of Ohio student who sang at city festival."
    first = report("page-1", "2011-01-28", line, "charged", type_="ACCUSE", actors=(),
                   recipients=(party("men", "USA", None),))
    copy = report("page-2", "2011-01-29", line, "charged", type_="ACCUSE", actors=(),
                  recipients=(party("men", "EGY", None),))  # the coder guessed another country for "men"
    assert link_reason(event_of(first), event_of(copy)) is not None


def test_a_report_flagged_hypothetical_may_join_the_fact_but_a_denial_may_not():
    fact = report("a", "2011-02-07", "The blogger Karim Fathy was released Monday in Egypt, his lawyer said.",
                  "released", type_="RETREAT", actors=(), recipients=(party("Karim Fathy", "EGY", None),))
    plan = report("b", "2011-02-07", "Karim Fathy, a blogger, is to be released Monday, Egyptian TV said.",
                  "released", type_="RETREAT", actors=(), recipients=(party("Karim Fathy", "EGY", None),))
    event_of(plan).status = "hypothetical"
    event_of(plan).__post_init__()
    assert conflict_reason(event_of(fact), event_of(plan)) is None
    assert link_reason(event_of(fact), event_of(plan)) is not None


def test_a_town_on_a_gulf_does_not_contradict_the_gulf():
    gulf = Location("Gulf of Mexico", 3523271, 25.0, -90.0, None, "GULF", text="Gulf of Mexico")
    town = Location("Cameron", 4315584, 29.8, -93.3, "US", "PPLA2", text="Cameron")
    first = report("a", "2010-05-13", "Crude from the broken pipe in the Gulf of Mexico reached the shore.", "reached",
                   type_="ASSAULT", actors=(), location=gulf)
    second = report("b", "2010-05-13", "Crude from the broken pipe reached the shore at Cameron.", "reached",
                    type_="ASSAULT", actors=(), location=town)
    assert conflict_reason(event_of(first), event_of(second)) is None


def test_a_place_named_by_its_first_words_does_not_contradict_the_whole_name_but_another_country_does():
    """"Gulf" (read as the Gulf of Mexico) and "Gulf Coast" (read as Papua New Guinea's Gulf province): one name read
    whole and shortened, so no conflict; "Sudan" / "South Sudan" and "Niger" / "Nigeria" are other countries."""
    gulf = Location("Gulf of Mexico", None, 25.0, -90.0, None, "GULF", text="Gulf", precision="point")
    coast = Location("Gulf", 2096633, -7.93, 145.58, "PG", "ADM1", text="Gulf Coast", precision="admin")
    first = report("a", "2010-05-28", "Obama toured the Gulf on Friday to see the spill.", "toured", type_="CONSULT",
                   actors=(), location=gulf)
    second = report("b", "2010-05-28", "Obama toured the Gulf Coast on Friday, seeing the spill.", "toured",
                    type_="CONSULT", actors=(), location=coast)
    assert conflict_reason(event_of(first), event_of(second)) is None
    for short, long_ in ((("Sudan", 366755, "SD"), ("South Sudan", 7909807, "SS")),
                         (("Niger", 2440476, "NE"), ("Nigeria", 2328926, "NG"))):
        one, other = (Location(name, gid, 10.0, 10.0, code, "PCLI", text=name, precision="country")
                      for name, gid, code in (short, long_))
        clash = [report(f"{o.text}-{k}", "2012-03-05", f"Troops clashed with rebels in {o.text} on Monday.", "clashed",
                        type_="ASSAULT", actors=(), date="2012-03-05", location=o) for k, o in enumerate((one, other))]
        assert "places" in (conflict_reason(event_of(clash[0]), event_of(clash[1])) or "")


HOUSTON = Location("Houston", 4699066, 29.76, -95.37, "US", "PPLA2", text="Houston")
DALLAS = Location("Dallas", 4684888, 32.78, -96.80, "US", "PPLA2", text="Dallas")  # ~360 km from Houston


def _reports(n: int, day: str, prefix: str, place: Location | None = None) -> list[Event]:
    where = f" in {place.text}" if place else ""
    return [event_of(report(f"{prefix}{k}", day, f"Report {k} of the blast{where}.", "blast", type_="ASSAULT",
                            actors=(), location=place)) for k in range(n)]


def test_a_report_at_odds_with_a_few_of_many_reports_of_a_happening_still_joins_them():
    """Two of twelve reports name Houston, one names Dallas (misread): the Dallas report conflicts with two and is
    linked to the other nine; nine links, less two for each of the two conflicts, are at least half of eleven pairs."""
    reports = _reports(2, "2010-04-21", "houston", HOUSTON) + _reports(9, "2010-04-21", "unplaced")
    misread = _reports(1, "2010-04-21", "dallas", DALLAS)[0]
    everyone = [*reports, misread]
    links = {frozenset((a.id, b.id)): "test" for a in everyone for b in everyone if a.id < b.id
             and not conflict_reason(a, b)}
    assert sum(misread.id in pair for pair in links) == 9
    assert len({merged for merged, _ in cluster(everyone, links).values()}) == 1
    pair = [reports[0], misread]  # alone, the two that conflict never join, linked or not
    alone = cluster(pair, {frozenset((reports[0].id, misread.id)): "test"})
    assert len({merged for merged, _ in alone.values()}) == 2


CAIRO = Location("Cairo", 360630, 30.06, 31.25, "EG", "PPLC", text="Cairo", precision="point")
ALEXANDRIA = Location("Alexandria", 361058, 31.20, 29.92, "EG", "PPLA", text="Alexandria", precision="point")


def test_the_surest_links_join_first_so_a_copy_is_not_kept_from_its_copy_by_a_weak_link():
    """A sentence copied by two outlets (one placed it in Cairo), and a weakly linked report of a third outlet placed
    in Alexandria: ranked by link count alone, the weak pair (earlier in canonical order) joined first, and the
    Cairo copy was then kept out by the Alexandria report; ranked by the links' probabilities, the copies join."""
    sentence = "Police fired tear gas on protesters pushing toward the Interior Ministry in Cairo."
    copy_a = event_of(report("wire1", "2011-01-29", sentence, "fired", type_="ASSAULT", actors=()))
    other = event_of(report("wire2", "2011-01-29", "Police fired on crowds near the governor's office in Alexandria.",
                            "fired", type_="ASSAULT", actors=(), location=ALEXANDRIA))
    copy_b = event_of(report("wire3", "2011-01-29", sentence, "fired", type_="ASSAULT", actors=(), location=CAIRO))
    assert conflict_reason(other, copy_b) is not None and conflict_reason(other, copy_a) is None
    links = {frozenset((copy_a.id, copy_b.id)): "same type ASSAULT, p=1.00: sentences share 100% of their words",
             frozenset((copy_a.id, other.id)): "same type ASSAULT, p=0.30: sentences share 31% of their words"}
    assigned = cluster([copy_a, other, copy_b], links)
    assert assigned[copy_a.id][0] == assigned[copy_b.id][0] != assigned[other.id][0]
    assert link_strength(links[frozenset((copy_a.id, other.id))]) == 0.3 and link_strength("test") == 1.0


def test_two_reports_one_article_kept_apart_join_the_report_of_another_outlet_that_links_both():
    """An article tells one meeting twice (its own grouping kept the two apart); another outlet's report links to
    both. Two reports of one article never link, but their article's decision is no conflict in the grouping."""
    met = event_of(report("cnn", "2011-02-01", "The U.S. ambassador Margaret Scobey met Tuesday with ElBaradei.",
                          "met", type_="CONSULT"))
    confirmed = event_of(report("cnn", "2011-02-01", "An official confirmed that Scobey had met ElBaradei in Cairo.",
                                "confirmed", type_="CONSULT"))
    other = event_of(report("ap", "2011-02-01", "Margaret Scobey, the U.S. ambassador, met Mohamed ElBaradei.",
                            "met", type_="CONSULT"))
    reports = [report_of(e) for e in (met, confirmed, other)]
    assert conflict_between(reports[0], reports[1]) is not None  # never linked: one article
    assert conflict_between(reports[0], reports[1], lent=False, one_article=False) is None
    links = {frozenset((met.id, other.id)): "same type CONSULT, p=0.90: names scobey, elbaradei in both",
             frozenset((confirmed.id, other.id)): "same type CONSULT, p=0.60: names scobey, elbaradei in both"}
    assert len({merged for merged, _ in cluster([met, confirmed, other], links).values()}) == 1


def test_the_grouping_is_the_same_in_any_order():
    events = _reports(6, "2010-04-21", "z")
    links = {frozenset((events[i].id, events[j].id)): "test" for i, j in ((0, 1), (1, 2), (0, 2), (3, 4), (2, 3))}
    expected = cluster(events, links)
    shuffled = events[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert cluster(shuffled, links) == expected


def test_the_most_confident_report_speaks_for_the_merged_event_not_the_earliest(tmp_path):
    early = report("early", "2022-05-02", "Ukraine and Poland signed a grain transit agreement in Kyiv on Monday.",
                   "signed", date="2022-05-02", location=KYIV)
    late = report("late", "2022-05-03", "Ukraine and Poland signed a grain transit deal in Kyiv on Monday, the "
                  "ministers said.", "signed", date="2022-05-02", location=KYIV)
    event_of(early).confidence, event_of(late).confidence = 0.46, 0.91
    with open_store(tmp_path / "merged.duckdb") as store:
        store.add([early])
        store.add([late])
        (merged,) = store.events()
    assert merged.id == event_of(late).id and merged.confidence == 0.91
    assert merged.evidence.sentence == event_of(late).evidence.sentence
    assert [m.article_id for m in merged.mentions] == ["early", "late"]  # mentions stay in article order


def _lent(name: str, country: str) -> Party:
    """A party named by a common noun whose country the actors stage took from the article's focus."""
    return Party(name=name, country=country, sector="LAB", text=name,
                 entry=f"Phoenix.agents.txt: WORKER [~LAB] + article focus country ({country})")


def _blast_reports(parties: tuple[Party, Party]) -> list[Event]:
    """Three reports of one blast: the first links to both others, which name their victims two ways."""
    lines = (("ap", "The rig exploded on April 20, and 11 people died.", None),
             ("fox", "The rig exploded on April 20, leaving 11 workers dead.", parties[0]),
             ("reuters", "An explosion killed 11 crewmen on the rig on April 20.", parties[1]))
    return [event_of(report(aid, "2010-05-13", line, line.split()[2], type_="ASSAULT", actors=(), date="2010-04-20",
                            recipients=(victims,) if victims else ())) for aid, line, victims in lines]


def test_a_country_lent_by_the_article_focus_does_not_keep_a_report_from_its_happening():
    """"workers" coded MEX in a story of the Gulf of Mexico, "crewmen" CAN in another outlet's: the two may not link
    (a link needs no conflict at all), but a guess does not keep one from the group the other is in; "Mexican
    workers" and "Canadian crewmen" are the text's own countries, and keep them apart."""
    lent = _blast_reports((_lent("workers", "MEX"), _lent("crewmen", "CAN")))
    stated = _blast_reports((party("Mexican workers", "MEX"), party("Canadian crewmen", "CAN")))
    for reports, groups in ((lent, 1), (stated, 2)):
        assert "recipients" in (conflict_reason(reports[1], reports[2]) or "")
        links = {frozenset((reports[0].id, other.id)): "test" for other in reports[1:]}
        assert len({merged for merged, _ in cluster(reports, links).values()}) == groups


def test_a_lent_country_never_makes_a_conflict_the_full_rule_would_not():
    """One report names Egypt's army and lends "officials" Israel; the other names Jerusalem: Israel is the first's
    too (if by a guess), so the second's country is held by the first and they do not conflict."""
    first = report("a", "2011-02-12", "Egypt's army and officials reaffirmed the peace treaty.", "reaffirmed",
                   type_="AGREE", actors=(party("Egypt's army", "EGY", "MIL"), _lent("officials", "ISR")))
    second = report("b", "2011-02-12", "Jerusalem welcomed the treaty the army reaffirmed.", "reaffirmed",
                    type_="AGREE", actors=(party("Jerusalem", "ISR"),))
    pair = report_of(event_of(first)), report_of(event_of(second))
    assert conflict_between(*pair) is None and conflict_between(*pair, lent=False) is None


def test_the_bound_keeps_every_pair_the_model_links_and_drops_pairs_sharing_nothing():
    """`LinkBound` is exact: a pair it drops is never linked, so the store weighs only the pairs it keeps."""
    lines = [RIG[0], RIG[1], "The rig blew up on April 20 and 11 workers died.", "Crews cleaned beaches in Alabama.",
             "A Gulf rig exploded, killing 11 workers, on April 20.", "Birds were found covered in oil near Venice."]
    events = [event_of(report(f"a{n}", "2010-05-03", line, line.split()[1], type_="ASSAULT", actors=(),
                              date="2010-04-20" if n % 2 else None, recipients=(party("workers", None, None),)))
              for n, line in enumerate(lines)]
    reports = [report_of(event) for event in events]
    bound = LinkBound(reports, link_model())
    linked = {(i, j) for i in range(len(reports)) for j in range(len(reports))
              if i != j and link_between(reports[i], reports[j])}
    kept = {(i, j) for i in range(len(reports)) for j in bound.may_link(reports[i], [k for k in range(len(reports))
                                                                                       if k != i])}
    assert linked and linked <= kept
    assert (0, 3) not in kept  # a blast and a beach clean-up share nothing: never weighed in full


def test_groups_read_once_as_reports_are_the_groups_of_the_events():
    events = _reports(5, "2010-04-21", "r")
    links = {frozenset((events[i].id, events[j].id)): "test" for i, j in ((0, 1), (1, 2), (3, 4))}
    assert cluster([report_of(e) for e in events], links) == cluster(events, links)


def test_missed_pairs_are_classed_by_the_step_that_kept_them_apart(monkeypatch):
    """`benchmarks/merge_missed.py` finds unmerged pairs of similar sentences of one story and names the step that
    kept each apart: other type, days apart, a rule's conflict, a link too weak, or the grouping."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from merge_missed import mechanism, similar_unmerged

    sentence = "Rebels shelled the northern garrison town of Marsa overnight, wounding nine soldiers."
    first = report_of(event_of(report("war_a/1", "2022-05-03", sentence, "shelled", type_="ASSAULT", actors=())))
    later = report_of(event_of(report("war_b/2", "2022-06-30", sentence, "shelled", type_="ASSAULT", actors=())))
    other_type = report_of(event_of(report("war_b/3", "2022-05-03", sentence, "shelled", type_="COERCE", actors=())))
    same_week = report_of(event_of(report("war_c/4", "2022-05-03", sentence, "shelled", type_="ASSAULT", actors=())))
    reports = {r.id: r for r in (first, later, other_type, same_week)}
    pairs = similar_unmerged(reports, {r.id: r.id for r in reports.values()})
    assert len(pairs) == 6 and all(similarity == 1.0 for _, _, similarity in pairs)
    assert mechanism(first, other_type, linked=False) == "blocking: type"
    assert mechanism(first, later, linked=False) == "blocking: days"
    assert mechanism(first, same_week, linked=True) == "linked, grouped apart"
    assert mechanism(first, same_week, linked=False) == "low link p"


def test_the_population_of_missed_pairs_starts_at_the_dice_asked_for(monkeypatch):
    """`merge_missed.py --min-dice`: pairs whose sentences share less than the floor are not in the population."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from merge_missed import similar_unmerged

    told = "Rebels shelled the northern garrison town of Marsa overnight, wounding nine soldiers."
    retold = "Rebels shelled Marsa garrison again on Tuesday after a week of calm along the northern front."
    reports = {r.id: r for r in (report_of(event_of(report(aid, "2022-05-03", sentence, "shelled", type_="ASSAULT",
                                                             actors=())))
                                 for aid, sentence in (("war_a/1", told), ("war_b/2", retold)))}
    similarity = dice(*(r.words for r in reports.values()))
    assert 0.2 <= similarity < 0.9
    merged = {r.id: r.id for r in reports.values()}
    assert [s for _, _, s in similar_unmerged(reports, merged, min_dice=0.2)] == [similarity]
    assert similar_unmerged(reports, merged, min_dice=0.9) == []


def test_a_per_class_draw_takes_as_many_pairs_of_each_class_with_its_population(monkeypatch):
    """`merge_missed.py --per-class N`: N pairs (seeded) of every class, other types included, each with how many
    pairs its class holds, so a class's same rate times its population estimates the same pairs it keeps apart."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from merge_missed import per_class_sample

    kinds = [(f"a{k}", f"b{k}", 0.5, "low link p") for k in range(7)] + [("c", "d", 0.9, "blocking: type")]
    drawn = per_class_sample(kinds, 3, seed=5)
    assert sorted((kind, population) for _, _, _, kind, population in drawn) == \
        [("blocking: type", 1), ("low link p", 7), ("low link p", 7), ("low link p", 7)]
    assert all(item[:4] in kinds for item in drawn) and len({item[:2] for item in drawn}) == 4
    assert per_class_sample(kinds, 3, seed=5) == drawn


def test_refused_links_are_classed_by_what_kept_their_groups_apart(monkeypatch):
    """`merge_missed.py --refused`: a link whose two reports sit in different merged events is 'sparse' when the two
    groups hold too few links for the join density, and says whether the report alone would have joined the other
    group (the order of the joins); `grouping_scores` counts the events per mention for a grouping."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from merge_missed import grouping_scores, refusal, refused_links

    trio, single = _reports(3, "2010-04-21", "trio"), _reports(1, "2010-04-21", "single")[0]
    links = {frozenset((a.id, b.id)) for a in trio for b in trio if a.id < b.id} | {frozenset((trio[0].id, single.id))}
    merged = {event.id: trio[0].id for event in trio} | {single.id: single.id}
    reports = {event.id: report_of(event) for event in [*trio, single]}
    groups = {trio[0].id: [event.id for event in trio], single.id: [single.id]}
    assert refused_links(merged, links) == [tuple(sorted((trio[0].id, single.id)))]
    why = refusal(trio[0].id, single.id, reports, groups, merged, links)
    assert why == {"class": "sparse", "sizes": [3, 1], "links_between": 1, "conflicts": {}, "a_alone_joins": True}
    assert grouping_scores(merged, reports, [])["reduction"] == 0.5  # four mentions, two events
