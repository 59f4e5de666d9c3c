"""Secrets never show: not in log lines at any level, reprs, exception messages or URLs."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import httpx
import pytest

import podio

from ...mock_api import MockPodio

SECRETS = ["client-secret-XYZ", "password-XYZ", "access-XYZ", "refresh-XYZ", "app-token-XYZ"]


def test_nothing_secret_reaches_logs_reprs_or_errors(
    mock_podio: MockPodio, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock_podio.on(
        "POST",
        "/oauth/token",
        {"access_token": "access-XYZ", "refresh_token": "refresh-XYZ", "expires_in": 28800},
    )
    mock_podio.on("GET", "/app/1", {"app_id": 1, "token": "app-token-XYZ"})
    mock_podio.on("GET", "/denied", {"error": "forbidden", "error_description": "No"}, status=403)
    client = podio.Client(
        "client-id", "client-secret-XYZ", transport=httpx.MockTransport(mock_podio), debug=True
    )
    token = client.authenticate_with_credentials("me@example.com", "password-XYZ")
    client.authenticate_with_app(1, "app-token-XYZ")
    app = client.connection.get("/app/1")
    with pytest.raises(podio.ForbiddenError) as caught:
        client.connection.get("/denied")
    shown = [
        caplog.text,
        repr(client),
        str(client),
        repr(token),
        str(token),
        repr(client.token_store),
        repr(caught.value),
        str(caught.value),
        repr(app),
        repr(client.connection),
    ]
    for text in shown:
        for secret in SECRETS:
            assert secret not in text, f"{secret} leaked into {text[:80]!r}"
    assert "POST /oauth/token -> 200" in caplog.text
    assert "GET /denied -> 403" in caplog.text


def test_a_model_holding_an_app_token_does_not_show_it() -> None:
    space = podio.Space({"space_id": 1, "token": "app-token-XYZ", "secret": "client-secret-XYZ"})
    assert "app-token-XYZ" not in repr(space)
    contact = podio.SpaceContact(name="The Dude", token="app-token-XYZ")
    assert "app-token-XYZ" not in repr(contact)


def test_file_token_store_is_private_atomic_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "token.json"
    store = podio.FileTokenStore(path)
    assert store.load() is None
    token = podio.OAuthToken(
        "access-XYZ", "refresh-XYZ", expires_in=28800, reference={"type": "user", "id": 7}
    )
    store.save(token)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert store.load() == token
    assert [p.name for p in path.parent.iterdir()] == ["token.json"]  # no temporary left over
    assert "access-XYZ" not in repr(store)
    store.clear()
    assert store.load() is None
    assert not path.exists()


def test_a_stored_token_is_used_and_refreshed_tokens_are_stored(
    tmp_path: Path, mock_podio: MockPodio
) -> None:
    store = podio.FileTokenStore(tmp_path / "token.json")
    store.save(podio.OAuthToken("stored-access", "stored-refresh", expires_in=3600))
    mock_podio.on("GET", "/org/", [])
    mock_podio.on(
        "POST", "/oauth/token", {"access_token": "new", "refresh_token": "r2", "expires_in": 60}
    )
    client = podio.Client("i", "s", transport=httpx.MockTransport(mock_podio), token_store=store)
    client.connection.get("/org/")
    assert mock_podio.last.headers["authorization"] == "OAuth2 stored-access"
    client.refresh_access_token()
    reloaded = store.load()
    assert reloaded is not None
    assert reloaded.access_token == "new"
    assert reloaded.refreshed


def test_a_corrupt_token_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    path.write_text("{not json")
    assert podio.FileTokenStore(path).load() is None


def test_custom_stores_follow_the_protocol() -> None:
    class Redisish:
        def __init__(self) -> None:
            self.data: dict[str, object] = {}

        def load(self) -> podio.OAuthToken | None:
            raw = self.data.get("t")
            return podio.OAuthToken.from_dict(raw) if isinstance(raw, dict) else None

        def save(self, token: podio.OAuthToken) -> None:
            self.data["t"] = token.to_dict()

        def clear(self) -> None:
            self.data.clear()

    store = Redisish()
    assert isinstance(store, podio.TokenStore)
    client = podio.Client(oauth_token={"access_token": "a", "expires_in": 5}, token_store=store)
    assert store.load() == client.oauth_token


def test_secrets_in_paths_and_httpx_log_lines_are_masked(
    mock_podio: MockPodio, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mock_podio.on("GET", r"/calendar/ics/.*", {"error": "not_found"}, status=404)
    client = mock_podio.client(debug=True)
    with pytest.raises(podio.NotFoundError) as caught:
        client.connection.get("/calendar/ics/12/feed-token-XYZ/", params={"oauth_token": "qs-XYZ"})
    for text in (caplog.text, str(caught.value), repr(caught.value), str(caught.value.url)):
        assert "feed-token-XYZ" not in text
        assert "qs-XYZ" not in text
    assert "/calendar/ics/12/***" in caplog.text
    httpx_lines = [record for record in caplog.records if record.name == "httpx"]
    assert httpx_lines, "httpx logs requests at INFO"


def test_httpcore_protocol_loggers_and_url_fragments_are_redacted(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """httpcore logs response headers at DEBUG on its per-protocol loggers, which the filter
    on "httpcore" never saw; the implicit flow's redirect carries the tokens in the fragment,
    which redact_url left alone. An authorize page's 302 leaked both."""
    caplog.set_level(logging.DEBUG)
    location = "http://localhost:9/cb#access_token=fragment-XYZ&refresh_token=rt-XYZ&state=s"
    logging.getLogger("httpcore.http11").debug(
        "receive_response_headers.complete return_value=(b'HTTP/1.1', 302, b'Found', "
        "[(b'location', b'%s'), (b'x', b'http://localhost:9/cb?code=code-XYZ&state=s')])",
        location,
    )
    for secret in ("fragment-XYZ", "rt-XYZ", "code-XYZ"):
        assert secret not in caplog.text
    assert "#access_token=***&refresh_token=***&state=s" in caplog.text
    assert "?code=***&state=s" in caplog.text
