"""Retries: what is repeated, how often, and how long the client waits."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import podio
from podio._retry import RetryPolicy

from ...mock_api import MockPodio


def flaky(failures: list[Any], final: Any = None) -> Any:
    """A handler that fails with each of `failures` in turn, then answers `final`."""
    remaining = list(failures)

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        if remaining:
            failure = remaining.pop(0)
            if isinstance(failure, type) and issubclass(failure, Exception):
                raise failure("injected", request=request)
            return httpx.Response(failure, json={"error": "x", "error_description": "injected"})
        return httpx.Response(200, json=final if final is not None else {"ok": True})

    return handler


def count(api: MockPodio, path: str) -> int:
    return len([call for call in api.calls if call.path == path])


@pytest.mark.parametrize(
    "failure", [500, 502, 503, 504, httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout]
)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_idempotent_calls_are_retried(api: MockPodio, failure: Any, method: str) -> None:
    api.on(method, "/task/1", handler=flaky([failure, failure]))
    assert podio.connection.request(method, "/task/1").body == {"ok": True}
    assert count(api, "/task/1") == 3


def test_retries_are_bounded_per_client_and_per_call(mock_podio: MockPodio) -> None:
    mock_podio.on("GET", "/a", handler=flaky([503] * 10))
    client = mock_podio.client(max_retries=2)
    with pytest.raises(podio.UnavailableError):
        client.connection.get("/a")
    assert count(mock_podio, "/a") == 3
    with pytest.raises(podio.UnavailableError):
        client.connection.get("/a", max_retries=0)
    assert count(mock_podio, "/a") == 4


@pytest.mark.parametrize("failure", [500, 502, 503, httpx.ReadError, httpx.RemoteProtocolError])
def test_a_post_that_may_have_reached_podio_is_never_repeated(api: MockPodio, failure: Any) -> None:
    api.on("POST", "/item/app/1/", handler=flaky([failure]))
    with pytest.raises(podio.PodioError):
        podio.connection.post("/item/app/1/", {"fields": {}})
    assert count(api, "/item/app/1/") == 1


@pytest.mark.parametrize("failure", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
def test_a_post_that_never_left_is_repeated(api: MockPodio, failure: Any) -> None:
    api.on("POST", "/item/app/1/", handler=flaky([failure]))
    assert podio.connection.post("/item/app/1/", {"fields": {}}).body == {"ok": True}
    assert count(api, "/item/app/1/") == 2


def test_a_read_only_post_may_be_repeated(api: MockPodio) -> None:
    api.on("POST", "/item/app/1/filter/", handler=flaky([502, httpx.ReadError]))
    response = podio.connection.post("/item/app/1/filter/", {"limit": 10}, idempotent=True)
    assert response.body == {"ok": True}
    assert count(api, "/item/app/1/filter/") == 3


def test_rate_limited_calls_are_repeated_even_when_they_are_posts(api: MockPodio) -> None:
    api.on("POST", "/item/app/1/", handler=flaky([420]))
    assert podio.connection.post("/item/app/1/", {"fields": {}}).status == 200
    assert count(api, "/item/app/1/") == 2


def test_uploads_are_sent_whole_on_every_attempt(api: MockPodio) -> None:
    bodies: list[bytes] = []
    inner = flaky([httpx.ConnectError])

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return inner(request)  # type: ignore[no-any-return]

    api.on("POST", "/file/", handler=handler)
    podio.connection.post("/file/", files={"source": ("a.txt", io.BytesIO(b"payload" * 1000))})
    assert len(bodies) == 2
    assert b"payload" * 1000 in bodies[1]


@pytest.fixture
def real_waits() -> Iterator[None]:
    podio.set_testing(False)
    yield
    podio.set_testing(True)


@pytest.mark.usefixtures("real_waits")
def test_rate_limit_waits_follow_podio_hints_up_to_the_maximum() -> None:
    policy = RetryPolicy(max_retries=3, max_rate_limit_wait=60)
    assert policy.status_delay(420, idempotent=False, attempt=0, hint=2.0) == 2.0
    assert policy.status_delay(420, idempotent=False, attempt=0, hint=3600.0) is None
    assert policy.status_delay(420, idempotent=True, attempt=3, hint=1.0) is None
    unhinted = policy.status_delay(420, idempotent=True, attempt=1, hint=None)
    assert unhinted is not None
    assert 0 <= unhinted <= 1.0


@pytest.mark.usefixtures("real_waits")
def test_backoff_grows_exponentially_with_jitter_and_a_ceiling() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8)
    for attempt, ceiling in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (6, 8.0)]:
        waits = [policy.backoff(attempt) for _ in range(200)]
        assert max(waits) <= ceiling
        assert min(waits) >= 0
        assert len(set(waits)) > 100  # jittered, not fixed


def test_a_long_rate_limit_raises_at_once_with_its_hint(api: MockPodio) -> None:
    api.on(
        "GET",
        "/x",
        {"error": "rate_limit", "error_description": "Please wait 3000 seconds"},
        status=420,
        headers={"X-Rate-Limit-Limit": "1000", "X-Rate-Limit-Remaining": "0"},
    )
    client = podio.client
    client.retry_policy = RetryPolicy(max_rate_limit_wait=60)
    with pytest.raises(podio.RateLimitError) as caught:
        podio.connection.get("/x")
    assert caught.value.retry_after == 3000.0
    assert count(api, "/x") == 1


def test_retry_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="negative"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="negative"):
        RetryPolicy(backoff_base=-1)
