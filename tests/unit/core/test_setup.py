"""The default client: podio.setup, podio.client / podio.connection, threads, tasks, with_client."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

import podio

from ...mock_api import MockPodio


def test_setup_builds_the_default_client_and_returns_it() -> None:
    client = podio.setup(api_key="key", api_secret="secret", api_url="https://api.example.com")
    assert podio.client is client
    assert podio.connection is client.connection
    assert client.api_url == "https://api.example.com"
    assert client.api_key == "key"


def test_setup_without_arguments_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODIO_CLIENT_ID", "env-id")
    monkeypatch.setenv("PODIO_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("PODIO_API_URL", "http://127.0.0.1:9999")
    client = podio.setup()
    assert client.api_key == "env-id"
    assert client.has_credentials
    assert client.api_url == "http://127.0.0.1:9999"


def test_without_setup_the_error_says_what_to_do() -> None:
    with pytest.raises(podio.ConfigurationError, match=r"podio\.setup"):
        _ = podio.client
    with pytest.raises(podio.ConfigurationError, match=r"podio\.setup"):
        _ = podio.connection
    with pytest.raises(podio.ConfigurationError, match=r"podio\.setup"):
        podio.Organization.find_all()


def test_each_thread_has_its_own_default() -> None:
    main = podio.setup("main", "secret")
    seen: dict[str, object] = {}

    def worker() -> None:
        try:
            _ = podio.client
        except podio.ConfigurationError:
            seen["before"] = None
        own = podio.setup("thread", "secret")
        seen["after"] = podio.client
        seen["own"] = own

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen["before"] is None
    assert seen["after"] is seen["own"]
    assert podio.client is main


async def test_each_task_can_switch_its_default_without_touching_others() -> None:
    outer = podio.setup("outer", "secret")

    async def task(name: str) -> str | None:
        podio.setup(name, "secret")
        await asyncio.sleep(0)
        return podio.client.api_key

    results = await asyncio.gather(task("a"), task("b"))
    assert results == ["a", "b"]
    assert podio.client is outer


def test_with_client_restores_the_previous_default_and_keeps_refreshed_tokens(
    mock_podio: MockPodio,
) -> None:
    outer = podio.setup("outer", "secret")
    inner = mock_podio.client()
    mock_podio.on(
        "POST",
        "/oauth/token",
        {"access_token": "fresh", "refresh_token": "r2", "expires_in": 28800},
    )
    with podio.with_client(inner) as active:
        assert active is inner
        assert podio.client is inner
        inner.refresh_access_token()
    assert podio.client is outer
    assert inner.oauth_token is not None
    assert inner.oauth_token.access_token == "fresh"


def test_client_validates_its_options() -> None:
    with pytest.raises(ValueError, match="api_url"):
        podio.Client(api_url="api.podio.com")
    with pytest.raises(ValueError, match="forever"):
        podio.Client(timeout=None)
    with pytest.raises(TypeError):
        podio.Client(api_key=123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        podio.set_client("not a client")  # type: ignore[arg-type]


def test_timeout_default_is_finite() -> None:
    timeout = podio.Client().timeout
    assert timeout.connect and timeout.read and timeout.write and timeout.pool


def test_a_sync_only_transport_refuses_async_calls_clearly() -> None:
    class SyncOnly(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={})

    client = podio.Client("k", "s", transport=SyncOnly(), oauth_token={"access_token": "a"})
    assert client.connection.get("/org/").status == 200

    async def call() -> None:
        await client.connection.aget("/org/")

    with pytest.raises(podio.ConfigurationError, match="async_transport"):
        asyncio.run(call())
