"""Exports: stable columns, citation columns, CSV formula neutralisation."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from tests.report.ledger_builder import Draft, store

from storyledger.report.export import COLUMNS, csv_cell, export_rows, write_export
from storyledger.store.sqlite import Ledger, open_ledger

FORMULAS = ('=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    """The export tests' articles in a fresh ledger, on each backend."""
    with open_ledger(ledger_db) as ledger:
        yield stored(ledger)


def stored(ledger: Ledger) -> Ledger:
    store(
        ledger,
        Draft(
            text='Kenya sent 400 police officers on Tuesday. "=1+2," said @Ruto.',
            outlet='=HYPERLINK("https://evil.example")',
            published="2024-06-26",
            times=[("Tuesday", "2024-06-25", "2024-06-25", "2024-06-25", None)],
            entities=[("Kenya", "GPE", "kenya", "Kenya")],
            quantities=[("400 police officers", 400, "count", "police officer")],
            quotes=[("=1+2,", "@Ruto", "ruto")],
        ),
    )
    return ledger


def read_csv(ledger: Ledger, what: str) -> list[list[str]]:
    out = io.StringIO()
    write_export(export_rows(ledger, what), COLUMNS[what], "csv", out)
    return list(csv.reader(io.StringIO(out.getvalue())))


@pytest.mark.parametrize("what", list(COLUMNS))
def test_every_table_has_its_columns_and_citations(ledger: Ledger, what: str) -> None:
    rows = read_csv(ledger, what)
    assert tuple(rows[0]) == COLUMNS[what]
    assert {"article", "outlet", "url", "published"} <= set(rows[0])
    assert len(rows) > 1, f"no {what} exported"
    article = rows[0].index("article")
    assert all(len(row[article]) == 16 for row in rows[1:])


@pytest.mark.parametrize("what", ["events", "quotes", "articles"])
def test_no_csv_cell_can_run_as_a_formula(ledger: Ledger, what: str) -> None:
    rows = read_csv(ledger, what)
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=") for cell in cells)  # the hostile outlet, neutralised
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not (cell.startswith("-") and not is_number(cell)), cell


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("text", FORMULAS)
def test_each_formula_start_is_neutralised(text: str) -> None:
    assert csv_cell(text) == "'" + text
    assert csv_cell(["a", text]) == "a; " + text  # only the start of a cell matters
    assert csv_cell(-5.0) == "-5"  # a number is data, not a formula
    assert csv_cell("plain") == "plain"


def test_jsonl_rows_keep_types_and_columns(ledger: Ledger) -> None:
    out = io.StringIO()
    write_export(export_rows(ledger, "events"), COLUMNS["events"], "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows and all(tuple(row) == COLUMNS["events"] for row in rows)
    assert rows[0]["date"] == "2024-06-25"
    assert isinstance(rows[0]["salience"], int)
    assert isinstance(rows[0]["source_articles"], list)
