"""Who is calling: the principal behind a request, resolved from its credentials.

Accepted credentials (auth.md §5):

- `Authorization: OAuth2 <access_token>` (Podio's documented form) or `Bearer <access_token>`;
- the legacy `oauth_token=<access_token>` query parameter;
- `Authorization: Basic base64(client_id:client_secret)` of a trusted client, only on routes
  registered with `auth="client"`.

Failures are 401s:

- an expired access token gets exactly Podio's observed answer (auth.md §7): `error`
  `unauthorized`, `error_description` `expired_token`, `WWW-Authenticate: Bearer
  realm="podio", error="expired_token"`;
- an unknown or revoked token: `error` `invalid_token`, `error_description` `invalid_token`,
  `WWW-Authenticate: Bearer realm="podio", error="invalid_token"` (clients refresh on it);
- no credentials: `error` `unauthorized`, `error_description` "Authentication required",
  `WWW-Authenticate: Bearer realm="podio"`;
- bad client credentials in HTTP Basic: `error` `unauthorized`, `error_description`
  "Invalid client credentials".
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from starlette.datastructures import Headers, QueryParams

from .errors import PodioError, unauthorized

if TYPE_CHECKING:
    from .db import Tx

__all__ = ["Principal", "authenticate", "basic_credentials", "bearer_token"]


@dataclass(frozen=True)
class Principal:
    """The authenticated caller.

    `type` is `user` (id = user_id), `app` (id = app_id, from the app grant) or `client`
    (a trusted client using HTTP Basic, id = 0). `scope` is the granted scope string.
    """

    type: Literal["user", "app", "client"]
    id: int
    client_id: str
    scope: str = "global:all"
    grant_id: int = 0

    @property
    def user_id(self) -> int | None:
        return self.id if self.type == "user" else None

    @property
    def app_id(self) -> int | None:
        return self.id if self.type == "app" else None

    @property
    def ref(self) -> dict[str, Any]:
        """`{"type", "id"}` as in the token response's `ref` (auth.md §4)."""
        return {"type": self.type, "id": self.id}

    @property
    def rate_key(self) -> tuple[str, int, str]:
        """Rate limits count per (user or app, client id): limits.md §1."""
        return (self.type, self.id, self.client_id)


def bearer_token(headers: Headers, query: QueryParams) -> str | None:
    """The access token of a request (header first, then `oauth_token`), or None."""
    value = headers.get("authorization", "")
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() in {"oauth2", "bearer"} and rest.strip():
        return rest.strip()
    token = query.get("oauth_token")
    return token or None


def basic_credentials(headers: Headers) -> tuple[str, str] | None:
    """`(client_id, client_secret)` from `Authorization: Basic ...`, or None."""
    value = headers.get("authorization", "")
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "basic" or not rest:
        return None
    try:
        decoded = base64.b64decode(rest.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        return None
    return client_id, secret


def authenticate(
    tx: Tx,
    headers: Headers,
    query: QueryParams,
    *,
    allow_client: bool,
) -> Principal | None:
    """Resolve the request's principal; None when no credentials were given.

    Raises the 401s listed in the module docstring.
    """
    from .areas.oauth import models as oauth

    token = bearer_token(headers, query)
    if token is not None:
        found = oauth.lookup_access_token(tx, token)
        if found is None:
            raise unauthorized("invalid_token", error="invalid_token", www_error="invalid_token")
        principal, expires_at = found
        if expires_at <= tx.clock.now():
            # Exactly the observed answer, auth.md §7.
            raise unauthorized("expired_token", www_error="expired_token")
        return principal
    creds = basic_credentials(headers)
    if creds is not None:
        client = oauth.check_client(tx, *creds)
        if client is None:
            problem = "Invalid client credentials"
        elif not client.trusted:
            problem = "The client is not trusted"
        elif not allow_client:
            problem = "This operation needs an OAuth2 token"
        else:
            return Principal("client", 0, client.client_id, scope="global:all")
        raise PodioError(
            401, "unauthorized", problem, headers={"WWW-Authenticate": 'Bearer realm="podio"'}
        )
    return None
