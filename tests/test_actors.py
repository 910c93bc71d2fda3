"""Tests of the actors stage: dictionary compilation, dated roles, mentions, references."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from build_actors import pretty_name, regular_plural
from dateline.actors import tag_actors
from dateline.actors.dictionary import actor_dictionary, role_on
from dateline.actors.text import split_code, token_key
from phoenix_files import parse_actor_file, parse_date, parse_role

SEED = Path(__file__).parent / "data" / "seed.txt"
GOLD = Path(__file__).parent / "data" / "seed.gold.json"


def actors_of(make_doc, text: str, date: str = "2018-09-19"):
    return tag_actors(make_doc(text, date)).actors


def find(actors, text: str):
    hits = [a for a in actors if a.text == text]
    assert hits, f"no actor {text!r} in {[a.text for a in actors]}"
    return hits[0]


@pytest.fixture(scope="module")
def seed_actors(make_doc):
    first_line = SEED.read_text(encoding="utf-8").strip()
    _, date, text = first_line.split(None, 2)
    return tag_actors(make_doc(text, date)).actors


def test_seed_gold_actors_all_found(seed_actors):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for want in gold["actors"]:
        countries = want["country"] if isinstance(want["country"], list) else [want["country"]]
        ok = any(want["text"].lower() in f"{a.text} {a.name}".lower()
                 and any((a.country or "").startswith(c) for c in countries)
                 and want.get("sector", "") in (a.sector or "")
                 for a in seed_actors)
        assert ok, want


def test_seed_actors_are_ordered_non_overlapping_and_cite_the_text(seed_actors):
    text = SEED.read_text(encoding="utf-8").strip().split(None, 2)[2]
    for before, after in itertools.pairwise(seed_actors):
        assert before.end <= after.start
    for actor in seed_actors:
        assert text[actor.start:actor.end] == actor.text
        assert actor.entry


def test_seed_metonyms_and_agents(seed_actors):
    assert (find(seed_actors, "Moscow").country, find(seed_actors, "Moscow").sector) == ("RUS", "GOV")
    assert "Tehran" not in [a.text for a in seed_actors]  # "the meeting in Tehran": a place
    assert (find(seed_actors, "Russian air power").country, find(seed_actors, "Russian air power").sector) \
        == ("RUS", "MIL")
    assert find(seed_actors, "Syrians").sector == "CVL"
    assert find(seed_actors, "the West").country == "WST"
    regime = find(seed_actors, "the Syrian regime")
    assert (regime.country, regime.sector) == ("SYR", "GOV")


def test_seed_coreference(seed_actors):
    official = find(seed_actors, "The official")
    assert (official.country, official.sector) == ("TUR", "GOV")
    assert official.entry.startswith("coreference")
    short = [a for a in seed_actors if a.text == "Assad"]
    assert short and all(a.name == "Bashar al Assad" and a.country == "SYR" for a in short)
    assert find(seed_actors, "Erdogan").name == "Recep Tayyip Erdogan"


def test_title_and_name_make_one_mention(make_doc):
    actors = actors_of(make_doc, "Russian President Vladimir Putin met reporters in Sochi.")
    putin = find(actors, "Russian President Vladimir Putin")
    assert (putin.name, putin.country, putin.sector, putin.code) == ("Vladimir Putin", "RUS", "GOV", "RUSGOV")
    assert "VLADIMIR_PUTIN" in putin.entry


def test_dated_role_follows_article_date(make_doc):
    later = find(actors_of(make_doc, "Recep Tayyip Erdogan spoke.", "2018-01-01"), "Recep Tayyip Erdogan")
    earlier = find(actors_of(make_doc, "Recep Tayyip Erdogan spoke.", "1999-01-01"), "Recep Tayyip Erdogan")
    assert (later.country, later.sector) == ("TUR", "GOV")
    assert (earlier.country, earlier.sector) == ("TUR", "ELI")


def test_lower_case_words_are_not_countries(make_doc):
    actors = actors_of(make_doc, "They told us to cook the turkey before the meeting.")
    assert not [a for a in actors if a.country in {"USA", "TUR"}]


def test_spelling_variants_of_armed_group(make_doc):
    for spelling in ("Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham", "HTS"):
        actors = actors_of(make_doc, f"Fighters of {spelling} attacked the town.")
        group = [a for a in actors if a.country == "SYR" and a.sector == "REB"]
        assert group, spelling


def test_generic_agent_takes_focus_country(make_doc):
    text = "Syria said the army retook Aleppo. Syria also said rebels fled to Idlib."
    rebels = find(actors_of(make_doc, text), "rebels")
    assert (rebels.country, rebels.sector) == ("SYR", "REB")


def test_international_organisations(make_doc):
    actors = actors_of(make_doc, "The United Nations and the European Union warned NATO.")
    assert find(actors, "The United Nations").country == "UNO"
    assert find(actors, "the European Union").country == "EUR"
    assert (find(actors, "NATO").country, find(actors, "NATO").sector) == ("IGO", "GOV")


def test_split_code():
    assert split_code("TURGOV") == ("TUR", "GOV")
    assert split_code("SYRREBMUS") == ("SYR", "REB")
    assert split_code("IGOUNO") == ("UNO", "GOV")
    assert split_code("IGOEUREEC") == ("EUR", "GOV")
    assert split_code("IGOWSTNAT") == ("IGO", "GOV")
    assert split_code("IMGMUSISI") == ("IMG", "REB")
    assert split_code("TUR") == ("TUR", None)
    assert split_code("USAGOVMED") == ("USA", "GOV")
    assert split_code("MED") == (None, "JRN")


def test_token_key_folds_spellings():
    assert token_key("Erdoğan") == "erdogan"
    assert token_key("U.N.") == "un"
    assert token_key("Hay'at") == "hayat"
    assert token_key("-") == ""
    assert token_key(".") == "."


def test_phoenix_dates_and_roles():
    assert parse_date("030314") == 20030314
    assert parse_date("720101") == 19720101
    assert parse_date("20121215") == 20121215
    assert parse_role("TURGOV >030314") == ["TURGOV", 20030314, None, ">030314"]
    assert parse_role("SYRELI 830101-000101") == ["SYRELI", 19830101, 20000101, "830101-000101"]
    assert parse_role("---") is None
    roles = [parse_role("TURELI 720101-021118"), parse_role("TURGOV >030314"), parse_role("TURELI")]
    assert role_on(roles, 20180919)[0] == "TURGOV"
    assert role_on(roles, 19990101)[0] == "TURELI"
    assert role_on([parse_role("SYRGOV 871101-000313")], 20180101)[0] == "SYRELI"


def test_parse_actor_file_reads_blocks(tmp_path):
    path = tmp_path / "mini.actors.txt"
    path.write_text(
        "# comment\nTURKEY_  [TUR]\n+TURKISH_\n+ANKARA_\n"
        "RECEP_TAYYIP_ERDOGAN_  # CountryInfo.txt\n+ERDOGAN_\n\t[TURGOV >030314]\n\t[TURELI]\n"
        "NO_CODE_ENTRY_\n", encoding="utf-8")
    blocks = parse_actor_file(path)
    assert [b.primary for b in blocks] == ["TURKEY_", "RECEP_TAYYIP_ERDOGAN_"]
    assert blocks[0].synonyms == ["TURKISH_", "ANKARA_"]
    assert [r[0] for r in blocks[1].roles] == ["TURGOV", "TURELI"]


def test_names_and_plurals():
    assert pretty_name("BASHAR_AL_ASSAD_") == "Bashar al Assad"
    assert pretty_name("THE_UNITED_NATIONS_") == "United Nations"
    assert pretty_name("NATO_") == "NATO"
    assert regular_plural("MILITIA") == "MILITIAS"
    assert regular_plural("SECURITY_AUTHORITY") == "SECURITY AUTHORITIES"
    assert regular_plural("MILITIAMAN") == "MILITIAMEN"


def test_compiled_dictionary_has_capitals_but_not_provincial_cities():
    lexicon = actor_dictionary()
    assert ("ankara",) in lexicon.phrases
    assert ("moscow",) in lexicon.phrases
    assert ("idlib",) not in lexicon.phrases
    assert ("aleppo",) not in lexicon.phrases


def test_unlisted_person_keeps_title_country_and_is_coreferred(make_doc):
    text = "Turkish Foreign Minister Mevlut Cavusoglu met reporters. Cavusoglu said talks went well."
    actors = actors_of(make_doc, text)
    full = find(actors, "Turkish Foreign Minister Mevlut Cavusoglu")
    assert (full.name, full.country, full.sector) == ("Mevlut Cavusoglu", "TUR", "GOV")
    short = find(actors, "Cavusoglu")
    assert (short.name, short.country) == ("Mevlut Cavusoglu", "TUR")


def test_regime_named_by_its_leader_is_the_antecedent(make_doc):
    actors = actors_of(make_doc, "The Assad regime attacked the town. Later the regime denied it.")
    later = find(actors, "the regime")
    assert (later.country, later.sector) == ("SYR", "GOV")
    assert find(actors, "The Assad regime").name == "Assad regime"


def test_coordinated_demonyms_share_the_head_noun(make_doc):
    actors = actors_of(make_doc, "French and Egyptian warships launched war games.")
    assert (find(actors, "French").country, find(actors, "French").sector) == ("FRA", "MIL")
    subjects = actors_of(make_doc, "Turkey and Russia agreed on Monday.")
    assert [a.sector for a in subjects] == ["GOV", "GOV"]


def test_demonym_opening_an_organisation_name(make_doc):
    actors = actors_of(make_doc, "The Russian Orthodox Church backed the war.")
    assert [(a.text, a.country) for a in actors] == [("The Russian Orthodox Church", "RUS")]


def test_surname_inside_another_name_is_not_matched(make_doc):
    actors = actors_of(make_doc, "Field Marshal Mohammed Hussein Tantawi spoke.", "2011-02-11")
    assert all(a.country != "JOR" for a in actors)


def test_capital_is_an_actor_unless_it_is_where_something_happens(make_doc):
    actors = actors_of(make_doc, "Ankara rejected the plan. Talks were held in Ankara with Turkey.")
    assert [(a.text, a.country) for a in actors] == [("Ankara", "TUR"), ("Turkey", "TUR")]
    in_country = actors_of(make_doc, "Protests spread in Syria.")
    assert [a.country for a in in_country] == ["SYR"]


def test_empty_and_actorless_texts(make_doc):
    assert actors_of(make_doc, "") == []
    assert actors_of(make_doc, "The weather was mild and the harvest good.") == []


def test_dates_are_not_armed_groups(make_doc):
    actors = actors_of(make_doc, "On 21 June and again on May 15 the talks resumed.")
    assert all(a.sector != "REB" for a in actors)


def test_generic_agent_located_by_preposition(make_doc):
    text = "Syria said talks would resume. Security forces in Guinea opened fire on protesters."
    forces = find(actors_of(make_doc, text), "Security forces")
    assert (forces.country, forces.sector) == ("GIN", "COP")
    assert "located in 'Guinea'" in forces.entry


def test_title_in_the_text_beats_an_ended_dated_role(make_doc):
    obama = find(actors_of(make_doc, "President Obama met Moroccan diplomats.", "2000-01-01"), "President Obama")
    assert (obama.country, obama.sector) == ("USA", "GOV")


def test_former_before_a_title_makes_a_former_official(make_doc):
    actors = actors_of(make_doc, "Ousted President Askar Akayev flew from Bishkek to Moscow.", "2005-01-01")
    akayev = next(a for a in actors if "Akayev" in a.text)
    assert (akayev.country, akayev.sector) == ("KGZ", "ELI")


def test_office_and_person_are_one_mention(make_doc):
    actors = actors_of(make_doc, "US Secretary of State John Kerry met his counterpart.", "2015-07-14")
    kerry = find(actors, "US Secretary of State John Kerry")
    assert (kerry.name, kerry.country, kerry.sector) == ("John Kerry", "USA", "GOV")


def test_full_person_name_is_kept_as_written(make_doc):
    actors = actors_of(make_doc, "Mohammad Javad Zarif arrived on Monday.", "2015-07-14")
    assert find(actors, "Mohammad Javad Zarif").name == "Mohammad Javad Zarif"


def test_named_body_ending_on_an_agent_noun_takes_its_sector(make_doc):
    actors = actors_of(make_doc, "The Bush administration declared that China must drop barriers.", "2000-01-01")
    assert find(actors, "The Bush administration").sector == "GOV"


def test_legacy_phoenix_country_codes_become_iso():
    assert split_code("SCGGOV") == ("SRB", "GOV")
    assert split_code("ANGREB") == ("AGO", "REB")
    assert split_code("SCGMNE") == ("MNE", None)  # a member republic of the federation


def test_military_hardware_is_the_military_of_its_country(make_doc):
    tanks = find(actors_of(make_doc, "Israeli tanks fired four shells at the town."), "Israeli tanks")
    assert (tanks.country, tanks.sector) == ("ISR", "MIL")


GROUP_CASES = {  # sentence, article date, mention text -> (country, sector)
    "ethnic group takes the country it lives in": (
        "Ethnic Albanians in south Serbia are demanding autonomy.", "2000-01-01", "Albanians", ("SRB", "CVL")),
    "role noun takes the body it belongs to": (
        "A spokesman for the Syrian rebels said the talks failed.", "2018-09-19", "spokesman", ("SYR", "REB")),
    "opposition groups placed by a preposition": (
        "Opposition groups in Zimbabwe are demanding reforms.", "2018-09-19", "Opposition groups", ("ZWE", "OPP")),
    "demonym on a settlement means its people": (
        "Iran threatened to shell Iraqi towns on Monday.", "2018-09-19", "Iraqi", ("IRQ", "CVL")),
    "demonym on an ethnic group means people": (
        "Thousands of Iraqi Kurds crossed into Turkey last winter.", "2018-09-19", "Iraqi", ("IRQ", "CVL")),
}


@pytest.mark.parametrize("case", sorted(GROUP_CASES))
def test_groups_and_roles_take_their_country_and_sector(make_doc, case):
    text, date, mention, want = GROUP_CASES[case]
    found = find(actors_of(make_doc, text, date), mention)
    assert (found.country, found.sector) == want


def test_weapons_used_as_instruments_are_no_actors(make_doc):
    actors = actors_of(make_doc, "Rebel soldiers used tanks and helicopters.")
    assert [a.text for a in actors] == ["Rebel soldiers"]


def test_adjectives_between_a_country_and_its_agent_keep_one_mention(make_doc):
    actors = actors_of(make_doc, "Irish nationalist guerrillas wounded two British soldiers.")
    guerrillas = find(actors, "Irish nationalist guerrillas")
    assert (guerrillas.country, guerrillas.sector) == ("IRL", "REB")


def test_country_written_after_a_person_is_his(make_doc):
    hassan = find(actors_of(make_doc, "King Hassan of Morocco was quoted today.", "2000-01-01"), "King Hassan")
    assert (hassan.country, hassan.sector) == ("MAR", "GOV")
