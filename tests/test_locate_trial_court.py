"""A trial's acts are placed at the court the article names for the trial, before or after the sentence that names
it; an article naming two court towns, a sentence of no trial, or one naming a town elsewhere gives none.
Sentences written for these tests."""

from __future__ import annotations

from stage_run import event_telling, extracted

#: A trial story whose court's town is named only in its third sentence.
TRIAL = ("Prosecutors accused the former mayor of taking bribes from a builder as the jury heard closing "
         "arguments on Tuesday. The defendant denies every charge. Supporters of the mayor rallied outside the "
         "Denver courthouse, where the verdict is due next week.")


def _where(doc, trigger: str) -> str | None:
    location = event_telling(doc, trigger).location
    return location.name if location else None


def test_an_accusation_in_court_takes_the_court_named_later(nlp) -> None:
    doc = extracted(nlp, TRIAL)
    assert _where(doc, "accused") == "Denver"
    assert "the court of the trial" in (event_telling(doc, "accused").location.basis or "")


def test_a_court_in_a_town_is_read_as_the_seat(nlp) -> None:
    text = ("The jury convicted the smuggler of bribing customs officers on Friday. His trial at a court in Houston "
            "lasted three weeks.")
    assert _where(extracted(nlp, text), "convicted") == "Houston"


def test_two_court_towns_give_none(nlp) -> None:
    text = TRIAL + " A second trial of the builder opened in a court in Houston on Monday."
    assert _where(extracted(nlp, text), "accused") is None


def test_a_sentence_of_no_trial_is_not_placed_at_the_court(nlp) -> None:
    text = ("The minister accused the former mayor of taking bribes from a builder on Tuesday. Supporters of the "
            "mayor rallied outside the Denver courthouse, where the verdict is due next week.")
    assert _where(extracted(nlp, text), "accused") is None


def test_a_sentence_naming_another_town_is_not_placed_at_the_court(nlp) -> None:
    text = ("Prosecutors in Chicago accused the former mayor of taking bribes as the jury heard closing arguments on "
            "Tuesday. Supporters of the mayor rallied outside the Denver courthouse.")
    assert _where(extracted(nlp, text), "accused") != "Denver"


def test_the_court_outweighs_the_dateline_town(nlp) -> None:
    text = ("CHICAGO (AP) -- Prosecutors accused the former mayor of taking bribes as the jury heard closing arguments "
            "on Tuesday. Supporters rallied outside the Denver courthouse.")
    assert _where(extracted(nlp, text), "accused") == "Denver"


def test_a_trial_in_another_clause_does_not_make_the_act_the_trials(nlp) -> None:
    text = ("The governor accused the builder of fraud on Monday while the trial of the former mayor went on. "
            "Supporters rallied outside the Denver courthouse.")
    assert _where(extracted(nlp, text), "accused") is None


def test_many_suits_are_not_placed_at_the_court_that_joined_them(nlp) -> None:
    text = ("Lawyers for the defendants answered the lawsuits against the refinery on Monday. The cases were joined "
            "in a federal court in Denver.")
    doc = extracted(nlp, text)
    suits = [e for e in doc.events if any(m.trigger == "lawsuits" for m in [e.evidence, *e.mentions])]
    assert suits and all(e.location is None or e.location.name != "Denver" for e in suits)
