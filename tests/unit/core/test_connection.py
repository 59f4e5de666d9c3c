"""The raw connection: verbs, headers, bodies, responses and streaming, sync and async."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest

import podio

from ...mock_api import MockPodio


def test_seed_snippets_setup_authenticate_and_get(mock_podio: MockPodio) -> None:
    """The Ruby README's connection snippets, written in Python, run as written."""
    mock_podio.on(
        "POST",
        "/oauth/token",
        {"access_token": "tok", "refresh_token": "ref", "expires_in": 28800},
    )
    mock_podio.on("GET", "/item/42", {"item_id": 42, "title": "Hello"})
    mock_podio.on("POST", "/status/space/23/", {"status_id": 1})
    podio.setup(
        api_key="YOUR_API_KEY",
        api_secret="YOUR_API_SECRET",
        transport=httpx.MockTransport(mock_podio),
    )
    podio.client.authenticate_with_credentials("YOUR_PODIO_ACCOUNT", "YOUR_PODIO_PASSWORD")
    response = podio.connection.get("/item/42")
    assert response.body == {"item_id": 42, "title": "Hello"}
    response = podio.connection.post(
        "/status/space/23/", {"value": "This is the text of the status message"}
    )
    assert response.body == {"status_id": 1}
    assert mock_podio.last.json == {"value": "This is the text of the status message"}


@pytest.mark.parametrize("verb", ["get", "post", "put", "delete"])
async def test_verbs_and_their_async_twins_send_the_same(api: MockPodio, verb: str) -> None:
    api.on(verb.upper(), "/task/5", {"ok": verb})
    sync = getattr(podio.connection, verb)
    asynchronous = getattr(podio.connection, "a" + verb)
    args: tuple[Any, ...] = ("/task/5",)
    if verb in ("post", "put"):
        args = ("/task/5", {"text": "Do it"})
    assert sync(*args).body == {"ok": verb}
    first = api.last
    assert (await asynchronous(*args)).body == {"ok": verb}
    second = api.last
    assert (first.method, first.path, first.body) == (second.method, second.path, second.body)
    generic = podio.connection.request(verb.upper(), "/task/5")
    assert generic.body == {"ok": verb}


def test_response_carries_status_headers_request_id_and_rate_limit(api: MockPodio) -> None:
    api.on(
        "GET",
        "/org/",
        [],
        headers={
            "X-Podio-Request-Id": "rid12345",
            "X-Rate-Limit-Limit": "1000",
            "X-Rate-Limit-Remaining": "987",
        },
    )
    response = podio.connection.get("/org/")
    assert response.status == 200
    assert response.ok
    assert response.request_id == "rid12345"
    assert response.rate_limit == podio.RateLimit(limit=1000, remaining=987)
    assert podio.client.rate_limit == podio.RateLimit(limit=1000, remaining=987)
    assert response.headers["x-podio-request-id"] == "rid12345"
    assert "rid12345" in repr(response)


def test_empty_answers_have_no_body(api: MockPodio) -> None:
    api.on("PUT", "/item/1", None, status=204)
    response = podio.connection.put("/item/1", {"fields": {}})
    assert response.status == 204
    assert response.body is None


def test_non_json_answers_are_bytes(api: MockPodio) -> None:
    api.on(
        "GET",
        "/file/1/raw",
        b"%PDF-1.4 binary",
        headers={"Content-Type": "application/pdf"},
    )
    assert podio.connection.get("/file/1/raw").body == b"%PDF-1.4 binary"


def test_query_params_and_booleans(api: MockPodio) -> None:
    api.on("GET", "/item/app/1/", {"items": []})
    podio.connection.get(
        "/item/app/1/", params={"limit": 20, "sort_desc": True, "silent": False, "skip": None}
    )
    assert api.last.params == {"limit": "20", "sort_desc": "1", "silent": "0"}


