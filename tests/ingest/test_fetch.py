"""Fetching pages: limits, redirects, refused addresses and the fetch-into-ledger pipeline.

Every test talks to a real HTTP server on 127.0.0.1 started here; none reaches
the internet.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.ingest.web_server import (
    WebServer,
    article_html,
    demo_records,
    endless,
    gzip_bomb,
    gzipped,
    page,
    redirect,
    send,
    serve,
    slow,
    trickle,
)
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.errors import FetchError
from storyledger.ingest.fetch import (
    USER_AGENT,
    Fetcher,
    FetchLimits,
    HostRateLimiter,
    Target,
    fetch_into,
    is_public_address,
)
from storyledger.ingest.pipeline import ingest_paths
from storyledger.report.display import as_of_text
from storyledger.report.facts import facts_data
from storyledger.store.sqlite import Ledger, now_iso, open_ledger

FAST = FetchLimits(connect_timeout=2, read_timeout=2, deadline=5, host_interval=0)


@pytest.fixture
def web() -> Iterator[WebServer]:
    yield from serve()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST, allow_private=True) as fetcher:
        yield fetcher


@pytest.fixture
def ledger(ledger_db: str) -> Iterator[Ledger]:
    """A fresh ledger, on each backend."""
    with open_ledger(ledger_db) as ledger:
        yield ledger


def failure_reason(fetcher: Fetcher, url: str) -> tuple[str, str]:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value.reason, str(caught.value)


# -- downloads ----------------------------------------------------------------------------


def test_get_sends_user_agent_and_returns_the_page(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/a"] = page(b"<html><body><p>hello</p></body></html>")
    got = fetcher.get(web.url("/a"))
    assert got.status == 200
    assert got.body == b"<html><body><p>hello</p></body></html>"
    assert got.content_type == "text/html"
    assert web.log[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("storyledger/")


def test_gzip_body_is_decoded(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/z"] = gzipped(b"<p>" + b"compressed news " * 1000 + b"</p>")
    assert fetcher.get(web.url("/z")).body.count(b"compressed news") == 1000


def test_every_member_of_a_multi_member_gzip_body_is_decoded(
    web: WebServer, fetcher: Fetcher
) -> None:
    body = gzip.compress(b"<p>first member</p>") + gzip.compress(b"<p>second member</p>")
    web.routes["/two"] = lambda handler: send(
        handler, body, "text/html", headers={"Content-Encoding": "gzip"}
    )
    assert fetcher.get(web.url("/two")).body == b"<p>first member</p><p>second member</p>"


def test_deflate_body_is_decoded(web: WebServer, fetcher: Fetcher) -> None:
    body = zlib.compress(b"<p>deflated</p>")
    web.routes["/d"] = lambda handler: send(
        handler, body, "text/html", headers={"Content-Encoding": "deflate"}
    )
    assert fetcher.get(web.url("/d")).body == b"<p>deflated</p>"


def test_unknown_encoding_is_refused(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/br"] = lambda handler: send(
        handler, b"???", "text/html", headers={"Content-Encoding": "br"}
    )
    reason, message = failure_reason(fetcher, web.url("/br"))
    assert reason == "bad-encoding"
    assert "unsupported content encoding 'br'" in message


def test_charset_of_the_header_decodes_the_text(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/latin"] = page(
        "<p>Pétion-Ville</p>".encode("latin-1"), "text/html; charset=latin-1"
    )
    assert "Pétion-Ville" in fetcher.get(web.url("/latin")).text()


def test_five_redirects_are_followed(web: WebServer, fetcher: Fetcher) -> None:
    for hop in range(5):
        web.routes[f"/hop{hop}"] = redirect(f"/hop{hop + 1}")
    web.routes["/hop5"] = page(b"<p>arrived</p>")
    got = fetcher.get(web.url("/hop0"))
    assert got.body == b"<p>arrived</p>"
    assert got.url == web.url("/hop5")


def test_six_redirects_are_too_many(web: WebServer, fetcher: Fetcher) -> None:
    for hop in range(6):
        web.routes[f"/hop{hop}"] = redirect(f"/hop{hop + 1}")
    web.routes["/hop6"] = page(b"<p>never</p>")
    reason, message = failure_reason(fetcher, web.url("/hop0"))
    assert reason == "too-many-redirects"
    assert "more than 5 redirects" in message
    assert web.hits("/hop6") == 0


def test_redirect_to_another_scheme_is_refused(web: WebServer, fetcher: Fetcher) -> None:
    web.routes["/file"] = redirect("file:///etc/passwd")
    reason, message = failure_reason(fetcher, web.url("/file"))
    assert reason == "bad-scheme"
    assert "only http and https" in message


def test_http_status_is_reported(web: WebServer, fetcher: Fetcher) -> None:
    reason, message = failure_reason(fetcher, web.url("/missing"))
    assert (reason, message) == ("http-error", f"{web.url('/missing')}: HTTP 404")


# -- limits -------------------------------------------------------------------------------


def test_slow_server_times_out(web: WebServer) -> None:
    web.routes["/slow"] = slow(web, seconds=10)
    limits = FetchLimits(connect_timeout=1, read_timeout=0.5, deadline=5, host_interval=0)
    with Fetcher(limits, allow_private=True) as fetcher:
        started = time.monotonic()
        reason, message = failure_reason(fetcher, web.url("/slow"))
    assert reason == "timeout"
    assert "timed out" in message
    assert time.monotonic() - started < 3


def test_trickling_body_stops_at_the_deadline(web: WebServer) -> None:
    web.routes["/trickle"] = trickle(web, interval=0.05)
    limits = FetchLimits(connect_timeout=1, read_timeout=1, deadline=0.6, host_interval=0)
    with Fetcher(limits, allow_private=True) as fetcher:
        started = time.monotonic()
        reason, message = failure_reason(fetcher, web.url("/trickle"))
    assert reason == "timeout"
    assert "within 0.6 s" in message
    assert time.monotonic() - started < 2


def test_endless_body_stops_at_the_size_cap(web: WebServer) -> None:
    web.routes["/endless"] = endless(web)
    limits = FetchLimits(max_bytes=1024 * 1024, deadline=10, host_interval=0)
    with Fetcher(limits, allow_private=True) as fetcher:
        reason, message = failure_reason(fetcher, web.url("/endless"))
    assert reason == "too-large"
    assert "larger than 1048576 bytes" in message


def test_decompression_bomb_stops_at_the_cap_with_little_memory(web: WebServer) -> None:
    web.routes["/bomb"] = gzip_bomb(web, gigabytes=1)
    with Fetcher(FetchLimits(deadline=20, host_interval=0), allow_private=True) as fetcher:
        tracemalloc.start()
        try:
            reason, _ = failure_reason(fetcher, web.url("/bomb"))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert reason == "too-large"
    assert peak < 40 * 1024 * 1024  # the 10 MB cap plus buffers, nowhere near 1 GB


def test_host_rate_limiter_spaces_requests_to_one_host() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = HostRateLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("a.example")
    limiter.wait("b.example")
    now[0] += 0.25
    limiter.wait("a.example")
    assert slept == [0.75]


# -- refused addresses --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2a00:1450:4001:82b::200e", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.0.10", False),
        ("172.16.5.4", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.215.14", True),
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::5db8:d70e", True),  # NAT64 of 93.184.215.14
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_loopback_is_refused_without_the_flag(web: WebServer) -> None:
    web.routes["/a"] = page(b"<p>secret</p>")
    with Fetcher(FAST) as fetcher:
        reason, message = failure_reason(fetcher, web.url("/a"))
    assert reason == "refused"
    assert "non-public address (127.0.0.1)" in message
    assert web.log == []  # refused before connecting


def test_redirect_hop_to_a_refused_address_is_refused(web: WebServer) -> None:
    # 127.0.0.1 is allowed here by name; the hop to 127.0.0.2 (loopback too) is not.
    web.routes["/inside"] = redirect(f"http://127.0.0.2:{web.port}/admin")
    with Fetcher(FAST, allowed_networks=["127.0.0.1/32"]) as fetcher:
        reason, message = failure_reason(fetcher, web.url("/inside"))
    assert reason == "refused"
    assert "127.0.0.2" in message
    assert [entry.path for entry in web.log] == ["/inside"]


def test_names_are_checked_after_resolution(web: WebServer) -> None:
    web.routes["/by-name"] = page(b"<p>secret</p>")
    with Fetcher(FAST) as fetcher:
        reason, _ = failure_reason(fetcher, f"http://localhost:{web.port}/by-name")
    assert reason == "refused"
    assert web.log == []


# -- into the ledger ----------------------------------------------------------------------


def publish(web: WebServer, count: int) -> list[str]:
    urls = []
    for number, record in enumerate(demo_records()[:count]):
        path = f"/news/{number}"
        web.routes[path] = page(article_html(record, author=f"Reporter {number}"))
        urls.append(web.url(path))
    return urls


def test_fetch_into_stores_articles_with_metadata(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    urls = publish(web, 2)
    report = fetch_into(ledger, fetcher, [Target(url) for url in urls])
    assert report.ok, report.failed
    assert report.fetched == urls
    assert len(report.ingest.added) == 2
    first = next(a for a in ledger.iter_articles() if a.url == urls[0])
    record = demo_records()[0]
    assert first.title == record["title"]
    assert first.published is not None and first.published.startswith(record["published"])
    assert first.published_source == "html"
    assert first.author == "Reporter 0"
    assert "Resolution 2699" in first.text
    assert "All rights reserved" not in first.text


UNDATED_PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry toll rises</title><meta property="og:site_name" content="Lake Courier"></head>
<body><article><h1>Ferry toll rises</h1>
<p>The ferry sinking on the lake has killed 212 people, the harbour master said.</p>
<p>Divers searched the wreck for a third day and found more bodies in its hold.</p>
</article></body></html>"""


