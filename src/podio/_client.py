"""The client: one request pipeline, written once, driven by a sync and an async shell.

Everything a call goes through (URL and header building, authentication, refresh ahead of
expiry and after a 401, retries, error mapping, logging) is a generator, `_request_flow`,
that does no I/O. It yields what it needs done (send this request, sleep this long, refresh
the token) and receives the result. `_run` performs those steps with httpx's sync client and
`_arun` with its async client; nothing else differs between ``get`` and ``aget``.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import contextlib
import os
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar, cast
from urllib.parse import quote, urlencode, urlsplit

import httpx

from ._auth import MemoryTokenStore, OAuthToken, TokenStore
from ._errors import (
    ConfigurationError,
    InvalidGrantError,
    InvalidResponseError,
    PodioConnectionError,
    PodioError,
    PodioTimeoutError,
    SecondFactorRequired,
    TokenExpiredError,
    error_from_response,
    retry_after_hint,
)
from ._logging import enable_debug_logging, logger, redact_url
from ._ratelimit import RateBudget
from ._response import RateLimit, Response, decode_body
from ._retry import RetryPolicy
from ._serialization import dumps
from ._types import NOT_GIVEN, FileTypes, NotGiven, QueryParams, TimeoutTypes
from ._version import __version__

__all__ = [
    "DEFAULT_API_URL",
    "DEFAULT_TIMEOUT",
    "Client",
    "Connection",
    "RequestOptions",
    "env_options",
    "format_path",
]

DEFAULT_API_URL = "https://api.podio.com"
#: Never infinite: a stuck connection should fail, not hang a batch job forever.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0, pool=10.0)
TOKEN_PATH = "/oauth/token"  # noqa: S105 (a path, not a secret)

T = TypeVar("T")
TokenCallback = Callable[[OAuthToken], None]


def format_path(template: str, /, **params: Any) -> str:
    """Fill a path template, percent-encoding every parameter.

    Ids are checked here, once, for every call: an empty or missing value (blank text
    included) raises `ValueError` and a value of the wrong type raises `TypeError`, before
    any request is sent. Encoding everything (``/`` included) means a value such as
    ``"1/../2"`` can never reach another path; ``"."`` and ``".."`` are refused outright,
    since HTTP clients and servers resolve them as dot-segments even when they fill a whole
    segment (``/item/app/1/external_id/..`` is ``/item/app/1/``). Commas stay as they are:
    Podio takes lists of ids as ``1,2,3``.
    """
    encoded: dict[str, str] = {}
    for name, value in params.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(f"{name} must not be empty")
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise TypeError(f"{name} must be an int or a str, not {type(value).__name__}")
        if value in (".", ".."):
            raise ValueError(f"{name} cannot be {value!r}: it would name another path")
        # int(...) first: an int subclass (an IntEnum on Python 3.10) may print as its name.
        text = str(int(value)) if isinstance(value, int) else value
        encoded[name] = quote(text, safe=",")
    try:
        return template.format(**encoded)
    except KeyError as exc:
        raise ValueError(f"missing path parameter {exc.args[0]!r} for {template}") from None


# --------------------------------------------------------------------------------------------
# Steps the pipeline asks its driver to perform


@dataclass(frozen=True)
class _Send:
    request: httpx.Request
    stream: bool


@dataclass(frozen=True)
class _Sleep:
    seconds: float


@dataclass(frozen=True)
class _Refresh:
    failed: OAuthToken


_Step = _Send | _Sleep | _Refresh
_Flow = Generator[_Step, Any, T]


@dataclass
class RequestOptions:
    """One call, described without doing it."""

    method: str
    path: str
    params: QueryParams | None = None
    json: Any = NOT_GIVEN
    data: Mapping[str, Any] | None = None
    files: Mapping[str, FileTypes] | None = None
    content: bytes | None = None
    headers: Mapping[str, str] | None = None
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    stream: bool = False
    #: Send the OAuth token (or the client's Basic credentials when it has no token).
    auth: bool = True
    #: Send the client credentials as HTTP Basic (trusted-client endpoints).
    basic_auth: bool = False
    #: Safe to repeat. ``None`` means "decide by method"; POSTs that only read set ``True``.
    idempotent: bool | None = None
    max_retries: int | None = None
    #: Token requests never carry X-Podio-Dry-Run (it breaks them, as podio-rb notes).
    dry_run: bool = True
    #: Parse a JSON answer; ``False`` keeps the body as bytes (file contents).
    decode: bool = True
    _file_positions: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.method = self.method.upper()
        if not isinstance(self.path, str) or not self.path:
            raise ValueError("path must be a non-empty string such as '/item/42'")
        if self.json is not NOT_GIVEN and self.json is not None:
            # Podio only accepts an object or a list as a JSON body (conventions.md §1).
            if not isinstance(self.json, (Mapping, list, tuple)):
                raise TypeError(
                    f"a JSON body must be a dict or a list, not {type(self.json).__name__}"
                )
            dumps(self.json)  # fail now, not halfway through a retry loop
        if self.params:
            _check_params(self.params)
        if self.files:
            for name, spec in self.files.items():
                content: Any = spec[1] if isinstance(spec, tuple) else spec
                if not isinstance(content, (bytes, bytearray)) and not callable(
                    getattr(content, "read", None)
                ):
                    raise TypeError(
                        f"file {name!r} must be bytes or a binary file object, "
                        f"not {type(content).__name__}"
                    )
                handle = _file_handle(spec)
                if handle is not None and handle.seekable():
                    self._file_positions[name] = handle.tell()

    @property
    def is_idempotent(self) -> bool:
        if self.idempotent is not None:
            return self.idempotent
        return self.method in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")

    def rewind_files(self) -> None:
        """Put file bodies back where they started, so a replay sends them whole."""
        if not self.files:
            return
        for name, position in self._file_positions.items():
            handle = _file_handle(self.files[name])
            if handle is not None:
                handle.seek(position)


def _file_handle(spec: FileTypes) -> IO[bytes] | None:
    content: Any = spec[1] if isinstance(spec, tuple) else spec
    return None if isinstance(content, (bytes, bytearray)) else cast(IO[bytes], content)


class _SingleFlight:
    """Lets exactly one caller, thread or task, refresh the token while the others wait.

    The leader creates a `concurrent.futures.Future`; threads wait on it directly and tasks
    through `asyncio.wrap_future`, so a refresh started by a thread serves tasks and the
    other way round.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._future: concurrent.futures.Future[None] | None = None

    def join(self) -> tuple[bool, concurrent.futures.Future[None]]:
        with self._lock:
            if self._future is None:
                self._future = concurrent.futures.Future()
                return True, self._future
            return False, self._future

    def finish(self, future: concurrent.futures.Future[None], exc: BaseException | None) -> None:
        with self._lock:
            self._future = None
        if exc is None:
            future.set_result(None)
        else:
            future.set_exception(exc)


