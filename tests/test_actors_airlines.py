"""Airlines in the actor dictionary, with their home country (issue 9, parties).

Phoenix lists thousands of companies but hardly any flag carrier, so an act on an airline's plane had no
party for the airline: "searched a Lufthansa plane" left the recipient empty, or let the act's place stand
in for it. `tools/build_airlines.py` takes the airlines OpenFlights marks active (with an IATA code) and
their home country; `tools/build_actors.py` adds only the spellings nothing else takes. Every sentence is
written for its test.
"""

from __future__ import annotations

from build_actors import Compiler, Geography, read_airlines
from build_airlines import airline_rows, spellings
from phoenix_files import Block
from stage_run import candidates, event_at

#: A few ordinary words, standing in for WordNet's index.
WORDS = {"hello", "regional", "mango"}


# The extraction: which OpenFlights rows and spellings are kept.

def test_the_brand_is_the_callsign_that_opens_a_longer_name():
    assert spellings("Aeroflot Russian Airlines", "AEROFLOT", WORDS) == ["Aeroflot Russian Airlines", "Aeroflot"]
    assert spellings("British Airways", "SPEEDBIRD", WORDS) == ["British Airways"]


def test_a_name_that_is_one_ordinary_word_is_dropped_even_with_an_accent_or_a_note():
    assert spellings("Hello", "FLYHELLO", WORDS) == []
    assert spellings("Régional", "REGIONAL", WORDS) == []
    assert spellings("Mango (Comair)", "TULCA", WORDS) == []  # the note in brackets is no part of the name


def test_a_short_single_word_is_no_spelling_of_its_own():
    assert spellings("Copa Airlines", "COPA", WORDS) == ["Copa Airlines"]  # "Copa America" is football
    assert spellings("EVA Air", "EVA", WORDS) == ["EVA Air"]  # "EVA" is also extravehicular activity


def test_only_active_airlines_with_a_code_and_a_known_country_are_kept():
    codes = {"germany": "DEU", "russia": "RUS"}
    rows = [["3320", "Lufthansa", "\\N", "LH", "DLH", "LUFTHANSA", "Germany", "Y"],
            ["9", "Old Air", "\\N", "OA", "OLD", "OLDAIR", "Germany", "N"],  # not active
            ["10", "Charter Air", "\\N", "", "CHR", "CHARTER", "Russia", "Y"],  # no IATA code
            ["11", "Lost Air", "\\N", "LA", "LST", "LOST", "Atlantis", "Y"]]  # country unknown: not guessed
    assert airline_rows(rows, codes, WORDS) == [("Lufthansa", "MNCDEU", "LH", "3320")]


# The build: an airline gets only the spellings that name nothing else.

def test_the_build_leaves_a_spelling_that_names_a_place_or_an_actor_to_it(tmp_path):
    compiler = Compiler(Geography(countries={"CHN": "China", "QAT": "Qatar"}, iso2={},
                                  places={"CHN": {("hainan",)}}, capitals=set()))
    compiler.add_block(Block("AL_JAZEERA_", "test", roles=[["QATMED", None, None, ""]]))
    compiler.add_block(Block("DELTA_AIR_LINES_", "test", roles=[["MNCUSA", None, None, ""]]))
    compiler.add_block(Block("THE_EMIRATES_", "test", roles=[["ARE", None, None, ""]]))
    table = tmp_path / "airlines.tsv"
    table.write_text("# header\nHainan\tMNCCHN\tHU\t1\nJazeera Airways|Jazeera\tMNCKWT\tJ9\t2\n"
                     "Delta Air Lines\tMNCUSA\tDL\t3\nLufthansa\tMNCDEU\tLH\t4\nEmirates\tMNCARE\tEK\t5\n",
                     encoding="utf-8")
    assert read_airlines(table, compiler) == 2
    assert ("emirates",) not in compiler.phrases  # "the Emirates" is the country
    assert ("hainan",) not in compiler.phrases  # a province, not an airline
    assert ("jazeera",) not in compiler.phrases  # the bare word of Al Jazeera
    assert ("jazeera", "airways") in compiler.phrases
    assert len(compiler.phrases[("delta", "air", "lines")]) == 1  # Phoenix's entry alone
    assert compiler.entries[compiler.phrases[("lufthansa",)][0][1]][3][0][0] == "MNCDEU"


# The shipped dictionary, through the pipeline.

def test_the_airline_whose_plane_is_searched_is_the_recipient_with_its_country(nlp):
    doc = candidates(nlp, "Egyptian police searched a Lufthansa plane at Cairo airport on Tuesday.")
    event = event_at(doc, "searched")
    assert [(p.country, p.sector) for p in event.recipients] == [("DEU", "BUS")]


def test_a_brand_named_at_the_start_of_a_sentence_is_its_company(staged):
    doc = staged("Aeroflot cancelled its flights to Cairo after the crash.")
    assert [(a.text, a.country, a.sector) for a in doc.actors if a.text == "Aeroflot"] == [("Aeroflot", "RUS", "BUS")]


def test_an_ordinary_word_opening_a_sentence_is_no_airline(staged):
    doc = staged("Regional leaders met in Lagos to discuss the border.")
    assert not any(a.sector == "BUS" for a in doc.actors)


def test_an_airline_name_in_lower_case_is_any_airline(staged):
    doc = staged("Global airlines cut flights to Mexico City as the virus spread.")
    assert not any(a.sector == "BUS" and a.country not in (None, "MEX") for a in doc.actors)


def test_an_airline_name_that_is_a_persons_surname_stays_the_person(staged):
    doc = staged("The estimate comes from Charles Colgan, an economist at a state university.")
    assert all(a.sector != "BUS" for a in doc.actors if "Colgan" in a.text)


def test_a_company_name_ending_in_a_generic_noun_is_not_a_shorter_form_of_another(staged):
    doc = staged("China Southern Airlines cleaned its cabins. A student flew home on a Singapore Airlines flight.")
    assert [a.country for a in doc.actors if a.text == "Singapore Airlines"] == ["SGP"]
