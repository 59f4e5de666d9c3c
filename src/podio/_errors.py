"""Every error the client raises, and the one function that maps a response to its class.

The tree::

    PodioError                          anything this library raises about Podio
    ├── ConfigurationError              no default client, or a client that cannot authenticate
    ├── PodioConnectionError            no answer: DNS, refused, reset, dropped mid-response
    │   └── PodioTimeoutError           (also a builtin TimeoutError) connect/read/write/pool
    ├── InvalidResponseError            an answer that is not what Podio sends (bad JSON, shape)
    ├── SecondFactorRequired            a password grant that needs the second factor
    └── APIError                        Podio answered with an error status
        ├── ClientError                 4xx, including ones Podio has not documented
        │   ├── BadRequestError             400
        │   │   ├── InvalidGrantError           400 invalid_grant (token endpoint)
        │   │   ├── InvalidSecondFactorError    400 invalid_second_factor
        │   │   └── NonceValidationError        400 nonce_validation_error
        │   ├── AuthorizationError          401, and 403 as the Ruby gem maps it
        │   │   ├── TokenExpiredError           401 expired or invalid token (alias TokenExpired)
        │   │   ├── PaymentRequiredError        402
        │   │   └── ForbiddenError              403
        │   │       └── RequestableAuthorizationError   403 requestable_forbidden
        │   ├── NotFoundError               404
        │   ├── ConflictError               409
        │   ├── GoneError                   410
        │   └── RateLimitError              420 (Podio's rate limit), and 429 should it come
        └── ServerError                     5xx
            └── UnavailableError            502, 503, 504
                └── MaintenanceError        503 with error "maintenance" (alias Maintenance)

The names follow the Ruby gem so that code and answers written for it translate directly. Unlike
the gem, a status nobody documented keeps its class: an unknown 4xx is a `ClientError`, never a
server error (errors.md §4).

`str(error)` is meant for a log line: status, Podio's error code and description, the method and
path, and the request id to quote to Podio's support. It never holds a token or a secret.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "APIError",
    "AuthorizationError",
    "BadRequestError",
    "ClientError",
    "ConfigurationError",
    "ConflictError",
    "ForbiddenError",
    "GoneError",
    "InvalidGrantError",
    "InvalidResponseError",
    "InvalidSecondFactorError",
    "Maintenance",
    "MaintenanceError",
    "NonceValidationError",
    "NotFoundError",
    "PaymentRequiredError",
    "PodioConnectionError",
    "PodioError",
    "PodioTimeoutError",
    "RateLimitError",
    "RequestableAuthorizationError",
    "SecondFactorRequired",
    "ServerError",
    "TokenExpired",
    "TokenExpiredError",
    "UnavailableError",
    "error_from_response",
]

_GENERIC_MESSAGE = "An unexpected error occurred"


class PodioError(Exception):
    """Base of everything this library raises about Podio.

    Errors that come with an answer from Podio carry it: `response_status`, `response_body`
    (the parsed JSON error body, or the raw text when the body was not JSON), `url`, and
    Podio's error fields `code` (``error``), `sub_code` (``error_detail``), `message`
    (``error_description``), `parameters` (``error_parameters``) and `propagate`
    (``error_propagate``), plus `request_id` (``X-Podio-Request-Id``). Errors raised before
    any answer leave those as ``None``.
    """

    response_status: int | None
    response_body: Any
    url: str | None
    method: str | None
    request_id: str | None
    code: str | None
    sub_code: str | None
    message: str
    parameters: dict[str, Any]
    propagate: bool

    def __init__(
        self,
        message: str | None = None,
        *,
        response_status: int | None = None,
        response_body: Any = None,
        url: str | None = None,
        method: str | None = None,
        request_id: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.response_status = response_status
        self.response_body = response_body
        self.url = url
        self.method = method
        self.request_id = request_id
        self.headers: dict[str, str] = dict(headers or {})
        self.code = None
        self.sub_code = None
        self.parameters = {}
        self.propagate = False
        description: str | None = None
        if isinstance(response_body, dict):
            self.code = _str_or_none(response_body.get("error"))
            self.sub_code = _str_or_none(response_body.get("error_detail"))
            description = _str_or_none(response_body.get("error_description"))
            params = response_body.get("error_parameters")
            self.parameters = dict(params) if isinstance(params, dict) else {}
            self.propagate = response_body.get("error_propagate") is True
        elif isinstance(response_body, (str, bytes)) and response_body:
            text = (
                response_body.decode("utf-8", "replace")
                if isinstance(response_body, bytes)
                else response_body
            )
            description = _summarize_text(text)
        self.message = message or description or _default_message(response_status)
        super().__init__(self.message)

    def resolved_message(self, default: str | None = None) -> str:
        """The description when Podio marked it fit for end users, else `default`.

        Podio sets ``error_propagate`` on errors whose description may be shown to people;
        other descriptions are for developers (errors.md §1).
        """
        if self.propagate and self.message:
            return self.message
        return default or _GENERIC_MESSAGE

    def __str__(self) -> str:
        parts: list[str] = []
        if self.response_status is not None:
            parts.append(str(self.response_status))
        if self.code:
            parts.append(f"{self.code}:")
        parts.append(self.message)
        where: list[str] = []
        if self.method and self.url:
            where.append(f"{self.method} {_path_of(self.url)}")
        elif self.url:
            where.append(_path_of(self.url))
        if self.request_id:
            where.append(f"request id {self.request_id}")
        text = " ".join(parts)
        return f"{text} ({', '.join(where)})" if where else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class ConfigurationError(PodioError):
    """The client is missing something it needs before it can send a request."""


class PodioConnectionError(PodioError):
    """No usable answer arrived: the connection failed, was refused or was dropped."""


class PodioTimeoutError(PodioConnectionError, TimeoutError):
    """Connecting, sending, reading or waiting for a pooled connection took too long."""


class InvalidResponseError(PodioError):
    """Podio's answer could not be understood (truncated JSON, HTML, an unexpected shape).

    `response_body` keeps the raw text so the problem can be reported.
    """


class SecondFactorRequired(PodioError):
    """The password grant succeeded halfway: the account asks for a second factor.

    Finish with ``client.authenticate_with_second_factor(error.nonce, code)``.
    """

    def __init__(self, nonce: str, *, url: str | None = None) -> None:
        super().__init__(
            "This account requires a second factor: call "
            "authenticate_with_second_factor(nonce, code)",
            url=url,
            method="POST",
        )
        self.nonce = nonce

    def __repr__(self) -> str:
        return "SecondFactorRequired(nonce=<hidden>)"


class APIError(PodioError):
    """Podio answered with an error status."""


class ClientError(APIError):
    """A 4xx answer: the request was wrong, not Podio."""


class BadRequestError(ClientError):
    """400: invalid input, e.g. a field value Podio does not accept (``invalid_value``)."""


class InvalidGrantError(BadRequestError):
    """400 ``invalid_grant``: bad credentials, a spent code, or a dead refresh token."""


class InvalidSecondFactorError(BadRequestError):
    """400 ``invalid_second_factor``: the one-time or recovery code was wrong."""


class NonceValidationError(BadRequestError):
    """400 ``nonce_validation_error``: the second-factor nonce is unknown or too old."""


class AuthorizationError(ClientError):
    """401 (not authenticated) and, as in the Ruby gem, the parent of 402 and 403."""


class TokenExpiredError(AuthorizationError):
    """401 for an expired or invalid access token.

    The client refreshes and replays the request once by itself; this only escapes when the
    token cannot be refreshed.
    """


class PaymentRequiredError(AuthorizationError):
    """402: the organization's plan does not allow this."""


