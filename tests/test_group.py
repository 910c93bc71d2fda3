"""One event per happening: mentions of one happening in an article become one Event.

The decision rules are tested on Events built by hand (conflicts, cues, merging); the
whole path on sentences written for these tests, through the pipeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dateline.events.explain import explain_event
from dateline.events.group import Cues, absorb_borrowed, cluster, conflict, same_stem
from dateline.events.group_merge import merge_mentions
from dateline.events.same_happening import Mention, mention_of, pair_features
from dateline.model import Article, Event, Evidence, Location, Party
from dateline.pipeline import process

DAY = dt.date(2018, 9, 19)


def event(type_: str, at: int, actors=(), recipients=(), date=None, mod=None, place=None, confidence=0.5) -> Event:
    return Event(id=f"e{at}", type=type_, actors=[Party(name=c, country=c) for c in actors],
                 recipients=[Party(name=c, country=c) for c in recipients], date=date, date_mod=mod,
                 date_precision="day" if date else None, location=place, confidence=confidence,
                 evidence=Evidence(sentence=f"sentence {at}", start=at, end=at + 10, trigger=f"t{at}",
                                   trigger_start=at, trigger_end=at + 2))


def place(name: str, country: str, lat: float, lon: float, code: str = "PPL") -> Location:
    return Location(name=name, geonameid=hash(name) % 10_000, lat=lat, lon=lon, country_code=country, feature_code=code)


def test_a_verb_and_its_nominalisation_share_a_stem() -> None:
    assert same_stem("agree", "agreement") and same_stem("meet", "meeting") and same_stem("seize", "seizure")
    assert not same_stem("meet", "protest") and not same_stem("sanction", "sail")


def test_dates_that_cannot_overlap_conflict() -> None:
    monday = event("ASSAULT", 0, date="2018-09-17")
    assert conflict(monday, event("ASSAULT", 50, date="2018-09-10"), DAY)
    assert conflict(monday, event("ASSAULT", 50, date="2018-09-19", mod="ON_OR_BEFORE"), DAY) is None
    assert conflict(monday, event("ASSAULT", 50, date="2018-09", mod=None), DAY) is None


def test_parties_conflict_only_when_each_side_names_one_the_other_lacks() -> None:
    pair = event("AGREE", 0, actors=["TUR", "RUS"])
    assert conflict(pair, event("AGREE", 50, actors=["TUR", "RUS", "IRN"])) is None
    assert conflict(pair, event("AGREE", 50, actors=["IRN", "IRQ"]))
    assert conflict(event("ACCUSE", 0, ["GBR"], ["RUS"]), event("ACCUSE", 50, ["GBR"], ["FRA"]))


def test_places_conflict_for_acts_but_not_for_statements() -> None:
    aleppo, mosul = place("Aleppo", "SY", 36.2, 37.16), place("Mosul", "IQ", 36.34, 43.13)
    assert conflict(event("ASSAULT", 0, place=aleppo), event("ASSAULT", 50, place=mosul))
    assert conflict(event("ACCUSE", 0, place=aleppo), event("ACCUSE", 50, place=mosul)) is None
    syria = place("Syria", "SY", 35.0, 38.0, "PCLI")
    assert conflict(event("ASSAULT", 0, place=aleppo), event("ASSAULT", 50, place=syria)) is None


def test_a_mention_joins_no_group_a_member_of_which_clashes_with_it() -> None:
    monday = event("ASSAULT", 0, ["RUS"], ["SYR"], date="2018-09-17")
    the_attack = event("ASSAULT", 50, ["RUS"], ["SYR"])
    week_before = event("ASSAULT", 100, ["RUS"], ["SYR"], date="2018-09-10")
    words = frozenset({"idlib"})
    cues = [Cues(sentence=0, stems=frozenset({"attack"}), trigger="attacked", arguments=words, ordinal=0),
            Cues(sentence=40, stems=frozenset({"attack"}), definite=True, nominal=True, trigger="attack",
                 arguments=words, ordinal=1),
            Cues(sentence=90, stems=frozenset({"attack"}), trigger="attacked", arguments=words, ordinal=2)]
    groups = cluster([monday, the_attack, week_before], cues, DAY)
    assert [members for members, _ in groups] == [[0, 1], [2]]  # like "the attack", but not Monday's
    assert groups[0][1][1].startswith("same happening (p=")


def test_merged_event_keeps_the_surest_mention_and_its_own_date() -> None:
    # a date read beside another mention is not lent: the grouping that joined them may be wrong
    headline = event("AGREE", 0, actors=["TUR", "RUS"], date="2018-09-19", mod="ON_OR_BEFORE", confidence=0.9)
    lead = event("AGREE", 60, actors=["TUR", "RUS"], date="2018-09-17", confidence=0.6)
    merged = merge_mentions([headline, lead], {1: "headline and lead"})
    assert merged.evidence.trigger_start == 0 and merged.confidence == 0.9
    assert (merged.date, merged.date_mod) == ("2018-09-19", "ON_OR_BEFORE")
    assert [m.trigger_start for m in merged.mentions] == [0, 60]
    assert merged.mentions[1].joined == "headline and lead" and merged.mentions[0].joined is None


def events_of(text: str) -> list[Event]:
    (doc,) = process([Article(id="group-test", date=DAY, text=text)])
    return doc.events


def test_a_verb_and_its_object_noun_in_one_sentence_are_one_event() -> None:
    found = events_of("The United States imposed sanctions on Russia on Monday.")
    (sanctions,) = [e for e in found if e.type == "SANCTION"]
    assert [m.trigger for m in sanctions.mentions] == ["imposed", "sanctions"]
    assert "same sentence" in (sanctions.mentions[1].joined or "")
    lines = "\n".join(explain_event(sanctions))
    assert "2 mentions of this happening" in lines and "joined: same happening (p=" in lines


def test_an_accusation_retold_paragraphs_later_is_one_event() -> None:
    found = events_of("Peru blamed Chile for the shooting in Tacna. Santiago called the case a provocation. "
                      "Diplomats left Lima on Saturday. Peru blames Chile for the shooting.")
    (accusation,) = [e for e in found if e.type == "ACCUSE"]
    assert [m.trigger for m in accusation.mentions] == ["blamed", "blames"]
    why = accusation.mentions[1].joined or ""
    assert "same trigger word" in why or "the same act between the same sides" in why
    assert any(shared in why for shared in ("the same actors", "the same things", "the same sides"))


def test_one_verb_repeated_for_other_actors_in_one_sentence_is_two_events() -> None:
    nato, eu = event("SUPPORT", 0, ["IGO"]), event("SUPPORT", 30, ["EUR"])
    cues = [Cues(sentence=0, stems=frozenset({"support"}), trigger="supported", ordinal=0),
            Cues(sentence=0, stems=frozenset({"support"}), trigger="supported", ordinal=0)]
    assert [members for members, _ in cluster([nato, eu], cues, DAY)] == [[0], [1]]


def test_unrelated_events_of_one_type_stay_apart() -> None:
    found = events_of("Rebels attacked Aleppo on Monday. Government troops attacked Mosul on Friday.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 2


def test_a_verb_and_its_object_share_a_clause_but_two_clauses_of_a_sentence_do_not(make_doc) -> None:
    from dateline.events.group import mention_cues

    doc = make_doc("As fighting raged in the hills, rebels seized the town and imposed sanctions on its traders.")
    text = doc.article.text
    cues = {word: mention_cues(_at(text, word), doc.parsed) for word in ("fighting", "seized", "imposed", "sanctions")}
    assert cues["imposed"].clause == cues["sanctions"].clause
    assert cues["fighting"].clause != cues["seized"].clause
    assert cues["fighting"].sentence == cues["seized"].sentence


def _at(text: str, word: str) -> Event:
    start = text.index(word)
    return Event(id=word, type="ASSAULT", evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word,
                                                            trigger_start=start, trigger_end=start + len(word)))


def test_a_date_carried_over_to_a_mention_does_not_keep_it_apart_but_two_written_ones_do() -> None:
    sunday = event("ASSAULT", 0, ["RUS"], ["SYR"], date="2018-09-16")  # "on Sunday"
    carried = event("ASSAULT", 50, ["RUS"], ["SYR"], date="2018-09-19")  # the article's date, or "on Wednesday"
    words = frozenset({"idlib", "airstrike"})

    def cues(written: bool) -> list[Cues]:
        return [Cues(sentence=0, stems=frozenset({"attack"}), trigger="attacked", arguments=words, words=words,
                     ordinal=0),
                Cues(sentence=40, stems=frozenset({"attack"}), definite=True, nominal=True, trigger="attack",
                     arguments=words, words=words, ordinal=1, dated=written)]

    assert [members for members, _ in cluster([sunday, carried], cues(False), DAY)] == [[0, 1]]
    assert [members for members, _ in cluster([sunday, carried], cues(True), DAY)] == [[0], [1]]


def test_a_mention_is_dated_and_placed_by_its_own_sentence_only(make_doc) -> None:
    from dateline.events.group import mention_cues
    from dateline.model import Place, Timex

    text = "Rebels attacked Aleppo on Monday. The attack was condemned."
    doc = make_doc(text)
    monday = Timex(text="Monday", start=text.index("Monday"), end=text.index("Monday") + 6, type="DATE",
                   value="2018-09-17")
    at = text.index("Aleppo")
    aleppo = Place(text="Aleppo", start=at, end=at + 6, geonameid=170063, name="Aleppo", lat=36.2, lon=37.16,
                   country_code="SY", admin1=None, feature_code="PPLA", confidence=0.9)
    spot = Location(name="Aleppo", geonameid=170063, lat=36.2, lon=37.16, country_code="SY")
    for word, told in (("attacked", True), ("attack was", False)):
        mention = replace(_at(text, word), date="2018-09-17", location=spot)
        found = mention_cues(mention, doc.parsed, None, [monday], [aleppo])
        assert (found.dated, found.placed) == (told, told)


def borrowed(type_: str, at: int, how: str, actors=(), date=None, confidence=0.4, recipients=()) -> Event:
    """A mention whose type is not its trigger's lexicon reading (`how`: the rule text saying so)."""
    made = event(type_, at, actors=actors, recipients=recipients, date=date, confidence=confidence)
    return replace(made, evidence=replace(made.evidence, rule=how))