class Client:
    """A connection to Podio with its credentials, token and settings.

    Build one directly or with `podio.setup`, which also makes it the default client of the
    current thread or task. It is safe to share between threads and asyncio tasks. Sync
    calls and their ``a``-prefixed async twins share everything, token included.

    Parameters
    ----------
    api_key, api_secret:
        The API client id and secret (``client_id`` / ``client_secret``).
    api_url:
        Podio's API (default ``https://api.podio.com``), or an emulator's URL.
    oauth_token:
        A token to start with: an `OAuthToken` or the dict the token endpoint returns.
    custom_headers:
        Headers added to every call.
    timeout:
        Seconds, or an `httpx.Timeout`; the default is 10 s to connect and 60 s otherwise.
    test_mode:
        Send ``X-Podio-Dry-Run`` so Podio validates writes without storing them.
    locale:
        Sent as ``Accept-Language``; Podio localizes error descriptions with it.
    transport, async_transport:
        httpx transports. `transport` serves sync calls, and async ones too when it
        implements both interfaces (as `httpx.MockTransport` does); `async_transport`
        overrides it for async calls. TLS certificates are always verified, except by a
        transport you build yourself.
    token_store:
        Where tokens are kept (default: in memory). A stored token is loaded at start.
    on_token_refreshed:
        Called with every new token (authentication or refresh), e.g. to persist it.
    user_agent:
        Prefix for the ``User-Agent`` header.
    max_retries, retry_policy:
        How many times a failed call is repeated; see `RetryPolicy`.
    rate_budget:
        Pace calls to stay under Podio's hourly limit; see `RateBudget`.
    debug:
        Log every request at DEBUG level to stderr.
    """

    def __init__(
        self,
        api_key: str | None = None,
        api_secret: str | None = None,
        *,
        api_url: str = DEFAULT_API_URL,
        oauth_token: OAuthToken | Mapping[str, Any] | None = None,
        custom_headers: Mapping[str, str] | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        test_mode: bool = False,
        locale: str | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        token_store: TokenStore | None = None,
        on_token_refreshed: TokenCallback | None = None,
        user_agent: str | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
        rate_budget: RateBudget | None = None,
        debug: bool = False,
    ) -> None:
        if api_key is not None and not isinstance(api_key, str):
            raise TypeError("api_key must be a string")
        if api_secret is not None and not isinstance(api_secret, str):
            raise TypeError("api_secret must be a string")
        parts = urlsplit(api_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"api_url must be an http(s) URL, not {api_url!r}")
        self.api_key = api_key
        self.__secret = api_secret
        self.api_url = api_url.rstrip("/")
        self.custom_headers: dict[str, str] = dict(custom_headers or {})
        self.timeout = _coerce_timeout(timeout)
        self.test_mode = test_mode
        self.locale = locale
        self.user_agent = user_agent
        policy = retry_policy or RetryPolicy()
        self.retry_policy = (
            policy.with_max_retries(max_retries) if max_retries is not None else policy
        )
        self.on_token_refreshed = on_token_refreshed
        self.token_store: TokenStore = (
            token_store if token_store is not None else MemoryTokenStore()
        )
        #: The last ``X-Rate-Limit-*`` values Podio reported to this client.
        self.rate_limit: RateLimit | None = None
        self.rate_budget = rate_budget
        self._transport = transport
        self._async_transport = async_transport
        self._http: httpx.Client | None = None
        self._ahttp: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, httpx.AsyncClient] = (
            weakref.WeakKeyDictionary()
        )
        self._http_lock = threading.Lock()
        self._token_lock = threading.Lock()
        self._refresh_flight = _SingleFlight()
        self._token: OAuthToken | None = None
        if oauth_token is not None:
            self._token = OAuthToken.coerce(oauth_token)
            self.token_store.save(self._token)
        else:
            self._token = self.token_store.load()
        self.connection = Connection(self)
        if debug:
            enable_debug_logging()

    # -- settings --------------------------------------------------------------------------

    @property
    def oauth_token(self) -> OAuthToken | None:
        """The current token, or ``None`` before authentication."""
        return self._token

    @oauth_token.setter
    def oauth_token(self, value: OAuthToken | Mapping[str, Any] | None) -> None:
        if value is None:
            self._forget_token()
        else:
            self._store_token(OAuthToken.coerce(value), notify=False)

    @property
    def has_credentials(self) -> bool:
        return bool(self.api_key and self.__secret)

    @property
    def web_url(self) -> str:
        """Podio's web host: the API host without ``api.`` (where users authorize apps)."""
        parts = urlsplit(self.api_url)
        host = parts.netloc
        if host.startswith("api."):
            host = host[len("api.") :]
        return f"{parts.scheme}://{host}"

    def __repr__(self) -> str:
        who = "unauthenticated"
        if self._token is not None:
            who = f"{self._token.ref_type}:{self._token.ref_id}"
        return f"<podio.Client {self.api_url} api_key={self.api_key!r} {who}>"

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the sync connection pool (async pools close with `aclose`)."""
        with self._http_lock:
            if self._http is not None:
                self._http.close()
                self._http = None

    async def aclose(self) -> None:
        """Close the async connection pool of the running event loop."""
        loop = asyncio.get_running_loop()
        client = self._ahttp.pop(loop, None)
        if client is not None:
            await client.aclose()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
        self.close()

    def _sync_http(self) -> httpx.Client:
        with self._http_lock:
            if self._http is None:
                transport = self._transport
                if transport is not None and not isinstance(transport, httpx.BaseTransport):
                    raise ConfigurationError(
                        "the transport given to this client only supports async calls; "
                        "use the a-prefixed methods or pass a sync transport"
                    )
                self._http = httpx.Client(transport=transport, follow_redirects=False)
                # A client dropped without close() still gives its sockets back.
                weakref.finalize(self, self._http.close)
            return self._http

    def _async_http(self) -> httpx.AsyncClient:
        # One pool per event loop: an httpx.AsyncClient cannot move between loops, and test
        # suites and scripts often run several loops over a client's life.
        loop = asyncio.get_running_loop()
        client = self._ahttp.get(loop)
        if client is None:
            transport = self._async_transport
            if transport is None and isinstance(self._transport, httpx.AsyncBaseTransport):
                transport = self._transport
            if transport is None and self._transport is not None:
                raise ConfigurationError(
                    "the transport given to this client only supports sync calls; "
                    "pass async_transport= for the a-prefixed methods"
                )
            client = httpx.AsyncClient(transport=transport, follow_redirects=False)
            self._ahttp[loop] = client
        return client

    # -- raw calls ---------------------------------------------------------------------------

    def request(self, method: str, path: str, **options: Any) -> Response:
        """Send one call through the whole pipeline; see `Connection.request`."""
        return self.connection.request(method, path, **options)

    async def arequest(self, method: str, path: str, **options: Any) -> Response:
        """Async twin of `request`."""
        return await self.connection.arequest(method, path, **options)

    def send(self, options: RequestOptions) -> Response:
        """Send a described call (what the models use)."""
        return self._run(self._request_flow(options))

    async def asend(self, options: RequestOptions) -> Response:
        """Async twin of `send`."""
        return await self._arun(self._request_flow(options))

    # -- authentication ------------------------------------------------------------------------

    def authorize_url(
        self,
        redirect_uri: str,
        scope: str | None = None,
        state: str | None = None,
        response_type: str = "code",
    ) -> str:
        """The page on Podio's web host where a user grants this app access.

        Redirect the user there; Podio sends them back to `redirect_uri` with ``?code=...``
        (pass it to `authenticate_with_auth_code`) or, for ``response_type="token"``, with the
        token in the URL fragment.
        """
        self._require_key()
        if not redirect_uri:
            raise ValueError("redirect_uri must not be empty")
        if response_type not in ("code", "token"):
            raise ValueError("response_type must be 'code' or 'token'")
        params = {
            "client_id": self.api_key or "",
            "redirect_uri": redirect_uri,
            "response_type": response_type,
        }
        if scope:
            params["scope"] = scope
        if state:
            params["state"] = state
        return f"{self.web_url}/oauth/authorize?{urlencode(params)}"

    def authenticate_with_auth_code(self, code: str, redirect_uri: str) -> OAuthToken:
        """Exchange the code from the web server flow for a token (grant ``authorization_code``)."""
        return self._run(self._grant_flow(self._auth_code_grant(code, redirect_uri)))

    async def aauthenticate_with_auth_code(self, code: str, redirect_uri: str) -> OAuthToken:
        return await self._arun(self._grant_flow(self._auth_code_grant(code, redirect_uri)))

    def authenticate_with_credentials(
        self, username: str, password: str, offering_id: str | None = None
    ) -> OAuthToken:
        """Sign in as a user with e-mail and password (grant ``password``).

        Raises `SecondFactorRequired` (with its ``nonce``) when the account has a second
        factor; finish with `authenticate_with_second_factor`.
        """
        return self._run(self._grant_flow(self._password_grant(username, password, offering_id)))

    async def aauthenticate_with_credentials(
        self, username: str, password: str, offering_id: str | None = None
    ) -> OAuthToken:
        return await self._arun(
            self._grant_flow(self._password_grant(username, password, offering_id))
        )

    def authenticate_with_second_factor(
        self, nonce: str, code: str, use_recovery_code: bool = False
    ) -> OAuthToken:
        """Finish a password sign-in with a one-time code (or a recovery code)."""
        return self._run(self._grant_flow(self._second_factor(nonce, code, use_recovery_code)))

    async def aauthenticate_with_second_factor(
        self, nonce: str, code: str, use_recovery_code: bool = False
    ) -> OAuthToken:
        return await self._arun(
            self._grant_flow(self._second_factor(nonce, code, use_recovery_code))
        )

    def authenticate_with_app(self, app_id: int, app_token: str) -> OAuthToken:
        """Sign in as an app with its id and app token (grant ``app``).

        An app token may only touch its own app (auth.md §10).
        """
        return self._run(self._grant_flow(self._app_grant(app_id, app_token)))

    async def aauthenticate_with_app(self, app_id: int, app_token: str) -> OAuthToken:
        return await self._arun(self._grant_flow(self._app_grant(app_id, app_token)))

    def authenticate_with_transfer_token(self, transfer_token: str) -> OAuthToken:
        """Sign in with a transfer token (grant ``transfer_token``)."""
        return self._run(self._grant_flow(self._simple_grant("transfer_token", transfer_token)))

    async def aauthenticate_with_transfer_token(self, transfer_token: str) -> OAuthToken:
        return await self._arun(
            self._grant_flow(self._simple_grant("transfer_token", transfer_token))
        )

    def authenticate_with_activation_code(
        self, activation_code: str, offering_id: str | None = None
    ) -> OAuthToken:
        """Sign in a newly activated user with their activation code."""
        grant = self._simple_grant("activation_code", activation_code, offering_id=offering_id)
        return self._run(self._grant_flow(grant))

    async def aauthenticate_with_activation_code(
        self, activation_code: str, offering_id: str | None = None
    ) -> OAuthToken:
        grant = self._simple_grant("activation_code", activation_code, offering_id=offering_id)
        return await self._arun(self._grant_flow(grant))

    def authenticate_with_sso(self, attributes: Mapping[str, Any]) -> tuple[OAuthToken, bool]:
        """Sign in through single sign-on; returns the token and whether a user was created."""
        return self._run(self._sso_flow(attributes))

    async def aauthenticate_with_sso(
        self, attributes: Mapping[str, Any]
    ) -> tuple[OAuthToken, bool]:
        return await self._arun(self._sso_flow(attributes))

    def authenticate_with_openid(self, identifier: str, type: str) -> OAuthToken:
        """Sign in with an OpenID identifier of the given provider `type`."""
        return self._run(self._grant_flow(self._openid_grant(identifier, type)))

    async def aauthenticate_with_openid(self, identifier: str, type: str) -> OAuthToken:
        return await self._arun(self._grant_flow(self._openid_grant(identifier, type)))

    def refresh_access_token(self) -> OAuthToken:
        """Exchange the refresh token for a new access token now.

        The client does this by itself before expiry and after an ``expired_token`` answer; a
        refused refresh (``invalid_grant``) raises `InvalidGrantError` and forgets the token.
        """
        token = self._require_refreshable()
        self._refresh_sync(token, force=True)
        return self._require_token()

    async def arefresh_access_token(self) -> OAuthToken:
        token = self._require_refreshable()
        await self._refresh_async(token, force=True)
        return self._require_token()

    # -- grant bodies (no I/O) ------------------------------------------------------------------

    def _credentials(self) -> dict[str, str]:
        self._require_key()
        return {"client_id": self.api_key or "", "client_secret": self.__secret or ""}

    def _auth_code_grant(self, code: str, redirect_uri: str) -> RequestOptions:
        _require_text(code=code, redirect_uri=redirect_uri)
        data = {"grant_type": "authorization_code", **self._credentials()}
        data.update(code=code, redirect_uri=redirect_uri)
        return self._token_request(data)

    def _password_grant(
        self, username: str, password: str, offering_id: str | None
    ) -> RequestOptions:
        _require_text(username=username, password=password)
        data = {"grant_type": "password", **self._credentials()}
        data.update(username=username, password=password)
        if offering_id:
            data["offering_id"] = offering_id
        return self._token_request(data)

    def _second_factor(self, nonce: str, code: str, use_recovery_code: bool) -> RequestOptions:
        _require_text(nonce=nonce, code=code)
        body = {"nonce": nonce, ("recoveryCode" if use_recovery_code else "otp"): code}
        return RequestOptions("POST", "/mfa/verify", json=body, auth=False, dry_run=False)

    def _app_grant(self, app_id: int, app_token: str) -> RequestOptions:
        if isinstance(app_id, bool) or not isinstance(app_id, int) or app_id <= 0:
            raise ValueError("app_id must be a positive int")
        _require_text(app_token=app_token)
        data = {"grant_type": "app", **self._credentials()}
        data.update(app_id=str(app_id), app_token=app_token)
        return self._token_request(data)

    def _simple_grant(self, grant: str, value: str, **extra: str | None) -> RequestOptions:
        _require_text(**{grant: value})
        data = {"grant_type": grant, **self._credentials(), grant: value}
        data.update({key: item for key, item in extra.items() if item})
        return self._token_request(data)

    def _openid_grant(self, identifier: str, kind: str) -> RequestOptions:
        _require_text(identifier=identifier, type=kind)
        data = {"grant_type": kind, **self._credentials(), "identifier": identifier}
        # A trusted-client call: podio-rb sends it over its Basic-authenticated connection.
        return RequestOptions(
            "POST", "/oauth/token_by_openid", data=data, auth=False, basic_auth=True, dry_run=False
        )

    def _refresh_grant(self, token: OAuthToken) -> RequestOptions:
        data = {"grant_type": "refresh_token", **self._credentials()}
        data["refresh_token"] = token.refresh_token or ""
        return self._token_request(data)

    @staticmethod
    def _token_request(data: dict[str, str]) -> RequestOptions:
        # Form-encoded, as every official client sends it (auth.md §1).
        return RequestOptions("POST", TOKEN_PATH, data=data, auth=False, dry_run=False)

    def _grant_flow(self, options: RequestOptions, *, refreshed: bool = False) -> _Flow[OAuthToken]:
        response = yield from self._request_flow(options)
        body = response.body
        if isinstance(body, dict) and "server_nonce" in body and "access_token" not in body:
            raise SecondFactorRequired(str(body["server_nonce"]), url=response.url)
        token = self._token_from(response, refreshed=refreshed)
        self._store_token(token, notify=True)
        return token

    def _sso_flow(self, attributes: Mapping[str, Any]) -> _Flow[tuple[OAuthToken, bool]]:
        if not isinstance(attributes, Mapping) or not attributes:
            raise ValueError("attributes must be a non-empty dict of SSO attributes")
        self._require_key()
        # podio-rb puts grant_type and the client credentials in the query string; the secret
        # goes in a Basic header instead, so that no URL ever carries it.
        options = RequestOptions(
            "POST",
            TOKEN_PATH,
            params={"grant_type": "sso", "client_id": self.api_key or ""},
            json=dict(attributes),
            auth=False,
            basic_auth=True,
            dry_run=False,
        )
        response = yield from self._request_flow(options)
        token = self._token_from(response, refreshed=False)
        self._store_token(token, notify=True)
        created = isinstance(response.body, dict) and bool(response.body.get("new_user_created"))
        return token, created

    @staticmethod
    def _token_from(response: Response, *, refreshed: bool) -> OAuthToken:
        body = response.body
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise InvalidResponseError(
                "the token endpoint answered without an access token",
                response_status=response.status,
                response_body="<token response withheld>",
                url=response.url,
                method=response.method,
                request_id=response.request_id,
            )
        try:
            return OAuthToken.from_response(body, refreshed=refreshed)
        except (ValueError, TypeError) as exc:
            raise InvalidResponseError(
                "the token endpoint answered with a malformed token",
                response_status=response.status,
                url=response.url,
                method=response.method,
            ) from exc

    # -- token bookkeeping ---------------------------------------------------------------

    def _store_token(self, token: OAuthToken, *, notify: bool) -> None:
        with self._token_lock:
            self._token = token
        self.token_store.save(token)
        if notify and self.on_token_refreshed is not None:
            self.on_token_refreshed(token)

    def _forget_token(self) -> None:
        with self._token_lock:
            self._token = None
        self.token_store.clear()

    def _require_key(self) -> None:
        if not self.api_key or not self.__secret:
            raise ConfigurationError(
                "this needs the API key and secret: pass api_key= and api_secret= to "
                "podio.setup() or podio.Client(), or set PODIO_CLIENT_ID and PODIO_CLIENT_SECRET"
            )

    def _require_token(self) -> OAuthToken:
        token = self._token
        if token is None:
            raise ConfigurationError("the client has no token: authenticate first")
        return token

    def _require_refreshable(self) -> OAuthToken:
        token = self._require_token()
        if not token.refresh_token:
            raise ConfigurationError("the current token has no refresh token")
        self._require_key()
        return token

    def _can_refresh(self, token: OAuthToken | None) -> bool:
        return bool(token is not None and token.refresh_token and self.has_credentials)

    def _superseded(self, failed: OAuthToken) -> bool:
        """Someone else already replaced the token that failed (or it was dropped)."""
        current = self._token
        return current is None or current.access_token != failed.access_token

    def _refresh_sync(self, failed: OAuthToken, *, force: bool = False) -> None:
        if not force and self._superseded(failed):
            return
        leader, future = self._refresh_flight.join()
        if not leader:
            future.result()
            return
        error: BaseException | None = None
        try:
            if force or not self._superseded(failed):
                self._run(self._refresh_flow(failed))
        except BaseException as exc:
            error = exc
            raise
        finally:
            self._refresh_flight.finish(future, error)

    async def _refresh_async(self, failed: OAuthToken, *, force: bool = False) -> None:
        if not force and self._superseded(failed):
            return
        leader, future = self._refresh_flight.join()
        if not leader:
            await asyncio.wrap_future(future)
            return
        error: BaseException | None = None
        try:
            if force or not self._superseded(failed):
                await self._arun(self._refresh_flow(failed))
        except BaseException as exc:
            error = exc
            raise
        finally:
            self._refresh_flight.finish(future, error)

    def _refresh_flow(self, failed: OAuthToken) -> _Flow[OAuthToken]:
        options = self._refresh_grant(failed)
        try:
            token = yield from self._grant_flow(options, refreshed=True)
        except InvalidGrantError:
            # The refresh token is dead: keeping it would only fail again (auth.md §6).
            self._forget_token()
            raise
        logger.debug("podio token refreshed")
        return token

    # -- the pipeline (no I/O) -------------------------------------------------------------------

    def _request_flow(self, options: RequestOptions) -> _Flow[Response]:
        policy = (
            self.retry_policy
            if options.max_retries is None
            else self.retry_policy.with_max_retries(options.max_retries)
        )
        attempt = 0
        replayed = False
        while True:
            token = self._token if options.auth else None
            if token is not None and token.expires_soon() and self._can_refresh(token):
                yield _Refresh(token)
                token = self._token
            if options.auth and token is None and not self.has_credentials:
                raise ConfigurationError(
                    "the client is not authenticated: call one of the authenticate_with_* "
                    "methods, or pass oauth_token="
                )
            request = self._build_request(options, token)
            if self.rate_budget is not None:
                wait = self.rate_budget.reserve(request.url.path)
                if wait > 0:
                    yield _Sleep(wait)
            started = time.monotonic()
            try:
                raw = yield _Send(request, options.stream)
            except httpx.TransportError as exc:
                delay = policy.transport_error_delay(
                    exc, idempotent=options.is_idempotent, attempt=attempt
                )
                self._log(request, None, started, error=type(exc).__name__)
                if delay is None:
                    raise _connection_error(exc, request) from exc
                attempt += 1
                yield _Sleep(delay)
                options.rewind_files()
                continue
            try:
                response = self._to_response(raw, request, options.stream, options.decode)
            except InvalidResponseError:
                self._log(request, raw, started)
                raise
            self._log(request, raw, started)
            if response.rate_limit is not None:
                self.rate_limit = response.rate_limit
                if self.rate_budget is not None:
                    self.rate_budget.observe(
                        request.url.path, response.rate_limit.limit, response.rate_limit.remaining
                    )
            if response.status < 400:
                return response
            error = error_from_response(
                response.status,
                response.body,
                url=redact_url(str(request.url)),
                method=request.method,
                headers=dict(response.headers),
            )
            if (
                isinstance(error, TokenExpiredError)
                and token is not None
                and not replayed
                and self._can_refresh(token)
            ):
                replayed = True
                yield _Refresh(token)
                options.rewind_files()
                continue
            delay = policy.status_delay(
                response.status,
                idempotent=options.is_idempotent,
                attempt=attempt,
                hint=retry_after_hint(response.headers, error.message),
            )
            if delay is None:
                raise error
            attempt += 1
            yield _Sleep(delay)
            options.rewind_files()

    def _build_request(self, options: RequestOptions, token: OAuthToken | None) -> httpx.Request:
        url = self._url(options.path)
        headers = {
            "User-Agent": self._user_agent(),
            "Accept": "application/json",
            **self.custom_headers,
        }
        if self.locale:
            headers["Accept-Language"] = self.locale
        if self.test_mode and options.dry_run:
            headers["X-Podio-Dry-Run"] = "true"
        if options.basic_auth:
            headers["Authorization"] = self._basic_header()
        elif options.auth and self._may_send_credentials(url):
            if token is not None:
                headers["Authorization"] = f"OAuth2 {token.access_token}"
            elif self.has_credentials:
                # Trusted clients may call without a user (podio-rb "public authentication").
                headers["Authorization"] = self._basic_header()
        if options.headers:
            headers.update(options.headers)
        content: bytes | None = options.content
        if options.json is not NOT_GIVEN and options.json is not None:
            content = dumps(options.json)
            headers["Content-Type"] = "application/json"
        timeout = self.timeout if options.timeout is NOT_GIVEN else _coerce_timeout(options.timeout)
        params = _encode_params(options.params) if options.params else None
        return httpx.Request(
            options.method,
            url,
            params=params,
            headers=headers,
            content=content,
            data=dict(options.data) if options.data is not None else None,
            files=dict(options.files) if options.files else None,
            extensions={"timeout": timeout.as_dict()},
        )

    def _basic_header(self) -> str:
        self._require_key()
        pair = f"{self.api_key}:{self.__secret}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")

    def _url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        if not path.startswith("/"):
            path = "/" + path
        return self.api_url + path

    def _may_send_credentials(self, url: str) -> bool:
        """Only Podio's own hosts ever see the token (files live on files.podio.com)."""
        api_host = urlsplit(self.api_url).hostname or ""
        host = urlsplit(url).hostname or ""
        if host == api_host:
            return True
        return api_host.endswith("podio.com") and (
            host == "podio.com" or host.endswith(".podio.com")
        )

    def _user_agent(self) -> str:
        base = f"podio-python/{__version__} httpx/{httpx.__version__}"
        return f"{self.user_agent} {base}" if self.user_agent else base

    @staticmethod
    def _to_response(
        raw: httpx.Response, request: httpx.Request, stream: bool, decode: bool = True
    ) -> Response:
        url = redact_url(str(request.url))
        if stream and raw.status_code < 400:
            return Response(
                status=raw.status_code,
                headers=raw.headers,
                body=None,
                url=url,
                method=request.method,
                raw=raw,
            )
        try:
            body = decode_body(
                raw, url=url, method=request.method, decode=decode or raw.status_code >= 400
            )
        except InvalidResponseError:
            if raw.status_code < 400:
                raise
            # An error answer whose body is broken keeps its status class, with the raw text.
            body = raw.content.decode("utf-8", "replace")
        return Response(
            status=raw.status_code, headers=raw.headers, body=body, url=url, method=request.method
        )

    @staticmethod
    def _log(
        request: httpx.Request,
        raw: httpx.Response | None,
        started: float,
        *,
        error: str | None = None,
    ) -> None:
        if not logger.isEnabledFor(10):  # logging.DEBUG
            return
        elapsed = (time.monotonic() - started) * 1000
        target = redact_url(request.url.raw_path.decode("ascii", "replace"))
        if raw is None:
            logger.debug("%s %s failed: %s after %.1f ms", request.method, target, error, elapsed)
            return
        logger.debug(
            "%s %s -> %s in %.1f ms (request id %s)",
            request.method,
            target,
            raw.status_code,
            elapsed,
            raw.headers.get("x-podio-request-id", "-"),
        )

    # -- drivers -------------------------------------------------------------------------------

    def _run(self, flow: _Flow[T]) -> T:
        """Drive a pipeline with blocking I/O."""
        value: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = flow.throw(error) if error is not None else flow.send(value)
            except StopIteration as stop:
                return cast(T, stop.value)
            value, error = None, None
            try:
                if isinstance(step, _Send):
                    raw = self._sync_http().send(step.request, stream=step.stream)
                    if step.stream and raw.status_code >= 400:
                        try:
                            raw.read()
                        finally:
                            raw.close()
                    value = raw
                elif isinstance(step, _Sleep):
                    if step.seconds > 0:
                        time.sleep(step.seconds)
                else:
                    self._refresh_sync(step.failed)
            except httpx.TransportError as exc:
                error = exc

    async def _arun(self, flow: _Flow[T]) -> T:
        """Drive a pipeline with async I/O."""
        value: Any = None
        error: BaseException | None = None
        while True:
            try:
                step = flow.throw(error) if error is not None else flow.send(value)
            except StopIteration as stop:
                return cast(T, stop.value)
            value, error = None, None
            try:
                if isinstance(step, _Send):
                    raw = await self._async_http().send(step.request, stream=step.stream)
                    if step.stream and raw.status_code >= 400:
                        try:
                            await raw.aread()
                        finally:
                            await raw.aclose()
                    value = raw
                elif isinstance(step, _Sleep):
                    if step.seconds > 0:
                        await asyncio.sleep(step.seconds)
                else:
                    await self._refresh_async(step.failed)
            except httpx.TransportError as exc:
                error = exc