class ForbiddenError(AuthorizationError):
    """403: authenticated, but without the right to do this."""


class RequestableAuthorizationError(ForbiddenError):
    """403 ``requestable_forbidden``: access can be requested from an administrator."""


class NotFoundError(ClientError):
    """404: the object does not exist, or no operation matches the method and path."""


class ConflictError(ClientError):
    """409: e.g. an item update carrying a stale ``revision``."""


class GoneError(ClientError):
    """410: the object was deleted."""


class RateLimitError(ClientError):
    """420 (Podio's status for a spent rate limit) or 429.

    `limit` and `remaining` come from the ``X-Rate-Limit-*`` headers; `retry_after` is the
    wait in seconds that Podio asked for (a ``Retry-After`` header, or the "wait N seconds"
    hint in the description), or ``None`` when it gave none.
    """

    @property
    def limit(self) -> int | None:
        return _int_header(self.headers, "x-rate-limit-limit")

    @property
    def remaining(self) -> int | None:
        return _int_header(self.headers, "x-rate-limit-remaining")

    @property
    def retry_after(self) -> float | None:
        return retry_after_hint(self.headers, self.message)


class ServerError(APIError):
    """5xx: Podio failed."""


class UnavailableError(ServerError):
    """502, 503 or 504: a proxy or Podio is temporarily unavailable."""


