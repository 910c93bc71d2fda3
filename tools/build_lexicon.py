"""Compile the packaged event lexicon from the PLOVER and PETRARCH2 source files.

    python tools/build_lexicon.py SHARED_DATA [--out src/dateline/data/plover]

SHARED_DATA is the folder holding `plover/` and `phoenix/` (`../shared/data` in a checkout).

Reads `plover/CAMEO2PLOVER-2021.txt` (CAMEO code -> PLOVER type, mode, contexts) and
`phoenix/CAMEO.2.0.txt` (PETRARCH2 verb patterns) and writes two compact files into
`src/dateline/data/plover/`: `cameo2plover.tsv` and `cameo_verbs.json`. The curated nominal
and multiword triggers (`triggers.tsv`) and the ontology (`ontology.json`) are written by
hand and are not touched here. Run it again whenever the source files change.

The verb file keeps, per verb lemma, the code of its block (or of the verb itself) and the
block's patterns as slots of alternative words before (`pre`) and after (`post`) the verb.
Synonym sets (`&MILITARY`) are expanded into the slot's alternatives; source/target markers
(`$`, `^`) are dropped because dateline finds parties from the dependency parse instead.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "dateline" / "data" / "plover"

_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_MARKERS = {"$", "^", "%", "!", "*"}
_ARTICLES = {"a", "an", "the"}


def read_cameo2plover(path: Path) -> list[tuple[str, str, str, str]]:
    """Rows (cameo code, PLOVER type, mode, contexts joined by ';') of the conversion table."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not re.match(r"^\d{3,4}:", body):
            continue
        code, rest = body.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        parts += [""] * (3 - len(parts))
        contexts = ";".join(c.strip() for c in parts[2].split(";") if c.strip())
        rows.append((code.strip(), parts[0], parts[1].replace(" ", ""), contexts))
    return rows


def read_synonym_sets(lines: list[str]) -> dict[str, list[str]]:
    """The `&NAME` synonym sets of CAMEO.2.0.txt, members lowercased (multiword kept with spaces)."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            sets[current] = []
        elif text.startswith("+") and current:
            sets[current].append(_clean_word(text[1:].split()[0]))
        elif not text:
            continue
        else:
            current = None
    return sets


def _clean_word(word: str) -> str:
    return word.strip("_").replace("_", " ").lower()


def _first_code(raw: str) -> str | None:
    """The source->target part of a PETRARCH code (`042:043` -> `042`); None for `---`/empty."""
    first = raw.split(":", 1)[0].strip()
    return first if re.fullmatch(r"\d{2,4}", first) else None


def _slots(words: str, synsets: dict[str, list[str]]) -> list[str]:
    """Pattern text -> slots: a word, or `&NAME` naming a synonym set kept once in the file.

    Articles are dropped: the matcher looks for content words in the verb's phrase.
    """
    slots: list[str] = []
    for raw in re.findall(r"[^\s{}()]+", words):
        if raw in _MARKERS:
            continue
        if raw.startswith("&"):
            name = raw.rstrip("_")
            if synsets.get(name):
                slots.append(name)
        else:
            word = _clean_word(raw)
            if word and word not in _ARTICLES:
                slots.append(word)
    return slots


def _parse_pattern(line: str, synsets: dict[str, list[str]]) -> dict | None:
    match = _CODE.search(line)
    if not match:
        return None
    body = line[1:match.start()].strip()
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    pattern = {"pre": _slots(pre, synsets), "post": _slots(post, synsets), "code": _first_code(match.group(1))}
    prep = re.match(r"\s*\((\S+)", post)
    if prep:
        pattern["prep"] = _clean_word(prep.group(1))
    if not pattern["pre"] and not pattern["post"]:
        return None
    return pattern


def _add_verb_form(block: dict, line: str) -> None:
    """A verb line: `LEMMA [code] {FORMS}` or a phrasal `+ASK_FOR {...} [code]`."""
    text = line.split("#", 1)[0]
    code_match = _CODE.search(text)
    code = _first_code(code_match.group(1)) if code_match else block["code"]
    head = re.sub(r"\{[^}]*\}", " ", text).split()
    if not head:
        return
    words = _clean_word(head[0].lstrip("+")).split()
    if len(words) == 1:
        block["verbs"][words[0]] = code
    elif code:
        # The particle counts like a preposition: "ask for" alone is no more specific than "ask".
        block["phrasal"].append({"pre": [], "post": words[1:], "code": code, "verb": words[0],
                                 "prep": words[1]})


def read_verb_blocks(lines: list[str], synsets: dict[str, list[str]]) -> list[dict]:
    """The verb blocks of CAMEO.2.0.txt: verbs with codes and the block's patterns."""
    blocks: list[dict] = []
    block: dict | None = None
    for line in lines:
        header = _HEADER.match(line)
        if header:
            block = {"name": header.group(1), "code": _first_code(header.group(2)),
                     "verbs": {}, "patterns": [], "phrasal": []}
            blocks.append(block)
        elif block is None or not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("-"):
            pattern = _parse_pattern(line, synsets)
            if pattern:
                block["patterns"].append(pattern)
        else:
            _add_verb_form(block, line)
    return blocks


def compile_verbs(cameo_path: Path) -> dict:
    """{"synsets", "blocks", "verbs"}: verb lemma -> (block name, own code) and each block's patterns."""
    lines = cameo_path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synonym_sets(lines[:start])
    verbs: dict[str, list] = {}
    blocks: dict[str, dict] = {}
    for block in read_verb_blocks(lines[start:], synsets):
        kept = blocks.setdefault(block["name"], {"code": block["code"], "patterns": []})
        kept["patterns"].extend(block["patterns"])
        for lemma, code in block["verbs"].items():
            verbs.setdefault(lemma, [block["name"], code])
        for phrasal in block["phrasal"]:  # "+ASK_FOR": a pattern for that verb only
            verbs.setdefault(phrasal["verb"], [block["name"], None])
            kept["patterns"].insert(0, phrasal)
    used = {slot for b in blocks.values() for p in b["patterns"] for slot in p["pre"] + p["post"]}
    # Multiword members stay whole ("cease fire"): their last word alone ("fire") means something else.
    return {"synsets": {k: sorted(set(v)) for k, v in synsets.items() if k in used},
            "blocks": blocks, "verbs": verbs}


def build(shared: Path, out_dir: Path = OUT_DIR) -> None:
    """Regenerate cameo2plover.tsv and cameo_verbs.json from the shared source files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = read_cameo2plover(shared / "plover" / "CAMEO2PLOVER-2021.txt")
    with open(out_dir / "cameo2plover.tsv", "w", encoding="utf-8") as fh:
        fh.write("cameo\ttype\tmode\tcontexts\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    verbs = compile_verbs(shared / "phoenix" / "CAMEO.2.0.txt")
    payload = {"source": "PETRARCH2 CAMEO.2.0.txt (MIT), compiled by tools/build_lexicon.py",
               **verbs}
    with open(out_dir / "cameo_verbs.json", "w", encoding="utf-8") as fh:
        json.dump(payload, fh, separators=(",", ":"), sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the folder holding plover/ and phoenix/")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where to write the compiled files")
    args = parser.parse_args()
    build(args.shared, args.out)


if __name__ == "__main__":
    main()
