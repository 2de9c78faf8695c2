"""Real pages in a real browser: Debian's Chromium driven by Playwright over a live server."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

playwright_api = pytest.importorskip("playwright.sync_api")
if not shutil.which(CHROMIUM):
    pytest.skip(
        f"{CHROMIUM} is missing (scripts/bootstrap --dev installs it)", allow_module_level=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: object, base_url: str) -> Iterator[object]:
    context = browser.new_context(base_url=base_url)  # type: ignore[attr-defined]
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "request",
        lambda r: (
            problems.append(f"external request {r.url}") if not r.url.startswith(base_url) else None
        ),
    )
    yield page
    context.close()
    assert not problems, problems


@pytest.fixture()
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $STORYLEDGER_SCREENSHOTS if set (to look at them), else a tmp dir."""
    folder = Path(os.environ.get("STORYLEDGER_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_click_from_story_to_figure_to_article(page: object, shots: Path) -> None:
    page.goto("/")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Stories"  # type: ignore[attr-defined]
    page.locator("a.story-link").first.click()  # type: ignore[attr-defined]
    assert "/stories/" in page.url  # type: ignore[attr-defined]
    assert page.locator("#facts .figure").count() > 0  # type: ignore[attr-defined]
    page.screenshot(path=str(shots / "story.png"), full_page=True)  # type: ignore[attr-defined]
    page.locator("a.figure-link").first.click()  # type: ignore[attr-defined]
    assert "/figures/" in page.url  # type: ignore[attr-defined]
    assert page.locator("table.history tbody tr").count() > 0  # type: ignore[attr-defined]
    page.screenshot(path=str(shots / "figure.png"), full_page=True)  # type: ignore[attr-defined]
    page.locator("a.source-link").first.click()  # type: ignore[attr-defined]
    assert "/articles/" in page.url  # type: ignore[attr-defined]
    assert page.locator(".article-text .m-time").count() > 0  # type: ignore[attr-defined]
    page.screenshot(path=str(shots / "article.png"), full_page=True)  # type: ignore[attr-defined]
    assert (shots / "article.png").stat().st_size > 1000


def test_hostile_article_runs_nothing(page: object, hostile_mark: str) -> None:
    page.goto(f"/search?q={hostile_mark}")  # type: ignore[attr-defined]
    assert page.locator("ul.hits li").count() == 1  # type: ignore[attr-defined]
    page.locator("a.hit-link").first.click()  # type: ignore[attr-defined]
    text = page.locator(".article-text").inner_text()  # type: ignore[attr-defined]
    assert "<script>" in text and "javascript:" in text
    assert page.locator(".article-text a, .article-text img, .article-text script").count() == 0  # type: ignore[attr-defined]
    assert page.evaluate("window.__pwned === undefined")  # type: ignore[attr-defined]


def test_search_page(page: object) -> None:
    page.goto("/")  # type: ignore[attr-defined]
    page.fill("input[name=q]", "contingent")  # type: ignore[attr-defined]
    page.press("input[name=q]", "Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**/search?q=contingent")  # type: ignore[attr-defined]
    assert page.locator("ul.hits mark").count() > 0  # type: ignore[attr-defined]


def every_page(client: TestClient) -> list[str]:
    """Every page of the test ledger: the index, stories, figures, articles and a search."""
    urls = ["/", "/search?q=officers"]
    for story in client.get("/api/v1/stories").json():
        urls += [f"/stories/{story['id']}", f"/stories/{story['id']}/sources"]
        facts = client.get(f"/api/v1/stories/{story['id']}/facts?limit=200").json()
        urls += [f"/figures/{f['id']}" for f in facts["figures"]]
    urls += [f"/articles/{a['id']}" for a in client.get("/api/v1/articles").json()]
    return urls


def test_every_page_loads_clean(page: object, client: TestClient, shots: Path) -> None:
    """Each page loads with no console error, no blocked resource and nothing run."""
    urls = every_page(client)
    assert any(u.startswith("/figures/") for u in urls)
    for number, url in enumerate(urls):
        response = page.goto(url)  # type: ignore[attr-defined]
        assert response is not None and response.status == 200, url
        assert page.locator("h1").count() == 1, url  # type: ignore[attr-defined]
        assert page.locator("footer").inner_text().startswith("storyledger"), url  # type: ignore[attr-defined]
        assert page.evaluate("window.__pwned === undefined"), url  # type: ignore[attr-defined]
        assert page.locator("main script, main img, main iframe").count() == 0, url  # type: ignore[attr-defined]
        page.screenshot(path=str(shots / f"page-{number}.png"))  # type: ignore[attr-defined]
