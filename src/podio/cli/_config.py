"""Where the command line keeps its settings and token.

Settings (API URL, client id and secret) live in ``config.json`` and the token in
``token.json``, both readable by their owner only, in ``$PODIO_CONFIG_DIR`` or
``$XDG_CONFIG_HOME/podio`` (``~/.config/podio``). Environment variables (``PODIO_CLIENT_ID``,
``PODIO_CLIENT_SECRET``, ``PODIO_API_URL``) override the file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import click

from .._auth import FileTokenStore
from .._client import DEFAULT_API_URL, Client, env_options

__all__ = ["Settings", "config_dir", "load_settings", "make_client", "save_settings"]


@dataclass
class Settings:
    api_url: str = DEFAULT_API_URL
    client_id: str | None = None
    client_secret: str | None = None

    def __repr__(self) -> str:
        secret = "set" if self.client_secret else "unset"
        return f"Settings(api_url={self.api_url!r}, client_id={self.client_id!r}, secret {secret})"


def config_dir() -> Path:
    explicit = os.environ.get("PODIO_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "podio"


def load_settings() -> Settings:
    settings = Settings()
    path = config_dir() / "config.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        data = {}
    if isinstance(data, dict):
        settings.api_url = str(data.get("api_url") or settings.api_url)
        settings.client_id = data.get("client_id") or None
        settings.client_secret = data.get("client_secret") or None
    env = env_options()
    settings.api_url = env.get("api_url", settings.api_url)
    settings.client_id = env.get("api_key", settings.client_id)
    settings.client_secret = env.get("api_secret", settings.client_secret)
    return settings


def save_settings(settings: Settings) -> Path:
    """Write the settings atomically, readable by the owner only (they hold a secret)."""
    directory = config_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "config.json"
    fd, tmp = tempfile.mkstemp(prefix=".config-", dir=directory)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(settings), handle, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def token_store() -> FileTokenStore:
    return FileTokenStore(config_dir() / "token.json")


def make_client(settings: Settings | None = None, **options: object) -> Client:
    """A client with the stored settings and token, closed when the running command ends.

    Closing matters where commands run inside a longer-lived process (tests, `CliRunner`):
    otherwise each command leaves its HTTP connections open.
    """
    settings = settings or load_settings()
    client = Client(
        settings.client_id,
        settings.client_secret,
        api_url=settings.api_url,
        token_store=token_store(),
        user_agent="podio-cli",
        **options,  # type: ignore[arg-type]
    )
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(client.close)
    return client