class MaintenanceError(UnavailableError):
    """503 during Podio's maintenance."""


# Names of the Ruby gem, kept so code written for it reads the same.
TokenExpired = TokenExpiredError
Maintenance = MaintenanceError

_WAIT_HINT = re.compile(r"wait\s+(\d+(?:\.\d+)?)\s*seconds?", re.IGNORECASE)


def retry_after_hint(headers: Mapping[str, str], description: str | None) -> float | None:
    """How long Podio asked us to wait, in seconds, if it said so.

    A ``Retry-After`` header wins (Podio is not known to send one, limits.md §1, but it costs
    nothing to honour); then a "Please wait N seconds" hint in the description, which is the
    only hint seen in the wild (errors.md §3).
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    header = lowered.get("retry-after")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            pass
    if description:
        match = _WAIT_HINT.search(description)
        if match:
            return float(match.group(1))
    return None


def error_from_response(
    status: int,
    body: Any,
    *,
    url: str | None = None,
    method: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> APIError:
    """Build the exception for an error answer: status first, Podio's ``error`` second."""
    headers = dict(headers or {})
    request_id = _header(headers, "x-podio-request-id")
    data = body if isinstance(body, dict) else {}
    code = data.get("error")
    description = data.get("error_description")
    cls: type[APIError]
    if status == 400:
        cls = {
            "invalid_grant": InvalidGrantError,
            "invalid_second_factor": InvalidSecondFactorError,
            "nonce_validation_error": NonceValidationError,
        }.get(code if isinstance(code, str) else "", BadRequestError)
    elif status == 401:
        expired = (isinstance(description, str) and "expired_token" in description) or code in (
            "invalid_token",
            "expired_token",
        )
        www = _header(headers, "www-authenticate") or ""
        cls = TokenExpiredError if expired or "expired_token" in www else AuthorizationError
    elif status == 402:
        cls = PaymentRequiredError
    elif status == 403:
        cls = RequestableAuthorizationError if code == "requestable_forbidden" else ForbiddenError
    elif status == 404:
        cls = NotFoundError
    elif status == 409:
        cls = ConflictError
    elif status == 410:
        cls = GoneError
    elif status in (420, 429):
        cls = RateLimitError
    elif status == 503 and code == "maintenance":
        cls = MaintenanceError
    elif status in (502, 503, 504):
        cls = UnavailableError
    elif 400 <= status < 500:
        cls = ClientError
    else:
        cls = ServerError
    return cls(
        response_status=status,
        response_body=body,
        url=url,
        method=method,
        request_id=request_id,
        headers=headers,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = _header(headers, name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _summarize_text(text: str) -> str:
    """A one-line summary of a non-JSON body (a proxy's HTML page, say)."""
    title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    text = title.group(1) if title else re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text[:200] + ("..." if len(text) > 200 else "")


def _path_of(url: str) -> str:
    """The path of a URL without its query string, which is all a log line needs."""
    from ._logging import redact_url

    without_query = redact_url(url.split("?", 1)[0])
    match = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*(.*)$", without_query)
    path = match.group(1) if match else without_query
    return path or "/"


def _default_message(status: int | None) -> str:
    if status is None:
        return _GENERIC_MESSAGE
    return f"Podio answered with status {status}"
