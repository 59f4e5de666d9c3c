"""The ASGI app: `create_app(config)` builds a Starlette app around one `Emulator`.

Request pipeline, outermost first:

1. `RequestIdMiddleware`: every response carries `X-Podio-Request-Id` (8 hex characters).
2. `FaultMiddleware`: latency, dropped connections and injected statuses (`faults.py`).
3. `dispatch`: matches the route (control routes under `/_emulator/`), reads the body, then in a
   worker thread and inside one database transaction: authenticates (`auth.py`), spends the
   rate budget (`ratelimit.py`), checks the route's auth mode, runs the handler, and commits -
   or rolls back on error and on `X-Podio-Dry-Run`. Errors become Podio's error body
   (`errors.py`) through `error_response`, the one place that renders them.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
from starlette.applications import Starlette
from starlette.datastructures import FormData, Headers, QueryParams
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route as StarletteRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import Principal, authenticate
from .config import EmulatorConfig
from .emulator import Emulator
from .errors import NO_OPERATION, PodioError, error_body, forbidden, invalid_value, not_found
from .faults import FaultDecision
from .ratelimit import rate_limit_error
from .request import ApiRequest, Reply, parse_bool
from .routing import Route

__all__ = [
    "REQUEST_ID_KEY",
    "TRANSPORT_KEY",
    "ConnectionDropped",
    "create_app",
    "error_response",
    "json_response",
]

log = logging.getLogger("podio_emulator")
access_log = logging.getLogger("podio_emulator.access")

REQUEST_ID_KEY = "podio_emulator.request_id"
TRANSPORT_KEY = "podio_emulator.transport"
"""Scope extension under which `server.DroppableH11Protocol` exposes the asyncio transport."""

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised by the app when it must drop a connection but has no socket to close.

    Under uvicorn (with `server.DroppableH11Protocol`) the socket is closed instead. In-process
    (`httpx.ASGITransport`) this exception reaches the client unchanged, which sees the same
    `httpx.RemoteProtocolError` a real dropped connection gives.
    """


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    """JSON as Podio sends it: compact, UTF-8, `application/json; charset=utf-8`."""
    content = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    response = Response(content=content, status_code=status, headers=dict(headers or {}))
    response.headers["content-type"] = "application/json; charset=utf-8"
    return response


def _request_echo(scope: Scope) -> tuple[str, str, str]:
    """`(url, query_string, method)` for the error body's `request` object (errors.md §1)."""
    headers = Headers(scope=scope)
    scheme = scope.get("scheme", "http")
    host = headers.get("host")
    if not host:
        server = scope.get("server") or ("localhost", None)
        host = server[0] if server[1] in (None, 80, 443) else f"{server[0]}:{server[1]}"
    url = f"{scheme}://{host}{scope.get('root_path', '')}{scope['path']}"
    query = scope.get("query_string", b"").decode("latin-1")
    return url, query, scope["method"]


def error_response(
    exc: PodioError, scope: Scope, extra_headers: Mapping[str, str] | None = None
) -> Response:
    """The one renderer of Podio errors: JSON body with the five keys plus `request`."""
    url, query, method = _request_echo(scope)
    headers = {**exc.headers, **(extra_headers or {})}
    return json_response(exc.body(url=url, query_string=query, method=method), exc.status, headers)


def _server_error(scope: Scope) -> Response:
    url, query, method = _request_echo(scope)
    body = error_body(
        "server_error",
        "An unexpected error occurred on the server",
        url=url,
        query_string=query,
        method=method,
    )
    return json_response(body, 500)


def _to_response(result: object) -> Response:
    if isinstance(result, Response):
        return result
    if result is None:
        return Response(status_code=204)
    if isinstance(result, Reply):
        if result.body is None:
            return Response(status_code=result.status, headers=result.headers)
        return json_response(result.body, result.status, result.headers)
    return json_response(result)


def _no_operation(body: bytes) -> PodioError:
    # Podio's second sentence says whether a body came (samples/error-not-found.json); the
    # text for a present body was never observed.
    tail = "A body was given." if body.strip() else "No body was given."
    return not_found(f"{NO_OPERATION} {tail}")


def _is_loopback(host: str | None) -> bool:
    if host is None or host in {"localhost", "testclient"}:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


