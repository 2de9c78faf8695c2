"""The benches' quality floors (bench/baseline.json): a measured score below its floor
fails, so quality cannot drop silently. Each bench keeps its floors under its own key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench import quantities

from storyledger.extract.pipeline import load_nlp

BASELINE = Path(__file__).resolve().parent.parent / "bench" / "baseline.json"


def floors(bench: str) -> dict[str, float]:
    return dict(json.loads(BASELINE.read_text(encoding="utf-8"))[bench])


def test_quantities_scores_keep_their_floors() -> None:
    measured = quantities.measure(load_nlp())
    if measured is None:
        pytest.skip("../shared is absent: the seeds and the Recognizers-Text sentences live there")
    wanted = floors("quantities")
    assert set(wanted) <= set(measured), sorted(set(wanted) - set(measured))
    below = {
        k: (round(measured[k], 3), floor) for k, floor in wanted.items() if measured[k] < floor
    }
    assert not below, f"below the floor (measured, floor): {below}"
