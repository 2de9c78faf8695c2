"""Web pages to articles, safely: download with httpx, extract, ingest, remember.

Every download goes through ``Fetcher.get``, which enforces the limits of
``FetchLimits``: http and https only; at most ``max_redirects`` redirects,
followed here so each hop is checked; connect and read timeouts and a total
deadline; at most ``max_bytes`` of *decompressed* body, inflated here in
bounded steps so a decompression bomb stops at the cap; a minimum interval
between requests to one host; a descriptive User-Agent.

Addresses are checked when the connection is made: the network backend
resolves the host, refuses it if any of its addresses is not public
(loopback, private, link-local, multicast, reserved, ...) unless
``allow_private`` is set, and connects to the address it checked, so a DNS
answer cannot change between the check and the connection. Redirect hops
open their own connections and are checked the same way.

``fetch_into`` downloads a list of URLs into the ledger; URLs fetched before
(as requested or as redirected to) are skipped, so running the same command
again downloads nothing twice.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

from storyledger import __version__
from storyledger.errors import FetchError, InputError, Msg
from storyledger.ingest.html import article_from_html
from storyledger.ingest.pipeline import IngestReport, ingest_articles
from storyledger.ingest.records import Defaults
from storyledger.model import Article, DateSource
from storyledger.store import fetch as store
from storyledger.store.sqlite import Ledger, now_iso

PROJECT_URL = "https://github.com/storyledger/storyledger"
USER_AGENT = f"storyledger/{__version__} (+{PROJECT_URL})"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Failures that would fail the same way if tried again soon.
PERMANENT_REASONS = frozenset(
    {
        "bad-scheme",
        "refused",
        "too-many-redirects",
        "too-large",
        "bad-encoding",
        "http-error",
        "not-html",
        "no-text",
    }
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CHARSET_SNIFF_BYTES = 4096
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # well-known prefix of RFC 6052


@dataclass(frozen=True)
class FetchLimits:
    """What one download may cost; the defaults suit news pages."""

    max_bytes: int = 10 * 1024 * 1024  # of decompressed body
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # seconds for one URL, redirects included
    max_redirects: int = 5
    host_interval: float = 1.0  # minimum seconds between two requests to one host


@dataclass
class Page:
    """A downloaded response: the URL it finally came from, its status, headers and body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower case ('' when the server sent none)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        """The body as text: the charset of the header, else of a meta tag, else UTF-8."""
        charset = _header_charset(self.headers) or _meta_charset(self.body) or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:  # an unknown charset name
            return self.body.decode("utf-8", errors="replace")


def _header_charset(headers: httpx.Headers) -> str | None:
    for param in headers.get("content-type", "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _meta_charset(body: bytes) -> str | None:
    found = _CHARSET.search(body[:_CHARSET_SNIFF_BYTES])
    return found.group(1).decode("ascii") if found else None


# -- addresses ----------------------------------------------------------------------------


def is_public_address(address: str) -> bool:
    """True when ``address`` (an IP literal) is a public unicast address on the internet.

    An IPv6 address that carries an IPv4 one (IPv4-mapped, 6to4, NAT64) is
    judged by the IPv4 address it leads to.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_private
        or ip.is_reserved
        or ip.is_unspecified
    )


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None or ip.sixtofour is not None:
        return ip.ipv4_mapped or ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


class RefusedAddress(Exception):
    """Raised by the network backend for a host that resolves to a non-public address."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to {address}")
        self.host = host
        self.address = address


class AddressPolicy:
    """Which addresses may be connected to: public ones, plus the networks allowed by name."""

    def __init__(self, allow_private: bool = False, allowed_networks: Iterable[str] = ()) -> None:
        self.allow_private = allow_private
        self.allowed_networks = [_network(value) for value in allowed_networks]

    def allows(self, address: str) -> bool:
        if self.allow_private or is_public_address(address):
            return True
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        return any(ip in network for network in self.allowed_networks)


