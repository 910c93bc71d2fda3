"""The time stage: temporal expressions found and normalised to TIMEX3 values.

`tag_timexes(doc)` fills `doc.timexes` relative to the article date; `normalize(text, dct)`
reads one expression on its own. The grammar is spread over small modules by kind of
expression (`rules` absolute dates, `relative`, `periods`, `clock`, `generic`), with the
calendar arithmetic in `calendar`, the words in `lexicon` and tense cues in `tense`.
"""

from dateline.time.tag import find_timexes, normalize, tag_timexes

__all__ = ["find_timexes", "normalize", "tag_timexes"]