def test_a_borrowed_type_beside_a_surer_mention_of_its_sentence_joins_it_and_lends_no_date() -> None:
    # "Strikers marched on the ministry and pleaded for their jobs": "pleaded" re-typed PROTEST by the verifier
    march = event("PROTEST", 0, date="2018-09-17", confidence=0.9)
    plea = borrowed("PROTEST", 40, "CAMEO APPEAL: plead [020]; re-typed PROTEST (P=0.81)", date="2018-09-18")
    cues = [Cues(sentence=0, stems=frozenset({"march"}), trigger="marched"),
            Cues(sentence=0, stems=frozenset({"plead"}), trigger="pleaded")]
    groups = absorb_borrowed([march, plea], cues, [([0], {}), ([1], {})])
    assert [(members, lent) for members, _, lent in groups] == [([0, 1], {1})]
    assert "re-typed PROTEST by the verifier beside the surer 't0'" in groups[0][1][1]
    merged = merge_mentions([march, plea], groups[0][1], frozenset({1}))
    assert merged.date == "2018-09-17" and len(merged.mentions) == 2 and merged.mentions[1].joined


def test_a_detector_proposal_naming_its_own_actor_or_in_another_sentence_stays_apart() -> None:
    # "The army shelled the town and the rebels answered": the detector reads "answered" ASSAULT by the rebels
    shelling = event("ASSAULT", 0, actors=["SYR"], confidence=0.9)
    answer = borrowed("ASSAULT", 40, "proposed by the learned detector: 'answer' (VERB) reads ASSAULT (P=0.5)",
                      actors=["REB"])
    same_sentence = [Cues(sentence=0, stems=frozenset({"shell"}), trigger="shelled"),
                     Cues(sentence=0, stems=frozenset({"answer"}), trigger="answered")]
    assert len(absorb_borrowed([shelling, answer], same_sentence, [([0], {}), ([1], {})])) == 2
    # the same proposal without an actor, but a sentence later, is not that sentence's reading
    unnamed = borrowed("ASSAULT", 140, answer.evidence.rule or "")
    later = [same_sentence[0], Cues(sentence=120, stems=frozenset({"answer"}), trigger="answered")]
    assert len(absorb_borrowed([shelling, unnamed], later, [([0], {}), ([1], {})])) == 2


