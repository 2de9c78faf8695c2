"""Flat exports for analysts: one row per figure, observation, event, quote or article.

Column names are stable (documented in the README, section "Exports"); every
row carries the citation columns ``article, outlet, url, published``. CSV cells
that a spreadsheet would run as a formula are neutralised with a leading quote.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from storyledger.report.facts import facts_data
from storyledger.report.quotes import quotes_data
from storyledger.report.timeline import timeline_data
from storyledger.store.articles import article_export_rows
from storyledger.store.sqlite import Ledger

CITATION = ("article", "outlet", "url", "published")
COLUMNS: dict[str, tuple[str, ...]] = {
    "figures": (
        "figure", "story", "label", "unit", "counted", "modality", "change", "observations",
        "outlets", "conflicts", "latest_value", "latest_low", "latest_high", "latest_as_of",
        *CITATION,
    ),
    "observations": (
        "figure", "story", "label", "unit", "counted", "modality", "value", "low", "high",
        "approx", "as_of", "relation", "speaker", "sentence", "duplicate_of", *CITATION,
    ),
    "events": (
        "event", "story", "date", "mod", "status", "description", "salience", "actors",
        "sources", "source_articles", *CITATION,
    ),
    "quotes": ("speaker", "speaker_key", "quote", "direct", "cue", "story", *CITATION),
    "articles": ("title", "story", "duplicate_of", "author", "published_source", *CITATION),
}  # fmt: skip
WHATS = tuple(COLUMNS)
FORMATS = ("csv", "jsonl")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_rows(ledger: Ledger, what: str, story: str | None = None) -> list[dict[str, Any]]:
    """The rows of one export table, each a dict with exactly ``COLUMNS[what]``."""
    builders: dict[str, Callable[[Ledger, str | None], Iterable[dict[str, Any]]]] = {
        "figures": figure_rows,
        "observations": observation_rows,
        "events": event_rows,
        "quotes": quote_rows,
        "articles": article_rows,
    }
    columns = COLUMNS[what]
    return [{c: row.get(c) for c in columns} for row in builders[what](ledger, story)]


def cited(source: dict[str, Any]) -> dict[str, Any]:
    return {c: source.get(c) for c in CITATION}


def figure_rows(ledger: Ledger, story: str | None) -> Iterable[dict[str, Any]]:
    for figure in facts_data(ledger, story):
        latest = figure.get("latest") or {}
        yield {
            "figure": figure["id"],
            "story": figure["story"],
            "label": figure["label"],
            "unit": figure["unit"],
            "counted": figure.get("counted"),
            "modality": figure["modality"],
            "change": figure.get("change", False),
            "observations": len(figure["observations"]),
            "outlets": len({o.get("outlet") or o["article"] for o in figure["observations"]}),
            "conflicts": len(figure.get("conflicts", [])),  # open conflicts
            "latest_value": latest.get("value"),
            "latest_low": latest.get("low"),
            "latest_high": latest.get("high"),
            "latest_as_of": latest.get("as_of"),
            **cited(latest),
        }


def observation_rows(ledger: Ledger, story: str | None) -> Iterable[dict[str, Any]]:
    for figure in facts_data(ledger, story, sentences=True):
        for obs in figure["observations"]:
            yield {
                "figure": figure["id"],
                "story": figure["story"],
                "label": figure["label"],
                "unit": figure["unit"],
                "counted": figure.get("counted"),
                "modality": figure["modality"],
                **obs,
            }


def event_rows(ledger: Ledger, story: str | None) -> Iterable[dict[str, Any]]:
    """One row per event; the citation columns name its first independent source."""
    for event in timeline_data(ledger, story):
        sources = event["sources"]
        first = next((s for s in sources if not s.get("duplicate_of")), sources[0])
        yield {
            **{k: event[k] for k in ("story", "date", "mod", "status", "description")},
            "event": event["id"],
            "salience": event["salience"],
            "actors": event["actors"],
            "sources": len(sources),
            "source_articles": [s["article"] for s in sources],
            **cited(first),
        }


def quote_rows(ledger: Ledger, story: str | None) -> Iterable[dict[str, Any]]:
    """One row per quote as printed in one article."""
    for group in quotes_data(ledger, story):
        for quote in group["quotes"]:
            for source in quote["sources"]:
                yield {
                    "speaker": group["speaker"],
                    "speaker_key": group["speaker_key"],
                    "quote": quote["text"],
                    "direct": quote["direct"],
                    "cue": quote["cue"],
                    "story": source["story"],
                    **cited(source),
                }


def article_rows(ledger: Ledger, story: str | None) -> Iterable[dict[str, Any]]:
    return article_export_rows(ledger.conn, story)


# -- writing ---------------------------------------------------------------------------


def write_export(
    rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, out: TextIO
) -> None:
    """Write rows as CSV (with a header, formulas neutralised) or as JSON lines."""
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row[c]) for c in columns])


def csv_cell(value: Any) -> str:
    """A value as a CSV cell: lists joined by '; ', None empty, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)  # a number is never a formula, even when negative
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    return neutralise(str(value))


def neutralise(text: str) -> str:
    """Prefix a single quote to text a spreadsheet would read as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
