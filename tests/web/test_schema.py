"""schemathesis against our OpenAPI schema: no server errors, responses match the schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from storyledger.web.app import create_app

schemathesis = pytest.importorskip("schemathesis")


@pytest.fixture(scope="session")
def web_schema(ledger_path: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    """The schema of an app over a copy of the test ledger (generated POSTs ingest into it)."""
    copy = tmp_path_factory.mktemp("schema") / "ledger.db"
    shutil.copy(ledger_path, copy)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(copy))


schema = schemathesis.pytest.from_fixture("web_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: object) -> None:
    case.call_and_validate()  # type: ignore[attr-defined]
