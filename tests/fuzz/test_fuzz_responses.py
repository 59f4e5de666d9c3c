"""Whatever comes back, the caller gets a Response, a parsed result or a PodioError.

Answers are generated with any status from 100 to 599, any mix of the headers the client
reads (rate limits, Retry-After, WWW-Authenticate, request id) with broken values, any
content type, and bodies that are JSON, JSON cut short, HTML, empty, binary, nested past
the parser's recursion, several megabytes long. They go through `decode_body`, through the
whole pipeline (httpx.MockTransport; raw calls and model operations, sync and async), and
through `error_from_response`. Nothing but `PodioError` subclasses may come out: never
KeyError, JSONDecodeError, pydantic's ValidationError, RecursionError, AttributeError.
"""

from __future__ import annotations

from typing import Any

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

import podio
from podio._errors import error_from_response, retry_after_hint
from podio._response import RateLimit, decode_body

from .strategies import CONTENT_TYPES, HEADERS, attempt, bodies, json_like

MORE = settings(max_examples=2 * (settings.default.max_examples or 100))
STATUSES = st.integers(100, 599) | st.sampled_from([200, 204, 400, 401, 404, 420, 500, 502])


def _answer(status: int, content_type: str, body: bytes, headers: dict[str, str]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        answer_headers = dict(headers)
        if content_type:
            answer_headers["content-type"] = content_type
        return httpx.Response(status, content=body, headers=answer_headers)

    return handler


def _client(handler: Any) -> podio.Client:
    return podio.Client(
        "id",
        "secret",
        transport=httpx.MockTransport(handler),
        oauth_token={"access_token": "a", "refresh_token": "r", "expires_in": 28800},
    )


def _check_error(error: podio.PodioError, status: int) -> None:
    str(error), repr(error), error.resolved_message()
    if isinstance(error, podio.APIError):
        assert error.response_status == status
        assert status >= 400
    if isinstance(error, podio.RateLimitError):
        _ = error.limit, error.remaining, error.retry_after


@given(STATUSES, CONTENT_TYPES, bodies(), HEADERS, st.booleans())
def test_decode_body_answers_a_body_or_invalid_response(
    status: int, content_type: str, body: bytes, headers: dict[str, str], decode: bool
) -> None:
    raw = httpx.Response(status, content=body, headers={**headers, "content-type": content_type})
    decoded, error = attempt(
        lambda: decode_body(raw, url="https://api.podio.com/x", method="GET", decode=decode),
        podio.InvalidResponseError,
    )
    if isinstance(error, podio.InvalidResponseError):
        assert error.response_body is not None and error.response_status == status
        return
    assert decoded is None or isinstance(decoded, (bytes, dict, list, str, int, float, bool))
    RateLimit.from_headers(raw.headers)


OPERATIONS = ["get", "post", "find", "filter", "list", "create", "count", "download"]


def _run(client: podio.Client, operation: str) -> Any:
    if operation == "get":
        return client.connection.get("/item/1")
    if operation == "post":
        return client.connection.post("/item/app/1/", {"fields": {}})
    if operation == "find":
        return podio.Item.find(1, client=client)
    if operation == "filter":
        return podio.Item.filter(1, client=client)
    if operation == "list":
        return podio.Space.find_all_for_org(1, client=client)
    if operation == "create":
        return podio.Item.create(1, {"fields": {"title": "x"}}, client=client)
    if operation == "count":
        return podio.Item.count(1, client=client)
    return podio.FileAttachment.download(1, client=client)


async def _arun(client: podio.Client, operation: str) -> Any:
    if operation == "get":
        return await client.connection.aget("/item/1")
    if operation == "find":
        return await podio.Item.afind(1, client=client)
    if operation == "filter":
        return await podio.Item.afilter(1, client=client)
    return await podio.Item.acreate(1, {"fields": {"title": "x"}}, client=client)


@MORE
@given(STATUSES, CONTENT_TYPES, bodies(), HEADERS, st.sampled_from(OPERATIONS))
def test_the_pipeline_answers_a_result_or_a_podio_error(
    status: int, content_type: str, body: bytes, headers: dict[str, str], operation: str
) -> None:
    with _client(_answer(status, content_type, body, headers)) as client:
        try:
            result = _run(client, operation)
        except podio.PodioError as exc:
            _check_error(exc, status)
            return
        repr(result)
        if isinstance(result, podio.Response):
            assert result.status == status < 400
            result.json() if result.body is not None and not isinstance(
                result.body, (bytes, bytearray)
            ) else None


@given(STATUSES, CONTENT_TYPES, bodies(), HEADERS, st.sampled_from(["get", "find", "create"]))
async def test_the_async_pipeline_answers_a_result_or_a_podio_error(
    status: int, content_type: str, body: bytes, headers: dict[str, str], operation: str
) -> None:
    client = _client(_answer(status, content_type, body, headers))
    try:
        await _arun(client, operation)
    except podio.PodioError as exc:
        _check_error(exc, status)
    finally:
        await client.aclose()


@given(
    st.integers(400, 599),
    json_like() | st.text(max_size=50) | st.binary(max_size=50),
    HEADERS,
)
def test_error_from_response_maps_any_error_answer_to_its_class(
    status: int, body: Any, headers: dict[str, str]
) -> None:
    error = error_from_response(
        status, body, url="https://api.podio.com/x?oauth_token=s", method="GET", headers=headers
    )
    assert isinstance(error, podio.APIError)
    _check_error(error, status)
    assert isinstance(error, podio.ClientError) == (status < 500)
    assert "oauth_token=s" not in str(error)
    assert isinstance(error.parameters, dict)
    assert error.code is None or isinstance(error.code, str)


@given(HEADERS, st.none() | st.text(max_size=60))
def test_retry_hints_are_a_wait_or_none(headers: dict[str, str], description: str | None) -> None:
    hint = retry_after_hint(headers, description)
    assert hint is None or hint >= 0 or hint != hint  # NaN is "no usable hint" below
