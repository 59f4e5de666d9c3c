"""Every grant type of the client against the emulator, and refresh after the clock moves."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

import podio
from podio_emulator import EmulatorHandle


def test_password_grant_and_a_call(
    make_client: Callable[..., podio.Client], user: tuple[str, str]
) -> None:
    client = make_client()
    token = client.authenticate_with_credentials(*user)
    assert token.ref_type == "user"
    assert token.expires_in == 28800
    status = client.connection.get("/user/status").body
    assert status["user"]["mail"] == user[0]
    assert status["user"]["user_id"] == token.ref_id


def test_wrong_password_is_invalid_grant(
    make_client: Callable[..., podio.Client], user: tuple[str, str]
) -> None:
    with pytest.raises(podio.InvalidGrantError) as caught:
        make_client().authenticate_with_credentials(user[0], "not-the-password")
    assert caught.value.response_status == 400
    assert "not-the-password" not in str(caught.value)


def test_second_factor(emulator: EmulatorHandle, make_client: Callable[..., podio.Client]) -> None:
    emulator.create_user("mfa@example.com", "secret-pw", mfa=True)
    client = make_client()
    with pytest.raises(podio.SecondFactorRequired) as challenge:
        client.authenticate_with_credentials("mfa@example.com", "secret-pw")
    with pytest.raises(podio.InvalidSecondFactorError):
        client.authenticate_with_second_factor(challenge.value.nonce, "000000")
    token = client.authenticate_with_second_factor(challenge.value.nonce, "123456")
    assert token.ref_type == "user"
    with pytest.raises(podio.NonceValidationError):
        client.authenticate_with_second_factor(challenge.value.nonce, "123456")


def _authorize(
    emulator: EmulatorHandle,
    client: podio.Client,
    redirect_uri: str,
    user: tuple[str, str],
    **kw: str,
) -> httpx.Response:
    """Fill in the authorize page's form as a browser would, without following the redirect."""
    url = client.authorize_url(redirect_uri, state="st-1", **kw)
    with httpx.Client(follow_redirects=False) as browser:
        page = browser.get(url)
        assert page.status_code == 200
        assert "<form" in page.text
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
        fields.update({"mail": user[0], "username": user[0], "password": user[1]})
        fields["decision"] = "allow"
        action = re.search(r'<form method="post" action="([^"]+)"', page.text)
        assert action is not None
        return browser.post(emulator.url(action.group(1)), data=fields)


def test_web_server_flow_without_a_browser(
    emulator: EmulatorHandle, make_client: Callable[..., podio.Client], user: tuple[str, str]
) -> None:
    client = make_client()
    redirect = "http://localhost:9/callback"
    answer = _authorize(emulator, client, redirect, user)
    assert answer.status_code in (302, 303)
    location = urlsplit(answer.headers["location"])
    query = parse_qs(location.query)
    assert f"{location.scheme}://{location.netloc}{location.path}" == redirect
    assert query["state"] == ["st-1"]
    token = client.authenticate_with_auth_code(query["code"][0], redirect)
    assert token.ref_type == "user"
    with pytest.raises(podio.InvalidGrantError):  # a code is spent once used
        make_client().authenticate_with_auth_code(query["code"][0], redirect)


def test_app_grant_only_touches_its_own_app(
    emulator: EmulatorHandle, client: podio.Client, make_client: Callable[..., podio.Client]
) -> None:
    spaces = emulator.seed()["space_ids"]
    space_id = spaces["sales"]
    app = client.connection.post(
        "/app/",
        {"space_id": space_id, "config": {"name": "Leads", "item_name": "Lead"}, "fields": []},
    ).body
    token = client.connection.get(f"/app/{app['app_id']}").body["token"]
    app_client = make_client()
    app_token = app_client.authenticate_with_app(app["app_id"], token)
    assert app_token.ref_type == "app"
    assert app_token.ref_id == app["app_id"]
    assert app_client.connection.get(f"/app/{app['app_id']}").status == 200
    with pytest.raises(podio.ForbiddenError):  # another space: out of an app token's reach
        app_client.connection.get(f"/space/{spaces['intranet']}")


def test_transfer_token_activation_code_sso_and_openid(
    emulator: EmulatorHandle, make_client: Callable[..., podio.Client], user: tuple[str, str]
) -> None:
    transfer = emulator.control("POST", "transfer_token", {"mail": user[0]})
    assert (
        make_client().authenticate_with_transfer_token(transfer["transfer_token"]).ref_type
        == "user"
    )

    activation = emulator.control("POST", "activation_code", {"mail": "new@example.com"})
    activated = make_client()
    token = activated.authenticate_with_activation_code(activation["activation_code"])
    assert token.ref_id == activation["user_id"]
    assert activated.connection.get("/user/status").body["user"]["mail"] == "new@example.com"

    sso = make_client()
    token, created = sso.authenticate_with_sso({"mail": "sso-user@example.com", "name": "S"})
    assert created is True
    _, created_again = make_client().authenticate_with_sso({"mail": "sso-user@example.com"})
    assert created_again is False

    emulator.control(
        "POST", "clients", {"client_id": "trusted", "client_secret": "ts", "trusted": True}
    )
    emulator.control(
        "POST",
        "openid",
        {"mail": user[0], "identifier": "https://me.example/", "type": "google"},
    )
    with podio.Client("trusted", "ts", api_url=emulator.base_url) as trusted:
        assert trusted.authenticate_with_openid("https://me.example/", "google").ref_type == "user"
        with pytest.raises(podio.InvalidGrantError):
            trusted.authenticate_with_openid("https://unknown.example/", "google")


def test_expired_token_is_refreshed_once_the_clock_moves_eight_hours(
    emulator: EmulatorHandle, client: podio.Client
) -> None:
    first = client.oauth_token
    assert first is not None
    emulator.advance_clock(8 * 3600 + 60)
    refreshed: list[podio.OAuthToken] = []
    client.on_token_refreshed = refreshed.append
    assert client.connection.get("/user/status").status == 200
    assert refreshed
    assert client.oauth_token is not None
    assert client.oauth_token.access_token != first.access_token
    assert client.oauth_token.refresh_token == first.refresh_token  # Podio keeps it (auth.md §6)
    assert emulator.state()["refreshes"] == 1


def test_a_dead_refresh_token_fails_and_is_forgotten(
    emulator: EmulatorHandle, client: podio.Client
) -> None:
    emulator.advance_clock(29 * 24 * 3600)  # past the refresh token's 28 days
    with pytest.raises(podio.InvalidGrantError):
        client.connection.get("/user/status")
    assert client.oauth_token is None


def test_rate_limit_is_420_with_its_budget(emulator: EmulatorHandle, client: podio.Client) -> None:
    state = emulator.state()["rate_limits"]
    limit = state.get("limit", 1000) if isinstance(state, dict) else 1000
    client.retry_policy = podio.RetryPolicy(max_retries=0)
    remaining = client.connection.get("/user/status").rate_limit
    assert remaining is not None
    for _ in range(remaining.remaining):
        client.connection.get("/user/status")
    with pytest.raises(podio.RateLimitError) as caught:
        client.connection.get("/user/status")
    assert caught.value.response_status == 420
    assert caught.value.code == "rate_limit"
    assert caught.value.remaining == 0
    assert caught.value.retry_after is not None
    assert limit
