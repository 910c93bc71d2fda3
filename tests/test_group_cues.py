"""Two mentions of one sentence: one act told twice only when one trigger hangs on the other; the words that
mark another occurrence; dates shared only when written (`events.group_cues`, `events.same_happening`)."""

from __future__ import annotations

import datetime as dt

from dateline.events.group import Cues, cluster, mention_cues, mentions_of, sentence_ordinals
from dateline.events.same_happening import clash, pair_features
from dateline.events.sentence_ties import tied_in_sentence
from dateline.model import Event, Evidence, Party

DAY = dt.date(2018, 9, 19)


def _at(text: str, word: str, type_: str = "ASSAULT", last: bool = False, **fields) -> Event:
    """An event of `type_` triggered by the first (or the `last`) `word` of `text`, the whole text its sentence."""
    start = text.rindex(word) if last else text.index(word)
    return Event(id=f"{word}@{start}", type=type_, **fields,
                 evidence=Evidence(sentence=text, start=0, end=len(text), trigger=word, trigger_start=start,
                                   trigger_end=start + len(word)))


def _tied(make_doc, text: str, first: str, second: str) -> bool:
    doc = make_doc(text)
    events = [_at(text, first), _at(text, second)]
    cues = [mention_cues(e, doc.parsed) for e in events]
    a, b = mentions_of(events, cues, DAY)
    return tied_in_sentence(a, b)


def test_a_noun_and_the_clause_or_participle_telling_what_it_did_are_tied(make_doc) -> None:
    assert _tied(make_doc, "The explosion that killed eleven workers shook the coast.", "explosion", "killed")
    assert _tied(make_doc, "The rig exploded on Tuesday, killing eleven workers.", "exploded", "killing")
    assert _tied(make_doc, "Police imposed a curfew on the town.", "imposed", "curfew")


def test_coordinated_or_subordinate_clauses_with_their_own_subject_are_not_tied(make_doc) -> None:
    assert not _tied(make_doc, "The premier cautioned that the count is wrong, and other aides warned that the "
                               "delay persists.", "cautioned", "warned")
    assert not _tied(make_doc, "Since the rig exploded, the authorities have found hundreds of dead birds.",
                     "exploded", "found")
    assert not _tied(make_doc, "Asked about the strike, the minister said the army would respond.", "Asked", "said")


def test_a_trigger_phrase_leaves_out_the_clauses_that_tell_other_acts(make_doc) -> None:
    text = "The premier cautioned that the count is wrong, and other aides warned that the delay persists."
    doc = make_doc(text)
    cautioned = mention_cues(_at(text, "cautioned", "THREATEN"), doc.parsed)
    assert "premier" in cautioned.arguments
    assert not cautioned.arguments & {"aide", "delay"}


def _pair(cues: list[Cues]) -> list[list[int]]:
    events = [Event(id=f"e{c.token}", type="THREATEN", confidence=0.6,
                    evidence=Evidence(sentence="s", start=0, end=90, trigger=c.trigger, trigger_start=c.token,
                                      trigger_end=(c.token or 0) + 5)) for c in cues]
    return [members for members, _ in cluster(events, cues, DAY)]


def test_two_clauses_of_one_sentence_are_two_acts_unless_one_hangs_on_the_other() -> None:
    cautioned = Cues(sentence=0, stems=frozenset({"caution"}), trigger="cautioned", ordinal=0, token=2,
                     chain=frozenset({2}))
    warned = Cues(sentence=0, stems=frozenset({"warn"}), trigger="warned", ordinal=0, token=9, chain=frozenset({9}))
    assert _pair([cautioned, warned]) == [[0], [1]]
    hanging = Cues(sentence=0, stems=frozenset({"warning"}), trigger="warning", ordinal=0, token=9,
                   chain=frozenset({9, 2}))
    assert _pair([cautioned, hanging]) == [[0, 1]]


def test_a_word_marking_another_occurrence_on_one_side_counts_against_a_join(make_doc) -> None:
    text = "The envoy had previously visited Ghana. On her fourth visit she met the chiefs. The fourth visit ended."
    doc = make_doc(text)
    events = [_at(text, "visited", "CONSULT"), _at(text, "visit she", "CONSULT"), _at(text, "visit ended", "CONSULT")]
    cues = [mention_cues(e, doc.parsed) for e in events]
    assert [c.markers for c in cues] == [frozenset({"previously"}), frozenset({"fourth"}), frozenset({"fourth"})]
    previously, fourth, again = mentions_of(events, cues, DAY)
    assert pair_features(previously, fourth)["other_occurrence"] == 1.0
    assert pair_features(fourth, again)["other_occurrence"] == 0.0


