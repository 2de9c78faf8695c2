"""Server-rendered pages: content, links, and hostile article text shown inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from storyledger.web import pages


class ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "img"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")


def page_links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({prefix}[^"]+)"', html)


def hostile_article(client: TestClient) -> str:
    return next(
        a["id"] for a in client.get("/api/v1/articles").json() if "script" in (a["title"] or "")
    )


def assert_inert(html: str) -> None:
    parser = ActiveContent()
    parser.feed(html)
    assert parser.found == [], parser.found


def test_every_page_renders_and_links_through(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200
    story_url = page_links(index.text, "/stories/")[0]
    story = client.get(story_url)
    assert story.status_code == 200
    assert "Fact sheet" in story.text and "Timeline" in story.text
    assert "<svg" in story.text  # a chart per figure
    figure_url = page_links(story.text, "/figures/")[0]
    figure = client.get(figure_url)
    assert figure.status_code == 200 and "<table" in figure.text
    article_url = page_links(figure.text, "/articles/")[0]
    article = client.get(article_url)
    assert article.status_code == 200
    assert 'class="m-time' in article.text or 'class="m-quantity' in article.text


def test_time_values_show_on_hover(client: TestClient) -> None:
    articles = client.get("/api/v1/articles").json()
    wire = next(a for a in articles if a["outlet"] == "Wire Service")
    html = client.get(f"/articles/{wire['id']}").text
    assert re.search(r'class="[^"]*m-time[^"]*" title="[^"]*time: 2024-06-25', html)


def test_search_page_highlights_matches(client: TestClient) -> None:
    html = client.get("/search", params={"q": "contingent"}).text
    assert "<mark>contingent</mark>" in html.lower()


def test_hostile_text_is_inert_on_every_page(client: TestClient, hostile_mark: str) -> None:
    article_id = hostile_article(client)
    article = client.get(f"/articles/{article_id}")
    assert hostile_mark in article.text
    assert "&lt;script&gt;" in article.text
    assert_inert(article.text)
    search = client.get("/search", params={"q": hostile_mark})
    assert hostile_mark in search.text
    assert_inert(search.text)
    for story in client.get("/api/v1/stories").json():
        assert_inert(client.get(f"/stories/{story['id']}").text)
        facts = client.get(f"/api/v1/stories/{story['id']}/facts?limit=200").json()
        for figure in facts["figures"]:
            assert_inert(client.get(f"/figures/{figure['id']}").text)
    assert_inert(client.get("/").text)


def test_unknown_pages_are_404_pages(client: TestClient) -> None:
    for url in ("/stories/nope", "/figures/nope", "/articles/ffffffffffff"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Error 404" in response.text


def test_story_page_shows_the_newest_sources_and_links_to_all(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = max(client.get("/api/v1/stories").json(), key=lambda s: len(s["articles"]))
    assert len(story["articles"]) >= 2
    full = client.get(f"/stories/{story['id']}").text
    assert "all sources" not in full  # every source fits
    monkeypatch.setattr(pages, "SOURCES_SHOWN", 1)
    html = client.get(f"/stories/{story['id']}").text
    sources = re.search(r'<ul class="sources">(.*?)</ul>', html, re.S)
    assert sources is not None and sources.group(1).count("<li>") == 1
    link = page_links(html, f"/stories/{story['id']}/source")
    assert link, "the story page links to all its sources"
    every = client.get(link[0])
    assert every.status_code == 200
    assert every.text.count('href="/articles/') == len(story["articles"])
    assert_inert(every.text)
    assert client.get("/stories/nope/sources").status_code == 404


def test_story_page_shows_the_first_figures_and_links_to_the_next(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The figures a reader follows first, FIGURES_SHOWN of them, and a link to the next
    ones, which shows them (the API's pages, in the same order)."""
    story = max(client.get("/api/v1/stories").json(), key=lambda s: len(s["articles"]))
    ranked = client.get(f"/api/v1/stories/{story['id']}/facts").json()["figures"]
    assert len(ranked) >= 2
    assert "more figures" not in client.get(f"/stories/{story['id']}").text  # all fit
    monkeypatch.setattr(pages, "FIGURES_SHOWN", 1)
    shown = [ranked[0]["id"]]
    html = client.get(f"/stories/{story['id']}").text
    while True:
        cards = re.findall(r'class="figure-link" href="/figures/([^"]+)"', html)
        assert cards == shown[-1:]
        more = page_links(html, re.escape(f"/stories/{story['id']}?figures="))
        if not more:
            break
        html = client.get(more[0]).text
        assert_inert(html)
        shown.append(ranked[len(shown)]["id"])
    assert shown == [f["id"] for f in ranked]