class Connection:
    """Raw access to the API with authentication, JSON and errors handled.

    For what the models do not cover: ``podio.connection.get("/item/42").body``. Every method
    returns a `Response` and raises the `PodioError` subclass for an error answer. Paths are
    relative to the API URL; build them with `format_path` when they carry ids.

    Keyword options of every method: ``params`` (query string), ``headers``, ``timeout``,
    ``max_retries``, and ``idempotent=True`` for a POST that only reads (so it may be retried).
    """

    def __init__(self, client: Client) -> None:
        self.client = client

    def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = NOT_GIVEN,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, FileTypes] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        idempotent: bool | None = None,
    ) -> Response:
        options = RequestOptions(
            method,
            path,
            params=params,
            json=json,
            data=data,
            files=files,
            headers=headers,
            timeout=timeout,
            max_retries=max_retries,
            idempotent=idempotent,
        )
        return self.client.send(options)

    async def arequest(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = NOT_GIVEN,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, FileTypes] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        idempotent: bool | None = None,
    ) -> Response:
        options = RequestOptions(
            method,
            path,
            params=params,
            json=json,
            data=data,
            files=files,
            headers=headers,
            timeout=timeout,
            max_retries=max_retries,
            idempotent=idempotent,
        )
        return await self.client.asend(options)

    def get(self, path: str, params: QueryParams | None = None, **options: Any) -> Response:
        return self.request("GET", path, params=params, **options)

    async def aget(self, path: str, params: QueryParams | None = None, **options: Any) -> Response:
        return await self.arequest("GET", path, params=params, **options)

    def post(self, path: str, json: Any = NOT_GIVEN, **options: Any) -> Response:
        return self.request("POST", path, json=json, **options)

    async def apost(self, path: str, json: Any = NOT_GIVEN, **options: Any) -> Response:
        return await self.arequest("POST", path, json=json, **options)

    def put(self, path: str, json: Any = NOT_GIVEN, **options: Any) -> Response:
        return self.request("PUT", path, json=json, **options)

    async def aput(self, path: str, json: Any = NOT_GIVEN, **options: Any) -> Response:
        return await self.arequest("PUT", path, json=json, **options)

    def delete(self, path: str, params: QueryParams | None = None, **options: Any) -> Response:
        return self.request("DELETE", path, params=params, **options)

    async def adelete(
        self, path: str, params: QueryParams | None = None, **options: Any
    ) -> Response:
        return await self.arequest("DELETE", path, params=params, **options)

    @contextlib.contextmanager
    def stream(self, method: str, path: str, **options: Any) -> Iterator[Response]:
        """Send a call and stream the answer's body (``response.iter_bytes()``), e.g. a file."""
        request_options = RequestOptions(method, path, stream=True, **options)
        response = self.client.send(request_options)
        try:
            yield response
        finally:
            if response._raw is not None:
                response._raw.close()

    @contextlib.asynccontextmanager
    async def astream(self, method: str, path: str, **options: Any) -> AsyncIterator[Response]:
        """Async twin of `stream` (``async for chunk in response.aiter_bytes()``)."""
        request_options = RequestOptions(method, path, stream=True, **options)
        response = await self.client.asend(request_options)
        try:
            yield response
        finally:
            if response._raw is not None:
                await response._raw.aclose()

    def __repr__(self) -> str:
        return f"<podio.Connection to {self.client.api_url}>"