def test_an_undated_report_fetched_live_is_seen_by_the_fetch_day(
    web: WebServer, fetcher: Fetcher, ledger: Ledger, tmp_path: Path
) -> None:
    """Its values keep no date (the fetch is not their time), but say when a live fetch saw
    them; the same page imported from a file says nothing of the kind."""
    web.routes["/ferry"] = page(UNDATED_PAGE)
    assert fetch_into(ledger, fetcher, [Target(web.url("/ferry"))]).ok
    day = now_iso()[:10]
    toll = next(o for f in facts_data(ledger) for o in f["observations"] if o["value"] == 212)
    assert (toll["as_of"], toll["seen_by"]) == (None, day)
    assert as_of_text(toll).startswith("undated, seen by ")

    (tmp_path / "ferry.html").write_bytes(UNDATED_PAGE)
    with open_ledger(tmp_path / "files.db") as imported:
        ingest_paths(imported, [tmp_path / "ferry.html"])
        same = next(o for f in facts_data(imported) for o in f["observations"] if o["value"] == 212)
    assert (same["as_of"], same["seen_by"], as_of_text(same)) == (None, None, "undated")


def test_fetch_twice_fetches_nothing_twice(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    urls = publish(web, 2)
    web.routes["/moved"] = redirect("/news/1")
    fetch_into(ledger, fetcher, [Target(url) for url in urls])
    requests_before = len(web.log)
    again = fetch_into(ledger, fetcher, [Target(url) for url in [*urls, web.url("/news/0#top")]])
    assert again.fetched == []
    assert again.already == [*urls, urls[0]]
    assert len(web.log) == requests_before
    assert ledger.count_articles() == 2


def test_failures_have_reasons_and_the_rest_goes_in(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    urls = publish(web, 1)
    web.routes["/image"] = page(b"\x89PNG...", "image/png")
    web.routes["/empty"] = page(b"<html><head><title>Index</title></head><body></body></html>")
    targets = [Target(u) for u in [web.url("/image"), web.url("/empty"), web.url("/gone"), *urls]]
    report = fetch_into(ledger, fetcher, targets)
    reasons = {failure.url: failure.reason for failure in report.failed}
    assert reasons == {
        web.url("/image"): "not-html",
        web.url("/empty"): "no-text",
        web.url("/gone"): "http-error",
    }
    messages = " | ".join(failure.message for failure in report.failed)
    assert "not HTML (image/png)" in messages
    assert "no article text found" in messages
    assert "HTTP 404" in messages
    assert report.fetched == urls
    assert ledger.count_articles() == 1


def test_cli_fetch_reports_and_exits_non_zero_on_failure(web: WebServer, tmp_path: Path) -> None:
    urls = publish(web, 1)
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    refused = runner.invoke(app, ["--db", db, "fetch", urls[0]])
    assert refused.exit_code == 1
    assert "non-public address" in refused.output
    args = ["--db", db, "fetch", "--allow-private", urls[0], web.url("/gone")]
    mixed = runner.invoke(app, args)
    assert mixed.exit_code == 1
    assert "HTTP 404" in mixed.output
    assert "fetched 1 (added 1), already fetched 0, failed 1" in mixed.output
    again = runner.invoke(app, ["--db", db, "fetch", "--allow-private", urls[0]])
    assert again.exit_code == 0
    assert "fetched 0 (added 0), already fetched 1, failed 0" in again.output
