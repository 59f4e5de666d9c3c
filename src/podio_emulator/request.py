"""`ApiRequest`: what a route handler receives, and `Reply` for non-default answers.

Handlers are plain synchronous functions `def handler(req: ApiRequest) -> object`, run in a
worker thread inside the request's transaction. What they return becomes the response:

- a dict, list, str, int, float or bool: JSON with status 200;
- `None`: 204 No Content;
- `Reply(body, status=201, headers={...})`: JSON (or no body when `body` is None) with that
  status and headers;
- any `starlette.responses.Response` (HTML, redirects, bytes): sent as is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData, Headers, QueryParams

from .errors import NO_OPERATION, forbidden, invalid_value, not_found, unauthorized
from .fieldtypes._errors import describe_value, json_type_name

if TYPE_CHECKING:
    from .auth import Principal
    from .clock import Clock
    from .db import Tx
    from .emulator import Emulator
    from .routing import Route

__all__ = ["ApiRequest", "Reply", "describe", "json_type", "parse_bool"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass
class Reply:
    """A JSON answer with a chosen status and headers (`body=None` sends no body)."""

    body: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def parse_bool(name: str, value: str) -> bool:
    """Podio's boolean query values: `1/0/true/false` in any case (conventions.md §6)."""
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise invalid_value(f"Invalid value {value!r} (string): {name} must be a boolean")


class ApiRequest:
    """One API call as seen by an area: parameters, body, caller, storage, clock."""

    def __init__(
        self,
        *,
        emulator: Emulator,
        tx: Tx,
        route: Route | None,
        method: str,
        path: str,
        url: str,
        base_url: str,
        path_params: dict[str, Any],
        query: QueryParams,
        headers: Headers,
        body: bytes,
        form: FormData | None,
        principal: Principal | None,
        request_id: str,
        client_host: str | None,
        dry_run: bool,
    ) -> None:
        self.emulator = emulator
        self.tx = tx
        self.route = route
        self.method = method
        self.path = path
        self.url = url
        self.base_url = base_url
        self.path_params = path_params
        self.query = query
        self.headers = headers
        self.body = body
        self.form = form
        self.principal = principal
        self.request_id = request_id
        self.client_host = client_host
        self.dry_run = dry_run
        self._json: Any = _UNSET

    # -- environment -------------------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        return self.emulator.clock

    def now(self) -> float:
        return self.emulator.clock.now()

    def now_str(self) -> str:
        return self.emulator.clock.now_str()

    @property
    def web_url(self) -> str:
        """Base of the `url`/`link` values of objects (config `web_url`)."""
        return self.emulator.config.web_url.rstrip("/")

    # -- the caller --------------------------------------------------------------------------

    def require_principal(self) -> Principal:
        if self.principal is None:
            raise unauthorized()
        return self.principal

    def require_user(self) -> int:
        """The calling user's id; 403 for app tokens and trusted clients, 401 for nobody."""
        principal = self.require_principal()
        if principal.type != "user":
            raise forbidden(f"This operation is not available to a {principal.type} token")
        return principal.id

    # -- path and query ----------------------------------------------------------------------

    def id(self, name: str) -> int:
        """An `int` path parameter (templates give `{x_id}` names type int by default)."""
        value = self.path_params[name]
        if not isinstance(value, int):
            raise TypeError(f"path parameter {name!r} is not an int")
        return value

    def param(self, name: str) -> Any:
        return self.path_params[name]

    def query_str(self, name: str, default: str | None = None) -> str | None:
        return self.query.get(name, default)

    def query_int(
        self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
    ) -> int:
        raw = self.query.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise invalid_value(
                f"Invalid value {raw!r} (string): {name} must be an integer"
            ) from None
        if minimum is not None and value < minimum:
            raise invalid_value(f"Invalid value {value} (integer): must not be less than {minimum}")
        if maximum is not None and value > maximum:
            raise invalid_value(
                f"Invalid value {value} (integer): must not be greater than {maximum}"
            )
        return value

    def query_bool(self, name: str, default: bool) -> bool:
        raw = self.query.get(name)
        if raw is None:
            return default
        return parse_bool(name, raw)

    # -- body --------------------------------------------------------------------------------

    def json(self) -> Any:
        """The JSON body (None when empty); 400 `invalid_value` when it is not JSON."""
        if self._json is _UNSET:
            if not self.body.strip():
                self._json = None
            else:
                try:
                    self._json = json.loads(self.body)
                except (ValueError, UnicodeDecodeError):
                    raise invalid_value("Invalid JSON in the request body") from None
        return self._json

    def json_object(self, *, required: bool = True) -> dict[str, Any]:
        """The body as a JSON object; `{}` when empty and not `required`.

        Podio wants a JSON object or list as body, never a scalar (conventions.md §1). A
        missing required body is 404 "No matching operation could be found. No body was
        given.", as Podio answers (samples/error-not-found.json: a POST without body).
        """
        data = self.json()
        if data is None:
            if required:
                raise not_found(f"{NO_OPERATION} No body was given.")
            return {}
        if not isinstance(data, dict):
            raise invalid_value(f"Invalid value {describe(data)}: must be object")
        return data

    def json_list(self) -> list[Any]:
        """The body as a JSON list (a missing body: as in `json_object`)."""
        data = self.json()
        if data is None:
            raise not_found(f"{NO_OPERATION} No body was given.")
        if not isinstance(data, list):
            raise invalid_value(f"Invalid value {describe(data)}: must be array")
        return data


class _Unset:
    pass


_UNSET: Any = _Unset()


def json_type(value: Any) -> str:
    """Podio's name for a JSON value's type, as used in `invalid_value` messages."""
    return json_type_name(value)


def describe(value: Any) -> str:
    """`Invalid value <this> (<type>)` style rendering of a value (errors.md §3 examples)."""
    return f"{describe_value(value)} ({json_type_name(value)})"
