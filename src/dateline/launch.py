"""The `dateline` console entry: starts the workers' fork server, when the command line asks for an ingest that
will use it, before the command's own imports (`scale.early`), then runs the command.

It lives outside `dateline.cli` because importing any module of that package first runs the package's own imports
(spaCy and the event stages through `render` and `timeline`, ~1.2 CPU s), which the server should boot beside, not
after.
"""

from __future__ import annotations


def main() -> None:  # pragma: no cover - console entry, run by the tests through the installed script
    """Run `dateline` with the command line of this process."""
    from dateline.scale.early import start_workers_early

    start_workers_early()
    from dateline.cli import app

    app()
