"""The Phoenix (PETRARCH2) `.actors` file format: entries, synonyms and their dated codes.

`tools/build_actors.py` compiles the dictionaries; this module only reads the TABARI-format files:
a primary phrase on an unindented line, `+`-prefixed synonyms, and codes in brackets with an optional
date range ("[TURGOV >030314]").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.actors.text import split_code

BRACKET = re.compile(r"\[([^\]]*)\]")
PARENTHESES = re.compile(r"\([^)]*\)")

@dataclass
class Block:
    """One dictionary entry: a primary phrase, its synonyms and its (dated) codes."""

    primary: str
    source: str
    synonyms: list[str] = field(default_factory=list)
    roles: list[list[Any]] = field(default_factory=list)


def parse_date(text: str) -> int | None:
    """A Phoenix date (YYMMDD or YYYYMMDD, typos tolerated) as a YYYYMMDD int."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        return (2000 + year if year <= 30 else 1900 + year) * 10000 + int(digits[2:])
    if len(digits) >= 8:
        return int(digits[-8:])
    return None


def parse_role(body: str) -> list[Any] | None:
    """A bracket body ("TURGOV >030314") as [code, from, to, spec]; None for no code."""
    parts = body.split(None, 1)
    if not parts or not parts[0].strip("-~"):
        return None
    code, spec = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if not code.isalnum():
        return None
    if not spec:
        return [code, None, None, ""]
    if spec.startswith(">"):
        return [code, parse_date(spec[1:]), None, spec]
    if spec.startswith("<"):
        return [code, None, parse_date(spec[1:]), spec]
    low, _, high = spec.partition("-")
    return [code, parse_date(low), parse_date(high), spec]


def roles_in(text: str) -> list[list[Any]]:
    """Every role written in brackets on one line."""
    return [r for r in (parse_role(b) for b in BRACKET.findall(text)) if r]


def parse_actor_file(path: Path) -> list[Block]:
    """Read a TABARI/PETRARCH `.actors` file into blocks (comments dropped)."""
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("+") and blocks:
            for part in line.strip().split("+"):
                if part.strip():
                    blocks[-1].synonyms.append(part.split("[", 1)[0].strip())
                    blocks[-1].roles.extend(roles_in(part))
        elif line[0] in " \t":
            if blocks:
                blocks[-1].roles.extend(roles_in(line))
        else:
            blocks.append(Block(line.split("[", 1)[0].strip(), path.name, roles=roles_in(line)))
    return [b for b in blocks if b.roles and b.primary]


def is_country_block(block: Block) -> bool:
    """True when every code is country-level only (TUR, IRQ, IRQOCC): a country entry."""
    return all(split_code(role[0])[1] is None and len(role[0]) <= 6 for role in block.roles)
