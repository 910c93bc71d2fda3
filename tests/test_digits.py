"""A number in digits is read by one rule wherever a stage reads one (`words.decimal_number`): decimal digits of any
script, as `int` reads them and the time patterns' `\\d` matches them. An article written with Arabic-Indic digits
reads, through `dateline extract`, as the same article with ASCII digits does: its counts ("٢ attacks" is two, not
one, so "the attack" told after it is another happening) and its lengths ("٣ days"). (The time patterns' days and
years, "١٥ September", "٢٠١٨", are still ASCII-led: `[0-3]?\\d`, `1[0-9]\\d\\d`.) Sentences written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.words import decimal_number, number_of

TEXT = ("Rebels carried out 2 attacks on the army base in Homs on Monday. The attack killed three soldiers. "
        "Troops left the town 3 days later.")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _read(tmp_path: Path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(f"date 2018-09-19\n{text}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl", "--min-confidence", "0"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.splitlines()[0])


def _reading(record: dict) -> tuple[list, list]:
    """What the article says, apart from its text: each time's span and value, each event's type, trigger span and
    date."""
    return ([(t["start"], t["end"], t["type"], t["value"]) for t in record["timexes"]],
            [(e["type"], e["evidence"]["start"], e["date"], e.get("date_mod")) for e in record["events"]])


def test_arabic_indic_digits_read_as_ascii_digits_through_extract(tmp_path: Path) -> None:
    ascii_record = _read(tmp_path, "ascii.txt", TEXT)
    arabic_record = _read(tmp_path, "arabic.txt", TEXT.translate(ARABIC_INDIC))
    assert "٢" in arabic_record["article"]["text"]
    assert _reading(arabic_record) == _reading(ascii_record)
    assert len(ascii_record["events"]) >= 2  # "2 attacks" and "the attack" that killed: two happenings


def test_one_rule_for_a_number_in_digits() -> None:
    assert decimal_number("12") == decimal_number("١٢") == number_of("١٢") == 12
    assert decimal_number("²") is None and decimal_number("1,000") is None and decimal_number("") is None
    assert number_of("twelve") == 12