def test_a_date_counts_as_shared_only_when_a_sentence_writes_it() -> None:
    first = Event(id="a", type="ASSAULT", date="2018-09-19", evidence=Evidence(sentence="s", start=0, end=9,
                                                                             trigger="attack", trigger_start=0))
    second = Event(id="b", type="ASSAULT", date="2018-09-19", evidence=Evidence(sentence="t", start=40, end=49,
                                                                              trigger="attack", trigger_start=40))

    def shared(written: bool) -> float:
        cues = [Cues(sentence=0, stems=frozenset({"attack"}), trigger="attack", ordinal=0, dated=written),
                Cues(sentence=40, stems=frozenset({"attack"}), trigger="attack", ordinal=3, dated=False)]
        a, b = mentions_of([first, second], cues, DAY)
        return pair_features(a, b)["same_date"]

    assert shared(False) == 0.0  # both carry the article's date
    assert shared(True) == 1.0


def test_a_word_marking_another_occurrence_on_one_side_rules_a_join_out(make_doc) -> None:
    text = ("The envoy had earlier met the rebel leaders in Geneva. The meeting with the rebel leaders lasted an hour. "
            "Her second meeting with them is due in Oslo.")
    doc = make_doc(text)
    events = [_at(text, "met the", "CONSULT"), _at(text, "meeting with the", "CONSULT"),
              _at(text, "meeting with them", "CONSULT")]
    earlier, meeting, second = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert clash(pair_features(earlier, meeting))
    assert "second" in second.markers


def test_an_ordinal_on_one_side_only_names_the_occurrence_the_other_tells(make_doc) -> None:
    text = ("The minister arrived in Kabul on her third visit. The visit lasted two days. "
            "On her fourth visit to the city she met the governor.")
    doc = make_doc(text)
    events = [_at(text, "visit.", "CONSULT"), _at(text, "visit lasted", "CONSULT"), _at(text, "visit to", "CONSULT")]
    third, unmarked, fourth = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert (third.markers, unmarked.markers, fourth.markers) == ({"third"}, frozenset(), {"fourth"})
    assert pair_features(third, unmarked)["other_occurrence"] == 0.0  # no weight against a join either
    assert not clash(pair_features(third, unmarked))
    assert clash(pair_features(third, fourth))


def _with_parties(event: Event, actors: list[str]) -> Event:
    event.actors = [Party(name=code, country=code) for code in actors]
    return event


def test_parties_do_not_veto_one_act_told_twice_in_one_sentence_but_do_across_its_clauses(make_doc) -> None:
    # the parse may give the place's country as the discussing party: that says more about the parse than the act
    text = "The health ministers met in Geneva, where the delegates discussed the vaccine plan."
    doc = make_doc(text)
    # each side names two participants, neither set holding the other: the parties clash, the tie wins
    events = [_with_parties(_at(text, "met", "CONSULT"), ["UNO", "FRA"]),
              _with_parties(_at(text, "discussed", "CONSULT"), ["CHE", "DEU"])]
    meeting, discussed = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    features = pair_features(meeting, discussed)
    assert features["tied"] == 1.0 and features["actors_clash"] == 1.0
    assert not clash(features)
    # a side naming one participant of a gathering says nothing against the other's (events/gatherings)
    events = [_with_parties(_at(text, "met", "CONSULT"), ["UNO"]),
              _with_parties(_at(text, "discussed", "CONSULT"), ["CHE"])]
    meeting, discussed = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert pair_features(meeting, discussed)["actors_clash"] == 0.0
    other = "France met Iran in Paris on Monday, and Germany met Iraq in Berlin."
    doc = make_doc(other)
    events = [_with_parties(_at(other, "met Iran", "CONSULT"), ["FRA", "IRN"]),
              _with_parties(_at(other, "met Iraq", "CONSULT"), ["DEU", "IRQ"])]
    first, second = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert pair_features(first, second)["tied"] == 0.0
    assert clash(pair_features(first, second))  # two clauses, other parties: two meetings


def _joined(make_doc, text: str, first: str, second: str, targets: tuple[str, ...] = (),
            type_: str = "ASSAULT") -> bool:
    """Whether `cluster` puts two mentions of one sentence in one group (`targets`: their recipients)."""
    doc = make_doc(text)
    events = [_at(text, first, type_), _at(text, second, type_)]
    for event, code in zip(events, targets, strict=False):
        event.recipients = [Party(name=code, country=code)]
    cues = [mention_cues(e, doc.parsed) for e in events]
    return [members for members, _ in cluster(events, cues, DAY)] == [[0, 1]]