def _connection_error(exc: httpx.TransportError, request: httpx.Request) -> PodioError:
    url = redact_url(str(request.url))
    if isinstance(exc, httpx.TimeoutException):
        kind = type(exc).__name__.replace("Timeout", " timeout").strip().lower()
        return PodioTimeoutError(f"{kind} talking to Podio", url=url, method=request.method)
    return PodioConnectionError(
        f"could not talk to Podio: {type(exc).__name__}", url=url, method=request.method
    )


def _coerce_timeout(value: TimeoutTypes | NotGiven) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        raise ValueError(
            "timeout=None would wait forever; pass a number of seconds or an httpx.Timeout"
        )
    if isinstance(value, NotGiven):
        return DEFAULT_TIMEOUT
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError("timeout must be a positive number of seconds or an httpx.Timeout")
    return httpx.Timeout(float(value))


_QUERY_SCALARS = (str, int, float)


def _check_params(params: QueryParams) -> None:
    """Refuse query values httpx would send as their ``repr`` (``<object object at ...>``)."""
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a dict, not {type(params).__name__}")
    for key, value in params.items():
        if not isinstance(key, str):
            raise TypeError(f"query parameter names must be str, not {type(key).__name__}")
        if value is None:
            continue  # left out of the query
        for one in value if isinstance(value, (list, tuple)) else [value]:
            if not isinstance(one, _QUERY_SCALARS):
                raise TypeError(
                    f"query parameter {key!r} must be a str, an int, a float, a bool or a list "
                    f"of those, not {type(one).__name__}"
                )


def _encode_params(params: QueryParams) -> dict[str, Any]:
    """Query values as Podio reads them: booleans as ``1``/``0`` (conventions.md §1), ``None``
    left out."""
    encoded: dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            encoded[key] = "1" if value else "0"
        elif isinstance(value, (list, tuple)):
            encoded[key] = [str(item) for item in value]
        else:
            encoded[key] = value
    return encoded


def _require_text(**values: Any) -> None:
    for name, value in values.items():
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string, not {type(value).__name__}")
        if not value:
            raise ValueError(f"{name} must not be empty")


def env_options() -> dict[str, str]:
    """The client settings found in the environment (PODIO_CLIENT_ID and friends)."""
    found: dict[str, str] = {}
    for key, env in (
        ("api_key", "PODIO_CLIENT_ID"),
        ("api_secret", "PODIO_CLIENT_SECRET"),
        ("api_url", "PODIO_API_URL"),
    ):
        value = os.environ.get(env)
        if value:
            found[key] = value
    return found
