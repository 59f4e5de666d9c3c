"""OAuth tokens and where they are kept.

A token is what Podio's token endpoint answers (auth.md §4): an access token that lives eight
hours, a refresh token that lives 28 days, and a reference to who authenticated (a user or an
app). The client keeps the current token and hands every new one to its token store and to the
``on_token_refreshed`` hook, so a long-running program can persist the refreshed token.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ._serialization import UTC

__all__ = ["FileTokenStore", "MemoryTokenStore", "OAuthToken", "TokenStore"]

#: Refresh this long before the access token's stated expiry, so a call that starts just before
#: expiry does not arrive just after it.
REFRESH_MARGIN = _dt.timedelta(seconds=60)


class OAuthToken:
    """An OAuth 2 token from Podio.

    `expires_at` is an aware UTC datetime computed from ``expires_in`` when the token was
    received. `reference` is Podio's ``ref`` (``{"type": "user" | "app", "id": ...}``).
    `refreshed` is true for a token obtained by refreshing an earlier one. The repr shows who
    the token is for and when it expires, never the token strings.
    """

    __slots__ = (
        "access_token",
        "expires_at",
        "expires_in",
        "reference",
        "refresh_token",
        "refreshed",
        "scope",
        "token_type",
        "transfer_token",
    )

    def __init__(
        self,
        access_token: str,
        refresh_token: str | None = None,
        *,
        expires_at: _dt.datetime | None = None,
        expires_in: int | None = None,
        reference: Mapping[str, Any] | None = None,
        scope: str | None = None,
        token_type: str = "bearer",  # noqa: S107 (the OAuth token type, not a secret)
        refreshed: bool = False,
        transfer_token: str | None = None,
    ) -> None:
        if not isinstance(access_token, str) or not access_token:
            raise ValueError("an OAuth token needs a non-empty access_token string")
        self.access_token = access_token
        self.refresh_token = refresh_token
        self.expires_in = expires_in
        if expires_at is None and expires_in is not None:
            expires_at = _now() + _dt.timedelta(seconds=expires_in)
        if expires_at is not None and expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=UTC)
        self.expires_at = expires_at
        self.reference: dict[str, Any] | None = dict(reference) if reference else None
        self.scope = scope
        self.token_type = token_type
        self.refreshed = refreshed
        self.transfer_token = transfer_token

    @classmethod
    def from_response(cls, body: Mapping[str, Any], *, refreshed: bool = False) -> OAuthToken:
        """Build a token from the token endpoint's JSON answer."""
        expires_in = body.get("expires_in")
        ref = body.get("ref")
        return cls(
            access_token=body["access_token"],
            refresh_token=body.get("refresh_token"),
            expires_in=int(expires_in) if isinstance(expires_in, (int, float, str)) else None,
            reference=ref if isinstance(ref, Mapping) else None,
            scope=body.get("scope"),
            token_type=str(body.get("token_type") or "bearer"),
            refreshed=refreshed,
            transfer_token=body.get("transfer_token"),
        )

    @classmethod
    def coerce(cls, value: OAuthToken | Mapping[str, Any]) -> OAuthToken:
        """Accept a token or the dict the token endpoint (or `to_dict`) produced."""
        if isinstance(value, OAuthToken):
            return value
        if isinstance(value, Mapping):
            if "expires_at" in value:
                return cls.from_dict(value)
            return cls.from_response(value)
        raise TypeError(f"oauth_token must be an OAuthToken or a dict, not {type(value).__name__}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict that `from_dict` turns back into an equal token (for stores)."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "expires_in": self.expires_in,
            "ref": self.reference,
            "scope": self.scope,
            "token_type": self.token_type,
            "refreshed": self.refreshed,
            "transfer_token": self.transfer_token,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthToken:
        expires_at = data.get("expires_at")
        return cls(
            access_token=data["access_token"],
            refresh_token=data.get("refresh_token"),
            expires_at=_dt.datetime.fromisoformat(expires_at) if expires_at else None,
            expires_in=data.get("expires_in"),
            reference=data.get("ref"),
            scope=data.get("scope"),
            token_type=data.get("token_type") or "bearer",
            refreshed=bool(data.get("refreshed")),
            transfer_token=data.get("transfer_token"),
        )

    @property
    def ref_type(self) -> str | None:
        return str(self.reference.get("type")) if self.reference else None

    @property
    def ref_id(self) -> int | None:
        if not self.reference or self.reference.get("id") is None:
            return None
        return int(self.reference["id"])

    def expired(self, *, margin: _dt.timedelta = _dt.timedelta(0)) -> bool:
        """True once the access token is (or within `margin` will be) past its expiry."""
        if self.expires_at is None:
            return False
        return _now() + margin >= self.expires_at

    def expires_soon(self) -> bool:
        """True when the client should refresh before using the token."""
        return self.expired(margin=REFRESH_MARGIN)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OAuthToken):
            return NotImplemented
        return (
            self.access_token == other.access_token
            and self.refresh_token == other.refresh_token
            and self.expires_at == other.expires_at
        )

    def __hash__(self) -> int:
        return hash((self.access_token, self.refresh_token))

    def __repr__(self) -> str:
        who = f"{self.ref_type}:{self.ref_id}" if self.reference else "unknown"
        expires = self.expires_at.strftime("%Y-%m-%d %H:%M:%S UTC") if self.expires_at else "never"
        flags = ", refreshed" if self.refreshed else ""
        return f"<OAuthToken for {who}, expires {expires}{flags}>"

    __str__ = __repr__


@runtime_checkable
class TokenStore(Protocol):
    """Where a client keeps its token between runs.

    Implement these three methods to keep tokens in Redis, a database or a keyring. They are
    called from whichever thread or task obtained the token, so they must be thread-safe; they
    are called rarely (once per authentication or refresh), so blocking briefly is fine.
    """

    def load(self) -> OAuthToken | None:
        """The stored token, or ``None``."""
        ...

    def save(self, token: OAuthToken) -> None:
        """Replace the stored token."""
        ...

    def clear(self) -> None:
        """Forget the stored token (after Podio refused to refresh it)."""
        ...


class MemoryTokenStore:
    """Keeps the token in this process only: the default."""

    def __init__(self, token: OAuthToken | None = None) -> None:
        self._token = token
        self._lock = threading.Lock()

    def load(self) -> OAuthToken | None:
        with self._lock:
            return self._token

    def save(self, token: OAuthToken) -> None:
        with self._lock:
            self._token = token

    def clear(self) -> None:
        with self._lock:
            self._token = None

    def __repr__(self) -> str:
        return f"<MemoryTokenStore {'holding a token' if self._token else 'empty'}>"


class FileTokenStore:
    """Keeps the token in a JSON file readable by its owner only (mode 0600).

    Writes are atomic: the token goes to a private temporary file in the same directory, which
    then replaces the old file, so a crash never leaves half a token behind.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def load(self) -> OAuthToken | None:
        with self._lock:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                return None
            except ValueError:
                return None
            if not isinstance(data, dict) or not data.get("access_token"):
                return None
            return OAuthToken.from_dict(data)

    def save(self, token: OAuthToken) -> None:
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".podio-token-", dir=self.path.parent)
            try:
                os.fchmod(fd, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(token.to_dict(), handle)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def clear(self) -> None:
        with self._lock:
            self.path.unlink(missing_ok=True)

    def __repr__(self) -> str:
        return f"<FileTokenStore {str(self.path)!r}>"


def _now() -> _dt.datetime:
    return _dt.datetime.now(UTC)
