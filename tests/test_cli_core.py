"""The core commands end to end: ingest, articles, show, rebuild, extract, and error handling."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyledger.cli import app, main
from storyledger.model import content_id

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def invoke(db: Path, *args: str, input: str | None = None):
    return runner.invoke(app, ["--db", str(db), *args], input=input)


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "ledger.db"
    result = invoke(db, "ingest", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return db


def example_id() -> str:
    [path] = sorted(EXAMPLES.glob("*.txt"))
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    return content_id(body.strip())


def test_ingest_prints_a_summary_and_is_idempotent(ledger_db: Path) -> None:
    again = invoke(ledger_db, "ingest", str(EXAMPLES), "--json")
    assert again.exit_code == 0
    summary = json.loads(again.stdout)
    assert (summary["added"], summary["already_present"], summary["failed"]) == (0, 1, 0)
    assert summary["already_present_ids"] == [example_id()]


def test_ingest_reports_bad_files_and_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Kenya sent 400 officers to Haiti.", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": 1}\n', encoding="utf-8")
    result = invoke(tmp_path / "l.db", "ingest", str(tmp_path), "--outlet", "AP")
    assert result.exit_code == 1
    assert "added 1, already present 0, failed 1" in result.stdout
    assert f"error: {tmp_path / 'bad.jsonl'}:1: field 'text' must be a string" in result.stderr


def test_articles_lists_the_example(ledger_db: Path) -> None:
    listed = json.loads(invoke(ledger_db, "articles", "--json").stdout)
    assert listed == [
        {
            "id": example_id(),
            "url": "https://example.org/storyledger/haiti-police-mission",
            "outlet": "storyledger example",
            "title": "First Kenyan police officers arrive in Haiti to lead multinational mission",
            "published": "2024-06-26",
        }
    ]
    table = invoke(ledger_db, "articles").stdout
    assert example_id()[:7] in table and "2024-06-26" in table


def test_show_accepts_a_prefix_and_prints_every_extraction(ledger_db: Path) -> None:
    result = invoke(ledger_db, "show", example_id()[:6])
    assert result.exit_code == 0, result.output
    for heading in ("Entities", "Times", "Quantities", "Quotes", "Claims"):
        assert re.search(rf"^{heading}( \(\d+\)|: none) *$", result.stdout, re.MULTILINE)
    assert "2024-06-25" in result.stdout  # "on Tuesday", resolved against the publication date
    data = json.loads(invoke(ledger_db, "show", example_id(), "--json").stdout)
    assert data["id"] == example_id()
    assert data["published_source"] == "metadata"
    assert set(data["extraction"]) >= {"entities", "times", "quantities", "quotes", "claims"}
    assert data["text"].startswith("PORT-AU-PRINCE")


def test_rebuild_with_nothing_outdated(ledger_db: Path) -> None:
    result = invoke(ledger_db, "rebuild", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["extracted"] == 0


def test_extract_reads_jsonl_and_writes_one_line_per_record(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "Kenya sent 400 officers on Tuesday."},
        {"id": "b", "text": "The fund holds $21 million.", "published": "2024-07-17"},
    ]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n{broken\n"
    result = runner.invoke(app, ["extract", "-", "--published", "2024-06-26"], input=stdin)
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    for line in lines:
        assert {"entities", "times", "quantities", "quotes", "claims"} <= set(line)
    assert "error: <stdin>:3: invalid JSON" in result.stderr


def test_extract_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 7, "text": "Officials said 200 more arrived."}) + "\n")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "7"


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "rebuild", "extract"])
def test_every_command_help_has_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: storyledger" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "ffffffffffff"], "error: no article with id 'ffffffffffff'"),
        (["ingest", "x.txt", "--published", "someday"], "error: --published: cannot read the date"),
        (["extract", "missing.jsonl"], "error: missing.jsonl: no such file or folder"),
    ],
)
def test_errors_are_one_line_and_exit_1(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["storyledger", "--db", str(tmp_path / "l.db"), *args])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith(message)
    assert stderr.count("\n") == 1
    assert "Traceback" not in stderr
