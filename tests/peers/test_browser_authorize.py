"""The emulator's OAuth authorize page in a real browser (headless Chromium).

A person's path through auth.md §2: the page built by `podio.Client.authorize_url`, e-mail and
password typed into its form, Allow or Deny clicked, and the browser redirected to a loopback
server standing in for the app. The code that arrives there is exchanged by the client.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from click.testing import CliRunner

import podio
from podio.cli import cli
from podio_emulator import EmulatorHandle

from .conftest import Receiver

if TYPE_CHECKING:
    from playwright.sync_api import Page


@pytest.fixture
def client(podio_emulator: EmulatorHandle) -> Iterator[podio.Client]:
    """An unauthenticated client of the emulator (its web host is the emulator too)."""
    with podio.Client(
        podio_emulator.client_id, podio_emulator.client_secret, api_url=podio_emulator.base_url
    ) as made:
        yield made


def sign_in(page: Page, mail: str, password: str, button: str = "Allow") -> None:
    page.get_by_label("E-mail").fill(mail)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=button).click()


def wait_for_redirect(page: Page, target: str) -> None:
    page.wait_for_url(lambda url: url.startswith(target))


def query_of(path: str) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlsplit(path).query).items()}


def png_size_and_colours(data: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct bytes in the decoded rows of a PNG file."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat, size = 8, b"", (0, 0)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunk = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        offset += 12 + length
    return size[0], size[1], len(set(zlib.decompress(idat)))


def test_allow_redirects_with_code_and_state_and_the_code_signs_the_client_in(
    podio_emulator: EmulatorHandle,
    client: podio.Client,
    page: Page,
    receiver: Receiver,
    tmp_path: Path,
) -> None:
    mail, password = podio_emulator.users[0]
    page.goto(client.authorize_url(receiver.url, state="browser state/1"))
    assert page.title() == "Authorize"
    assert page.get_by_role("heading").inner_text() == "Authorize Emulator"

    shot = tmp_path / "authorize.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height, colours = png_size_and_colours(shot.read_bytes())
    assert width > 300 and height > 200
    assert colours > 2  # the form was drawn, not a blank page

    sign_in(page, mail, password)
    wait_for_redirect(page, receiver.url)
    assert page.get_by_role("heading").inner_text() == "Received"
    assert len(receiver.paths) == 1
    arrived = query_of(receiver.paths[0])
    assert urlsplit(receiver.paths[0]).path == "/callback"
    assert arrived["state"] == "browser state/1"
    assert query_of(page.url) == arrived

    token = client.authenticate_with_auth_code(arrived["code"], receiver.url)
    assert token.ref_type == "user"
    assert client.connection.get("/user/status").body["user"]["mail"] == mail
    with pytest.raises(podio.InvalidGrantError):  # the browser's code is spent now
        client.authenticate_with_auth_code(arrived["code"], receiver.url)


def test_deny_redirects_with_access_denied_and_issues_nothing(
    podio_emulator: EmulatorHandle, client: podio.Client, page: Page, receiver: Receiver
) -> None:
    issued = podio_emulator.state()["tokens_issued"]
    page.goto(client.authorize_url(receiver.url, state="s-deny"))
    page.get_by_role("button", name="Deny").click()
    wait_for_redirect(page, receiver.url)
    arrived = query_of(receiver.paths[0])
    assert arrived["error"] == "access_denied"
    assert arrived["error_reason"] == "user_denied"
    assert arrived["state"] == "s-deny"
    assert "code" not in arrived
    assert podio_emulator.state()["tokens_issued"] == issued


def test_token_response_type_puts_the_token_in_the_fragment_the_server_never_sees(
    podio_emulator: EmulatorHandle, client: podio.Client, page: Page, receiver: Receiver
) -> None:
    mail, password = podio_emulator.users[0]
    page.goto(client.authorize_url(receiver.url, state="s-token", response_type="token"))
    sign_in(page, mail, password)
    wait_for_redirect(page, receiver.url)
    assert receiver.paths == ["/callback"]  # a fragment stays in the browser
    location = urlsplit(page.url)
    fragment = {key: values[-1] for key, values in parse_qs(location.fragment).items()}
    assert fragment["token_type"] == "bearer"
    assert fragment["expires_in"] == "28800"
    assert fragment["state"] == "s-token"
    assert fragment["refresh_token"]
    status = httpx.get(
        podio_emulator.url("/user/status"),
        headers={"Authorization": f"OAuth2 {fragment['access_token']}"},
    )
    assert status.status_code == 200
    assert status.json()["user"]["mail"] == mail


def test_a_wrong_password_shows_an_error_and_keeps_the_mail_for_the_next_try(
    podio_emulator: EmulatorHandle, client: podio.Client, page: Page, receiver: Receiver
) -> None:
    mail, password = podio_emulator.users[0]
    page.goto(client.authorize_url(receiver.url, state="s-retry"))
    sign_in(page, mail, "not the password")
    assert page.get_by_role("alert").inner_text() == "Wrong e-mail or password."
    assert page.get_by_label("E-mail").input_value() == mail
    assert receiver.paths == []
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Allow").click()
    wait_for_redirect(page, receiver.url)
    assert query_of(receiver.paths[0])["state"] == "s-retry"
    assert "code" in query_of(receiver.paths[0])


def test_a_user_with_a_second_factor_gets_the_code_page(
    podio_emulator: EmulatorHandle, client: podio.Client, page: Page, receiver: Receiver
) -> None:
    podio_emulator.create_user("mfa@example.com", "secret-pw", mfa=True)
    page.goto(client.authorize_url(receiver.url, state="s-mfa"))
    sign_in(page, "mfa@example.com", "secret-pw")
    assert page.title() == "Second factor"
    page.get_by_label("One-time code").fill("000000")
    page.get_by_role("button", name="Allow").click()
    assert page.get_by_role("alert").inner_text() == "That code is not valid."
    page.get_by_label("One-time code").fill("123456")
    page.get_by_role("button", name="Allow").click()
    wait_for_redirect(page, receiver.url)
    code = query_of(receiver.paths[0])["code"]
    client.authenticate_with_auth_code(code, receiver.url)
    assert client.connection.get("/user/status").body["user"]["mail"] == "mfa@example.com"


def test_podio_login_signs_in_through_the_browser(
    podio_emulator: EmulatorHandle, page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mail, password = podio_emulator.users[0]
    opened: list[str] = []

    def browser_opens(url: str) -> bool:
        """What `webbrowser.open` does for `podio login`, with a person at the keyboard."""
        opened.append(url)
        page.goto(url)
        sign_in(page, mail, password)
        page.wait_for_url(lambda now: urlsplit(now).path == "/callback")
        return True

    monkeypatch.setattr("webbrowser.open", browser_opens)
    env = {
        "PODIO_CONFIG_DIR": str(tmp_path / "config"),
        "PODIO_API_URL": podio_emulator.base_url,
        "PODIO_CLIENT_ID": podio_emulator.client_id,
        "PODIO_CLIENT_SECRET": podio_emulator.client_secret,
    }
    runner = CliRunner()
    login = runner.invoke(cli, ["login"], env=env)
    assert login.exit_code == 0, login.output
    user_id = podio_emulator.token()["ref"]["id"]
    assert f"Signed in as user {user_id}" in login.output
    assert opened and opened[0].startswith(f"{podio_emulator.base_url}/oauth/authorize?")
    assert page.get_by_role("heading").inner_text() == "Signed in"
    assert password not in login.output

    whoami = runner.invoke(cli, ["whoami", "--json"], env=env)
    assert whoami.exit_code == 0, whoami.output
    assert f'"mail": "{mail}"' in whoami.output
