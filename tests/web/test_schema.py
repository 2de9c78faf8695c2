"""schemathesis against our OpenAPI schema: no server errors, responses match the schema.

(The pytest plugin of schemathesis does not run under pytest 9, so each API
operation's Hypothesis strategy is driven here directly.)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from storyledger.web.app import create_app

schemathesis = pytest.importorskip("schemathesis")


TOKEN = "schema-test-token"


@pytest.fixture(scope="module", params=[None, TOKEN], ids=["open", "token"])
def operations(
    request: pytest.FixtureRequest, ledger_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The API operations of an app over a copy of the test ledger (POSTs ingest into it),
    without a token and with one (its schema then documents the bearer auth)."""
    copy = tmp_path_factory.mktemp("schema") / "ledger.db"
    shutil.copy(ledger_path, copy)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(copy, token=request.param))
    found = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        found[operation.label] = operation
    found["headers"] = {"Authorization": f"Bearer {request.param}"} if request.param else {}
    return found


def test_every_operation_is_covered(operations: dict[str, Any]) -> None:
    assert "GET /api/v1/stories/{story}/facts" in operations
    assert "POST /api/v1/articles" in operations


@pytest.mark.parametrize(
    "label",
    [
        "GET /api/v1/stories",
        "GET /api/v1/stories/{story}/facts",
        "GET /api/v1/facts",
        "GET /api/v1/figures/{figure}",
        "GET /api/v1/stories/{story}/timeline",
        "GET /api/v1/changes",
        "GET /api/v1/entities",
        "GET /api/v1/articles",
        "GET /api/v1/articles/{article}",
        "GET /api/v1/search",
        "POST /api/v1/articles",
    ],
)
def test_operation_conforms_to_the_schema(operations: dict[str, Any], label: str) -> None:
    @given(case=operations[label].as_strategy())
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    def call(case: Any) -> None:
        case.call_and_validate(headers=operations["headers"])

    call()
