"""Three page shapes the story stage reads as not the story: a caption on the line above a credit that opens its line
(`story.captions_above`), a list of other stories' headlines run into the story (`story.headline_lists`) and a photo
gallery (`story.galleries`). Every sentence here is invented."""

from __future__ import annotations

from dateline.story import mark_story

STORY = "The inquiry heard on Tuesday that the ferry had sailed without its safety certificate ."
STAMP = "Tuesday 4 May 2010 09.12 BST"


def excluded(make_doc, text: str) -> list[tuple[str, str]]:
    """(kind, text) of every stretch the stage leaves out of `text`."""
    return [(span.kind, span.text) for span in mark_story(make_doc(text)).excluded]


def kinds_over(make_doc, text: str, piece: str) -> set[str]:
    """The kinds of the excluded stretches that hold the whole of `piece`."""
    start = text.index(piece)
    return {span.kind for span in mark_story(make_doc(text)).excluded
            if span.start <= start and start + len(piece) <= span.end}


def test_a_caption_after_the_page_stamp_above_a_credit_line_is_a_caption(make_doc) -> None:
    caption = "Ministers leave a meeting with the ferry operators in Rome last week ."
    text = (f"Ferry inquiry opens in Bari Owners deny cutting corners {STAMP} {caption}\n"
            f"Photograph : Ana Ruiz/AP {STORY}")
    assert ("caption", caption) in excluded(make_doc, text)
    assert "caption" not in kinds_over(make_doc, text, STORY)


def test_a_caption_over_two_lines_after_the_stamp_is_all_caption(make_doc) -> None:
    lines = "Divers inspect the hull off Brindisi .\nThe ferry sank in calm water ."
    text = f"Ferry inquiry opens in Bari {STAMP} {lines}\nPhotograph : Ana Ruiz/AP {STORY}"
    assert ("caption", lines) in excluded(make_doc, text)


def test_the_last_sentence_above_a_credit_line_is_a_caption_without_a_stamp(make_doc) -> None:
    caption = "Protesters march past the port authority in Bari ."
    text = f"{STORY}\n{caption}\nPhotograph : Ana Ruiz/AP The owners said they would appeal ."
    assert kinds_over(make_doc, text, caption) == {"caption"}
    assert kinds_over(make_doc, text, STORY) == set()


def test_a_long_paragraph_above_a_credit_line_stays_story(make_doc) -> None:
    paragraph = ("The transport minister told parliament on Wednesday that the ferry operator had ignored three "
                 "warnings from the coastguard about its lifeboats and would face a fine of several million euros , "
                 "and that two of its managers had been questioned by prosecutors in Bari .")
    assert len(paragraph) > 220
    text = f"{STORY}\n{paragraph}\nPhotograph : Ana Ruiz/AP The owners said they would appeal ."
    assert kinds_over(make_doc, text, paragraph) == set()


def test_a_credit_inside_a_line_takes_no_caption_from_the_line_above(make_doc) -> None:
    text = f"{STORY}\nThe owners said they would appeal , Photograph : Ana Ruiz/AP said ."
    assert kinds_over(make_doc, text, STORY) == set()


def test_the_lede_after_a_dateline_above_a_credit_line_stays_story(make_doc) -> None:
    lede = "Police arrested two men on Tuesday after a protest outside the town hall ."
    second = "The men were held overnight , a spokesman said ."
    text = (f"LYON ( Reuters ) - {lede}\n{second}\n"
            "Photograph : Ana Ruiz/AP Farmers marched again on Wednesday .")
    assert kinds_over(make_doc, text, lede) == set()
    assert kinds_over(make_doc, text, second) == set()


HEADLINES = "Storm floods Dhaka suburbs ; rail strike ends in Lyon ; summer salads"


def test_a_headline_list_run_into_the_story_is_related(make_doc) -> None:
    text = f"{HEADLINES} Rebels attacked an army base near the capital on Monday .\n{STORY}"
    assert ("related", HEADLINES) in excluded(make_doc, text)
    assert "related" not in kinds_over(make_doc, text, "attacked an army base")


def test_a_story_sentence_with_semicolons_is_story(make_doc) -> None:
    sentence = ("Rebels attacked a base ; soldiers fired back ; two villages were emptied by nightfall , the army "
                "said .")
    text = f"{sentence}\n{STORY}"
    assert excluded(make_doc, text) == []


def test_a_lede_listing_its_items_with_semicolons_is_story(make_doc) -> None:
    lede = ("Envoys from Chad ; Niger ; and Mali met President Ruiz in Lyon on Monday to discuss the border , "
            "officials said .")
    assert excluded(make_doc, f"{lede}\n{STORY}") == []


def test_two_headlines_are_no_list(make_doc) -> None:
    text = f"Storm floods Dhaka suburbs ; rail strike ends Rebels attacked an army base on Monday .\n{STORY}"
    assert excluded(make_doc, text) == []


GALLERY = ("Farmers across the north are protesting against new water rules .\n"
           "Ana Ruiz/Getty Images A farmer blocks a road with his tractor near Lyon on Monday .\n"
           "Police later cleared the road .\n"
           "Ana Ruiz/Getty Images Farmers burn tyres outside the prefecture .")


def test_lines_opened_by_photo_credits_make_a_gallery(make_doc) -> None:
    marked = mark_story(make_doc(GALLERY)).excluded
    start = GALLERY.index("Ana Ruiz")
    assert [(span.kind, span.start, span.end) for span in marked] == [("caption", start, len(GALLERY))]


def test_one_credit_opening_a_line_is_no_gallery(make_doc) -> None:
    text = "AFP/Getty Images LIMA -- Farmers blocked a road near the capital on Monday , police said .\n" + STORY
    assert "caption" not in kinds_over(make_doc, text, STORY)


def test_place_pairs_with_slashes_make_no_gallery(make_doc) -> None:
    text = ("HOUSTON/LONDON | Mon Jul 19 , 2010 BP said on Monday it would sell assets .\n"
            "HOUSTON/LONDON analysts said the sale was expected .\n" + STORY)
    assert "caption" not in kinds_over(make_doc, text, STORY)


def test_a_story_with_two_pictures_paragraphs_apart_keeps_its_body(make_doc) -> None:
    """Two credit lines with four paragraphs of story between them are two pictures in a story, not a gallery."""
    body = ["The regional council voted on Monday to delay the new water rules by a year .",
            "Farmers' unions welcomed the vote but said they would keep their tractors on the roads .",
            "The agriculture minister is due to meet union leaders in Paris on Thursday .",
            "Police said about 200 tractors had blocked roads around Lyon since the weekend ."]
    text = "\n".join(["Ana Ruiz/Getty Images A farmer blocks a road near Lyon on Monday .", *body,
                      "Ana Ruiz/Getty Images Farmers burn tyres outside the prefecture .", STORY])
    for paragraph in [*body, STORY]:
        assert "caption" not in kinds_over(make_doc, text, paragraph)
    close = "\n".join(["Ana Ruiz/Getty Images A farmer blocks a road near Lyon on Monday .", *body[:3],
                       "Ana Ruiz/Getty Images Farmers burn tyres outside the prefecture .", STORY])
    assert "caption" in kinds_over(make_doc, close, STORY)  # three lines apart: a caption's lines, a gallery
