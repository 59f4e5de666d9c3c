"""configure, login (password, second factor, app, browser), whoami, logout, config-dir."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from podio_emulator import EmulatorHandle

from .conftest import CLIENT_ID, CLIENT_SECRET, MAIL, PASSWORD, Cli


def test_configure_asks_for_the_secret_without_echo_and_keeps_it_private(
    cli: Cli, emulator: EmulatorHandle
) -> None:
    result = cli.ok(
        "configure", "--api-url", emulator.base_url, input=f"{CLIENT_ID}\n{CLIENT_SECRET}\n"
    )
    assert CLIENT_SECRET not in result.output  # hidden input is not echoed back
    assert f"client id {CLIENT_ID}" in result.output
    saved = cli.config_dir / "config.json"
    assert json.loads(saved.read_text()) == {
        "api_url": emulator.base_url,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert cli.ok("config-dir").output.strip() == str(cli.config_dir)


def test_a_new_client_id_needs_its_own_secret(configured: Cli) -> None:
    configured.ok("configure", "--client-id", "other", input="other-secret-77\n")
    saved = json.loads((configured.config_dir / "config.json").read_text())
    assert (saved["client_id"], saved["client_secret"]) == ("other", "other-secret-77")
    configured.extra_secrets.append("other-secret-77")


def test_login_with_a_password_then_whoami_and_logout(configured: Cli) -> None:
    result = configured.ok("login", "--username", MAIL, input=f"{PASSWORD}\n")
    assert re.search(r"Signed in as user \d+", result.output)
    token = configured.config_dir / "token.json"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert configured.ok("whoami").output.startswith(f"CLI User <{MAIL}> (user ")
    status = json.loads(configured.ok("whoami", "--json").output)
    assert status["user"]["mail"] == MAIL

    assert configured.ok("logout").output.strip() == "Signed out"
    assert not token.exists()
    assert configured.fails("whoami") == "Error: not signed in: run `podio login` first"


def test_a_wrong_password_is_one_line_and_stores_nothing(configured: Cli) -> None:
    line = configured.fails("login", "--username", MAIL, "--password", "wrong-Pw-9931")
    assert line.startswith("Error: 400 invalid_grant")
    assert "wrong-Pw-9931" not in line
    assert not (configured.config_dir / "token.json").exists()
    configured.extra_secrets.append("wrong-Pw-9931")


def test_the_second_factor_is_asked_for(configured: Cli, emulator: EmulatorHandle) -> None:
    emulator.create_user("mfa@example.com", "Mfa-Pass-2290", name="Two Factor", mfa=True)
    configured.extra_secrets.append("Mfa-Pass-2290")
    wrong = configured("login", "--username", "mfa@example.com", input="Mfa-Pass-2290\n000000\n")
    assert wrong.exit_code == 1
    assert "Second factor code" in wrong.output
    assert "invalid_second_factor" in wrong.stderr
    assert not (configured.config_dir / "token.json").exists()

    right = configured.ok("login", "--username", "mfa@example.com", input="Mfa-Pass-2290\n123456\n")
    assert "Signed in as user" in right.output
    assert "Two Factor <mfa@example.com>" in configured.ok("whoami").output


def test_login_as_an_app_keeps_its_token_secret(
    signed_in: Cli, emulator: EmulatorHandle, world: dict[str, Any]
) -> None:
    app_id = world["app_ids"]["clients"]
    with httpx.Client(base_url=emulator.base_url) as api:
        answer = api.get(f"/app/{app_id}", headers=emulator.auth_headers(MAIL, PASSWORD))
        secret = answer.json()["token"]
    signed_in.extra_secrets.append(secret)
    result = signed_in.ok("login", "--app-id", app_id, input=f"{secret}\n")
    assert result.output.strip().endswith(f"Signed in as app {app_id}")
    assert signed_in.ok("whoami").output.strip() == f"app {app_id}"


def test_commands_need_configuration_and_a_sign_in(cli: Cli, emulator: EmulatorHandle) -> None:
    assert cli.fails("login", "--username", MAIL) == (
        "Error: no API key configured: run `podio configure` first"
    )
    assert cli.fails("orgs") == "Error: no API key configured: run `podio configure` first"


def test_an_expired_token_is_refreshed_and_saved(signed_in: Cli, emulator: EmulatorHandle) -> None:
    token_file = signed_in.config_dir / "token.json"
    before = json.loads(token_file.read_text())
    emulator.advance_clock(8 * 3600 + 60)
    assert "CLI User" in signed_in.ok("whoami").output
    after = json.loads(token_file.read_text())
    assert after["access_token"] != before["access_token"]
    assert after["refresh_token"] == before["refresh_token"]


def test_a_dead_refresh_token_says_to_sign_in_again(
    signed_in: Cli, emulator: EmulatorHandle
) -> None:
    emulator.advance_clock(29 * 24 * 3600)
    line = signed_in.fails("whoami")
    assert line.startswith("Error: 400 invalid_grant")
    assert line.endswith("sign in again with `podio login`")


@contextlib.contextmanager
def login_process(config_dir: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """`podio login --no-browser` in a process of its own, and the address it prints."""
    env = {**os.environ, "PODIO_CONFIG_DIR": str(config_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "podio.cli", "login", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        match = re.match(r"Sign in at: (\S+)$", first)
        assert match, first
        yield process, match.group(1)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def browser(emulator: EmulatorHandle, url: str, decision: str) -> httpx.Response:
    """Fill in the authorize page as a browser would, then follow Podio's redirect."""
    with httpx.Client(follow_redirects=False, timeout=10) as session:
        page = session.get(url)
        assert page.status_code == 200
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
        fields.update({"mail": MAIL, "username": MAIL, "password": PASSWORD, "decision": decision})
        action = re.search(r'<form method="post" action="([^"]+)"', page.text)
        assert action is not None
        answer = session.post(emulator.url(action.group(1)), data=fields)
        assert answer.status_code in (302, 303)
        callback = answer.headers["location"]
        assert callback.startswith("http://127.0.0.1:")
        return session.get(callback)  # the command's one-shot local server