def test_verbs_coordinated_under_one_subject_tell_one_act(make_doc) -> None:
    # the casualties of one attack, told verb by verb: one event, not one per verb
    assert _joined(make_doc, "Armed men killed four farmers and wounded nine others near the well on Sunday.",
                   "killed", "wounded")
    assert _joined(make_doc, "Militants set off two car bombs near the market, killing 17 shoppers and injuring "
                             "about 40.", "set off", "injuring")
    # the toll's figures differ by nature: no sign of two acts
    assert _joined(make_doc, "Militants set off two car bombs near the market, killing 17 shoppers and injuring "
                             "about 40.", "killing", "injuring")
    text = "Raiders burned the granary, looted three shops and abducted two traders in the village."
    assert _joined(make_doc, text, "looted", "abducted")  # two later conjuncts of one verb


def test_coordinated_verbs_with_their_own_subject_or_other_parties_stay_two_acts(make_doc) -> None:
    assert not _joined(make_doc, "Soldiers shelled the camp, and the rebels attacked a convoy.", "shelled", "attacked")
    # one subject, but each act strikes another side: two attacks
    assert not _joined(make_doc, "Turkish jets bombed Kurdish fighters and shelled Syrian army posts.", "bombed",
                       "shelled", ("KUR", "SYR"))
    assert _joined(make_doc, "Turkish jets bombed Kurdish fighters and shelled Syrian army posts.", "bombed",
                   "shelled")
    # the subject of the second verb is its victim: "wounding" and "being wounded" are no one act
    assert not _joined(make_doc, "Guards were shooting at the crowd and being shot at by snipers.", "shooting", "shot")
    assert _joined(make_doc, "Two guards were shot and wounded at the gate.", "shot", "wounded")


def test_coordinated_acts_of_other_types_are_not_read_as_parts_of_one(make_doc) -> None:
    # a list of measures against different people: each its own act
    assert not _joined(make_doc, "The junta jailed two bloggers and put a judge under house arrest.", "jailed",
                       "arrest", type_="COERCE")


def test_coordinated_nouns_are_not_climbed(make_doc) -> None:
    text = "The ministry ordered the arrests and the deportations of the strikers."
    doc = make_doc(text)
    cues = mention_cues(_at(text, "deportations", "COERCE"), doc.parsed)
    assert cues.reach == cues.chain


def test_an_attack_and_the_clause_of_its_moment_are_one_act(make_doc) -> None:
    assert _joined(make_doc, "A shepherd was wounded in the leg when border guards opened fire on the flock.",
                   "wounded", "opened")
    assert _joined(make_doc, "The driver was killed as he shielded the children from the shelling.", "killed",
                   "shelling")
    # other types keep a clause of the same moment apart: two people's acts
    assert not _joined(make_doc, "The mayor praised the plan when the governor endorsed it.", "praised", "endorsed",
                       type_="SUPPORT")


def test_a_definite_noun_placed_by_its_phrase_still_points_back(staged) -> None:
    # "the trial in Boston": the place says which of the story's trials is meant; it is no first mention
    text = ("A judge opened the trial of the former mayor on Monday. Reporters crowded the court. "
            "Witnesses at the trial in Boston described the payments.")
    doc = staged(text)
    event = _at(text, "trial", "ACCUSE", last=True)
    assert mention_cues(event, doc.parsed, places=doc.places).definite
    assert not mention_cues(event, doc.parsed).definite  # without the article's places, a phrase introduces


def test_a_definite_noun_introduced_by_a_phrase_that_names_no_place_is_a_first_mention(staged) -> None:
    text = "The request of the committee for documents was refused in Boston."
    doc = staged(text)
    event = _at(text, "request", "REQUEST")
    assert not mention_cues(event, doc.parsed, places=doc.places).definite


def _count_pair(make_doc, text: str, first: str, second: str) -> tuple[Cues, Cues, bool]:
    doc = make_doc(text)
    events = [_at(text, first), _at(text, second, last=True)]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    a, b = mentions_of(events, cues, DAY)
    return cues[0], cues[1], clash(pair_features(a, b))


