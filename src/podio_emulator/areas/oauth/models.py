"""OAuth state and rules: clients, grants, tokens, one-time codes, second factors.

Tokens and codes are stored as SHA-256 digests only, so a database file holds no usable secret.
Lifetimes follow auth.md §6 on the emulator clock: access tokens 8 h, refresh tokens 28 days
(each refresh restarts the refresh token's 28 days and returns the same refresh token).
One-time codes: authorization codes and transfer tokens live 10 minutes, second-factor nonces
5 minutes, activation codes 7 days; all are spent by their first use.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...auth import Principal
from ...db import Tx, dumps, loads
from ...errors import PodioError, bad_request

if TYPE_CHECKING:
    from ...emulator import Emulator

__all__ = [
    "SCHEMA",
    "Client",
    "check_client",
    "consume_code",
    "create_code",
    "hash_secret",
    "invalid_grant",
    "issue_tokens",
    "lookup_access_token",
    "refresh",
    "revoke_grant",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS oauth_clients (
    client_id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    trusted INTEGER NOT NULL DEFAULT 0,
    created_on TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS oauth_grants (
    grant_id INTEGER PRIMARY KEY,
    ref_type TEXT NOT NULL,
    ref_id INTEGER NOT NULL,
    client_id TEXT NOT NULL,
    created_on TEXT NOT NULL,
    UNIQUE (ref_type, ref_id, client_id)
);
CREATE TABLE IF NOT EXISTS oauth_tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    grant_id INTEGER NOT NULL,
    scope TEXT NOT NULL,
    expires_at REAL NOT NULL,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS oauth_tokens_grant ON oauth_tokens (grant_id);
CREATE TABLE IF NOT EXISTS oauth_codes (
    code_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    user_id INTEGER,
    client_id TEXT,
    redirect_uri TEXT,
    scope TEXT,
    data TEXT NOT NULL DEFAULT '{}',
    expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS oauth_openids (
    type TEXT NOT NULL,
    identifier TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (type, identifier)
);
"""

DEFAULT_SCOPE = "global:all"
CODE_LIFETIMES = {
    "authorization_code": 600,
    "transfer_token": 600,
    "mfa_nonce": 300,
    "activation_code": 7 * 24 * 3600,
}


def hash_secret(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def invalid_grant(description: str) -> PodioError:
    """400 `invalid_grant`: every client special-cases it and drops its tokens (auth.md §7)."""
    return bad_request(description, error="invalid_grant")


@dataclass(frozen=True)
class Client:
    client_id: str
    name: str
    trusted: bool


def ensure_client(tx: Tx, client_id: str, secret: str, name: str, trusted: bool) -> None:
    """Register a client unless it exists (configured clients, at bootstrap)."""
    tx.execute(
        "INSERT INTO oauth_clients (client_id, secret_hash, name, trusted, created_on) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(client_id) DO UPDATE SET "
        "secret_hash = excluded.secret_hash, name = excluded.name, trusted = excluded.trusted",
        (client_id, hash_secret(secret), name, int(trusted), tx.clock.now_str()),
    )


def find_client(tx: Tx, client_id: str) -> Client | None:
    row = tx.one(
        "SELECT client_id, name, trusted FROM oauth_clients WHERE client_id = ?", (client_id,)
    )
    if row is None:
        return None
    return Client(row["client_id"], row["name"], bool(row["trusted"]))


def check_client(tx: Tx, client_id: str, secret: str) -> Client | None:
    """The client when `secret` is its secret, else None."""
    row = tx.one(
        "SELECT client_id, name, trusted, secret_hash FROM oauth_clients WHERE client_id = ?",
        (client_id,),
    )
    if row is None or not hmac.compare_digest(row["secret_hash"], hash_secret(secret)):
        return None
    return Client(row["client_id"], row["name"], bool(row["trusted"]))


def _grant_id(tx: Tx, ref_type: str, ref_id: int, client_id: str) -> int:
    row = tx.one(
        "SELECT grant_id FROM oauth_grants WHERE ref_type = ? AND ref_id = ? AND client_id = ?",
        (ref_type, ref_id, client_id),
    )
    if row is not None:
        return int(row["grant_id"])
    grant_id = tx.next_id("oauth_grant")
    tx.insert(
        "oauth_grants",
        {
            "grant_id": grant_id,
            "ref_type": ref_type,
            "ref_id": ref_id,
            "client_id": client_id,
            "created_on": tx.clock.now_str(),
        },
    )
    return grant_id


def issue_tokens(
    tx: Tx,
    emulator: Emulator,
    *,
    ref_type: str,
    ref_id: int,
    client_id: str,
    scope: str = DEFAULT_SCOPE,
) -> dict[str, Any]:
    """Create an access and a refresh token; returns the token response (auth.md §4)."""
    grant_id = _grant_id(tx, ref_type, ref_id, client_id)
    now = tx.clock.now()
    access = secrets.token_hex(16)
    refresh_token = secrets.token_hex(16)
    lifetime = emulator.config.access_token_lifetime
    tx.executemany(
        "INSERT INTO oauth_tokens (token_hash, kind, grant_id, scope, expires_at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (hash_secret(access), "access", grant_id, scope, now + lifetime, now),
            (
                hash_secret(refresh_token),
                "refresh",
                grant_id,
                scope,
                now + emulator.config.refresh_token_lifetime,
                now,
            ),
        ],
    )
    emulator.metrics.incr("tokens_issued")
    return _token_body(access, refresh_token, lifetime, ref_type, ref_id, scope)


