"""The story stage: text that is not the story (comments, captions, bylines, notices ...) is marked,
kept in the JSON with its kind and cue, never rewritten, and yields no event."""

from __future__ import annotations

import json

import pytest

from dateline.events.detect import undetected
from dateline.events.verify import unverified
from dateline.model import Document
from dateline.pipeline import process
from dateline.read import read_articles
from dateline.story import mark_story
from dateline.story.cues import cue_pattern
from stage_run import extracted

STORY = "Rebels attacked an army base near the capital on Monday, the defence ministry said."


def excluded(make_doc, text: str) -> list[tuple[str, str]]:
    """(kind, text) of every stretch the stage leaves out of `text`."""
    doc = mark_story(make_doc(text))
    for span in doc.excluded:
        assert text[span.start:span.end] == span.text  # offsets point into the text as given
    return [(span.kind, span.text) for span in doc.excluded]


def test_a_plain_story_loses_nothing(make_doc) -> None:
    text = (f"{STORY} The army said it had repelled the attack and arrested four men.\n\n"
            "Photos of the base were shared on social media, officials said, and a curfew was imposed. "
            "Later, protesters followed the convoy on Twitter and on foot.")
    assert excluded(make_doc, text) == []


def test_a_comment_section_is_left_out_to_the_end(make_doc) -> None:
    text = (f"{STORY}\nWe welcome comments that advance the story through relevant opinion.\n"
            "The government bombed my village too, and nobody cares.\nJust another day.")
    (kind, part), = excluded(make_doc, text)
    assert kind == "comments" and part.startswith("We welcome") and part.endswith("Just another day.")


def test_a_comments_heading_opens_the_comment_section(make_doc) -> None:
    text = f"{STORY}\n\nComments (3)\n\nThe police attacked protesters in my town as well.\n"
    (kind, part), = excluded(make_doc, text)
    assert kind == "comments" and "police attacked" in part


def test_a_comment_signature_opens_the_comment_section(make_doc) -> None:
    text = (f"{STORY}\nMarch 3 , 2011 at 7:06 am | Reply The regime arrested my cousin last year .\n")
    (kind, part), = excluded(make_doc, text)
    assert kind == "comments" and part.endswith("last year .")


def test_share_and_newsletter_lines(make_doc) -> None:
    text = f"{STORY}\nFollow us on Twitter; like us on Facebook.\nSign up for our daily newsletter."
    assert [k for k, _ in excluded(make_doc, text)] == ["share", "share"]


def test_a_line_offering_the_news_by_email_is_left_out(make_doc) -> None:
    text = f"{STORY}\nGet the Harbour Trade News Delivered to Your Inbox Every Morning.\nOr straight to your inbox."
    found = excluded(make_doc, text)
    assert [k for k, _ in found] == ["share", "share"] and "Delivered" in found[0][1]


def test_a_call_out_to_readers_is_left_out(make_doc) -> None:
    text = (f"{STORY}\nWere you caught up in the protests? We want to hear from you.\n"
            "Share your experiences of the curfew: email us at tips@example.com.")
    found = excluded(make_doc, text)
    assert found == [("share", "We want to hear from you."),
                     ("share", "Share your experiences of the curfew: email us at tips@example.com.")]


def test_a_photo_credit_and_its_caption(make_doc) -> None:
    text = (f"Soldiers guard the gate of the base. Picture: Anna Kowalski/AFP\n{STORY}\n"
            "Photograph : Jan Novak/Reuters Troops fired on the crowd , witnesses said .")
    found = excluded(make_doc, text)
    assert ("caption", "Soldiers guard the gate of the base.") in found
    assert ("caption", "Picture: Anna Kowalski/AFP") in found
    assert ("caption", "Photograph : Jan Novak/Reuters") in found  # the sentence after the credit stays
    assert not any("fired" in part for _, part in found)


def test_a_bracketed_credit_takes_the_caption_before_it(make_doc) -> None:
    text = f"The minister visits the camp (Image: Omar Haddad/Getty Images) {STORY}"
    found = excluded(make_doc, text)
    assert ("caption", "The minister visits the camp") in found
    assert not any("Rebels" in part for _, part in found)


def test_bylines_and_reporting_credits(make_doc) -> None:
    text = (f"By the Wire Staff\n{STORY}\n(Reporting by Ann Lee; Editing by Tom Hart)\n"
            "Associated Press writer Mia Park contributed to this report.")
    kinds = [k for k, _ in excluded(make_doc, text)]
    assert kinds == ["byline", "byline", "byline"]


def test_related_stories_and_notices(make_doc) -> None:
    text = (f"{STORY}\nRead more: Army says rebels shelled the airport\n"
            "Copyright 2019 Example News. All rights reserved.\n"
            "We use cookies to improve your experience.")
    kinds = [k for k, _ in excluded(make_doc, text)]
    assert kinds == ["related", "notice", "notice", "notice"]


def test_a_list_of_linked_headlines_with_their_ages(make_doc) -> None:
    text = (f"{STORY}\nCourt halts the port strike, unions appeal - 3 hrs ago Harbour Times Minister attacks "
            "the ferry firm - 45 mins ago Coast Radio")
    assert excluded(make_doc, text) == [("related", text.split("\n")[1])]


