"""HTML pages to articles: main text without boilerplate, title, outlet, date and its origin."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.errors import InputError
from storyledger.ingest.files import read_sources
from storyledger.ingest.html import article_from_html
from storyledger.ingest.records import Defaults

PARAGRAPHS = [
    "The first contingent of 400 Kenyan police officers landed in Port-au-Prince on Tuesday, "
    "almost two years after Haiti asked for international help against armed gangs.",
    "Kenya has pledged 1,000 officers to the mission, which the United Nations Security Council "
    "approved in October. Officials said more officers would follow in the coming weeks.",
    '"This mission is a duty to humanity," President William Ruto told the officers before they '
    "left Nairobi, adding that the force would help Haitians hold elections.",
]


def page(head: str = "", headline: str = "Kenyan police land in Haiti") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!doctype html><html><head><title>{headline} | Example News</title>{head}</head>"
        "<body><header><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>{headline}</h1>{body}</article></main>"
        "<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>"
    )


META = (
    '<meta property="og:site_name" content="Example News">'
    '<meta property="og:title" content="Kenyan police land in Haiti">'
    '<meta property="article:published_time" content="2024-06-25T14:00:00+00:00">'
)


def test_text_title_outlet_and_date_from_the_page() -> None:
    article = article_from_html(page(META), url="https://www.example.com/world/haiti-police")
    assert article.title == "Kenyan police land in Haiti"
    assert article.outlet == "Example News"
    assert article.url == "https://www.example.com/world/haiti-police"
    assert (article.published, article.published_source) == ("2024-06-25", "html")
    assert article.text.split("\n\n") == PARAGRAPHS  # no headline, no navigation, no footer


def test_page_without_metadata_takes_the_defaults_and_the_host() -> None:
    defaults = Defaults(published="2024-06-26")
    article = article_from_html(page(), url="https://www.example.com/a", defaults=defaults)
    assert (article.published, article.published_source) == ("2024-06-26", "cli")
    assert article.outlet == "example.com"


def test_page_without_any_date_or_url() -> None:
    article = article_from_html(page())
    assert (article.published, article.published_source) == (None, "none")
    assert article.outlet is None and article.url is None


def test_date_in_the_url_counts_as_the_page_date() -> None:
    article = article_from_html(page(), url="https://example.com/2024/06/25/haiti-police")
    assert (article.published, article.published_source) == ("2024-06-25", "html")


def test_page_without_article_text_is_an_error() -> None:
    html = "<html><head><title>Menu</title></head><body><script>var x = 1;</script></body></html>"
    with pytest.raises(InputError, match=r"^menu\.html: no article text found in the HTML$"):
        article_from_html(html, where="menu.html")


def test_html_files_are_read_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(META), encoding="utf-8")
    (tmp_path / "b.htm").write_text("<html><body></body></html>", encoding="utf-8")
    good, bad = read_sources([tmp_path])
    assert good.article is not None and good.article.title == "Kenyan police land in Haiti"
    assert bad.error == f"{tmp_path / 'b.htm'}: no article text found in the HTML"
