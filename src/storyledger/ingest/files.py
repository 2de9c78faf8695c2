"""Local sources to articles: text files with front matter, HTML, JSON, JSONL and folders.

``read_sources`` walks the paths (folders recursively, in sorted order) and
yields one ``Loaded`` per article or per failure, so one bad file or line
never stops the rest of a batch.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.ingest.html import article_from_html
from storyledger.ingest.records import (
    Defaults,
    build_article,
    check_fields,
    kind_of,
    normalise_date,
)
from storyledger.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
FRONT_MATTER_FENCE = "---"
_BINARY_SNIFF_BYTES = 8192


@dataclass
class Loaded:
    """One article read from a source, or the error that prevented it, with where it was."""

    where: str
    article: Article | None = None
    error: str | None = None


def read_sources(paths: Iterable[str | Path], defaults: Defaults | None = None) -> Iterator[Loaded]:
    """Every article (or failure) in ``paths``; folders are walked recursively in sorted order."""
    defaults = defaults or Defaults()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _files_in(path):
                yield from read_file(file, defaults)
        elif path.is_file():
            yield from read_file(path, defaults)
        else:
            yield Loaded(str(path), error=Msg.NOT_FOUND.format(path=path))


def _files_in(folder: Path) -> list[Path]:
    """Files of known types under ``folder``, hidden files and folders left out."""
    return sorted(
        file
        for file in folder.rglob("*")
        if file.is_file()
        and file.suffix.lower() in KNOWN_SUFFIXES
        and not any(part.startswith(".") for part in file.relative_to(folder).parts)
    )


def read_file(path: Path, defaults: Defaults) -> Iterator[Loaded]:
    """The articles of one file; its type follows its suffix (anything else is plain text)."""
    where = str(path)
    try:
        content = read_text(path)
    except InputError as exc:
        yield Loaded(where, error=str(exc))
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_records(content, where, defaults)
    elif suffix in JSON_SUFFIXES:
        yield from _json_records(content, where, defaults)
    elif suffix in HTML_SUFFIXES:
        yield _guarded(where, article_from_html, content, None, where, defaults)
    else:
        yield _guarded(where, article_from_text, content, where, defaults)


def read_text(path: Path) -> str:
    """The UTF-8 text of a file (a byte-order mark is dropped); binary files are refused."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(Msg.NOT_FOUND.format(path=path)) from exc
    except OSError as exc:
        raise InputError(Msg.UNREADABLE.format(path=path, detail=exc.strerror)) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(Msg.NOT_UTF8.format(path=path, detail="UTF-16 text"))
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError(Msg.BINARY_FILE.format(path=path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise InputError(Msg.NOT_UTF8.format(path=path, detail=detail)) from exc


def _guarded(where: str, make: Callable[..., Article], *args: Any) -> Loaded:
    """The article ``make(*args)`` builds, or its input error, as a ``Loaded``."""
    try:
        return Loaded(where, article=make(*args))
    except InputError as exc:
        return Loaded(where, error=str(exc))


# -- plain text with optional front matter ----------------------------------------------


def article_from_text(content: str, where: str, defaults: Defaults) -> Article:
    """A plain-text article, optionally opened by a ``---`` block of ``key: value`` lines."""
    fields, date_line, body = split_front_matter(content)
    date_where = f"{where}:{date_line}" if date_line else where
    return build_article(body, fields, where, defaults, date_where=date_where)


def split_front_matter(content: str) -> tuple[dict[str, str], int | None, str]:
    """(fields, line number of ``published``, body) of a text with optional front matter."""
    lines = content.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, None, content
    fields: dict[str, str] = {}
    date_line = None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == FRONT_MATTER_FENCE:
            return fields, date_line, "".join(lines[number:])
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        fields[key] = _unquote(value.strip())
        if key == "published":
            date_line = number
    return {}, None, content  # no closing fence: not front matter after all


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# -- JSON and JSONL records -------------------------------------------------------------


def _jsonl_records(content: str, where: str, defaults: Defaults) -> Iterator[Loaded]:
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        line_where = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Loaded(line_where, error=Msg.BAD_JSON.format(where=line_where, detail=exc.msg))
            continue
        yield _guarded(line_where, article_from_record, record, line_where, defaults)


def _json_records(content: str, where: str, defaults: Defaults) -> Iterator[Loaded]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg}, line {exc.lineno} column {exc.colno}"
        yield Loaded(where, error=Msg.BAD_JSON.format(where=where, detail=detail))
        return
    if not isinstance(data, list):
        yield _guarded(where, article_from_record, data, where, defaults)
        return
    for number, record in enumerate(data, start=1):
        record_where = f"{where}: record {number}"
        yield _guarded(record_where, article_from_record, record, record_where, defaults)


def article_from_record(record: Any, where: str, defaults: Defaults) -> Article:
    """An article from ``{id?, url?, outlet?, title?, published?, author?, text | html}``."""
    if not isinstance(record, dict):
        raise InputError(Msg.BAD_RECORD.format(where=where, kind=kind_of(record)))
    check_fields(record, where)
    text = record.get("text")
    if text is not None:
        return build_article(text, record, where, defaults)
    html = record.get("html")
    if html is None:
        raise InputError(Msg.NO_TEXT_FIELD.format(where=where))
    page = article_from_html(html, url=record.get("url"), where=where, defaults=defaults)
    return _with_record_metadata(page, record, where)


def _with_record_metadata(page: Article, record: dict[str, Any], where: str) -> Article:
    """A page read from HTML, its metadata overridden by the record's own fields."""
    for name in ("url", "outlet", "title", "author"):
        value = record.get(name)
        if value and value.strip():
            setattr(page, name, " ".join(value.split()))
    if record.get("published"):
        page.published = normalise_date(record["published"], where)
        page.published_source = "metadata"
    return page