def test_headers_locale_test_mode_custom_and_user_agent(mock_podio: MockPodio) -> None:
    mock_podio.on("GET", "/org/", [])
    client = mock_podio.client(
        locale="da_DK",
        test_mode=True,
        custom_headers={"X-Trace": "t1"},
        user_agent="my-app/1.0",
    )
    client.connection.get("/org/")
    headers = mock_podio.last.headers
    assert headers["accept-language"] == "da_DK"
    assert headers["x-podio-dry-run"] == "true"
    assert headers["x-trace"] == "t1"
    assert headers["user-agent"].startswith("my-app/1.0 podio-python/")
    client.locale = "en_US"
    client.connection.get("/org/")
    assert mock_podio.last.headers["accept-language"] == "en_US"


def test_json_bodies_must_be_objects_or_lists(api: MockPodio) -> None:
    with pytest.raises(TypeError, match="dict or a list"):
        podio.connection.post("/item/app/1/", "text")
    with pytest.raises(TypeError, match="cannot send"):
        podio.connection.post("/item/app/1/", {"when": object()})
    assert api.calls == []


def test_json_bodies_json_cannot_hold_are_refused_before_sending(api: MockPodio) -> None:
    """NaN went out as ``NaN`` (not JSON), a lone surrogate and a deep body crashed with
    UnicodeEncodeError and RecursionError while the call was described."""
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    bodies = [
        ({"value": float("nan")}, "NaN or an infinity"),
        ({"value": [float("-inf")]}, "NaN or an infinity"),
        ({"value": "\ud800"}, "not valid Unicode"),
        ({"value": deep}, "nested too deeply"),
    ]
    for body, message in bodies:
        with pytest.raises(ValueError, match=message):
            podio.connection.post("/item/app/1/", body)
    assert api.calls == []


def test_python_values_are_encoded_as_podio_expects(api: MockPodio) -> None:
    import datetime as dt
    from decimal import Decimal

    api.on("POST", "/x/", {})
    podio.connection.post(
        "/x/",
        {
            "at": dt.datetime(2026, 1, 2, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            "on": dt.date(2026, 1, 2),
            "amount": Decimal("1200.50"),
            "ids": (1, 2),
        },
    )
    assert api.last.json == {
        "at": "2026-01-02 03:05:06",
        "on": "2026-01-02",
        "amount": "1200.50",
        "ids": [1, 2],
    }


def test_absolute_urls_get_the_token_only_on_podio_hosts(mock_podio: MockPodio) -> None:
    mock_podio.on("GET", "/123", b"bytes", headers={"Content-Type": "image/png"})
    client = mock_podio.client()
    client.connection.get("https://files.podio.com/123")
    assert mock_podio.last.headers["authorization"] == "OAuth2 test-access"
    client.connection.get("https://evil.example.com/123")
    assert "authorization" not in mock_podio.last.headers


def test_streaming_download(api: MockPodio) -> None:
    payload = bytes(range(256)) * 1000
    api.on("GET", "/file/9/raw", payload, headers={"Content-Type": "application/octet-stream"})
    sink = io.BytesIO()
    with podio.connection.stream("GET", "/file/9/raw") as response:
        assert response.status == 200
        for chunk in response.iter_bytes():
            sink.write(chunk)
    assert sink.getvalue() == payload


async def test_async_streaming_download(api: MockPodio) -> None:
    payload = b"abc" * 5000
    api.on("GET", "/file/9/raw", payload, headers={"Content-Type": "application/octet-stream"})
    chunks = []
    async with podio.connection.astream("GET", "/file/9/raw") as response:
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
    assert b"".join(chunks) == payload


def test_streamed_errors_are_raised_with_their_body(api: MockPodio) -> None:
    api.on("GET", "/file/9/raw", {"error": "not_found", "error_description": "No file"}, status=404)
    with (
        pytest.raises(podio.NotFoundError, match="No file"),
        podio.connection.stream("GET", "/file/9/raw"),
    ):
        pass


def test_connection_failures_become_podio_errors(mock_podio: MockPodio) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    mock_podio.on("GET", "/a", handler=refuse)
    mock_podio.on("GET", "/b", handler=slow)
    client = mock_podio.client(max_retries=0)
    with pytest.raises(podio.PodioConnectionError) as caught:
        client.connection.get("/a")
    assert not isinstance(caught.value, podio.PodioTimeoutError)
    with pytest.raises(podio.PodioTimeoutError) as timeout:
        client.connection.get("/b")
    assert isinstance(timeout.value, TimeoutError)
    assert timeout.value.url == "https://api.podio.com/b"