def test_browser_login_through_the_authorize_page(
    configured: Cli, emulator: EmulatorHandle
) -> None:
    """The address printed leads to Podio's authorize page; once the user allows, Podio
    redirects to the command's local callback, which exchanges the code for the token."""
    with login_process(configured.config_dir) as (process, url):
        assert url.startswith(f"{emulator.base_url}/oauth/authorize?")
        landing = browser(emulator, url, "allow")
        assert landing.status_code == 200
        assert "Signed in" in landing.text
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert re.fullmatch(r"Signed in as user \d+\n", out)
    token = json.loads((configured.config_dir / "token.json").read_text())
    for secret in (CLIENT_SECRET, PASSWORD, token["access_token"], token["refresh_token"]):
        assert secret not in out + err
    assert "CLI User" in configured.ok("whoami").stdout


def test_browser_login_denied(configured: Cli, emulator: EmulatorHandle) -> None:
    with login_process(configured.config_dir) as (process, url):
        landing = browser(emulator, url, "deny")
        assert landing.status_code == 400
        out, err = process.communicate(timeout=20)
    assert (process.returncode, out) == (1, "")
    assert err.startswith("Error: sign-in was not granted")
    assert "Traceback" not in err
    assert not (configured.config_dir / "token.json").exists()


def test_a_callback_with_another_state_is_refused(configured: Cli) -> None:
    """Another page cannot slip its own code to the local server."""
    with login_process(configured.config_dir) as (process, url):
        redirect = httpx.URL(url).params["redirect_uri"]
        forged = httpx.get(redirect, params={"code": "forged", "state": "not-the-state"})
        assert forged.status_code == 400
        assert process.poll() is None  # still waiting for the real answer
