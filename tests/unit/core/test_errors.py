"""Error answers become the right exception, with Podio's fields, whatever the body looks like."""

from __future__ import annotations

from typing import Any

import pytest

import podio

from ...mock_api import MockPodio


def body(error: str, description: str = "Something", **extra: Any) -> dict[str, Any]:
    return {
        "error": error,
        "error_description": description,
        "error_detail": extra.pop("detail", None),
        "error_parameters": extra.pop("parameters", {}),
        "error_propagate": extra.pop("propagate", False),
        "request": {"url": "http://api.podio.com/x", "query_string": "", "method": "GET"},
    }


@pytest.mark.parametrize(
    ("status", "payload", "cls"),
    [
        (400, body("invalid_value"), podio.BadRequestError),
        (400, body("invalid_grant"), podio.InvalidGrantError),
        (400, body("invalid_second_factor"), podio.InvalidSecondFactorError),
        (400, body("nonce_validation_error"), podio.NonceValidationError),
        (401, body("unauthorized", "expired_token"), podio.TokenExpiredError),
        (401, body("invalid_token"), podio.TokenExpiredError),
        (401, body("unauthorized", "Bad token"), podio.AuthorizationError),
        (402, body("payment_required"), podio.PaymentRequiredError),
        (403, body("forbidden"), podio.ForbiddenError),
        (403, body("requestable_forbidden"), podio.RequestableAuthorizationError),
        (404, body("not_found"), podio.NotFoundError),
        (409, body("conflict"), podio.ConflictError),
        (410, body("gone"), podio.GoneError),
        (420, body("rate_limit"), podio.RateLimitError),
        (429, body("too_many"), podio.RateLimitError),
        (422, body("unprocessable"), podio.ClientError),
        (418, body("teapot"), podio.ClientError),
        (500, body("server_error"), podio.ServerError),
        (502, body("bad_gateway"), podio.UnavailableError),
        (503, body("unavailable"), podio.UnavailableError),
        (503, body("maintenance"), podio.MaintenanceError),
        (504, body("timeout"), podio.UnavailableError),
        (507, body("insufficient"), podio.ServerError),
    ],
)
def test_status_and_code_pick_the_class(
    api: MockPodio, status: int, payload: dict[str, Any], cls: type[podio.PodioError]
) -> None:
    api.on("POST", "/oauth/token", {"access_token": "new", "refresh_token": "r", "expires_in": 60})
    api.on("GET", "/thing/1", payload, status=status, headers={"X-Podio-Request-Id": "ab12cd34"})
    with pytest.raises(cls) as caught:
        podio.connection.get("/thing/1", max_retries=0)
    error = caught.value
    assert type(error) is cls
    assert error.response_status == status
    assert error.response_body == payload
    assert error.url == "https://api.podio.com/thing/1"
    assert error.code == payload["error"]
    assert error.message == payload["error_description"]
    assert error.request_id == "ab12cd34"
    assert "ab12cd34" in str(error)
    if 400 <= status < 500:
        assert not isinstance(error, podio.ServerError)


def test_gem_aliases_and_hierarchy() -> None:
    assert podio.TokenExpired is podio.TokenExpiredError
    assert podio.Maintenance is podio.MaintenanceError
    assert issubclass(podio.PaymentRequiredError, podio.AuthorizationError)
    assert issubclass(podio.RequestableAuthorizationError, podio.AuthorizationError)
    assert issubclass(podio.PodioTimeoutError, TimeoutError)
    for cls in (podio.PodioConnectionError, podio.APIError, podio.InvalidResponseError):
        assert issubclass(cls, podio.PodioError)


def test_all_error_fields_and_resolved_message(api: MockPodio) -> None:
    payload = body(
        "alert.no_access.invite",
        "Mentioned users can be invited",
        detail="sub",
        parameters={"space_id": 5, "user_ids": [1, 2]},
        propagate=True,
    )
    api.on("POST", "/comment/item/1/", payload, status=403)
    with pytest.raises(podio.ForbiddenError) as caught:
        podio.connection.post("/comment/item/1/", {"value": "@[A](user:1)"})
    error = caught.value
    assert error.sub_code == "sub"
    assert error.parameters == {"space_id": 5, "user_ids": [1, 2]}
    assert error.propagate is True
    assert error.resolved_message("fallback") == "Mentioned users can be invited"
    error.propagate = False
    assert error.resolved_message("fallback") == "fallback"
    assert error.resolved_message() == "An unexpected error occurred"


