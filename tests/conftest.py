"""Shared fixtures: the development data in ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so tests can import bench.gold

from bench.gold import shared_dir  # noqa: E402
from tests.postgresql_server import postgresql_server, postgresql_url  # noqa: E402, F401

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: the seed reports and gold data live there")
    return path


@pytest.fixture(params=BACKENDS)
def ledger_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, empty ledger is, once per backend: a SQLite file, then a database
    on the session's PostgreSQL server (``open_ledger`` takes either)."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return str(request.getfixturevalue("postgresql_url"))
