"""A real PostgreSQL server for the tests: ``initdb`` and ``pg_ctl start`` in a temporary
folder (as the ``postgres`` user through ``runuser`` when the tests run as root, which the
server refuses to run as), trust authentication, listening on a unix socket in that folder
only; stopped at the end of the session.

Each test gets a fresh database, created from a template the ledger migrations were applied
to once (``CREATE DATABASE ... TEMPLATE``: a file copy, no migration per test).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyledger.store import open_ledger

SERVER_USER = "postgres"
TEMPLATE = "ledger_template"
_databases = itertools.count(1)


def server_bin() -> Path | None:
    """The folder of Debian's PostgreSQL binaries (newest version), else where ``initdb`` is
    on the PATH; None when there is no server to run."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(initdb: str) -> int:
    version = Path(initdb).parent.parent.name
    return int(version) if version.isdigit() else 0


def as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SERVER_USER, "--", *command] if os.geteuid() == 0 else command


class Server:
    """A running server in ``folder``, reached through its socket there."""

    def __init__(self, bin_dir: Path, folder: Path) -> None:
        self.bin_dir = bin_dir
        self.folder = folder
        self.data = folder / "data"
        self.user = SERVER_USER if os.geteuid() == 0 else os.environ.get("USER", "postgres")

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@/{database}?host={self.folder}"

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, SERVER_USER)
        self.run(
            "initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
            " -c synchronous_commit=off -c max_connections=200 -c shared_buffers=64MB"
        )
        self.run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def run(self, program: str, *args: str) -> None:
        command = as_server_user([str(self.bin_dir / program), *args])
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def sql(self, statement: str) -> None:
        """Run one statement as the server's superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(statement.encode())

    def migrated_template(self) -> None:
        self.sql(f"CREATE DATABASE {TEMPLATE}")
        open_ledger(self.url(TEMPLATE)).close()  # the ledger's tables, once

    def fresh_database(self) -> str:
        """The URL of a new database holding an empty, migrated ledger."""
        name = f"ledger_{os.getpid()}_{next(_databases)}"
        self.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[Server]:
    """A PostgreSQL server for the session (skips only when no server binary exists)."""
    bin_dir = server_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server (initdb) found: scripts/bootstrap --dev installs it")
    memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None  # no disk writes
    folder = Path(tempfile.mkdtemp(prefix="storyledger-pg-", dir=memory))
    server = Server(bin_dir, folder)
    server.start()
    try:
        server.migrated_template()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgresql_url(postgresql_server: Server) -> str:
    """The URL of a fresh PostgreSQL ledger, for this test alone."""
    return postgresql_server.fresh_database()
