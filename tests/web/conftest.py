"""A ledger built once from test articles (some of them hostile), and an app over it."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from storyledger.ingest.pipeline import ingest_articles
from storyledger.ingest.records import Defaults, build_article
from storyledger.model import Article
from storyledger.store.sqlite import open_ledger
from storyledger.web.app import create_app

HOSTILE_MARK = "hostile-marker"
HOSTILE_TEXT = (
    "Kenya pledged 1,000 police officers to Haiti on Monday, the ministry said. "
    '<script>window.__pwned = "script";</script> '
    "<img src=x onerror=\"window.__pwned = 'onerror'\"> "
    "<a href=\"javascript:window.__pwned='link'\">click</a> "
    '{"x": "</script><script>window.__pwned = \'json\'</script>"} '
    f"The {HOSTILE_MARK} report said 400 officers had arrived in Port-au-Prince."
)

STORY_TEXTS = [
    (
        "Wire Service",
        "2024-06-25",
        "Kenyan police officers land in Haiti",
        "About 400 Kenyan police officers arrived in Port-au-Prince on Tuesday, the first "
        "contingent of a mission Kenya pledged to lead with 1,000 officers. President William "
        "Ruto said the deployment was historic. The United States has pledged $300 million.",
    ),
    (
        "Island Daily",
        "2024-07-17",
        "Second Kenyan contingent arrives in Haiti",
        "A second contingent of 200 Kenyan police officers arrived in Haiti on Tuesday, "
        "bringing the force to 600 officers, officials said. Kenya has pledged 1,000 officers "
        'in total. "We are here to restore order," commander Godfrey Otunge told reporters.',
    ),
]


def article(outlet: str, published: str, title: str, text: str) -> Article:
    record = {"outlet": outlet, "published": published, "title": title}
    return build_article(text, record, f"test:{title}", Defaults())


# A web test that runs longer than this is stuck (an endpoint that never returns runs in a
# server thread no test can stop): print every thread's stack and end the run, not hang it.
STUCK_AFTER_S = int(os.environ.get("STORYLEDGER_WEB_TEST_TIMEOUT", "900"))


@pytest.fixture(autouse=True)
def stuck_guard() -> Iterator[None]:
    faulthandler.dump_traceback_later(STUCK_AFTER_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="session")
def hostile_mark() -> str:
    return HOSTILE_MARK


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    articles = [article(*fields) for fields in STORY_TEXTS]
    articles.append(
        article("<b>Evil Outlet</b>", "2024-06-24", "<script>alert(1)</script>", HOSTILE_TEXT)
    )
    with open_ledger(path) as ledger:
        report = ingest_articles(ledger, articles)
        assert report.ok, report.failed
    return path


@pytest.fixture(scope="session")
def app(ledger_path: Path) -> FastAPI:
    return create_app(ledger_path)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client
