"""Podio-shaped errors: one exception type, one body builder.

Raise `PodioError` (or one of the helpers below) anywhere in an area; the app turns it into

    {"error": ..., "error_description": ..., "error_detail": ..., "error_parameters": {...},
     "error_propagate": ..., "request": {"url": ..., "query_string": ..., "method": ...}}

with the given status (errors.md §1). Nothing written in the failing request is kept: the
request's transaction is rolled back.

Error codes Podio was seen to use are used as such (`not_found`, `invalid_value`,
`invalid_grant`, `unauthorized`, `rate_limit`, ...). For 403, 409 and 410 no code was observed;
the emulator uses `forbidden`, `conflict` and `gone` (README.md, "Errors").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "NO_OPERATION",
    "PodioError",
    "bad_request",
    "conflict",
    "error_body",
    "forbidden",
    "gone",
    "invalid_value",
    "not_found",
    "unauthorized",
]

# The first sentence Podio sends when no operation matches (samples/error-not-found.json).
NO_OPERATION = "No matching operation could be found."


class PodioError(Exception):
    """An error answer: HTTP status plus the five Podio error fields.

    `headers` are added to the response (e.g. `WWW-Authenticate` on a 401).
    """

    def __init__(
        self,
        status: int,
        error: str,
        description: str,
        *,
        detail: str | None = None,
        parameters: Mapping[str, Any] | None = None,
        propagate: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {error}: {description}")
        self.status = status
        self.error = error
        self.description = description
        self.detail = detail
        self.parameters: dict[str, Any] = dict(parameters or {})
        self.propagate = propagate
        self.headers: dict[str, str] = dict(headers or {})

    def body(self, *, url: str, query_string: str, method: str) -> dict[str, Any]:
        """The JSON body Podio sends for this error."""
        return error_body(
            self.error,
            self.description,
            url=url,
            query_string=query_string,
            method=method,
            detail=self.detail,
            parameters=self.parameters,
            propagate=self.propagate,
        )


def error_body(
    error: str,
    description: str,
    *,
    url: str,
    query_string: str,
    method: str,
    detail: str | None = None,
    parameters: Mapping[str, Any] | None = None,
    propagate: bool = False,
) -> dict[str, Any]:
    return {
        "error": error,
        "error_description": description,
        "error_detail": detail,
        "error_parameters": dict(parameters or {}),
        "error_propagate": propagate,
        "request": {"url": url, "query_string": query_string, "method": method},
    }


def not_found(description: str = "Object not found", **kw: Any) -> PodioError:
    """404 `not_found`: an id that does not exist (or that the caller may not even know of)."""
    return PodioError(404, "not_found", description, **kw)


def forbidden(description: str = "You do not have the right to do this", **kw: Any) -> PodioError:
    """403: the caller is known but lacks the right."""
    error = kw.pop("error", "forbidden")
    return PodioError(403, error, description, **kw)


def gone(description: str = "The object has been deleted", **kw: Any) -> PodioError:
    """410: the object existed and was deleted."""
    return PodioError(410, "gone", description, **kw)


def invalid_value(description: str, **kw: Any) -> PodioError:
    """400 `invalid_value`: the body or a parameter fails validation (errors.md §3)."""
    return PodioError(400, "invalid_value", description, **kw)


def bad_request(description: str, error: str = "bad_request", **kw: Any) -> PodioError:
    return PodioError(400, error, description, **kw)


def conflict(description: str, **kw: Any) -> PodioError:
    return PodioError(409, "conflict", description, **kw)


def unauthorized(
    description: str = "Authentication required",
    *,
    error: str = "unauthorized",
    www_error: str | None = None,
) -> PodioError:
    """401 with `WWW-Authenticate: Bearer realm="podio"[, error="..."]` as Podio sends it."""
    challenge = 'Bearer realm="podio"'
    if www_error:
        challenge += f', error="{www_error}"'
    return PodioError(401, error, description, headers={"WWW-Authenticate": challenge})
