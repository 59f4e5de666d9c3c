"""A typed Python client for the Podio API, sync and async.

    import podio

    podio.setup(api_key="...", api_secret="...")
    podio.client.authenticate_with_credentials("me@example.com", "secret")
    item = podio.Item.find(42)
    response = podio.connection.get("/item/42")

`podio.client` and `podio.connection` are the default client of the current thread or asyncio
task and its raw connection; both raise `ConfigurationError` until `podio.setup()` was called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._auth import FileTokenStore, MemoryTokenStore, OAuthToken, TokenStore
from ._client import DEFAULT_API_URL, DEFAULT_TIMEOUT, Client, Connection, format_path
from ._context import get_client, set_client, setup, with_client
from ._errors import (
    APIError,
    AuthorizationError,
    BadRequestError,
    ClientError,
    ConfigurationError,
    ConflictError,
    ForbiddenError,
    GoneError,
    InvalidGrantError,
    InvalidResponseError,
    InvalidSecondFactorError,
    Maintenance,
    MaintenanceError,
    NonceValidationError,
    NotFoundError,
    PaymentRequiredError,
    PodioConnectionError,
    PodioError,
    PodioTimeoutError,
    RateLimitError,
    RequestableAuthorizationError,
    SecondFactorRequired,
    ServerError,
    TokenExpired,
    TokenExpiredError,
    UnavailableError,
)
from ._response import RateLimit, Response
from ._retry import RetryPolicy, set_testing
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__
from .models import Model, operations
from .models._index import MODELS as _MODELS

if TYPE_CHECKING:
    from .fields import DateRange, FieldValueError, Money
    from .models.by_line import ByLine
    from .models.organization import Organization
    from .models.profile import Profile
    from .models.space import Space
    from .models.space_contact import SpaceContact
    from .models.status import Status
    from .models.via import Via

    client: Client
    connection: Connection

__all__ = [
    "DEFAULT_API_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIError",
    "AuthorizationError",
    "BadRequestError",
    "ByLine",
    "Client",
    "ClientError",
    "ConfigurationError",
    "ConflictError",
    "Connection",
    "DateRange",
    "FieldValueError",
    "FileTokenStore",
    "ForbiddenError",
    "GoneError",
    "InvalidGrantError",
    "InvalidResponseError",
    "InvalidSecondFactorError",
    "Maintenance",
    "MaintenanceError",
    "MemoryTokenStore",
    "Model",
    "Money",
    "NonceValidationError",
    "NotFoundError",
    "NotGiven",
    "OAuthToken",
    "Organization",
    "PaymentRequiredError",
    "PodioConnectionError",
    "PodioError",
    "PodioTimeoutError",
    "Profile",
    "RateLimit",
    "RateLimitError",
    "RequestableAuthorizationError",
    "Response",
    "RetryPolicy",
    "SecondFactorRequired",
    "ServerError",
    "Space",
    "SpaceContact",
    "Status",
    "TokenExpired",
    "TokenExpiredError",
    "TokenStore",
    "UnavailableError",
    "Via",
    "__version__",
    "format_path",
    "get_client",
    "operations",
    "set_client",
    "set_testing",
    "setup",
    "with_client",
]

# Models load on first use, like the Ruby gem's autoload: `import podio` stays cheap.
_LAZY: dict[str, str] = {name: f"podio.models.{module}" for name, module in _MODELS.items()}
# Field value types, from podio.fields (docs/fields.md), loaded on first use as well.
_LAZY.update(dict.fromkeys(("DateRange", "FieldValueError", "Money"), "podio.fields"))


def __getattr__(name: str) -> Any:
    if name == "client":
        return get_client()
    if name == "connection":
        return get_client().connection
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'podio' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_LAZY) | {"client", "connection"})


# Public objects report themselves as podio.X, not podio._client.X, in reprs and tracebacks.
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith("podio._"):
        _obj.__module__ = "podio"
del _name, _obj
