"""The JSON API, through an in-process client over a real SQLite ledger."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from storyledger.web.app import create_app
from storyledger.web.limits import MAX_BODY_BYTES


def first_story(client: TestClient) -> dict:
    stories = client.get("/api/v1/stories").json()
    assert stories, "the test ledger has stories"
    return max(stories, key=lambda s: len(s["articles"]))


def test_stories_follow_the_contract(client: TestClient) -> None:
    response = client.get("/api/v1/stories")
    assert response.status_code == 200
    for story in response.json():
        assert set(story) >= {"id", "label", "first_seen", "last_seen", "articles"}


def test_facts_of_a_story_carry_observations_with_citations(client: TestClient) -> None:
    story = first_story(client)
    page = client.get(f"/api/v1/stories/{story['id']}/facts").json()
    figures = page["figures"]
    assert figures and page["total"] == len(figures) and page["next_cursor"] is None
    values = {o["value"] for f in figures for o in f["observations"]}
    assert 1000 in values
    for figure in figures:
        for obs in figure["observations"]:
            assert obs["article"] and obs["relation"] in {
                "first",
                "corroborates",
                "updates",
                "conflicts",
                "refines",
            }


def test_figure_history_and_unknown_figure(client: TestClient) -> None:
    story = first_story(client)
    figure = client.get(f"/api/v1/stories/{story['id']}/facts").json()["figures"][0]
    response = client.get(f"/api/v1/figures/{figure['id']}")
    assert response.status_code == 200
    assert response.json()["id"] == figure["id"]
    assert len(response.json()["observations"]) == figure["observation_count"]
    missing = client.get("/api/v1/figures/no-such-figure")
    assert missing.status_code == 404
    assert "no-such-figure" in missing.json()["detail"]


def test_facts_come_in_pages_a_cursor_apart(client: TestClient) -> None:
    """Page by page, one figure at a time, the facts are the whole page's figures in the
    same order; a cursor that no page gave is refused."""
    for url in (f"/api/v1/stories/{first_story(client)['id']}/facts", "/api/v1/facts"):
        whole = client.get(url, params={"limit": 200}).json()
        assert whole["next_cursor"] is None and len(whole["figures"]) == whole["total"] > 1
        paged, params = [], {"limit": 1}
        while True:
            page = client.get(url, params=params).json()
            assert len(page["figures"]) == 1 and page["total"] == whole["total"]
            paged += page["figures"]
            if page["next_cursor"] is None:
                break
            params = {"limit": 1, "cursor": page["next_cursor"]}
        assert paged == whole["figures"]
        for cursor in ("nonsense", "1.2.3", "1.2.3.4.s1"):  # not of a cursor's form
            assert client.get(url, params={"cursor": cursor}).status_code == 422
        last = client.get(url, params={"cursor": "0.0.0.999999.ff"}).json()  # after them all
        assert last["figures"] == [] and last["next_cursor"] is None


def test_timeline_changes_entities(client: TestClient) -> None:
    story = first_story(client)
    events = client.get(f"/api/v1/stories/{story['id']}/timeline").json()
    assert isinstance(events, list)
    for event in events:
        assert event["status"] in {"happened", "expected"}
    assert events and all(event["key"] for event in events)  # the key events by default
    every = client.get(f"/api/v1/stories/{story['id']}/timeline", params={"all": "true"}).json()
    assert {e["id"] for e in events} <= {e["id"] for e in every}
    assert client.get("/api/v1/stories/nope/timeline").status_code == 404
    changes = client.get("/api/v1/changes", params={"since": "2024-01-01"})
    assert changes.status_code == 200
    for bad in ("yesterday", "0", "2024-02-30", "2024-13"):
        assert client.get("/api/v1/changes", params={"since": bad}).status_code == 400, bad
    same = client.get("/api/v1/changes", params={"since": "2024"}).json()
    assert same["since"] == "2024-01-01"
    assert same == client.get("/api/v1/changes", params={"since": "2024-01-01"}).json()
    assert client.get("/api/v1/changes", params={"since": "2024-06"}).json()["since"] == (
        "2024-06-01"
    )
    for year in ("0001", "2024", "9999"):
        timeline = client.get(f"/api/v1/stories/{story['id']}/timeline", params={"from": year})
        assert timeline.status_code == 200, year


def test_options_names_every_method_of_a_path(client: TestClient) -> None:
    allow = client.options("/api/v1/articles").headers["allow"]
    assert {m.strip() for m in allow.split(",")} >= {"GET", "POST"}
    assert client.options("/api/v1/stories").headers["allow"] == "GET"
    keys = {e["key"] for e in client.get("/api/v1/entities").json()}
    assert "kenya" in keys


def test_article_with_extractions_and_prefix(client: TestClient) -> None:
    articles = client.get("/api/v1/articles").json()
    assert len(articles) == 3
    one = articles[0]
    full = client.get(f"/api/v1/articles/{one['id'][:8]}").json()
    assert full["id"] == one["id"]
    assert set(full["extraction"]) >= {"entities", "times", "quantities", "quotes", "claims"}


def test_search_returns_snippets(client: TestClient) -> None:
    hits = client.get("/api/v1/search", params={"q": "contingent"}).json()
    assert hits
    assert all("[" in h["snippet"] for h in hits)
    assert client.get("/api/v1/search", params={"q": 'AND OR "('}).status_code == 200


def test_ingest_validates_and_adds(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "post.db"))
    bad = client.post("/api/v1/articles", json={"articles": [{"title": 5, "text": "x"}]})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"][-1] == "title"
    unknown = client.post("/api/v1/articles", json={"articles": [{"body": "x"}]})
    assert unknown.status_code == 422
    payload = {
        "articles": [
            {"text": "Kenya sent 400 officers to Haiti in June.", "published": "2024-07-01"},
            {"title": "no text"},
            {"text": "Dated badly.", "published": "sometime"},
        ]
    }
    response = client.post("/api/v1/articles", json=payload)
    assert response.status_code == 201
    body = response.json()
    assert len(body["added"]) == 1
    assert {f["index"] for f in body["failed"]} == {1, 2}
    again = client.post("/api/v1/articles", json={"articles": payload["articles"][:1]}).json()
    assert again["added"] == [] and again["skipped"] == body["added"]


def test_ingest_size_limit_and_read_only(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "limit.db"))
    huge = b'{"articles": [{"text": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}]}'
    response = client.post(
        "/api/v1/articles", content=huge, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert str(MAX_BODY_BYTES) in response.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming
        yield b'{"articles": [{"text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
        yield b'"}]}'

    streamed = client.post(
        "/api/v1/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413
    assert "larger than" in streamed.json()["detail"]
    read_only = TestClient(create_app(tmp_path / "limit.db", read_only=True))
    refused = read_only.post("/api/v1/articles", json={"articles": [{"text": "Kenya."}]})
    assert refused.status_code == 403
    assert "read-only" in refused.json()["detail"]
    assert read_only.get("/api/v1/stories").status_code == 200


def test_ingest_errors_name_the_field(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "fields.db"))
    empty = client.post("/api/v1/articles", json={"articles": []})
    assert empty.status_code == 422
    assert empty.json()["detail"][0]["loc"] == ["body", "articles"]
    too_long = client.post(
        "/api/v1/articles", json={"articles": [{"text": "x", "outlet": "o" * 201}]}
    )
    assert too_long.status_code == 422
    assert too_long.json()["detail"][0]["loc"] == ["body", "articles", 0, "outlet"]
    broken = client.post(
        "/api/v1/articles", content=b'{"articles": [', headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422
    assert broken.json()["detail"][0]["type"] == "json_invalid"


def test_openapi_is_served(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) >= {
        "/api/v1/stories",
        "/api/v1/stories/{story}/facts",
        "/api/v1/facts",
        "/api/v1/figures/{figure}",
        "/api/v1/stories/{story}/timeline",
        "/api/v1/changes",
        "/api/v1/entities",
        "/api/v1/articles",
        "/api/v1/articles/{article}",
        "/api/v1/search",
    }
    assert "post" in schema["paths"]["/api/v1/articles"]
    # Swagger UI and ReDoc would load their assets from a CDN: not served
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_hostile_text_comes_back_as_json_data(client: TestClient) -> None:
    hostile = next(
        a for a in client.get("/api/v1/articles").json() if "script" in (a["title"] or "")
    )
    response = client.get(f"/api/v1/articles/{hostile['id']}")
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "</script><script>" in response.json()["text"]  # the text as it is, as data


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/api/v1/stories", "/static/style.css", "/stories/nope"):
        headers = client.get(url).headers
        assert "script-src 'none'" in headers["content-security-policy"], url
        assert headers["x-content-type-options"] == "nosniff", url
