"""The commands read well at 80 and at 120 columns, and never read user text as markup.

The demo's ledger (the bundled corpus through the real pipeline) is shown by every
command at both widths: no line is wider than the terminal, no cell is cut short with an
ellipsis the source does not contain, a narrow terminal gets one block per row and a
wide one a table, with 7-character ids that the commands accept back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.demo import run_demo
from storyledger.report.display import short_ids

WIDTHS = ("80", "120")
TABLE_RULE = "┃"  # the header rule of a rich table


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_demo(tmp_path_factory.mktemp("layout")).ledger_path


def shown(db: Path, columns: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", str(db), *args], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return result.stdout


def assert_fits(text: str, columns: str) -> None:
    """No line wider than the terminal, no cell cut short (the corpus has no '…')."""
    widest = max(cell_len(line) for line in text.splitlines())
    assert widest <= int(columns), f"a line of {widest} columns"
    assert "…" not in text


def json_of(db: Path, *args: str) -> object:
    return json.loads(CliRunner().invoke(app, ["--db", str(db), *args, "--json"]).stdout)


@pytest.mark.parametrize("columns", WIDTHS)
def test_every_view_fits_the_terminal(demo_db: Path, columns: str) -> None:
    article = json_of(demo_db, "articles")[0]["id"]  # type: ignore[index]
    figure = json_of(demo_db, "facts")[0]["id"]  # type: ignore[index]
    for command in (
        ["facts"],
        ["timeline"],
        ["stories"],
        ["articles"],
        ["entities"],
        ["show", article[:7]],
        ["figure", figure[:7]],
        ["changes", "--since", "2024-06-01"],
    ):
        text = shown(demo_db, columns, *command)
        assert text.strip(), command
        assert_fits(text, columns)


def test_a_narrow_terminal_gets_one_block_per_figure(demo_db: Path) -> None:
    figures = json_of(demo_db, "facts")
    text = shown(demo_db, "80", "facts")
    assert TABLE_RULE not in text
    lines = text.splitlines()
    ids = short_ids(f["id"] for f in figures)  # type: ignore[attr-defined]
    for figure in figures:  # type: ignore[attr-defined]
        at = next(i for i, line in enumerate(lines) if line.split() == ["id", ids[figure["id"]]])
        start = max(i for i in range(at) if not lines[i].strip()) + 1
        assert " ".join(" ".join(lines[start:at]).split()) == figure["label"]  # on its own lines
        block = lines[at : at + 7]
        assert any(line.split()[:1] == ["latest"] for line in block)
        assert any(line.split()[:2] == ["as", "of"] for line in block)
        assert any(line.split() == ["outlets", str(figure["sources"])] for line in block)
        assert any(line.split()[:1] == ["history"] for line in block)


def test_a_wide_terminal_gets_tables_with_short_ids(demo_db: Path) -> None:
    figures = json_of(demo_db, "facts")
    text = shown(demo_db, "120", "facts")
    assert TABLE_RULE in text
    ids = short_ids(f["id"] for f in figures)  # type: ignore[attr-defined]
    assert sum(len(short) == 7 for short in ids.values()) >= len(ids) - 2
    for figure in figures:  # type: ignore[attr-defined]
        short = ids[figure["id"]]
        assert re.search(rf"│ {re.escape(short)} +│", text)
        history = shown(demo_db, "120", "figure", short)  # the short id finds its figure
        assert figure["label"] in " ".join(history.split())
    stories = json_of(demo_db, "stories")
    assert f"│ {stories[0]['id'][:7]} │" in shown(demo_db, "120", "stories")  # type: ignore[index]


# -- user text is never markup -----------------------------------------------------------

MARKUP_TITLE = "Police [bold]raid[/bold] ends [/x] in Port-au-Prince"
MARKUP_TEXT = (
    '"We asked [the police] to leave the market," said Marie Joseph on Monday. '
    "Some 300 officers [/x] patrolled the streets of Port-au-Prince."
)


@pytest.fixture(scope="module")
def markup_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("markup")
    source = folder / "markup.jsonl"
    record = {"title": MARKUP_TITLE, "text": MARKUP_TEXT, "published": "2024-06-25"}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = folder / "ledger.db"
    ingest = CliRunner().invoke(app, ["--db", str(db), "ingest", str(source), "--quiet"])
    assert ingest.exit_code == 0, ingest.output
    return db


@pytest.mark.parametrize("columns", WIDTHS)
def test_titles_and_quotes_are_shown_as_written(markup_db: Path, columns: str) -> None:
    [article] = json_of(markup_db, "articles")  # type: ignore[misc]
    listed = " ".join(shown(markup_db, columns, "articles").split())
    assert "[bold]raid[/bold] ends [/x]" in listed
    page = shown(markup_db, columns, "show", article["id"][:7])
    flat = " ".join(page.replace("│", " ").split())
    assert MARKUP_TITLE in flat
    assert "[the police]" in flat  # the quote keeps its words
    assert "[/x]" in flat
    assert_fits(page, columns)
