"""A real HTTP server on 127.0.0.1 for the web-ingest tests, with a route per path.

Routes are functions of the request handler; they write whatever the test
needs (articles, feeds, redirects, slow or endless bodies). Every request is
logged with its path and headers so tests can assert what was (not) fetched.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

Route = Callable[[BaseHTTPRequestHandler], None]
CHUNK = 64 * 1024


@dataclass
class Logged:
    path: str
    headers: dict[str, str]


@dataclass
class WebServer:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for entry in self.log if entry.path == path)


def serve() -> Iterator[WebServer]:
    """Run a WebServer until the generator is closed (use as a fixture body)."""
    web = WebServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            web.log.append(Logged(self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = web.routes.get(self.path)
            if route is None:
                send(self, b"not found", "text/plain", status=404)
                return
            # The client may stop reading: that is what the limit tests expect.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                route(self)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    web.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield web
    finally:
        web.stopping.set()
        server.shutdown()
        server.server_close()


def send(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


# -- routes -------------------------------------------------------------------------------


def page(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    return lambda handler: send(handler, body, content_type)


def redirect(location: str, status: int = 302) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def endless(web: WebServer, content_type: str = "text/html") -> Route:
    """A body without end (no Content-Length; the connection stays open while it streams)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.end_headers()
        chunk = b"<p>" + b"more news " * (CHUNK // 10) + b"</p>"
        while not web.stopping.is_set():
            handler.wfile.write(chunk)

    return route


def slow(web: WebServer, seconds: float) -> Route:
    """Answers only after ``seconds`` (or when the server stops)."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        web.stopping.wait(seconds)
        send(handler, b"<html><body><p>late</p></body></html>")

    return route


def trickle(web: WebServer, interval: float) -> Route:
    """Headers at once, then one byte every ``interval`` seconds, forever."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        while not web.stopping.wait(interval):
            handler.wfile.write(b" ")
            handler.wfile.flush()

    return route


def gzip_bomb(web: WebServer, gigabytes: int = 1) -> Route:
    """One gzip member of ``gigabytes`` GB of zeros, compressed while it streams."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Encoding", "gzip")
        handler.end_headers()
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        zeros = bytes(1024 * 1024)
        for _ in range(gigabytes * 1024):
            if web.stopping.is_set():
                return
            handler.wfile.write(compressor.compress(zeros))
        handler.wfile.write(compressor.flush())

    return route


def gzipped(body: bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    return lambda handler: send(
        handler, gzip.compress(body), content_type, headers={"Content-Encoding": "gzip"}
    )


# -- content ------------------------------------------------------------------------------


def demo_records() -> list[dict[str, str]]:
    """The bundled demo corpus: realistic article texts with outlets, titles and dates."""
    corpus = resources.files("storyledger") / "demo" / "corpus.jsonl"
    return [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line]


def article_html(record: dict[str, str], author: str = "Staff Reporter") -> bytes:
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in record["text"].split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(record["title"])}</title>
<meta property="og:site_name" content="{escape(record["outlet"])}">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="{record["published"]}T09:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{escape(record["title"])}</h1>
{paragraphs}
</article>
<footer>All rights reserved.</footer>
</body></html>""".encode()
