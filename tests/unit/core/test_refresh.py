"""Automatic refresh: ahead of expiry, after an expired-token 401 (replayed once), single-flight."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import threading
import time
from typing import Any

import httpx
import pytest

import podio

from ...mock_api import MockPodio

EXPIRED_401 = {
    "error": "unauthorized",
    "error_description": "expired_token",
    "error_detail": None,
    "error_parameters": {},
    "error_propagate": False,
    "request": {"url": "http://api.podio.com/org/", "query_string": "", "method": "GET"},
}
EXPIRED_HEADERS = {"WWW-Authenticate": 'Bearer realm="podio", error="expired_token"'}


class TokenServer:
    """Issues numbered tokens and accepts only the latest, like Podio after a refresh."""

    def __init__(self, mock: MockPodio, *, delay: float = 0.0) -> None:
        self.mock = mock
        self.delay = delay
        self.issued = 0
        self.lock = threading.Lock()
        self.current = "token-0"
        mock.on("POST", "/oauth/token", handler=self.token)

    def token(self, request: httpx.Request) -> httpx.Response:
        form = dict(httpx.QueryParams(request.read().decode()))
        if form.get("refresh_token") == "dead":
            return httpx.Response(
                400, json={"error": "invalid_grant", "error_description": "Invalid refresh token"}
            )
        time.sleep(self.delay)
        with self.lock:
            self.issued += 1
            self.current = f"token-{self.issued}"
        return httpx.Response(
            200,
            json={
                "access_token": self.current,
                "refresh_token": "refresh",
                "expires_in": 28800,
                "token_type": "bearer",
                "ref": {"type": "user", "id": 1},
            },
        )

    def guard(self, body: Any) -> Any:
        def handler(request: httpx.Request) -> httpx.Response:
            if request.headers.get("authorization") != f"OAuth2 {self.current}":
                return httpx.Response(401, json=EXPIRED_401, headers=EXPIRED_HEADERS)
            return httpx.Response(200, json=body)

        return handler


def client_for(mock: MockPodio, **options: Any) -> podio.Client:
    options.setdefault(
        "oauth_token",
        {"access_token": "token-0", "refresh_token": "refresh", "expires_in": 28800},
    )
    return podio.Client("id", "secret", transport=httpx.MockTransport(mock), **options)


def test_expired_token_is_refreshed_and_the_call_replayed_once(mock_podio: MockPodio) -> None:
    server = TokenServer(mock_podio)
    server.current = "token-server-side"  # the client's token-0 is no longer accepted
    mock_podio.on("GET", "/org/", handler=server.guard([{"org_id": 1}]))
    refreshed: list[podio.OAuthToken] = []
    store = podio.MemoryTokenStore()
    client = client_for(mock_podio, on_token_refreshed=refreshed.append, token_store=store)
    assert client.connection.get("/org/").body == [{"org_id": 1}]
    paths = [call.path for call in mock_podio.calls]
    assert paths == ["/org/", "/oauth/token", "/org/"]
    assert mock_podio.calls[1].form["grant_type"] == "refresh_token"
    assert mock_podio.calls[1].form["refresh_token"] == "refresh"
    assert client.oauth_token is not None
    assert client.oauth_token.access_token == "token-1"
    assert client.oauth_token.refreshed is True
    assert refreshed == [client.oauth_token]
    assert store.load() == client.oauth_token


def test_a_second_expired_answer_is_not_refreshed_again(mock_podio: MockPodio) -> None:
    TokenServer(mock_podio)
    mock_podio.on("GET", "/org/", EXPIRED_401, status=401, headers=EXPIRED_HEADERS)
    with pytest.raises(podio.TokenExpiredError):
        client_for(mock_podio).connection.get("/org/")
    assert [call.path for call in mock_podio.calls] == ["/org/", "/oauth/token", "/org/"]


def test_invalid_token_error_code_is_refreshable_too(mock_podio: MockPodio) -> None:
    server = TokenServer(mock_podio)
    server.current = "x"

    def guard(request: httpx.Request) -> httpx.Response:
        if request.headers["authorization"] != f"OAuth2 {server.current}":
            return httpx.Response(401, json={"error": "invalid_token", "error_description": "no"})
        return httpx.Response(200, json={})

    mock_podio.on("GET", "/org/", handler=guard)
    assert client_for(mock_podio).connection.get("/org/").status == 200


def test_file_uploads_are_replayed_whole_after_a_refresh(mock_podio: MockPodio) -> None:
    server = TokenServer(mock_podio)
    server.current = "server-side"
    bodies: list[bytes] = []

    def upload(request: httpx.Request) -> httpx.Response:
        body = request.read()
        bodies.append(body)
        if request.headers["authorization"] != f"OAuth2 {server.current}":
            return httpx.Response(401, json=EXPIRED_401)
        return httpx.Response(200, json={"file_id": 7})

    mock_podio.on("POST", "/file/", handler=upload)
    payload = io.BytesIO(b"x" * 100_000)
    response = client_for(mock_podio).connection.post(
        "/file/", files={"source": ("a.bin", payload, "application/pdf")}, data={"filename": "a"}
    )
    assert response.body == {"file_id": 7}
    assert len(bodies) == 2
    # the multipart boundary differs between the two sends; the content must not
    assert len(bodies[0]) == len(bodies[1])
    assert b"x" * 100_000 in bodies[0]
    assert b"x" * 100_000 in bodies[1]


def test_a_token_about_to_expire_is_refreshed_before_the_call(mock_podio: MockPodio) -> None:
    server = TokenServer(mock_podio)
    mock_podio.on("GET", "/org/", handler=server.guard([]))
    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=10)
    token = podio.OAuthToken("token-0", "refresh", expires_at=soon)
    client_for(mock_podio, oauth_token=token).connection.get("/org/")
    assert [call.path for call in mock_podio.calls] == ["/oauth/token", "/org/"]


def test_a_refused_refresh_raises_and_forgets_the_token(mock_podio: MockPodio) -> None:
    TokenServer(mock_podio)
    mock_podio.on("GET", "/org/", EXPIRED_401, status=401)
    store = podio.MemoryTokenStore()
    client = client_for(
        mock_podio,
        oauth_token={"access_token": "old", "refresh_token": "dead", "expires_in": 600},
        token_store=store,
    )
    with pytest.raises(podio.InvalidGrantError):
        client.connection.get("/org/")
    assert client.oauth_token is None
    assert store.load() is None


def test_explicit_refresh(mock_podio: MockPodio) -> None:
    TokenServer(mock_podio)
    client = client_for(mock_podio)
    token = client.refresh_access_token()
    assert token.access_token == "token-1"
    assert token.refreshed


def test_one_refresh_for_32_threads_and_32_tasks_at_once(mock_podio: MockPodio) -> None:
    """Every caller meets the expired token; exactly one refresh request is sent."""
    server = TokenServer(mock_podio, delay=0.05)
    server.current = "rotated-on-the-server"
    mock_podio.on("GET", "/org/", handler=server.guard([{"org_id": 1}]))
    client = client_for(mock_podio)
    start = threading.Barrier(33)
    results: list[Any] = []
    lock = threading.Lock()

    def thread_call() -> None:
        start.wait()
        body = client.connection.get("/org/").body
        with lock:
            results.append(body)

    async def task_call() -> Any:
        return (await client.connection.aget("/org/")).body

    async def tasks() -> list[Any]:
        await asyncio.get_running_loop().run_in_executor(None, start.wait)
        return await asyncio.gather(*(task_call() for _ in range(32)))

    threads = [threading.Thread(target=thread_call) for _ in range(32)]
    for thread in threads:
        thread.start()
    async_results = asyncio.run(tasks())
    for thread in threads:
        thread.join()
    assert server.issued == 1
    assert len([call for call in mock_podio.calls if call.path == "/oauth/token"]) == 1
    assert results == [[{"org_id": 1}]] * 32
    assert async_results == [[{"org_id": 1}]] * 32
