"""Run the examples of README.md and check (or rewrite) the output they show.

    python tools/readme.py            # check: exit 1 and show a diff when an example's output differs
    python tools/readme.py --update   # rewrite the README's outputs with what the commands print now

What is run, in one scratch folder holding the seed article and the small inputs of
`tests/data/readme/`, in the order the README shows them (later commands see the database
earlier ones wrote):

* every ```` ```console ```` block whose commands start with `dateline` or `echo`: each `$ command`
  line runs in bash with the package's `dateline` on the PATH and COLUMNS=150; what follows it, up
  to the next `$`, is its expected standard output and error. A line holding only `…` ends the
  expected output early (the rest is not shown in the README);
* every ```` ```python ```` block: it runs, and the `# ` comment lines after its last `print` are
  the expected output;
* every ```` ```json ```` block that shows one event: it must equal the event with that id in
  `dateline extract` of the seed.

Synopses that are not meant to run are written as ```` ```text ```` blocks. `tests/test_readme.py`
runs the check, so the README cannot drift from what dateline prints.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
INPUTS = ROOT / "tests" / "data" / "readme"
SEED = ROOT / "tests" / "data" / "seed.txt"
SEED_NAME = "000_c6601cb46829a255.txt"
FENCE = re.compile(r"^```(\w*)\s*$")
ELLIPSIS = "…"
MARK = "\x1e@@readme@@"


@dataclass
class Block:
    """One fenced block of the README: its language, its lines and where they sit (0-based, body only)."""

    lang: str
    first: int
    lines: list[str] = field(default_factory=list)


@dataclass
class Step:
    """A `$ command` of a console block and the output the README shows for it."""

    command: str
    expected: list[str]

    @property
    def truncated(self) -> bool:
        return bool(self.expected) and self.expected[-1].strip() == ELLIPSIS


def read_blocks(text: str) -> list[Block]:
    """The fenced blocks of a Markdown text."""
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(text.split("\n")):
        m = FENCE.match(line)
        if current is None and m:
            current = Block(m[1], number + 1)
        elif current is not None and line.strip() == "```":
            blocks.append(current)
            current = None
        elif current is not None:
            current.lines.append(line)
    return blocks


def console_steps(block: Block) -> list[Step]:
    """The `$ command` steps of a console block with the output lines under each."""
    steps: list[Step] = []
    for line in block.lines:
        if line.startswith("$ "):
            steps.append(Step(line[2:], []))
        elif steps:
            steps[-1].expected.append(line)
    return steps


def is_runnable(block: Block) -> bool:
    """Console blocks that run dateline; other console blocks (make, pip) are left alone."""
    steps = console_steps(block) if block.lang == "console" else []
    return bool(steps) and all(s.command.split()[0] in {"dateline", "echo"} for s in steps)


def scratch_folder() -> Path:
    """A fresh folder with the seed article and the README's small inputs."""
    folder = Path(tempfile.mkdtemp(prefix="dateline-readme-"))
    shutil.copy(SEED, folder / SEED_NAME)
    if INPUTS.is_dir():
        for path in INPUTS.iterdir():
            shutil.copy(path, folder / path.name)
    return folder


def environment(folder: Path) -> dict[str, str]:
    """The environment of the examples: the package's `dateline` first on the PATH, a fixed width."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_DB")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", COLUMNS="150",
               LINES="50", PYTHONUNBUFFERED="1", TERM="dumb", HOME=env.get("HOME", str(folder)))
    env.pop("NO_COLOR", None)
    return env


def run_steps(steps: list[Step], folder: Path, env: dict[str, str]) -> list[list[str]]:
    """Run the commands in one bash session (so `echo $?` sees the previous command) and split the output."""
    script = "".join(f"{s.command} 2>&1\n__rc=$?; printf '%s\\n' '{MARK}'; (exit $__rc)\n" for s in steps)
    proc = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=900)
    chunks = proc.stdout.split(MARK + "\n")[: len(steps)]
    return [[line.rstrip() for line in chunk.rstrip("\n").split("\n")] if chunk.strip() else []
            for chunk in chunks]


def shown(step: Step, actual: list[str]) -> list[str]:
    """What the README should show for a step: all of the output, or its head when it shows `…`."""
    if step.truncated:
        return [*actual[: len(step.expected) - 1], ELLIPSIS]
    return actual


def run_python(block: Block, folder: Path, env: dict[str, str]) -> list[str]:
    """Run a Python block; its output, as the `# ` comment lines the README shows after it."""
    code = "\n".join(line for line in block.lines if not line.startswith("# "))
    proc = subprocess.run([sys.executable, "-c", code], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=600)
    if proc.returncode:
        return [f"# error: {proc.stderr.strip().splitlines()[-1]}"]
    return [f"# {line}" for line in proc.stdout.rstrip("\n").split("\n")]


def python_with_output(block: Block, output: list[str]) -> list[str]:
    code = [line for line in block.lines if not line.startswith("# ")]
    return [*code, *output]


def seed_events(folder: Path, env: dict[str, str]) -> dict[str, dict]:
    """The seed's events as `dateline extract` prints them, by id."""
    proc = subprocess.run(["dateline", "extract", SEED_NAME, "--format", "jsonl", "--min-confidence", "0"],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode:  # older CLIs have no --min-confidence; the seed needs none
        proc = subprocess.run(["dateline", "extract", SEED_NAME, "--format", "jsonl"],
                              cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    doc = json.loads(proc.stdout.splitlines()[0])
    return {e["id"]: e for e in doc["events"]}


def expected_lines(text: str) -> list[str]:
    """The README with every runnable example's output replaced by what the commands print now."""
    lines = text.split("\n")
    folder = scratch_folder()
    env = environment(folder)
    events: dict[str, dict] | None = None
    try:
        blocks = read_blocks(text)
        replacements: list[tuple[Block, list[str]]] = []
        for block in blocks:
            if is_runnable(block):
                steps = console_steps(block)
                outputs = run_steps(steps, folder, env)
                body = []
                for step, actual in zip(steps, outputs, strict=False):
                    body += [f"$ {step.command}", *shown(step, actual)]
                replacements.append((block, body))
            elif block.lang == "python":
                replacements.append((block, python_with_output(block, run_python(block, folder, env))))
            elif block.lang == "json" and '"evidence"' in "\n".join(block.lines):
                events = events if events is not None else seed_events(folder, env)
                shown_id = json.loads("\n".join(block.lines)).get("id")
                actual = events.get(shown_id)
                body = json.dumps(actual, indent=2, ensure_ascii=False).split("\n") if actual else \
                    [f"(no event {shown_id} in the seed's extract any more)"]
                replacements.append((block, body))
        for block, body in reversed(replacements):  # from the end, so earlier line numbers stay valid
            lines[block.first: block.first + len(block.lines)] = body
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return lines


def check(readme: Path = README) -> list[str]:
    """The unified diff between the README and what its examples print now (empty when they agree)."""
    text = readme.read_text(encoding="utf-8")
    return list(difflib.unified_diff(text.split("\n"), expected_lines(text), "README.md", "what runs", lineterm=""))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--update":
        text = README.read_text(encoding="utf-8")
        README.write_text("\n".join(expected_lines(text)), encoding="utf-8")
        return 0
    diff = check()
    print("\n".join(diff) if diff else "README examples agree with what dateline prints")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
