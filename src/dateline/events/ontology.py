"""The PLOVER ontology as data: event types, modes, quad classes, intensities, CAMEO mapping.

Loaded once per process from `src/dateline/data/plover/` (`ontology.json`, derived from the
PLOVER manual draft 0.8, and `cameo2plover.tsv`, compiled from CAMEO2PLOVER-2021.txt by
`build_lexicon.py`). Nothing here knows about text: the lexicon and the coder ask it what a
type or a CAMEO code means.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from dateline.config import package_data


@dataclass(frozen=True)
class EventType:
    """One of the 16 PLOVER event types with what the manual says about it."""

    name: str
    quad: int
    intensity: float
    requires_recipient: bool
    cameo: str
    modes: dict[str, float] = field(default_factory=dict)

    def intensity_for(self, mode: str | None) -> float:
        """The PLOVER conflict-cooperation score of this type, refined by its mode when known."""
        return float(self.modes.get(mode, self.intensity)) if mode else float(self.intensity)


@dataclass(frozen=True)
class CameoMapping:
    """What a CAMEO code becomes in PLOVER (CAMEO2PLOVER-2021)."""

    cameo: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    """The PLOVER types and contexts and the CAMEO -> PLOVER table."""

    types: dict[str, EventType]
    contexts: tuple[str, ...]
    cameo_table: dict[str, CameoMapping]

    def event_type(self, name: str) -> EventType:
        """The type called `name`; KeyError names the valid types."""
        try:
            return self.types[name]
        except KeyError:
            raise KeyError(f"{name!r} is not a PLOVER type; expected one of {sorted(self.types)}") from None

    def from_cameo(self, code: str | None) -> CameoMapping | None:
        """The PLOVER reading of a CAMEO code, trying 4-, 3- then 2-digit prefixes.

        Codes of the dropped CAMEO cue category 01 (statements) give None: PLOVER has no event
        for them, which is what keeps "X said ..." from being coded. CAMEO 02 (appeals) was
        dropped as a category too, but PLOVER's REQUEST covers "all requests, demands, and
        orders", so appeals are read as REQUEST (a decision documented in SOURCE.md).
        """
        if code in MANUAL_OVERRIDES:  # before the cue categories: 016 is read although 01 is dropped
            return MANUAL_OVERRIDES[code]
        if not code or code[:2] == "01":
            return None
        if code[:2] == "02":
            return CameoMapping(code, "REQUEST", None, ())
        for key in (code[:4], code[:3], code[:2] + "0"):  # "176" (CAMEO 2.0 only) -> cue "170"
            mapping = self.cameo_table.get(key)
            if mapping and mapping.type in self.types:
                return mapping
        return None

    def valid_mode(self, type_name: str, mode: str | None) -> str | None:
        """`mode` if the manual lists it for `type_name`, else None (older CAMEO-table modes)."""
        if mode and mode in self.types[type_name].modes:
            return mode
        return None


#: Where the 2021 table and the manual's text disagree, the manual wins: "International (political
#: or economic) sanctions are coded as [SANCTION] 'discontinue'" (the table says COERCE for 163).
#: CAMEO 016 ("deny responsibility": "denied involvement", "rejected the accusations") is a rejection of a charge:
#: the manual's CAMEO conversion notes name REJECT as its reading, and its REJECT covers "all rejections and refusals".
#: CAMEO 0813 / 0814 (ease a curfew, a state of emergency or martial law): the manual's CONCEDE names "easing of
#: administrative or legal restrictions on persons and organizations, removing curfews" (the table says RETREAT, whose
#: modes are material: release, return, withdraw, disarm).
MANUAL_OVERRIDES = {"163": CameoMapping("163", "SANCTION", "discontinue", ("diplomatic",)),
                    "016": CameoMapping("016", "REJECT", None, ()),
                    "0813": CameoMapping("0813", "CONCEDE", None, ("legal",)),
                    "0814": CameoMapping("0814", "CONCEDE", None, ("legal",))}


def _read_cameo_table() -> dict[str, CameoMapping]:
    table: dict[str, CameoMapping] = {}
    lines = package_data("plover", "cameo2plover.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        code, type_name, mode, contexts = ([*line.split("\t"), "", "", ""])[:4]
        table.setdefault(code, CameoMapping(code, type_name, mode or None,
                                            tuple(c for c in contexts.split(";") if c)))
    return table


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged PLOVER ontology, loaded once per process."""
    raw = json.loads(package_data("plover", "ontology.json").read_text(encoding="utf-8"))
    types = {
        name: EventType(name=name, quad=spec["quad"], intensity=spec["intensity"],
                        requires_recipient=spec["requires_recipient"], cameo=spec["cameo"],
                        modes=dict(spec["modes"]))
        for name, spec in raw["types"].items()
    }
    return Ontology(types=types, contexts=tuple(raw["contexts"]), cameo_table=_read_cameo_table())


#: The 16 PLOVER event types, in manual order.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)