def test_a_mention_counting_several_acts_is_not_one_of_them(make_doc) -> None:
    # "two deadly bombings" names two happenings; "the bombing" later is one of them, not both
    several, one, ruled_out = _count_pair(make_doc, "The city has suffered two deadly bombings this year. "
                                          "The bombing killed nine people.", "bombings", "bombing")
    assert (several.count, one.count) == (2, 1)
    assert ruled_out


def test_an_uncounted_plural_or_a_verb_says_nothing_of_how_many(make_doc) -> None:
    verb, plural, ruled_out = _count_pair(make_doc, "Gunmen attacked the market on Monday. "
                                          "The attacks killed nine people.", "attacked", "attacks")
    assert (verb.count, plural.count) == (None, None)
    assert not ruled_out


def _first_and_last_inquiry(make_doc, text: str) -> tuple[list[Event], list[Cues]]:
    """The first and the last "inquiry" of `text` as ACCUSE mentions, with their cues."""
    doc = make_doc(text)
    events = [_at(text, "inquiry", "ACCUSE", last=last, confidence=0.6) for last in (False, True)]
    return events, [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]


def test_a_passage_printed_twice_is_one_happening_however_far_apart(make_doc) -> None:
    # a pull quote and the body's quote: the same words before the same trigger, twenty sentences apart
    quote = "All the firms on the project should face an inquiry"
    filler = " ".join(f"Crews worked on section {n} of the line." for n in range(20))
    text = f'"{quote}," the senator said. {filler} He added: "{quote}."'
    events, cues = _first_and_last_inquiry(make_doc, text)
    assert cues[0].leading == cues[1].leading
    assert [members for members, _ in cluster(events, cues, DAY)] == [[0, 1]]


def test_the_same_word_after_other_words_is_no_passage_printed_twice(make_doc) -> None:
    filler = " ".join(f"Crews worked on section {n} of the line." for n in range(20))
    text = f"The senator demanded an inquiry into the firms. {filler} The mayor ruled out any inquiry into the police."
    events, cues = _first_and_last_inquiry(make_doc, text)
    assert cues[0].leading != cues[1].leading
    assert [members for members, _ in cluster(events, cues, DAY)] == [[0], [1]]


def test_a_shared_day_is_no_shared_name(make_doc) -> None:
    # the day is `same_date`'s to read; as a name around the trigger it made two attacks of one day look like one
    text = "Three soldiers died in two attacks on Wednesday. Gunmen killed a judge in Basra on Wednesday."
    doc = make_doc(text)
    events = [_at(text, "attacks"), _at(text, "killed")]
    cues = [mention_cues(e, doc.parsed, sentence_ordinals(doc.parsed)) for e in events]
    assert "wednesday" not in cues[0].arguments | cues[1].arguments
    assert "wednesday" not in cues[0].words
    a, b = mentions_of(events, cues, DAY)
    assert pair_features(a, b)["shared_arguments"] == 0.0


def test_an_act_and_the_occasion_it_was_told_in_are_two_happenings(make_doc) -> None:
    text = "A patrol walked into a roadside ambush during the assault on the river town last spring."
    doc = make_doc(text)
    events = [_at(text, "ambush"), _at(text, "assault")]
    ambush, assault = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert assault.occasion_of is not None and ambush.occasion_of is None
    features = pair_features(ambush, assault)
    assert features["occasion_of_other"] == 1.0 and clash(features)


def test_an_act_with_no_occasion_phrase_is_no_occasion_of_another(make_doc) -> None:
    text = "A patrol walked into a roadside ambush, and the assault on the river town began at dawn."
    doc = make_doc(text)
    events = [_at(text, "ambush"), _at(text, "assault")]
    ambush, assault = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert pair_features(ambush, assault)["occasion_of_other"] == 0.0


def test_a_noun_put_in_another_place_by_its_adverb_tells_another_occurrence(make_doc) -> None:
    text = ("Students marched through the capital on Friday. Protests there have been smaller than in the north. "
            "The exiles heard that the protests back home had grown. Hundreds of exiles then gathered there.")
    doc = make_doc(text)
    events = [_at(text, "marched", "PROTEST"), _at(text, "Protests there", "PROTEST"),
              _at(text, "protests back", "PROTEST"), _at(text, "gathered", "PROTEST")]
    marched, there, home, gathered = mentions_of(events, [mention_cues(e, doc.parsed) for e in events], DAY)
    assert (there.markers, home.markers) == ({"there"}, {"home"})
    assert gathered.markers == frozenset()  # on a verb, "there" is the place just named, as often the story's own
    assert clash(pair_features(marched, there)) and clash(pair_features(marched, home))
    assert not clash(pair_features(marched, gathered))
