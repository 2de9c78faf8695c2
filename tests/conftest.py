"""Shared fixtures: the development data in ../shared (skipped cleanly when absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so tests can import bench.gold

from bench.gold import shared_dir  # noqa: E402


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: the seed reports and gold data live there")
    return path
