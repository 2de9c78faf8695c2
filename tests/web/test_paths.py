"""Links in pages: the quick path_for gives the router's own paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.requests import Request

from storyledger.web.app import create_app
from storyledger.web.pages import path_for


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("article_page", {"article": "abc123"}),
        ("figure_page", {"figure": "f1"}),
        ("story_page", {"story": "s1"}),
        ("story_sources_page", {"story": "s1"}),
        ("article_page", {"article": "x y%<"}),
        ("static", {"path": "style.css"}),
    ],
)
def test_path_for_is_the_routers_path(tmp_path: Path, name: str, params: dict[str, str]) -> None:
    app = create_app(tmp_path / "ledger.db")
    request = Request({"type": "http", "app": app, "router": app.router, "headers": []})
    expected = str(app.url_path_for(name, **params))
    assert path_for({"request": request}, name, **params) == expected  # the first time
    assert path_for({"request": request}, name, **params) == expected  # filled in
    other = {key: value + "2" for key, value in params.items()}
    assert path_for({"request": request}, name, **other) == str(app.url_path_for(name, **other))