def _token_body(
    access: str, refresh_token: str, lifetime: int, ref_type: str, ref_id: int, scope: str
) -> dict[str, Any]:
    return {
        "access_token": access,
        "token_type": "bearer",
        "expires_in": lifetime,
        "refresh_token": refresh_token,
        "ref": {"type": ref_type, "id": ref_id},
        "scope": scope,
    }


def refresh(tx: Tx, emulator: Emulator, refresh_token: str, client_id: str) -> dict[str, Any]:
    """A new access token for a refresh token; the same refresh token comes back (auth.md §6)."""
    row = tx.one(
        "SELECT t.token_hash, t.scope, t.expires_at, g.grant_id, g.ref_type, g.ref_id, "
        "g.client_id FROM oauth_tokens t JOIN oauth_grants g ON g.grant_id = t.grant_id "
        "WHERE t.token_hash = ? AND t.kind = 'refresh'",
        (hash_secret(refresh_token),),
    )
    now = tx.clock.now()
    if row is None or row["client_id"] != client_id:
        raise invalid_grant("Invalid refresh_token")
    if row["expires_at"] <= now:
        tx.execute("DELETE FROM oauth_tokens WHERE token_hash = ?", (row["token_hash"],))
        raise invalid_grant("The refresh_token has expired")
    if row["ref_type"] == "user" and not _user_can_log_in(tx, int(row["ref_id"])):
        raise invalid_grant("The user can no longer log in")
    access = secrets.token_hex(16)
    lifetime = emulator.config.access_token_lifetime
    tx.execute(
        "INSERT INTO oauth_tokens (token_hash, kind, grant_id, scope, expires_at, created_at) "
        "VALUES (?, 'access', ?, ?, ?, ?)",
        (hash_secret(access), row["grant_id"], row["scope"], now + lifetime, now),
    )
    # Each use restarts the 28-day window (auth.md §6, StackOverflow claim).
    tx.execute(
        "UPDATE oauth_tokens SET expires_at = ? WHERE token_hash = ?",
        (now + emulator.config.refresh_token_lifetime, row["token_hash"]),
    )
    emulator.metrics.incr("tokens_issued")
    emulator.metrics.incr("refreshes")
    return _token_body(
        access, refresh_token, lifetime, row["ref_type"], int(row["ref_id"]), row["scope"]
    )


def _user_can_log_in(tx: Tx, user_id: int) -> bool:
    status = tx.scalar("SELECT status FROM users WHERE user_id = ?", (user_id,))
    return bool(status == "active")


def lookup_access_token(tx: Tx, token: str) -> tuple[Principal, float] | None:
    """`(principal, expires_at)` for a stored access token, else None."""
    row = tx.one(
        "SELECT t.scope, t.expires_at, g.grant_id, g.ref_type, g.ref_id, g.client_id "
        "FROM oauth_tokens t JOIN oauth_grants g ON g.grant_id = t.grant_id "
        "WHERE t.token_hash = ? AND t.kind = 'access'",
        (hash_secret(token),),
    )
    if row is None:
        return None
    principal = Principal(
        row["ref_type"],
        int(row["ref_id"]),
        row["client_id"],
        scope=row["scope"],
        grant_id=int(row["grant_id"]),
    )
    return principal, float(row["expires_at"])


