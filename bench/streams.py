"""Figures and timelines on the real dev streams, measured as issue 12's "Measures" say.

Each stream (``../shared/data/stream-dev-*.jsonl`` with its ``.gold.json``) is
ingested into a fresh temporary SQLite ledger as ``storyledger ingest`` does
(``ingest_paths``); figures are read through ``facts_data`` (what ``facts --json``
prints) and events through ``timeline_data`` (what ``timeline --json`` prints).

- point recall: a gold point is found when a figure whose label or counted thing
  matches the series' ``words`` regex holds an observation of the same unit, its
  value within 0.5%, and an ``as_of`` within 3 days of a gold day (the same month
  for a gold month) or one of the point's cited articles as its source;
- purity: for each series with 2 or more points found, the share of them held by
  its most common figure (mean over series); mixing: figures holding found points
  of 2 or more series;
- conflicts: a false conflict is a ``not_conflicts`` pair flagged as a conflict
  inside one figure; a real conflict is flagged when one figure flags its two
  values, with a cited source on each side;
- dating: observations dated the ingest day, figures whose latest is undated while
  dated values exist;
- timeline date-F1: the first 2k distinct event dates in the timeline's order
  (k gold events) against the gold dates;
- figures per article and the seconds taken.

    .venv/bin/python bench/streams.py [--json] [--stream derna] [--timeout 60]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gold import f1
from storyledger.ingest.pipeline import ingest_paths
from storyledger.report.facts import facts_data
from storyledger.report.timeline import timeline_data
from storyledger.store.sqlite import open_ledger

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
STREAMS = ("derna", "morocco")
VALUE_TOLERANCE = 0.005
DAY_TOLERANCE = 3
Figure = dict[str, Any]
Found = dict[tuple[int, int], set[str]]  # (series, point) -> figure ids holding it


def stream_paths(name: str) -> tuple[Path, Path]:
    return DATA / f"stream-dev-{name}.jsonl", DATA / f"stream-dev-{name}.gold.json"


def record_ids_by_url(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return {r["url"]: r["id"] for r in records if r.get("url")}


def build(path: Path, folder: Path, time_limit: float) -> tuple[list[Figure], list[Any], int]:
    with open_ledger(folder / "bench.db") as ledger:
        report = ingest_paths(ledger, [path], time_limit=time_limit)
        failed = len(report.failed)
        return facts_data(ledger), timeline_data(ledger, key_only=True), failed


def observed_value(obs: dict[str, Any]) -> float | None:
    for field in ("value", "low", "high"):
        if obs.get(field) is not None:
            return float(obs[field])
    return None


def same_value(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= VALUE_TOLERANCE * max(abs(b), 1e-9)


def near_in_time(as_of: str | None, gold: str) -> bool:
    if not as_of:
        return False
    if len(gold) == 7:
        return as_of[:7] == gold
    try:
        return (
            abs((date.fromisoformat(as_of[:10]) - date.fromisoformat(gold)).days) <= DAY_TOLERANCE
        )
    except ValueError:
        return False


def unit_of(figure: Figure) -> str:
    return str(figure.get("unit") or "").lower()


def matches_series(figure: Figure, series: dict[str, Any]) -> bool:
    words = re.compile(series["words"], re.IGNORECASE)
    text = f"{figure.get('label') or ''} {figure.get('counted') or ''}"
    return bool(words.search(text)) and unit_of(figure) == series["unit"].lower()


def holds_point(figure: Figure, point: dict[str, Any], ids: dict[str, str]) -> bool:
    sources = set(point["sources"])
    return any(
        same_value(observed_value(o), point["value"])
        and (near_in_time(o.get("as_of"), point["as_of"]) or ids.get(o.get("url") or "") in sources)
        for o in figure["observations"]
    )


def found_points(figures: list[Figure], gold: dict[str, Any], ids: dict[str, str]) -> Found:
    found: Found = {}
    for s, series in enumerate(gold["series"]):
        candidates = [f for f in figures if matches_series(f, series)]
        for p, point in enumerate(series["points"]):
            holders = {f["id"] for f in candidates if holds_point(f, point, ids)}
            if holders:
                found[(s, p)] = holders
    return found


def purity(found: Found, n_series: int) -> float | None:
    shares = []
    for s in range(n_series):
        holders = [figs for (si, _p), figs in found.items() if si == s]
        if len(holders) < 2:
            continue
        counts = Counter(f for figs in holders for f in figs)
        shares.append(max(counts.values()) / len(holders))
    return sum(shares) / len(shares) if shares else None


def mixing(found: Found) -> tuple[int, int]:
    """(figures holding found points of 2+ series, figures holding any found point)."""
    series_of: dict[str, set[int]] = {}
    for (s, _p), figs in found.items():
        for f in figs:
            series_of.setdefault(f, set()).add(s)
    return sum(len(s) > 1 for s in series_of.values()), len(series_of)


def flagged_pairs(figure: Figure) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    conflicts = figure.get("conflicts", []) + figure.get("settled_conflicts", [])
    return [(c["values"][0], c["values"][1]) for c in conflicts]


def pair_is(pair: tuple[dict[str, Any], dict[str, Any]], a: float, b: float) -> bool:
    x, y = (observed_value(o) for o in pair)
    return (same_value(x, a) and same_value(y, b)) or (same_value(x, b) and same_value(y, a))


def false_conflicts(figures: list[Figure], gold: dict[str, Any]) -> int:
    return sum(
        any(pair_is(pair, *nc["values"]) for pair in flagged_pairs(f))
        for nc in gold["not_conflicts"]
        for f in figures
    )


def has_source(figure: Figure, value: float, sources: set[str], ids: dict[str, str]) -> bool:
    return any(
        same_value(observed_value(o), value) and ids.get(o.get("url") or "") in sources
        for o in figure["observations"]
    )


def real_conflicts_flagged(figures: list[Figure], gold: dict[str, Any], ids: dict[str, str]) -> int:
    flagged = 0
    for c in gold["conflicts"]:
        a, b = c["values"]
        flagged += any(
            any(pair_is(pair, a, b) for pair in flagged_pairs(f))
            and has_source(f, a, set(c["sources_a"]), ids)
            and has_source(f, b, set(c["sources_b"]), ids)
            for f in figures
        )
    return flagged


def dating(figures: list[Figure], today: str) -> tuple[int, int]:
    ingest_day = sum(
        1 for f in figures for o in f["observations"] if (o.get("as_of") or "")[:10] == today
    )
    undated_latest = sum(
        1
        for f in figures
        if f.get("latest")
        and not f["latest"].get("as_of")
        and any(o.get("as_of") for o in f["observations"])
    )
    return ingest_day, undated_latest


def timeline_f1(events: list[Any], gold: dict[str, Any]) -> float:
    gold_dates = [g["date"] for g in gold["timeline"]]
    wanted = 2 * len(gold_dates)
    dates: list[str] = []
    for event in events:
        if event["date"] not in dates:
            dates.append(event["date"])
        if len(dates) == wanted:
            break
    gold_set = set(gold_dates)
    hits = sum(1 for d in dates if d in gold_set)
    return f1(hits, len(dates) - hits, len(gold_set) - hits)[2]


def measure(name: str, time_limit: float) -> dict[str, Any]:
    stream, gold_path = stream_paths(name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ids = record_ids_by_url(stream)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        figures, events, failed = build(stream, Path(tmp), time_limit)
    seconds = time.perf_counter() - started
    found = found_points(figures, gold, ids)
    n_points = sum(len(s["points"]) for s in gold["series"])
    mixed, holding = mixing(found)
    ingest_day, undated_latest = dating(figures, date.today().isoformat())
    pure = purity(found, len(gold["series"]))
    return {
        "stream": name,
        "point_recall": round(len(found) / n_points, 3),
        "purity": round(pure, 3) if pure is not None else None,
        "mixing_figures": mixed,
        "figures_with_gold_points": holding,
        "false_conflicts": false_conflicts(figures, gold),
        "real_conflicts_flagged": real_conflicts_flagged(figures, gold, ids),
        "real_conflicts": len(gold["conflicts"]),
        "observations_dated_ingest_day": ingest_day,
        "figures_undated_latest": undated_latest,
        "timeline_date_f1": round(timeline_f1(events, gold), 3),
        "figures_per_article": round(len(figures) / len(ids), 2) if ids else None,
        "failed_records": failed,
        "seconds": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stream", choices=STREAMS, action="append")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per document")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} is absent: the dev streams live there")
        return 1
    results = [measure(name, args.timeout) for name in args.stream or STREAMS]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(" ".join(f"{k}={v}" for k, v in r.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
