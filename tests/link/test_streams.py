"""End to end over both dev streams (bench/streams.py): each measure keeps the floor (or
the ceiling) recorded in bench/baseline.json under "streams", so figure quality cannot
drop silently. Skips with a message when ../shared is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench import streams

BASELINE = Path(__file__).resolve().parents[2] / "bench" / "baseline.json"


def limits(stream: str) -> dict[str, dict[str, float]]:
    return dict(json.loads(BASELINE.read_text(encoding="utf-8"))["streams"][stream])


@pytest.mark.parametrize("stream", streams.STREAMS)
def test_stream_measures_keep_their_floors(stream: str) -> None:
    if not streams.DATA.exists():
        pytest.skip(f"{streams.DATA} is absent: the dev streams live there")
    measured = streams.measure(stream, time_limit=60.0)
    wanted = limits(stream)
    below = {k: (measured[k], v) for k, v in wanted["floors"].items() if measured[k] < v}
    above = {k: (measured[k], v) for k, v in wanted["ceilings"].items() if measured[k] > v}
    assert not below, f"below the floor (measured, floor): {below}"
    assert not above, f"above the ceiling (measured, ceiling): {above}"