@dataclass
class _Call:
    scope: Scope
    method: str
    path: str
    control: bool
    match: tuple[Route, dict[str, Any]] | None
    query: QueryParams
    headers: Headers
    body: bytes
    form: FormData | None
    request_id: str
    client_host: str | None
    base_url: str
    url: str


def _handle(emulator: Emulator, call: _Call) -> Response:
    """Run one call inside a transaction (worker thread). Returns the finished response."""
    route, params = call.match if call.match is not None else (None, {})
    dry_run = (
        bool(call.headers.get("x-podio-dry-run", "").strip())
        and route is not None
        and route.dry_run
        and not call.control
    )
    rate_headers: dict[str, str] = {}
    try:
        with emulator.transaction(dry_run=dry_run) as tx:
            tx.hook = parse_bool("hook", call.query.get("hook", "true"))
            tx.silent = parse_bool("silent", call.query.get("silent", "false"))
            tx.base_url = call.base_url
            principal: Principal | None = None
            if not call.control:
                auth_error: PodioError | None = None
                if route is None or route.auth != "none":
                    try:
                        principal = authenticate(
                            tx,
                            call.headers,
                            call.query,
                            allow_client=route is not None and route.auth == "client",
                        )
                    except PodioError as exc:
                        auth_error = exc
                key: tuple[Any, ...] = (
                    principal.rate_key if principal else ("anonymous", call.client_host)
                )
                heavy = route is not None and emulator.is_heavy(route)
                rate_headers = emulator.rate.hit(key, heavy=heavy).headers()
                if route is None:
                    raise _no_operation(call.body)
                if auth_error is not None:
                    raise auth_error
                if route.auth in {"token", "user", "client"} and principal is None:
                    raise PodioError(
                        401,
                        "unauthorized",
                        "Authentication required",
                        headers={"WWW-Authenticate": 'Bearer realm="podio"'},
                    )
                if route.auth == "user" and principal is not None and principal.type != "user":
                    raise forbidden(f"This operation is not available to a {principal.type} token")
            elif route is None:
                raise _no_operation(call.body)
            req = ApiRequest(
                emulator=emulator,
                tx=tx,
                route=route,
                method=call.method,
                path=call.path,
                url=call.url,
                base_url=call.base_url,
                path_params=params,
                query=call.query,
                headers=call.headers,
                body=call.body,
                form=call.form,
                principal=principal,
                request_id=call.request_id,
                client_host=call.client_host,
                dry_run=dry_run,
            )
            response = _to_response(route.handler(req))
    except PodioError as exc:
        response = error_response(exc, call.scope)
    except Exception:
        log.exception("unhandled error in %s %s", call.method, call.path)
        response = _server_error(call.scope)
    for name, value in rate_headers.items():
        response.headers[name] = value
    if not call.control:
        emulator.metrics.incr("requests")
    return response


async def dispatch(request: Request) -> Response:
    """The single Starlette endpoint: every method, every path."""
    emulator: Emulator = request.app.state.emulator
    scope = request.scope
    method = request.method
    path = scope["path"]
    control = path == "/_emulator" or path.startswith("/_emulator/")
    client_host = request.client.host if request.client else None
    if control and emulator.config.control_loopback_only and not _is_loopback(client_host):
        return error_response(forbidden("The control API only answers loopback clients"), scope)
    table = emulator.control_routes if control else emulator.routes
    match = table.match(method, path)
    body = await request.body()
    form: FormData | None = None
    content_type = request.headers.get("content-type", "").lower()
    if match is not None and content_type.startswith(_FORM_TYPES):
        try:
            form = await request.form(max_files=100, max_fields=10000)
        except Exception as exc:  # the multipart parser raises several types
            return error_response(invalid_value(f"Invalid form body: {exc}"), scope)
    url, _query, _method = _request_echo(scope)
    base_url = url[: len(url) - len(path)] if url.endswith(path) else url
    call = _Call(
        scope=scope,
        method=method,
        path=path,
        control=control,
        match=match,
        query=request.query_params,
        headers=request.headers,
        body=body,
        form=form,
        request_id=scope.get(REQUEST_ID_KEY, ""),
        client_host=client_host,
        base_url=base_url,
        url=url,
    )
    try:
        return await anyio.to_thread.run_sync(_handle, emulator, call)
    finally:
        if form is not None:
            await form.close()