def test_a_lexicon_mention_is_never_absorbed() -> None:
    strike, raid = event("ASSAULT", 0, confidence=0.9), event("ASSAULT", 40, confidence=0.4)
    cues = [Cues(sentence=0, stems=frozenset({"strike"}), trigger="struck"),
            Cues(sentence=0, stems=frozenset({"raid"}), trigger="raided")]
    assert len(absorb_borrowed([strike, raid], cues, [([0], {}), ([1], {})])) == 2


def test_a_borrowed_reading_sharing_an_actor_joins_and_a_reciprocal_type_counts_every_party() -> None:
    # "Chile failed to attend the OAS session at which Peru and Chile agreed": "failed" re-typed AGREE, read as
    # Chile with the OAS; "agreed" names Chile among its parties, left by the parse as a recipient
    agreement = event("AGREE", 0, actors=["PER"], recipients=["CHL"], confidence=0.8)
    failed = borrowed("AGREE", 40, "CAMEO: fail; re-typed AGREE (P=0.4)", actors=["CHL"], recipients=["IGO"])
    cues = [Cues(sentence=0, stems=frozenset({"agree"}), trigger="agreed"),
            Cues(sentence=0, stems=frozenset({"fail"}), trigger="failed")]
    groups = absorb_borrowed([agreement, failed], cues, [([0], {}), ([1], {})])
    assert [(members, lent) for members, _, lent in groups] == [([0, 1], {1})]


