"""Configuration of one emulator instance.

`EmulatorConfig` is a frozen dataclass: build it with keyword arguments, from the environment
(`EmulatorConfig.from_env()`), or derive a variant with `dataclasses.replace`. Every field has a
default that gives a working emulator with one user and one API client.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

__all__ = ["ENV_PREFIX", "ClientSpec", "EmulatorConfig", "UserSpec", "parse_user_spec"]

ENV_PREFIX = "PODIO_EMULATOR_"


@dataclass(frozen=True)
class UserSpec:
    """A user that exists from the start (and again after every reset).

    `mfa=True` makes the password grant answer with a `server_nonce` instead of tokens; the
    second factor is the fixed `otp` (or one of `recovery_codes`), see README.md, "Two factors".
    """

    mail: str
    password: str
    name: str = ""
    mfa: bool = False
    otp: str = "123456"
    recovery_codes: tuple[str, ...] = ("recovery-1", "recovery-2", "recovery-3")

    def __repr__(self) -> str:
        # Secrets stay out of reprs: COMMON.md rules.
        return f"UserSpec(mail={self.mail!r}, name={self.name!r}, mfa={self.mfa!r})"

    @property
    def display_name(self) -> str:
        return self.name or self.mail.split("@", 1)[0].replace(".", " ").title()


@dataclass(frozen=True)
class ClientSpec:
    """An API client (client_id + client_secret), as registered with Podio.

    `trusted` clients may call the API with HTTP Basic client credentials and no user token,
    which Podio reserves for its own clients (auth.md §5).
    """

    client_id: str
    client_secret: str
    name: str = "Emulator client"
    trusted: bool = True

    def __repr__(self) -> str:
        return f"ClientSpec(client_id={self.client_id!r}, trusted={self.trusted!r})"


def parse_user_spec(text: str) -> UserSpec:
    """Parse `mail:password[:name][:mfa]` as given on the command line or in the environment."""
    parts = text.split(":")
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise ValueError("a user is given as mail:password[:name][:mfa]")
    mail, password, *rest = parts
    mfa = bool(rest) and rest[-1].lower() == "mfa"
    if mfa:
        rest = rest[:-1]
    name = ":".join(rest)
    return UserSpec(mail=mail, password=password, name=name, mfa=mfa)


DEFAULT_USERS = (UserSpec("user@example.com", "password", "Emulator User"),)


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything that can be chosen about an emulator instance.

    Time values are seconds. `db_path` is a file path or `:memory:`; with a file, data survives
    a restart. `heavy_routes` lists operations as `"METHOD /path/{template}"`; `None` means
    `ratelimit.DEFAULT_HEAVY_ROUTES` plus the operations areas registered with `heavy=True`
    (README.md, "Rate limits").
    """

    host: str = "127.0.0.1"
    port: int = 8080
    db_path: str = ":memory:"
    client_id: str = "emulator"
    client_secret: str = "emulator-secret"  # noqa: S105 - a documented default for a local emulator
    extra_clients: tuple[ClientSpec, ...] = ()
    users: tuple[UserSpec, ...] = DEFAULT_USERS
    seed: bool = False
    rate_limit: int = 1000
    heavy_rate_limit: int = 250
    rate_limit_window: int = 3600
    heavy_routes: frozenset[str] | None = None
    access_token_lifetime: int = 8 * 3600
    refresh_token_lifetime: int = 28 * 24 * 3600
    web_url: str = "https://podio.com"
    control_loopback_only: bool = True
    access_log: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        users = tuple(parse_user_spec(u) if isinstance(u, str) else u for u in self.users or ())
        object.__setattr__(self, "users", users)
        if self.heavy_routes is not None:
            object.__setattr__(self, "heavy_routes", frozenset(self.heavy_routes))
        for name in ("rate_limit", "heavy_rate_limit", "rate_limit_window"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        mails = [u.mail.lower() for u in users]
        if len(set(mails)) != len(mails):
            raise ValueError("two configured users share one mail address")

    def __repr__(self) -> str:
        return (
            f"EmulatorConfig(host={self.host!r}, port={self.port!r}, db_path={self.db_path!r}, "
            f"client_id={self.client_id!r}, users={[u.mail for u in self.users]!r})"
        )

    @property
    def clients(self) -> tuple[ClientSpec, ...]:
        """The main client first, then `extra_clients`."""
        main = ClientSpec(self.client_id, self.client_secret, "Emulator", trusted=True)
        return (main, *self.extra_clients)

    def with_overrides(self, **overrides: Any) -> EmulatorConfig:
        """A copy with some fields replaced; unknown names raise `TypeError`."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown emulator setting(s): {', '.join(unknown)}")
        if "users" in overrides:
            overrides["users"] = _users(overrides["users"])
        return replace(self, **overrides)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> EmulatorConfig:
        """Defaults, overridden by `PODIO_EMULATOR_*` variables (names in README.md)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        text_fields = ("host", "db_path", "client_id", "client_secret", "web_url")
        for name in text_fields:
            if (value := env.get(ENV_PREFIX + name.upper())) is not None:
                values[name] = value
        int_fields = (
            "port",
            "rate_limit",
            "heavy_rate_limit",
            "rate_limit_window",
            "access_token_lifetime",
            "refresh_token_lifetime",
        )
        for name in int_fields:
            if (value := env.get(ENV_PREFIX + name.upper())) is not None:
                values[name] = int(value)
        if (value := env.get(ENV_PREFIX + "SEED")) is not None:
            values["seed"] = value.lower() in {"1", "true", "yes", "on"}
        if (value := env.get(ENV_PREFIX + "USERS")) is not None:
            values["users"] = _users(v for v in value.split(",") if v.strip())
        if (value := env.get(ENV_PREFIX + "HEAVY_ROUTES")) is not None:
            values["heavy_routes"] = frozenset(v.strip() for v in value.split(",") if v.strip())
        return cls(**values)


def _users(values: Iterable[str | UserSpec]) -> tuple[UserSpec, ...]:
    return tuple(parse_user_spec(v.strip()) if isinstance(v, str) else v for v in values)