def _network(value: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError as exc:
        raise InputError(Msg.BAD_NETWORK.format(value=value)) from exc


class _CheckedBackend(httpcore.SyncBackend):
    """Resolves each host itself, checks every address, and connects to a checked one."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve(host, port)
        for address in addresses:
            if not self.policy.allows(address):
                raise RefusedAddress(host, address)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the host's next address
                last_error = exc
        raise last_error or httpcore.ConnectError(f"{host}: no address")


def _resolve(host: str, port: int) -> list[str]:
    """The IP addresses of ``host``, in the resolver's order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host} ({exc.strerror})") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _CheckedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that uses ``_CheckedBackend``.

    httpx 0.28 does not take a network backend, so the pool it builds is
    replaced by one that does (same TLS context, no proxies from the
    environment: a proxy would connect on our behalf, unchecked).
    """

    def __init__(self, policy: AddressPolicy) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_CheckedBackend(policy),
        )


# -- politeness ---------------------------------------------------------------------------


class HostRateLimiter:
    """Waits so that two requests to the same host are at least ``interval`` seconds apart."""

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.interval - (self._clock() - last)
            if pause > 0:
                self._sleep(pause)
        self._last[host] = self._clock()


# -- bounded bodies -----------------------------------------------------------------------


class _Inflater:
    """Decodes a Content-Encoding in steps that never produce more than the room left.

    gzip bodies may hold several members one after the other; each is decoded.
    """

    def __init__(self, encoding: str, url: str) -> None:
        self._wbits: int | None = None
        if encoding in ("gzip", "x-gzip"):
            self._wbits = 16 + zlib.MAX_WBITS
        elif encoding == "deflate":
            self._wbits = zlib.MAX_WBITS
        elif encoding not in ("", "identity"):
            raise FetchError(
                Msg.FETCH_BAD_ENCODING.format(url=url, encoding=encoding), "bad-encoding"
            )
        self._gzip = encoding in ("gzip", "x-gzip")
        self._zlib = zlib.decompressobj(self._wbits) if self._wbits is not None else None

    def feed(self, data: bytes, room: int) -> bytes:
        """The decoded bytes of ``data``: at most ``room + 1`` of them, so overflow shows."""
        if self._zlib is None or self._wbits is None:
            return data[: room + 1]
        out = bytearray()
        while data and len(out) <= room:
            try:
                out += self._zlib.decompress(data, room + 1 - len(out))
            except zlib.error as exc:
                raise httpx.DecodingError(f"cannot decode the body ({exc})") from exc
            if not self._zlib.eof:
                data = self._zlib.unconsumed_tail
            elif self._gzip:  # the end of one member: another may follow
                data = self._zlib.unused_data
                self._zlib = zlib.decompressobj(self._wbits)
            else:
                break
        return bytes(out)


def _read_body(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    """The decoded body, stopping with an error past ``max_bytes`` or past the deadline."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    inflater = _Inflater(encoding, url)
    parts: list[bytes] = []
    size = raw_size = 0
    for raw in response.iter_raw():
        raw_size += len(raw)
        decoded = inflater.feed(raw, limits.max_bytes - size)
        size += len(decoded)
        if size > limits.max_bytes or raw_size > limits.max_bytes:
            message = Msg.FETCH_TOO_LARGE.format(url=url, limit=limits.max_bytes)
            raise FetchError(message, "too-large")
        if time.monotonic() > deadline:
            detail = f"no complete response within {limits.deadline:g} s"
            raise FetchError(Msg.FETCH_TIMEOUT.format(url=url, detail=detail), "timeout")
        parts.append(decoded)
    return b"".join(parts)


# -- the fetcher --------------------------------------------------------------------------


class Fetcher:
    """Downloads URLs within ``limits``; one instance keeps connections and per-host pacing.

    Only public addresses are connected to, unless ``allow_private`` (any
    address) or ``allowed_networks`` (CIDR blocks such as ``10.1.0.0/16``) say otherwise.
    """

    def __init__(
        self,
        limits: FetchLimits | None = None,
        allow_private: bool = False,
        allowed_networks: Iterable[str] = (),
    ) -> None:
        self.limits = limits or FetchLimits()
        self._rate = HostRateLimiter(self.limits.host_interval)
        self._client = httpx.Client(
            transport=_CheckedTransport(AddressPolicy(allow_private, allowed_networks)),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Page:
        """The page at ``url`` after redirects; a 304 answer comes back as a body-less page.

        Raises ``FetchError`` with a reason: bad-scheme, refused, timeout,
        too-many-redirects, too-large, bad-encoding, http-error (4xx),
        http-unavailable (5xx, 408, 429) or failed (network errors).
        """
        deadline = time.monotonic() + self.limits.deadline
        current = url
        for _ in range(self.limits.max_redirects + 1):
            outcome = self._get_once(url, current, headers or {}, deadline)
            if isinstance(outcome, Page):
                return outcome
            current = outcome
        raise FetchError(
            Msg.FETCH_TOO_MANY_REDIRECTS.format(url=url, limit=self.limits.max_redirects),
            "too-many-redirects",
        )

    def _get_once(
        self, url: str, current: str, headers: Mapping[str, str], deadline: float
    ) -> Page | str:
        """The page at ``current``, or the URL it redirects to."""
        host = _checked_host(url, current)
        self._rate.wait(host)
        try:
            with self._client.stream(
                "GET", current, headers=headers, timeout=self._timeout(url, deadline)
            ) as response:
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    return urljoin(current, location)
                _check_status(url, response.status_code)
                body = (
                    b""
                    if response.status_code == 304
                    else _read_body(response, url, self.limits, deadline)
                )
                return Page(current, response.status_code, response.headers, body)
        except RefusedAddress as exc:
            message = Msg.FETCH_REFUSED_ADDRESS.format(url=url, host=exc.host, address=exc.address)
            raise FetchError(message, "refused") from exc
        except httpx.TimeoutException as exc:
            detail = type(exc).__name__.replace("Timeout", " timeout").strip().lower()
            raise FetchError(Msg.FETCH_TIMEOUT.format(url=url, detail=detail), "timeout") from exc
        except httpx.HTTPError as exc:
            detail = str(exc) or type(exc).__name__
            raise FetchError(Msg.FETCH_FAILED.format(url=url, detail=detail), "failed") from exc

    def _timeout(self, url: str, deadline: float) -> httpx.Timeout:
        """Connect and read timeouts, shortened to what is left of the deadline."""
        left = deadline - time.monotonic()
        if left <= 0:
            detail = f"no complete response within {self.limits.deadline:g} s"
            raise FetchError(Msg.FETCH_TIMEOUT.format(url=url, detail=detail), "timeout")
        read = min(self.limits.read_timeout, left)
        return httpx.Timeout(read, connect=min(self.limits.connect_timeout, left))


def _checked_host(url: str, current: str) -> str:
    """The host of ``current`` if it is an http(s) URL with a host; else a bad-scheme error."""
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(Msg.FETCH_BAD_SCHEME.format(url=url), "bad-scheme")
    return parts.hostname


def _check_status(url: str, status: int) -> None:
    if 200 <= status < 300 or status == 304:
        return
    temporary = status >= 500 or status in (408, 429)
    reason = "http-unavailable" if temporary else "http-error"
    raise FetchError(Msg.FETCH_HTTP_STATUS.format(url=url, status=status), reason)


# -- pages to articles --------------------------------------------------------------------


def article_from_page(page: Page, defaults: Defaults | None = None) -> Article:
    """The article of an HTML page (text, title, date, author); not-html or no-text errors."""
    if page.content_type and page.content_type not in HTML_TYPES:
        message = Msg.FETCH_NOT_HTML.format(url=page.url, content_type=page.content_type)
        raise FetchError(message, "not-html")
    try:
        return article_from_html(page.text(), url=page.url, where=page.url, defaults=defaults)
    except InputError as exc:
        raise FetchError(str(exc), "no-text") from exc


def normalise_url(url: str) -> str:
    """The URL without its fragment and surrounding spaces: the key fetched URLs are kept by."""
    parts = urlsplit(url.strip())
    return urlunsplit(parts._replace(fragment=""))


# -- URLs into the ledger -----------------------------------------------------------------


@dataclass
class Target:
    """A URL to fetch, with the outlet and date to use when the page has none."""

    url: str
    defaults: Defaults = field(default_factory=Defaults)
    date_source: DateSource = "cli"  # what a date taken from ``defaults`` is recorded as


@dataclass
class Failure:
    url: str
    reason: str  # timeout, too-large, refused, not-html, no-text, http-error, ...
    message: str

    @property
    def permanent(self) -> bool:
        return self.reason in PERMANENT_REASONS


@dataclass
class FetchReport:
    fetched: list[str] = field(default_factory=list)  # URLs downloaded into the ledger
    already: list[str] = field(default_factory=list)  # URLs skipped: fetched before
    failed: list[Failure] = field(default_factory=list)
    ingest: IngestReport = field(default_factory=IngestReport)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return {
            "fetched": len(self.fetched),
            "already_fetched": len(self.already),
            "failed": len(self.failed),
            "added": len(self.ingest.added),
            "fetched_urls": self.fetched,
            "already_fetched_urls": self.already,
            "errors": [{"url": f.url, "reason": f.reason, "error": f.message} for f in self.failed],
        }


@dataclass
class _Downloaded:
    url: str
    article: Article


def fetch_into(ledger: Ledger, fetcher: Fetcher, targets: Iterable[Target]) -> FetchReport:
    """Download every new target, ingest the articles, and remember the URLs that went in."""
    report = FetchReport()
    downloaded = list(_download_new(ledger, fetcher, targets, report))
    report.ingest = ingest_articles(ledger, (item.article for item in downloaded))
    extraction_errors = dict(report.ingest.failed)
    for item in downloaded:
        error = extraction_errors.get(item.article.url or "")
        if error is not None:
            message = Msg.FETCH_EXTRACT_FAILED.format(url=item.url, detail=error)
            report.failed.append(Failure(item.url, "extract-failed", message))
            continue
        remember_fetched(ledger, item.url, item.article)
        report.fetched.append(item.url)
    return report


def _download_new(
    ledger: Ledger, fetcher: Fetcher, targets: Iterable[Target], report: FetchReport
) -> Iterator[_Downloaded]:
    seen: set[str] = set()
    for target in targets:
        url = normalise_url(target.url)
        if url in seen or was_fetched(ledger, url):
            report.already.append(url)
            continue
        seen.add(url)
        try:
            article = article_from_page(fetcher.get(url), target.defaults)
        except FetchError as exc:
            report.failed.append(Failure(url, exc.reason, str(exc)))
            continue
        if article.published_source == "cli":
            article.published_source = target.date_source
        article.seen_at = now_iso()  # on the web by now, whatever its own date says
        yield _Downloaded(url, article)


def was_fetched(ledger: Ledger, url: str) -> bool:
    """True when ``url`` went into the ledger before, as requested or as redirected to."""
    return store.was_fetched(ledger.conn, url)


def remember_fetched(ledger: Ledger, url: str, article: Article) -> None:
    store.remember_fetched(ledger.conn, url, article.url or url, article.id)