class _DispatchApp:
    """`dispatch` as an ASGI app: Starlette routes every method to a class endpoint (a
    function endpoint would answer unknown methods with its own 405), so `dispatch` can answer
    Podio's 404 for them."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await dispatch(Request(scope, receive))
        await response(scope, receive, send)


class RequestIdMiddleware:
    """Gives every request an id and every response the `X-Podio-Request-Id` header."""

    def __init__(self, app: ASGIApp, emulator: Emulator) -> None:
        self.app = app
        self.emulator = emulator

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = secrets.token_hex(4)
        scope[REQUEST_ID_KEY] = request_id
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-podio-request-id", request_id.encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if self.emulator.config.access_log:
                # The query string is left out: it may hold an oauth_token.
                access_log.info(
                    "%s %s %s %.1fms %s",
                    scope["method"],
                    scope["path"],
                    status or "-",
                    (time.perf_counter() - started) * 1000,
                    request_id,
                )


_PROXY_TITLES = {
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}
_FAULT_ERRORS = {
    400: "invalid_value",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    410: "gone",
    500: "server_error",
}


def fault_response(status: int, scope: Scope) -> Response:
    """The answer to an injected fault.

    420 is the ordinary rate-limit answer; 502/503/504 are HTML pages as a proxy in front of
    Podio sends them (errors.md §1 records an nginx HTML page), so clients meet non-JSON error
    bodies; every other status is a Podio-shaped JSON error.
    """
    if status == 420:
        return error_response(rate_limit_error(1, 1000), scope)
    if status in _PROXY_TITLES:
        title = f"{status} {_PROXY_TITLES[status]}"
        html = (
            f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
            f"<center><h1>{title}</h1></center>\r\n<hr><center>proxy</center>\r\n"
            "</body>\r\n</html>\r\n"
        )
        return HTMLResponse(html, status_code=status)
    error = _FAULT_ERRORS.get(status, "server_error" if status >= 500 else "invalid_request")
    return error_response(PodioError(status, error, "Injected fault"), scope)


class FaultMiddleware:
    """Applies the active fault spec (`faults.py`) before a call reaches the dispatcher."""

    def __init__(self, app: ASGIApp, emulator: Emulator) -> None:
        self.app = app
        self.emulator = emulator

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        decision: FaultDecision = self.emulator.faults.decide(scope["method"], scope["path"])
        if decision.latency_s > 0:
            await anyio.sleep(decision.latency_s)
        if decision.drop:
            await _drop(scope, receive)
            return
        if decision.status is not None:
            await fault_response(decision.status, scope)(scope, receive, send)
            return
        if decision.lose:
            await _lose_answer(self.app, scope, receive)
            return
        await self.app(scope, receive, send)


async def _lose_answer(app: ASGIApp, scope: Scope, receive: Receive) -> None:
    """Process the call (its writes commit), then close the connection instead of answering."""
    body_read = False

    async def receive_once() -> Message:
        nonlocal body_read
        if body_read:
            # The app is done with the body; the drop below is what ends the request.
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request" and not message.get("more_body", False):
            body_read = True
        return message

    async def swallow(message: Message) -> None:
        return None

    await app(scope, receive_once, swallow)
    await _drop(scope, receive)


async def _drop(scope: Scope, receive: Receive) -> None:
    """Close the connection without an HTTP answer."""
    transport = scope.get("extensions", {}).get(TRANSPORT_KEY)
    if transport is None:
        raise ConnectionDropped("Server disconnected without sending a response.")
    transport.close()
    # Wait until the server has seen the disconnect, so it does not try to answer with a 500.
    with anyio.move_on_after(5):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break


def create_app(
    config: EmulatorConfig | None = None, *, emulator: Emulator | None = None
) -> Starlette:
    """Build the ASGI app for a new `Emulator(config)` (or for an existing `emulator`).

    The emulator is reachable as `app.state.emulator`.
    """
    emu = emulator if emulator is not None else Emulator(config)
    app = Starlette(
        routes=[StarletteRoute("/{path:path}", _DispatchApp())],
        exception_handlers={PodioError: _podio_error_handler},
    )
    app.state.emulator = emu
    app.add_middleware(FaultMiddleware, emulator=emu)
    app.add_middleware(RequestIdMiddleware, emulator=emu)
    return app


async def _podio_error_handler(request: Request, exc: Exception) -> Response:
    if isinstance(exc, PodioError):
        return error_response(exc, request.scope)
    return _server_error(request.scope)
