"""Feeds: RSS and Atom parsing, unsafe XML, conditional GET, seen entries, watch and Ctrl-C.

The feeds and their articles are served by a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from tests.ingest.web_server import (
    Route,
    WebServer,
    article_html,
    demo_records,
    page,
    send,
    serve,
    slow,
)
from typer.testing import CliRunner

from storyledger.cli import app
from storyledger.errors import FetchError, InputError
from storyledger.ingest.feeds import parse_feed, parse_interval, poll_feed, refuse_unsafe_xml, watch
from storyledger.ingest.fetch import Fetcher, FetchLimits
from storyledger.store.sqlite import Ledger, open_ledger

FAST = FetchLimits(connect_timeout=2, read_timeout=2, deadline=5, host_interval=0)
ETAG = '"feed-v1"'

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>Laughs</title><link>http://127.0.0.1/news/0</link></item>
</channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>&secret;</title><link>http://127.0.0.1/news/0</link></item>
</channel></rss>"""


def rss(items: list[tuple[str, str, str]], title: str = "Port Report") -> bytes:
    """An RSS 2.0 document of (guid, link, pubDate) items."""
    entries = "".join(
        f"<item><title>Story {guid}</title><guid>{guid}</guid><link>{link}</link>"
        f"<pubDate>{date}</pubDate></item>"
        for guid, link, date in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link>{entries}</channel></rss>"
    ).encode()


def atom(links: list[str]) -> bytes:
    entries = "".join(
        f"<entry><id>tag:wire.example,2024:{n}</id><title>Wire {n}</title>"
        f'<link href="{link}"/><updated>2024-06-2{n}T12:00:00Z</updated></entry>'
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atlantic Wire</title><id>tag:wire.example,2024:feed</id>"
        f"<updated>2024-06-25T12:00:00Z</updated>{entries}</feed>"
    ).encode()


