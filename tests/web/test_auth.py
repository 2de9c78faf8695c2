"""Who may write: a real `storyledger serve` (uvicorn on 127.0.0.1) with a token.

Reads stay open; a write without the token is 401, with a wrong one 403, with the
right one accepted; `serve` refuses a non-loopback address when writes are open.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

TOKEN = "a-token-of-our-own-7f3c"
ARTICLE = {
    "articles": [
        {
            "text": "The council approved 12 new buses for the northern district on Monday.",
            "outlet": "Auth Test Wire",
            "published": "2024-07-01",
        }
    ]
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_command(db: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "storyledger", "--db", str(db), "serve", *options]


def wait_until_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Polls until the server answers (bounded), failing early if it exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}")
        try:
            if httpx.get(url + "/api/v1/stories", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"serve did not answer within {timeout} s")


@pytest.fixture(params=["token-file", "environment"])
def server(request: pytest.FixtureRequest, ledger_path: Path, tmp_path: Path) -> Iterator[str]:
    """A real server over a copy of the test ledger, its token given one way or the other."""
    db = tmp_path / "ledger.db"
    shutil.copy(ledger_path, db)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "STORYLEDGER_TOKEN"}
    options = ["--host", "127.0.0.1", "--port", str(port)]
    if request.param == "token-file":
        token_file = tmp_path / "token"
        token_file.write_text(TOKEN + "\n", encoding="utf-8")
        options += ["--token-file", str(token_file)]
    else:
        env["STORYLEDGER_TOKEN"] = TOKEN
    process = subprocess.Popen(serve_command(db, *options), env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def post(url: str, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(url + "/api/v1/articles", json=ARTICLE, headers=headers, timeout=120)


def test_writes_need_the_token_reads_do_not(server: str) -> None:
    assert httpx.get(server + "/api/v1/articles", timeout=30).status_code == 200
    missing = post(server, {})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert post(server, {"Authorization": "Bearer not-the-token"}).status_code == 403
    assert post(server, {"Authorization": TOKEN}).status_code == 401  # no scheme: no token
    before = len(httpx.get(server + "/api/v1/articles", timeout=30).json())
    accepted = post(server, {"Authorization": f"Bearer {TOKEN}"})
    assert accepted.status_code == 201, accepted.text
    assert len(accepted.json()["added"]) == 1
    assert len(httpx.get(server + "/api/v1/articles", timeout=30).json()) == before + 1


def test_the_schema_documents_the_bearer_auth(server: str) -> None:
    schema = httpx.get(server + "/openapi.json", timeout=30).json()
    schemes = schema["components"]["securitySchemes"]
    assert [s["scheme"].lower() for s in schemes.values()] == ["bearer"]
    post_operation = schema["paths"]["/api/v1/articles"]["post"]
    assert post_operation["security"]
    assert "401" in post_operation["responses"]
    assert "security" not in schema["paths"]["/api/v1/articles"]["get"]


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "example.org"])
def test_serve_refuses_open_writes_off_loopback(
    ledger_path: Path, tmp_path: Path, host: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STORYLEDGER_TOKEN"}
    done = subprocess.run(
        serve_command(ledger_path, "--host", host, "--port", str(free_port())),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "refusing to listen on" in done.stderr
    assert "--token-file" in done.stderr
