"""`storyledger serve`: the options reach the app and uvicorn; a missing ledger is caught."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from storyledger.cli import app

runner = CliRunner()


def test_serve_passes_its_options(ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.append({"app": web_app, **kw}))
    result = runner.invoke(
        app, ["--db", str(ledger_path), "serve", "--port", "8123", "--read-only"]
    )
    assert result.exit_code == 0, result.output
    assert len(calls) == 1
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    assert calls[0]["app"].state.read_only is True


def test_serve_read_only_refuses_a_missing_ledger(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["--db", str(missing), "serve", "--read-only"])
    assert result.exit_code == 1
    assert "no ledger at" in str(result.exception)
    assert not missing.exists()
