"""A request-body size limit enforced while the body is read (so a huge upload stops early).

The body is read here, up to the limit, before the app sees any of it: a body
declared too large (Content-Length) or streamed too large (chunked) is refused
with 413 as soon as the limit is passed, and the app then reads the buffered
body as if it came from the client. (Raising from inside the app's own read
would be caught by FastAPI's body parsing and turned into a generic 400.)
"""

from __future__ import annotations

import json
from typing import Any

from storyledger.errors import Msg

MAX_BODY_BYTES = 5 * 1024 * 1024

Scope = dict[str, Any]


class BodySizeLimit:
    """ASGI middleware: 413 for a body (declared or streamed) over ``limit`` bytes."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self.refuse(send)
            return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client went away: nothing to answer
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await self.refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Any:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as a server does

        await self.app(scope, replay, send)

    async def refuse(self, send: Any) -> None:
        body = json.dumps({"detail": Msg.BODY_TOO_LARGE.format(limit=self.limit)}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", b"%d" % len(body)),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