def revoke_grant(tx: Tx, grant_id: int) -> None:
    """Invalidate every access and refresh token of a grant."""
    tx.execute("DELETE FROM oauth_tokens WHERE grant_id = ?", (grant_id,))


def revoke_user_tokens(tx: Tx, user_id: int) -> None:
    tx.execute(
        "DELETE FROM oauth_tokens WHERE grant_id IN "
        "(SELECT grant_id FROM oauth_grants WHERE ref_type = 'user' AND ref_id = ?)",
        (user_id,),
    )


# -- one-time codes ------------------------------------------------------------------------


def create_code(
    tx: Tx,
    kind: str,
    *,
    user_id: int | None = None,
    client_id: str | None = None,
    redirect_uri: str | None = None,
    scope: str | None = None,
    data: Mapping[str, Any] | None = None,
    lifetime: float | None = None,
) -> str:
    """A new single-use code of `kind` (see `CODE_LIFETIMES`); returns its plain value."""
    code = secrets.token_hex(16)
    tx.insert(
        "oauth_codes",
        {
            "code_hash": hash_secret(code),
            "kind": kind,
            "user_id": user_id,
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": scope,
            "data": dumps(dict(data or {})),
            "expires_at": tx.clock.now() + (lifetime or CODE_LIFETIMES[kind]),
        },
    )
    return code


@dataclass(frozen=True)
class Code:
    kind: str
    user_id: int | None
    client_id: str | None
    redirect_uri: str | None
    scope: str | None
    data: dict[str, Any]


def consume_code(tx: Tx, kind: str, code: str) -> Code | None:
    """Spend a code: returns it when it exists, has this kind and has not expired.

    A found code is deleted even when expired, so nothing can be replayed.
    """
    row = tx.one(
        "SELECT * FROM oauth_codes WHERE code_hash = ? AND kind = ?", (hash_secret(code), kind)
    )
    if row is None:
        return None
    tx.execute("DELETE FROM oauth_codes WHERE code_hash = ?", (row["code_hash"],))
    if row["expires_at"] <= tx.clock.now():
        return None
    return Code(
        kind=row["kind"],
        user_id=row["user_id"],
        client_id=row["client_id"],
        redirect_uri=row["redirect_uri"],
        scope=row["scope"],
        data=loads(row["data"], {}),
    )


def peek_code(tx: Tx, kind: str, code: str) -> Code | None:
    """Like `consume_code`, without spending it (an unexpired code or None)."""
    row = tx.one(
        "SELECT * FROM oauth_codes WHERE code_hash = ? AND kind = ? AND expires_at > ?",
        (hash_secret(code), kind, tx.clock.now()),
    )
    if row is None:
        return None
    return Code(
        kind=row["kind"],
        user_id=row["user_id"],
        client_id=row["client_id"],
        redirect_uri=row["redirect_uri"],
        scope=row["scope"],
        data=loads(row["data"], {}),
    )


def register_openid(tx: Tx, type: str, identifier: str, user_id: int) -> None:
    tx.execute(
        "INSERT INTO oauth_openids (type, identifier, user_id) VALUES (?, ?, ?) "
        "ON CONFLICT(type, identifier) DO UPDATE SET user_id = excluded.user_id",
        (type, identifier, user_id),
    )


def openid_user(tx: Tx, type: str, identifier: str) -> int | None:
    value = tx.scalar(
        "SELECT user_id FROM oauth_openids WHERE type = ? AND identifier = ?", (type, identifier)
    )
    return None if value is None else int(value)


def scope_grants(scope: str) -> list[dict[str, Any]]:
    """`GET /oauth/scope` entries for a scope string (auth.md §8).

    `global:all` gives one entry with null `ref_type`/`ref_id`; `<type>:<perm>` tokens without
    concrete objects give entries with the type and a null id; `<type>:<id>:<perm>` (as the
    emulator writes app-token scopes) gives the object's id.
    """
    grants: list[dict[str, Any]] = []
    for part in scope.split():
        pieces = part.split(":")
        if len(pieces) == 2:
            ref_type, perm = pieces
            ref_id: int | None = None
        elif len(pieces) == 3 and pieces[1].isdigit():
            ref_type, ref_id, perm = pieces[0], int(pieces[1]), pieces[2]
        else:
            continue
        permissions = ["all"] if perm == "all" else perm.split(",")
        grants.append(
            {
                "ref_type": None if ref_type == "global" else ref_type,
                "ref_id": ref_id,
                "permissions": permissions,
                "ref_data": None,
            }
        )
    return grants
