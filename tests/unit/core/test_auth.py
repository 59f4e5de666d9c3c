"""Every OAuth flow of the Ruby gem, as requests on the wire and tokens in the client."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

import podio

from ...mock_api import MockPodio

TOKEN = {
    "access_token": "a" * 32,
    "token_type": "bearer",
    "expires_in": 28800,
    "refresh_token": "r" * 32,
    "ref": {"type": "user", "id": 1234},
    "scope": "global:all",
}


@pytest.fixture
def token_api(mock_podio: MockPodio) -> MockPodio:
    mock_podio.on("POST", "/oauth/token", TOKEN)
    return mock_podio


def anonymous(mock: MockPodio, **options: Any) -> podio.Client:
    return podio.Client("my-client", "my-secret", transport=httpx.MockTransport(mock), **options)


def test_authorize_url_points_at_the_web_host() -> None:
    client = podio.Client("my-client", "my-secret")
    url = client.authorize_url("https://example.com/cb", scope="global:all", state="xyz")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "podio.com", "/oauth/authorize")
    assert parse_qs(parts.query) == {
        "client_id": ["my-client"],
        "redirect_uri": ["https://example.com/cb"],
        "response_type": ["code"],
        "scope": ["global:all"],
        "state": ["xyz"],
    }
    assert "my-secret" not in url
    local = podio.Client("c", "s", api_url="http://127.0.0.1:8080").authorize_url(
        "http://localhost/cb", response_type="token"
    )
    assert local.startswith("http://127.0.0.1:8080/oauth/authorize?")
    assert "response_type=token" in local


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda c: c.authenticate_with_auth_code("the-code", "https://example.com/cb"),
            {
                "grant_type": "authorization_code",
                "code": "the-code",
                "redirect_uri": "https://example.com/cb",
            },
        ),
        (
            lambda c: c.authenticate_with_credentials("me@example.com", "pw", offering_id="o1"),
            {
                "grant_type": "password",
                "username": "me@example.com",
                "password": "pw",
                "offering_id": "o1",
            },
        ),
        (
            lambda c: c.authenticate_with_app(42, "app-token"),
            {"grant_type": "app", "app_id": "42", "app_token": "app-token"},
        ),
        (
            lambda c: c.authenticate_with_transfer_token("tt"),
            {"grant_type": "transfer_token", "transfer_token": "tt"},
        ),
        (
            lambda c: c.authenticate_with_activation_code("ac"),
            {"grant_type": "activation_code", "activation_code": "ac"},
        ),
    ],
    ids=["auth_code", "credentials", "app", "transfer_token", "activation_code"],
)
def test_grants_post_form_encoded_credentials_to_the_token_endpoint(
    token_api: MockPodio, call: Any, expected: dict[str, str]
) -> None:
    client = anonymous(token_api, test_mode=True)
    token = call(client)
    sent = token_api.last
    assert sent.method == "POST"
    assert sent.path == "/oauth/token"
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent.form == {**expected, "client_id": "my-client", "client_secret": "my-secret"}
    assert "authorization" not in sent.headers
    assert "x-podio-dry-run" not in sent.headers  # token requests never run dry
    assert client.oauth_token is token
    assert token.access_token == TOKEN["access_token"]
    assert token.refresh_token == TOKEN["refresh_token"]
    assert token.reference == {"type": "user", "id": 1234}
    assert token.ref_type == "user"
    assert token.ref_id == 1234
    assert token.scope == "global:all"
    assert token.expires_in == 28800
    assert token.expires_at is not None
    remaining = token.expires_at - dt.datetime.now(dt.timezone.utc)
    assert dt.timedelta(hours=7, minutes=59) < remaining <= dt.timedelta(hours=8)
    assert not token.refreshed


async def test_async_grants_are_the_same(token_api: MockPodio) -> None:
    client = anonymous(token_api)
    token = await client.aauthenticate_with_credentials("me@example.com", "pw")
    assert token_api.last.form["grant_type"] == "password"
    assert client.oauth_token is token


def test_calls_after_authentication_send_the_oauth2_header(token_api: MockPodio) -> None:
    token_api.on("GET", "/user/status", {"user": {"user_id": 1}})
    client = anonymous(token_api)
    client.authenticate_with_credentials("me@example.com", "pw")
    client.connection.get("/user/status")
    assert token_api.last.headers["authorization"] == f"OAuth2 {TOKEN['access_token']}"


def test_without_a_token_a_trusted_client_sends_basic_credentials(mock_podio: MockPodio) -> None:
    mock_podio.on("GET", "/app_store/category/", [])
    anonymous(mock_podio).connection.get("/app_store/category/")
    expected = base64.b64encode(b"my-client:my-secret").decode()
    assert mock_podio.last.headers["authorization"] == f"Basic {expected}"


def test_without_token_or_credentials_the_call_is_refused_before_sending(
    mock_podio: MockPodio,
) -> None:
    client = podio.Client(transport=httpx.MockTransport(mock_podio))
    with pytest.raises(podio.ConfigurationError, match="not authenticated"):
        client.connection.get("/org/")
    assert mock_podio.calls == []


def test_second_factor_challenge_then_verification(mock_podio: MockPodio) -> None:
    mock_podio.on("POST", "/oauth/token", {"server_nonce": "nonce-1"})
    mock_podio.on("POST", "/mfa/verify", TOKEN)
    client = anonymous(mock_podio)
    with pytest.raises(podio.SecondFactorRequired) as caught:
        client.authenticate_with_credentials("me@example.com", "pw")
    assert caught.value.nonce == "nonce-1"
    assert "nonce-1" not in str(caught.value)
    assert client.oauth_token is None
    token = client.authenticate_with_second_factor("nonce-1", "123456")
    assert mock_podio.last.json == {"nonce": "nonce-1", "otp": "123456"}
    assert client.oauth_token is token
    client.authenticate_with_second_factor("nonce-1", "recovery", use_recovery_code=True)
    assert mock_podio.last.json == {"nonce": "nonce-1", "recoveryCode": "recovery"}


@pytest.mark.parametrize(
    ("error", "cls"),
    [
        ("invalid_second_factor", podio.InvalidSecondFactorError),
        ("nonce_validation_error", podio.NonceValidationError),
    ],
)
def test_second_factor_failures_have_their_classes(
    mock_podio: MockPodio, error: str, cls: type[Exception]
) -> None:
    mock_podio.on("POST", "/mfa/verify", {"error": error, "error_description": "no"}, status=400)
    with pytest.raises(cls):
        anonymous(mock_podio).authenticate_with_second_factor("n", "000000")


def test_sso_keeps_the_secret_out_of_the_url_and_reports_new_users(
    mock_podio: MockPodio,
) -> None:
    mock_podio.on("POST", "/oauth/token", {**TOKEN, "new_user_created": True})
    token, created = anonymous(mock_podio).authenticate_with_sso(
        {"email": "new@example.com", "name": "New"}
    )
    sent = mock_podio.last
    assert sent.params == {"grant_type": "sso", "client_id": "my-client"}
    assert sent.json == {"email": "new@example.com", "name": "New"}
    assert sent.headers["authorization"].startswith("Basic ")
    assert created is True
    assert token.access_token == TOKEN["access_token"]


def test_openid_uses_the_trusted_endpoint_with_basic_credentials(mock_podio: MockPodio) -> None:
    mock_podio.on("POST", "/oauth/token_by_openid", TOKEN)
    anonymous(mock_podio).authenticate_with_openid("https://me.example.com/", "google")
    sent = mock_podio.last
    assert sent.form["grant_type"] == "google"
    assert sent.form["identifier"] == "https://me.example.com/"
    assert sent.headers["authorization"].startswith("Basic ")


def test_bad_credentials_raise_invalid_grant(mock_podio: MockPodio) -> None:
    mock_podio.on(
        "POST",
        "/oauth/token",
        {"error": "invalid_grant", "error_description": "Invalid user credentials"},
        status=400,
    )
    with pytest.raises(podio.InvalidGrantError) as caught:
        anonymous(mock_podio).authenticate_with_credentials("me@example.com", "wrong-pw")
    assert caught.value.response_status == 400
    assert "wrong-pw" not in str(caught.value)
    assert "wrong-pw" not in repr(caught.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.authenticate_with_credentials("", "pw"),
        lambda c: c.authenticate_with_credentials("me", ""),
        lambda c: c.authenticate_with_app(0, "t"),
        lambda c: c.authenticate_with_app(1, ""),
        lambda c: c.authenticate_with_auth_code("", "https://x"),
        lambda c: c.authenticate_with_sso({}),
        lambda c: c.authorize_url(""),
    ],
)
def test_bad_arguments_fail_before_any_request(mock_podio: MockPodio, call: Any) -> None:
    with pytest.raises((ValueError, TypeError)):
        call(anonymous(mock_podio))
    assert mock_podio.calls == []


def test_grants_need_the_client_credentials(mock_podio: MockPodio) -> None:
    client = podio.Client(transport=httpx.MockTransport(mock_podio))
    with pytest.raises(podio.ConfigurationError, match="PODIO_CLIENT_ID"):
        client.authenticate_with_credentials("me@example.com", "pw")
    assert mock_podio.calls == []


def test_a_token_answer_without_access_token_is_an_invalid_response(
    mock_podio: MockPodio,
) -> None:
    mock_podio.on("POST", "/oauth/token", {"refresh_token": "r-secret"})
    with pytest.raises(podio.InvalidResponseError) as caught:
        anonymous(mock_podio).authenticate_with_credentials("me@example.com", "pw")
    assert "r-secret" not in str(caught.value)
    assert "r-secret" not in repr(caught.value.response_body)


def test_oauth_token_option_accepts_the_token_endpoint_dict(mock_podio: MockPodio) -> None:
    client = anonymous(mock_podio, oauth_token=TOKEN)
    assert client.oauth_token is not None
    assert client.oauth_token.access_token == TOKEN["access_token"]
    client.oauth_token = podio.OAuthToken("other")
    assert client.oauth_token.access_token == "other"
