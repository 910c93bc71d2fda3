"""A throwaway PostgreSQL server for the tests, from the Debian package's binaries.

`PostgresServer.start()` runs `initdb` into a temporary folder and `pg_ctl start` on a free
loopback port (trust authentication, no fsync: the data is thrown away), as the `postgres`
system user when the tests run as root (initdb refuses root). `stop()` stops it and
removes the folder. Missing binaries are an error that says to install PostgreSQL, unless
`DATELINE_SKIP_PG=1` lets a developer without it skip the PostgreSQL half of the tests.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

SKIP_VARIABLE = "DATELINE_SKIP_PG"
INSTALL_HINT = ("PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin: "
                "install them (`apt-get install postgresql` on Debian/Ubuntu), or set DATELINE_SKIP_PG=1 to skip "
                "the PostgreSQL tests on this machine")


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def skip_postgres() -> bool:
    """Whether the developer asked to skip the PostgreSQL tests."""
    return os.environ.get(SKIP_VARIABLE) == "1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr or done.stdout}")

    def start(self) -> PostgresServer:
        if self._as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"),
                  "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database as the store sees it: a schema of its own, named by the URL's
        search_path (CREATE DATABASE takes a second; a schema a few milliseconds)."""
        name = f"dateline_test_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {name}")
        return f"{self.url()}?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    """A throwaway server for a benchmark, stopped and removed however the block ends; without Debian's
    binaries, exit with the install hint."""
    bindir = postgres_bin()
    if bindir is None:
        raise SystemExit(INSTALL_HINT)
    server = PostgresServer(bindir).start()
    try:
        yield server
    finally:
        server.stop()


def raw_sql(target: str, script: str) -> list[tuple]:
    """Run SQL on a store's database directly (a PostgreSQL URL or a DuckDB file), bypassing the store; the rows
    of the last statement, if any. For tests that make a database look old or broken."""
    if target.startswith("postgresql://"):
        with psycopg.connect(target, autocommit=True) as con:
            cur = con.execute(script)
            return cur.fetchall() if cur.description else []
    import duckdb

    con = duckdb.connect(target)
    try:
        return con.execute(script).fetchall()
    finally:
        con.close()
