"""HTML pages to articles: main text and metadata via trafilatura, the date via htmldate.

``article_from_html`` is the one entry point, used for HTML files, JSON
records with an ``html`` field and pages fetched from the web.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import Document

from storyledger.errors import InputError, Msg
from storyledger.ingest.records import Defaults, build_article
from storyledger.model import Article

# Only the page's own date markup counts (meta tags, JSON-LD, time elements, URL):
# never a date guessed from the article body.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def article_from_html(
    html: str, url: str | None = None, where: str = "", defaults: Defaults | None = None
) -> Article:
    """The article in an HTML page: main text, title, outlet, author and publication date.

    ``where`` names the source in error messages (the file or URL); ``defaults``
    supplies an outlet and a date for pages without them.
    """
    where = where or url or "<html>"
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, date_extraction_params=_DATE_PARAMS
    )
    page = document.as_dict() if isinstance(document, Document) else {}
    if not (page.get("text") or "").strip():
        raise InputError(Msg.NO_ARTICLE_TEXT.format(where=where))
    title = page.get("title") or None
    fields = {
        "title": title,
        "url": url or page.get("url") or None,
        "outlet": page.get("sitename") or None,
        "author": page.get("author") or None,
        "published": page.get("date") or None,
    }
    fields["outlet"] = fields["outlet"] or (defaults.outlet if defaults else None)
    fields["outlet"] = fields["outlet"] or _host(fields["url"])
    return build_article(
        _paragraphs(page["text"], title), fields, where, defaults or Defaults(), date_source="html"
    )


def _paragraphs(text: str, title: str | None) -> str:
    """Body text with one blank line between paragraphs and without a repeated headline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def _host(url: str | None) -> str | None:
    """The site of a URL without a leading ``www.``, used when a page names no outlet."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