def conditional_feed(body: bytes, content_type: str = "application/rss+xml") -> Route:
    """A feed answering 304 to a request that shows its current ETag."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == ETAG:
            handler.send_response(304)
            handler.send_header("ETag", ETAG)
            handler.end_headers()
            return
        headers = {"ETag": ETAG, "Last-Modified": "Tue, 25 Jun 2024 12:00:00 GMT"}
        send(handler, body, content_type, headers=headers)

    return route


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


def publish(web: WebServer, count: int, start: int = 0) -> list[str]:
    urls = []
    for number in range(start, start + count):
        path = f"/news/{number}"
        web.routes[path] = page(article_html(demo_records()[number]))
        urls.append(web.url(path))
    return urls


# -- parsing ------------------------------------------------------------------------------


def test_rss_entries_have_keys_links_and_dates() -> None:
    body = rss([("urn:story:a1", "http://x.example/1", "Tue, 25 Jun 2024 10:30:00 GMT")])
    feed = parse_feed(body, "http://x.example/rss")
    assert feed.title == "Port Report"
    [entry] = feed.entries
    assert (entry.key, entry.link) == ("urn:story:a1", "http://x.example/1")
    assert entry.published == "2024-06-25T10:30:00+00:00"


def test_atom_relative_links_are_resolved() -> None:
    feed = parse_feed(atom(["/news/0", "news/1"]), "http://wire.example/feeds/atom.xml")
    assert feed.title == "Atlantic Wire"
    assert [e.link for e in feed.entries] == [
        "http://wire.example/news/0",
        "http://wire.example/feeds/news/1",
    ]
    assert feed.entries[0].key == "tag:wire.example,2024:0"


@pytest.mark.parametrize(
    "body",
    [
        BILLION_LAUGHS,
        EXTERNAL_ENTITY,
        BILLION_LAUGHS.replace(b'"1.0"?>', b'"1.0" encoding="utf-16"?>', 1)
        .decode()
        .encode("utf-16"),
    ],
    ids=["billion-laughs", "external-entity", "billion-laughs-utf16"],
)
def test_entity_declarations_are_refused(body: bytes) -> None:
    with pytest.raises(FetchError) as caught:
        refuse_unsafe_xml(body, "http://x.example/rss")
    assert caught.value.reason == "unsafe-xml"
    assert "declares entities" in str(caught.value)


def test_a_plain_doctype_without_entities_is_accepted() -> None:
    doctype = b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "rss.dtd">'
    body = rss([("a", "http://x.example/1", "Tue, 25 Jun 2024 10:30:00 GMT")])
    body = body.replace(b"?>", b"?>" + doctype, 1)
    assert len(parse_feed(body, "http://x.example/rss").entries) == 1


def test_body_is_never_read_as_a_file_name(tmp_path: Path) -> None:
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(rss([("a", "http://x.example/1", "Tue, 25 Jun 2024 10:30:00 GMT")]))
    with pytest.raises(FetchError) as caught:
        parse_feed(str(feed_file).encode(), "http://x.example/rss")
    assert caught.value.reason == "not-a-feed"


def test_html_is_not_a_feed() -> None:
    with pytest.raises(FetchError) as caught:
        parse_feed(b"<html><body><p>hello</p></body></html>", "http://x.example/page")
    assert caught.value.reason == "not-a-feed"


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90.0), ("30s", 30.0), ("15m", 900.0), ("1h", 3600.0)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "15 minutes", "-5m", "m"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(InputError):
        parse_interval(text)


# -- polling ------------------------------------------------------------------------------


def test_poll_fetches_new_entries_then_gets_304(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    links = publish(web, 2)
    items = [(f"g{n}", link, "Tue, 25 Jun 2024 10:30:00 GMT") for n, link in enumerate(links)]
    web.routes["/rss"] = conditional_feed(rss(items))
    first = poll_feed(ledger, fetcher, web.url("/rss"))
    assert first.ok, first.failed
    assert (first.entries, first.new, len(first.fetch.ingest.added)) == (2, 2, 2)
    stored = {article.url: article for article in ledger.iter_articles()}
    assert set(stored) == set(links)
    assert stored[links[0]].outlet == demo_records()[0]["outlet"]  # the page's own site name

    second = poll_feed(ledger, fetcher, web.url("/rss"))
    assert second.not_modified
    assert second.new == 0
    feed_requests = [entry for entry in web.log if entry.path == "/rss"]
    assert feed_requests[1].headers["if-none-match"] == ETAG
    assert feed_requests[1].headers["if-modified-since"] == "Tue, 25 Jun 2024 12:00:00 GMT"
    assert web.hits("/news/0") == 1


def test_seen_entries_are_not_fetched_again_without_validators(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    links = publish(web, 3)
    web.routes["/atom"] = page(atom(links[:2]), "application/atom+xml")
    assert poll_feed(ledger, fetcher, web.url("/atom")).new == 2
    web.routes["/atom"] = page(atom(links), "application/atom+xml")
    again = poll_feed(ledger, fetcher, web.url("/atom"))
    assert (again.entries, again.new, again.fetch.fetched) == (3, 1, [links[2]])
    assert [web.hits(f"/news/{n}") for n in range(3)] == [1, 1, 1]


def test_unsafe_feed_is_refused_and_nothing_is_fetched(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    publish(web, 1)
    web.routes["/laughs"] = page(BILLION_LAUGHS, "application/rss+xml")
    web.routes["/leak"] = page(EXTERNAL_ENTITY, "application/rss+xml")
    for path in ("/laughs", "/leak"):
        report = poll_feed(ledger, fetcher, web.url(path))
        assert [f.reason for f in report.failed] == ["unsafe-xml"]
    assert web.hits("/news/0") == 0
    assert ledger.count_articles() == 0


def test_failed_entries_permanent_are_remembered_passing_ones_retried(
    web: WebServer, fetcher: Fetcher, ledger: Ledger
) -> None:
    links = publish(web, 1)
    web.routes["/busy"] = lambda handler: send(handler, b"busy", "text/plain", status=503)
    items = [
        ("ok", links[0], "Tue, 25 Jun 2024 10:30:00 GMT"),
        ("gone", web.url("/gone"), "Tue, 25 Jun 2024 10:30:00 GMT"),
        ("busy", web.url("/busy"), "Tue, 25 Jun 2024 10:30:00 GMT"),
    ]
    web.routes["/rss"] = conditional_feed(rss(items))
    first = poll_feed(ledger, fetcher, web.url("/rss"))
    assert {f.reason for f in first.failed} == {"http-error", "http-unavailable"}
    second = poll_feed(ledger, fetcher, web.url("/rss"))
    assert not second.not_modified  # validators were not kept: an entry needs a retry
    assert second.new == 1
    assert (web.hits("/gone"), web.hits("/busy"), web.hits("/news/0")) == (1, 2, 1)


def test_watch_polls_until_interrupted(web: WebServer, fetcher: Fetcher, ledger: Ledger) -> None:
    web.routes["/rss"] = conditional_feed(rss([]))
    polls: list[bool] = []

    def interrupt_on_second_sleep(seconds: float) -> None:
        if len(polls) >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(
            ledger,
            fetcher,
            [web.url("/rss")],
            every=60,
            once=False,
            on_report=lambda report: polls.append(report.not_modified),
            sleep=interrupt_on_second_sleep,
        )
    assert polls == [False, True]


def test_cli_watch_once(web: WebServer, tmp_path: Path) -> None:
    links = publish(web, 1)
    web.routes["/rss"] = conditional_feed(rss([("a", links[0], "Tue, 25 Jun 2024 10:30:00 GMT")]))
    web.routes["/bad"] = page(EXTERNAL_ENTITY, "application/rss+xml")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    good = runner.invoke(app, ["--db", db, "watch", "--once", "--allow-private", web.url("/rss")])
    assert good.exit_code == 0, good.output
    assert "1 entries, 1 new, fetched 1 (added 1), already fetched 0, failed 0" in good.output
    args = ["--db", db, "watch", "--once", "--allow-private", web.url("/rss"), web.url("/bad")]
    mixed = runner.invoke(app, args)
    assert mixed.exit_code == 1
    assert "not modified" in mixed.output
    assert "declares entities" in mixed.output


def start_watch(web: WebServer, tmp_path: Path) -> subprocess.Popen[str]:
    """`storyledger watch` of the server's /rss every second, in a process of its own."""
    command = [sys.executable, "-c", "from storyledger.cli import main; main()"]
    args = ["--db", str(tmp_path / "w.db"), "watch", "--every", "1s", "--allow-private"]
    return subprocess.Popen(
        [*command, *args, web.url("/rss")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_cli_watch_stops_cleanly_on_ctrl_c(web: WebServer, tmp_path: Path) -> None:
    web.routes["/rss"] = conditional_feed(rss([]))
    process = start_watch(web, tmp_path)
    try:
        deadline = time.monotonic() + 30
        # The third request starts only after the second poll ("not modified") was reported.
        while web.hits("/rss") < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)  # it stops at once; the margin is for load
    finally:
        if process.poll() is None:
            process.kill()
    assert web.hits("/rss") >= 3
    assert process.returncode == 0, err
    assert "stopped" in err
    assert "Traceback" not in err
    assert "not modified" in out


def test_cli_watch_stops_on_a_second_ctrl_c_in_a_slow_fetch(web: WebServer, tmp_path: Path) -> None:
    web.routes["/rss"] = slow(web, 120)  # the first poll hangs far longer than the test
    process = start_watch(web, tmp_path)
    try:
        deadline = time.monotonic() + 60
        while web.hits("/rss") < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        started = time.monotonic()
        process.send_signal(signal.SIGINT)  # asks to stop after the fetch under way
        time.sleep(0.5)
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # stops it wherever it is
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert web.hits("/rss") == 1
    assert time.monotonic() - started < 60  # it did not wait for the slow answer
    assert process.returncode == 0, err
    assert "stopped" in err
    assert "Traceback" not in err
