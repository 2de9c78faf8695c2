"""From raw fields (front matter, JSON records, HTML metadata) to a checked ``Article``.

Every source reader ends here, so the rules are the same for all of them:
text must be non-empty, metadata fields must be strings, dates are
normalised to ISO, the id is the content hash of the text, and the origin of
the publication date is recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from storyledger.errors import InputError, Msg
from storyledger.extract.datelines import date_at_head
from storyledger.model import Article, DateSource, content_id

METADATA_FIELDS = ("url", "outlet", "title", "published", "author")

# Written-out dates seen in news metadata, tried after ISO 8601 and RFC 2822.
_WRITTEN_DATE_FORMATS = (
    "%B %d, %Y",  # June 25, 2024
    "%b %d, %Y",  # Jun 25, 2024
    "%d %B %Y",  # 25 June 2024
    "%d %b %Y",  # 25 Jun 2024
    "%Y/%m/%d",
)
_SPACES = re.compile(r"\s+")


@dataclass
class Defaults:
    """What the command line supplies for sources that lack it."""

    published: str | None = None  # already normalised
    outlet: str | None = None


def kind_of(value: object) -> str:
    """A JSON-ish name of a value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def normalise_date(value: str, where: str) -> str:
    """An ISO date (``2024-06-25``) or datetime (``2024-06-25T14:00:00+00:00``) from ``value``;
    a reduced-precision ISO 8601 date (``2024``, ``2024-09``) is kept as written."""
    text = _SPACES.sub(" ", value.strip())
    if _is_reduced_precision(text):
        return text
    parsed = _parse_iso(text) or _parse_rfc2822(text) or _parse_written(text)
    if parsed is None:
        raise InputError(Msg.BAD_DATE.format(where=where, value=value))
    return parsed.isoformat()


def _is_reduced_precision(text: str) -> bool:
    """A year (``2024``) or a month (``2024-09``) of ISO 8601."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?", text)
    return m is not None and int(m[1]) >= 1 and (m[2] is None or 1 <= int(m[2]) <= 12)


def _parse_iso(text: str) -> date | datetime | None:
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> datetime | None:
    if not re.match(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d", text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None


def _parse_written(text: str) -> date | None:
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.replace("Sept ", "Sep "))
    for pattern in _WRITTEN_DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def check_fields(record: dict[str, Any], where: str) -> None:
    """Reject metadata and text fields that are present but not strings."""
    for name in (*METADATA_FIELDS, "text", "html"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                Msg.BAD_FIELD_TYPE.format(
                    where=where, field=name, expected="a string", kind=kind_of(value)
                )
            )
    record_id = record.get("id")
    if record_id is not None and (
        isinstance(record_id, bool) or not isinstance(record_id, str | int)
    ):
        raise InputError(
            Msg.BAD_FIELD_TYPE.format(
                where=where, field="id", expected="a string or a number", kind=kind_of(record_id)
            )
        )


def build_article(
    text: str,
    fields: dict[str, Any],
    where: str,
    defaults: Defaults,
    date_source: DateSource = "metadata",
    date_where: str | None = None,
) -> Article:
    """The article of ``text`` with checked ``fields``; ``date_source`` says where dates come from.

    ``fields`` must already have passed ``check_fields``; ``date_where`` names
    the place of the date in error messages (a line of front matter, say).
    Line ends become ``\n`` and surrounding blank space is dropped: the stored
    text is what every mention offset points into.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError(Msg.EMPTY_TEXT.format(where=where))
    published, source = _publication_date(fields, text, date_where or where, date_source, defaults)
    return Article(
        id=content_id(text),
        text=text,
        url=_clean(fields.get("url")),
        outlet=_clean(fields.get("outlet")) or defaults.outlet,
        title=_clean(fields.get("title")),
        published=published,
        published_source=source,
        author=_clean(fields.get("author")),
    )


def _publication_date(
    fields: dict[str, Any], text: str, where: str, source: DateSource, defaults: Defaults
) -> tuple[str | None, DateSource]:
    """The metadata's date, else one the head of the text states, else the CLI's default."""
    raw = _clean(fields.get("published"))
    if raw is not None:
        return normalise_date(raw, where), source
    stated = date_at_head(text)
    if stated is not None:
        return stated, "text"
    if defaults.published is not None:
        return defaults.published, "cli"
    return None, "none"


def _clean(value: str | None) -> str | None:
    """A metadata string with its spaces tidied, or None when empty."""
    if value is None:
        return None
    cleaned = _SPACES.sub(" ", value).strip()
    return cleaned or None


@dataclass
class ExtractRequest:
    """One record of ``storyledger extract``: an id, a text and its publication date."""

    id: str
    text: str
    published: str | None


def extract_request(record: Any, where: str, default_published: str | None) -> ExtractRequest:
    """The request in a JSONL record ``{id?, text, published?, title?, url?, outlet?}``.

    The id defaults to the content hash of the text; ``published`` to the date the head of
    the text states, else ``default_published``.
    """
    if not isinstance(record, dict):
        raise InputError(Msg.BAD_RECORD.format(where=where, kind=kind_of(record)))
    check_fields(record, where)
    text = record.get("text")
    if text is None:
        raise InputError(
            Msg.BAD_FIELD_TYPE.format(where=where, field="text", expected="a string", kind="null")
        )
    if not text.strip():
        raise InputError(Msg.EMPTY_TEXT.format(where=where))
    published = record.get("published")
    return ExtractRequest(
        id=str(record["id"]) if record.get("id") is not None else content_id(text),
        text=text,
        published=normalise_date(published, where)
        if published
        else date_at_head(text) or default_published,
    )