def _readings(make_doc, text: str, lexicon: tuple[str, str, float], borrowed_word: str, status: str = "fact",
              actors=()) -> tuple[list[Event], list[Cues]]:
    """A lexicon reading of `lexicon` (word, status, confidence) and a borrowed PROTEST reading of another word
    of `text` (the verifier's re-typing, of `status`), with their cues read from the sentence's parse."""
    from dateline.events.group import mention_cues

    doc = make_doc(text)
    word, own_status, confidence = lexicon
    found = replace(_at(text, word), type="PROTEST", status=own_status, confidence=confidence)
    second = replace(_at(text, borrowed_word), type="PROTEST", status=status, confidence=0.5,
                     actors=[Party(name=c, country=c) for c in actors])
    second = replace(second, evidence=replace(second.evidence, rule="CAMEO: pay; re-typed PROTEST (P=0.8)"))
    events = sorted([found, second], key=lambda e: e.evidence.trigger_start or 0)
    return events, [mention_cues(e, doc.parsed) for e in events]


def test_a_borrowed_reading_of_the_word_it_hangs_on_is_that_act_whatever_its_status(make_doc) -> None:
    # "paid" re-typed PROTEST by the protest it paid for: the lexicon reads "protest" as a purpose (hypothetical)
    text = "The mayor had paid the porters to come out and protest."
    events, cues = _readings(make_doc, text, ("protest", "hypothetical", 0.9), "paid")
    groups = absorb_borrowed(events, cues, [([0], {}), ([1], {})])
    assert [(members, lent) for members, _, lent in groups] == [([0, 1], {0})]
    assert "'protest' (PROTEST, hypothetical, 0.90)" in groups[0][1][0]
    merged = merge_mentions(events, groups[0][1], frozenset({0}))
    assert merged.status == "hypothetical" and merged.evidence.trigger == "protest"
    # a purpose clause's verb re-typed as the act it serves ("urged the porters to strike"): a fact
    text = "The union urged the porters to strike."
    events, cues = _readings(make_doc, text, ("urged", "fact", 0.9), "strike", status="hypothetical")
    groups = absorb_borrowed(events, cues, [([0], {}), ([1], {})])
    assert [members for members, _, _ in groups] == [[0, 1]]
    assert merge_mentions(events, groups[0][1], frozenset({1})).status == "fact"


def test_a_borrowed_reading_of_another_status_in_a_clause_of_its_own_stays_apart(make_doc) -> None:
    # the porters' protest is planned; the payment, in a clause with its own subject, is not its reading
    text = "The porters plan to protest, and the mayor paid them."
    events, cues = _readings(make_doc, text, ("protest", "hypothetical", 0.9), "paid")
    assert len(absorb_borrowed(events, cues, [([0], {}), ([1], {})])) == 2
    # nor is a reading the verifier also re-typed (neither is the lexicon's reading of its word)
    text = "The mayor had paid the porters to come out and protest."
    events, cues = _readings(make_doc, text, ("protest", "hypothetical", 0.9), "paid")
    events[1] = replace(events[1], evidence=replace(events[1].evidence, rule="CAMEO: x; re-typed PROTEST (P=0.7)"))
    assert len(absorb_borrowed(events, cues, [([0], {}), ([1], {})])) == 2


