"""Web archives to articles: the HTML pages among the responses of a WARC file (warcio).

Only ``response`` records with status 200 and an HTML content type are read,
each up to ``max_bytes`` of (decoded) body; everything else in the archive is
passed over. Nothing in an archive is ever used as a file path: the target
URI only labels the article. A truncated or damaged archive gives the
articles before the damage and one failure naming where it stopped
(warcio itself passes over a truncated last record without a word, so the
record lengths and the bytes after the last record are checked here).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import httpx
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyledger.errors import InputError, Msg
from storyledger.ingest.fetch import HTML_TYPES, FetchLimits, Page
from storyledger.ingest.files import Loaded
from storyledger.ingest.html import article_from_html
from storyledger.ingest.pipeline import IngestReport, ingest_loaded
from storyledger.store.sqlite import Ledger

_TAIL_BYTES = 64


class _Damaged(Exception):
    """The archive ends inside a record or has bytes that are not a record."""


def import_warc(
    ledger: Ledger,
    path: str | Path,
    max_bytes: int = FetchLimits.max_bytes,
    workers: int = 1,
    progress: bool = False,
) -> IngestReport:
    """Ingest the HTML pages of the web archive at ``path``; failures are in the report."""
    return ingest_loaded(ledger, read_warc(path, max_bytes), workers=workers, progress=progress)


def read_warc(path: str | Path, max_bytes: int = FetchLimits.max_bytes) -> Iterator[Loaded]:
    """One ``Loaded`` per HTML response in the archive, then one per damage found."""
    where = str(path)
    try:
        with open(path, "rb") as stream:
            yield from _read_records(stream, where, max_bytes)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        yield Loaded(where, error=Msg.WARC_UNREADABLE.format(path=where, detail=detail))


def _read_records(stream: BinaryIO, where: str, max_bytes: int) -> Iterator[Loaded]:
    archive = ArchiveIterator(stream)
    records = 0
    try:
        for record in archive:
            page = _html_response(record, max_bytes)
            archive.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise _Damaged("the last record is cut short")
            records += 1
            if page is not None:
                yield page
        _check_tail(stream, _records_end(archive, records))
    except (_Damaged, ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        detail = str(exc) or type(exc).__name__
        yield Loaded(where, error=Msg.WARC_DAMAGED.format(path=where, count=records, detail=detail))


def _html_response(record: Any, max_bytes: int) -> Loaded | None:
    """The article of a 200 HTML response record (or why it has none); None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or "<no target URI>"
    headers = httpx.Headers(record.http_headers.headers)
    page = Page(uri, int(record.http_headers.get_statuscode() or 0), headers)
    if page.status != 200 or (page.content_type and page.content_type not in HTML_TYPES):
        return None
    page.body = record.content_stream().read(max_bytes + 1)
    if len(page.body) > max_bytes:
        return Loaded(uri, error=Msg.FETCH_TOO_LARGE.format(url=uri, limit=max_bytes))
    try:
        return Loaded(uri, article=article_from_html(page.text(), url=uri, where=uri))
    except InputError as exc:
        return Loaded(uri, error=str(exc))


def _records_end(archive: ArchiveIterator, records: int) -> int:
    """The offset just past the last complete record (0 when there was none)."""
    if not records:
        return 0
    return int(archive.get_record_offset()) + int(archive.get_record_length())


def _check_tail(stream: BinaryIO, end: int) -> None:
    """Raise ``_Damaged`` when anything but blank space follows the last complete record."""
    size = os.fstat(stream.fileno()).st_size
    if size <= end:
        return
    stream.seek(end)
    if stream.read(_TAIL_BYTES).strip():
        raise _Damaged(f"{size - end} bytes after the last complete record cannot be read")
