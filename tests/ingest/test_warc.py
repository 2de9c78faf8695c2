"""Web archives: the HTML pages of real WARC files written here with warcio, whole and cut short."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.ingest.web_server import article_html, demo_records
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyledger.cli import app
from storyledger.ingest.warc import import_warc, read_warc
from storyledger.store.sqlite import Ledger, open_ledger

PAGES = 3  # HTML articles in the test archive


def response(writer: WARCWriter, uri: str, body: bytes, status: str, content_type: str) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def write_archive(path: Path, gzip: bool) -> Path:
    """Articles, plus what an archive also holds: an image, a 404 page and a request."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        response(writer, "https://example.org/logo.png", b"\x89PNG", "200 OK", "image/png")
        response(writer, "https://example.org/x", b"<p>missing</p>", "404 Not Found", "text/html")
        request = writer.create_warc_record(
            "https://example.org/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        for number, record in enumerate(demo_records()[:PAGES]):
            uri = f"https://example.org/news/{number}"
            response(writer, uri, article_html(record), "200 OK", "text/html; charset=utf-8")
    return path


def truncated_copy(path: Path, keep: float) -> Path:
    data = path.read_bytes()
    cut = path.with_name("cut-" + path.name)
    cut.write_bytes(data[: int(len(data) * keep)])
    return cut


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with open_ledger(tmp_path / "ledger.db") as ledger:
        yield ledger


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_whole_archive_gives_its_html_pages(tmp_path: Path, gzip: bool) -> None:
    archive = write_archive(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip)
    loaded = list(read_warc(archive))
    assert [item.error for item in loaded] == [None] * PAGES
    articles = [item.article for item in loaded if item.article]
    assert [a.url for a in articles] == [f"https://example.org/news/{n}" for n in range(PAGES)]
    assert articles[0].title == demo_records()[0]["title"]
    assert articles[0].published_source == "html"


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_truncated_archive_keeps_what_precedes_the_damage(tmp_path: Path, gzip: bool) -> None:
    archive = write_archive(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip)
    loaded = list(read_warc(truncated_copy(archive, keep=0.9)))
    good = [item.article.url for item in loaded if item.article]
    errors = [item.error for item in loaded if item.error]
    assert good == [f"https://example.org/news/{n}" for n in range(PAGES - 1)]
    assert len(errors) == 1
    assert "truncated or damaged after" in errors[0]


def test_archive_with_no_complete_record(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "a.warc.gz", gzip=True)
    [item] = list(read_warc(truncated_copy(archive, keep=0.05)))
    assert item.error is not None
    assert "after 0 records" in item.error


def test_missing_file_is_reported(tmp_path: Path) -> None:
    [item] = list(read_warc(tmp_path / "nothing.warc"))
    assert item.error is not None and "cannot read the web archive" in item.error


def test_oversized_page_is_reported(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "a.warc.gz", gzip=True)
    loaded = list(read_warc(archive, max_bytes=1000))
    assert all(item.error and "larger than 1000 bytes" in item.error for item in loaded)
    assert len(loaded) == PAGES


def test_import_twice_adds_nothing_twice(tmp_path: Path, ledger: Ledger) -> None:
    archive = write_archive(tmp_path / "a.warc.gz", gzip=True)
    first = import_warc(ledger, archive)
    assert (len(first.added), first.failed) == (PAGES, [])
    second = import_warc(ledger, archive)
    assert (len(second.added), len(second.skipped)) == (0, PAGES)
    assert ledger.count_articles() == PAGES


def test_cli_import_of_truncated_archive_exits_non_zero(tmp_path: Path) -> None:
    archive = truncated_copy(write_archive(tmp_path / "a.warc.gz", gzip=True), keep=0.9)
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "cli.db"), "import-warc", "-q", str(archive)]
    )
    assert result.exit_code == 1
    assert f"added {PAGES - 1}, already present 0, failed 1" in result.output
    assert "truncated or damaged" in result.output