def test_an_age_in_a_sentence_of_the_story_stays(make_doc) -> None:
    assert excluded(make_doc, f"{STORY} The siege began 3 hours ago, police said.") == []


def test_a_dateline_prefix_goes_but_its_sentence_stays(make_doc) -> None:
    for prefix in ("BEIRUT (Reuters) - ", "RALEIGH, N.C. (AP) -- ", "Kabul , Afghanistan ( CNN ) -- "):
        (kind, part), = excluded(make_doc, prefix + STORY)
        assert kind == "dateline" and part == prefix.strip()


def test_a_page_timestamp_but_not_a_time_in_a_sentence(make_doc) -> None:
    text = f"Tuesday 4 March 2014 10.31 GMT\n{STORY} Voting closes on March 9 at 10 p.m. EDT ."
    assert excluded(make_doc, text) == [("timestamp", "Tuesday 4 March 2014 10.31 GMT")]


def test_a_pasted_post_and_a_menu_line(make_doc) -> None:
    text = f"Home | World | Middle East\n{STORY}\nRT @newsdesk : troops enter the city 9:41 PM\n"
    kinds = [k for k, _ in excluded(make_doc, text)]
    assert kinds == ["navigation", "social"]


def test_a_repeated_sentence_is_read_once(make_doc) -> None:
    text = f"{STORY}\nThe ministry gave no figures.\n{STORY}"
    (span,) = mark_story(make_doc(text)).excluded
    assert span.kind == "repeated" and (span.start, span.end) == (text.rindex(STORY), len(text))


def test_cue_words_are_whole_words() -> None:
    import re

    pattern = re.compile(cue_pattern("follow <any> on twitter"), re.IGNORECASE)
    assert pattern.search("Follow Lemire on Twitter")
    assert not pattern.search("The coach later followed the player on Twitter")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The same story with a comment section, as plain text, JSON Lines and an HTML page."""
    folder = tmp_path_factory.mktemp("story")
    comment = "Views expressed in the comments do not represent those of the site."
    reader = "The army attacked our village and burned the houses."
    (folder / "a.txt").write_text(f"date 2019-03-04\n{STORY}\n{comment}\n{reader}\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"date": "2019-03-04", "text": f"{STORY}\n{comment}\n{reader}"}) + "\n",
                                    encoding="utf-8")
    (folder / "c.html").write_text(
        "<html><head><title>Attack</title><meta property='article:published_time' content='2019-03-04'></head>"
        f"<body><article><h1>Attack</h1><p>{STORY}</p><p>{comment}</p><p>{reader}</p></article></body></html>",
        encoding="utf-8")
    return [folder / name for name in ("a.txt", "b.jsonl", "c.html")]


def test_every_input_format_gets_no_event_from_a_comment(inputs) -> None:
    docs: list[Document] = list(process(read_articles(inputs)))
    assert len(docs) == 3
    for doc in docs:
        assert [span.kind for span in doc.excluded] == ["comments"]
        sentences = [event.evidence.sentence for event in doc.events]
        assert any("Rebels attacked" in s for s in sentences)
        assert not any("burned" in s or "our village" in s for s in sentences)
        assert doc.to_json()["excluded"][0]["cue"] == "views expressed in the comments"
        assert Document.from_json(doc.to_json()).excluded == doc.excluded


@pytest.mark.parametrize("caption", [
    "Students wave flags outside the parliament in Tunis on Jan. 12 , 2011 .",
    "A soldier searches a car at a checkpoint outside Kandahar , Tuesday , March 2 , 2010 .",
    "Riot police are seen outside the interior ministry in Cairo January 25 , 2011 .",
])
def test_a_present_tense_sentence_ending_in_a_past_date_is_a_caption(make_doc, caption: str) -> None:
    assert excluded(make_doc, f"{caption}\n{STORY}") == [("caption", caption)]


@pytest.mark.parametrize("sentence", [
    "Police detained the blogger in Tunis on Jan. 12 , 2011 .",  # told in the past: story
    "The court hears the appeal in The Hague on October 4 , 2018 .",  # dated after the article: a schedule
    "The charge relates to a raid on a village near Kandahar on March 2 , 2010 .",  # the raid's date, not the verb's
    "12 January 2011 The army takes control of the capital .",  # a timeline's entry opens with its date
])
def test_a_story_sentence_ending_in_a_date_is_no_caption(make_doc, sentence: str) -> None:
    assert excluded(make_doc, f"{sentence}\n{STORY}") == []


def test_a_caption_without_a_credit_yields_no_event(nlp) -> None:
    text = ("Students , holding pictures of a jailed blogger , demonstrate outside the parliament in Tunis on "
            "Jan. 12 , 2011 .\nPolice arrested four students in Tunis on Friday.")
    with unverified(), undetected():
        doc = extracted(nlp, text, "2011-01-15")
    assert [e.evidence.trigger for e in doc.events] == ["arrested"]
