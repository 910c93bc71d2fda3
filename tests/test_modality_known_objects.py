"""A known act that is the object of a modal, future or intended verb keeps its own status, unless the verb brings
it about (`events.modality`, `events.modality_scope.known_object_of`)."""

from __future__ import annotations

from dateline.events.modality import trigger_modality
from stage_run import told_as_fact

UPRISING = "An uprising broke out in the north in May. "
INQUIRY = "Police opened an inquiry into the fire. "


def _modality(make_doc, text: str, trigger: str, events: tuple[str, ...] = ()):
    doc = make_doc(text)
    return trigger_modality(_last(doc, trigger), frozenset(_last(doc, word).i for word in events))


def _last(doc, word: str):
    """The last token spelled `word` (the retelling, after the act was first told)."""
    return [t for t in doc.parsed if t.text == word][-1]


def test_a_known_act_under_a_modal_verb_that_does_not_make_it_stays_a_fact(make_doc) -> None:
    text = UPRISING + "The colonel told reporters that his soldiers can prevail against that uprising."
    found = _modality(make_doc, text, "uprising", ("prevail",))
    assert told_as_fact(found), found
    assert _modality(make_doc, text, "prevail").hypothetical


def test_a_known_act_under_a_future_verb_that_does_not_make_it_stays_a_fact(make_doc) -> None:
    text = INQUIRY + "The interior ministry will assist the inquiry."
    found = _modality(make_doc, text, "inquiry", ("assist",))
    assert told_as_fact(found), found
    assert _modality(make_doc, text, "assist").future


def test_a_known_act_as_the_object_of_an_intended_event_stays_a_fact(make_doc) -> None:
    text = INQUIRY + "The mayor sent two detectives to support the inquiry."
    found = _modality(make_doc, text, "inquiry", ("support",))
    assert told_as_fact(found), found


def test_a_known_act_served_by_an_irrealis_verb_stays_a_fact(make_doc) -> None:
    text = INQUIRY + "The governor sent two detectives to help the inquiry."
    assert told_as_fact(_modality(make_doc, text, "inquiry", ("help",)))
    text = "Crowds gathered for the release of the prisoners. The governor sent two envoys to demand the release."
    assert not told_as_fact(_modality(make_doc, text, "release", ("demand",)))


def test_an_act_named_only_once_keeps_the_verbs_status(make_doc) -> None:
    text = "The colonel told reporters that his soldiers can prevail against that uprising."
    assert _modality(make_doc, text, "uprising", ("prevail",)).hypothetical


def test_a_verb_that_brings_its_object_about_keeps_it_intended(make_doc) -> None:
    text = "The rebels began an offensive in May. They will launch the offensive again before the rains."
    assert _modality(make_doc, text, "offensive").future
    text = "A curfew was imposed on Monday. The governor will extend the curfew."
    assert _modality(make_doc, text, "curfew").future


def test_an_act_not_named_as_known_keeps_the_verbs_status(make_doc) -> None:
    text = UPRISING + "The colonel told reporters that his soldiers can prevail against an uprising."
    assert _modality(make_doc, text, "uprising", ("prevail",)).hypothetical


def test_a_known_act_that_a_verb_takes_part_in_shares_its_status(make_doc) -> None:
    text = "A strike was called for Friday. Nobody knows how many workers might join the strike."
    assert _modality(make_doc, text, "strike").hypothetical
    text = "A summit was announced for June. The premier will attend the summit in Oslo."
    assert _modality(make_doc, text, "summit").future


def test_a_condition_leaves_a_known_object_open(make_doc) -> None:
    text = "Nobody has filed charges yet. He will answer in court if the prosecutor brings these charges."
    assert _modality(make_doc, text, "charges").hypothetical
