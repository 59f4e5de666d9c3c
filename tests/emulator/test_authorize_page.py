"""The browser flow of auth.md §2, driven through its HTML form as a browser would post it."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx

from podio_emulator import EmulatorHandle

REDIRECT = "https://app.example/callback"


def open_page(emu: EmulatorHandle, **params: str) -> httpx.Response:
    query = {"client_id": emu.client_id, "redirect_uri": REDIRECT, **params}
    return httpx.get(emu.url("/oauth/authorize"), params=query)


def hidden_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))


def submit(emu: EmulatorHandle, page: httpx.Response, **fields: str) -> httpx.Response:
    assert '<form method="post" action="/oauth/authorize">' in page.text
    form = {**hidden_fields(page.text), **fields}
    return httpx.post(emu.url("/oauth/authorize"), data=form)


def test_allow_redirects_with_a_code_that_exchanges_once_with_the_same_redirect_uri(
    podio_emulator: EmulatorHandle,
) -> None:
    page = open_page(podio_emulator, response_type="code", state="xyz 1", scope="global:all")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'value="allow"' in page.text
    assert 'value="deny"' in page.text
    mail, password = podio_emulator.users[0]
    r = submit(podio_emulator, page, username=mail, password=password, decision="allow")
    assert r.status_code == 302
    location = urlsplit(r.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["xyz 1"]
    code = query["code"][0]

    def exchange(redirect_uri: str) -> httpx.Response:
        return httpx.post(
            podio_emulator.url("/oauth/token"),
            data={
                "grant_type": "authorization_code",
                "client_id": podio_emulator.client_id,
                "client_secret": podio_emulator.client_secret,
                "code": code,
                "redirect_uri": redirect_uri,
            },
        )

    mismatch = exchange("https://evil.example/cb")
    assert (mismatch.status_code, mismatch.json()["error"]) == (400, "invalid_grant")
    ok = exchange(REDIRECT)
    assert ok.status_code == 200
    assert ok.json()["ref"]["type"] == "user"
    # Codes are single use.
    assert exchange(REDIRECT).json()["error"] == "invalid_grant"


def test_deny_redirects_with_access_denied(podio_emulator: EmulatorHandle) -> None:
    page = open_page(podio_emulator, state="s1")
    r = submit(podio_emulator, page, decision="deny")
    assert r.status_code == 302
    query = parse_qs(urlsplit(r.headers["location"]).query)
    assert query["error"] == ["access_denied"]
    assert query["error_reason"] == ["user_denied"]
    assert query["state"] == ["s1"]
    assert query["error_description"][0]


def test_token_response_type_puts_the_tokens_in_the_fragment(
    podio_emulator: EmulatorHandle,
) -> None:
    page = open_page(podio_emulator, response_type="token", state="abc")
    mail, password = podio_emulator.users[0]
    r = submit(podio_emulator, page, username=mail, password=password, decision="allow")
    location = urlsplit(r.headers["location"])
    assert location.query == ""
    fragment = parse_qs(location.fragment)
    assert set(fragment) == {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
        "state",
    }
    assert fragment["token_type"] == ["bearer"]
    assert fragment["expires_in"] == ["28800"]
    assert fragment["state"] == ["abc"]
    status = httpx.get(
        podio_emulator.url("/user/status"),
        headers={"Authorization": f"OAuth2 {fragment['access_token'][0]}"},
    )
    assert status.status_code == 200


def test_wrong_password_shows_the_form_again(podio_emulator: EmulatorHandle) -> None:
    page = open_page(podio_emulator)
    r = submit(podio_emulator, page, username="user@example.com", password="nope", decision="allow")
    assert r.status_code == 401
    assert "Wrong e-mail or password" in r.text
    assert hidden_fields(r.text)["client_id"] == podio_emulator.client_id


def test_unknown_client_or_bad_redirect_is_an_error_page_not_a_redirect(
    podio_emulator: EmulatorHandle,
) -> None:
    r = httpx.get(
        podio_emulator.url("/oauth/authorize"),
        params={"client_id": "nobody", "redirect_uri": REDIRECT},
    )
    assert r.status_code == 400
    assert "Unknown client_id" in r.text
    r = open_page(podio_emulator, redirect_uri="javascript:alert(1)")
    assert r.status_code == 400


def test_user_with_a_second_factor_is_asked_for_it(podio_emulator: EmulatorHandle) -> None:
    made = podio_emulator.create_user("mfa@example.com", "pw-123", mfa=True)
    page = open_page(podio_emulator, state="q")
    otp_page = submit(
        podio_emulator, page, username="mfa@example.com", password="pw-123", decision="allow"
    )
    assert otp_page.status_code == 200
    assert 'name="otp"' in otp_page.text
    nonce = re.search(r'name="nonce" value="([^"]+)"', otp_page.text)
    assert nonce is not None
    r = submit(podio_emulator, otp_page, nonce=nonce.group(1), otp=made["otp"], decision="allow")
    assert r.status_code == 302
    assert "code" in parse_qs(urlsplit(r.headers["location"]).query)