#: Sentences telling nothing political, to set two tellings paragraphs apart.
FILLER = ("Fishing boats returned to port. Markets were calm. A storm approached the coast. Schools closed early. "
          "Trains were delayed. Residents swept up glass. Shops stayed shut. Buses ran late. Rain fell all day. "
          "Fans queued for tickets. Bakers raised bread prices. A bridge was repainted. ")


def test_a_definite_noun_naming_the_act_again_paragraphs_later_is_the_same_event() -> None:
    # "imposed sanctions ... the sanctions": twelve sentences on, the definite noun still points back
    found = events_of("The European Union imposed sanctions on Belarus on Monday. " + FILLER +
                      "The sanctions took effect at midnight.")
    (sanctions,) = [e for e in found if e.type == "SANCTION"]
    assert [m.trigger for m in sanctions.mentions] == ["imposed", "sanctions", "sanctions"]
    assert "the same word again, as a definite noun" in (sanctions.mentions[2].joined or "")


def _told(at: int, ordinal: int, actors=(), recipients=(), type_: str = "ACCUSE", **cues) -> Mention:
    """The pair model's view of a mention built by hand (`ordinal`: its sentence's number)."""
    stems = cues.pop("stems", frozenset({"blame"}))
    return mention_of(event(type_, at, actors, recipients), Cues(sentence=at, stems=stems, ordinal=ordinal, **cues),
                      ordinal, DAY)


def test_a_definite_noun_refers_back_only_from_another_sentence() -> None:
    verb = _told(0, 0, stems=frozenset({"impose", "sanction"}), trigger="imposed", type_="SANCTION")
    noun = {"stems": frozenset({"sanction"}), "trigger": "sanctions", "type_": "SANCTION"}
    later = _told(400, 12, definite=True, nominal=True, **noun)
    assert pair_features(verb, later)["refers_back"] == 1.0
    assert pair_features(verb, replace(later, sentence=0))["refers_back"] == 0.0  # its own object: `tied` reads it
    assert pair_features(verb, _told(400, 12, nominal=True, **noun))["refers_back"] == 0.0  # "sanctions", no article


def test_the_same_act_between_the_same_sides_retold_far_on_is_one_event_but_not_with_a_side_unnamed() -> None:
    # "Peru blamed Chile for the shooting in Tacna ... (15 sentences) ... Peru blames Chile in the case"
    first = event("ACCUSE", 0, ["PER"], ["CHL"])
    cues = [Cues(sentence=0, stems=frozenset({"blame"}), trigger="blamed", ordinal=0,
                 words=frozenset({"peru", "chile", "shooting", "tacna"})),
            Cues(sentence=900, stems=frozenset({"blame"}), trigger="blames", ordinal=15,
                 words=frozenset({"peru", "case", "statement", "santiago"}))]
    retold = event("ACCUSE", 900, ["PER"], ["CHL"])
    groups = cluster([first, retold], cues, DAY)
    assert [members for members, _ in groups] == [[0, 1]]
    assert "the same act between the same sides" in groups[0][1][1]
    unnamed = event("ACCUSE", 900, ["PER"])  # "Peru blames the saboteurs"
    assert [members for members, _ in cluster([first, unnamed], cues, DAY)] == [[0], [1]]


def test_the_same_sides_are_both_roles_or_every_party_of_a_reciprocal_act() -> None:
    blamed = _told(0, 0, ["GBR"], ["RUS"])
    assert pair_features(blamed, _told(400, 12, ["GBR"], ["RUS"]))["retold_between"] == 1.0
    assert pair_features(blamed, _told(400, 12, ["GBR"]))["retold_between"] == 0.0
    agreed = {"type_": "AGREE", "stems": frozenset({"agree"})}
    pair = _told(0, 0, ["TUR"], ["RUS"], **agreed)  # a reciprocal type's parties are all actors
    assert pair_features(pair, _told(400, 12, ["TUR", "RUS"], **agreed))["retold_between"] == 1.0
    alone = _told(0, 0, ["TUR"], **agreed)
    assert pair_features(alone, _told(400, 12, ["TUR"], **agreed))["retold_between"] == 0.0
