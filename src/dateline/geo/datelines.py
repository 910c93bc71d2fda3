"""Datelines written in capitals: "NEW DELHI: The court ...", "ST. LOUIS – Police said ...".

Wire stories open with the place they were filed from, in capitals. spaCy's small model
reads capitals badly: it tags "NEW" as an adjective and "OKLAHOMA" as a verb, and leaves
the words out of every entity, so the ordinary recognition never sees these names. Here a
run of capitalised words at the start of the text or of a paragraph, closed by a dateline
mark (",", ":", "(", a dash), is read as one or more places ("TIJUANA & SAN DIEGO,") when
the gazetteer knows the name.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.mentions import Mention

#: What closes the place of a dateline: "SAN DIEGO (AP) -", "BEIRUT, Lebanon —", "NEW DELHI:".
DATELINE_MARKS = frozenset({"(", ",", "-", "–", "—", ":"})
#: Words that join two places of one dateline ("TIJUANA & SAN DIEGO").
JOINERS = frozenset({"&", "AND"})
#: "NAME:" opens a dateline ("NEW DELHI:") or a speaker's words in a transcript ("JEWELL:"):
#: only these kinds of place, or towns this big, are taken for a dateline there.
SPEAKER_PROOF_CODES = frozenset({"PCLI", "ADM1", "PPLC"})
SPEAKER_PROOF_POPULATION = 10_000
#: The first capital letter of the text or of a line.
PARAGRAPH_START = re.compile(r"(?:\A|\n)[^\S\n]*(?=[A-Z])(\w)")
#: Longest place name looked for in a dateline, in words.
MAX_WORDS = 4


def dateline_places(parsed: Any, gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
    """Places named by capitalised datelines that no accepted mention already covers."""
    covered = {i for m in taken for i in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for start in _paragraph_starts(parsed):
        end = _capitals_end(parsed, start)
        if end == start or end >= len(parsed) or parsed[end].text not in DATELINE_MARKS:
            continue
        for piece_start, piece_end in _pieces(parsed, start, end):
            if any(i in covered for i in range(piece_start, piece_end)):
                continue
            span = parsed[piece_start:piece_end]
            if dateline_name(span.text, parsed[end].text, gazetteer):
                found.append(Mention(span.text, span.start_char, span.end_char, piece_start, piece_end,
                                     strong=True, label="GPE"))
    return found


def dateline_name(name: str, mark: str, gazetteer: Gazetteer) -> bool:
    """True when the gazetteer knows the name; before a colon, only as a country, a
    province or a sizeable town ("JEWELL:" opens a speaker's answer in a transcript)."""
    readings = [c for c in gazetteer.lookup(name) if c.match >= 1.0]
    if mark != ":":
        return bool(readings)
    return any(c.feature_code in SPEAKER_PROOF_CODES or c.population >= SPEAKER_PROOF_POPULATION for c in readings)


def _paragraph_starts(parsed: Any) -> list[int]:
    """Token indexes of the first word of the text and of each paragraph, where that word
    is capitalised (found in the text, not token by token: most paragraphs are skipped)."""
    starts = []
    for match in PARAGRAPH_START.finditer(parsed.text):
        span = parsed.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and (not starts or starts[-1] != span.start):
            starts.append(span.start)
    return starts


def _capitals_end(parsed: Any, start: int) -> int:
    """The end of the run of capitalised words (with dots and joiners) that opens at `start`."""
    end = start
    while end < len(parsed) and end - start < 2 * MAX_WORDS:
        text = parsed[end].text
        if not (text in JOINERS or text == "." or (text.isupper() and text.replace(".", "").isalpha())):
            break
        end += 1
    while end > start and (parsed[end - 1].text in JOINERS or parsed[end - 1].text == "."):
        end -= 1
    return end


def _pieces(parsed: Any, start: int, end: int) -> list[tuple[int, int]]:
    """The runs between joiners: "TIJUANA & SAN DIEGO" holds two names."""
    pieces, piece_start = [], start
    for i in range(start, end + 1):
        if i == end or parsed[i].text in JOINERS:
            if i > piece_start and i - piece_start <= 2 * MAX_WORDS:
                pieces.append((piece_start, i))
            piece_start = i + 1
    return pieces
