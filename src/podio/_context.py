"""The default client: one per thread and per asyncio task.

`setup` builds a client and makes it the default; models and ``podio.connection`` use it when
no ``client=`` is passed. It lives in a `contextvars.ContextVar`, which gives each thread its
own default (as the Ruby gem's thread-local does) and lets each asyncio task switch it without
touching the others: a task starts with the default of the code that created it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from ._client import Client, Connection, env_options
from ._errors import ConfigurationError

__all__ = ["get_client", "set_client", "setup", "with_client"]

_current: ContextVar[Client | None] = ContextVar("podio_default_client", default=None)


def setup(api_key: str | None = None, api_secret: str | None = None, **options: Any) -> Client:
    """Build a `Client`, make it the default of this thread or task, and return it.

    Without arguments the key, secret and API URL come from ``PODIO_CLIENT_ID``,
    ``PODIO_CLIENT_SECRET`` and ``PODIO_API_URL``. Other options are those of `Client`
    (``oauth_token``, ``timeout``, ``locale``, ``test_mode``, ``debug``, ...).
    """
    found = env_options()
    if api_key is None:
        api_key = found.get("api_key")
    if api_secret is None:
        api_secret = found.get("api_secret")
    if "api_url" not in options and "api_url" in found:
        options["api_url"] = found["api_url"]
    client = Client(api_key, api_secret, **options)
    _current.set(client)
    return client


def set_client(client: Client | None) -> None:
    """Make `client` the default of this thread or task (``None`` removes it)."""
    if client is not None and not isinstance(client, Client):
        raise TypeError(f"expected a podio.Client, not {type(client).__name__}")
    _current.set(client)


def get_client(client: Client | None = None) -> Client:
    """`client` if given, else the default client; raises `ConfigurationError` if neither."""
    if client is not None:
        if not isinstance(client, Client):
            raise TypeError(f"client must be a podio.Client, not {type(client).__name__}")
        return client
    current = _current.get()
    if current is None:
        raise ConfigurationError(
            "no Podio client is set up in this thread or task: call podio.setup(...) first, "
            "use `with podio.with_client(client):`, or pass client= to the call"
        )
    return current


def current_connection() -> Connection:
    return get_client().connection


@contextlib.contextmanager
def with_client(client: Client) -> Iterator[Client]:
    """Use `client` as the default inside the block, then restore the previous default.

    The client is used as is, not copied, so a token it refreshes inside the block is the one
    it keeps afterwards.
    """
    if not isinstance(client, Client):
        raise TypeError(f"expected a podio.Client, not {type(client).__name__}")
    token = _current.set(client)
    try:
        yield client
    finally:
        _current.reset(token)
