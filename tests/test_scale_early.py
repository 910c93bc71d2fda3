"""The workers' fork server started from the command line (`scale.early`, `dateline.launch`): only for an ingest
that will hand partitions to local workers, and before the command's heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.scale.early import ingest_with_local_workers, input_paths, more_than_one_partition, option_value


def _jsonl(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": str(i), "date": "2020-01-02", "text": "Rain fell."}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def test_the_inputs_are_the_words_that_are_neither_options_nor_their_values() -> None:
    argv = ["ingest", "--db", "store.duckdb", "a.jsonl", "--feeds", "folder", "--workers=2", "--partition-size", "8",
            "--dayfirst", "-", "c.jsonl"]
    assert input_paths(argv) == ["a.jsonl", "folder", "-", "c.jsonl"]


def test_an_option_s_value_is_its_last_one() -> None:
    assert option_value(["--db", "a.duckdb", "--db=b.duckdb"], "--db") == "b.duckdb"
    assert option_value(["--db=a.duckdb", "--db", "b.duckdb"], "--db") == "b.duckdb"
    assert option_value(["--db"], "--db") is None


def test_a_server_is_started_only_for_more_articles_than_one_partition(tmp_path: Path) -> None:
    big, small = _jsonl(tmp_path / "big.jsonl", 9), _jsonl(tmp_path / "small.jsonl", 8)
    assert more_than_one_partition(["ingest", str(big), "--partition-size", "8"])
    assert not more_than_one_partition(["ingest", str(small), "--partition-size=8"])
    assert more_than_one_partition(["ingest", str(small), str(small), "--partition-size", "8"])  # 16 together
    assert not more_than_one_partition(["ingest", "-", "--partition-size", "1"])  # standard input: no size yet
    assert not more_than_one_partition(["ingest", str(big), "--partition-size", "many"])


@pytest.mark.parametrize(("argv", "cores", "expected"), [
    (["ingest", "BIG", "--workers", "2", "--partition-size", "4"], 1, True),
    (["ingest", "BIG", "--partition-size", "4"], 2, True),  # the default: one worker a core
    (["ingest", "BIG", "--partition-size", "4"], 1, False),
    (["ingest", "BIG", "--workers", "1", "--partition-size", "4"], 2, False),
    (["ingest", "BIG", "--workers", "2", "--cluster", "local", "--partition-size", "4"], 2, False),  # Dask's
    (["ingest", "BIG", "--workers", "2", "--scheduler=tcp://127.0.0.1:8786", "--partition-size", "4"], 2, False),
    (["ingest", "BIG", "--workers", "2"], 2, False),  # 9 articles: one partition of the default 64
    (["ingest", "BIG", "--workers", "two", "--partition-size", "4"], 2, False),
    (["ingest", "--help"], 2, False),
    (["events", "BIG", "--workers", "2"], 2, False),
])
def test_only_an_ingest_with_local_workers_starts_the_server(tmp_path: Path, argv: list[str], cores: int,
                                                              expected: bool) -> None:
    big = str(_jsonl(tmp_path / "big.jsonl", 9))
    assert ingest_with_local_workers([big if word == "BIG" else word for word in argv], cores=cores) is expected


def test_the_console_entry_starts_the_server_before_importing_the_command() -> None:
    """`dateline.launch` and `scale.early` import neither spaCy nor the CLI, so the server boots beside them."""
    code = ("import sys, dateline.launch, dateline.scale.early; "
            "print(sorted(m for m in ('spacy', 'dateline.cli', 'dateline.events', 'duckdb') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    source = (Path(__file__).resolve().parents[1] / "src/dateline/launch.py").read_text(encoding="utf-8")
    assert source.index("start_workers_early()") < source.index("from dateline.cli import app")


def test_the_flags_read_from_the_command_line_are_the_ingest_command_s() -> None:
    """`early.FLAGS` repeats which options of `dateline ingest` take no value; a flag added to the command but not
    there would swallow the input after it, so the server would not start early for it."""
    import typer.main

    from dateline.cli import app
    from dateline.scale.early import FLAGS

    command = typer.main.get_command(app).commands["ingest"]  # type: ignore[attr-defined]
    flags = {name for param in command.params if getattr(param, "is_flag", False)
             for name in [*param.opts, *param.secondary_opts]}
    assert flags | {"--help"} == set(FLAGS)


def test_telling_more_than_one_partition_stops_reading_a_large_input(tmp_path: Path) -> None:
    """The count stops once it passes the partition size, so a large input is not read through before the server
    starts (the ingest's own estimate, with no bound, still counts every line)."""
    from dateline.scale import estimate_articles

    big = _jsonl(tmp_path / "big.jsonl", 60_000)  # ~3.5 MB: more than the first blocks read
    assert estimate_articles([big]) == 60_000
    bounded = estimate_articles([big], more_than=8)
    assert bounded is not None and 8 < bounded < 60_000
    assert estimate_articles([_jsonl(tmp_path / "small.jsonl", 5)], more_than=8) == 5
