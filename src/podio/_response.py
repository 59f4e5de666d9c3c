"""What a raw call returns: status, headers, parsed body, request id and rate-limit counters."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from ._errors import InvalidResponseError, PodioConnectionError, PodioTimeoutError

__all__ = ["RateLimit", "Response"]


@dataclass(frozen=True)
class RateLimit:
    """Podio's hourly budget as the last answer reported it (``X-Rate-Limit-*``).

    Podio sends no reset time (limits.md §1), so only the ceiling and what is left are known.
    """

    limit: int
    remaining: int

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> RateLimit | None:
        limit = headers.get("x-rate-limit-limit")
        remaining = headers.get("x-rate-limit-remaining")
        if limit is None or remaining is None:
            return None
        try:
            return cls(limit=int(limit), remaining=int(remaining))
        except ValueError:
            return None


class Response:
    """An answer from Podio.

    `body` is the parsed JSON for JSON answers, the raw bytes for anything else (file
    downloads), and ``None`` for empty answers such as 204. Streamed answers (see
    ``Connection.stream``) leave `body` unread; iterate them with `iter_bytes` /
    `aiter_bytes` instead.
    """

    __slots__ = ("_raw", "body", "headers", "method", "rate_limit", "request_id", "status", "url")

    def __init__(
        self,
        *,
        status: int,
        headers: httpx.Headers,
        body: Any,
        url: str,
        method: str,
        raw: httpx.Response | None = None,
    ) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.method = method
        self.request_id: str | None = headers.get("x-podio-request-id")
        self.rate_limit = RateLimit.from_headers(headers)
        self._raw = raw

    @property
    def ok(self) -> bool:
        return self.status < 400

    def json(self) -> Any:
        """The parsed JSON body; raises `InvalidResponseError` if the answer was not JSON."""
        if isinstance(self.body, (bytes, bytearray)):
            try:
                return _loads(self.body)
            except ValueError as exc:
                raise InvalidResponseError(
                    "Podio's answer is not JSON",
                    response_status=self.status,
                    response_body=self.body.decode("utf-8", "replace"),
                    url=self.url,
                    method=self.method,
                    request_id=self.request_id,
                ) from exc
        return self.body

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """Stream the body of a streamed answer, or yield the body already read.

        A connection that breaks mid-body raises `PodioConnectionError` (or
        `PodioTimeoutError`), like any other call.
        """
        if self._raw is not None:
            try:
                yield from self._raw.iter_bytes(chunk_size)
            except httpx.TransportError as exc:
                raise self._broken(exc) from exc
        elif isinstance(self.body, (bytes, bytearray)):
            yield bytes(self.body)

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """Async twin of `iter_bytes`."""
        if self._raw is not None:
            try:
                async for chunk in self._raw.aiter_bytes(chunk_size):
                    yield chunk
            except httpx.TransportError as exc:
                raise self._broken(exc) from exc
        elif isinstance(self.body, (bytes, bytearray)):
            yield bytes(self.body)

    def close(self) -> None:
        """Release a streamed answer's connection (reading it to the end does too)."""
        if self._raw is not None:
            self._raw.close()

    async def aclose(self) -> None:
        if self._raw is not None:
            await self._raw.aclose()

    def _broken(self, exc: httpx.TransportError) -> PodioConnectionError:
        cls = PodioTimeoutError if isinstance(exc, httpx.TimeoutException) else PodioConnectionError
        return cls(
            f"the answer broke off while reading it: {type(exc).__name__}",
            response_status=self.status,
            url=self.url,
            method=self.method,
            request_id=self.request_id,
        )

    def __repr__(self) -> str:
        rid = f", request_id={self.request_id!r}" if self.request_id else ""
        return f"<Response {self.method} {self.url.split('?', 1)[0]} [{self.status}]{rid}>"


def decode_body(raw: httpx.Response, *, url: str, method: str, decode: bool = True) -> Any:
    """Parse an answer that has been read: JSON when it says or looks like JSON, else bytes.

    A body that claims to be JSON but does not parse raises `InvalidResponseError`, keeping the
    raw text, so callers never see a bare ``JSONDecodeError``. With ``decode=False`` the bytes
    are returned as they came (raw file contents, whatever their type).
    """
    content = raw.content
    if not content or raw.status_code == 204:
        return None
    if not decode:
        return content
    content_type = raw.headers.get("content-type", "").lower()
    disposition = raw.headers.get("content-disposition", "").lower()
    looks_json = "json" in content_type or (
        not content_type and content[:1] in (b"{", b"[") and "filename" not in disposition
    )
    if not looks_json:
        return content
    try:
        return _loads(content)
    except ValueError as exc:
        raise InvalidResponseError(
            "Podio's answer claims to be JSON but does not parse",
            response_status=raw.status_code,
            response_body=content.decode("utf-8", "replace"),
            url=url,
            method=method,
            request_id=raw.headers.get("x-podio-request-id"),
        ) from exc


def _loads(content: bytes | bytearray) -> Any:
    """`json.loads`, with nesting too deep for the parser reported as the ValueError it is.

    The standard parser recurses once per level and raises RecursionError for a body such as
    ``[[[[...`` a few thousand levels deep, which no Podio answer is.
    """
    try:
        return json.loads(content)
    except RecursionError:
        raise ValueError("JSON nested too deeply to parse") from None
