"""A scripted stand-in for Podio behind httpx.MockTransport, for tests that check wiring.

Behaviour is tested against the emulator; this is for what it cannot show (exact request
shapes of operations it does not implement, broken answers, a torn connection).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

import podio

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class Recorded:
    method: str
    path: str
    raw_path: str
    params: dict[str, str]
    headers: httpx.Headers
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    @property
    def form(self) -> dict[str, str]:
        return dict(httpx.QueryParams(self.body.decode()))


@dataclass
class MockPodio:
    """Answers calls from a table of (method, path regex) -> response; records every call.

    Unmatched calls get Podio's 404 "No matching operation" body.
    """

    routes: list[tuple[str, re.Pattern[str], Handler]] = field(default_factory=list)
    calls: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        handler: Handler | None = None,
    ) -> None:
        """Answer ``method path`` (a full-match regex) with `body` as JSON, or via `handler`."""

        def respond(request: httpx.Request) -> httpx.Response:
            if body is None:
                return httpx.Response(status, headers=headers)
            if isinstance(body, (bytes, str)):
                return httpx.Response(status, content=body, headers=headers)
            return httpx.Response(status, json=body, headers=headers)

        self.routes.insert(0, (method.upper(), re.compile(path), handler or respond))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        recorded = Recorded(
            method=request.method,
            path=request.url.path,
            raw_path=request.url.raw_path.decode("ascii").split("?", 1)[0],
            params=dict(request.url.params),
            headers=request.headers,
            body=request.read(),
        )
        with self.lock:
            self.calls.append(recorded)
        for method, pattern, handler in self.routes:
            if method == request.method and pattern.fullmatch(request.url.path):
                return handler(request)
        return httpx.Response(
            404,
            json={
                "error": "not_found",
                "error_description": "No matching operation could be found.",
                "error_detail": None,
                "error_parameters": {},
                "error_propagate": False,
                "request": {"url": str(request.url), "query_string": "", "method": request.method},
            },
        )

    @property
    def last(self) -> Recorded:
        return self.calls[-1]

    def client(self, **options: Any) -> podio.Client:
        """A client that talks to this mock, already holding a valid token."""
        options.setdefault(
            "oauth_token",
            {"access_token": "test-access", "refresh_token": "test-refresh", "expires_in": 28800},
        )
        return podio.Client(
            "test-client",
            "test-secret",
            transport=httpx.MockTransport(self),
            **options,
        )