@pytest.mark.parametrize(
    ("status", "content", "content_type", "cls", "kept"),
    [
        (
            502,
            b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            "text/html",
            podio.UnavailableError,
            "502 Bad Gateway",
        ),
        (400, b"<html><body>400 Bad Request</body></html>", "text/html", podio.BadRequestError, ""),
        (500, b"", "application/json", podio.ServerError, None),
        (503, b'{"error": "unavail', "application/json", podio.UnavailableError, '{"error'),
        (404, b"Not Found", "text/plain", podio.NotFoundError, "Not Found"),
    ],
)
def test_error_bodies_that_are_not_json_keep_their_class_and_raw_text(
    api: MockPodio,
    status: int,
    content: bytes,
    content_type: str,
    cls: type[podio.PodioError],
    kept: str | None,
) -> None:
    api.on("GET", "/x", content, status=status, headers={"Content-Type": content_type})
    with pytest.raises(cls) as caught:
        podio.connection.get("/x", max_retries=0)
    error = caught.value
    assert error.response_status == status
    if kept is None:
        assert not error.response_body
    else:
        raw = error.response_body
        text = raw.decode() if isinstance(raw, bytes) else raw
        assert kept in text
    if kept:
        assert kept in error.message


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b'{"item_id": 4', "application/json"), (b"[1, 2,", "application/json; charset=utf-8")],
)
def test_a_truncated_success_body_is_an_invalid_response(
    api: MockPodio, content: bytes, content_type: str
) -> None:
    api.on("GET", "/item/4", content, headers={"Content-Type": content_type})
    with pytest.raises(podio.InvalidResponseError) as caught:
        podio.connection.get("/item/4")
    assert caught.value.response_body == content.decode()
    assert caught.value.response_status == 200


@pytest.mark.parametrize(
    ("status", "cls"), [(200, podio.InvalidResponseError), (502, podio.UnavailableError)]
)
def test_json_nested_too_deeply_to_parse_is_an_invalid_body_not_a_recursion_error(
    api: MockPodio, status: int, cls: type[podio.PodioError]
) -> None:
    """``[[[[...`` 5,000 levels deep made the JSON parser raise RecursionError."""
    content = b"[" * 5000
    api.on("GET", "/x", content, status=status, headers={"Content-Type": "application/json"})
    with pytest.raises(cls) as caught:
        podio.connection.get("/x", max_retries=0)
    assert caught.value.response_status == status
    api.on("GET", "/x", content, headers={"Content-Type": "application/octet-stream"})
    response = podio.connection.get("/x")
    with pytest.raises(podio.InvalidResponseError):
        response.json()


def test_rate_limit_error_carries_the_budget_and_wait_hint(api: MockPodio) -> None:
    api.on(
        "GET",
        "/x",
        body("rate_limit", "You have hit the rate limit. Please wait 1800 seconds before trying"),
        status=420,
        headers={"X-Rate-Limit-Limit": "1000", "X-Rate-Limit-Remaining": "0"},
    )
    with pytest.raises(podio.RateLimitError) as caught:
        podio.connection.get("/x")
    assert caught.value.limit == 1000
    assert caught.value.remaining == 0
    assert caught.value.retry_after == 1800.0


def test_seed_error_example(api: MockPodio) -> None:
    """The Ruby README's error example, in Python."""
    api.on(
        "POST",
        "/space/",
        body("invalid_value", "The name must be unique", propagate=True),
        status=400,
    )
    seen: dict[str, Any] = {}
    try:
        podio.Space.create({"name": "New Space", "org_id": 42})
    except podio.BadRequestError as exc:
        seen = {
            "body": exc.response_body,
            "status": exc.response_status,
            "url": exc.url,
            "message": exc.message,
        }
    assert seen["body"]["error"] == "invalid_value"
    assert seen["status"] == 400
    assert seen["url"] == "https://api.podio.com/space/"
    assert seen["message"] == "The name must be unique"
