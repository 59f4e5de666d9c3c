"""OAuth as auth.md describes it: every grant, lifetimes on the emulator clock, the 401s."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from podio_emulator import EmulatorHandle
from podio_emulator.areas.spaces.models import create_app_record

TOKEN_KEYS = {"access_token", "token_type", "expires_in", "refresh_token", "ref", "scope"}


def grant(emu: EmulatorHandle, **params: Any) -> httpx.Response:
    data = {"client_id": emu.client_id, "client_secret": emu.client_secret, **params}
    return httpx.post(emu.url("/oauth/token"), data=data)


def status_with(emu: EmulatorHandle, token: str) -> httpx.Response:
    return httpx.get(emu.url("/user/status"), headers={"Authorization": f"OAuth2 {token}"})


def make_app(emu: EmulatorHandle, world: dict[str, Any]) -> tuple[int, str]:
    assert emu.emulator is not None
    with emu.emulator.transaction() as tx:
        return create_app_record(tx, world["space_ids"]["intranet"], "Projects")


def test_password_grant_answers_the_documented_token_fields(podio_emulator: EmulatorHandle) -> None:
    mail, password = podio_emulator.users[0]
    r = grant(podio_emulator, grant_type="password", username=mail, password=password)
    assert r.status_code == 200
    body = r.json()
    assert set(body) == TOKEN_KEYS
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 28800
    assert body["scope"] == "global:all"
    assert body["ref"]["type"] == "user"
    assert isinstance(body["ref"]["id"], int)
    assert status_with(podio_emulator, body["access_token"]).status_code == 200


@pytest.mark.parametrize(
    ("username", "password"),
    [("user@example.com", "wrong"), ("nobody@example.com", "password")],
)
def test_bad_credentials_are_invalid_grant(
    podio_emulator: EmulatorHandle, username: str, password: str
) -> None:
    r = grant(podio_emulator, grant_type="password", username=username, password=password)
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_grant"
    assert set(r.json()) >= {"error_description", "error_detail", "error_parameters", "request"}


def test_unknown_client_and_unknown_grant_type(podio_emulator: EmulatorHandle) -> None:
    mail, password = podio_emulator.users[0]
    r = httpx.post(
        podio_emulator.url("/oauth/token"),
        data={
            "grant_type": "password",
            "client_id": "someone-else",
            "client_secret": "x",
            "username": mail,
            "password": password,
        },
    )
    assert (r.status_code, r.json()["error"]) == (400, "invalid_client")
    r = grant(podio_emulator, grant_type="magic")
    assert (r.status_code, r.json()["error"]) == (400, "unsupported_grant_type")
    r = grant(podio_emulator, grant_type="password", username=mail)
    assert (r.status_code, r.json()["error"]) == (400, "invalid_request")


def test_json_token_endpoint_v2(podio_emulator: EmulatorHandle) -> None:
    mail, password = podio_emulator.users[0]
    r = httpx.post(
        podio_emulator.url("/oauth/token/v2"),
        json={
            "grant_type": "password",
            "client_id": podio_emulator.client_id,
            "client_secret": podio_emulator.client_secret,
            "username": mail,
            "password": password,
        },
    )
    assert r.status_code == 200
    assert set(r.json()) == TOKEN_KEYS


def test_expired_token_gets_exactly_podios_401(podio_emulator: EmulatorHandle) -> None:
    token = podio_emulator.token()["access_token"]
    podio_emulator.advance_clock(8 * 3600 - 5)
    assert status_with(podio_emulator, token).status_code == 200
    podio_emulator.advance_clock(10)
    r = status_with(podio_emulator, token)
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"] == 'Bearer realm="podio", error="expired_token"'
    assert r.headers["Content-Type"] == "application/json; charset=utf-8"
    assert r.json() == {
        "error": "unauthorized",
        "error_description": "expired_token",
        "error_detail": None,
        "error_parameters": {},
        "error_propagate": False,
        "request": {"url": podio_emulator.url("/user/status"), "query_string": "", "method": "GET"},
    }


def test_refresh_gives_a_new_access_token_and_the_same_refresh_token(
    podio_emulator: EmulatorHandle,
) -> None:
    first = podio_emulator.token()
    podio_emulator.advance_clock(9 * 3600)
    assert status_with(podio_emulator, first["access_token"]).status_code == 401
    r = grant(podio_emulator, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert r.status_code == 200
    second = r.json()
    assert second["refresh_token"] == first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["ref"] == first["ref"]
    assert status_with(podio_emulator, second["access_token"]).status_code == 200
    state = podio_emulator.state()
    assert state["refreshes"] == 1
    assert state["tokens_issued"] == 2


def test_refresh_token_dies_after_28_days_unless_used(podio_emulator: EmulatorHandle) -> None:
    first = podio_emulator.token()
    podio_emulator.advance_clock(20 * 86400)
    used = grant(podio_emulator, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert used.status_code == 200  # and its 28 days start again
    podio_emulator.advance_clock(20 * 86400)
    again = grant(podio_emulator, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert again.status_code == 200
    podio_emulator.advance_clock(29 * 86400)
    late = grant(podio_emulator, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert (late.status_code, late.json()["error"]) == (400, "invalid_grant")


def test_bad_refresh_token_is_invalid_grant(podio_emulator: EmulatorHandle) -> None:
    r = grant(podio_emulator, grant_type="refresh_token", refresh_token="nope")
    assert (r.status_code, r.json()["error"]) == (400, "invalid_grant")


def test_missing_unknown_and_bearer_tokens(podio_emulator: EmulatorHandle) -> None:
    missing = httpx.get(podio_emulator.url("/user/status"))
    assert missing.status_code == 401
    assert missing.json()["error"] == "unauthorized"
    assert missing.headers["WWW-Authenticate"] == 'Bearer realm="podio"'
    unknown = status_with(podio_emulator, "0" * 32)
    assert unknown.status_code == 401
    assert unknown.json()["error"] == "invalid_token"
    assert unknown.headers["WWW-Authenticate"] == 'Bearer realm="podio", error="invalid_token"'
    token = podio_emulator.token()["access_token"]
    bearer = httpx.get(
        podio_emulator.url("/user/status"), headers={"Authorization": f"Bearer {token}"}
    )
    assert bearer.status_code == 200
    legacy = httpx.get(podio_emulator.url("/user/status"), params={"oauth_token": token})
    assert legacy.status_code == 200


def test_two_factor_login_with_otp_and_recovery_code(podio_emulator: EmulatorHandle) -> None:
    made = podio_emulator.create_user("mfa@example.com", "pw-123", mfa=True)
    step = grant(
        podio_emulator, grant_type="password", username="mfa@example.com", password="pw-123"
    )
    assert step.status_code == 200
    assert set(step.json()) == {"server_nonce"}
    nonce = step.json()["server_nonce"]

    wrong = httpx.post(podio_emulator.url("/mfa/verify"), json={"nonce": nonce, "otp": "000000"})
    assert (wrong.status_code, wrong.json()["error"]) == (400, "invalid_second_factor")
    ok = httpx.post(podio_emulator.url("/mfa/verify"), json={"nonce": nonce, "otp": made["otp"]})
    assert ok.status_code == 200
    assert ok.json()["ref"] == {"type": "user", "id": made["user_id"]}
    spent = httpx.post(podio_emulator.url("/mfa/verify"), json={"nonce": nonce, "otp": made["otp"]})
    assert (spent.status_code, spent.json()["error"]) == (400, "nonce_validation_error")

    code = made["recovery_codes"][0]
    for expected in (200, 400):
        nonce = grant(
            podio_emulator, grant_type="password", username="mfa@example.com", password="pw-123"
        ).json()["server_nonce"]
        r = httpx.post(
            podio_emulator.url("/mfa/verify"), json={"nonce": nonce, "recoveryCode": code}
        )
        assert r.status_code == expected  # a recovery code works once
    assert r.json()["error"] == "invalid_second_factor"


def test_second_factor_nonce_expires(podio_emulator: EmulatorHandle) -> None:
    made = podio_emulator.create_user("mfa2@example.com", "pw-123", mfa=True)
    nonce = grant(
        podio_emulator, grant_type="password", username="mfa2@example.com", password="pw-123"
    ).json()["server_nonce"]
    podio_emulator.advance_clock(301)
    r = httpx.post(podio_emulator.url("/mfa/verify"), json={"nonce": nonce, "otp": made["otp"]})
    assert (r.status_code, r.json()["error"]) == (400, "nonce_validation_error")


def test_app_grant_gives_an_app_token_limited_to_its_app(
    podio_emulator: EmulatorHandle, world: dict[str, Any]
) -> None:
    app_id, app_token = make_app(podio_emulator, world)
    r = grant(podio_emulator, grant_type="app", app_id=str(app_id), app_token=app_token)
    assert r.status_code == 200
    body = r.json()
    assert body["ref"] == {"type": "app", "id": app_id}
    headers = {"Authorization": f"OAuth2 {body['access_token']}"}
    own_space = world["space_ids"]["intranet"]
    assert httpx.get(podio_emulator.url(f"/space/{own_space}"), headers=headers).status_code == 200
    other = world["space_ids"]["sales"]
    assert httpx.get(podio_emulator.url(f"/space/{other}"), headers=headers).status_code == 403
    # Operations that only make sense for people refuse app tokens.
    assert httpx.get(podio_emulator.url("/user/status"), headers=headers).status_code == 403
    scope = httpx.get(podio_emulator.url("/oauth/scope"), headers=headers).json()
    assert scope == [
        {"ref_type": "app", "ref_id": app_id, "permissions": ["all"], "ref_data": None}
    ]
    bad = grant(podio_emulator, grant_type="app", app_id=str(app_id), app_token="x" * 32)
    assert (bad.status_code, bad.json()["error"]) == (400, "invalid_grant")


def test_transfer_token_works_once(podio_emulator: EmulatorHandle) -> None:
    mail = podio_emulator.users[0].mail
    made = podio_emulator.control("POST", "transfer_token", {"mail": mail})
    r = grant(podio_emulator, grant_type="transfer_token", transfer_token=made["transfer_token"])
    assert r.status_code == 200
    again = grant(
        podio_emulator, grant_type="transfer_token", transfer_token=made["transfer_token"]
    )
    assert (again.status_code, again.json()["error"]) == (400, "invalid_grant")


def test_activation_code_activates_a_new_user(podio_emulator: EmulatorHandle) -> None:
    made = podio_emulator.control("POST", "activation_code", {"mail": "new@example.com"})
    r = grant(podio_emulator, grant_type="activation_code", activation_code=made["activation_code"])
    assert r.status_code == 200
    assert r.json()["ref"] == {"type": "user", "id": made["user_id"]}
    user = httpx.get(
        podio_emulator.url("/user/"),
        headers={"Authorization": f"OAuth2 {r.json()['access_token']}"},
    ).json()
    assert user["status"] == "active"
    assert user["mail"] == "new@example.com"


def test_sso_with_credentials_in_the_query_creates_then_finds_the_user(
    podio_emulator: EmulatorHandle,
) -> None:
    # podio-rb sends grant_type and the client credentials in the query, attributes as body.
    query = {
        "grant_type": "sso",
        "client_id": podio_emulator.client_id,
        "client_secret": podio_emulator.client_secret,
    }
    attributes = {"mail": "sso.person@example.com", "name": "Sso Person"}
    first = httpx.post(podio_emulator.url("/oauth/token"), params=query, json=attributes)
    assert first.status_code == 200
    assert first.json()["new_user_created"] is True
    second = httpx.post(podio_emulator.url("/oauth/token"), params=query, data=attributes)
    assert second.json()["new_user_created"] is False
    assert second.json()["ref"] == first.json()["ref"]
    basic = base64.b64encode(
        f"{podio_emulator.client_id}:{podio_emulator.client_secret}".encode()
    ).decode()
    third = httpx.post(
        podio_emulator.url("/oauth/token"),
        data={"grant_type": "sso", **attributes},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert third.status_code == 200
    assert third.json()["ref"] == first.json()["ref"]


def test_token_by_openid_needs_basic_client_credentials(podio_emulator: EmulatorHandle) -> None:
    mail = podio_emulator.users[0].mail
    podio_emulator.control(
        "POST", "openid", {"mail": mail, "identifier": "https://id.example/u1", "type": "google"}
    )
    form = {"grant_type": "google", "identifier": "https://id.example/u1"}
    r = httpx.post(
        podio_emulator.url("/oauth/token_by_openid"),
        data=form,
        auth=(podio_emulator.client_id, podio_emulator.client_secret),
    )
    assert r.status_code == 200
    assert r.json()["ref"]["type"] == "user"
    bad = httpx.post(
        podio_emulator.url("/oauth/token_by_openid"),
        data={**form, "identifier": "https://id.example/other"},
        auth=(podio_emulator.client_id, podio_emulator.client_secret),
    )
    assert (bad.status_code, bad.json()["error"]) == (400, "invalid_grant")
    unauthenticated = httpx.post(podio_emulator.url("/oauth/token_by_openid"), data=form)
    assert (unauthenticated.status_code, unauthenticated.json()["error"]) == (400, "invalid_client")


def test_invalidating_the_grant_kills_access_and_refresh_tokens(
    podio_emulator: EmulatorHandle,
) -> None:
    token = podio_emulator.token()
    headers = {"Authorization": f"OAuth2 {token['access_token']}"}
    r = httpx.post(podio_emulator.url("/oauth/grant/invalidate"), headers=headers)
    assert r.status_code == 204
    assert status_with(podio_emulator, token["access_token"]).json()["error"] == "invalid_token"
    refresh = grant(
        podio_emulator, grant_type="refresh_token", refresh_token=token["refresh_token"]
    )
    assert refresh.json()["error"] == "invalid_grant"


def test_scope_of_a_user_token_is_global(api: httpx.Client) -> None:
    assert api.get("/oauth/scope").json() == [
        {"ref_type": None, "ref_id": None, "permissions": ["all"], "ref_data": None}
    ]


def test_trusted_client_basic_auth_is_refused_where_a_user_token_is_needed(
    podio_emulator: EmulatorHandle,
) -> None:
    r = httpx.get(
        podio_emulator.url("/user/status"),
        auth=(podio_emulator.client_id, podio_emulator.client_secret),
    )
    assert r.status_code == 401
    assert r.json()["error_description"] == "This operation needs an OAuth2 token"
