"""`storyledger serve` over a PostgreSQL ledger, a real server on a real port: the API
answers as over the same ledger in SQLite (search: the same hits), the story page and
search page render, and a write lands (one test: the ledger is built once)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import HOSTILE_TEXT, STORY_TEXTS, article
from tests.web.test_auth import free_port, wait_until_ready

from storyledger.ingest.pipeline import ingest_articles
from storyledger.store import open_ledger


@pytest.fixture
def served(postgresql_url: str) -> Iterator[str]:
    """A real server over a PostgreSQL ledger of the web tests' articles."""
    articles = [article(*fields) for fields in STORY_TEXTS]
    articles.append(
        article("<b>Evil Outlet</b>", "2024-06-24", "<script>alert(1)</script>", HOSTILE_TEXT)
    )
    with open_ledger(postgresql_url) as ledger:
        assert ingest_articles(ledger, articles).ok
    port = free_port()
    command = [sys.executable, "-m", "storyledger", "--db", postgresql_url, "serve"]
    process = subprocess.Popen([*command, "--host", "127.0.0.1", "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def without_ingestion_times(data: Any) -> Any:
    """The answer but for when each article was ingested (the two ledgers differ there)."""
    if isinstance(data, dict):
        return {k: without_ingestion_times(v) for k, v in data.items() if k != "ingested_at"}
    if isinstance(data, list):
        return [without_ingestion_times(item) for item in data]
    return data


def test_the_api_pages_and_writes_over_postgresql(served: str, client: TestClient) -> None:
    def both(path: str) -> tuple[Any, Any]:
        over_server = httpx.get(served + path, timeout=60)
        assert over_server.status_code == 200, (path, over_server.text)
        return over_server.json(), client.get(path).json()

    stories, expected = both("/api/v1/stories")
    assert stories == expected and stories
    story = stories[0]["id"]
    facts, expected = both(f"/api/v1/stories/{story}/facts")
    assert facts == expected and facts["figures"]
    figure = facts["figures"][0]["id"]
    article_id = both("/api/v1/articles")[0][0]["id"]
    for path in (
        "/api/v1/facts",
        f"/api/v1/figures/{figure}",
        f"/api/v1/stories/{story}/timeline",
        "/api/v1/entities",
        f"/api/v1/articles/{article_id}",
        "/api/v1/changes?since=2024-06-01",
    ):
        over_server, expected = both(path)
        assert without_ingestion_times(over_server) == without_ingestion_times(expected), path
    hits, expected = both("/api/v1/search?q=police officers")  # the same hits, ranked apart
    assert sorted(hit["id"] for hit in hits) == sorted(hit["id"] for hit in expected)
    assert len(hits) == 3 and all("[officers]" in hit["snippet"] for hit in hits)
    page = httpx.get(f"{served}/stories/{story}", timeout=60)
    assert page.status_code == 200 and stories[0]["label"] in page.text
    assert "<script>alert(1)</script>" not in page.text
    hits = httpx.get(f"{served}/search", params={"q": "contingent"}, timeout=60)
    assert hits.status_code == 200 and "<mark>contingent</mark>" in hits.text
    # and a write lands
    record = {"text": "The council approved 12 new buses on Monday.", "published": "2024-07-01"}
    posted = httpx.post(served + "/api/v1/articles", json={"articles": [record]}, timeout=120)
    assert posted.status_code == 201, posted.text
    listed = httpx.get(served + "/api/v1/articles", timeout=60).json()
    assert posted.json()["added"][0] in {summary["id"] for summary in listed}
