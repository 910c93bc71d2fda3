"""`dateline gazetteer`: what the offline GeoNames gazetteer holds, and adding or removing full dumps."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from dateline.cli.options import err, out

gazetteer_app = typer.Typer(help="The offline GeoNames gazetteer used to resolve places.", no_args_is_help=True)


@gazetteer_app.command("info")
def gazetteer_info() -> None:
    """Say what the gazetteer holds, where its index lives, and the GeoNames dumps you imported."""
    from dateline.geo import describe_import
    from dateline.geo import gazetteer_info as info

    facts = info()
    imports = facts.pop("imports")
    for key, value in facts.items():
        out.print(f"{key:>16}: {value}", highlight=False)
    lines = [describe_import(row) for row in imports] or ["none (add one with `dateline gazetteer import FILE`)"]
    for number, line in enumerate(lines):
        out.print(f"{'imports:' if number == 0 else '':>17} {line}", highlight=False)


@gazetteer_app.command("import")
def gazetteer_import(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                                           help="GeoNames dump: allCountries.zip, SY.txt …")]) -> None:
    """Add a full GeoNames dump (all feature classes, alternate names) to the gazetteer.

    The import is kept in your data folder (`gazetteer info` says where), apart from the
    index, so it survives upgrades; `gazetteer forget FILE` removes it.
    """
    from dateline.geo import import_geonames

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(), console=err) as progress:
        task = progress.add_task(f"importing {file.name}", total=None)
        stats = import_geonames(file, progress=lambda n: progress.update(task, completed=n))
    for key, value in stats.items():
        out.print(f"{key:>16}: {value}", highlight=False)


@gazetteer_app.command("forget")
def gazetteer_forget(file: Annotated[str, typer.Argument(help="Import to remove, by file name as "
                                                              "`gazetteer info` lists it (SY.txt).")]) -> None:
    """Remove a GeoNames import and the places it added; the packaged gazetteer stays."""
    from dateline.geo import describe_import, forget_geonames

    try:
        removed = forget_geonames(file)
    except KeyError as exc:
        err.print(exc.args[0], highlight=False)
        raise typer.Exit(1) from None
    out.print(f"forgot {describe_import(removed)}", highlight=False)
