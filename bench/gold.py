"""Shared loading of the development data in ../shared for the bench scripts and tests.

Everything here returns None (or an empty list) when ../shared is absent, so
callers can skip with a message instead of failing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@dataclass
class SeedArticle:
    id: str
    text: str
    published: str
    outlet: str
    title: str
    gold: dict[str, Any]


def shared_dir() -> Path | None:
    return SHARED if (SHARED / "DESIGN.md").is_file() else None


def load_seeds() -> list[SeedArticle]:
    """The two seed reports with their manifest metadata and gold annotations."""
    if shared_dir() is None:
        return []
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    seeds = []
    for line in (SHARED / "seeds" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        text = (SHARED / "seeds" / meta["file"]).read_text(encoding="utf-8")
        seeds.append(
            SeedArticle(
                id=meta["id"],
                text=text,
                published=meta["published"],
                outlet=meta["outlet"],
                title=meta["title"],
                gold=gold["articles"][meta["id"]],
            )
        )
    return seeds


def load_seed_gold() -> dict[str, Any] | None:
    if shared_dir() is None:
        return None
    return json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))


def gold_span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Character span of the ``occurrence``-th (1-based) appearance of ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"gold text {needle!r} (occurrence {occurrence}) not in the article")
    return start, start + len(needle)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """A JSONL file of ../shared/data, or [] when ../shared is absent."""
    if shared_dir() is None:
        return []
    path = SHARED / "data" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score
